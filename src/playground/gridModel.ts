/**
 * What the playground's grid shows of a sheet: the extent, column widths, merged areas, and per cell its
 * text (as Excel would show it), look, mark, dropdown list and in-workbook link. Read from the exceljs
 * worksheet for the visible cells only, so a 10,000-row sheet costs what its visible rows cost.
 */
import type { Cell, Worksheet } from "exceljs";
import { a1Address, columnLetter } from "../domain/cells";
import { cutToCellLimit } from "../domain/merge/consolidate";
import { isCellError, type CellArea, type Severity } from "../workbook/types";
import { mergesOf, toCellValue } from "../xlsx/readWorkbook";
import type { CellRef, XlsxWorkbookHost } from "../xlsx/XlsxWorkbookHost";

export const ROW_HEIGHT = 24;
/** Rows and columns shown beyond the used range, so the sheet looks like a sheet. */
const EXTRA_ROWS = 10;
const EXTRA_COLUMNS = 2;
const MIN_ROWS = 30;
const MIN_COLUMNS = 10;
/** Columns past this are not drawn (no plan template is this wide). */
export const MAX_COLUMNS = 100;

export interface SheetExtent {
  /** Rows and columns drawn: the used range plus a margin. Keyboard moves stay inside them. */
  rows: number;
  columns: number;
  /** The used range's bottom row and right column (at least 1): where End and Ctrl+End go, as in Excel. */
  usedRows: number;
  usedColumns: number;
  /** Pixel width of each column, index 0 = column A. */
  widths: number[];
  merges: MergeIndex;
}

export interface CellView {
  address: string;
  text: string;
  /** Shown in the cell's tooltip: the mark's message, the cell's note, or the full text. */
  title?: string;
  mark?: { severity: Severity; message: string };
  /** Items of the cell's list validation (a dropdown). */
  list?: string[];
  link?: CellRef;
  style: {
    bold?: boolean;
    italic?: boolean;
    color?: string;
    background?: string;
    align?: "left" | "center" | "right";
  };
}

export function sheetExtent(worksheet: Worksheet): SheetExtent {
  const merges = new MergeIndex(mergesOf(worksheet));
  const usedRows = Math.max(worksheet.rowCount, merges.bottom);
  const usedColumns = Math.max(worksheet.columnCount, merges.right);
  const rows = Math.max(MIN_ROWS, usedRows + EXTRA_ROWS);
  const columns = Math.min(MAX_COLUMNS, Math.max(MIN_COLUMNS, usedColumns + EXTRA_COLUMNS));
  // `columns` lists the columns the sheet defines without creating any (getColumn would).
  const defined = worksheet.columns ?? [];
  const widths = Array.from({ length: columns }, (_, i) => columnWidth(defined[i]?.width));
  return { rows, columns, usedRows: Math.max(1, usedRows), usedColumns: Math.min(columns, Math.max(1, usedColumns)), widths, merges };
}

/** Excel widths are in characters of the default font: about 7 px each plus padding. */
function columnWidth(characters: number | undefined): number {
  const width = characters && characters > 0 ? characters : 8.43;
  return Math.min(400, Math.max(28, Math.round(width * 7 + 5)));
}

/** Merged areas, found by row without scanning them all for every cell. */
export class MergeIndex {
  readonly bottom: number;
  readonly right: number;
  private readonly byRow = new Map<number, CellArea[]>();

  constructor(readonly areas: CellArea[]) {
    this.bottom = Math.max(0, ...areas.map((area) => area.bottom));
    this.right = Math.max(0, ...areas.map((area) => area.right));
    for (const area of areas) {
      for (let row = area.top; row <= area.bottom; row++) {
        const list = this.byRow.get(row) ?? [];
        list.push(area);
        this.byRow.set(row, list);
      }
    }
  }

  /** The merged area covering this cell, if any. */
  at(row: number, column: number): CellArea | undefined {
    return this.byRow.get(row)?.find((area) => column >= area.left && column <= area.right);
  }
}

export function cellView(host: XlsxWorkbookHost, worksheet: Worksheet, row: number, column: number): CellView {
  const address = a1Address(row, column);
  // findCell: looking must not create cells (getCell would, and they would be saved).
  const cell = worksheet.findCell(row, column);
  const text = cell ? displayText(cell) : "";
  const mark = host.markAt(worksheet.name, row, column);
  const note = cell ? noteText(cell) : "";
  const view: CellView = { address, text, style: cell ? cellStyle(cell, mark !== undefined) : {} };
  if (mark) view.mark = mark;
  const list = host.listAt(worksheet.name, row, column);
  if (list) view.list = list;
  const link = cell && internalLink(cell);
  if (link) view.link = link;
  // The mark's message is the start of the note the host wrote; show it once.
  const title = mark ? note || mark.message : note || (text.length > 20 ? text : undefined);
  if (title) view.title = title;
  return view;
}

/** The text Excel shows: dates dd/mm/yyyy, numbers without float noise, formulas their cached result. */
export function displayText(cell: Cell): string {
  const value = toCellValue(cell.value);
  if (value === null) return "";
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, "0");
    const date = `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
    const hasTime = value.getUTCHours() + value.getUTCMinutes() > 0 && /h/i.test(cell.numFmt ?? "");
    return hasTime ? `${date} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : date;
  }
  if (typeof value === "number") {
    if ((cell.numFmt ?? "").includes("%")) return `${roundNumber(value * 100)}%`;
    return roundNumber(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isCellError(value)) return value.error;
  return value;
}

function roundNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
}

function noteText(cell: Cell): string {
  if (!(cell as Cell & { _comment?: unknown })._comment) return "";
  const note = cell.note as unknown;
  if (typeof note === "string") return note;
  if (note && typeof note === "object" && Array.isArray((note as { texts?: unknown }).texts)) {
    return (note as { texts: { text?: string }[] }).texts.map((run) => run.text ?? "").join("");
  }
  return "";
}

function argbToCss(argb: unknown): string | undefined {
  if (typeof argb !== "string" || !/^[0-9a-f]{8}$/i.test(argb)) return undefined;
  return `#${argb.slice(2)}`;
}

function cellStyle(cell: Cell, marked: boolean): CellView["style"] {
  const style: CellView["style"] = {};
  const font = cell.style?.font;
  if (font?.bold) style.bold = true;
  if (font?.italic) style.italic = true;
  const color = argbToCss(font?.color?.argb);
  if (color && color.toLowerCase() !== "#000000") style.color = color;
  const fill = cell.style?.fill;
  // A mark's colour comes from its severity class; the user's own fill is shown otherwise.
  if (!marked && fill && fill.type === "pattern" && fill.pattern === "solid") {
    const background = argbToCss(fill.fgColor?.argb);
    if (background) style.background = background;
  }
  const horizontal = cell.style?.alignment?.horizontal;
  if (horizontal === "center" || horizontal === "centerContinuous") style.align = "center";
  else if (horizontal === "right") style.align = "right";
  else if (horizontal === "left") style.align = "left";
  else if (typeof toCellValue(cell.value) === "number") style.align = "right";
  return style;
}

/** "#'Đoàn ra'!$C$5" (a link the check report writes) → the cell it goes to. */
function internalLink(cell: Cell): CellRef | undefined {
  const value = cell.value as unknown;
  if (!value || typeof value !== "object" || typeof (value as { hyperlink?: unknown }).hyperlink !== "string") return undefined;
  const target = (value as { hyperlink: string }).hyperlink;
  const match = /^#(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)$/i.exec(target);
  if (!match) return undefined;
  const sheet = (match[1] ?? match[2]).replace(/''/g, "'");
  let column = 0;
  for (const ch of match[3].toUpperCase()) column = column * 26 + ch.charCodeAt(0) - 64;
  return { sheet, row: Number(match[4]), column };
}

export function cellName(cell: CellRef): string {
  return `${cell.sheet}!${columnLetter(cell.column)}${cell.row}`;
}

// ——— The keyboard model: where keys move the active cell, what is selected, what is copied and pasted. ———
// Pure functions over row and column numbers (1-based), so the grid component only wires keys to them.

/** A cell of the sheet shown. */
export interface GridPoint {
  row: number;
  column: number;
}

/** Shift+moves extend from the anchor; the active cell is where the keyboard is (what Enter edits, what is announced). */
export interface GridSelection {
  anchor: GridPoint;
  active: GridPoint;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One cell's new text, as typed, pasted or cleared (""). */
export interface CellEdit {
  row: number;
  column: number;
  text: string;
}

export type GridBounds = Pick<SheetExtent, "rows" | "columns" | "usedRows" | "usedColumns" | "merges">;

export interface NavigationKey {
  key: string;
  /** Ctrl (or ⌘ on a Mac). */
  ctrl: boolean;
}

/** The cell that holds and shows a merged area's value (its top-left), or the cell itself. */
export function drawnCell(point: GridPoint, merges: MergeIndex): GridPoint {
  const merge = merges.at(point.row, point.column);
  return merge ? { row: merge.top, column: merge.left } : { row: point.row, column: point.column };
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * Where a navigation key takes the active cell, as in Excel: arrows by one cell (a merged area is crossed
 * as one cell), Ctrl+arrow to the edge of the data, Home/End to the row's first column / the used range's
 * last column, Ctrl+Home to A1, Ctrl+End to the used range's last cell, Page Up/Down by `pageRows`.
 * Undefined for any other key. Moves stay inside the drawn extent.
 */
export function navigate(from: GridPoint, { key, ctrl }: NavigationKey, bounds: GridBounds, pageRows: number, filled: (row: number, column: number) => boolean): GridPoint | undefined {
  const merge = bounds.merges.at(from.row, from.column);
  const area = merge ?? { top: from.row, left: from.column, bottom: from.row, right: from.column };
  const steps: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  let target: GridPoint | undefined;
  if (key in steps) {
    const [dRow, dColumn] = steps[key];
    if (ctrl) target = dataEdge(from, dRow, dColumn, bounds, filled);
    else {
      const row = dRow > 0 ? area.bottom + 1 : dRow < 0 ? area.top - 1 : from.row;
      const column = dColumn > 0 ? area.right + 1 : dColumn < 0 ? area.left - 1 : from.column;
      target = { row, column };
    }
  } else if (key === "Home") target = ctrl ? { row: 1, column: 1 } : { row: from.row, column: 1 };
  else if (key === "End") target = ctrl ? { row: bounds.usedRows, column: bounds.usedColumns } : { row: from.row, column: bounds.usedColumns };
  else if (key === "PageDown") target = { row: from.row + Math.max(1, pageRows), column: from.column };
  else if (key === "PageUp") target = { row: from.row - Math.max(1, pageRows), column: from.column };
  if (!target) return undefined;
  return drawnCell({ row: clamp(target.row, 1, bounds.rows), column: clamp(target.column, 1, bounds.columns) }, bounds.merges);
}

/** Ctrl+arrow: along a run of filled cells to its last one, else to the next filled cell, else to the sheet's edge. */
function dataEdge(from: GridPoint, dRow: number, dColumn: number, bounds: GridBounds, filled: (row: number, column: number) => boolean): GridPoint {
  const inside = (row: number, column: number) => row >= 1 && row <= bounds.rows && column >= 1 && column <= bounds.columns;
  let row = from.row;
  let column = from.column;
  if (!inside(row + dRow, column + dColumn)) return { row, column };
  const inRun = filled(row, column) && filled(row + dRow, column + dColumn);
  while (inside(row + dRow, column + dColumn)) {
    row += dRow;
    column += dColumn;
    if (inRun && !inside(row + dRow, column + dColumn)) break;
    if (inRun && !filled(row + dRow, column + dColumn)) break;
    if (!inRun && filled(row, column)) break;
  }
  return { row, column };
}

/**
 * Tab and Shift+Tab: one cell right or left within the row, as in Excel. "leave" at the row's ends (the
 * last drawn column, column A): the browser then moves focus out of the grid, so the grid never traps it.
 */
export function tabTarget(from: GridPoint, backwards: boolean, bounds: GridBounds): GridPoint | "leave" {
  const area = bounds.merges.at(from.row, from.column) ?? { left: from.column, right: from.column };
  const column = backwards ? area.left - 1 : area.right + 1;
  if (column < 1 || column > bounds.columns) return "leave";
  return drawnCell({ row: from.row, column }, bounds.merges);
}

/** The rectangle between anchor and active cell, grown to cover every merged area it cuts (as Excel selects). */
export function selectionRange({ anchor, active }: GridSelection, merges: MergeIndex): CellRange {
  const range = {
    top: Math.min(anchor.row, active.row),
    bottom: Math.max(anchor.row, active.row),
    left: Math.min(anchor.column, active.column),
    right: Math.max(anchor.column, active.column),
  };
  for (let grown = true; grown; ) {
    grown = false;
    for (const area of merges.areas) {
      const cuts = area.top <= range.bottom && area.bottom >= range.top && area.left <= range.right && area.right >= range.left;
      const inside = area.top >= range.top && area.bottom <= range.bottom && area.left >= range.left && area.right <= range.right;
      if (!cuts || inside) continue;
      range.top = Math.min(range.top, area.top);
      range.bottom = Math.max(range.bottom, area.bottom);
      range.left = Math.min(range.left, area.left);
      range.right = Math.max(range.right, area.right);
      grown = true;
    }
  }
  return range;
}

export function inRange(range: CellRange, row: number, column: number): boolean {
  return row >= range.top && row <= range.bottom && column >= range.left && column <= range.right;
}

export function rangeCellCount(range: CellRange): number {
  return (range.bottom - range.top + 1) * (range.right - range.left + 1);
}

/** "B3:C4", or "B3" for one cell. */
export function rangeAddress(range: CellRange): string {
  const first = a1Address(range.top, range.left);
  return range.top === range.bottom && range.left === range.right ? first : `${first}:${a1Address(range.bottom, range.right)}`;
}

/** Whether a cell is covered by a merged area without being the cell that holds its value. */
function hiddenByMerge(row: number, column: number, merges: MergeIndex): boolean {
  const merge = merges.at(row, column);
  return merge !== undefined && (merge.top !== row || merge.left !== column);
}

/** Delete: every cell of the range that holds a value (a merged area once) becomes empty. */
export function clearEdits(range: CellRange, merges: MergeIndex): CellEdit[] {
  const edits: CellEdit[] = [];
  for (let row = range.top; row <= range.bottom; row++) {
    for (let column = range.left; column <= range.right; column++) {
      if (!hiddenByMerge(row, column, merges)) edits.push({ row, column, text: "" });
    }
  }
  return edits;
}

/** The range's text as Excel copies it: tab between cells, CRLF between rows, fields with tabs, line breaks or quotes quoted. */
export function rangeToTsv(range: CellRange, textAt: (row: number, column: number) => string): string {
  const lines: string[] = [];
  for (let row = range.top; row <= range.bottom; row++) {
    const fields: string[] = [];
    for (let column = range.left; column <= range.right; column++) {
      const text = textAt(row, column);
      fields.push(/[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    }
    lines.push(fields.join("\t"));
  }
  return lines.join("\r\n");
}

/** Clipboard text (from Excel, a browser table or rangeToTsv) → rows of cell texts. One final line break is not a row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  const source = text.replace(/\r\n?/g, "\n");
  let fieldStart = true;
  while (i < source.length) {
    const ch = source[i];
    if (fieldStart && ch === '"') {
      // A quoted field: "" is a quote; it ends at the quote before a tab, a line break or the end.
      const close = quotedEnd(source, i + 1);
      if (close !== undefined) {
        field = source.slice(i + 1, close).replace(/""/g, '"');
        i = close + 1;
        fieldStart = false;
        continue;
      }
    }
    fieldStart = false;
    if (ch === "\t") {
      row.push(field);
      field = "";
      fieldStart = true;
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      fieldStart = true;
    } else field += ch;
    i++;
  }
  if (!(fieldStart && row.length === 0 && field === "")) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function quotedEnd(source: string, from: number): number | undefined {
  for (let i = from; i < source.length; i++) {
    if (source[i] !== '"') continue;
    if (source[i + 1] === '"') {
      i++;
      continue;
    }
    const after = source[i + 1];
    return after === undefined || after === "\t" || after === "\n" ? i : undefined;
  }
  return undefined;
}

export interface PasteEdits {
  edits: CellEdit[];
  /** Cells left as they were: past the last column drawn. */
  skipped: number;
  range: CellRange;
  /**
   * Merged areas whose hidden cells (all but the top-left) the paste would write into. When any, the paste
   * is refused as a whole (`edits` is empty), as Excel refuses it: a value written there would be lost.
   */
  blockedBy: CellRange[];
}

/** Pasting `rows` with its top-left cell at `start`: one edit per cell, or none when it would write into a merged area's hidden cells. */
export function pasteEdits(start: GridPoint, rows: string[][], merges: MergeIndex): PasteEdits {
  const edits: CellEdit[] = [];
  const blockedBy: CellRange[] = [];
  let skipped = 0;
  const width = Math.max(1, ...rows.map((cells) => cells.length));
  rows.forEach((cells, r) => {
    cells.forEach((text, c) => {
      const row = start.row + r;
      const column = start.column + c;
      if (column > MAX_COLUMNS) skipped++;
      else if (hiddenByMerge(row, column, merges)) {
        const area = merges.at(row, column)!;
        if (!blockedBy.includes(area)) blockedBy.push(area);
      } else edits.push({ row, column, text });
    });
  });
  const range = { top: start.row, left: start.column, bottom: start.row + Math.max(1, rows.length) - 1, right: Math.min(MAX_COLUMNS, start.column + width - 1) };
  if (blockedBy.length > 0) return { edits: [], skipped: 0, range, blockedBy };
  return { edits, skipped, range, blockedBy };
}

/** A cell whose typed or pasted text was cut to Excel's per-cell limit. */
export interface CutCell {
  address: string;
  /** The text's length before the cut. */
  length: number;
}

/**
 * Texts longer than one Excel cell holds, cut with the visible marker the merge uses (cutToCellLimit), so
 * what the grid shows after an edit is what the download holds; Excel would otherwise repair the file.
 */
export function cutOverlongEdits(edits: readonly CellEdit[]): { edits: CellEdit[]; cut: CutCell[] } {
  const cut: CutCell[] = [];
  const fitted = edits.map((edit) => {
    const text = cutToCellLimit(edit.text);
    if (text === edit.text) return edit;
    cut.push({ address: a1Address(edit.row, edit.column), length: edit.text.length });
    return { ...edit, text };
  });
  return { edits: fitted, cut };
}

/**
 * The edits that change what a cell shows. A cell whose text is what the grid shows is left alone: opening
 * and closing the editor on a date or a formula must not turn it into text, and clearing an empty cell
 * writes nothing. findCell: comparing must not create cells (getCell would, and they would be saved).
 */
export function changedEdits(worksheet: Worksheet, edits: readonly CellEdit[]): CellEdit[] {
  return edits.filter((edit) => {
    const cell = worksheet.findCell(edit.row, edit.column);
    return (cell ? displayText(cell) : "") !== edit.text;
  });
}
