/**
 * A1-style addresses: 1-based sheet coordinates (the host port's) to Excel's text and back.
 * Pure string work, no Office.js: the rest of src/excel builds every address through here.
 */
import type { CellArea } from "../workbook/types";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 1 → "A", 27 → "AA". */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 1 || column > MAX_COLUMNS) throw new RangeError(`column out of range: ${column}`);
  let rest = column;
  let letters = "";
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** "A" → 1, "aa" → 27. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`not a column: ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > MAX_COLUMNS) throw new RangeError(`column out of range: ${letters}`);
  return n;
}

/** (5, 2) → "B5". */
export function cellAddress(row: number, column: number): string {
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS) throw new RangeError(`row out of range: ${row}`);
  return `${columnLetters(column)}${row}`;
}

/** An area as "B5" (one cell) or "B5:C9". */
export function areaAddress(area: CellArea): string {
  const first = cellAddress(area.top, area.left);
  return area.top === area.bottom && area.left === area.right ? first : `${first}:${cellAddress(area.bottom, area.right)}`;
}

/** A sheet name as formulas need it: always quoted, inner quotes doubled ("Kế hoạch" → "'Kế hoạch'"). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Sheet'!$A$2:$A$9": an absolute reference usable as a formula source. */
export function absoluteReference(sheet: string, area: CellArea): string {
  const abs = (row: number, column: number) => `$${columnLetters(column)}$${row}`;
  const first = abs(area.top, area.left);
  const last = abs(area.bottom, area.right);
  return `${quoteSheetName(sheet)}!${first === last ? first : `${first}:${last}`}`;
}

/** Splits on commas that are not inside a quoted sheet name. */
function splitOutsideQuotes(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Drops a "Sheet!" or "'My sheet'!" prefix. */
function withoutSheet(reference: string): string {
  let quoted = false;
  let bang = -1;
  for (let i = 0; i < reference.length; i++) {
    const ch = reference[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === "!" && !quoted) bang = i;
  }
  return bang >= 0 ? reference.slice(bang + 1) : reference;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

/** One area from "B5", "B5:C9", "A:C" (whole columns) or "2:4" (whole rows), with or without a sheet prefix. */
export function parseArea(reference: string): CellArea {
  const [first, second = first] = withoutSheet(reference).split(":");
  const a = CELL.exec(first);
  const b = CELL.exec(second);
  if (a && b) {
    return normalize(Number(a[2]), columnNumber(a[1]), Number(b[2]), columnNumber(b[1]));
  }
  const ca = COLUMN.exec(first);
  const cb = COLUMN.exec(second);
  if (ca && cb) return normalize(1, columnNumber(ca[1]), MAX_ROWS, columnNumber(cb[1]));
  const ra = ROW.exec(first);
  const rb = ROW.exec(second);
  if (ra && rb) return normalize(Number(ra[1]), 1, Number(rb[1]), MAX_COLUMNS);
  throw new RangeError(`not an A1 reference: ${reference}`);
}

function normalize(r1: number, c1: number, r2: number, c2: number): CellArea {
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** Every area of a multi-area address such as RangeAreas.address ("Sheet1!A1:B2, Sheet1!D4"). */
export function parseAreas(address: string): CellArea[] {
  return splitOutsideQuotes(address).map(parseArea);
}

/**
 * Joins addresses with "," into strings shorter than `maxLength` characters each
 * (Excel refuses a RangeAreas address of 8,192 characters or more).
 */
export function chunkAddresses(addresses: string[], maxLength: number): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (address.length >= maxLength) throw new RangeError(`address longer than ${maxLength - 1} characters: ${address.slice(0, 40)}…`);
    const candidate = current ? `${current},${address}` : address;
    if (candidate.length >= maxLength) {
      chunks.push(current);
      current = address;
    } else current = candidate;
  }
  if (current) chunks.push(current);
  return chunks;
}

/**
 * Cells of one column joined into vertical runs ("B5:B9" instead of five addresses): shorter address
 * strings, so fewer RangeAreas. Input cells are {row, column}; output areas are sorted by column, then row.
 */
export function cellsToAreas(cells: { row: number; column: number }[]): CellArea[] {
  const sorted = [...cells].sort((a, b) => a.column - b.column || a.row - b.row);
  const areas: CellArea[] = [];
  for (const cell of sorted) {
    const last = areas[areas.length - 1];
    if (last && last.left === cell.column && last.bottom === cell.row - 1) last.bottom = cell.row;
    else if (!(last && last.left === cell.column && last.bottom === cell.row)) {
      areas.push({ top: cell.row, left: cell.column, bottom: cell.row, right: cell.column });
    }
  }
  return areas;
}
