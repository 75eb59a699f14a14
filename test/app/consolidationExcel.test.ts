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
import { travellingLeaderUnits, dataRow, trip, unitSpec, type UnitSpecInput } from "../domain/merge/units";
import { cellKey, createWorkbook, installFakeExcel, sheetByName, valuesOf, type FakeExcel, type FakeSheet, type FakeValue } from "../excel/fakeExcel";
import { MemoryHost } from "../support/memoryHost";
import { memoryPlanStorage, SETTINGS, unitFile } from "./consolidationSupport";
import { measureMergeSyncs } from "./mergeSyncs";

jest.setTimeout(60_000);

let fake: FakeExcel | undefined;
afterEach(() => fake?.uninstall());

async function excelMaster(sheets = [{ name: "Sheet1", values: [["Bảng tổng hợp kế hoạch đoàn 2025"]] as FakeValue[][] }]) {
  fake = installFakeExcel(createWorkbook({ name: "Tổng hợp 2025.xlsx", sheets }));
  const host = new ExcelWorkbookHost();
  const storage = memoryPlanStorage();
  const pane = createPaneServices(host, { storage });
  await pane.saveSettings(SETTINGS);
  const consolidation = createConsolidationServices(host, { pane, storage, yieldToUi: async () => undefined });
  return { host, pane, consolidation, storage, fake: fake! };
}

/** A column of a fake sheet by its header text on row 1 (data rows 2…last). */
function fakeColumn(sheet: FakeSheet, title: string): (FakeValue | null)[] {
  const header = valuesOf(sheet, { top: 1, left: 1, bottom: 1, right: 40 })[0];
  const index = header.indexOf(title);
  if (index < 0) throw new Error(`no column ${title}`);
  let last = 1;
  for (const key of sheet.cells.keys()) last = Math.max(last, Number(key.split(",")[0]));
  return valuesOf(sheet, { top: 2, left: index + 1, bottom: last, right: index + 1 }).map((row) => row[0]);
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
    expect([...master.cells.values()].filter((cell) => cell.formula !== undefined)).toEqual([]);
    // The start date: a real date (a serial number) shown dd/mm/yyyy.
    const start = fakeColumn(master, "Từ ngày")[1];
    expect(typeof start).toBe("number");
    const startColumn = valuesOf(master, { top: 1, left: 1, bottom: 1, right: 40 })[0].indexOf("Từ ngày") + 1;
    expect(master.cells.get(cellKey(3, startColumn))?.numberFormat).toBe("dd/mm/yyyy");
    expect(master.cells.get(cellKey(1, 1))).toMatchObject({ bold: true, fill: HEADER_FILL });

    const statistics = sheetByName(fake.workbook, STATISTICS_SHEET_NAME);
    expect(statistics.charts.length).toBe(summary.charts);
    expect(statistics.charts.every((chart) => chart.title && chart.position)).toBe(true);
    // The user's first sheet is untouched.
    expect(valuesOf(sheetByName(fake.workbook, "Sheet1"), { top: 1, left: 1, bottom: 1, right: 1 })).toEqual([["Bảng tổng hợp kế hoạch đoàn 2025"]]);
  });

  it("re-importing replaces a unit's rows, keeps a row typed in by hand and leaves the master as it was for the same files", async () => {
    const { consolidation, fake } = await excelMaster();
    await consolidation.addFiles([await unitFile(A), await unitFile(B)]);
    await consolidation.merge();
    let master = sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound);
    const header = valuesOf(master, { top: 1, left: 1, bottom: 1, right: 40 })[0];
    master.cells.set(cellKey(6, header.indexOf("Tên đoàn") + 1), { value: "Đoàn do Sở Ngoại vụ nhập tay" });
    master.cells.set(cellKey(6, header.indexOf("Nước đến") + 1), { value: "Lào" });

    await consolidation.merge();
    master = sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound);
    const once = valuesOf(master, { top: 1, left: 1, bottom: 8, right: 30 });
    await consolidation.merge();
    expect(valuesOf(sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound), { top: 1, left: 1, bottom: 8, right: 30 })).toEqual(once);
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
    for (const address of ["C2", "C4", "C5"]) expect(master.notes.get(address)?.content).toMatch(/3 lần/);
    expect(master.notes.has("C3")).toBe(false);
    const covered = (row: number, column: number) =>
      master.conditionalFormats.some((format) => format.areas.some((a) => a.top <= row && row <= a.bottom && a.left <= column && column <= a.right));
    expect([covered(2, 3), covered(3, 3), covered(4, 3), covered(5, 3)]).toEqual([true, false, true, true]);
    expect(pane.latestResult()?.findings.filter((f) => f.rule === "key-leader-trips").map((f) => f.cell)).toEqual(["C2", "C4", "C5"]);
    // Clearing removes the master's marks like any check's.
    await pane.clearMarks();
    expect(sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound).notes.size).toBe(0);
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
