/**
 * Issue 11, round trip losses inside the master sheets: an officer's hand row (a formula, a note, a fill,
 * a list validation, a conditional format) and a column the officer added ("Ghi chú của Sở") survive a
 * re-import through the CLI, at their new rows, with formulas following the rows; the Tổng cộng stays a
 * formula over the rows; every part the add-in does not own stays byte for byte.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { CliIO } from "../../src/cli/main";
import { runMerge } from "../../src/cli/merge";
import { packageParts, sheetPartNames } from "../../src/cli/packageEdit";
import { MASTER_SHEET_NAMES, STATISTICS_SHEET_NAME } from "../../src/domain/merge";
import { buildXlsx } from "../fixtures/generate";
import { trip, unitSpec } from "../domain/merge/units";
import { sheetRows, viewMaster } from "../support/masterDocument";

const io = (): CliIO => ({ stdout: () => undefined, stderr: () => undefined, readFile: async (file) => fs.promises.readFile(file) });
const YELLOW = "FFFFFF00";
const HAND_NAME = "Đoàn khảo sát do Sở tự tổ chức";
const ADDED = "Ghi chú của Sở";

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-roundtrip-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
jest.setTimeout(90_000);

function letter(column: number): string {
  let text = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

/** Inserts an empty row at `at` the way Excel does: rows and merged areas below move down one. */
function insertRow(sheet: ExcelJS.Worksheet, at: number): void {
  const merges = (sheet.model as unknown as { merges: string[] }).merges;
  const below = merges.filter((range) => Number(/\d+/.exec(range)![0]) >= at);
  for (const range of below) sheet.unMergeCells(range);
  sheet.insertRow(at, [], "i");
  for (const range of below) sheet.mergeCells(range.replace(/(\d+)/g, (row) => String(Number(row) + 1)));
}

/** The parts the edit may change: workbook-level parts and the master sheets with what hangs off them. */
function ownedParts(before: Uint8Array): Set<string> {
  const owned = new Set(["xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/calcChain.xml"]);
  const parts = packageParts(before);
  for (const [sheet, part] of sheetPartNames(before)) {
    if (![...Object.values(MASTER_SHEET_NAMES), STATISTICS_SHEET_NAME].includes(sheet)) continue;
    const rels = part.replace(/([^/]+)$/, "_rels/$1.rels");
    owned.add(part).add(rels);
    for (const match of (parts.get(rels)?.toString("utf8") ?? "").matchAll(/Target="\.\.\/([^"]+)"/g)) owned.add(`xl/${match[1]}`);
  }
  return owned;
}

test("a hand row's formula, note, fill, validation and conditional format, and an added column, survive a re-import at their new rows", async () => {
  const a = path.join(dir, "a.xlsx");
  const b = path.join(dir, "b.xlsx");
  fs.writeFileSync(a, await buildXlsx(unitSpec({ file: "a.xlsx", unit: "Sở Y tế", outbound: [trip(1), trip(2)] })));
  fs.writeFileSync(b, await buildXlsx(unitSpec({ file: "b.xlsx", unit: "Sở Xây dựng", outbound: [trip(3)] })));
  const output = path.join(dir, "tong-hop.xlsx");
  expect(await runMerge([a, b, "-o", output], io())).toBe(0);

  // The officer's work in the master: a hand row under the last unit row, and a column of their own.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  const sheet = workbook.getWorksheet(MASTER_SHEET_NAMES.outbound)!;
  const view = viewMaster(sheetRows(sheet));
  const column = (title: string) => {
    const index = view.titles.indexOf(title);
    if (index < 0) throw new Error(`no column ${title}`);
    return index + 1;
  };
  const hand = view.data[view.data.length - 1].row + 1;
  insertRow(sheet, hand);
  const cell = (row: number, title: string) => sheet.getCell(row, column(title));
  cell(hand, "Tên đoàn").value = HAND_NAME;
  cell(hand, "Trưởng đoàn (họ và tên)").value = "Nguyễn Thị Hoa";
  cell(hand, "Chức vụ trưởng đoàn").value = "Phó Giám đốc Sở";
  cell(hand, "Số lượng (người)").value = 4;
  cell(hand, "Nước đến").value = "Lào";
  cell(hand, "Từ ngày").value = "Tháng 9/2025";
  cell(hand, "Mục đích, nội dung").value = "Khảo sát mô hình du lịch cộng đồng";
  cell(hand, "Nguồn kinh phí").value = "Ngân sách thành phố";
  const members = `${letter(column("Số lượng (người)"))}${hand}`;
  cell(hand, "Kinh phí dự kiến (triệu đồng)").value = { formula: `${members}*10`, result: 40 } as ExcelJS.CellFormulaValue;
  cell(hand, "Tên đoàn").note = "Sở tự bổ sung sau cuộc họp";
  for (const title of ["Tên đoàn", "Trưởng đoàn (họ và tên)"]) cell(hand, title).fill = { type: "pattern", pattern: "solid", fgColor: { argb: YELLOW } };
  cell(hand, "Trong/ngoài kế hoạch").dataValidation = { type: "list", allowBlank: true, formulae: ['"Trong kế hoạch,Ngoài kế hoạch"'] };
  const cost = `${letter(column("Kinh phí dự kiến (triệu đồng)"))}${hand}`;
  sheet.addConditionalFormatting({ ref: cost, rules: [{ type: "cellIs", operator: "greaterThan", formulae: ["20"], priority: 1, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } } }] });

  const added = view.titles.length + 1;
  sheet.getCell(view.headerRow, added).value = ADDED;
  const [yte1, yte2] = view.data;
  sheet.getCell(yte1.row, added).value = "Đã duyệt";
  sheet.getCell(yte1.row, added).note = "Theo Công văn 12/SNgV";
  sheet.getCell(yte2.row, added).value = "Chờ ý kiến";
  sheet.getCell(yte2.row, added).fill = { type: "pattern", pattern: "solid", fgColor: { argb: YELLOW } };
  sheet.getCell(hand, added).value = { formula: `LEN(${letter(column("Tên đoàn"))}${hand})`, result: HAND_NAME.length } as ExcelJS.CellFormulaValue;
  workbook.addWorksheet("Theo dõi").getCell("A1").value = 1;
  await workbook.xlsx.writeFile(output);

  // Sở Xây dựng sends a longer plan: every row below its block moves down two.
  fs.writeFileSync(b, await buildXlsx(unitSpec({ file: "b.xlsx", unit: "Sở Xây dựng", outbound: [trip(3), trip(4), trip(5)] })));
  const before = new Uint8Array(fs.readFileSync(output));
  expect(await runMerge([b, "-o", output], io())).toBe(0);
  const after = new Uint8Array(fs.readFileSync(output));

  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load(after as unknown as ArrayBuffer);
  const written = reread.getWorksheet(MASTER_SHEET_NAMES.outbound)!;
  const rows = sheetRows(written);
  const newView = viewMaster(rows);
  const at = (title: string) => newView.titles.indexOf(title) + 1;
  const handLine = newView.data.find((line) => line.values[at("Tên đoàn") - 1] === HAND_NAME);
  expect(handLine).toBeDefined();
  const moved = handLine!.row;
  expect(moved).toBe(hand + 2);
  const newCell = (row: number, title: string) => written.getCell(row, at(title));

  // The hand row: formula following its row, note, fill, validation, conditional format.
  expect(newCell(moved, "Kinh phí dự kiến (triệu đồng)").formula).toBe(`${letter(at("Số lượng (người)"))}${moved}*10`);
  expect(newCell(moved, "Tên đoàn").note).toBe("Sở tự bổ sung sau cuộc họp");
  for (const title of ["Tên đoàn", "Trưởng đoàn (họ và tên)"]) expect([title, (newCell(moved, title).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb]).toEqual([title, YELLOW]);
  expect(newCell(moved, "Trong/ngoài kế hoạch").dataValidation).toEqual(expect.objectContaining({ type: "list", formulae: ['"Trong kế hoạch,Ngoài kế hoạch"'] }));
  const sheetXml = packageParts(after).get(sheetPartNames(after).get(MASTER_SHEET_NAMES.outbound)!)!.toString("utf8");
  expect(sheetXml).toContain(`<conditionalFormatting sqref="${letter(at("Kinh phí dự kiến (triệu đồng)"))}${moved}">`);
  expect(sheetXml).toMatch(/<cfRule type="cellIs"[^>]*dxfId="\d+"[^>]*operator="greaterThan"[^>]*>\s*<formula>20<\/formula>/);

  // The added column: its title, values, note and fill on the rows that stayed; the hand row's formula.
  const addedAt = newView.titles.indexOf(ADDED) + 1;
  expect(addedAt).toBeGreaterThan(0);
  const yteRows = newView.data.filter((line) => line.values[at("Đơn vị") - 1] === "Sở Y tế").map((line) => line.row);
  expect(yteRows).toEqual([yte1.row, yte2.row]);
  expect(written.getCell(yte1.row, addedAt).value).toBe("Đã duyệt");
  expect(written.getCell(yte1.row, addedAt).note).toBe("Theo Công văn 12/SNgV");
  expect(written.getCell(yte2.row, addedAt).value).toBe("Chờ ý kiến");
  expect((written.getCell(yte2.row, addedAt).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe(YELLOW);
  expect(written.getCell(moved, addedAt).formula).toBe(`LEN(${letter(at("Tên đoàn"))}${moved})`);

  // Tổng cộng: still formulas, over every delegation row including the hand row.
  const total = newView.totalRow!;
  expect(total).toBeGreaterThan(moved);
  const sum = newCell(total, "Số lượng (người)").formula;
  expect(sum).toMatch(/^SUM\(/);
  const from = Number(/^SUM\(\$?[A-Z]+\$?(\d+)/.exec(sum!)![1]);
  expect(from).toBeLessThanOrEqual(newView.data[0].row);

  // Every part the add-in does not own, byte for byte.
  const owned = ownedParts(before);
  const partsBefore = packageParts(before);
  const partsAfter = packageParts(after);
  const kept = [...partsBefore.keys()].filter((name) => !owned.has(name));
  expect(kept).toEqual(expect.arrayContaining(["xl/sharedStrings.xml", "xl/theme/theme1.xml"]));
  for (const name of kept) expect([name, partsAfter.get(name)?.equals(partsBefore.get(name)!)]).toEqual([name, true]);
});
