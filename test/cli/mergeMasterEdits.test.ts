/**
 * Review 1: what an officer types into the official form of a master (outside the delegation rows) and rows
 * the officer cleared, across a re-import of one unit through the CLI.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { CliIO } from "../../src/cli/main";
import { runMerge } from "../../src/cli/merge";
import { MASTER_SHEET_NAMES } from "../../src/domain/merge";
import { buildXlsx } from "../fixtures/generate";
import { trip, unitSpec } from "../domain/merge/units";

let dir: string;
let printed: string[];
const io = (): CliIO => ({ stdout: (text) => printed.push(text), stderr: () => undefined, readFile: async (file) => fs.promises.readFile(file) });
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-masteredits-"));
  printed = [];
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
jest.setTimeout(90_000);

/** A master of two units (Sở Y tế 3 trips, Sở Xây dựng 1) and the file of Sở Xây dựng, for a re-import. */
async function twoUnitMaster(): Promise<{ output: string; b: string }> {
  const a = path.join(dir, "a.xlsx");
  const b = path.join(dir, "b.xlsx");
  fs.writeFileSync(a, await buildXlsx(unitSpec({ file: "a.xlsx", unit: "Sở Y tế", outbound: [trip(1), trip(2), trip(3)] })));
  fs.writeFileSync(b, await buildXlsx(unitSpec({ file: "b.xlsx", unit: "Sở Xây dựng", outbound: [trip(4)] })));
  const output = path.join(dir, "tong-hop.xlsx");
  expect(await runMerge([a, b, "-o", output, "--agency", "UBND THÀNH PHỐ HẢI PHÒNG/SỞ NGOẠI VỤ", "--place", "Hải Phòng"], io())).toBe(0);
  return { output, b };
}

async function editMaster(file: string, edit: (sheet: ExcelJS.Worksheet) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  edit(workbook.getWorksheet(MASTER_SHEET_NAMES.outbound)!);
  await workbook.xlsx.writeFile(file);
}

async function masterSheet(file: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.getWorksheet(MASTER_SHEET_NAMES.outbound)!;
}

/** Sheet rows whose first cell's text matches. */
function rowsWhere(sheet: ExcelJS.Worksheet, test: (text: string) => boolean): number[] {
  const found: number[] = [];
  sheet.eachRow((row, number) => row.values && (row.values as unknown[]).some((value) => typeof value === "string" && test(value)) && found.push(number));
  return found;
}

function textOf(sheet: ExcelJS.Worksheet, row: number): string[] {
  return (sheet.getRow(row).values as unknown[]).filter((value): value is string => typeof value === "string");
}

test("F8: a delegation row the officer cleared is dropped on a re-import, and the count said matches the Tổng cộng", async () => {
  const { output, b } = await twoUnitMaster();
  const before = await masterSheet(output);
  const cleared = rowsWhere(before, (text) => text === "Đoàn công tác số 2")[0];
  expect(cleared).toBeGreaterThan(0);
  // Delete over the printed columns (A:R); the provenance columns outside the print area stay.
  await editMaster(output, (sheet) => {
    for (let column = 1; column <= 18; column++) sheet.getRow(cleared).getCell(column).value = null;
  });
  fs.writeFileSync(b, await buildXlsx(unitSpec({ file: "b.xlsx", unit: "Sở Xây dựng", outbound: [trip(4), trip(5)] })));
  printed = [];
  expect(await runMerge([b, "-o", output], io())).toBe(0);

  const after = await masterSheet(output);
  const numbered: number[] = [];
  after.eachRow((row) => {
    const stt = row.getCell(1).value;
    if (typeof stt === "number") {
      numbered.push(stt);
      expect(textOf(after, row.number).length).toBeGreaterThan(0);
    }
  });
  // 2 of Sở Y tế left, 2 of Sở Xây dựng: 4 numbered rows, each with its delegation.
  expect(numbered).toEqual([1, 2, 3, 4]);
  expect(printed.join("\n")).toMatch(/Tổng hợp đoàn ra: 4 đoàn của các đơn vị/);
  expect(printed.join("\n")).not.toMatch(/dòng nhập tay/);
  expect(printed.join("\n")).toContain(`bỏ 1 dòng đã bị xóa hết nội dung, chỉ còn số thứ tự (dòng ${cleared})`);
});

test("F1, F2: the officer's letter line, date line, signers' names and rows below the signature survive a re-import", async () => {
  const { output, b } = await twoUnitMaster();
  let dateColumn = 0;
  let hintsRow = 0;
  await editMaster(output, (sheet) => {
    const letterRow = rowsWhere(sheet, (text) => text.startsWith("(Kèm theo Công văn số"))[0];
    sheet.getCell(letterRow, 1).value = "(Kèm theo Công văn số 123/SNV-HTQT ngày 05 tháng 12 năm 2026 của Sở Ngoại vụ)";
    const dateRow = rowsWhere(sheet, (text) => /^Hải Phòng, ngày …… tháng/.test(text))[0];
    dateColumn = (sheet.getRow(dateRow).values as unknown[]).length - 1;
    sheet.getCell(dateRow, dateColumn).value = "Hải Phòng, ngày 05 tháng 12 năm 2026";
    hintsRow = dateRow + 2;
    sheet.getCell(hintsRow + 2, 1).value = "Trần Văn Lập";
    sheet.getCell(hintsRow + 2, dateColumn).value = "Nguyễn Văn Thủ";
    sheet.getCell(hintsRow + 4, 1).value = "Nơi nhận:";
    sheet.getCell(hintsRow + 4, 1).font = { bold: true, italic: true };
    sheet.getCell(hintsRow + 5, 1).value = "- UBND thành phố;";
    sheet.getCell(hintsRow + 6, 1).value = "- Lưu: VT, HTQT.";
  });
  // Sở Xây dựng sends one more trip: the signature block moves down a row.
  fs.writeFileSync(b, await buildXlsx(unitSpec({ file: "b.xlsx", unit: "Sở Xây dựng", outbound: [trip(4), trip(5)] })));
  expect(await runMerge([b, "-o", output], io())).toBe(0);

  const after = await masterSheet(output);
  expect(rowsWhere(after, (text) => text === "(Kèm theo Công văn số 123/SNV-HTQT ngày 05 tháng 12 năm 2026 của Sở Ngoại vụ)")).toHaveLength(1);
  const dateRows = rowsWhere(after, (text) => text === "Hải Phòng, ngày 05 tháng 12 năm 2026");
  expect(dateRows).toEqual([hintsRow - 2 + 1]);
  const moved = hintsRow + 1;
  expect(after.getCell(moved, 1).value).toBe("(Ký, ghi rõ họ tên)");
  expect([after.getCell(moved + 2, 1).value, after.getCell(moved + 2, dateColumn).value]).toEqual(["Trần Văn Lập", "Nguyễn Văn Thủ"]);
  expect([4, 5, 6].map((offset) => after.getCell(moved + offset, 1).value)).toEqual(["Nơi nhận:", "- UBND thành phố;", "- Lưu: VT, HTQT."]);
  expect(after.getCell(moved + 4, 1).font).toEqual(expect.objectContaining({ bold: true, italic: true }));
  expect(rowsWhere(after, (text) => text.includes("……"))).toEqual([]);
  // Nothing of the form itself is reported as left out.
  expect(printed.join("\n")).not.toContain("không giữ được");
});

test("F3: the officer's fill, validation and formula on another unit's rows survive a re-import; a formula the merge's value contradicts gives way, said", async () => {
  const { output } = await twoUnitMaster();
  let row = 0;
  await editMaster(output, (sheet) => {
    row = rowsWhere(sheet, (text) => text === "Đoàn công tác số 4")[0];
    sheet.getCell(row, 2).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    sheet.getCell(row, 17).dataValidation = { type: "list", allowBlank: true, formulae: ['"Có,Không"'] };
    const note = sheet.getCell(row, 18);
    note.value = { formula: `E${row}&" người"`, result: `${sheet.getCell(row, 5).value} người` };
    sheet.getCell(row, 1).value = { formula: "1+3", result: 4 };
  });
  // Sở Y tế sends one more trip: Sở Xây dựng's row moves down one, and its STT becomes 5.
  const a = path.join(dir, "a.xlsx");
  fs.writeFileSync(a, await buildXlsx(unitSpec({ file: "a.xlsx", unit: "Sở Y tế", outbound: [trip(1), trip(2), trip(3), trip(6)] })));
  printed = [];
  expect(await runMerge([a, "-o", output], io())).toBe(0);

  const after = await masterSheet(output);
  const moved = rowsWhere(after, (text) => text === "Đoàn công tác số 4")[0];
  expect(moved).toBe(row + 1);
  expect(after.getCell(moved, 2).fill).toEqual(expect.objectContaining({ pattern: "solid", fgColor: expect.objectContaining({ argb: "FFFFFF00" }) }));
  expect(after.getCell(moved, 17).dataValidation).toEqual(expect.objectContaining({ type: "list", formulae: ['"Có,Không"'] }));
  expect(after.getCell(moved, 18).value).toEqual(expect.objectContaining({ formula: `E${moved}&" người"` }));
  expect(after.getCell(moved, 1).value).toBe(5);
  expect(printed.join("\n")).toContain(`Ô A${row} của trang “${MASTER_SHEET_NAMES.outbound}”: công thức =1+3 không được giữ`);
});

test("F4: a stray value and a merged area far outside the master's table are reported by cell on a re-import", async () => {
  const { output, b } = await twoUnitMaster();
  await editMaster(output, (sheet) => {
    sheet.getCell("XFD1048576").value = "lạc";
    sheet.mergeCells("Z60:AB70");
  });
  fs.writeFileSync(b, await buildXlsx(unitSpec({ file: "b.xlsx", unit: "Sở Xây dựng", outbound: [trip(4), trip(5)] })));
  printed = [];
  expect(await runMerge([b, "-o", output], io())).toBe(0);
  const said = printed.join("\n");
  expect(said).toContain(`Trang “${MASTER_SHEET_NAMES.outbound}”: trang tổng hợp mới không giữ được`);
  expect(said).toContain("ô XFD1048576");
  expect(said).toContain("vùng gộp ô Z60:AB70");
});
