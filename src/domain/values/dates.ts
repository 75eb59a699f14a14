/**
 * Calendar dates in the cells: Date objects (exceljs), Excel serial numbers (Office.js) and text as
 * units type it. Out: ISO "YYYY-MM-DD", no time zones (plans are about days).
 */
import type { CellValue } from "../../workbook/types";
import { isCellError } from "../../workbook/types";
import { plainLower } from "./textKeys";

const DAY_MS = 86_400_000;
/** Excel's 1900 date system: serial 60 is the 29/2/1900 that never was (a Lotus 1-2-3 bug kept for compatibility). */
const FAKE_LEAP_DAY_SERIAL = 60;
/** Serial of 31/12/9999, the last date Excel knows. */
export const MAX_EXCEL_SERIAL = 2_958_465;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "2025-05-15" → "15/05/2025", the way messages show dates to Vietnamese users. */
export function isoToVietnamese(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

/** The calendar day of a Date as exceljs gives it (UTC midnight), whatever the machine's time zone. */
export function dateObjectToIso(date: Date): string | undefined {
  const time = date.getTime();
  if (!Number.isFinite(time)) return undefined;
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) return undefined;
  return toIso(year, date.getUTCMonth() + 1, date.getUTCDate());
}

/** An Excel serial (1900 date system) → ISO day; the time of day is dropped. */
export function serialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_EXCEL_SERIAL + 1) return undefined;
  const day = Math.floor(serial);
  if (day === FAKE_LEAP_DAY_SERIAL) return undefined;
  // Before the fake leap day serial 1 is 1/1/1900; after it, every serial is one day "late".
  const epoch = day < FAKE_LEAP_DAY_SERIAL ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return dateObjectToIso(new Date(epoch + day * DAY_MS));
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Two-digit years are this century's ("15/5/25" = 2025). */
function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

const DMY = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/;
const YMD = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:t[\d:.]+z?)?$/;
const WORDS = /^(?:ngay\s*)?(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:,\s*)?nam\s+(\d{4})$/;
/** A time after the date, as text exports sometimes carry ("15/05/2025 00:00:00"). */
const TRAILING_TIME = /\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm|sa|ch))?$/;

/**
 * A whole date written as text: "15/5/2025", "15/05/2025", "15-05-2025", "15.5.2025", "2025-05-15", "2025/05/15",
 * "ngày 15 tháng 5 năm 2025". `undefined` when it is not written as a date at all; `{ error }` when it
 * is but the day does not exist (31/4).
 */
export function parseDateText(text: string): DateParts | { error: string } | undefined {
  const normal = plainLower(text).replace(/\s+/g, " ").trim().replace(TRAILING_TIME, "");
  let parts: DateParts | undefined;
  let match = DMY.exec(normal);
  if (match) parts = { day: Number(match[1]), month: Number(match[3]), year: fullYear(match[4]) };
  else if ((match = YMD.exec(normal))) parts = { year: Number(match[1]), month: Number(match[3]), day: Number(match[4]) };
  else if ((match = WORDS.exec(normal))) parts = { day: Number(match[1]), month: Number(match[2]), year: Number(match[3]) };
  if (!parts) return undefined;
  if (!isRealDate(parts.year, parts.month, parts.day)) {
    return { error: `Ngày ${parts.day}/${parts.month}/${parts.year} không có trong lịch` };
  }
  return parts;
}

/**
 * A cell holding one date → ISO day, or undefined when the cell is not a date. Text dates are read
 * as text (so "15/5/1890" works); numbers are Excel serials.
 */
export function parseDateCell(value: CellValue): string | undefined {
  if (value instanceof Date) return dateObjectToIso(value);
  if (typeof value === "number") return serialToIso(value);
  if (typeof value !== "string" || isCellError(value)) return undefined;
  const parts = parseDateText(value);
  if (parts === undefined || "error" in parts) return undefined;
  return toIso(parts.year, parts.month, parts.day);
}

/**
 * How precisely a date cell's number format shows the date: "dd/mm/yyyy" the day, "m/yyyy", "mm/yyyy",
 * "[$-42A]mmmm yyyy" only the month, "yyyy" only the year. Excel turns "9/2026" typed by an officer into
 * 1 Sep 2026 shown as "9/2026": the unit meant the month. Locale and colour tags, quoted text and escaped
 * characters are not date parts; a format with a time or a weekday shows the day.
 */
export function datePrecisionOfFormat(format: string | undefined): "day" | "month" | "year" {
  if (format === undefined) return "day";
  const bare = format
    .split(";")[0]
    .replace(/\[[^\]]*]/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/_.|\*./g, "");
  if (/general/i.test(bare) || /[dDhHsSaA]/.test(bare)) return "day";
  if (/[mM]/.test(bare)) return "month";
  if (/[yY]/.test(bare)) return "year";
  return "day";
}
