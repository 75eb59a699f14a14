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
  const buffer = await workbook.xlsx.writeBuffer();
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
      const style = styles.at(rowNumber, c + 1);
      if (numFmt !== undefined) style.numFmt = numFmt;
      if (isHeader || isSubHeader) {
        Object.assign(style, { bold: true, fill: true, border: "header", vertical: "middle", horizontal: isHeader ? "center" : "left", wrap: true });
      } else if (typeof value === "string" && value.length > widths[c]) {
        // Only text wider than its column wraps.
        Object.assign(style, { vertical: "top", wrap: true });
      }
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
    Object.assign(styles.at(link.row, link.column), { bold: link.row <= headerRows, link: true });
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

/** Columns of a sheet, past the last (XFD = 16,384). */
const EXCEL_COLUMNS = 16_385;

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

/**
 * Cell styles composed first, then written as one shared style object per distinct style. exceljs turns
 * each cell's style into XML to find its id unless it has seen that very object before (a WeakMap): a
 * 5,000-row master has ~150,000 styled cells but a few dozen distinct styles, and giving every cell its
 * own object made the styles the larger part of the write time. The shared objects must never be
 * mutated through a cell: code that changes a written cell's style copies it first (XlsxWorkbookHost.setFill).
 */
class CellStyles {
  /** Keyed by row × COLUMNS + column: one number, no string per cell. */
  private readonly specs = new Map<number, StyleSpec>();

  /** The spec of a cell (1-based), created empty: callers add to it, a later area over an earlier one. */
  at(row: number, column: number): StyleSpec {
    const key = row * EXCEL_COLUMNS + column;
    let spec = this.specs.get(key);
    if (!spec) this.specs.set(key, (spec = {}));
    return spec;
  }

  applyTo(sheet: Worksheet): void {
    const shared = new Map<string, Partial<Style>>();
    for (const [key, spec] of this.specs) {
      const id = `${spec.numFmt ?? ""}|${spec.bold ?? ""}|${spec.italic ?? ""}|${spec.size ?? ""}|${spec.link ?? ""}|${spec.horizontal ?? ""}|${spec.vertical ?? ""}|${spec.wrap ?? ""}|${spec.border ?? ""}|${spec.fill ?? ""}`;
      let style = shared.get(id);
      if (!style) shared.set(id, (style = excelStyle(spec)));
      const column = key % EXCEL_COLUMNS;
      sheet.getRow((key - column) / EXCEL_COLUMNS).getCell(column).style = style;
    }
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

/** Adds an area's style to what the cell's spec already has. */
function addStyle(spec: StyleSpec, style: CellStyle): void {
  if (style.bold !== undefined) spec.bold = style.bold;
  if (style.italic !== undefined) spec.italic = style.italic;
  if (style.size !== undefined) spec.size = style.size;
  if (style.horizontal) spec.horizontal = style.horizontal;
  if (style.vertical) spec.vertical = style.vertical;
  if (style.wrap !== undefined) spec.wrap = style.wrap;
  if (style.border) spec.border = "body";
  if (style.fill) spec.fill = true;
}

/** The official form's look (TableWrite.styles, formulas, row heights, collapsed columns, print setup). */
function applyDocumentLayout(sheet: Worksheet, table: TableWrite, styles: CellStyles): void {
  for (const { area, style } of table.styles ?? []) {
    for (let row = area.top; row <= area.bottom; row++) {
      for (let column = area.left; column <= area.right; column++) addStyle(styles.at(row, column), style);
    }
  }
  for (const formula of table.formulas ?? []) {
    const cell = sheet.getCell(formula.row, formula.column);
    cell.value = { formula: formula.formula.replace(/^=/, ""), result: formula.result } as never;
    if (formula.format) styles.at(formula.row, formula.column).numFmt = formula.format;
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
      printArea: `A${area.top}:${columnLetter(area.right)}${area.bottom}`,
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
