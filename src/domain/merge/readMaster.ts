/**
 * Reads the master sheets of an existing master workbook back (a host reads the sheets into grids), so
 * a re-import replaces one unit's rows and keeps the rest: other units' rows, rows added by hand
 * (no "Đơn vị" in the provenance column), the section each sits under, and columns a user added. The
 * form's own rows (column numbers, sections, Tổng cộng, signature block) are not rows of the plan.
 */
import { PLAN_KINDS, type PlanKind } from "../model";
import { GridReader } from "../templates/grid";
import { formRowKind } from "../templates/officialForm";
import { isColumnNumberRow } from "../templates/recognize";
import { tidy } from "../text";
import { isCellError, type CellValue, type SheetGrid } from "../../workbook/types";
import { isoToDate } from "./cells";
import { headerKey, isDateColumn, MASTER_SHEET_NAMES, masterLayout, PROVENANCE_TITLES } from "./layout";
import type { MasterRow, MasterSheet, MasterSheetRows } from "./types";
import { parseDateCell } from "../values";

/** How far down the header row may sit (under the official form's title block, or rows a user inserted). */
const HEADER_SCAN_ROWS = 20;

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
    warnings.push(`Trang “${grid.name}” không có các cột ${Object.values(PROVENANCE_TITLES).join(", ")} của sổ tổng hợp: không đọc lại được.`);
    return undefined;
  }

  // The official form's header has two rows ("Thời gian" over "Từ ngày | Đến ngày"): a column's title is
  // the lower row's text where it has one.
  const byTitle = new Map(layout.columns.map((column, index) => [headerKey(column.title), index] as const));
  const titles = new Map(reader.nonEmptyCells(headerRow).map((cell) => [cell.column, cell.text] as const));
  const lower = reader.nonEmptyCells(headerRow + 1);
  const twoRows = lower.length > 0 && lower.every((cell) => typeof cell.value === "string") && lower.some((cell) => byTitle.has(headerKey(cell.text)) && !isColumnNumber(cell.text));
  if (twoRows) for (const cell of lower) titles.set(cell.column, cell.text);
  const mapped = new Map<number, number>();
  const extra: { column: number; header: string }[] = [];
  for (const [column, title] of [...titles].sort(([a], [b]) => a - b)) {
    const index = byTitle.get(headerKey(title));
    if (index !== undefined && ![...mapped.values()].includes(index)) mapped.set(column, index);
    else extra.push({ column, header: tidy(title) });
  }
  // "Giá trị gốc" came later: a master written before it simply has none.
  const missing = layout.columns.filter((column, index) => column.type !== "original" && ![...mapped.values()].includes(index)).map((column) => column.title);
  if (missing.length > 0) warnings.push(`Trang “${grid.name}” thiếu cột ${missing.map((t) => `“${t}”`).join(", ")}: các ô của cột này để trống.`);
  if (extra.length > 0) warnings.push(`Trang “${grid.name}”: giữ lại cột do người dùng thêm ${extra.map((e) => `“${e.header}”`).join(", ")}.`);

  let first = headerRow + (twoRows ? 2 : 1);
  if (first <= reader.lastRow && isColumnNumberRow(reader, first)) first++;
  const { unit: unitIndex, file: fileIndex, source: sourceIndex } = layout.provenanceIndex;
  const rows: MasterRow[] = [];
  const cleared: number[] = [];
  let section: string | undefined;
  let totalRow: number | undefined;
  for (let row = first; row <= reader.lastRow; row++) {
    const kindOfRow = formRowKind(reader.nonEmptyCells(row));
    if (kindOfRow === "signature") break;
    if (kindOfRow === "total") totalRow ??= row;
    if (kindOfRow === "section") section = reader.text(row, reader.nonEmptyCells(row)[0].column);
    if (kindOfRow !== "content") continue;
    const values: CellValue[] = layout.columns.map(() => null);
    for (const [column, index] of mapped) values[index] = normalize(reader.value(row, column), isDateColumn(layout.columns[index]));
    const masterRow: MasterRow = { values, extra: extra.map((e) => normalize(reader.value(row, e.column), false)), readRow: row };
    // A row the officer cleared (Delete over its cells) keeps only the STT an earlier merge wrote: it is no
    // delegation, and kept it would stay as an empty numbered row the Tổng cộng does not count.
    if (onlyNumbered(masterRow, layout)) {
      cleared.push(row);
      continue;
    }
    const unit = text(values[unitIndex]);
    if (unit !== "") masterRow.provenance = { unit, file: text(values[fileIndex]), source: text(values[sourceIndex]) };
    if (section !== undefined) masterRow.section = section;
    rows.push(masterRow);
  }
  if (cleared.length > 0) {
    warnings.push(`Trang “${grid.name}”: bỏ ${cleared.length} dòng đã bị xóa hết nội dung, chỉ còn số thứ tự (dòng ${cleared.join(", ")}); số thứ tự được đánh lại.`);
  }
  const layoutColumns = layout.columns.map((_, index) => [...mapped].find(([, mappedIndex]) => mappedIndex === index)?.[0]);
  const readColumns = { headerRow, layout: layoutColumns, extra: extra.map((e) => e.column), ...(totalRow !== undefined ? { totalRow } : {}) };
  return { kind, sheet: String(grid.name), extraHeaders: extra.map((e) => e.header), rows, readColumns };
}

/**
 * Nothing in the row's plan columns but (at most) a plain STT number: the provenance, "Giá trị gốc" and
 * deadline columns the merge wrote outside the print area do not make it a delegation.
 */
function onlyNumbered(row: MasterRow, layout: ReturnType<typeof masterLayout>): boolean {
  const blank = (value: CellValue) => value === null || (typeof value === "string" && value.trim() === "");
  const seq = layout.fieldIndex.seq;
  const stt = seq === undefined ? null : row.values[seq];
  const plainStt = blank(stt) || (typeof stt === "number" && Number.isInteger(stt)) || (typeof stt === "string" && /^\s*\d{1,6}\.?\s*$/.test(stt));
  return plainStt && layout.columns.every((column, index) => index === seq || column.type !== "field" || blank(row.values[index])) && row.extra.every(blank);
}

function isColumnNumber(text: string): boolean {
  return /^\(?\s*\d{1,3}\s*\)?$/.test(text);
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
