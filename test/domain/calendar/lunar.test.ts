import fc from "fast-check";
import { lunarNewYear, lunarToSolar, solarToLunar } from "../../../src/domain/calendar";

/**
 * Tết Nguyên đán 2000–2050 (month-day), as published in Hồ Ngọc Đức's precomputed Vietnamese lunar
 * table (UTC+7). Differs from the Chinese New Year in 2007 (17/2 vs 18/2) and 2030 (2/2 vs 3/2).
 */
const TET_2000_2050 =
  "02-05 01-24 02-12 02-01 01-22 02-09 01-29 02-17 02-07 01-26 02-14 02-03 01-23 02-10 01-31 02-19 02-08 01-28 02-16 02-05 " +
  "01-25 02-12 02-01 01-22 02-10 01-29 02-17 02-06 01-26 02-13 02-02 01-23 02-11 01-31 02-19 02-08 01-28 02-15 02-04 01-24 " +
  "02-12 02-01 01-22 02-10 01-30 02-17 02-06 01-26 02-14 02-02 01-23";
const TET = TET_2000_2050.split(" ").map((monthDay, i) => [2000 + i, `${2000 + i}-${monthDay}`] as const);

describe("lunarNewYear (Tết Nguyên đán, Vietnam UTC+7)", () => {
  it.each(TET.filter(([year]) => year >= 2015 && year <= 2035))("%i → %s", (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });

  it("matches the published table for every year 2000–2050", () => {
    expect(TET.map(([year]) => lunarNewYear(year))).toEqual(TET.map(([, date]) => date));
  });

  it.each([
    // year, Vietnam (UTC+7), China (UTC+8): the new moon falls either side of midnight.
    [1985, "1985-01-21", "1985-02-20"],
    [2007, "2007-02-17", "2007-02-18"],
    [2030, "2030-02-02", "2030-02-03"],
  ])("%i: Vietnamese Tết %s differs from the Chinese New Year %s", (year, vietnam, china) => {
    expect(lunarNewYear(year)).toBe(vietnam);
    expect(lunarNewYear(year, 8)).toBe(china);
  });
});

describe("lunarToSolar", () => {
  it.each([
    [2024, "2024-04-18"],
    [2025, "2025-04-07"],
    [2026, "2026-04-26"],
    [2027, "2027-04-16"],
    [2030, "2030-04-12"],
  ])("Giỗ Tổ Hùng Vương (10/3) %i → %s", (year, date) => {
    expect(lunarToSolar({ year, month: 3, day: 10, leap: false })).toBe(date);
  });

  it("handles leap months (2023: tháng 2 nhuận; 2025: tháng 6 nhuận)", () => {
    expect(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true })).toBe("2023-03-22");
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true })).toBe("2025-07-25");
    expect(lunarToSolar({ year: 2025, month: 7, day: 1, leap: false })).toBe("2025-08-23");
  });

  it("returns undefined for dates that do not exist", () => {
    expect(lunarToSolar({ year: 2023, month: 3, day: 1, leap: true })).toBeUndefined(); // 2023's leap month is 2
    expect(lunarToSolar({ year: 2024, month: 6, day: 1, leap: true })).toBeUndefined(); // 2024 has no leap month
    expect(lunarToSolar({ year: 2025, month: 12, day: 30, leap: false })).toBeUndefined(); // tháng Chạp Ất Tỵ has 29 days
    expect(lunarToSolar({ year: 2025, month: 13, day: 1, leap: false })).toBeUndefined();
    expect(lunarToSolar({ year: 2025, month: 1, day: 0, leap: false })).toBeUndefined();
  });

  it("gives the last day of the old year just before Tết", () => {
    expect(lunarToSolar({ year: 2025, month: 12, day: 29, leap: false })).toBe("2026-02-16");
  });
});

describe("solarToLunar", () => {
  it.each([
    ["2026-02-17", { year: 2026, month: 1, day: 1, leap: false }],
    ["2026-02-16", { year: 2025, month: 12, day: 29, leap: false }],
    ["2023-03-22", { year: 2023, month: 2, day: 1, leap: true }],
    ["2025-04-07", { year: 2025, month: 3, day: 10, leap: false }],
    ["2024-12-31", { year: 2024, month: 12, day: 1, leap: false }],
  ])("%s → %o", (iso, lunar) => {
    expect(solarToLunar(iso)).toEqual(lunar);
  });

  it("returns undefined for a date that does not exist", () => {
    expect(solarToLunar("2026-02-30")).toBeUndefined();
  });

  it("round-trips with lunarToSolar and advances one lunar day per solar day (1950–2150)", () => {
    const start = Date.UTC(1950, 0, 1) / 86_400_000;
    const end = Date.UTC(2150, 11, 30) / 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), (dayNumber) => {
        const iso = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
        const next = new Date((dayNumber + 1) * 86_400_000).toISOString().slice(0, 10);
        const lunar = solarToLunar(iso);
        const following = solarToLunar(next);
        expect(lunar).toBeDefined();
        expect(lunarToSolar(lunar!)).toBe(iso);
        if (following!.day === 1) expect([29, 30]).toContain(lunar!.day);
        else expect(following).toEqual({ ...lunar, day: lunar!.day + 1 });
      }),
      { numRuns: 300 },
    );
  });
});
