/**
 * Master cell values: what the unit wrote, with its type (numbers stay numbers, real dates stay dates),
 * and the computed deadlines. Values only: nothing here is ever a formula.
 */
import { dueDate } from "../calendar";
import type { Delegation, FieldId } from "../model";
import type { Profile } from "../profiles/schema";
import { rawText } from "../rules/lib/text";
import { GridReader } from "../templates/grid";
import { parseDateCell } from "../values";
import { isCellError, type CellValue } from "../../workbook/types";

/** A calendar day as hosts hand dates over (UTC midnight), from "YYYY-MM-DD". */
export function isoToDate(iso: string): Date {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * Text a spreadsheet would take for a formula (= + - @, and the tab/CR prefixes of CSV injection):
 * hosts must write it as text.
 */
export function looksLikeFormula(value: CellValue): boolean {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value);
}

const NUMERIC_FIELDS: ReadonlySet<FieldId> = new Set(["seq", "members", "days", "cost"]);

/**
 * The value of one field of a unit's delegation as the master writes it. From the unit's sheet when the
 * host gave it (the cell as typed), else from the text the parser kept.
 */
export function fieldValue(delegation: Delegation, field: FieldId, reader: GridReader | undefined): CellValue {
  const ref = delegation.cells[field];
  if (!ref) return null;
  // A field joined from several rows (countries one per row) is the joined text, not the first row's cell.
  const joined = delegation.continuation?.some((part) => part.cells[field] !== undefined) ?? false;
  const value = reader && !joined ? reader.value(ref.row, ref.column) : fromRawText(delegation, field);
  return typed(value, field, delegation);
}

function fromRawText(delegation: Delegation, field: FieldId): CellValue {
  const text = delegation.raw[field];
  if (text === undefined || text === "") return null;
  if (NUMERIC_FIELDS.has(field) && /^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  // The parser renders real dates as dd/mm/yyyy; a start or end column holds dates.
  if ((field === "start" || field === "end") && /^\d{2}\/\d{2}\/\d{4}$/.test(text)) {
    const iso = parseDateCell(text);
    if (iso) return isoToDate(iso);
  }
  return text;
}

/**
 * Dates arrive as Date (exceljs) or as serial numbers (Office.js): a serial in a date column, or one
 * the parser read as the delegation's day, becomes a real date; everything else is kept as it is.
 */
function typed(value: CellValue, field: FieldId, delegation: Delegation): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" && (field === "start" || field === "end" || field === "period")) {
    const iso = parseDateCell(value);
    const isDay = field !== "period" || (delegation.period?.precision === "day" && delegation.period.start === iso);
    if (iso && isDay) return isoToDate(iso);
  }
  if (value instanceof Date || typeof value === "number" || typeof value === "boolean" || isCellError(value)) return value;
  return null;
}

/**
 * The re-entry day, when the plan states it: a day-precise period whose end is written (an end date, or
 * a text naming a range, which the master writes as the two dates). A single date is taken as the departure, and a month or quarter gives
 * no day: no deadline is computed rather than a guessed one.
 */
export function returnDate(delegation: Delegation): string | undefined {
  const period = delegation.period;
  if (!period || period.precision !== "day" || delegation.periodError !== undefined) return undefined;
  if (rawText(delegation, "end") !== undefined) return period.end;
  // A range in one cell ("15-20/5/2026" under Thời gian or Từ ngày) names its last day; a single date does not.
  return period.end !== period.start ? period.end : undefined;
}

/** Report and passport deadlines after the trip (profile.deadlines, working days from src/domain/calendar). */
export function deadlines(delegation: Delegation, profile: Profile): { report?: string; passport?: string } {
  const back = returnDate(delegation);
  if (back === undefined) return {};
  try {
    return { report: dueDate(back, profile.deadlines.report), passport: dueDate(back, profile.deadlines.passport) };
  } catch {
    // A year the calendar cannot handle (far outside any plan): leave the deadline empty.
    return {};
  }
}
