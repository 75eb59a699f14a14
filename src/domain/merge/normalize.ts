/**
 * Values normalised on their way into the master, the unit's own text kept beside them ("Giá trị gốc"):
 * countries by their standard names (the dropdowns' list; a name that cannot be resolved is kept as
 * written and marked by country-unknown on the master), members as a number, a date written as text as a
 * real date, a role by its standard name. A time coarser than a day ("Quý II/2026", "Tháng 9/2026") stays as
 * the unit wrote it, under "Thời gian dự kiến" (placeTime).
 */
import type { Delegation, FieldId } from "../model";
import { parseDateCell, parsePeriod } from "../values";
import { fold, tidy } from "../text";
import { isCellError, type CellValue } from "../../workbook/types";
import { isoToDate } from "./cells";

/** The master's value of a field for this cell as the unit wrote it; undefined when it stays as written. */
export function normalizedValue(field: FieldId, written: CellValue, delegation: Delegation): CellValue | undefined {
  if (written === null || isCellError(written)) return undefined;
  switch (field) {
    case "countries": {
      if (typeof written !== "string" || delegation.countries.length === 0) return undefined;
      const names = delegation.countries.map((country) => (country.known ? country.name : tidy(country.raw))).join(", ");
      return names !== tidy(written) ? names : undefined;
    }
    case "members":
      return typeof written !== "number" && delegation.members !== undefined ? delegation.members : undefined;
    case "start":
    case "end":
    case "period": {
      if (typeof written !== "string") return undefined;
      const iso = parseDateCell(written);
      return iso ? isoToDate(iso) : undefined;
    }
    case "leaderRole": {
      const role = delegation.leaderRole;
      // A role naming its agency ("Giám đốc Sở Y tế", "PCT UBND TP") keeps it: the standard name alone would
      // drop or blur it. Only a generic agency word the standard name carries too ("giam doc so") is rewritten.
      if (typeof written !== "string" || !role?.id || !role.name) return undefined;
      if (role.agency && !fold(role.name).includes(fold(role.agency))) return undefined;
      // A list name covering both levels ("Phó Chủ tịch UBND thành phố/tỉnh") is vaguer than what was written.
      if (role.name.includes("/")) return undefined;
      return role.name !== tidy(written) ? role.name : undefined;
    }
    default:
      return undefined;
  }
}

/** "Nước đến: Nhật Bảnn; Số lượng (người): 12 người". */
export function originalsText(originals: { title: string; written: CellValue }[]): string | null {
  if (originals.length === 0) return null;
  return originals.map(({ title, written }) => `${title}: ${writtenText(written)}`).join("; ");
}

function writtenText(value: CellValue): string {
  if (value instanceof Date) return `${String(value.getUTCDate()).padStart(2, "0")}/${String(value.getUTCMonth() + 1).padStart(2, "0")}/${value.getUTCFullYear()}`;
  if (isCellError(value)) return value.error;
  return String(value ?? "");
}

/** The three time cells of a row: "Thời gian dự kiến", "Từ ngày", "Đến ngày". */
export interface TimeCells {
  period: CellValue;
  start: CellValue;
  end: CellValue;
}

function blank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Text that is a time but not one day ("Quý II/2026", "Tháng 9"). */
function coarseText(value: CellValue): value is string {
  return typeof value === "string" && value.trim() !== "" && parseDateCell(value) === undefined;
}

/**
 * Where the master writes a row's time, when the unit put it in the other place: units write "Quý II/2026"
 * under "Từ ngày" (a blank form has no "Thời gian dự kiến"), or "15-20/5/2026" under "Thời gian". The form
 * wants a coarse time under "Thời gian dự kiến" and exact days under "Từ ngày | Đến ngày" as real dates.
 * Only a time the row parser read without error is moved, and only so that the moved cells read back as
 * the same period (a coarse text is re-read to make sure); undefined leaves the cells as written.
 */
export function placeTime(written: TimeCells, delegation: Delegation, year: number): TimeCells | undefined {
  const period = delegation.period;
  if (!period || delegation.periodError !== undefined) return undefined;
  if (period.precision === "day") {
    // A festival ("dịp 2/9", "nhân dịp Quốc khánh") names a season, not the trip's days: it stays as written,
    // under "Thời gian dự kiến".
    if (occasionText(written.period)) return undefined;
    if (occasionText(written.start) && blank(written.end) && blank(written.period)) return { period: tidy(written.start), start: null, end: null };
    const end = period.end !== period.start ? isoToDate(period.end) : null;
    // Days under "Thời gian" with no dates beside them.
    if (!blank(written.period) && blank(written.start) && blank(written.end)) return { period: null, start: isoToDate(period.start), end };
    // A range written in the start cell ("15-20/5/2026").
    if (typeof written.start === "string" && blank(written.end) && end !== null) return { period: written.period, start: isoToDate(period.start), end };
    return undefined;
  }
  if (!blank(written.period)) return undefined;
  let text: string;
  if (coarseText(written.start) && blank(written.end)) text = tidy(written.start);
  else if (coarseText(written.start) && coarseText(written.end)) text = tidy(written.start) === tidy(written.end) ? tidy(written.start) : `${tidy(written.start)} - ${tidy(written.end)}`;
  else return undefined;
  const reread = parsePeriod(text, year).period;
  if (!reread || reread.start !== period.start || reread.end !== period.end || reread.precision !== period.precision) return undefined;
  return { period: text, start: null, end: null };
}

/** Words naming an occasion rather than days: "dịp 2/9", "Tết", "Quốc khánh", "lễ hội". */
const OCCASION_WORDS = /(?:^|\s)(?:dip|tet|trung thu|gio to|quoc khanh|le hoi)(?:\s|$)/;

function occasionText(value: CellValue): value is string {
  return typeof value === "string" && OCCASION_WORDS.test(fold(value));
}

/**
 * A date cell shown coarser than a day ("9/2026" typed, stored as 1/9/2026 with the format m/yyyy): the time
 * the unit meant, as a coarse text ("Tháng 9/2026", "Năm 2026"); undefined for a day or another value.
 * `shown` is the row parser's text of the cell ("09/2026"), which is not a date when the format hid the day.
 */
export function coarseDateText(value: CellValue, shown: string | undefined): string | undefined {
  if (!(value instanceof Date) || shown === undefined || parseDateCell(shown) !== undefined) return undefined;
  const month = /^(\d{1,2})\/(\d{4})$/.exec(shown.trim());
  if (month) return `Tháng ${Number(month[1])}/${month[2]}`;
  if (/^\d{4}$/.test(shown.trim())) return `Năm ${shown.trim()}`;
  return undefined;
}

/** The same cell value (dates by their day). */
export function sameValue(a: CellValue, b: CellValue): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return (blank(a) && blank(b)) || a === b;
}
