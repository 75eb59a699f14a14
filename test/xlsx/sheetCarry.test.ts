/** Formula references moved with the rows a re-import moves (sheetCarry.ts). */
import { formulaForTests } from "../../src/xlsx/sheetCarry";

const { rewriteReferences, shiftRelative } = formulaForTests;
const rows = new Map([[16, 18], [13, 13]]);
const columns = new Map([[25, 19], [5, 5]]);
const mapper = { row: (row: number) => rows.get(row) ?? row + 2, column: (column: number) => columns.get(column) ?? column };

test.each([
  ["E16*10", "E18*10"],
  ["$E$16+Y13", "$E$18+S13"],
  ['IF(E16>3,"E16 người",Y16)', 'IF(E18>3,"E16 người",S18)'],
  ["SUM(E13:E16)", "SUM(E13:E18)"],
  ["COUNTA(Y:Y)", "COUNTA(S:S)"],
  ["'Theo dõi'!E16+Sheet2!A1+E16", "'Theo dõi'!E16+Sheet2!A1+E18"],
  ["'Tổng hợp đoàn ra'!E16", "'Tổng hợp đoàn ra'!E18"],
  ["LOG10(E16)+ATAN2(1,2)", "LOG10(E18)+ATAN2(1,2)"],
])("%s → %s", (formula, expected) => {
  expect(rewriteReferences(formula, "Tổng hợp đoàn ra", mapper)).toBe(expected);
});

test("a shared formula read at another cell shifts only its relative references", () => {
  expect(shiftRelative("E13*$B$2+F$1", "S", 3, 1)).toBe("F16*$B$2+G$1");
});
