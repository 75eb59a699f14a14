/**
 * Cell values across the Office.js boundary.
 * Reading: Office.js gives "" for an empty cell, serial numbers for dates, and an error cell as its
 * text ("#REF!"). Writing: Excel parses what it is given as if typed, so text is protected with a
 * leading apostrophe (Excel's own "this is text" prefix, not part of the value) unless the cell is
 * already formatted as Text ("@"), where nothing is parsed.
 */
import type { CellValue } from "../workbook/types";
import { isCellError } from "../workbook/types";

/** The error values Excel shows in `Range.values` as text. */
const EXCEL_ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

export const TEXT_FORMAT = "@";

/**
 * One value of `Range.values` as the host port's CellValue. A typed text equal to an error name is
 * indistinguishable here; loading `valueTypes` would double the payload for a case that needs a leading
 * apostrophe typed on purpose, so error texts are taken as errors.
 */
export function fromExcelValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string") return EXCEL_ERRORS.has(value) ? { error: value } : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

export function fromExcelRows(rows: unknown[][]): CellValue[][] {
  return rows.map((row) => row.map(fromExcelValue));
}

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 (1899-12-30, so that serial 60 is the fictitious 1900-02-29 and 61 is 1900-03-01). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** A Date as Excel's serial number, reading the calendar date and time in UTC (as exceljs does). */
export function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_UTC) / MS_PER_DAY;
}

/**
 * What to assign to `Range.values` so the cell ends up holding exactly `value`.
 * `cellIsText`: the cell's number format is "@" (then text needs no protection; an apostrophe would stay).
 */
export function toExcelInput(value: CellValue, cellIsText = false): string | number | boolean {
  if (value === null) return "";
  if (value instanceof Date) return dateToSerial(value);
  if (isCellError(value)) return protectText(value.error, cellIsText);
  if (typeof value === "number") return Number.isFinite(value) ? value : protectText(String(value), cellIsText);
  if (typeof value === "boolean") return value;
  return protectText(value, cellIsText);
}

function protectText(text: string, cellIsText: boolean): string {
  if (text === "" || cellIsText) return text;
  return `'${text}`;
}

/** Whether a cell's current value (as Office.js returns it) still equals the value a fix expects. */
export function sameCellValue(current: unknown, expected: CellValue): boolean {
  const actual = fromExcelValue(current);
  const wanted = expected === "" ? null : expected;
  if (wanted === null || actual === null) return wanted === actual;
  if (wanted instanceof Date) return typeof actual === "number" && Math.abs(actual - dateToSerial(wanted)) < 1e-6;
  if (isCellError(wanted)) return isCellError(actual) && actual.error === wanted.error;
  if (isCellError(actual)) return false;
  return actual === wanted;
}
