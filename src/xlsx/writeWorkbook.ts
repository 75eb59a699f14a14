/**
 * Writes tables (TableWrite: master sheets, statistics, reports) into an .xlsx with exceljs, in Node and
 * in the browser (bytes out, no fs). Values only: every string is written as a string cell (exceljs never
 * turns a string into a formula; text starting with = + - @ also gets the text format "@" so that Excel
 * keeps it text when the cell is edited), dates are real dates shown dd/mm/yyyy.
 *
 * Charts (TableWrite.charts) are not written: exceljs cannot draw them; the tables carry the same figures.
 */
import type { Border, Cell, Style, Workbook, Worksheet } from "exceljs";
import { columnLetter } from "../domain/cells";
import { isCellError, LISTS_SHEET, type CellStyle, type CellValue, type DropdownTarget, type StandardList, type TableWrite } from "../workbook/types";

const HEADER_FILL = "FFDDEBF7";
const BORDER_COLOR = "FF8EA9C1";
const LINK_COLOR = "FF0563C1";
/** Widest a column gets when sized from its content, in characters. */
const MAX_AUTO_WIDTH = 60;
/** Rows looked at to size a column from its content. */
const WIDTH_SAMPLE_ROWS = 300;

/** The lists sheet, named as every host names it. */
export const LISTS_SHEET_NAME = LISTS_SHEET;

export interface WriteOptions {
  /**
   * An existing workbook to write into: sheets with a table's name are replaced in place (same position),
   * every other sheet is kept as it is.
   */
  base?: ArrayBuffer | Uint8Array;
  /** Standard lists for dropdowns, written to a hidden sheet, and the cells that get them. */
  dropdowns?: { lists: StandardList[]; targets: DropdownTarget[] };
  /**
   * Leave the parts uncompressed (zip "stored"): for a package only read back at once (the CLI's package
   * edit takes its sheets into the master and compresses them there), compressing it is wasted work.
   */
  stored?: boolean;
}

/** The workbook as .xlsx bytes. */
export async function writeWorkbook(tables: readonly TableWrite[], options: WriteOptions = {}): Promise<Uint8Array> {
  // Loaded on demand, like the reader: the task pane pays for exceljs only when it writes a file.
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  if (options.base) await workbook.xlsx.load(toArrayBuffer(options.base));
  else {
    workbook.creator = "dplan";
    workbook.created = new Date();
  }
  for (const table of tables) writeTableInto(workbook, table);
  if (options.dropdowns) writeDropdowns(workbook, options.dropdowns.lists, options.dropdowns.targets);
  const buffer = await workbook.xlsx.writeBuffer(options.stored ? { zip: { compression: "STORE" } } : undefined);
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
}

/** exceljs keeps sheet order in `orderNo` (not in its typings). */
type OrderedWorksheet = Worksheet & { orderNo: number };

/** Creates the table's sheet, or replaces the sheet of that name at the same position. */
export function replaceSheet(workbook: Workbook, name: string): Worksheet {
  const existing = workbook.getWorksheet(name) as OrderedWorksheet | undefined;
  const orderNo = existing?.orderNo;
  if (existing) workbook.removeWorksheet(existing.id);
  const sheet = workbook.addWorksheet(name) as OrderedWorksheet;
  if (orderNo !== undefined) sheet.orderNo = orderNo;
  return sheet;
}

export function writeTableInto(workbook: Workbook, table: TableWrite): Worksheet {
  const sheet = replaceSheet(workbook, table.sheet);
  const width = table.rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  const headerRows = Math.min(Math.max(0, table.headerRows), table.rows.length);
  const subHeaders = new Set(table.subHeaderRows ?? []);
  const textCells = new Set((table.textCells ?? []).map((cell) => `${cell.row}:${cell.column}`));
  const formats = table.columnFormats ?? [];
  const styles = new CellStyles();

  const widths = Array.from({ length: width }, (_, c) => table.columnWidths?.[c] ?? autoWidth(table, c, headerRows));
  table.rows.forEach((values, r) => {
    const rowNumber = r + 1;
    const isHeader = rowNumber <= headerRows;
    const isSubHeader = subHeaders.has(rowNumber);
    // Header rows of a stacked table span its cells only; the main header spans the table's width.
    const span = isHeader && !isSubHeader && table.subHeaderRows === undefined ? width : values.length;
    const row = sheet.getRow(rowNumber);
    for (let c = 0; c < span; c++) {
      const value = c < values.length ? values[c] : null;
      if (value === null && !isHeader && !isSubHeader) continue;
      const numFmt = writeValue(row.getCell(c + 1), value, formats[c], textCells.has(`${rowNumber}:${c + 1}`));
      if (numFmt === undefined && !isHeader && !isSubHeader && !(typeof value === "string" && value.length > widths[c])) continue;
      if (numFmt !== undefined) styles.add(rowNumber, c + 1, formatStyle(numFmt));
      if (isHeader || isSubHeader) styles.add(rowNumber, c + 1, isHeader ? HEADER_STYLE : SUB_HEADER_STYLE);
      // Only text wider than its column wraps.
      else if (typeof value === "string" && value.length > widths[c]) styles.add(rowNumber, c + 1, WRAPPED_STYLE);
    }
  });

  for (const area of table.merges ?? []) sheet.mergeCells(area.top, area.left, area.bottom, area.right);

  for (const link of table.links ?? []) {
    const written = table.rows[link.row - 1]?.[link.column - 1] ?? null;
    const text = cellText(written) || `${link.target.sheet}!${columnLetter(link.target.column)}${link.target.row}`;
    const target = sheet.getCell(link.row, link.column);
    // "#'Sheet'!$A$1": an in-workbook target. Absolute references keep exceljs from also writing a
    // `location` that Excel would append to the target (exceljs issue #3027).
    target.value = { text, hyperlink: `#'${link.target.sheet.replace(/'/g, "''")}'!$${columnLetter(link.target.column)}$${link.target.row}` };
    styles.add(link.row, link.column, { bold: link.row <= headerRows, link: true });
  }

  widths.forEach((columnWidth, c) => (sheet.getColumn(c + 1).width = columnWidth));
  const frozen = table.freezeRows ?? headerRows;
  if (frozen > 0) sheet.views = [{ state: "frozen", xSplit: 0, ySplit: frozen, topLeftCell: `A${frozen + 1}`, activeCell: `A${frozen + 1}` }];
  if (headerRows > 0 && table.subHeaderRows === undefined && width > 0 && table.rows.length > headerRows) {
    sheet.autoFilter = { from: { row: headerRows, column: 1 }, to: { row: headerRows, column: width } };
  }
  applyDocumentLayout(sheet, table, styles);
  styles.applyTo(sheet);
  return sheet;
}

/** What a cell's style is made of, flat so that equal styles have one key. */
interface StyleSpec {
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** Hyperlink look: blue, underlined. */
  link?: boolean;
  horizontal?: CellStyle["horizontal"];
  vertical?: CellStyle["vertical"];
  wrap?: boolean;
  /** "header": the table header's light border; "body": the official form's black grid. */
  border?: "header" | "body";
  fill?: boolean;
}

const HEADER_STYLE: StyleSpec = { bold: true, fill: true, border: "header", vertical: "middle", horizontal: "center", wrap: true };
const SUB_HEADER_STYLE: StyleSpec = { ...HEADER_STYLE, horizontal: "left" };
const WRAPPED_STYLE: StyleSpec = { vertical: "top", wrap: true };
const FORMAT_STYLES = new Map<string, StyleSpec>();

/** One change object per number format. */
function formatStyle(numFmt: string): StyleSpec {
  let style = FORMAT_STYLES.get(numFmt);
  if (!style) FORMAT_STYLES.set(numFmt, (style = { numFmt }));
  return style;
}

function specKey(spec: StyleSpec): string {
  return `${spec.numFmt ?? ""}|${spec.bold ?? ""}|${spec.italic ?? ""}|${spec.size ?? ""}|${spec.link ?? ""}|${spec.horizontal ?? ""}|${spec.vertical ?? ""}|${spec.wrap ?? ""}|${spec.border ?? ""}|${spec.fill ?? ""}`;
}

/**
 * Cell styles composed first, then written as one shared style object per distinct style. exceljs turns
 * each cell's style into XML to find its id unless it has seen that very object before (a WeakMap): a
 * 5,000-row master has ~150,000 styled cells but a few dozen distinct styles, and giving every cell its
 * own object made the styles the larger part of the write time. A cell holds only the number of its
 * style; adding a change to a style is looked up once per pair, so no object is made per cell. The shared
 * objects must never be mutated through a cell: code that changes a written cell's style copies it first
 * (XlsxWorkbookHost.setFill).
 */
class CellStyles {
  /** Distinct styles; 0 is "none" (the cell keeps exceljs's default). */
  private readonly specs: StyleSpec[] = [{}];
  private readonly specIds = new Map<string, number>([[specKey({}), 0]]);
  /** Changes seen, by key, and the style each (style, change) pair leads to. */
  private readonly changeIds = new Map<string, number>();
  /** The same change object (an area's, a constant) is keyed once. */
  private readonly changeObjects = new WeakMap<StyleSpec, number>();
  private readonly steps = new Map<number, number>();
  /** Style number of each cell: rows of column-indexed arrays. */
  private readonly cells: Uint16Array[] = [];

  /** Adds a change to the cell's style (1-based), a later change over an earlier one. */
  add(row: number, column: number, change: StyleSpec): void {
    let line = this.cells[row];
    if (!line || line.length <= column) {
      const wider = new Uint16Array(Math.max(column + 1, 32, line ? line.length * 2 : 0));
      if (line) wider.set(line);
      this.cells[row] = line = wider;
    }
    let changeId = this.changeObjects.get(change);
    if (changeId === undefined) {
      const changeKey = specKey(change);
      changeId = this.changeIds.get(changeKey);
      if (changeId === undefined) this.changeIds.set(changeKey, (changeId = this.changeIds.size));
      this.changeObjects.set(change, changeId);
    }
    const from = line[column];
    const step = from * 65_536 + changeId;
    let to = this.steps.get(step);
    if (to === undefined) {
      const merged: StyleSpec = { ...this.specs[from] };
      for (const [key, value] of Object.entries(change) as [keyof StyleSpec, never][]) if (value !== undefined) merged[key] = value;
      const key = specKey(merged);
      to = this.specIds.get(key);
      if (to === undefined) {
        to = this.specs.push(merged) - 1;
        this.specIds.set(key, to);
      }
      this.steps.set(step, to);
    }
    line[column] = to;
  }

  applyTo(sheet: Worksheet): void {
    const shared: (Partial<Style> | undefined)[] = [];
    this.cells.forEach((line, row) => {
      if (!line) return;
      const sheetRow = sheet.getRow(row);
      for (let column = 1; column < line.length; column++) {
        const id = line[column];
        if (id === 0) continue;
        sheetRow.getCell(column).style = shared[id] ??= excelStyle(this.specs[id]);
      }
    });
  }
}

function excelStyle(spec: StyleSpec): Partial<Style> {
  const style: Partial<Style> = {};
  if (spec.numFmt !== undefined) style.numFmt = spec.numFmt;
  if (spec.bold !== undefined || spec.italic !== undefined || spec.size !== undefined || spec.link) {
    style.font = {
      ...(spec.bold !== undefined ? { bold: spec.bold } : {}),
      ...(spec.italic !== undefined ? { italic: spec.italic } : {}),
      ...(spec.size !== undefined ? { size: spec.size } : {}),
      ...(spec.link ? { color: { argb: LINK_COLOR }, underline: true } : {}),
    };
  }
  if (spec.horizontal !== undefined || spec.vertical !== undefined || spec.wrap !== undefined) {
    style.alignment = { ...(spec.horizontal ? { horizontal: spec.horizontal } : {}), ...(spec.vertical ? { vertical: spec.vertical } : {}), ...(spec.wrap !== undefined ? { wrapText: spec.wrap } : {}) };
  }
  if (spec.border) {
    const line: Partial<Border> = { style: "thin", color: { argb: spec.border === "header" ? BORDER_COLOR : "FF000000" } };
    style.border = { top: line, left: line, bottom: line, right: line };
  }
  if (spec.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
  return style;
}

/** An area's style as a change to its cells' styles. */
function areaStyle(style: CellStyle): StyleSpec {
  return {
    ...(style.bold !== undefined ? { bold: style.bold } : {}),
    ...(style.italic !== undefined ? { italic: style.italic } : {}),
    ...(style.size !== undefined ? { size: style.size } : {}),
    ...(style.horizontal ? { horizontal: style.horizontal } : {}),
    ...(style.vertical ? { vertical: style.vertical } : {}),
    ...(style.wrap !== undefined ? { wrap: style.wrap } : {}),
    ...(style.border ? { border: "body" as const } : {}),
    ...(style.fill ? { fill: true } : {}),
  };
}

/** The official form's look (TableWrite.styles, formulas, row heights, collapsed columns, print setup). */
function applyDocumentLayout(sheet: Worksheet, table: TableWrite, styles: CellStyles): void {
  for (const { area, style } of table.styles ?? []) {
    const change = areaStyle(style);
    for (let row = area.top; row <= area.bottom; row++) {
      for (let column = area.left; column <= area.right; column++) styles.add(row, column, change);
    }
  }
  for (const formula of table.formulas ?? []) {
    const cell = sheet.getCell(formula.row, formula.column);
    cell.value = { formula: formula.formula.replace(/^=/, ""), result: formula.result } as never;
    if (formula.format) styles.add(formula.row, formula.column, formatStyle(formula.format));
  }
  for (const { row, points } of table.rowHeights ?? []) sheet.getRow(row).height = points;
  if (table.collapsedColumns) {
    for (let column = table.collapsedColumns.first; column <= table.collapsedColumns.last; column++) {
      const sheetColumn = sheet.getColumn(column);
      sheetColumn.outlineLevel = 1;
      sheetColumn.hidden = true;
    }
    sheet.properties.outlineLevelCol = 1;
  }
  const print = table.print;
  if (print) {
    const { area, repeatRows } = print;
    sheet.pageSetup = {
      ...sheet.pageSetup,
      paperSize: 9, // A4
      orientation: print.orientation,
      fitToPage: true,
      fitToWidth: print.fitToPagesWide,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: print.margins,
      ...(area ? { printArea: `A${area.top}:${columnLetter(area.right)}${area.bottom}` } : {}),
      ...(repeatRows ? { printTitlesRow: `${repeatRows.first}:${repeatRows.last}` } : {}),
    };
    if (print.footer) sheet.headerFooter = { ...sheet.headerFooter, oddFooter: `&C${print.footer}` };
  }
}

/** Writes the value; returns the number format the cell needs, if any (the caller styles the cell). */
function writeValue(cell: Cell, value: CellValue, format: string | undefined, asText: boolean): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") {
    // A string cell is a shared string, never a formula; "@" keeps Excel from reading it as one on edit.
    cell.value = value;
    return asText || /^[=+\-@]/.test(value) ? "@" : undefined;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    cell.value = value;
    return format ?? "dd/mm/yyyy";
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    cell.value = value;
    return format;
  }
  if (typeof value === "boolean") {
    cell.value = value;
    return undefined;
  }
  if (isCellError(value)) cell.value = { error: value.error } as never;
  return undefined;
}

function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return `${String(value.getUTCDate()).padStart(2, "0")}/${String(value.getUTCMonth() + 1).padStart(2, "0")}/${value.getUTCFullYear()}`;
  if (isCellError(value)) return value.error;
  return "";
}

function autoWidth(table: TableWrite, column: number, headerRows: number): number {
  let widest = 6;
  const rows = table.rows.slice(0, WIDTH_SAMPLE_ROWS);
  rows.forEach((row, r) => {
    const value = row[column];
    if (value === null || value === undefined) return;
    const text = value instanceof Date ? "dd/mm/yyyy" : cellText(value);
    // Long header titles wrap; data sets the width.
    const length = r < headerRows ? Math.min(text.length, 24) : Math.max(...text.split("\n").map((line) => line.length));
    if (length > widest) widest = length;
  });
  return Math.min(MAX_AUTO_WIDTH, widest + 2);
}

/** exceljs has list validation on ranges (`dataValidations.add`) but not in its typings. */
interface RangeValidations {
  add(address: string, validation: { type: "list"; allowBlank: boolean; formulae: string[]; showErrorMessage?: boolean; errorStyle?: string; error?: string; errorTitle?: string }): void;
}

/**
 * Dropdowns as DESIGN says: each list on a hidden lists sheet (never inline strings, which Excel caps at
 * 255 characters), list validation on the target cells only. Other text stays allowed (a warning, not a
 * stop): units write several countries in one cell.
 */
export function writeDropdowns(workbook: Workbook, lists: readonly StandardList[], targets: readonly DropdownTarget[]): void {
  const listSheet = replaceSheet(workbook, LISTS_SHEET_NAME);
  listSheet.state = "veryHidden";
  const ranges = new Map<string, string>();
  lists.forEach((list, index) => {
    const column = index + 1;
    listSheet.getCell(1, column).value = list.title;
    listSheet.getCell(1, column).font = { bold: true };
    list.items.forEach((item, i) => {
      const cell = listSheet.getCell(i + 2, column);
      cell.value = item;
      if (/^[=+\-@]/.test(item)) cell.numFmt = "@";
    });
    listSheet.getColumn(column).width = Math.min(MAX_AUTO_WIDTH, Math.max(12, ...list.items.map((item) => item.length + 2)));
    const letter = columnLetter(column);
    ranges.set(list.id, `'${LISTS_SHEET_NAME}'!$${letter}$2:$${letter}$${Math.max(2, list.items.length + 1)}`);
  });
  for (const target of targets) {
    const range = ranges.get(target.list);
    const sheet = workbook.getWorksheet(target.sheet);
    if (!range || !sheet || target.lastRow < target.firstRow) continue;
    const letter = columnLetter(target.column);
    const validations = (sheet as unknown as { dataValidations: RangeValidations }).dataValidations;
    validations.add(`${letter}${target.firstRow}:${letter}${target.lastRow}`, {
      type: "list",
      allowBlank: true,
      formulae: [range],
      showErrorMessage: true,
      errorStyle: "information",
      errorTitle: "Giá trị ngoài danh sách",
      error: "Giá trị không có trong danh sách chuẩn. Vẫn giữ nếu đúng ý (ví dụ nhiều nước cách nhau bằng dấu phẩy).",
    });
  }
}

function toArrayBuffer(data: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (data instanceof ArrayBuffer) return data;
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}
