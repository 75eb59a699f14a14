/**
 * The consolidation use case through the real ExcelWorkbookHost over the fake Excel: what lands in the
 * master's cells, the marks, and the syncs used to write the master (constant in the number of rows).
 */
import { createConsolidationServices } from "../../src/app/consolidation";
import { createPaneServices } from "../../src/app/paneServices";
import { MASTER_SHEET_NAMES, STATISTICS_SHEET_NAME } from "../../src/domain/merge";
import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import { HEADER_FILL } from "../../src/excel/writeTable";
import { day, specToGrid } from "../fixtures/generate";
import { travellingLeaderUnits, dataRow, trip, unitSpec, visit, type UnitSpecInput } from "../domain/merge/units";
import { cellKey, createWorkbook, installFakeExcel, sheetByName, valuesOf, type FakeCell, type FakeExcel, type FakeSheet, type FakeValue } from "../excel/fakeExcel";
import { masterColumn, viewMaster } from "../support/masterDocument";
import type { CellValue, TableWrite } from "../../src/workbook/types";
import { MemoryHost } from "../support/memoryHost";
import { memoryPlanStorage, SETTINGS, unitFile } from "./consolidationSupport";
import { measureMergeSyncs } from "./mergeSyncs";

jest.setTimeout(60_000);

let fake: FakeExcel | undefined;
afterEach(() => fake?.uninstall());

async function excelMaster(sheets = [{ name: "Sheet1", values: [["Sổ tổng hợp kế hoạch đoàn 2025"]] as FakeValue[][] }]) {
  fake = installFakeExcel(createWorkbook({ name: "Tổng hợp 2025.xlsx", sheets }));
  const host = new ExcelWorkbookHost();
  const storage = memoryPlanStorage();
  const pane = createPaneServices(host, { storage });
  await pane.saveSettings(SETTINGS);
  const consolidation = createConsolidationServices(host, { pane, storage, yieldToUi: async () => undefined });
  return { host, pane, consolidation, storage, fake: fake! };
}

/** Every cell of a fake sheet from A1, as rows of values (formula cells, never computed by the fake, read null). */
function fakeRows(sheet: FakeSheet): (FakeValue | null)[][] {
  let last = 1;
  let right = 1;
  for (const key of sheet.cells.keys()) {
    const [row, column] = key.split(",").map(Number);
    last = Math.max(last, row);
    right = Math.max(right, column);
  }
  return valuesOf(sheet, { top: 1, left: 1, bottom: last, right });
}

/** A column of the master document on a fake sheet, over its delegation rows. */
function fakeColumn(sheet: FakeSheet, title: string): (FakeValue | null)[] {
  return masterColumn(fakeRows(sheet) as CellValue[][], title) as (FakeValue | null)[];
}

/** Excel's "Insert row" in the fake: the cells, merges and row heights from `at` down move one row. */
function insertRow(sheet: FakeSheet, at: number): void {
  const moved = new Map<string, FakeCell>();
  for (const [key, cell] of sheet.cells) {
    const [row, column] = key.split(",").map(Number);
    moved.set(cellKey(row >= at ? row + 1 : row, column), cell);
  }
  sheet.cells = moved;
  sheet.merges = sheet.merges.map((area) => (area.top >= at ? { ...area, top: area.top + 1, bottom: area.bottom + 1 } : area));
}

const A: UnitSpecInput = {
  file: "so-y-te.xlsx",
  unit: "Sở Y tế",
  outbound: [
    trip(1, { name: "=HYPERLINK(\"http://evil\",\"Đoàn A\")", notes: "+84 số máy lẻ 12" }),
    trip(2, { start: day(2025, 5, 4), end: day(2025, 5, 8), notes: "@Phòng HTQT" }),
    trip(3, { funding: null }),
  ],
};
const B: UnitSpecInput = { file: "so-gd.xlsx", unit: "Sở Giáo dục và Đào tạo", outbound: [trip(4), trip(5, { notes: "-" })] };

describe("consolidation in Excel (fake)", () => {
  it("writes the master's cells with provenance, values only: formula-like text stays text, dates are real dates", async () => {
    const { consolidation, fake } = await excelMaster();
    await consolidation.addFiles([await unitFile(A), await unitFile(B)]);
    const summary = await consolidation.merge();
    expect(summary.sheets).toEqual([{ sheet: MASTER_SHEET_NAMES.outbound, kind: "outbound", fromUnits: 4, byHand: 0 }]);
    expect(summary.excluded.map((e) => [e.file, e.row, e.reason])).toEqual([["so-y-te.xlsx", dataRow(A, 3), "Thiếu: Nguồn kinh phí"]]);
    expect(summary.charts).toBeGreaterThan(0);

    const master = sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound);
    expect(fakeColumn(master, "Đơn vị")).toEqual(["Sở Y tế", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"]);
    expect(fakeColumn(master, "Tệp")).toEqual(["so-y-te.xlsx", "so-y-te.xlsx", "so-gd.xlsx", "so-gd.xlsx"]);
    expect(fakeColumn(master, "Dòng gốc")).toEqual([1, 2, 1, 2].map((n, i) => `dòng ${dataRow(i < 2 ? A : B, n)} (Đoàn ra)`));
    expect(fakeColumn(master, "Tên đoàn")[0]).toBe("=HYPERLINK(\"http://evil\",\"Đoàn A\")");
    expect(fakeColumn(master, "Ghi chú")).toEqual(["+84 số máy lẻ 12", "@Phòng HTQT", null, "-"]);
    // The only formulas are the add-in's Tổng cộng cells, on the total row.
    const view = viewMaster(fakeRows(master) as CellValue[][]);
    const formulaCells = [...master.cells].filter(([, cell]) => cell.formula !== undefined);
    expect(formulaCells.map(([key]) => Number(key.split(",")[0]))).toEqual([view.totalRow, view.totalRow, view.totalRow]);
    // The start date: a real date (a serial number) shown dd/mm/yyyy.
    const start = fakeColumn(master, "Từ ngày")[1];
    expect(typeof start).toBe("number");
    const startColumn = view.titles.indexOf("Từ ngày") + 1;
    expect(master.cells.get(cellKey(view.data[1].row, startColumn))?.numberFormat).toBe("dd/mm/yyyy");
    expect(master.cells.get(cellKey(view.headerRow, 1))).toMatchObject({ bold: true, fill: HEADER_FILL });

    const statistics = sheetByName(fake.workbook, STATISTICS_SHEET_NAME);
    expect(statistics.charts.length).toBe(summary.charts);
    expect(statistics.charts.every((chart) => chart.title && chart.position)).toBe(true);
    // The user's first sheet is untouched.
    expect(valuesOf(sheetByName(fake.workbook, "Sheet1"), { top: 1, left: 1, bottom: 1, right: 1 })).toEqual([["Sổ tổng hợp kế hoạch đoàn 2025"]]);
  });

  it("re-importing replaces a unit's rows, keeps a row typed in by hand and leaves the master as it was for the same files", async () => {
    const { consolidation, fake } = await excelMaster();
    await consolidation.addFiles([await unitFile(A), await unitFile(B)]);
    await consolidation.merge();
    let master = sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound);
    // A row inserted by hand right above the Tổng cộng row.
    const view = viewMaster(fakeRows(master) as CellValue[][]);
    insertRow(master, view.totalRow!);
    master.cells.set(cellKey(view.totalRow!, view.titles.indexOf("Tên đoàn") + 1), { value: "Đoàn do Sở Ngoại vụ nhập tay" });
    master.cells.set(cellKey(view.totalRow!, view.titles.indexOf("Nước đến") + 1), { value: "Lào" });

    await consolidation.merge();
    master = sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound);
    const once = fakeRows(master);
    await consolidation.merge();
    expect(fakeRows(sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound))).toEqual(once);
    expect(fakeColumn(master, "Tên đoàn")).toEqual(["=HYPERLINK(\"http://evil\",\"Đoàn A\")", "Đoàn công tác số 2", "Đoàn công tác số 4", "Đoàn công tác số 5", "Đoàn do Sở Ngoại vụ nhập tay"]);

    await consolidation.addFiles([await unitFile({ ...B, outbound: [trip(12)] })]);
    await consolidation.merge();
    master = sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound);
    expect(fakeColumn(master, "Tên đoàn")).toEqual(["=HYPERLINK(\"http://evil\",\"Đoàn A\")", "Đoàn công tác số 2", "Đoàn công tác số 12", "Đoàn do Sở Ngoại vụ nhập tay"]);
    expect(fakeColumn(master, "Đơn vị")).toEqual(["Sở Y tế", "Sở Y tế", "Sở Giáo dục và Đào tạo", null]);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1", MASTER_SHEET_NAMES.outbound, STATISTICS_SHEET_NAME]);
  });

  it("marks a leader with 2 trips in one unit and 1 in another on the master, with a note", async () => {
    const { a, b } = travellingLeaderUnits();
    const { consolidation, pane, fake } = await excelMaster();
    await consolidation.addFiles([await unitFile(a), await unitFile(b)]);
    await consolidation.merge();
    const master = sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound);
    const rows = viewMaster(fakeRows(master) as CellValue[][]).data.map((line) => line.row);
    const flagged = [rows[0], rows[2], rows[3]].map((row) => `C${row}`);
    for (const address of flagged) expect(master.notes.get(address)?.content).toMatch(/3 lần/);
    expect(master.notes.has(`C${rows[1]}`)).toBe(false);
    const covered = (row: number, column: number) =>
      master.conditionalFormats.some((format) => format.areas.some((a) => a.top <= row && row <= a.bottom && a.left <= column && column <= a.right));
    expect(rows.map((row) => covered(row, 3))).toEqual([true, false, true, true]);
    expect(pane.latestResult()?.findings.filter((f) => f.rule === "key-leader-trips").map((f) => f.cell)).toEqual(flagged);
    // Clearing removes the master's marks like any check's.
    await pane.clearMarks();
    expect(sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound).notes.size).toBe(0);
  });

  it("writes the official form as dplan merge does: merges, totals as formulas, row heights, collapsed provenance, print setup", async () => {
    const { consolidation, host, fake } = await excelMaster();
    const written: TableWrite[] = [];
    const write = host.writeTable.bind(host);
    jest.spyOn(host, "writeTable").mockImplementation(async (table) => {
      written.push(table);
      return write(table);
    });
    await consolidation.addFiles([await unitFile(A), await unitFile(B)]);
    await consolidation.merge();
    const table = written.find((t) => t.sheet === MASTER_SHEET_NAMES.outbound)!;
    const master = sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound);

    // The same document as the table every host writes (the CLI's and the playground's exceljs writer too).
    expect(master.merges).toEqual(table.merges!.filter((area) => area.bottom > area.top || area.right > area.left));
    const rows = fakeRows(master);
    expect(rows[0][0]).toBe(null);
    expect(rows.find((row) => row[0] === "KẾ HOẠCH ĐOÀN RA NĂM 2025")).toBeDefined();
    expect(rows.some((row) => row.includes("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))).toBe(true);
    for (const formula of table.formulas!) expect(master.cells.get(cellKey(formula.row, formula.column))?.formula).toBe(formula.formula);
    expect(table.formulas!.map((f) => f.formula)).toEqual([expect.stringMatching(/^=COUNTA\(G\d+:INDEX\(G:G,ROW\(\)-1\)\)$/), expect.stringMatching(/^=SUM\(E/), expect.stringMatching(/^=SUM\(O/)]);
    for (const { row, points } of table.rowHeights!) expect(master.rowHeights.get(row)).toBe(points);
    const { first, last } = table.collapsedColumns!;
    expect([...master.hiddenColumns].sort((a, b) => a - b)).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
    expect(master.columnGroups).toEqual([{ left: first, right: last }]);
    expect(master.frozenRows).toBe(table.freezeRows);
    expect(master.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: `A1:${String.fromCharCode(64 + first - 1)}${table.rows.length}`,
      printTitleRows: `$${table.print!.repeatRows!.first}:$${table.print!.repeatRows!.last}`,
      centerFooter: "Trang &P/&N",
    });
    // Styles: the title bold and large, the section rows bold, borders on the body.
    const titleRow = rows.findIndex((row) => row[0] === "KẾ HOẠCH ĐOÀN RA NĂM 2025") + 1;
    expect(master.cells.get(cellKey(titleRow, 1))).toMatchObject({ bold: true, fontSize: 14, horizontalAlignment: "Center" });
    const view = viewMaster(rows as CellValue[][]);
    expect(master.cells.get(cellKey(view.data[0].row, 2))?.borders).toMatchObject({ EdgeTop: "Continuous", EdgeLeft: "Continuous" });
  });

  it("without ExcelApi 1.10 the provenance columns are hidden, not grouped", async () => {
    fake = installFakeExcel(createWorkbook({ name: "Tổng hợp.xlsx", sheets: [{ name: "Sheet1" }] }), { apiVersion: "1.9" });
    const host = new ExcelWorkbookHost();
    const storage = memoryPlanStorage();
    const pane = createPaneServices(host, { storage });
    await pane.saveSettings(SETTINGS);
    const consolidation = createConsolidationServices(host, { pane, storage, yieldToUi: async () => undefined });
    await consolidation.addFiles([await unitFile(B)]);
    await consolidation.merge();
    const master = sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound);
    expect(master.hiddenColumns.size).toBe(6);
    expect(master.columnGroups).toEqual([]);
    expect(master.pageLayout.orientation).toBe("Landscape");
  });

  it("the inbound master prints the unit hosting each visit in “Đơn vị chủ trì”, as dplan merge does", async () => {
    const { consolidation, fake } = await excelMaster();
    await consolidation.addFiles([await unitFile({ ...B, inbound: [visit(1)] }), await unitFile({ file: "xa-tan-hoa.xlsx", unit: "UBND xã Tân Hòa", inbound: [visit(2), visit(3)] })]);
    await consolidation.merge();
    const master = sheetByName(fake.workbook, MASTER_SHEET_NAMES.inbound);
    expect(fakeColumn(master, "Đơn vị chủ trì")).toEqual(["Sở Giáo dục và Đào tạo", "UBND xã Tân Hòa", "UBND xã Tân Hòa"]);
    const view = viewMaster(fakeRows(master) as CellValue[][]);
    const printedRight = /^A1:([A-Z]+)\d+$/.exec(master.pageLayout.printArea ?? "")![1];
    expect(view.titles.indexOf("Đơn vị chủ trì") + 1).toBeLessThanOrEqual(printedRight.charCodeAt(0) - 64);
  });

  it("merges a plan sent from another workbook into the Excel master", async () => {
    const { consolidation, storage, fake } = await excelMaster();
    const unitHost = new MemoryHost(unitSpec(B).sheets.map(specToGrid), "KH Sở GD.xlsx");
    const unitPane = createPaneServices(unitHost, { storage });
    const sender = createConsolidationServices(unitHost, { pane: unitPane, storage });
    const { entry } = await sender.sendToMaster();
    await consolidation.includeSentPlan(entry.key);
    await consolidation.merge();
    expect(fakeColumn(sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound), "Tệp")).toEqual(["KH Sở GD.xlsx", "KH Sở GD.xlsx"]);
  });
});

describe("syncs used to write the master: constant in the number of rows", () => {
  it("50 and 5,000 rows take the same syncs: read 3, each sheet 2 (master, Thống kê), marks 2", async () => {
    const small = await measureMergeSyncs(2, 25);
    const large = await measureMergeSyncs(5, 1000);
    expect(small.summary.sheets[0].fromUnits).toBe(50);
    expect(large.summary.sheets[0].fromUnits).toBe(5000);
    // readSheets, writeTable (master), writeTable (Thống kê), applyMarks.
    expect(small.runs).toEqual([3, 2, 2, 2]);
    expect(large.runs).toEqual(small.runs);
    expect(large.total).toBe(9);
    expect(large.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });
});
