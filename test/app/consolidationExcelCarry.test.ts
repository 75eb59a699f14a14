/**
 * Issue 11, round trip losses, in Excel: the same officer's work as test/cli/mergeRoundTrip.test.ts (a hand
 * row with a formula on its own row, a note, a fill, a list validation, a conditional format; a column the
 * officer added) survives a re-import that moves it two rows down, through the pane's consolidation over the
 * real ExcelWorkbookHost and the fake Excel; the syncs do not grow with the rows; the hidden copy the host
 * works from is gone afterwards, also when the write fails.
 */
import { createConsolidationServices } from "../../src/app/consolidation";
import { MESSAGES } from "../../src/app/consolidationMessages";
import { createPaneServices } from "../../src/app/paneServices";
import { MASTER_SHEET_NAMES, STATISTICS_SHEET_NAME } from "../../src/domain/merge";
import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import { taggedNote } from "../../src/excel/marks";
import type { CellValue } from "../../src/workbook/types";
import { trip, type UnitSpecInput } from "../domain/merge/units";
import { cellKey, createWorkbook, installFakeExcel, sheetByName, valuesOf, type FakeExcel, type FakeSheet } from "../excel/fakeExcel";
import { shiftRows } from "../excel/fakeExcel/userActions";
import { viewMaster } from "../support/masterDocument";
import { ADDED, HAND_NAME, letter } from "../support/officerWork";
import { memoryPlanStorage, SETTINGS, unitFile } from "./consolidationSupport";

jest.setTimeout(120_000);

const YELLOW = "#FFFF00";
const LIST = { list: { inCellDropDown: true, source: "Trong kế hoạch,Ngoài kế hoạch" } };

let fake: FakeExcel | undefined;
afterEach(() => fake?.uninstall());

async function excelMaster(apiVersion = "1.20") {
  fake = installFakeExcel(createWorkbook({ name: "Tổng hợp 2025.xlsx", sheets: [{ name: "Sheet1", values: [["Sổ tổng hợp"]] }] }), { apiVersion });
  const host = new ExcelWorkbookHost();
  const storage = memoryPlanStorage();
  const pane = createPaneServices(host, { storage });
  await pane.saveSettings(SETTINGS);
  const consolidation = createConsolidationServices(host, { pane, storage, yieldToUi: async () => undefined });
  return { consolidation, fake: fake! };
}

function rowsOf(sheet: FakeSheet): CellValue[][] {
  let bottom = 1;
  let right = 1;
  for (const key of sheet.cells.keys()) {
    const [row, column] = key.split(",").map(Number);
    bottom = Math.max(bottom, row);
    right = Math.max(right, column);
  }
  return valuesOf(sheet, { top: 1, left: 1, bottom, right }) as CellValue[][];
}

const units = (first: number): { a: UnitSpecInput; b: UnitSpecInput } => ({
  a: { file: "so-y-te.xlsx", unit: "Sở Y tế", outbound: Array.from({ length: first }, (_, i) => trip(i + 1)) },
  b: { file: "so-xd.xlsx", unit: "Sở Xây dựng", outbound: [trip(first + 1)] },
});

interface Places {
  hand: number;
  yte: [number, number];
  column: (title: string) => number;
  added: number;
}

/** The officer's work typed into the master in Excel: a hand row under the last unit row and an added column. */
function addOfficerWork(sheet: FakeSheet): Places {
  const view = viewMaster(rowsOf(sheet));
  const column = (title: string) => {
    const index = view.titles.indexOf(title);
    if (index < 0) throw new Error(`no column ${title}`);
    return index + 1;
  };
  const hand = view.data[view.data.length - 1].row + 1;
  shiftRows(sheet, hand, 1);
  const set = (row: number, col: number, cell: object) => sheet.cells.set(cellKey(row, col), { ...sheet.cells.get(cellKey(row, col)), ...cell });
  const typed: [string, CellValue][] = [
    ["Tên đoàn", HAND_NAME],
    ["Trưởng đoàn (họ và tên)", "Nguyễn Thị Hoa"],
    ["Chức vụ trưởng đoàn", "Phó Giám đốc Sở"],
    ["Số lượng (người)", 4],
    ["Nước đến", "Lào"],
    ["Từ ngày", "Tháng 9/2025"],
    ["Mục đích, nội dung", "Khảo sát mô hình du lịch cộng đồng"],
    ["Nguồn kinh phí", "Ngân sách thành phố"],
  ];
  for (const [title, value] of typed) set(hand, column(title), { value });
  const members = `${letter(column("Số lượng (người)"))}${hand}`;
  set(hand, column("Kinh phí dự kiến (triệu đồng)"), { formula: `=${members}*10`, numberFormat: "#,##0" });
  sheet.notes.set(`${letter(column("Tên đoàn"))}${hand}`, { content: "Sở tự bổ sung sau cuộc họp", author: "Cán bộ" });
  for (const title of ["Tên đoàn", "Trưởng đoàn (họ và tên)"]) set(hand, column(title), { fill: YELLOW });
  sheet.validations.set(cellKey(hand, column("Trong/ngoài kế hoạch")), { rule: LIST });
  const cost = `${letter(column("Kinh phí dự kiến (triệu đồng)"))}${hand}`;
  sheet.conditionalFormats.push({ id: "{CF-officer}", type: "Custom", formula: `=${cost}>20`, fill: "#FFC7CE", areas: [{ top: hand, left: column("Kinh phí dự kiến (triệu đồng)"), bottom: hand, right: column("Kinh phí dự kiến (triệu đồng)") }] });

  const added = view.titles.length + 1;
  set(view.headerRow, added, { value: ADDED, bold: true });
  const [yte1, yte2] = view.data;
  set(yte1.row, added, { value: "Đã duyệt" });
  sheet.notes.set(`${letter(added)}${yte1.row}`, { content: "Theo Công văn 12/SNgV", author: "Cán bộ" });
  set(yte2.row, added, { value: "Chờ ý kiến", fill: YELLOW });
  set(hand, added, { formula: `=LEN(${letter(column("Tên đoàn"))}${hand})` });
  return { hand, yte: [yte1.row, yte2.row], column, added };
}

/** Merge A + B, add the officer's work, re-import B grown by two rows; the fake's runs of that re-import. */
async function reimport(first: number, options: { apiVersion?: string; protect?: boolean } = {}) {
  const { consolidation, fake } = await excelMaster(options.apiVersion);
  const { a, b } = units(first);
  const sources = await consolidation.addFiles([await unitFile(a), await unitFile(b)]);
  await consolidation.merge();
  // A later session: only Sở Xây dựng's new plan is imported (Sở Y tế's rows stay as they are).
  for (const source of sources) consolidation.removeSource(source.id);
  const places = addOfficerWork(sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound));
  if (options.protect) sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound).protected = true;
  await consolidation.addFiles([await unitFile({ ...b, outbound: [trip(first + 1), trip(first + 2), trip(first + 3)] })]);
  fake.resetStats();
  const merged = consolidation.merge();
  return { fake, places, merged };
}

describe("a re-import in Excel keeps the officer's work (TableWrite.carry)", () => {
  it("a hand row's formula, note, fill, validation and conditional format, and an added column, are found at their new rows", async () => {
    const { fake, places, merged } = await reimport(2);
    await merged;
    const sheet = sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound);
    const view = viewMaster(rowsOf(sheet));
    // Columns as the new sheet has them (the provenance columns moved right of the added one).
    const column = (title: string) => view.titles.indexOf(title) + 1;
    const handLine = view.data.find((line) => line.values[column("Tên đoàn") - 1] === HAND_NAME);
    const moved = handLine!.row;
    expect(moved).toBe(places.hand + 2);
    const cell = (row: number, col: number) => sheet.cells.get(cellKey(row, col));

    const costColumn = column("Kinh phí dự kiến (triệu đồng)");
    expect(cell(moved, costColumn)?.formula).toBe(`=${letter(column("Số lượng (người)"))}${moved}*10`);
    expect(cell(moved, costColumn)?.numberFormat).toBe("#,##0");
    expect(sheet.notes.get(`${letter(column("Tên đoàn"))}${moved}`)?.content).toBe("Sở tự bổ sung sau cuộc họp");
    expect(sheet.notes.has(`${letter(column("Tên đoàn"))}${places.hand}`)).toBe(false);
    for (const title of ["Tên đoàn", "Trưởng đoàn (họ và tên)"]) expect([title, cell(moved, column(title))?.fill]).toEqual([title, YELLOW]);
    // The unit row now at the hand row's old place has the form's look, not the officer's.
    expect(cell(places.hand, column("Tên đoàn"))?.fill).toBeUndefined();
    expect(sheet.validations.get(cellKey(moved, column("Trong/ngoài kế hoạch")))?.rule).toEqual(LIST);
    expect(sheet.validations.has(cellKey(places.hand, column("Trong/ngoài kế hoạch")))).toBe(false);
    const officerFormats = sheet.conditionalFormats.filter((format) => format.formula?.endsWith(">20"));
    expect(officerFormats.map((format) => [format.formula, format.fill, format.areas])).toEqual([
      [`=${letter(costColumn)}${moved}>20`, "#FFC7CE", [{ top: moved, left: costColumn, bottom: moved, right: costColumn }]],
    ]);

    // The added column: title, values, note, fill on the rows that stayed; the hand row's formula.
    // The form puts an added column before its own provenance columns: it moves left with everything on it.
    const added = view.titles.indexOf(ADDED) + 1;
    expect(added).toBeGreaterThan(0);
    expect(added).not.toBe(places.added);
    const [yte1, yte2] = places.yte;
    expect(view.data.filter((line) => line.values[column("Đơn vị") - 1] === "Sở Y tế").map((line) => line.row)).toEqual([yte1, yte2]);
    expect(cell(view.headerRow, added)).toEqual(expect.objectContaining({ value: ADDED, bold: true }));
    expect(cell(yte1, added)?.value).toBe("Đã duyệt");
    expect(sheet.notes.get(`${letter(added)}${yte1}`)?.content).toBe("Theo Công văn 12/SNgV");
    expect(sheet.notes.has(`${letter(places.added)}${yte1}`)).toBe(false);
    expect(cell(yte2, added)).toEqual(expect.objectContaining({ value: "Chờ ý kiến", fill: YELLOW }));
    expect(cell(moved, added)?.formula).toBe(`=LEN(${letter(column("Tên đoàn"))}${moved})`);

    // The Tổng cộng stays the add-in's formulas, and the hidden copy is gone.
    expect(cell(view.totalRow!, column("Số lượng (người)"))?.formula).toMatch(/^=SUM\(/);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1", MASTER_SHEET_NAMES.outbound, STATISTICS_SHEET_NAME]);
  });

  it("takes the same syncs at 10 and 1,000 rows", async () => {
    const runs: number[][] = [];
    for (const rows of [10, 1000]) {
      const { fake, merged } = await reimport(rows);
      await merged;
      runs.push(fake.stats.runs.map((run) => run.syncs));
      expect(fake.workbook.sheets.some((s) => s.visibility !== "Visible")).toBe(false);
      fake.uninstall();
    }
    expect(runs[1]).toEqual(runs[0]);
    // read 3; master: sheets, charts + copy, note cells, write; statistics 3; marks 2.
    expect(runs[0]).toEqual([3, 4, 3, 2]);
  });

  it("a write that fails midway leaves no hidden copy behind", async () => {
    const { fake, merged } = await reimport(2, { protect: true });
    await expect(merged).rejects.toThrow();
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1", MASTER_SHEET_NAMES.outbound, STATISTICS_SHEET_NAME]);
  });

  it("without ExcelApi 1.18 the cells still follow their rows, and the summary says the notes could not be moved", async () => {
    const { fake, places, merged } = await reimport(2, { apiVersion: "1.17" });
    const summary = await merged;
    const sheet = sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound);
    const moved = places.hand + 2;
    expect(sheet.cells.get(cellKey(moved, places.column("Kinh phí dự kiến (triệu đồng)")))?.formula).toBe(`=${letter(places.column("Số lượng (người)"))}${moved}*10`);
    expect(sheet.notes.get(`${letter(places.column("Tên đoàn"))}${places.hand}`)?.content).toBe("Sở tự bổ sung sau cuộc họp");
    expect(summary.warnings).toContain(MESSAGES.notesNotCarried(MASTER_SHEET_NAMES.outbound));
    expect(fake.workbook.sheets).toHaveLength(3);
  });

  it("with ExcelApi 1.18 the summary has no such warning", async () => {
    const { merged } = await reimport(2);
    expect((await merged).warnings).not.toContain(MESSAGES.notesNotCarried(MASTER_SHEET_NAMES.outbound));
  });
});

describe("a re-import in Excel keeps the officer's work on other units' rows (CarryPlan.keptRows)", () => {
  /** Merge A (2 trips) + B (1 trip); the officer works on B's row and adds a column; A is re-imported with 4 trips. */
  async function reimportFirstUnit() {
    const { consolidation, fake } = await excelMaster();
    const { a, b } = units(2);
    const sources = await consolidation.addFiles([await unitFile(a), await unitFile(b)]);
    await consolidation.merge();
    for (const source of sources) consolidation.removeSource(source.id);
    const sheet = sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound);
    const view = viewMaster(rowsOf(sheet));
    const column = (title: string) => view.titles.indexOf(title) + 1;
    const kept = view.data.find((line) => line.values[column("Đơn vị") - 1] === "Sở Xây dựng")!.row;
    const set = (row: number, col: number, cell: object) => sheet.cells.set(cellKey(row, col), { ...sheet.cells.get(cellKey(row, col)), ...cell });
    set(kept, column("Tên đoàn"), { fill: YELLOW });
    set(kept, column("Nước đến"), { numberFormat: "@", bold: true });
    sheet.notes.set(`${letter(column("Nước đến"))}${kept}`, { content: "Đã hỏi lại Sở", author: "Nguyễn Văn Bình" });
    // A finding note the add-in wrote (tagged) while Trần Thị Lan ran Kiểm tra.
    sheet.notes.set(`${letter(column("Tên đoàn"))}${kept}`, { content: taggedNote("Thiếu thông tin bắt buộc"), author: "Trần Thị Lan" });
    sheet.validations.set(cellKey(kept, column("Trong/ngoài kế hoạch")), { rule: LIST });
    // A formula whose cached result the merge writes again (3 members), and one it contradicts (STT 3 → 5).
    set(kept, column("Số lượng (người)"), { formula: "=1+2", value: 3 });
    set(kept, column("STT"), { formula: "=1+2", value: 3 });
    const added = view.titles.length + 1;
    set(view.headerRow, added, { value: ADDED });
    sheet.columnWidths.set(added, 150);
    await consolidation.addFiles([await unitFile({ ...a, outbound: [trip(1), trip(2), trip(4), trip(5)] })]);
    fake.resetStats();
    const summary = await consolidation.merge();
    return { fake, sheet, kept, column, summary };
  }

  it("fill, number format, note, validation and a formula the merge agrees with follow the row; a stale STT formula gives way to the merge's value, said", async () => {
    const { sheet, kept, column: oldColumn, summary } = await reimportFirstUnit();
    const view = viewMaster(rowsOf(sheet));
    const column = (title: string) => view.titles.indexOf(title) + 1;
    const moved = view.data.find((line) => line.values[column("Đơn vị") - 1] === "Sở Xây dựng")!.row;
    expect(moved).toBe(kept + 2);
    const cell = (row: number, title: string) => sheet.cells.get(cellKey(row, column(title)));
    expect(cell(moved, "Tên đoàn")?.fill).toBe(YELLOW);
    expect(cell(moved, "Tên đoàn")?.value).toBe("Đoàn công tác số 3");
    expect(cell(moved, "Nước đến")).toEqual(expect.objectContaining({ value: "Nhật Bản", numberFormat: "@", bold: true }));
    expect(sheet.notes.get(`${letter(column("Nước đến"))}${moved}`)?.content).toBe("Đã hỏi lại Sở");
    expect(sheet.validations.get(cellKey(moved, column("Trong/ngoài kế hoạch")))?.rule).toEqual(LIST);
    expect(cell(moved, "Số lượng (người)")?.formula).toBe("=1+2");
    expect(cell(moved, "STT")?.formula).toBeUndefined();
    expect(cell(moved, "STT")?.value).toBe(5);
    expect(summary.warnings.join("\n")).toContain(`Ô ${letter(oldColumn("STT"))}${kept} của trang “${MASTER_SHEET_NAMES.outbound}”: công thức =1+2 không được giữ`);
    // The row now at its old place is a re-imported one: the officer's look and checks do not stay there.
    expect(cell(kept, "Tên đoàn")?.fill).toBeUndefined();
    expect(sheet.validations.has(cellKey(kept, column("Trong/ngoài kế hoạch")))).toBe(false);
    expect(sheet.notes.has(`${letter(column("Nước đến"))}${kept}`)).toBe(false);
  });

  it("a moved note cannot keep its author (Excel sets none): the summary names the cell and the author", async () => {
    const { sheet, kept, column: oldColumn, summary } = await reimportFirstUnit();
    const view = viewMaster(rowsOf(sheet));
    const moved = `${letter(view.titles.indexOf("Nước đến") + 1)}${kept + 2}`;
    expect(sheet.notes.get(moved)?.content).toBe("Đã hỏi lại Sở");
    expect(summary.warnings.join("\n")).toContain(`${letter(oldColumn("Nước đến"))}${kept} → ${moved} (Nguyễn Văn Bình)`);
    // The add-in's own finding notes have no officer's authorship to name.
    expect(summary.warnings.join("\n")).not.toContain("Trần Thị Lan");
  });

  it("an added column keeps its width at its new place, in the same syncs", async () => {
    const { fake, sheet } = await reimportFirstUnit();
    const added = viewMaster(rowsOf(sheet)).titles.indexOf(ADDED) + 1;
    expect(added).toBeGreaterThan(0);
    expect(sheet.columnWidths.get(added)).toBe(150);
    // read 3; master: sheets, charts + copy + old cells and widths, note cells, write; statistics 3 (no marks to change here).
    expect(fake.stats.runs.map((run) => run.syncs).slice(0, 3)).toEqual([3, 4, 3]);
  });
});

describe("a re-import in Excel: the officer's cells on the re-imported unit's own rows", () => {
  it("an added column's value and a note follow a delegation still in the unit's plan (its row moved); a removed delegation's are named", async () => {
    const { consolidation, fake } = await excelMaster();
    const { a, b } = units(2);
    const sources = await consolidation.addFiles([await unitFile(a), await unitFile(b)]);
    await consolidation.merge();
    for (const source of sources) consolidation.removeSource(source.id);
    const sheet = sheetByName(fake.workbook, MASTER_SHEET_NAMES.outbound);
    const view = viewMaster(rowsOf(sheet));
    const column = (title: string) => view.titles.indexOf(title) + 1;
    const rowOf = (name: string) => view.data.find((line) => line.values[column("Tên đoàn") - 1] === name)!.row;
    const [one, two] = [rowOf("Đoàn công tác số 1"), rowOf("Đoàn công tác số 2")];
    const set = (row: number, col: number, cell: object) => sheet.cells.set(cellKey(row, col), { ...sheet.cells.get(cellKey(row, col)), ...cell });
    const added = view.titles.length + 1;
    set(view.headerRow, added, { value: ADDED });
    set(one, added, { value: "Đồng ý" });
    set(two, added, { value: "Xem lại" });
    // The officer's count under the added column, on the form's Tổng cộng row.
    set(view.totalRow!, added, { formula: `=COUNTA(${letter(added)}${one}:${letter(added)}${view.totalRow! - 1})` });
    sheet.notes.set(`${letter(column("Tên đoàn"))}${one}`, { content: "Đã xác nhận", author: "Cán bộ" });
    sheet.notes.set(`${letter(column("Tên đoàn"))}${two}`, { content: "Chờ công văn", author: "Cán bộ" });
    // Sở Y tế now lists a new trip first, keeps trip 1 (one row lower in its file) and drops trip 2.
    await consolidation.addFiles([await unitFile({ ...a, outbound: [trip(6), trip(1)] })]);
    const summary = await consolidation.merge();

    const newView = viewMaster(rowsOf(sheet));
    const at = (title: string) => newView.titles.indexOf(title) + 1;
    const oneNow = newView.data.find((line) => line.values[at("Tên đoàn") - 1] === "Đoàn công tác số 1")!.row;
    expect(oneNow).toBe(one + 1);
    expect(sheet.cells.get(cellKey(oneNow, at(ADDED)))?.value).toBe("Đồng ý");
    expect(sheet.notes.get(`${letter(at("Tên đoàn"))}${oneNow}`)?.content).toBe("Đã xác nhận");
    // Moved as any carried formula: each end follows the row it named (trip 1, and the last row, Sở Xây dựng's).
    expect(sheet.cells.get(cellKey(newView.totalRow!, at(ADDED)))?.formula).toBe(`=COUNTA(${letter(at(ADDED))}${oneNow}:${letter(at(ADDED))}${newView.totalRow! - 1})`);
    const said = summary.warnings.join("\n");
    expect(said).toContain(`Ô ${letter(added)}${two} «Xem lại» (cột “${ADDED}”)`);
    expect(said).toContain(`Ghi chú ở ô ${letter(column("Tên đoàn"))}${two} của trang “${MASTER_SHEET_NAMES.outbound}” («Chờ công văn»)`);
  });
});
