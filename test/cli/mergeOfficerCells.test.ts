/**
 * Issue #11 (round trip losses): the officer's cells on a re-imported unit's rows (an added column, notes)
 * follow the delegation to its new row, or are named when the delegation is gone; the officer's formula on
 * the Tổng cộng row in an added column stays; formulas elsewhere that read the moved rows are named.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { CliIO } from "../../src/cli/main";
import { runMerge } from "../../src/cli/merge";
import { MASTER_SHEET_NAMES, PROVENANCE_TITLES } from "../../src/domain/merge";
import { buildXlsx } from "../fixtures/generate";
import { trip, unitSpec } from "../domain/merge/units";
import { packageParts } from "../../src/cli/packageEdit";

let dir: string;
let printed: string[];
const io = (): CliIO => ({ stdout: (text) => printed.push(text), stderr: (text) => printed.push(text), readFile: async (file) => fs.promises.readFile(file) });
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-officercells-"));
  printed = [];
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
jest.setTimeout(90_000);

const SHEET = MASTER_SHEET_NAMES.outbound;
const OPINION = "Ý kiến của Sở";
const ESTIMATE = "Kinh phí ước";

function rowOf(sheet: ExcelJS.Worksheet, test: (text: string) => boolean): number {
  let found = 0;
  sheet.eachRow((row, number) => {
    if (!found && (row.values as unknown[]).some((value) => typeof value === "string" && test(value))) found = number;
  });
  if (!found) throw new Error("row not found");
  return found;
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The column whose header (on the provenance titles' row) is this title. */
function columnTitled(sheet: ExcelJS.Worksheet, title: string): number {
  const header = rowOf(sheet, (text) => text === PROVENANCE_TITLES.file);
  let found = 0;
  sheet.getRow(header).eachCell((cell, column) => {
    if (cell.value === title) found = column;
  });
  if (!found) throw new Error(`no column ${title}`);
  return found;
}

function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as unknown;
  if (typeof note === "string") return note;
  return ((note as { texts?: { text: string }[] } | undefined)?.texts ?? []).map((run) => run.text).join("");
}

async function unitFile(name: string, unit: string, trips: number[]): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await buildXlsx(unitSpec({ file: name, unit, outbound: trips.map((n) => trip(n)) })));
  return file;
}

test("an officer's added-column cells and notes follow a re-imported unit's unchanged delegations; those of a removed delegation are named; the Tổng cộng formula stays; formulas elsewhere are named", async () => {
  const a = await unitFile("a.xlsx", "Sở Y tế", [1, 2, 3]);
  const b = await unitFile("b.xlsx", "Sở Xây dựng", [4]);
  const output = path.join(dir, "tong-hop.xlsx");
  expect(await runMerge([a, b, "-o", output], io())).toBe(0);

  const workbook = await open(output);
  const sheet = workbook.getWorksheet(SHEET)!;
  const header = rowOf(sheet, (text) => text === PROVENANCE_TITLES.file);
  const opinion = sheet.columnCount + 1;
  const estimate = opinion + 1;
  const rows = { two: rowOf(sheet, (t) => t === "Đoàn công tác số 2"), three: rowOf(sheet, (t) => t === "Đoàn công tác số 3"), four: rowOf(sheet, (t) => t === "Đoàn công tác số 4") };
  const total = rowOf(sheet, (t) => t.startsWith("Tổng cộng"));
  const first = rowOf(sheet, (t) => t === "Đoàn công tác số 1");
  sheet.getCell(header, opinion).value = OPINION;
  sheet.getCell(header, estimate).value = ESTIMATE;
  sheet.getCell(rows.two, opinion).value = "Đồng ý";
  sheet.getCell(rows.three, opinion).value = "Xem lại";
  sheet.getCell(rows.four, opinion).value = "Không đồng ý";
  for (const row of [rows.two, rows.three, rows.four]) sheet.getCell(row, estimate).value = 100;
  const estimateLetter = sheet.getColumn(estimate).letter;
  sheet.getCell(total, estimate).value = { formula: `SUM(${estimateLetter}${first}:${estimateLetter}${total - 1})`, result: 300 } as ExcelJS.CellFormulaValue;
  sheet.getCell(rows.two, 2).note = "Đã gọi điện xác nhận";
  sheet.getCell(rows.three, 2).note = "Chờ công văn";
  sheet.getCell(rows.four, 2).note = "Thiếu hồ sơ";
  const report = workbook.addWorksheet("Báo cáo");
  report.getCell("B1").value = { formula: `SUM('${SHEET}'!E${first}:E${total - 1})`, result: 12 } as ExcelJS.CellFormulaValue;
  await workbook.xlsx.writeFile(output);

  // Sở Y tế sends trips 1 and 2 unchanged, drops trip 3 and adds 6 and 7: Sở Xây dựng's row moves down one.
  const a2 = await unitFile("a.xlsx", "Sở Y tế", [1, 2, 6, 7]);
  printed = [];
  expect(await runMerge([a2, "-o", output], io())).toBe(0);
  const said = printed.join("\n");

  const after = (await open(output)).getWorksheet(SHEET)!;
  const two = rowOf(after, (t) => t === "Đoàn công tác số 2");
  const four = rowOf(after, (t) => t === "Đoàn công tác số 4");
  const newTotal = rowOf(after, (t) => t.startsWith("Tổng cộng"));
  // The merge writes the officer's columns after the plan's columns (before provenance): they may move too.
  const [opinionNow, estimateNow] = [columnTitled(after, OPINION), columnTitled(after, ESTIMATE)];
  const estimateNowLetter = after.getColumn(estimateNow).letter;
  expect(four).toBe(rows.four + 1);
  expect(after.getCell(two, opinionNow).value).toBe("Đồng ý");
  expect(after.getCell(two, estimateNow).value).toBe(100);
  expect(noteText(after.getCell(two, 2))).toContain("Đã gọi điện xác nhận");
  expect(after.getCell(four, opinionNow).value).toBe("Không đồng ý");
  expect(noteText(after.getCell(four, 2))).toContain("Thiếu hồ sơ");
  // Trip 3 is gone: its cells are named, with their addresses and values, never dropped silently.
  expect(said).toContain(`Ô ${sheet.getColumn(opinion).letter}${rows.three} «Xem lại» (cột “${OPINION}”)`);
  expect(said).toContain(`Ô ${estimateLetter}${rows.three} «100» (cột “${ESTIMATE}”)`);
  expect(said).toContain(`Ghi chú ở ô B${rows.three} của trang “${SHEET}” («Chờ công văn»)`);
  expect(after.getCell(newTotal, estimateNow).value).toEqual(expect.objectContaining({ formula: `SUM(${estimateNowLetter}${first}:${estimateNowLetter}${newTotal - 1})` }));
  // The report's formula is the officer's: not rewritten, but named, and the workbook recalculates on opening.
  expect(said).toContain("'Báo cáo'!B1");
  const workbookXml = packageParts(fs.readFileSync(output)).get("xl/workbook.xml")!.toString("utf8");
  expect(workbookXml).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
});

test("re-importing the same unit file keeps every officer's cell on its rows and says nothing is lost", async () => {
  const a = await unitFile("a.xlsx", "Sở Y tế", [1, 2]);
  const output = path.join(dir, "tong-hop.xlsx");
  expect(await runMerge([a, "-o", output], io())).toBe(0);
  const workbook = await open(output);
  const sheet = workbook.getWorksheet(SHEET)!;
  const header = rowOf(sheet, (text) => text === PROVENANCE_TITLES.file);
  const opinion = sheet.columnCount + 1;
  const two = rowOf(sheet, (t) => t === "Đoàn công tác số 2");
  sheet.getCell(header, opinion).value = OPINION;
  sheet.getCell(two, opinion).value = "Đồng ý";
  sheet.getCell(two, 3).note = "Đã xác nhận";
  await workbook.xlsx.writeFile(output);
  printed = [];
  expect(await runMerge([a, "-o", output], io())).toBe(0);
  const after = (await open(output)).getWorksheet(SHEET)!;
  expect(after.getCell(two, columnTitled(after, OPINION)).value).toBe("Đồng ý");
  expect(noteText(after.getCell(two, 3))).toContain("Đã xác nhận");
  expect(printed.join("\n")).not.toMatch(/không còn trong kế hoạch mới|không được giữ/);
});
