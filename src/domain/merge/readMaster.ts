/**
 * Reads the master sheets of an existing master workbook back (a host reads the sheets into grids), so
 * a re-import replaces one unit's rows and keeps the rest: other units' rows, rows added by hand
 * (no "Đơn vị" in the provenance column) and columns a user added.
 */
import { PLAN_KINDS, type PlanKind } from "../model";
import { GridReader } from "../templates/grid";
import { tidy } from "../text";
import { isCellError, type CellValue, type SheetGrid } from "../../workbook/types";
import { isoToDate } from "./cells";
import { headerKey, isDateColumn, MASTER_SHEET_NAMES, masterLayout, PROVENANCE_TITLES } from "./layout";
import type { MasterRow, MasterSheet, MasterSheetRows } from "./types";
import { parseDateCell } from "../values";

/** How far down the header row may sit (a user may insert a title row above it). */
const HEADER_SCAN_ROWS = 10;

/** The master sheets among these grids; undefined when there is none (not a master workbook). */
export function readMaster(grids: SheetGrid[]): MasterSheetRows | undefined {
  const sheets: Partial<Record<PlanKind, MasterSheet>> = {};
  const warnings: string[] = [];
  for (const kind of PLAN_KINDS) {
    const wanted = headerKey(MASTER_SHEET_NAMES[kind]);
    const grid = grids.find((g) => headerKey(String(g.name ?? "")) === wanted);
    if (!grid) continue;
    const sheet = readMasterSheet(grid, kind, warnings);
    if (sheet) sheets[kind] = sheet;
  }
  return Object.keys(sheets).length === 0 ? undefined : { sheets, warnings };
}

function readMasterSheet(grid: SheetGrid, kind: PlanKind, warnings: string[]): MasterSheet | undefined {
  const reader = new GridReader(grid);
  const layout = masterLayout(kind);
  const provenanceKeys = Object.values(PROVENANCE_TITLES).map(headerKey);
  let headerRow: number | undefined;
  for (let row = reader.firstRow; row <= Math.min(reader.lastRow, reader.firstRow + HEADER_SCAN_ROWS - 1); row++) {
    const keys = new Set(reader.nonEmptyCells(row).map((cell) => headerKey(cell.text)));
    if (provenanceKeys.every((key) => keys.has(key))) {
      headerRow = row;
      break;
    }
  }
  if (headerRow === undefined) {
    warnings.push(`Trang “${grid.name}” không có các cột ${Object.values(PROVENANCE_TITLES).join(", ")} của bảng tổng hợp: không đọc lại được.`);
    return undefined;
  }

  // Each sheet column → a layout column or a column a user added.
  const byTitle = new Map(layout.columns.map((column, index) => [headerKey(column.title), index] as const));
  const mapped = new Map<number, number>();
  const extra: { column: number; header: string }[] = [];
  for (const cell of reader.nonEmptyCells(headerRow)) {
    const index = byTitle.get(headerKey(cell.text));
    if (index !== undefined && ![...mapped.values()].includes(index)) mapped.set(cell.column, index);
    else extra.push({ column: cell.column, header: tidy(cell.text) });
  }
  const missing = layout.columns.filter((_, index) => ![...mapped.values()].includes(index)).map((column) => column.title);
  if (missing.length > 0) warnings.push(`Trang “${grid.name}” thiếu cột ${missing.map((t) => `“${t}”`).join(", ")}: các ô của cột này để trống.`);
  if (extra.length > 0) warnings.push(`Trang “${grid.name}”: giữ lại cột do người dùng thêm ${extra.map((e) => `“${e.header}”`).join(", ")}.`);

  const { unit: unitIndex, file: fileIndex, source: sourceIndex } = layout.provenanceIndex;
  const rows: MasterRow[] = [];
  for (let row = headerRow + 1; row <= reader.lastRow; row++) {
    if (reader.nonEmptyCells(row).length === 0) continue;
    const values: CellValue[] = layout.columns.map(() => null);
    for (const [column, index] of mapped) values[index] = normalize(reader.value(row, column), isDateColumn(layout.columns[index]));
    const masterRow: MasterRow = { values, extra: extra.map((e) => normalize(reader.value(row, e.column), false)) };
    const unit = text(values[unitIndex]);
    if (unit !== "") masterRow.provenance = { unit, file: text(values[fileIndex]), source: text(values[sourceIndex]) };
    rows.push(masterRow);
  }
  return { kind, sheet: String(grid.name), extraHeaders: extra.map((e) => e.header), rows };
}

/** Empty strings are empty cells; serial numbers in date columns (Office.js) are dates. */
function normalize(value: CellValue, dateColumn: boolean): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (dateColumn && typeof value === "number") {
    const iso = parseDateCell(value);
    if (iso) return isoToDate(iso);
  }
  if (isCellError(value)) return { error: value.error };
  return value;
}

function text(value: CellValue): string {
  return typeof value === "string" ? tidy(value) : value === null ? "" : String(value);
}
