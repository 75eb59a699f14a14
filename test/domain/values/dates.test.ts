import { parseDateCell } from "../../../src/domain/values";
import { datePrecisionOfFormat } from "../../../src/domain/values/dates";
import type { CellValue } from "../../../src/workbook/types";

describe("parseDateCell: Date objects", () => {
  it.each<[Date, string | undefined]>([
    [new Date(Date.UTC(2025, 4, 15)), "2025-05-15"],
    // exceljs gives UTC midnight; a time later that UTC day is still that day, whatever the machine's zone.
    [new Date(Date.UTC(2025, 4, 15, 23, 59)), "2025-05-15"],
    [new Date(Date.UTC(2024, 1, 29)), "2024-02-29"],
    [new Date(Date.UTC(1890, 4, 15)), "1890-05-15"],
    [new Date(Number.NaN), undefined],
  ])("%s → %s", (date, iso) => {
    expect(parseDateCell(date)).toBe(iso);
  });
});

describe("parseDateCell: Excel serials (1900 date system)", () => {
  it.each<[number, string | undefined]>([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [60, undefined], // Excel's 29/2/1900, a day that never was
    [61, "1900-03-01"],
    [45658, "2025-01-01"],
    [45792, "2025-05-15"],
    [45792.75, "2025-05-15"],
    [46066, "2026-02-13"],
    [2958465, "9999-12-31"],
    [2958466, undefined],
    [0, undefined],
    [-1, undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
  ])("%d → %s", (serial, iso) => {
    expect(parseDateCell(serial)).toBe(iso);
  });
});

describe("parseDateCell: text", () => {
  it.each<[string, string | undefined]>([
    ["15/5/2025", "2025-05-15"],
    ["15/05/2025", "2025-05-15"],
    ["15-05-2025", "2025-05-15"],
    ["15.5.2025", "2025-05-15"],
    ["2025-05-15", "2025-05-15"],
    ["2025-5-15", "2025-05-15"],
    ["2025/05/15", "2025-05-15"],
    [" 15 / 05 / 2025 ", "2025-05-15"],
    ["15/05/25", "2025-05-15"],
    ["15/05/2025 00:00:00", "2025-05-15"],
    ["ngày 15 tháng 5 năm 2025", "2025-05-15"],
    ["15/5/1890", "1890-05-15"],
    ["29/2/2024", "2024-02-29"],
    ["29/2/2025", undefined],
    ["31/4/2025", undefined],
    ["15/13/2025", undefined],
    ["15/5-2025", undefined],
    ["5/2025", undefined],
    ["Tháng 5/2025", undefined],
    ["abc", undefined],
    ["", undefined],
  ])("%j → %s", (text, iso) => {
    expect(parseDateCell(text)).toBe(iso);
  });
});

describe("parseDateCell: other values", () => {
  it.each<CellValue>([null, true, false, { error: "#REF!" }])("%j → undefined", (value) => {
    expect(parseDateCell(value)).toBeUndefined();
  });
});

describe("datePrecisionOfFormat: how much of a date its cell shows", () => {
  it.each<[string | undefined, "day" | "month" | "year"]>([
    ["m/yyyy", "month"],
    ["mm/yyyy", "month"],
    ["mm-yyyy", "month"],
    ["[$-42A]mmmm yyyy", "month"],
    ['"Tháng "m/yyyy', "month"],
    ["mmm-yy", "month"],
    ["yyyy", "year"],
    ['"Năm "yyyy', "year"],
    ["dd/mm/yyyy", "day"],
    ["d/m/yyyy", "day"],
    ["[$-F800]dddd, mmmm dd, yyyy", "day"],
    ["m/d/yyyy h:mm", "day"],
    ["General", "day"],
    ["#,##0", "day"],
    [undefined, "day"],
  ])("%j → %s", (format, precision) => {
    expect(datePrecisionOfFormat(format)).toBe(precision);
  });
});
