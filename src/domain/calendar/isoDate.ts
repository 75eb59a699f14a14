/**
 * Calendar dates as ISO "YYYY-MM-DD" strings and as day numbers (days since 1970-01-01).
 * Plans are about days, not instants: all arithmetic is on UTC day numbers, so the host's
 * time zone can never shift a date.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface YearMonthDay {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

/** The parts of a real calendar date ("2026-02-30" is not one), else undefined. */
export function parseIsoDate(iso: string): YearMonthDay | undefined {
  const match = ISO_DATE.exec(iso);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isIsoDate(iso: string): boolean {
  return parseIsoDate(iso) !== undefined;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 of a calendar date. */
export function dayNumberOf(year: number, month: number, day: number): number {
  // setUTCFullYear avoids Date.UTC's 0..99 → 1900..1999 quirk.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** Day number of an ISO date; throws a RangeError with a Vietnamese message when it is not a real date. */
export function toDayNumber(iso: string): number {
  const parts = parseIsoDate(iso);
  if (!parts) throw new RangeError(`Ngày không hợp lệ: "${iso}" (cần dạng YYYY-MM-DD, ví dụ 2026-02-13)`);
  return dayNumberOf(parts.year, parts.month, parts.day);
}

export function fromDayNumber(dayNumber: number): string {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = String(date.getUTCFullYear()).padStart(4, "0");
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  const day = String(date.getUTCDate()).padStart(2, "0");
  return `${year}-${month}-${day}`;
}

export function isoOf(year: number, month: number, day: number): string {
  return fromDayNumber(dayNumberOf(year, month, day));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** "2026-02-13" → "13/02/2026", the way Vietnamese documents write dates. */
export function formatVietnameseDate(iso: string): string {
  const parts = parseIsoDate(iso);
  if (!parts) return iso;
  return `${String(parts.day).padStart(2, "0")}/${String(parts.month).padStart(2, "0")}/${parts.year}`;
}
