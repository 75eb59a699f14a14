/**
 * The officer's own work in a master sheet, for the round-trip tests of every host that re-imports: a
 * hand row under the last unit row (a formula on its own row, a note, a yellow fill, a list validation, a
 * conditional format) and a column of the officer's ("Ghi chú của Sở") with values, a note, a fill and a
 * formula; then what must be found after a re-import moved the rows.
 */
import ExcelJS from "exceljs";
import { sheetRows, viewMaster } from "./masterDocument";

export const YELLOW = "FFFFFF00";
export const HAND_NAME = "Đoàn khảo sát do Sở tự tổ chức";
export const ADDED = "Ghi chú của Sở";

export function letter(column: number): string {
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

export interface OfficerWorkPlaces {
  /** The hand row's sheet row. */
  hand: number;
  /** The first unit's two rows (they stay where they are). */
  unitRows: [number, number];
}

/** Adds the officer's work to a master sheet whose first unit has two rows. */
export function addOfficerWork(sheet: ExcelJS.Worksheet): OfficerWorkPlaces {
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
  return { hand, unitRows: [yte1.row, yte2.row] };
}

/** Asserts the officer's work at its new places (the hand row moved down by `shift`); returns the hand row's new row. */
export function expectOfficerWork(written: ExcelJS.Worksheet, places: OfficerWorkPlaces, shift: number): number {
  const rows = sheetRows(written);
  const newView = viewMaster(rows);
  const at = (title: string) => newView.titles.indexOf(title) + 1;
  const handLine = newView.data.find((line) => line.values[at("Tên đoàn") - 1] === HAND_NAME);
  expect(handLine).toBeDefined();
  const moved = handLine!.row;
  expect(moved).toBe(places.hand + shift);
  const newCell = (row: number, title: string) => written.getCell(row, at(title));

  // The hand row: formula following its row, note, fill, validation, conditional format.
  expect(newCell(moved, "Kinh phí dự kiến (triệu đồng)").formula).toBe(`${letter(at("Số lượng (người)"))}${moved}*10`);
  expect(newCell(moved, "Tên đoàn").note).toBe("Sở tự bổ sung sau cuộc họp");
  for (const title of ["Tên đoàn", "Trưởng đoàn (họ và tên)"]) expect([title, (newCell(moved, title).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb]).toEqual([title, YELLOW]);
  expect(newCell(moved, "Trong/ngoài kế hoạch").dataValidation).toEqual(expect.objectContaining({ type: "list", formulae: ['"Trong kế hoạch,Ngoài kế hoạch"'] }));
  const formats = (written as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[] }).conditionalFormattings;
  expect(formats).toContainEqual(expect.objectContaining({ ref: `${letter(at("Kinh phí dự kiến (triệu đồng)"))}${moved}`, rules: [expect.objectContaining({ type: "cellIs", formulae: ["20"] })] }));

  // The added column: its title, values, note and fill on the rows that stayed; the hand row's formula.
  const addedAt = newView.titles.indexOf(ADDED) + 1;
  expect(addedAt).toBeGreaterThan(0);
  const yteRows = newView.data.filter((line) => line.values[at("Đơn vị") - 1] === "Sở Y tế").map((line) => line.row);
  expect(yteRows).toEqual(places.unitRows);
  const [yte1, yte2] = places.unitRows;
  expect(written.getCell(yte1, addedAt).value).toBe("Đã duyệt");
  expect(written.getCell(yte1, addedAt).note).toBe("Theo Công văn 12/SNgV");
  expect(written.getCell(yte2, addedAt).value).toBe("Chờ ý kiến");
  expect((written.getCell(yte2, addedAt).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe(YELLOW);
  expect(written.getCell(moved, addedAt).formula).toBe(`LEN(${letter(at("Tên đoàn"))}${moved})`);

  // Tổng cộng: still formulas, over every delegation row including the hand row.
  const total = newView.totalRow!;
  expect(total).toBeGreaterThan(moved);
  const sum = newCell(total, "Số lượng (người)").formula;
  expect(sum).toMatch(/^SUM\(/);
  const from = Number(/^SUM\(\$?[A-Z]+\$?(\d+)/.exec(sum!)![1]);
  expect(from).toBeLessThanOrEqual(newView.data[0].row);
  return moved;
}
