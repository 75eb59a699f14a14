/**
 * The host port: the only types that cross between the domain core and a host
 * (Excel through Office.js in src/excel, exceljs in src/xlsx). Depends on nothing.
 * Rows and columns are 1-based sheet coordinates everywhere.
 */

/**
 * The VeryHidden sheet that holds the standard lists the dropdowns point at. Every host writes it under
 * this name and never hands it to the checker (it would read as a plan otherwise).
 */
export const LISTS_SHEET = "_DanhMuc";

/** An error value in a cell ("#REF!", "#N/A", "#VALUE!" …). */
export interface CellError {
  error: string;
}

/**
 * A cell value as a host hands it over. Dates arrive as Date (exceljs) or as
 * serial numbers (Office.js `values`); the parser accepts both.
 */
export type CellValue = string | number | boolean | Date | CellError | null;

export function isCellError(value: unknown): value is CellError {
  return typeof value === "object" && value !== null && !(value instanceof Date) && typeof (value as CellError).error === "string";
}

/** An inclusive rectangle of cells, 1-based. */
export interface CellArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A date cell's number format. */
export interface DateFormatCell {
  row: number;
  column: number;
  format: string;
}

/** The values of one sheet's used range. */
export interface SheetGrid {
  name: string;
  /** Sheet row of values[0]. */
  originRow: number;
  /** Sheet column of values[r][0]. */
  originCol: number;
  values: CellValue[][];
  /** Merged areas, in sheet coordinates. */
  merges: CellArea[];
  hidden?: boolean;
  /**
   * The number formats of cells holding dates, where the host can read them ("dd/mm/yyyy", "m/yyyy",
   * "[$-42A]mmmm yyyy"), in sheet coordinates. Excel turns a typed "9/2026" into 1 Sep 2026 shown as
   * "9/2026": the format says the unit meant a month. Cells not listed are read to the day.
   */
  dateFormats?: DateFormatCell[];
  /**
   * Set when the host could not read the sheet (too large, broken): why, in Vietnamese. The values are then
   * empty, and a checker must say so rather than report the sheet as checked.
   */
  unreadable?: string;
  /**
   * Cells left out of `values` because they lie far from the rest (a stray value at XFD1048576 would make
   * the grid billions of cells): how many, the first few, and a Vietnamese note naming them for the user.
   */
  farCells?: FarCells;
  /**
   * Merged areas reaching far beyond the values (M5:XFD1048576 beside a plan) that the host clipped to the
   * read area (`kept`), or left out (`kept` undefined: wholly outside, or only one cell left), with the
   * Vietnamese note naming them.
   */
  clippedMerges?: ClippedMerge[];
}

export interface ClippedMerge {
  written: CellArea;
  kept?: CellArea;
  note: string;
}

export interface FarCells {
  count: number;
  cells: { row: number; column: number; value: CellValue }[];
  note: string;
}

export type Severity = "error" | "warning" | "info";

/** A highlight the add-in puts on one cell. */
export interface CellMark {
  sheet: string;
  row: number;
  column: number;
  severity: Severity;
  /** Shown as a note (Excel, where supported) or tooltip (playground). */
  message: string;
}

/** A cell, 1-based. */
export interface CellPosition {
  sheet: string;
  row: number;
  column: number;
}

/** A live check's changes to the marks: these cells get this mark (replacing theirs), those lose theirs. */
export interface MarkChanges {
  set: CellMark[];
  clear: CellPosition[];
}

/** A list data validation on a column's data rows, sourced from a named standard list. */
export interface DropdownTarget {
  sheet: string;
  column: number;
  firstRow: number;
  lastRow: number;
  list: StandardListId;
}

export type StandardListId = "countries" | "roles" | "funding" | "purposes" | "planStatus";

export interface StandardList {
  id: StandardListId;
  /** Header written above the items on the hidden lists sheet. */
  title: string;
  items: string[];
}

/** One value to write into one cell (quick fixes). */
export interface CellEdit {
  sheet: string;
  row: number;
  column: number;
  /** The value the cell must still hold, so a stale fix never overwrites the user's newer text. */
  expected: CellValue;
  value: CellValue;
}

/** A whole table written into a sheet (master plan, statistics, check report). */
/**
 * Where the rows and columns of the sheet's earlier version go in this write (a master re-imported): the
 * host carries the officer's own cells there — formulas, formats, notes, validation, conditional formats —
 * of rows typed by hand (every cell under a known column) and of columns the officer added (on every row
 * that stays). Sheet rows and columns, 1-based.
 */
export interface CarryPlan {
  /** Earlier row → row in this write, for each row that stays (hand rows, other units' rows, the header). */
  rows: ReadonlyMap<number, number>;
  /** Earlier rows typed by hand. */
  handRows: ReadonlySet<number>;
  /**
   * Earlier rows of units not re-imported (they stay as they were): the officer's styles, validation,
   * conditional formats and formulas on them are carried too (a formula only where the merge's value is its
   * cached result). Every host follows it (the CLI's package edit, the playground, Excel).
   */
  keptRows?: ReadonlySet<number>;
  /** Earlier column → column in this write, for columns found by title in both. */
  columns: ReadonlyMap<number, number>;
  /** Earlier columns the officer added. */
  addedColumns: ReadonlySet<number>;
  /** Earlier and new header row: rows above it (the title block) move with it. */
  headerRow: { old: number; new: number };
}

export interface TableWrite {
  sheet: string;
  /** Set when the sheet replaces an earlier version whose officer's cells are to be kept (see CarryPlan). */
  carry?: CarryPlan;
  /**
   * Rows written from A1 down; the first `headerRows` rows are formatted as headers. Values only: a Date
   * is a calendar day (UTC midnight) written as a real date ("dd/mm/yyyy" unless `columnFormats` says
   * otherwise), a string is always text.
   */
  rows: CellValue[][];
  headerRows: number;
  columnWidths?: number[];
  /** Cells that link to another cell of the workbook, e.g. the report's "go to" column. */
  links?: { row: number; column: number; target: { sheet: string; row: number; column: number } }[];
  /** Number formats per column (e.g. "dd/mm/yyyy"). */
  columnFormats?: (string | undefined)[];
  /** Merged areas, in the same 1-based coordinates as `rows` (a two-row header's group titles). */
  merges?: CellArea[];
  /**
   * Cells (1-based row and column of `rows`) whose text starts with = + - @: a host that parses what it
   * writes (Office.js `values`) must store them as text (number format "@"), never as a formula.
   */
  textCells?: { row: number; column: number }[];
  /** Further rows formatted like the header: several small tables stacked in one sheet (statistics). */
  subHeaderRows?: number[];
  /** Charts a host that can draw them adds beside the table (Office.js); hosts without charts ignore them. */
  charts?: ChartRequest[];
  /**
   * The official document's look (src/domain/templates/officialForm.ts), applied in order after the
   * header formatting: a later area's style adds to an earlier one's.
   */
  styles?: StyledArea[];
  /**
   * The only formulas a table carries: written by the add-in itself (totals), never taken from a cell's
   * text. English function names, A1 references; `result` is the value a host that cannot compute
   * stores as the cached result.
   */
  formulas?: TableFormula[];
  /** Row heights in points (rows whose wrapped text needs more than one line). */
  rowHeights?: { row: number; points: number }[];
  /** Rows frozen at the top (default: `headerRows`). */
  freezeRows?: number;
  /** Columns grouped under an outline and collapsed (hidden): kept in the sheet, out of the printed page. */
  collapsedColumns?: { first: number; last: number };
  /** Page setup for printing. */
  print?: PrintSetup;
}

/** How the cells of an area look; only what is set is applied. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle";
  wrap?: boolean;
  /** A thin border around every cell of the area. */
  border?: boolean;
  /** The header fill. */
  fill?: boolean;
}

export interface StyledArea {
  area: CellArea;
  style: CellStyle;
}

export interface TableFormula {
  row: number;
  column: number;
  /** "=SUM(E12:INDEX(E:E,ROW()-1))". */
  formula: string;
  result: number;
  /** Number format of the cell ("0 \"đoàn\""). */
  format?: string;
}

/** A4 pages, as the official documents are printed. */
export interface PrintSetup {
  orientation: "landscape" | "portrait";
  /** Pages across (the height runs to as many pages as needed). */
  fitToPagesWide: number;
  /**
   * What is printed: columns past `area.right` (provenance) are not. Absent, the host prints what the sheet
   * holds, drawings included (Thống kê, whose charts sit beside its tables in Excel).
   */
  area?: CellArea;
  /** Rows repeated at the top of every printed page (the column headers). */
  repeatRows?: { first: number; last: number };
  /** Centred footer text; "&P" is the page number and "&N" the page count (Excel's codes, in every host). */
  footer?: string;
  /** Margins in inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

/** A chart over a block of a TableWrite: labels in one column, one series per value column. */
export interface ChartRequest {
  title: string;
  type: "column" | "bar" | "pie";
  /** Row holding the series names (the block's column headers), 1-based like TableWrite rows. */
  headerRow: number;
  firstRow: number;
  lastRow: number;
  labelColumn: number;
  valueColumns: number[];
}

/** What a mark run could not do: sheets left unmarked because they are protected. */
export interface MarkOutcome {
  protectedSheets: string[];
}

export interface HostCapabilities {
  /** Cell notes (ExcelApi 1.18). */
  notes: boolean;
  /** Grouping a whole check into one undo step (ExcelApi 1.20). */
  undoGroup: boolean;
  /** Charts can be added to a sheet. */
  charts: boolean;
}

/**
 * What the task pane, the ribbon command and the CLI need from a workbook.
 * Each method is one host operation (in Excel: a single batched run with a fixed number of round trips).
 */
export interface WorkbookHost {
  readonly capabilities: HostCapabilities;
  /** The workbook's name (file name when known). */
  workbookName(): Promise<string>;
  /** Values of every sheet's used range (hidden sheets flagged, the add-in's own sheets excluded). */
  readSheets(): Promise<SheetGrid[]>;
  /**
   * Replaces every mark the add-in made earlier with these. Never changes cell values. A host that
   * could not mark some sheets (protected ones) says which.
   */
  applyMarks(marks: CellMark[]): Promise<MarkOutcome | void>;
  /** Removes exactly what applyMarks added; the user's formats stay as they were. */
  clearMarks(): Promise<void>;
  selectCell(sheet: string, row: number, column: number): Promise<void>;
  /** Writes the lists to the hidden lists sheet and sets list validation on the targets only. */
  setDropdowns(lists: StandardList[], targets: DropdownTarget[]): Promise<void>;
  /** Writes cells whose current value still equals `expected`; returns how many were written. */
  editCells(edits: CellEdit[]): Promise<number>;
  /**
   * Creates or replaces a sheet with this table (values only: text is never a formula). With
   * `table.carry`, may return what the officer must be told about the carried work (Vietnamese).
   */
  writeTable(table: TableWrite): Promise<string[] | void>;
}
