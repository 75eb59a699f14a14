/**
 * Writes a whole table into a sheet it creates or replaces (master plan, statistics, check report):
 * values in one range, header and sub-header rows bold on a fill (a stacked table's rows over their own
 * cells only), merged areas, column widths and number formats, internal hyperlinks ("go to the cell",
 * ExcelApi 1.7) and charts beside the table.
 *
 * Values only: every text is written with Excel's leading-apostrophe text prefix (cellValues.ts), so a
 * text starting with = + - @ is never read as a formula, number or date. That one mechanism also covers
 * TableWrite.textCells; a column formatted "@" gets its format first and its texts go in as they are.
 * A Date is a serial number in a cell formatted "dd/mm/yyyy" (unless its column has a format of its own).
 *
 * Syncs: 2 for a new sheet — (1) the workbook's sheets, (2) every write; 3 to rewrite an existing one —
 * (2) its charts, (3) clearing and every write. Only a table too big for one request (Excel on the web
 * caps a request at 5 MB) sends its further rows in one more sync per `syncBudgetBytes` (about 4 MB):
 * a master of 5,000 rows still takes 2 or 3. A re-imported master that carries the officer's cells
 * (carryRows.ts) takes one more to find its notes when it has any, whatever its rows. carryRows.ts (and the
 * package carry it shares formulas with) loads only then, in the consolidation's chunk: a first pane that
 * never re-imports does not download it.
 *
 * An existing sheet is rewritten in place (cleared: values, formats, links, merges, conditional formats,
 * charts, frozen rows), never deleted and added again: deleting a sheet turns every formula, name and
 * validation list of the user's that points at it into #REF!, and Worksheet.delete, .name and .position
 * cannot be part of an undo group on Windows and Mac ("Undo capabilities", Learn).
 */
import type { CellValue, ChartRequest, TableWrite } from "../workbook/types";
import { areaAddress, cellAddress, quoteSheetName } from "./a1";
import { TEXT_FORMAT, toExcelInput } from "./cellValues";
import type { CarryStarted } from "./carryRows";

export const HEADER_FILL = "#DDEBF7";
export const DATE_FORMAT = "dd/mm/yyyy";
const GENERAL_FORMAT = "General";

export interface TableWriteOptions {
  /** Add TableWrite.charts (the host's capabilities.charts). */
  charts: boolean;
  /** Group collapsed columns under an outline (ExcelApi 1.10); without it they are only hidden. */
  outline?: boolean;
  /** Move notes with a re-imported master's rows (ExcelApi 1.18, carryRows.ts). */
  notes?: boolean;
  /** Estimated request bytes per sync for the values (Excel on the web refuses requests over 5 MB). */
  syncBudgetBytes?: number;
}

export const DEFAULT_WRITE_BUDGET_BYTES = 4_000_000;

/** Rows of the sheet a chart covers, and where it sits: charts are placed beside the table, one under another. */
const CHART_HEIGHT_ROWS = 16;
const CHART_WIDTH_COLUMNS = 7;

const CHART_TYPES: Record<ChartRequest["type"], string> = { column: "ColumnClustered", bar: "BarClustered", pie: "Pie" };

/** TableWrite.columnWidths are in characters (as in exceljs); Excel's columnWidth is in points. */
export function characterWidthToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Writes the table into its sheet, clearing an existing one first. A re-imported master (`table.carry`)
 * keeps the officer's own cells at their new rows (carryRows.ts): one more sync only to read where the
 * sheet's notes are, and a hidden copy of the old sheet that is deleted in the last request — or, when a
 * request fails, in one more.
 */
export async function writeTableSheet(context: Excel.RequestContext, table: TableWrite, options: TableWriteOptions = { charts: true }): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();

  const existing = worksheets.items.find((item) => item.name.toLowerCase() === table.sheet.toLowerCase());
  const carrying = existing && table.carry ? await loadCarryRows() : undefined;
  let carry: CarryStarted | undefined;
  try {
    return await writeInto(context, existing, table, options, carrying && { module: carrying, started: (started) => (carry = started) });
  } catch (error) {
    if (carrying && carry) await carrying.dropCopy(context, carry);
    throw error;
  }
}

/** The carry code, with the consolidation engine (the pane downloads it when a merge starts, not before). */
function loadCarryRows(): Promise<typeof import("./carryRows")> {
  return import(/* webpackChunkName: "consolidation" */ "./carryRows");
}

async function writeInto(
  context: Excel.RequestContext,
  existing: Excel.Worksheet | undefined,
  table: TableWrite,
  options: TableWriteOptions,
  carrying: { module: typeof import("./carryRows"); started: (started: CarryStarted) => void } | undefined,
): Promise<string[]> {
  let sheet: Excel.Worksheet;
  const notices: string[] = [];
  let finish = () => {};
  if (!existing) {
    sheet = context.workbook.worksheets.add(table.sheet);
  } else {
    sheet = existing;
    sheet.charts.load("items/name");
    const plan = table.carry;
    const carry = carrying?.module;
    const started = plan && carry ? carry.startCarry(sheet, existing.name, plan, options.notes ?? false) : undefined;
    if (started) carrying?.started(started);
    await context.sync();
    if (plan && carry && started) {
      const notes = await carry.locateNotes(context, started);
      carry.clearCarriedValidation(sheet, started);
      finish = () => notices.push(...carry.finishCarry(sheet, started, plan, notes, (row, column) => table.rows[row - 1]?.[column - 1] ?? null));
    }
    for (const chart of sheet.charts.items) chart.delete();
    const whole = sheet.getRange();
    whole.conditionalFormats.clearAll();
    whole.unmerge();
    whole.clear("All");
    sheet.freezePanes.unfreeze();
  }
  const width = table.rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  const height = table.rows.length;
  const formats = dataFormats(table, width);
  for (const { column, formats: columnFormats } of formats) {
    sheet.getRangeByIndexes(table.headerRows, column, columnFormats.length, 1).numberFormat = columnFormats.map((format) => [format]);
  }

  const textColumns = new Set(formats.filter((f) => f.formats.every((format) => format === TEXT_FORMAT)).map((f) => f.column));
  const values = table.rows.map((row, r) =>
    Array.from({ length: width }, (_, c) => toExcelInput(row[c] ?? null, r >= table.headerRows && textColumns.has(c))),
  );
  const budget = options.syncBudgetBytes ?? DEFAULT_WRITE_BUDGET_BYTES;
  const chunks = width > 0 ? rowChunks(values, budget - jsonBytes(formats)) : [];
  const [first, ...later] = chunks;
  if (first) sheet.getRangeByIndexes(first.start, 0, first.rows.length, width).values = first.rows;

  const headerRows = Math.min(table.headerRows, height);
  if (width > 0 && headerRows > 0) {
    if (table.subHeaderRows === undefined) {
      const header = sheet.getRangeByIndexes(0, 0, headerRows, width).format;
      header.font.bold = true;
      header.fill.color = HEADER_FILL;
      header.wrapText = true;
    } else {
      // Stacked tables (statistics): a header row spans its own cells only, as in the xlsx writer.
      for (let row = 1; row <= headerRows; row++) highlightRow(sheet, row, table.rows[row - 1].length);
    }
  }
  const frozen = Math.min(table.freezeRows ?? headerRows, height);
  if (frozen > 0) sheet.freezePanes.freezeRows(frozen);
  for (const row of table.subHeaderRows ?? []) if (row >= 1 && row <= height) highlightRow(sheet, row, table.rows[row - 1].length);
  for (const area of table.merges ?? []) {
    if (area.bottom > area.top || area.right > area.left) sheet.getRange(areaAddress(area)).merge(false);
  }
  (table.columnWidths ?? []).forEach((characters, c) => {
    if (characters > 0) sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = characterWidthToPoints(characters);
  });
  for (const link of table.links ?? []) {
    const value: CellValue | undefined = table.rows[link.row - 1]?.[link.column - 1];
    const reference = `${quoteSheetName(link.target.sheet)}!${cellAddress(link.target.row, link.target.column)}`;
    const hyperlink: Excel.RangeHyperlink = { documentReference: reference, screenTip: reference };
    // The text shown is the cell's own text; a non-text cell keeps its value.
    if (typeof value === "string" && value !== "") hyperlink.textToDisplay = value;
    sheet.getRangeByIndexes(link.row - 1, link.column - 1, 1, 1).hyperlink = hyperlink;
  }
  applyDocumentLayout(sheet, table, options);
  if (options.charts) addCharts(sheet, table.charts ?? [], width);
  // The officer's cells go over the written ones: with the last rows written.
  if (later.length === 0) finish();
  await context.sync();

  // Only past one request's budget: one more sync per further chunk of rows.
  for (const [index, chunk] of later.entries()) {
    sheet.getRangeByIndexes(chunk.start, 0, chunk.rows.length, width).values = chunk.rows;
    if (index === later.length - 1) finish();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each chunk must travel in its own request (5 MB cap)
    await context.sync();
  }
  return notices;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center" } as const;
const BORDER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

/**
 * The official form's look, queued in the same request as the values: styles, the add-in's own total
 * formulas, row heights, the collapsed provenance columns and the page setup (ExcelApi 1.9).
 */
function applyDocumentLayout(sheet: Excel.Worksheet, table: TableWrite, options: TableWriteOptions): void {
  for (const { area, style } of table.styles ?? []) {
    const format = sheet.getRangeByIndexes(area.top - 1, area.left - 1, area.bottom - area.top + 1, area.right - area.left + 1).format;
    if (style.bold !== undefined) format.font.bold = style.bold;
    if (style.italic !== undefined) format.font.italic = style.italic;
    if (style.size !== undefined) format.font.size = style.size;
    if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
    if (style.vertical) format.verticalAlignment = VERTICAL[style.vertical];
    if (style.wrap !== undefined) format.wrapText = style.wrap;
    if (style.fill) format.fill.color = HEADER_FILL;
    if (style.border) {
      // Inside edges of a single row or column do not exist: Excel rejects them.
      const edges = BORDER_EDGES.filter((edge) => (edge !== "InsideVertical" || area.right > area.left) && (edge !== "InsideHorizontal" || area.bottom > area.top));
      for (const edge of edges) format.borders.getItem(edge).style = "Continuous";
    }
  }
  for (const formula of table.formulas ?? []) {
    const cell = sheet.getRangeByIndexes(formula.row - 1, formula.column - 1, 1, 1);
    if (formula.format) cell.numberFormat = [[formula.format]];
    cell.formulas = [[formula.formula]];
  }
  for (const { row, points } of table.rowHeights ?? []) sheet.getRangeByIndexes(row - 1, 0, 1, 1).format.rowHeight = points;
  if (table.collapsedColumns) {
    const { first, last } = table.collapsedColumns;
    const columns = sheet.getRangeByIndexes(0, first - 1, 1, last - first + 1).getEntireColumn();
    if (options.outline) columns.group("ByColumns");
    columns.columnHidden = true;
  }
  const print = table.print;
  if (print) {
    const layout = sheet.pageLayout;
    layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = "A4";
    layout.zoom = { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: 0 };
    layout.centerHorizontally = true;
    const inch = 72;
    layout.leftMargin = print.margins.left * inch;
    layout.rightMargin = print.margins.right * inch;
    layout.topMargin = print.margins.top * inch;
    layout.bottomMargin = print.margins.bottom * inch;
    layout.headerMargin = print.margins.header * inch;
    layout.footerMargin = print.margins.footer * inch;
    if (print.area) layout.setPrintArea(areaAddress(print.area));
    if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows.first}:$${print.repeatRows.last}`);
    if (print.footer) layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
  }
}

function highlightRow(sheet: Excel.Worksheet, row: number, cells: number): void {
  if (cells === 0) return;
  const format = sheet.getRangeByIndexes(row - 1, 0, 1, cells).format;
  format.font.bold = true;
  format.fill.color = HEADER_FILL;
}

/**
 * Number formats of the data rows, per column that needs one: the column's own format for every row, or
 * "dd/mm/yyyy" on the cells holding a Date (a fresh sheet is "General" elsewhere).
 */
function dataFormats(table: TableWrite, width: number): { column: number; formats: string[] }[] {
  const dataRows = table.rows.slice(table.headerRows);
  if (dataRows.length === 0) return [];
  const out: { column: number; formats: string[] }[] = [];
  for (let c = 0; c < width; c++) {
    const own = table.columnFormats?.[c];
    if (own) out.push({ column: c, formats: dataRows.map(() => own) });
    else if (dataRows.some((row) => row[c] instanceof Date)) out.push({ column: c, formats: dataRows.map((row) => (row[c] instanceof Date ? DATE_FORMAT : GENERAL_FORMAT)) });
  }
  return out;
}

/** Consecutive rows grouped so each group's JSON stays within the budget (at least one row per group). */
function rowChunks(values: (string | number | boolean)[][], budget: number): { start: number; rows: (string | number | boolean)[][] }[] {
  const chunks: { start: number; rows: (string | number | boolean)[][] }[] = [];
  let current: { start: number; rows: (string | number | boolean)[][] } | undefined;
  let bytes = 0;
  values.forEach((row, index) => {
    const size = jsonBytes(row) + 1;
    if (!current || (current.rows.length > 0 && bytes + size > budget)) {
      current = { start: index, rows: [] };
      chunks.push(current);
      bytes = 0;
    }
    current.rows.push(row);
    bytes += size;
  });
  return chunks;
}

const encoder = new TextEncoder();

function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/**
 * Each chart over its block (labels + value columns, headers as series names), titled, placed to the
 * right of the table one under another, starting level with its block.
 */
function addCharts(sheet: Excel.Worksheet, charts: ChartRequest[], tableWidth: number): void {
  const left = tableWidth + 1; // 0-based column after one blank column
  let nextFreeRow = 0; // 0-based
  for (const request of charts) {
    const lastColumn = Math.max(request.labelColumn, ...request.valueColumns);
    const source = sheet.getRangeByIndexes(request.headerRow - 1, request.labelColumn - 1, request.lastRow - request.headerRow + 1, lastColumn - request.labelColumn + 1);
    const chart = sheet.charts.add(CHART_TYPES[request.type] as Excel.ChartType, source, "Columns" as Excel.ChartSeriesBy);
    chart.title.text = request.title;
    const top = Math.max(request.headerRow - 2, nextFreeRow);
    chart.setPosition(cellAddress(top + 1, left + 1), cellAddress(top + CHART_HEIGHT_ROWS, left + CHART_WIDTH_COLUMNS));
    nextFreeRow = top + CHART_HEIGHT_ROWS + 1;
  }
}
