import { dateToSerial, fromExcelValue, sameCellValue, toExcelInput } from "../../src/excel/cellValues";
import type { CellValue } from "../../src/workbook/types";

describe("cell values from Office.js", () => {
  it.each<[unknown, CellValue]>([
    ["", null],
    ["Lào", "Lào"],
    [45658, 45658],
    [true, true],
    ["#REF!", { error: "#REF!" }],
    ["#N/A", { error: "#N/A" }],
    ["#DIV/0!", { error: "#DIV/0!" }],
    ["#REFX", "#REFX"],
  ])("%p → %p", (input, expected) => {
    expect(fromExcelValue(input)).toEqual(expected);
  });
});

describe("cell values to Office.js", () => {
  it.each<[CellValue, boolean, string | number | boolean]>([
    ["=SUM(A1:A3)", false, "'=SUM(A1:A3)"],
    ["+84 24 3823", false, "'+84 24 3823"],
    ["-", false, "'-"],
    ["@nguoidung", false, "'@nguoidung"],
    ["01/02/2025", false, "'01/02/2025"],
    ["Nhật Bản", false, "'Nhật Bản"],
    ["=SUM(A1:A3)", true, "=SUM(A1:A3)"],
    ["", false, ""],
    [null, false, ""],
    [12, false, 12],
    [false, false, false],
    [{ error: "#REF!" }, false, "'#REF!"],
    [Number.NaN, false, "'NaN"],
  ])("%p (text cell: %p) → %p", (value, cellIsText, expected) => {
    expect(toExcelInput(value, cellIsText)).toEqual(expected);
  });

  it("writes dates as Excel serial numbers", () => {
    expect(dateToSerial(new Date(Date.UTC(2025, 0, 1)))).toBe(45658);
    expect(dateToSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
    expect(toExcelInput(new Date(Date.UTC(2025, 0, 1, 12)))).toBe(45658.5);
  });
});

describe("stale-edit comparison", () => {
  it.each<[unknown, CellValue, boolean]>([
    ["Nhat Ban", "Nhat Ban", true],
    ["Nhật Bản", "Nhat Ban", false],
    ["", null, true],
    ["", "", true],
    ["x", null, false],
    [45658, new Date(Date.UTC(2025, 0, 1)), true],
    [45659, new Date(Date.UTC(2025, 0, 1)), false],
    ["#REF!", { error: "#REF!" }, true],
    ["#REF!", "#REF!", false],
    [3, 3, true],
    [3, "3", false],
  ])("current %p vs expected %p → %p", (current, expected, same) => {
    expect(sameCellValue(current, expected)).toBe(same);
  });
});
