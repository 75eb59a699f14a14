import { parsePeriod } from "../../../src/domain/values";
import type { Period } from "../../../src/domain/model";
import type { CellValue } from "../../../src/workbook/types";

const period = (start: string, end: string, precision: Period["precision"]) => ({ period: { start, end, precision } });

describe("parsePeriod: days", () => {
  it.each<[CellValue, ReturnType<typeof period>]>([
    [new Date(Date.UTC(2025, 4, 15)), period("2025-05-15", "2025-05-15", "day")],
    [45792, period("2025-05-15", "2025-05-15", "day")],
    [45792.5, period("2025-05-15", "2025-05-15", "day")],
    ["15/5/2025", period("2025-05-15", "2025-05-15", "day")],
    ["15/05/2025", period("2025-05-15", "2025-05-15", "day")],
    ["15-05-2025", period("2025-05-15", "2025-05-15", "day")],
    ["15.5.2025", period("2025-05-15", "2025-05-15", "day")],
    ["2025-05-15", period("2025-05-15", "2025-05-15", "day")],
    ["Ngày 15/5/2025", period("2025-05-15", "2025-05-15", "day")],
    ["Từ 15/5/2025", period("2025-05-15", "2025-05-15", "day")],
    ["15/5/1890", period("1890-05-15", "1890-05-15", "day")],
    ["15/05/2025 00:00:00", period("2025-05-15", "2025-05-15", "day")],
    ["15/05/2025 08:30 - 20/05/2025 17:00", period("2025-05-15", "2025-05-20", "day")],
  ])("%j → %j", (value, expected) => {
    expect(parsePeriod(value)).toEqual(expected);
  });
});

describe("parsePeriod: day ranges", () => {
  it.each<[string, ReturnType<typeof period>]>([
    ["15-20/5/2025", period("2025-05-15", "2025-05-20", "day")],
    ["15 - 20/5/2025", period("2025-05-15", "2025-05-20", "day")],
    ["15/5-20/5/2025", period("2025-05-15", "2025-05-20", "day")],
    ["15/5/2025 - 20/5/2025", period("2025-05-15", "2025-05-20", "day")],
    ["15/5/2025 – 20/5/2025", period("2025-05-15", "2025-05-20", "day")],
    ["15-05-2025 - 20-05-2025", period("2025-05-15", "2025-05-20", "day")],
    ["28/5-3/6/2025", period("2025-05-28", "2025-06-03", "day")],
    ["từ 15/5 đến 20/5/2025", period("2025-05-15", "2025-05-20", "day")],
    ["Từ ngày 15/5/2025 đến ngày 20/5/2025", period("2025-05-15", "2025-05-20", "day")],
    ["Từ ngày 15 tháng 5 đến ngày 20 tháng 5 năm 2025", period("2025-05-15", "2025-05-20", "day")],
    ["28/12-3/1/2026", period("2025-12-28", "2026-01-03", "day")],
    ["15/5/2025 (7 ngày)", period("2025-05-15", "2025-05-15", "day")],
  ])("%j → %j", (value, expected) => {
    expect(parsePeriod(value)).toEqual(expected);
  });
});

describe("parsePeriod: months", () => {
  it.each<[string, ReturnType<typeof period>]>([
    ["Tháng 5/2025", period("2025-05-01", "2025-05-31", "month")],
    ["T5/2025", period("2025-05-01", "2025-05-31", "month")],
    ["tháng 5 năm 2025", period("2025-05-01", "2025-05-31", "month")],
    ["05/2025", period("2025-05-01", "2025-05-31", "month")],
    ["5/2025", period("2025-05-01", "2025-05-31", "month")],
    ["Tháng 02/2024", period("2024-02-01", "2024-02-29", "month")],
    ["Dự kiến tháng 5/2025", period("2025-05-01", "2025-05-31", "month")],
    ["Cuối tháng 5/2025", period("2025-05-01", "2025-05-31", "month")],
    ["Tháng 5-6/2025", period("2025-05-01", "2025-06-30", "month")],
    ["Tháng 5, 6/2025", period("2025-05-01", "2025-06-30", "month")],
    ["T5-T6/2025", period("2025-05-01", "2025-06-30", "month")],
    ["Tháng 5 và tháng 6/2025", period("2025-05-01", "2025-06-30", "month")],
    ["Tháng 5 hoặc tháng 6/2025", period("2025-05-01", "2025-06-30", "month")],
    ["Tháng 5 - Tháng 6 năm 2025", period("2025-05-01", "2025-06-30", "month")],
    ["5-6/2025", period("2025-05-01", "2025-06-30", "month")],
    ["Tháng 12/2025 - Tháng 1/2026", period("2025-12-01", "2026-01-31", "month")],
    ["Tháng 11-1/2026", period("2025-11-01", "2026-01-31", "month")],
    ["6 tháng đầu năm 2025", period("2025-01-01", "2025-06-30", "month")],
    ["6 tháng cuối năm 2025", period("2025-07-01", "2025-12-31", "month")],
  ])("%j → %j", (value, expected) => {
    expect(parsePeriod(value)).toEqual(expected);
  });
});

describe("parsePeriod: quarters and years", () => {
  it.each<[CellValue, ReturnType<typeof period>]>([
    ["Quý II/2025", period("2025-04-01", "2025-06-30", "quarter")],
    ["Quý 2/2025", period("2025-04-01", "2025-06-30", "quarter")],
    ["Q2/2025", period("2025-04-01", "2025-06-30", "quarter")],
    ["Quý II năm 2025", period("2025-04-01", "2025-06-30", "quarter")],
    ["quý IV/2025", period("2025-10-01", "2025-12-31", "quarter")],
    ["Quý I/2026", period("2026-01-01", "2026-03-31", "quarter")],
    ["Quý tư 2025", period("2025-10-01", "2025-12-31", "quarter")],
    ["Quý II-III/2025", period("2025-04-01", "2025-09-30", "quarter")],
    ["Quý II, III/2025", period("2025-04-01", "2025-09-30", "quarter")],
    ["Q1-2/2025", period("2025-01-01", "2025-06-30", "quarter")],
    ["Năm 2025", period("2025-01-01", "2025-12-31", "year")],
    ["2025", period("2025-01-01", "2025-12-31", "year")],
    [2025, period("2025-01-01", "2025-12-31", "year")],
    ["Trong năm 2025", period("2025-01-01", "2025-12-31", "year")],
    ["2025-2026", period("2025-01-01", "2026-12-31", "year")],
  ])("%j → %j", (value, expected) => {
    expect(parsePeriod(value)).toEqual(expected);
  });
});

describe("parsePeriod: the plan year fills a missing year", () => {
  it.each<[CellValue, ReturnType<typeof period>]>([
    ["Tháng 5", period("2025-05-01", "2025-05-31", "month")],
    ["T5", period("2025-05-01", "2025-05-31", "month")],
    ["Tháng 5-6", period("2025-05-01", "2025-06-30", "month")],
    ["Quý II", period("2025-04-01", "2025-06-30", "quarter")],
    ["15/5", period("2025-05-15", "2025-05-15", "day")],
    ["15-20/5", period("2025-05-15", "2025-05-20", "day")],
    ["Cả năm", period("2025-01-01", "2025-12-31", "year")],
    [5, period("2025-05-01", "2025-05-31", "month")],
  ])("%j in plan year 2025 → %j", (value, expected) => {
    expect(parsePeriod(value, 2025)).toEqual(expected);
  });

  it("never overrides a year that is written", () => {
    expect(parsePeriod("Tháng 5/2026", 2025)).toEqual(period("2026-05-01", "2026-05-31", "month"));
  });

  it.each<CellValue>(["Tháng 5", "Quý II", "15/5", 5])("reports %j as missing its year without a plan year", (value) => {
    const result = parsePeriod(value);
    expect(result.period).toBeUndefined();
    expect(result.error).toMatch(/thiếu năm/);
  });
});

describe("parsePeriod: errors in Vietnamese", () => {
  it.each<[CellValue, string | RegExp]>([
    ["31/4/2025", "Ngày 31/4/2025 không có trong lịch"],
    ["29/2/2025", "Ngày 29/2/2025 không có trong lịch"],
    ["30-31/4/2025", "Ngày 31/4/2025 không có trong lịch"],
    ["Tháng 13/2025", "Tháng 13 không hợp lệ (chỉ có tháng 1 đến tháng 12)"],
    ["Quý 5/2025", "Quý 5 không hợp lệ (chỉ có Quý I đến Quý IV)"],
    ["abc", /^Không đọc được thời gian «abc»/],
    ["Sau Tết", /^Không đọc được thời gian «Sau Tết»/],
    ["năm người", /^Không đọc được thời gian/],
    [true, /đúng\/sai/],
    [{ error: "#REF!" }, /lỗi công thức \(#REF!\)/],
    [-5, /không phải là ngày/],
    [3_000_000, /không phải là ngày/],
    [new Date(Number.NaN), /^Không đọc được thời gian/],
    ["x".repeat(500), /quá dài/],
  ])("%j → %s", (value, message) => {
    const result = parsePeriod(value, 2025);
    expect(result.period).toBeUndefined();
    expect(result.error).toMatch(message);
  });

  it.each<[string, ReturnType<typeof period>["period"], string]>([
    ["25/5-20/5/2025", { start: "2025-05-25", end: "2025-05-20", precision: "day" }, "Ngày kết thúc (20/05/2025) trước ngày bắt đầu (25/05/2025)"],
    ["20/5/2025 - 15/5/2025", { start: "2025-05-20", end: "2025-05-15", precision: "day" }, "Ngày kết thúc (15/05/2025) trước ngày bắt đầu (20/05/2025)"],
    ["Tháng 6-5/2025", { start: "2025-06-01", end: "2025-05-31", precision: "month" }, "Ngày kết thúc (31/05/2025) trước ngày bắt đầu (01/06/2025)"],
    ["20/5/2026 - 15/5/2025", { start: "2026-05-20", end: "2025-05-15", precision: "day" }, "Ngày kết thúc (15/05/2025) trước ngày bắt đầu (20/05/2026)"],
  ])("%j: read but inconsistent → period as written and the error", (value, expectedPeriod, error) => {
    expect(parsePeriod(value)).toEqual({ period: expectedPeriod, error });
  });

  it.each<CellValue>([null, "", "   "])("treats %j as empty", (value) => {
    expect(parsePeriod(value, 2025)).toEqual({});
  });
});

describe("parsePeriod: periods people write (issue 13, item 6)", () => {
  it.each([
    // Tết Nguyên đán 2026 is 17/2/2026: the days off around it, with their nghỉ bù, from the calendar module.
    ["Dịp Tết Nguyên đán 2026", 2026, { start: "2026-02-15", end: "2026-02-20", precision: "month" }],
    ["Tết Nguyên đán", 2025, { start: "2025-01-27", end: "2025-01-31", precision: "month" }],
    ["Dịp Tết", 2026, { start: "2026-02-15", end: "2026-02-20", precision: "month" }],
    ["Tết Dương lịch 2027", 2026, { start: "2027-01-01", end: "2027-01-01", precision: "day" }],
    ["Dịp Trung thu", 2026, { start: "2026-09-25", end: "2026-09-25", precision: "day" }],
    ["dịp 2/9", 2026, { start: "2026-09-02", end: "2026-09-02", precision: "day" }],
    ["đầu năm", 2026, { start: "2026-01-01", end: "2026-03-31", precision: "quarter" }],
    ["giữa năm", 2026, { start: "2026-05-01", end: "2026-08-31", precision: "quarter" }],
    ["cuối năm 2026", 2025, { start: "2026-10-01", end: "2026-12-31", precision: "quarter" }],
    ["Dự kiến cuối năm", 2026, { start: "2026-10-01", end: "2026-12-31", precision: "quarter" }],
    ["6-7/2026", 2026, { start: "2026-06-01", end: "2026-07-31", precision: "month" }],
    ["Quý III", 2026, { start: "2026-07-01", end: "2026-09-30", precision: "quarter" }],
    ["Tháng 01/2027", 2026, { start: "2027-01-01", end: "2027-01-31", precision: "month" }],
  ])("%j (plan year %d)", (text, year, period) => {
    expect(parsePeriod(text, year)).toEqual({ period });
  });

  it.each([
    ["31/06", /Ngày 31\/6\/2026 không có trong lịch/],
    ["31/06/2026", /Ngày 31\/6\/2026 không có trong lịch/],
    ["Sau Tết", /Không đọc được thời gian/],
    ["trước Tết", /Không đọc được thời gian/],
    ["khi có kinh phí", /Không đọc được thời gian/],
  ])("%j is unreadable with the reason", (text, reason) => {
    const result = parsePeriod(text, 2026);
    expect(result.period).toBeUndefined();
    expect(result.error).toMatch(reason);
  });

  it("an occasion without a year and without a plan year asks for the year", () => {
    expect(parsePeriod("Dịp Tết Nguyên đán").error).toMatch(/thiếu năm/);
    expect(parsePeriod("cuối năm").error).toMatch(/thiếu năm/);
  });
});
