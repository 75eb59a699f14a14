/**
 * The fake workbook's data: plain objects the fake object model reads and writes, and that tests
 * configure and compare (snapshot). Coordinates are 1-based like the host port's.
 */
import type { CellArea } from "../../../src/workbook/types";
import { areaAddress, cellAddress, parseArea } from "../../../src/excel/a1";

export type FakeValue = string | number | boolean | { error: string };

export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface FakeCell {
  value?: FakeValue;
  /** Set when a write made the cell a formula: the fake never computes, tests assert there is none. */
  formula?: string;
  /** The value was typed with a leading apostrophe (Excel's "text" prefix). */
  textPrefix?: boolean;
  numberFormat?: string;
  bold?: boolean;
  fill?: string;
  fontColor?: string;
  wrapText?: boolean;
  italic?: boolean;
  fontSize?: number;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  /** Border edges set to a line style ("EdgeTop" → "Continuous"). */
  borders?: Record<string, string>;
  hyperlink?: FakeHyperlink;
}

/** Worksheet.pageLayout as set (ExcelApi 1.9). */
export interface PageLayoutData {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  centerHorizontally?: boolean;
  margins: Record<string, number>;
  /** A1 address, no sheet. */
  printArea?: string;
  printTitleRows?: string;
  centerFooter?: string;
}

export interface ConditionalFormatData {
  id: string;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  areas: CellArea[];
  /** A user's rule whose properties Excel cannot read back (behaviours.ts, office-js#6827/#6835/#2180). */
  unreadable?: boolean;
}

export interface NoteData {
  content: string;
  author: string;
}

export interface FakeValidation {
  rule?: unknown;
  ignoreBlanks?: boolean;
  errorAlert?: unknown;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

/** A chart added with `charts.add`: what it shows and where. */
export interface FakeChart {
  type: string;
  /** Source range address (A1, no sheet). */
  source: string;
  seriesBy: string;
  title?: string;
  /** "B2:H17" once setPosition ran. */
  position?: string;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: Visibility;
  cells: Map<string, FakeCell>;
  merges: CellArea[];
  /** In priority order: index 0 is the top priority. */
  conditionalFormats: ConditionalFormatData[];
  /** Keyed by A1 address. */
  notes: Map<string, NoteData>;
  /** Keyed by cell key "row,column". */
  validations: Map<string, FakeValidation>;
  columnWidths: Map<number, number>;
  frozenRows: number;
  charts: FakeChart[];
  /** Sheet protection on: writes fail with AccessDenied (behaviours.ts). */
  protected?: boolean;
  rowHeights: Map<number, number>;
  hiddenColumns: Set<number>;
  /** Column outline groups (Range.group "ByColumns", ExcelApi 1.10). */
  columnGroups: { left: number; right: number }[];
  pageLayout: PageLayoutData;
}

export interface FakeWorkbook {
  name: string;
  /** In tab order. */
  sheets: FakeSheet[];
  /** The add-in's document settings as saved in the file (saveAsync writes here). */
  settings: Record<string, unknown>;
  activeSheetId?: string;
  selection?: { sheet: string; address: string };
  nextId: number;
  /** Workbook structure protected: sheets cannot be added, deleted, renamed, moved or hidden. */
  structureProtected?: boolean;
}

export function cellKey(row: number, column: number): string {
  return `${row},${column}`;
}

export function splitKey(key: string): { row: number; column: number } {
  const [row, column] = key.split(",").map(Number);
  return { row, column };
}

export interface SheetSpec {
  name: string;
  visibility?: Visibility;
  /** Rows of values placed from `origin` (default A1); null/undefined = empty cell. */
  values?: (FakeValue | null | undefined)[][];
  origin?: { row: number; column: number };
  merges?: string[];
  conditionalFormats?: { type: string; address: string; formula?: string; fill?: string; fontColor?: string; unreadable?: boolean }[];
  protected?: boolean;
  notes?: Record<string, string>;
  validations?: { address: string; rule: unknown }[];
  numberFormats?: Record<string, string>;
}

export interface WorkbookSpec {
  name?: string;
  sheets: SheetSpec[];
  settings?: Record<string, unknown>;
}

export function newId(workbook: FakeWorkbook, prefix: string): string {
  workbook.nextId += 1;
  return `{${prefix}-${workbook.nextId}}`;
}

export function emptySheet(workbook: FakeWorkbook, name: string): FakeSheet {
  return {
    id: newId(workbook, "SHEET"),
    name,
    visibility: "Visible",
    cells: new Map(),
    merges: [],
    conditionalFormats: [],
    notes: new Map(),
    validations: new Map(),
    columnWidths: new Map(),
    frozenRows: 0,
    charts: [],
    rowHeights: new Map(),
    hiddenColumns: new Set(),
    columnGroups: [],
    pageLayout: { margins: {} },
  };
}

export function forEachCell(area: CellArea, visit: (row: number, column: number) => void): void {
  for (let row = area.top; row <= area.bottom; row++) for (let column = area.left; column <= area.right; column++) visit(row, column);
}

export function createWorkbook(spec: WorkbookSpec): FakeWorkbook {
  const workbook: FakeWorkbook = { name: spec.name ?? "KeHoach.xlsx", sheets: [], settings: structuredClone(spec.settings ?? {}), nextId: 0 };
  for (const sheetSpec of spec.sheets) {
    const sheet = emptySheet(workbook, sheetSpec.name);
    sheet.visibility = sheetSpec.visibility ?? "Visible";
    const origin = sheetSpec.origin ?? { row: 1, column: 1 };
    (sheetSpec.values ?? []).forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== undefined && value !== "") sheet.cells.set(cellKey(origin.row + r, origin.column + c), { value });
      }),
    );
    sheet.merges = (sheetSpec.merges ?? []).map(parseArea);
    for (const cf of sheetSpec.conditionalFormats ?? []) {
      sheet.conditionalFormats.push({ id: newId(workbook, "CF"), type: cf.type, formula: cf.formula, fill: cf.fill, fontColor: cf.fontColor, areas: [parseArea(cf.address)], ...(cf.unreadable ? { unreadable: true } : {}) });
    }
    for (const [address, content] of Object.entries(sheetSpec.notes ?? {})) sheet.notes.set(address, { content, author: "Người dùng" });
    for (const validation of sheetSpec.validations ?? []) {
      forEachCell(parseArea(validation.address), (row, column) => sheet.validations.set(cellKey(row, column), { rule: validation.rule }));
    }
    for (const [address, format] of Object.entries(sheetSpec.numberFormats ?? {})) {
      forEachCell(parseArea(address), (row, column) => {
        const key = cellKey(row, column);
        sheet.cells.set(key, { ...sheet.cells.get(key), numberFormat: format });
      });
    }
    if (sheetSpec.protected) sheet.protected = true;
    workbook.sheets.push(sheet);
  }
  workbook.activeSheetId = workbook.sheets[0]?.id;
  return workbook;
}

function sortedEntries<V, R>(map: Map<string, V>, convert: (value: V) => R): [string, R][] {
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => [key, convert(value)]);
}

/** A deterministic plain copy of everything a user could see in the workbook, for deep-equal comparisons. */
export function snapshot(workbook: FakeWorkbook): unknown {
  return {
    name: workbook.name,
    settings: structuredClone(workbook.settings),
    sheets: workbook.sheets.map((sheet) => ({
      id: sheet.id,
      name: sheet.name,
      visibility: sheet.visibility,
      cells: sortedEntries(sheet.cells, (cell) => structuredClone(cell)),
      merges: sheet.merges.map(areaAddress),
      conditionalFormats: sheet.conditionalFormats.map((cf) => ({ ...cf, areas: cf.areas.map(areaAddress) })),
      notes: sortedEntries(sheet.notes, (note) => ({ ...note })),
      validations: sortedEntries(sheet.validations, (validation) => structuredClone(validation)),
      columnWidths: [...sheet.columnWidths.entries()].sort(([a], [b]) => a - b),
      frozenRows: sheet.frozenRows,
      charts: sheet.charts.map((chart) => ({ ...chart })),
    })),
  };
}

/** The values of a sheet as a 2-D array over `area` (empty cells as null): for assertions. */
export function valuesOf(sheet: FakeSheet, area: CellArea): (FakeValue | null)[][] {
  const rows: (FakeValue | null)[][] = [];
  for (let row = area.top; row <= area.bottom; row++) {
    const line: (FakeValue | null)[] = [];
    for (let column = area.left; column <= area.right; column++) line.push(sheet.cells.get(cellKey(row, column))?.value ?? null);
    rows.push(line);
  }
  return rows;
}

export function sheetByName(workbook: FakeWorkbook, name: string): FakeSheet {
  const sheet = workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!sheet) throw new Error(`fake workbook has no sheet ${name}`);
  return sheet;
}

export { cellAddress };
