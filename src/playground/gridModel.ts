/**
 * What the playground's grid shows of a sheet: the extent, column widths, merged areas, and per cell its
 * text (as Excel would show it), look, mark, dropdown list and in-workbook link. Read from the exceljs
 * worksheet for the visible cells only, so a 10,000-row sheet costs what its visible rows cost.
 */
import type { Cell, Worksheet } from "exceljs";
import { a1Address, columnLetter } from "../domain/cells";
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
  rows: number;
  columns: number;
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
  return { rows, columns, widths, merges };
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
