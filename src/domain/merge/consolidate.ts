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
 * - STT is the master's own running number over the delegation rows (numberRows: a hand row's STT only
 *   where it is empty or a plain number); nothing else of a hand row is changed.
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
import { followEarlierRows } from "./followRows";
import { TEMPLATES } from "../templates/definitions";
import { COUNTED_FIELD, COUNTED_WORD, FORM_NUMBERS, officialForm, SUMMED_FIELDS, type FormBodyRow } from "../templates/officialForm";
import { fold, tidy } from "../text";
import type { CellValue, SheetGrid, TableWrite } from "../../workbook/types";
import { deadlines, fieldValue, isoToDate, looksLikeFormula } from "./cells";
import { formColumn, masterLayout, sourceLabel, TIER_SECTIONS, type MasterGrouping, type MasterLayout } from "./layout";
import { coarseDateText, normalizedValue, originalsText, placeTime, sameValue, type TimeCells } from "./normalize";
import { prepareUnit, type PreparedUnit } from "./unit";
import { computeStatistics, statisticsTable, type CountedRow } from "./statistics";
import { missingUnits, missingUnitsTable } from "./expectedUnits";
import type { ConsolidateOptions, MasterFormOptions, MasterPlan, MasterRow, MasterSheet, MasterSheetRows, MergeContext, UnitPlan } from "./types";

/** The rules that need the whole master to see what no single unit can. */
export const CROSS_UNIT_RULES: readonly RuleId[] = ["key-leader-trips", "merge-candidate", "leaders-same-destination", "duplicate-delegation"];
/** Rules run on the master: the cross-unit ones, and the mark on a country name the master could not make standard. */
const MASTER_RULES: readonly RuleId[] = [...CROSS_UNIT_RULES, "country-unknown"];

/** A unit row built in this merge, with the delegation it came from. */
interface NewRow {
  row: MasterRow;
  source: Delegation;
}

export function consolidate(units: readonly UnitPlan[], existingMaster: MasterSheetRows | undefined, context: MergeContext, options: ConsolidateOptions & MasterFormOptions = {}): MasterPlan {
  const prepared = units.map((unit) => prepareUnit(unit, context));

  const masterSheets: MasterSheet[] = [];
  const sources = new Map<MasterRow, Delegation>();
  const keptWarnings = earlierRowsKept(prepared, existingMaster);
  for (const kind of PLAN_KINDS) {
    const layout = masterLayout(kind);
    const earlier = existingMaster?.sheets[kind];
    const blocks = newBlocks(prepared, kind, layout, context.year);
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
    if (earlier) keptWarnings.push(...followEarlierRows(earlier, blockRows, layout, unitKey));
    masterSheets.push({ kind, sheet: layout.sheet, extraHeaders, rows: arrange(earlier?.rows ?? [], blockRows) });
  }

  // The master's rows as delegations: rows of this merge are their unit's delegations; earlier rows and
  // hand rows are read back the way a checked sheet is read. Then sections, numbers and the official form.
  const delegations: Delegation[] = [];
  const counted: CountedRow[] = [];
  const sheets: TableWrite[] = [];
  for (const sheet of masterSheets) {
    const layout = masterLayout(sheet.kind);
    const earlierIndexes = sheet.rows.flatMap((row, index) => (sources.has(row) ? [] : [index]));
    const parsed = parseMasterRows(sheet, layout, earlierIndexes, context.year);
    const byRow = new Map<MasterRow, Delegation>();
    sheet.rows.forEach((row, index) => {
      const source = sources.get(row);
      if (source) {
        byRow.set(row, source);
        const status = writePlanStatus(row, source, layout);
        if (status !== undefined) source.raw.planStatus = status;
      } else byRow.set(row, parsed.get(index)!);
      if (row.provenance) fillDeadlines(row, byRow.get(row)!, layout, context);
    });
    const sections = sectionRows(sheet, byRow, options.grouping ?? "tier");
    sheet.rows = sections.flatMap((section) => section.rows);
    numberRows(sheet.rows, layout);
    const form = masterDocument(sheet, sections, context.year, options);
    sheets.push(form.table);
    sheet.rows.forEach((row) => {
      const sheetRow = form.rowOf.get(row)!;
      const delegation = sources.has(row) ? atMasterRow(sources.get(row)!, sheet, sheetRow, layout) : moveTo(byRow.get(row)!, sheetRow);
      if (row.provenance) delegation.unit ??= row.provenance.unit;
      delegations.push(delegation);
      counted.push(row.provenance ? { delegation, unit: row.provenance.unit } : { delegation });
    });
  }

  const crossUnit = RULES.filter((rule) => MASTER_RULES.includes(rule.id));
  const findings: Finding[] = checkPlan(delegations, context, crossUnit);
  const statistics = computeStatistics(counted, context.year);
  const summaries = prepared.map((p) => p.summary);
  const expected = options.expectedUnits ?? [];
  const missing = expected.length > 0 ? missingUnits(expected, summaries, existingMaster) : undefined;
  if (missing) statistics.push(missingUnitsTable(missing, expected.length));
  sheets.push(statisticsTable(statistics, context.year));
  const warnings = [...(existingMaster?.warnings ?? []), ...keptWarnings];
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

/** A text that fits one Excel cell: longer text is cut and ends with the visible cutMarker; shorter text is returned as is. */
export function cutToCellLimit(value: string): string {
  if (value.length <= EXCEL_CELL_TEXT_LIMIT) return value;
  const marker = cutMarker(value.length);
  let keep = EXCEL_CELL_TEXT_LIMIT - marker.length;
  // Never split a surrogate pair (an emoji, a rare Hán Nôm character).
  if (/[\uD800-\uDBFF]/.test(value[keep - 1])) keep--;
  return value.slice(0, keep) + marker;
}

const KIND_NAMES: Record<PlanKind, string> = { outbound: "đoàn ra", inbound: "đoàn vào", people: "đối ngoại nhân dân" };

/**
 * A unit imported again whose new workbook has no sheet of a kind it sent before: its earlier rows of that
 * kind stay (the file may simply leave that plan out), and the officer is told, never left to find them.
 */
function earlierRowsKept(prepared: readonly PreparedUnit[], existing: MasterSheetRows | undefined): string[] {
  if (!existing) return [];
  const warnings: string[] = [];
  for (const kind of PLAN_KINDS) {
    const rows = existing.sheets[kind]?.rows ?? [];
    for (const { unit, kinds } of prepared) {
      if (kinds.has(kind) || kinds.size === 0) continue;
      const count = rows.filter((row) => row.provenance && unitKey(row.provenance.unit) === unitKey(unit.unitName)).length;
      if (count > 0) {
        warnings.push(
          `Đơn vị “${unit.unitName}” nhập lại từ tệp «${unit.fileName}» không có kế hoạch ${KIND_NAMES[kind]}: ${count} ${kind === "people" ? "hoạt động đối ngoại nhân dân" : KIND_NAMES[kind]} cũ của đơn vị vẫn được giữ trên sổ tổng hợp. Nếu đơn vị đã bỏ kế hoạch này, hãy xóa các dòng đó.`,
        );
      }
    }
  }
  return warnings;
}

interface Section {
  /** The section row's text; undefined for rows above any section (kinds without tiers, ungrouped). */
  title?: string;
  rows: MasterRow[];
}

/**
 * Rows grouped into the master's sections, each section keeping the rows' order. Unit rows go by the
 * head's tier (outbound, [S0]) or by unit; a hand row stays in the section it was typed under (else
 * with the row before it).
 */
function sectionRows(sheet: MasterSheet, delegations: ReadonlyMap<MasterRow, Delegation>, grouping: MasterGrouping): Section[] {
  const titles: string[] = [];
  const unitTitle = new Map<string, string>();
  if (grouping === "unit") {
    for (const row of sheet.rows) {
      if (!row.provenance || unitTitle.has(unitKey(row.provenance.unit))) continue;
      const title = `${unitTitle.size + 1}. ${row.provenance.unit}`;
      unitTitle.set(unitKey(row.provenance.unit), title);
      titles.push(title);
    }
  } else if (sheet.kind === "outbound") titles.push(...TIER_SECTIONS);
  const byKey = new Map(titles.map((title) => [sectionKey(title), title] as const));
  const sections = new Map<string | undefined, MasterRow[]>([[undefined, []], ...titles.map((title) => [title, []] as [string, MasterRow[]])]);
  let previous: string | undefined = titles[0];
  for (const row of sheet.rows) {
    let title: string | undefined;
    if (row.provenance && grouping === "unit") title = unitTitle.get(unitKey(row.provenance.unit));
    else if (row.provenance && titles.length > 0) title = delegations.get(row)?.leaderRole?.cityLeader ? TIER_SECTIONS[0] : TIER_SECTIONS[1];
    else title = (row.section !== undefined ? byKey.get(sectionKey(row.section)) : undefined) ?? previous;
    sections.get(title)!.push(row);
    previous = title;
  }
  return [...sections].filter(([title, rows]) => title !== undefined || rows.length > 0).map(([title, rows]) => (title === undefined ? { rows } : { title, rows }));
}

/** Section titles compared without their number ("2. Sở Y tế" = "1. Sở Y tế" once another unit went). */
function sectionKey(title: string): string {
  return fold(title.replace(/^\s*(?:[IVXLC]+|\d{1,3}|[A-Z])\.\s*/, ""));
}

/** Cuts texts longer than a cell holds, with a visible marker; one Vietnamese warning per cell cut. */
export function cutOverlongTexts(table: TableWrite): string[] {
  const warnings: string[] = [];
  table.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (typeof value !== "string" || value.length <= EXCEL_CELL_TEXT_LIMIT) return;
      row[c] = cutToCellLimit(value);
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
function newBlocks(prepared: readonly PreparedUnit[], kind: PlanKind, layout: MasterLayout, year: number): Map<string, NewRow[]> {
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
      block.push({ row: unitRow(delegation, unit, readerFor(delegation.sheet), layout, year), source: delegation });
    }
  }
  return blocks;
}

function unitRow(delegation: Delegation, unit: UnitPlan, reader: GridReader | undefined, layout: MasterLayout, year: number): MasterRow {
  const provenance = { unit: unit.unitName, file: unit.fileName, source: sourceLabel(delegation.sheet, delegation.row) };
  const originals: { title: string; written: CellValue }[] = [];
  const split = splitLeaderCell(delegation, reader);
  const time = timeCells(delegation, reader, layout, year);
  const values: CellValue[] = layout.columns.map((column) => {
    if (column.type === "field" && column.field === "unit") {
      // The unit that sent the row organises it unless it named another: the master, read as a plan by the
      // next level (or by `dplan check`), then still tells each unit's delegations apart.
      return fieldValue(delegation, "unit", reader) ?? unit.unitName;
    }
    if (column.type === "field") {
      if (column.field === "seq") return null;
      if (split && column.field === "leader") {
        originals.push({ title: column.title, written: split.written });
        return split.name;
      }
      if (split && column.field === "leaderRole") return split.role;
      if (column.field === "planStatus") {
        const status = statusFromEvidence(delegation, reader);
        if (status) {
          originals.push({ title: column.title, written: status.evidence });
          return status.name;
        }
      }
      if (time && (column.field === "period" || column.field === "start" || column.field === "end")) {
        const written = time.written[column.field];
        const placed = time.placed[column.field];
        // Text moved as it is to another time cell needs no record; a text turned into dates does, and so
        // does a date shown as a month turned into text (recorded as the unit saw it, "9/2026").
        const carried = typeof written === "string" && Object.values(time.placed).some((value) => typeof value === "string" && value.includes(tidy(written)));
        if (!sameValue(written, placed) && !sameValue(written, null) && !carried) originals.push({ title: column.title, written: time.recorded[column.field] });
        return placed;
      }
      const written = fieldValue(delegation, column.field, reader);
      const normalized = normalizedValue(column.field, written, delegation);
      if (normalized === undefined) return written;
      originals.push({ title: column.title, written });
      return normalized;
    }
    if (column.type === "provenance") return provenance[column.id];
    return null;
  });
  values[layout.originalIndex] = originalsText(originals);
  return { values, extra: [], provenance };
}

/**
 * A unit without a status column whose name or notes say the status ("Đoàn phát sinh", "Đoàn E (bổ sung ngoài
 * kế hoạch)"): the master's status column gets the status by its standard name, the text stays in "Giá trị gốc".
 */
function statusFromEvidence(delegation: Delegation, reader: GridReader | undefined): { name: string; evidence: CellValue } | undefined {
  const ref = delegation.cells.planStatus;
  if (delegation.planStatus === undefined || !ref) return undefined;
  const sharedWith = (Object.keys(delegation.cells) as FieldId[]).some((field) => field !== "planStatus" && delegation.cells[field]?.row === ref.row && delegation.cells[field]?.column === ref.column);
  if (!sharedWith) return undefined;
  const evidence = fieldValue(delegation, "planStatus", reader);
  if (evidence === null) return undefined;
  return { name: PLAN_STATUS.find((status) => status.id === delegation.planStatus)!.name, evidence };
}

/** The row's time cells as the unit wrote them and as the master places them (placeTime); undefined when they stay. */
function timeCells(delegation: Delegation, reader: GridReader | undefined, layout: MasterLayout, year: number): { written: TimeCells; recorded: TimeCells; placed: TimeCells } | undefined {
  if (layout.fieldIndex.period === undefined || layout.fieldIndex.start === undefined || layout.fieldIndex.end === undefined) return undefined;
  const written: TimeCells = { period: fieldValue(delegation, "period", reader), start: fieldValue(delegation, "start", reader), end: fieldValue(delegation, "end", reader) };
  // A date cell shown as a month keeps that precision: the master has no number format to show it by, so
  // it goes as text ("Tháng 9/2026"), and "Giá trị gốc" keeps what the unit saw ("9/2026").
  const shownText = (field: keyof TimeCells) => coarseDateText(written[field], delegation.raw[field]);
  const asShown: TimeCells = { period: shownText("period") ?? written.period, start: shownText("start") ?? written.start, end: shownText("end") ?? written.end };
  const recorded: TimeCells = { ...written };
  for (const field of ["period", "start", "end"] as const) if (shownText(field) !== undefined) recorded[field] = (delegation.raw[field] ?? "").replace(/^0(\d)\//, "$1/");
  const placed = placeTime(asShown, delegation, year);
  return placed ? { written, recorded, placed } : undefined;
}

/**
 * A unit without a Chức vụ column often writes "Nguyễn Văn An - Phó Chủ tịch UBND thành phố" (or the role on
 * a second line) in the leader cell. The official form has both columns: the name goes under (3) and the
 * role, as written, under (4); the whole cell is kept in "Giá trị gốc".
 */
function splitLeaderCell(delegation: Delegation, reader: GridReader | undefined): { written: string; name: string; role: string } | undefined {
  const written = fieldValue(delegation, "leader", reader);
  const roleWritten = fieldValue(delegation, "leaderRole", reader);
  if (typeof written !== "string" || (roleWritten !== null && roleWritten !== undefined && roleWritten !== "")) return undefined;
  const name = delegation.leaderName?.trim();
  const role = delegation.leaderRole?.raw.trim();
  if (!name || !role || !written.includes(role)) return undefined;
  return { written, name, role };
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

/**
 * STT 1…n over the delegation rows, in the order printed. A row typed by hand is a delegation when it
 * fills the column the Tổng cộng row counts (so the last STT is the total's "n đoàn"); it gets its number
 * only where its STT cell is empty or a plain number (one the officer typed, or an earlier merge wrote):
 * any other text there ("5a", "Bổ sung") is the officer's and stays, and the row still takes its place in
 * the count so the rows after it keep their numbers. A hand row that is not a delegation (a note) is left alone.
 */
function numberRows(rows: MasterRow[], layout: MasterLayout): void {
  const seq = layout.fieldIndex.seq;
  const counted = layout.fieldIndex[COUNTED_FIELD[layout.kind]];
  if (seq === undefined) return;
  let next = 1;
  for (const row of rows) {
    if (row.provenance) {
      row.values[seq] = next++;
      continue;
    }
    const countedValue = counted === undefined ? null : row.values[counted];
    if (countedValue === null || countedValue === "") continue;
    const current = row.values[seq];
    if (current === null || (typeof current === "string" && current.trim() === "") || plainNumber(current)) row.values[seq] = next;
    next++;
  }
}

/** A number as a STT cell holds it: 7, "7", "7.". */
function plainNumber(value: CellValue): boolean {
  return (typeof value === "number" && Number.isInteger(value) && value > 0) || (typeof value === "string" && /^\s*\d{1,6}\.?\s*$/.test(value));
}

/**
 * These rows of the master sheet (indexes into sheet.rows), read as a recognised template would be: on a
 * grid with the header on row 1 and each row at index + 2; moveTo then addresses them to their sheet row.
 */
function parseMasterRows(sheet: MasterSheet, layout: MasterLayout, indexes: number[], year: number): Map<number, Delegation> {
  if (indexes.length === 0) return new Map();
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
    dataRows: indexes.map((index) => ({ row: index + 2 })),
    titleYear: year,
  };
  return new Map(parseSheet(grid, recognition, undefined, { year }).map((delegation) => [delegation.row - 2, delegation] as const));
}

/** A delegation read on parseMasterRows's grid, addressed to its row of the written sheet. */
function moveTo(delegation: Delegation, row: number): Delegation {
  const cells: Delegation["cells"] = {};
  for (const [field, ref] of Object.entries(delegation.cells) as [FieldId, { row: number; column: number }][]) cells[field] = { ...ref, row };
  return { ...delegation, id: `${delegation.sheet}!${row}`, row, cells };
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
  const read = parseMasterRows({ kind: source.kind, sheet: layout.sheet, extraHeaders: [], rows: [{ values: alone, extra: [] }] }, layout, [0], 2000).get(0);
  if (read?.planStatus === source.planStatus) return undefined;
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

/** A master sheet as the official form: the rows in their sections, provenance and deadlines outside the print area. */
export function masterDocument(sheet: MasterSheet, sections: readonly Section[], year: number, options: MasterFormOptions = {}): { table: TableWrite; rowOf: Map<MasterRow, number> } {
  const layout = masterLayout(sheet.kind);
  const kind = sheet.kind;
  const fields = layout.columns.filter((column) => column.type === "field");
  const outside = layout.columns.filter((column) => column.type !== "field");
  // Printed: the fields, then columns a user added; outside: provenance and deadlines.
  const order = [...fields.map((column) => layout.columns.indexOf(column)), ...sheet.extraHeaders.map((_, i) => layout.columns.length + i), ...outside.map((column) => layout.columns.indexOf(column))];
  const body: FormBodyRow[] = [];
  const bodyRows: MasterRow[] = [];
  for (const section of sections) {
    if (section.title !== undefined) {
      body.push({ type: "section", text: section.title });
      bodyRows.push(undefined as unknown as MasterRow);
    }
    for (const row of section.rows) {
      const values = rowValues(row);
      body.push({ type: "data", values: order.map((index) => values[index] ?? null) });
      bodyRows.push(row);
    }
  }
  const kept = options.formLines?.[sheet.sheet];
  const position = (field: FieldId) => fields.findIndex((column) => column.field === field) + 1;
  const form = officialForm({
    title: TEMPLATES[kind].title,
    year,
    sheet: sheet.sheet,
    formNumber: FORM_NUMBERS[kind],
    columns: [...fields.map((column) => formColumn(kind, column)), ...sheet.extraHeaders.map((title) => ({ title, width: 16 }))],
    outside: outside.map((column) => formColumn(kind, column)),
    ...(options.agency ? { agency: options.agency, unit: options.agency.name } : {}),
    ...(options.place ? { place: options.place } : {}),
    body,
    totals: { countColumn: position(COUNTED_FIELD[kind]), sumColumns: SUMMED_FIELDS.filter((field) => position(field) > 0).map((field) => ({ column: position(field), decimals: field === "cost" })), countWord: COUNTED_WORD[kind] },
    signer: "THỦ TRƯỞNG CƠ QUAN",
    ...(kept?.letter ? { letter: kept.letter } : {}),
    ...(kept?.closing ? { closing: kept.closing.rows } : {}),
  });
  if (kept?.closing) sheet.closingRows = { from: kept.closing.from, to: form.signatureRow, count: kept.closing.rows.length };
  const rowOf = new Map<MasterRow, number>();
  bodyRows.forEach((row, index) => row && rowOf.set(row, form.bodyRows[index]));
  const textCells: { row: number; column: number }[] = [];
  form.table.rows.forEach((line, r) => line.forEach((value, c) => looksLikeFormula(value) && textCells.push({ row: r + 1, column: c + 1 })));
  form.table.textCells = textCells;
  return { table: form.table, rowOf };
}
