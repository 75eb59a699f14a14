/**
 * Consolidation: unit plans (and an earlier master) into the master plan.
 *
 * - Delegations missing required information stay out and are listed (exclusion.ts).
 * - One master sheet per kind, columns in TEMPLATES order, then provenance and computed deadlines.
 * - Re-import: a unit's earlier rows of a kind are replaced by its new rows when its workbook has a sheet
 *   of that kind. Order: rows stay where they were; a re-imported unit's block takes the place of its
 *   first earlier row; units new to the master go after the last unit row, so rows added by hand (no
 *   "Đơn vị") keep their place relative to the unit blocks (a hand row at the bottom stays at the
 *   bottom). Importing the same workbooks again gives the same master.
 * - STT is the master's own running number over the unit rows; hand rows are never changed.
 * - The cross-unit rules then run on the master rows, addressed to master cells.
 */
import { PLAN_KINDS, type Delegation, type FieldId, type Finding, type PlanKind, type RuleId } from "../model";
import { PLAN_STATUS } from "../lists/planStatus";
import { checkPlan } from "../rules/engine";
import { RULES } from "../rules/registry";
import { GridReader } from "../templates/grid";
import { parseSheet } from "../templates/readPlan";
import type { RecognizedTemplate } from "../templates/types";
import { columnLetter } from "../cells";
import { unitKey } from "./identity";
import type { CellValue, SheetGrid, TableWrite } from "../../workbook/types";
import { deadlines, fieldValue, isoToDate, looksLikeFormula } from "./cells";
import { columnWidth, isDateColumn, masterLayout, sourceLabel, type MasterLayout } from "./layout";
import { prepareUnit, type PreparedUnit } from "./unit";
import { computeStatistics, statisticsTable, type CountedRow } from "./statistics";
import { missingUnits, missingUnitsTable } from "./expectedUnits";
import type { ConsolidateOptions, MasterPlan, MasterRow, MasterSheet, MasterSheetRows, MergeContext, UnitPlan } from "./types";

/** The rules that need the whole master to see what no single unit can. */
export const CROSS_UNIT_RULES: readonly RuleId[] = ["key-leader-trips", "merge-candidate", "leaders-same-destination", "duplicate-delegation"];

/** A unit row built in this merge, with the delegation it came from. */
interface NewRow {
  row: MasterRow;
  source: Delegation;
}

export function consolidate(
  units: readonly UnitPlan[],
  existingMaster: MasterSheetRows | undefined,
  context: MergeContext,
  options: ConsolidateOptions = {},
): MasterPlan {
  const prepared = units.map((unit) => prepareUnit(unit, context));

  const masterSheets: MasterSheet[] = [];
  const sources = new Map<MasterRow, Delegation>();
  for (const kind of PLAN_KINDS) {
    const layout = masterLayout(kind);
    const earlier = existingMaster?.sheets[kind];
    const blocks = newBlocks(prepared, kind, layout);
    // A kind gets a sheet when it has rows to show, or had a sheet before.
    if (!earlier && [...blocks.values()].every((block) => block.length === 0)) continue;
    const extraHeaders = earlier?.extraHeaders ?? [];
    for (const block of blocks.values()) {
      for (const { row, source } of block) {
        row.extra = extraHeaders.map(() => null);
        sources.set(row, source);
      }
    }
    const blockRows = new Map([...blocks].map(([key, block]) => [key, block.map((entry) => entry.row)] as const));
    const rows = arrange(earlier?.rows ?? [], blockRows);
    numberUnitRows(rows, layout);
    masterSheets.push({ kind, sheet: layout.sheet, extraHeaders, rows });
  }

  // The master's rows as delegations: rows of this merge are their unit's delegations at their master
  // cells; earlier rows and hand rows are read back the way a checked sheet is read.
  const delegations: Delegation[] = [];
  const counted: CountedRow[] = [];
  for (const sheet of masterSheets) {
    const layout = masterLayout(sheet.kind);
    const earlierRows = sheet.rows.flatMap((row, index) => (sources.has(row) ? [] : [index + 2]));
    const parsed = new Map(parseMasterRows(sheet, layout, earlierRows, context.year).map((d) => [d.row, d] as const));
    sheet.rows.forEach((row, index) => {
      const source = sources.get(row);
      const delegation = source ? atMasterRow(source, sheet, index + 2, layout) : parsed.get(index + 2)!;
      const status = source ? writePlanStatus(row, source, layout) : undefined;
      if (status !== undefined) delegation.raw.planStatus = status;
      if (row.provenance) {
        delegation.unit ??= row.provenance.unit;
        fillDeadlines(row, delegation, layout, context);
      }
      delegations.push(delegation);
      counted.push(row.provenance ? { delegation, unit: row.provenance.unit } : { delegation });
    });
  }

  const crossUnit = RULES.filter((rule) => CROSS_UNIT_RULES.includes(rule.id));
  const findings: Finding[] = checkPlan(delegations, context, crossUnit);
  const statistics = computeStatistics(counted, context.year);
  const summaries = prepared.map((p) => p.summary);
  const expected = options.expectedUnits ?? [];
  const missing = expected.length > 0 ? missingUnits(expected, summaries, existingMaster) : undefined;
  if (missing) statistics.push(missingUnitsTable(missing, expected.length));
  const sheets: TableWrite[] = masterSheets.map((sheet) => masterTable(sheet));
  sheets.push(statisticsTable(statistics, context.year));
  const warnings = [...(existingMaster?.warnings ?? [])];
  for (const table of sheets) warnings.push(...cutOverlongTexts(table));

  return {
    sheets,
    masterSheets,
    delegations,
    units: summaries,
    excluded: prepared.flatMap((p) => p.summary.excluded),
    findings,
    statistics,
    warnings,
    ...(missing ? { missingUnits: missing } : {}),
  };
}

/** Excel's limit on the characters of one cell: longer text is refused or cut silently by Excel. */
export const EXCEL_CELL_TEXT_LIMIT = 32_767;

/** The visible end of a text that was cut to fit a cell. */
export function cutMarker(length: number): string {
  return ` …[ĐÃ CẮT: ô gốc dài ${length.toLocaleString("vi-VN")} ký tự, quá giới hạn ${EXCEL_CELL_TEXT_LIMIT.toLocaleString("vi-VN")} ký tự của một ô Excel]`;
}

/** Cuts texts longer than a cell holds, with a visible marker; one Vietnamese warning per cell cut. */
export function cutOverlongTexts(table: TableWrite): string[] {
  const warnings: string[] = [];
  table.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (typeof value !== "string" || value.length <= EXCEL_CELL_TEXT_LIMIT) return;
      const marker = cutMarker(value.length);
      let keep = EXCEL_CELL_TEXT_LIMIT - marker.length;
      // Never split a surrogate pair (an emoji, a rare Hán Nôm character).
      if (/[\uD800-\uDBFF]/.test(value[keep - 1])) keep--;
      row[c] = value.slice(0, keep) + marker;
      warnings.push(
        `Ô ${columnLetter(c + 1)}${r + 1} của trang “${table.sheet}” dài ${value.length.toLocaleString("vi-VN")} ký tự, quá giới hạn ${EXCEL_CELL_TEXT_LIMIT.toLocaleString("vi-VN")} ký tự của một ô Excel: đã cắt bớt và ghi rõ “ĐÃ CẮT” ở cuối ô. Hãy xem lại ô gốc ở tệp của đơn vị.`,
      );
    });
  });
  return warnings;
}

export { unitKey } from "./identity";

/**
 * Rows of this kind from this merge, one block per unit (files of one unit together, in input order).
 * A unit whose workbook has a sheet of the kind gets a block even when no row is kept: its earlier
 * rows are then replaced by nothing.
 */
function newBlocks(prepared: readonly PreparedUnit[], kind: PlanKind, layout: MasterLayout): Map<string, NewRow[]> {
  const blocks = new Map<string, NewRow[]>();
  for (const { unit, kept, kinds } of prepared) {
    if (!kinds.has(kind)) continue;
    const key = unitKey(unit.unitName);
    const block = blocks.get(key) ?? [];
    blocks.set(key, block);
    const readers = new Map<string, GridReader>();
    const readerFor = (sheet: string): GridReader | undefined => {
      if (!unit.grids) return undefined;
      let reader = readers.get(sheet);
      const grid = unit.grids.find((g) => g.name === sheet);
      if (!reader && grid) readers.set(sheet, (reader = new GridReader(grid)));
      return reader;
    };
    for (const delegation of kept) {
      if (delegation.kind !== kind) continue;
      block.push({ row: unitRow(delegation, unit, readerFor(delegation.sheet), layout), source: delegation });
    }
  }
  return blocks;
}

function unitRow(delegation: Delegation, unit: UnitPlan, reader: GridReader | undefined, layout: MasterLayout): MasterRow {
  const provenance = { unit: unit.unitName, file: unit.fileName, source: sourceLabel(delegation.sheet, delegation.row) };
  const values: CellValue[] = layout.columns.map((column) => {
    if (column.type === "field") return column.field === "seq" ? null : fieldValue(delegation, column.field, reader);
    if (column.type === "provenance") return provenance[column.id];
    return null;
  });
  return { values, extra: [], provenance };
}

/** Earlier rows with the new blocks in place (see the header comment for the order). */
export function arrange(earlier: readonly MasterRow[], blocks: ReadonlyMap<string, MasterRow[]>): MasterRow[] {
  const out: MasterRow[] = [];
  const placed = new Set<string>();
  let afterLastUnitRow = 0;
  for (const row of earlier) {
    if (!row.provenance) {
      out.push(row);
      continue;
    }
    const key = unitKey(row.provenance.unit);
    const block = blocks.get(key);
    if (!block) out.push(row);
    else if (!placed.has(key)) {
      for (const blockRow of block) out.push(blockRow);
      placed.add(key);
    }
    afterLastUnitRow = out.length;
  }
  const remaining = [...blocks].filter(([key]) => !placed.has(key)).flatMap(([, rows]) => rows);
  // Not splice(…, ...remaining): a spread of 125,000+ rows overflows the call stack.
  return [...out.slice(0, afterLastUnitRow), ...remaining, ...out.slice(afterLastUnitRow)];
}

function numberUnitRows(rows: MasterRow[], layout: MasterLayout): void {
  const seq = layout.fieldIndex.seq;
  if (seq === undefined) return;
  let next = 1;
  for (const row of rows) if (row.provenance) row.values[seq] = next++;
}

/** These rows of the master sheet, read as a recognised template (header on row 1). */
function parseMasterRows(sheet: MasterSheet, layout: MasterLayout, rows: number[], year: number): Delegation[] {
  if (rows.length === 0) return [];
  const grid: SheetGrid = { name: sheet.sheet, originRow: 1, originCol: 1, values: [header(sheet), ...sheet.rows.map(rowValues)], merges: [] };
  const columns: RecognizedTemplate["columns"] = {};
  for (const [field, index] of Object.entries(layout.fieldIndex)) columns[field as keyof typeof columns] = index + 1;
  const recognition: RecognizedTemplate = {
    sheet: sheet.sheet,
    template: true,
    kind: sheet.kind,
    headerRows: [1],
    headerRow: 1,
    columns,
    fieldHeaders: {},
    extraColumns: [],
    dataRows: rows.map((row) => ({ row })),
    titleYear: year,
  };
  return parseSheet(grid, recognition, undefined, { year });
}

function header(sheet: MasterSheet): CellValue[] {
  return [...masterLayout(sheet.kind).columns.map((column) => column.title), ...sheet.extraHeaders];
}

function rowValues(row: MasterRow): CellValue[] {
  return [...row.values, ...row.extra];
}

/**
 * A unit's delegation at its master row: the same values (the master holds the unit's cells), addressed
 * to the master's cells so findings mark the master. No file: the master is one workbook; the unit
 * stands in `unit`, as the agency of its people.
 */
function atMasterRow(source: Delegation, sheet: MasterSheet, row: number, layout: MasterLayout): Delegation {
  const cells: Delegation["cells"] = {};
  for (const field of Object.keys(source.cells) as FieldId[]) {
    const index = layout.fieldIndex[field];
    if (index !== undefined) cells[field] = { row, column: index + 1 };
  }
  const delegation: Delegation = { ...source, id: `${sheet.sheet}!${row}`, sheet: sheet.sheet, row, firstColumn: 1, cells, raw: { ...source.raw } };
  delete delegation.file;
  delete delegation.section;
  // As when the master is read back: the unit column as written, else the provenance unit (set by the caller).
  if (source.raw.unit === undefined) delete delegation.unit;
  return delegation;
}

/**
 * A unit's flag column ("Phát sinh" with an "x") means something else under the master's
 * "Trong/ngoài kế hoạch" text column (where "x" reads as in plan): unless the text written already reads
 * as the status, write the status by its standard name.
 */
function writePlanStatus(row: MasterRow, source: Delegation, layout: MasterLayout): string | undefined {
  const index = layout.fieldIndex.planStatus;
  if (index === undefined || source.planStatus === undefined || row.values[index] === null) return undefined;
  // How the master reads the cell: the row parser on a row holding only this cell.
  const alone = layout.columns.map((_, i) => (i === index ? row.values[index] : null));
  const [read] = parseMasterRows({ kind: source.kind, sheet: layout.sheet, extraHeaders: [], rows: [{ values: alone, extra: [] }] }, layout, [2], 2000);
  if (read.planStatus === source.planStatus) return undefined;
  const name = PLAN_STATUS.find((status) => status.id === source.planStatus)!.name;
  row.values[index] = name;
  return name;
}

function fillDeadlines(row: MasterRow, delegation: Delegation, layout: MasterLayout, context: MergeContext): void {
  const due = deadlines(delegation, context.profile);
  const { report, passport } = layout.computedIndex;
  if (report !== undefined) row.values[report] = due.report ? isoToDate(due.report) : null;
  if (passport !== undefined) row.values[passport] = due.passport ? isoToDate(due.passport) : null;
}

/** A master sheet as a table to write: values only, formula-like text flagged, dates formatted. */
export function masterTable(sheet: MasterSheet): TableWrite {
  const layout = masterLayout(sheet.kind);
  const rows = [header(sheet), ...sheet.rows.map(rowValues)];
  const textCells: { row: number; column: number }[] = [];
  rows.forEach((line, r) => line.forEach((value, c) => looksLikeFormula(value) && textCells.push({ row: r + 1, column: c + 1 })));
  return {
    sheet: sheet.sheet,
    rows,
    headerRows: 1,
    columnWidths: [...layout.columns.map(columnWidth), ...sheet.extraHeaders.map(() => 18)],
    columnFormats: [...layout.columns.map((column) => (isDateColumn(column) ? "dd/mm/yyyy" : undefined)), ...sheet.extraHeaders.map(() => undefined)],
    textCells,
  };
}
