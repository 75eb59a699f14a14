/**
 * Days off computed from the Labour Code (Bộ luật Lao động 2019, Điều 112) for years with no official
 * announcement yet: Tết Dương lịch 1/1; Tết Âm lịch 5 days; Giỗ Tổ Hùng Vương 10/3 lunar; 30/4; 1/5;
 * Quốc khánh 2/9 and one adjacent day. A holiday on a Saturday or Sunday gives a compensatory day
 * (nghỉ bù, Điều 111.3) on the next working day. Swaps with make-up Saturdays are the Government's
 * choice each year and are not guessed.
 *
 * Tết: the 5 days are the last 2 days of the old year and the first 3 of the new one, the pattern the
 * Government followed every year 2021–2026 (with nghỉ bù this reproduces each of those Tết blocks,
 * e.g. 2024: 8/2–14/2, 2025: 27/1–31/1 plus the weekends, 2026: 16/2–20/2); "1 day before and 4 after"
 * is the other common reading and is one data change away (TET_DAYS below).
 */
import { dayNumberOf, fromDayNumber, toDayNumber, weekdayOfDayNumber } from "./isoDate";
import { lunarNewYear, lunarToSolar } from "./lunar";

export type HolidayRule =
  /** A fixed day of the solar calendar. */
  | { kind: "solar"; name: string; month: number; day: number }
  /** A fixed day of the lunar calendar (in the lunar year that begins in the same solar year). */
  | { kind: "lunar"; name: string; month: number; day: number }
  /** Tết Nguyên đán: `before` days at the end of the old lunar year and `from` days from 1 tháng Giêng. */
  | { kind: "lunar-new-year"; name: string; before: number; from: number }
  /** A solar day plus one adjacent day (the day before or after, whichever makes the longer break). */
  | { kind: "solar-with-adjacent"; name: string; month: number; day: number };

export const TET_DAYS = { before: 2, from: 3 } as const;

export const HOLIDAY_RULES: readonly HolidayRule[] = [
  { kind: "solar", name: "Tết Dương lịch", month: 1, day: 1 },
  { kind: "lunar-new-year", name: "Tết Nguyên đán", ...TET_DAYS },
  { kind: "lunar", name: "Giỗ Tổ Hùng Vương", month: 3, day: 10 },
  { kind: "solar", name: "Ngày Chiến thắng", month: 4, day: 30 },
  { kind: "solar", name: "Ngày Quốc tế Lao động", month: 5, day: 1 },
  { kind: "solar-with-adjacent", name: "Quốc khánh", month: 9, day: 2 },
];

export interface DayOff {
  date: string;
  name: string;
  /** A nghỉ bù for a holiday that fell on a weekend. */
  compensatory: boolean;
}

function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday === 0 || weekday === 6;
}

/**
 * The adjacent day of 2/9: a weekday (a weekend day is off anyway); of two weekdays the one next to
 * a weekend, else the day before — as the Government chose in 2021–2026 (3/9/2021, 1/9/2022,
 * 1/9/2023, 3/9/2024, 1/9/2025, 1/9/2026).
 */
function adjacentDay(holiday: number): number {
  const before = holiday - 1;
  const after = holiday + 1;
  if (isWeekend(before)) return after;
  if (isWeekend(after)) return before;
  if (isWeekend(after + 1)) return after;
  return before;
}

function holidayDays(rule: HolidayRule, year: number): number[] {
  switch (rule.kind) {
    case "solar":
      return [dayNumberOf(year, rule.month, rule.day)];
    case "lunar": {
      const iso = lunarToSolar({ year, month: rule.month, day: rule.day, leap: false });
      return iso ? [toDayNumber(iso)] : [];
    }
    case "lunar-new-year": {
      const newYear = toDayNumber(lunarNewYear(year));
      return Array.from({ length: rule.before + rule.from }, (_, i) => newYear - rule.before + i);
    }
    case "solar-with-adjacent": {
      const holiday = dayNumberOf(year, rule.month, rule.day);
      return [holiday, adjacentDay(holiday)].sort((a, b) => a - b);
    }
  }
}

/** Computed days off of a year (holidays then their nghỉ bù), in date order. */
export function computedDaysOff(year: number, rules: readonly HolidayRule[] = HOLIDAY_RULES): DayOff[] {
  const holidays = new Map<number, string>();
  for (const rule of rules) for (const day of holidayDays(rule, year)) if (!holidays.has(day)) holidays.set(day, rule.name);
  const taken = new Set(holidays.keys());
  const compensatory = new Map<number, string>();
  for (const day of [...holidays.keys()].sort((a, b) => a - b)) {
    if (!isWeekend(day)) continue;
    let next = day + 1;
    while (isWeekend(next) || taken.has(next)) next++;
    taken.add(next);
    compensatory.set(next, holidays.get(day) as string);
  }
  const all: DayOff[] = [
    ...[...holidays].map(([day, name]) => ({ date: fromDayNumber(day), name, compensatory: false })),
    ...[...compensatory].map(([day, name]) => ({ date: fromDayNumber(day), name: `${name} (nghỉ bù)`, compensatory: true })),
  ];
  return all.filter((entry) => entry.date.startsWith(`${year}-`)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
