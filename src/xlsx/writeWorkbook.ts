/**
 * Writes tables (TableWrite: master sheets, statistics, reports) into an .xlsx with exceljs, in Node and
 * in the browser (bytes out, no fs). Values only: every string is written as a string cell (exceljs never
 * turns a string into a formula; text starting with = + - @ also gets the text format "@" so that Excel
 * keeps it text when the cell is edited), dates are real dates shown dd/mm/yyyy.
 *
 * Charts (TableWrite.charts) are not written: exceljs cannot draw them; the tables carry the same figures.
 */
import type { Border, Cell, Workbook, Worksheet } from "exceljs";
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
  const thin = { style: "thin" as const, color: { argb: BORDER_COLOR } };
  const border = { top: thin, left: thin, bottom: thin, right: thin };

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
      const cell = row.getCell(c + 1);
      writeValue(cell, value, formats[c], textCells.has(`${rowNumber}:${c + 1}`));
      if (isHeader || isSubHeader) {
        cell.font = { bold: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
        cell.border = border;
        cell.alignment = { vertical: "middle", horizontal: isHeader ? "center" : "left", wrapText: true };
      } else if (typeof value === "string" && value.length > widths[c]) {
        // Only text wider than its column wraps: styling every data cell would double the write time.
        cell.alignment = { vertical: "top", wrapText: true };
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
    target.font = { bold: link.row <= headerRows, color: { argb: LINK_COLOR }, underline: true };
  }

  widths.forEach((columnWidth, c) => (sheet.getColumn(c + 1).width = columnWidth));
  const frozen = table.freezeRows ?? headerRows;
  if (frozen > 0) sheet.views = [{ state: "frozen", xSplit: 0, ySplit: frozen, topLeftCell: `A${frozen + 1}`, activeCell: `A${frozen + 1}` }];
  if (headerRows > 0 && table.subHeaderRows === undefined && width > 0 && table.rows.length > headerRows) {
    sheet.autoFilter = { from: { row: headerRows, column: 1 }, to: { row: headerRows, column: width } };
  }
  applyDocumentLayout(sheet, table);
  return sheet;
}

/** Adds a style to what the cell already has (a later area's style over an earlier one's). */
function styleCell(cell: Cell, style: CellStyle, line: Partial<Border>): void {
  const { font, alignment } = cell;
  if (style.bold !== undefined || style.italic !== undefined || style.size !== undefined) {
    cell.font = { ...font, ...(style.bold !== undefined ? { bold: style.bold } : {}), ...(style.italic !== undefined ? { italic: style.italic } : {}), ...(style.size !== undefined ? { size: style.size } : {}) };
  }
  if (style.horizontal !== undefined || style.vertical !== undefined || style.wrap !== undefined) {
    cell.alignment = { ...alignment, ...(style.horizontal ? { horizontal: style.horizontal } : {}), ...(style.vertical ? { vertical: style.vertical } : {}), ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}) };
  }
  if (style.border) cell.border = { top: line, left: line, bottom: line, right: line };
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
}

/** The official form's look (TableWrite.styles, formulas, row heights, collapsed columns, print setup). */
function applyDocumentLayout(sheet: Worksheet, table: TableWrite): void {
  const thin: Partial<Border> = { style: "thin", color: { argb: "FF000000" } };
  for (const { area, style } of table.styles ?? []) {
    for (let row = area.top; row <= area.bottom; row++) {
      for (let column = area.left; column <= area.right; column++) styleCell(sheet.getCell(row, column), style, thin);
    }
  }
  for (const formula of table.formulas ?? []) {
    const cell = sheet.getCell(formula.row, formula.column);
    cell.value = { formula: formula.formula.replace(/^=/, ""), result: formula.result } as never;
    if (formula.format) cell.numFmt = formula.format;
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

function writeValue(cell: Cell, value: CellValue, format: string | undefined, asText: boolean): void {
  if (value === null || value === undefined) return;
  if (typeof value === "string") {
    // A string cell is a shared string, never a formula; "@" keeps Excel from reading it as one on edit.
    cell.value = value;
    if (asText || /^[=+\-@]/.test(value)) cell.numFmt = "@";
    return;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return;
    cell.value = value;
    cell.numFmt = format ?? "dd/mm/yyyy";
    return;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return;
    cell.value = value;
    if (format) cell.numFmt = format;
    return;
  }
  if (typeof value === "boolean") {
    cell.value = value;
    return;
  }
  if (isCellError(value)) cell.value = { error: value.error } as never;
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
