/**
 * Working days of Vietnamese public offices: Monday to Friday, except official days off, plus the
 * official make-up Saturdays. Years in the official table use it; other years use computed holidays.
 * Dates are ISO "YYYY-MM-DD" strings in and out.
 */
import { fromDayNumber, parseIsoDate, toDayNumber, weekdayOfDayNumber } from "./isoDate";
import { officialYear, type DayOrRange } from "./officialDaysOff";
import { computedDaysOff } from "./computedDaysOff";

export interface YearDaysOff {
  year: number;
  /** "official": from the announced table; "computed": from the Labour Code and the lunar calendar. */
  source: "official" | "computed";
  /** Every day off that is not a Saturday or Sunday anyway, in date order. */
  daysOff: string[];
  makeUpSaturdays: string[];
}

interface YearCalendar {
  source: YearDaysOff["source"];
  daysOff: ReadonlySet<number>;
  makeUpSaturdays: ReadonlySet<number>;
}

const calendars = new Map<number, YearCalendar>();

function expand(entry: DayOrRange): number[] {
  if (typeof entry === "string") return [toDayNumber(entry)];
  const first = toDayNumber(entry[0]);
  const last = toDayNumber(entry[1]);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function calendarOf(year: number): YearCalendar {
  let calendar = calendars.get(year);
  if (!calendar) {
    const official = officialYear(year);
    calendar = official
      ? {
          source: "official",
          daysOff: new Set(official.daysOff.flatMap(expand)),
          makeUpSaturdays: new Set(official.makeUpSaturdays.map(toDayNumber)),
        }
      : {
          source: "computed",
          daysOff: new Set(computedDaysOff(year).map((day) => toDayNumber(day.date))),
          makeUpSaturdays: new Set<number>(),
        };
    calendars.set(year, calendar);
  }
  return calendar;
}

function yearOfDayNumber(dayNumber: number): number {
  return Number(fromDayNumber(dayNumber).slice(0, 4));
}

function isWorkingDayNumber(dayNumber: number): boolean {
  const calendar = calendarOf(yearOfDayNumber(dayNumber));
  if (calendar.makeUpSaturdays.has(dayNumber)) return true;
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday !== 0 && weekday !== 6 && !calendar.daysOff.has(dayNumber);
}

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`Số ${what} phải là số nguyên (đang là ${n})`);
}

/** Throws a RangeError with a Vietnamese message when `iso` is not a real date. */
export function isWorkingDay(iso: string): boolean {
  return isWorkingDayNumber(toDayNumber(iso));
}

/** The date `n` calendar days after (n < 0: before) `iso`. */
export function addCalendarDays(iso: string, n: number): string {
  checkCount(n, "ngày");
  return fromDayNumber(toDayNumber(iso) + n);
}

/**
 * The n-th working day after `iso`, counting from the day after (n = 0 gives `iso` itself):
 * Saturdays, Sundays and days off are skipped, make-up Saturdays count.
 */
export function addWorkingDays(iso: string, n: number): string {
  checkCount(n, "ngày làm việc");
  if (n < 0) throw new RangeError(`Số ngày làm việc phải từ 0 trở lên (đang là ${n})`);
  let day = toDayNumber(iso);
  for (let counted = 0; counted < n; ) {
    day++;
    if (isWorkingDayNumber(day)) counted++;
  }
  return fromDayNumber(day);
}

/**
 * The due date of something owed `deadline.days` days after re-entry (`returnIso`), counted from the
 * day after. Working days: addWorkingDays. Calendar days: when the last day is not a working day the
 * deadline moves to the next working day (Bộ luật Dân sự 2015, Điều 148.5).
 */
export function dueDate(returnIso: string, deadline: { days: number; workingDays: boolean }): string {
  if (deadline.workingDays) return addWorkingDays(returnIso, deadline.days);
  let day = toDayNumber(addCalendarDays(returnIso, deadline.days));
  while (!isWorkingDayNumber(day)) day++;
  return fromDayNumber(day);
}

/** The days off and make-up Saturdays of a year, and whether they are official or computed. */
export function daysOffOf(year: number): YearDaysOff {
  if (!Number.isInteger(year) || !parseIsoDate(`${String(year).padStart(4, "0")}-01-01`)) {
    throw new RangeError(`Năm không hợp lệ: ${year}`);
  }
  const calendar = calendarOf(year);
  const sorted = (days: Iterable<number>) => [...days].sort((a, b) => a - b).map(fromDayNumber);
  return {
    year,
    source: calendar.source,
    daysOff: sorted([...calendar.daysOff].filter((day) => weekdayOfDayNumber(day) !== 0 && weekdayOfDayNumber(day) !== 6)),
    makeUpSaturdays: sorted(calendar.makeUpSaturdays),
  };
}
