/**
 * Cell marks that never touch what the user made.
 *
 * Colour: a conditional format over a RangeAreas (`sheet.getRanges("B5,C7:C9,…")`), one per sheet,
 * severity and address chunk (Excel refuses a RangeAreas address of 8,192 characters or more). Its rule
 * is a constant-true custom formula that names the add-in, `=ISTEXT("dplan-mark:error")`: the add-in
 * finds its own formats by that marker (even after closing and reopening, even if the user copied a
 * marked cell) and deletes only those. A cell with several findings gets the colour of the most severe.
 *
 * Message (ExcelApi 1.18): a note on the cell with the findings' messages, only where the cell has no
 * note of the user's. The notes written are remembered (markState.ts) and removed on clear only while
 * their text is unchanged (an Excel without notes keeps tracking them, for a newer Excel to remove). Notes are capped by an estimated byte budget (NOTE_BUDGET_BYTES), because
 * every note travels in the one write request (5 MB cap on the web); the pane lists every finding.
 *
 * Syncs: 2 — (1) the add-in's conditional formats and the notes at the affected cells, (2) deletes and
 * adds (2 more only if a sheet marked earlier has since been deleted or renamed, see sheets.ts; none
 * when there is nothing to clear). With
 * ExcelApi 1.20 the run merges into one undo step. Cell values are never written.
 */
import type { CellMark, Severity } from "../workbook/types";
import { cellAddress, cellsToAreas, areaAddress, chunkAddresses } from "./a1";
import { contentHash, mergeMarkStates, type MarkState, type MarkStateStore, type SheetMarkRecord } from "./markState";
import { loadOnSheets, type SheetRef } from "./sheets";

export const MARK_FORMULA_MARKER = "dplan-mark";
/** RangeAreas addresses stay strictly below Excel's 8,192-character limit. */
export const MAX_ADDRESS_LENGTH = 8_000;
/** Estimated request bytes the notes of one check may use (probe + add per note, plus its text). */
export const NOTE_BUDGET_BYTES = 2_500_000;
const NOTE_OVERHEAD_BYTES = 400;

export const SEVERITY_COLORS: Record<Severity, { fill: string; font: string }> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
  info: { fill: "#DDEBF7", font: "#1F4E78" },
};

const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

export function markFormula(severity: Severity): string {
  return `=ISTEXT("${MARK_FORMULA_MARKER}:${severity}")`;
}

export function isMarkFormula(formula: string | undefined): boolean {
  return typeof formula === "string" && formula.includes(`"${MARK_FORMULA_MARKER}:`);
}

export interface PlannedCell {
  row: number;
  column: number;
  address: string;
  severity: Severity;
  note: string;
}

export interface SheetPlan {
  sheet: string;
  cells: PlannedCell[];
  /** Address chunks per severity, each shorter than MAX_ADDRESS_LENGTH. */
  areas: { severity: Severity; address: string }[];
}

/** Groups marks by sheet and cell: most severe colour, messages in severity order without repeats. */
export function planMarks(marks: CellMark[], maxAddressLength = MAX_ADDRESS_LENGTH): SheetPlan[] {
  const bySheet = new Map<string, Map<string, CellMark[]>>();
  for (const mark of marks) {
    const cells = bySheet.get(mark.sheet) ?? new Map<string, CellMark[]>();
    bySheet.set(mark.sheet, cells);
    const key = cellAddress(mark.row, mark.column);
    cells.set(key, [...(cells.get(key) ?? []), mark]);
  }
  const plans: SheetPlan[] = [];
  for (const [sheet, cells] of bySheet) {
    const planned: PlannedCell[] = [];
    for (const [address, cellMarks] of cells) {
      const ordered = [...cellMarks].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
      const messages = [...new Set(ordered.map((m) => m.message.trim()).filter((m) => m.length > 0))];
      planned.push({ row: ordered[0].row, column: ordered[0].column, address, severity: ordered[0].severity, note: messages.join("\n") });
    }
    planned.sort((a, b) => a.row - b.row || a.column - b.column);
    const areas = SEVERITY_ORDER.flatMap((severity) => {
      const addresses = cellsToAreas(planned.filter((c) => c.severity === severity)).map(areaAddress);
      return chunkAddresses(addresses, maxAddressLength).map((address) => ({ severity, address }));
    });
    plans.push({ sheet, cells: planned, areas });
  }
  return plans;
}

/** The cells that get a note: in sheet order, while the estimated bytes stay within the budget. */
export function selectNotedCells(plans: SheetPlan[], budgetBytes = NOTE_BUDGET_BYTES): Set<string> {
  const chosen = new Set<string>();
  let used = 0;
  for (const plan of plans) {
    for (const cell of plan.cells) {
      if (!cell.note) continue;
      const bytes = NOTE_OVERHEAD_BYTES + 3 * cell.note.length;
      if (used + bytes > budgetBytes) return chosen;
      used += bytes;
      chosen.add(noteKey(plan.sheet, cell.address));
    }
  }
  return chosen;
}

function noteKey(sheet: string, address: string): string {
  return `${sheet}\u0000${address}`;
}

export interface MarkOptions {
  notes: boolean;
  noteBudgetBytes: number;
  store: MarkStateStore;
}

interface SheetWork {
  sheet: Excel.Worksheet;
  /** The add-in's notes on this sheet according to the saved state (address → hash). */
  oldNotes: Record<string, string>;
  /** The notes to write now (address → text). */
  wanted: Map<string, string>;
  areas: SheetPlan["areas"];
  marked: boolean;
  formats?: Excel.ConditionalFormatCollection;
  probes: Map<string, Excel.Note>;
}

/**
 * Replaces the add-in's previous marks with `marks` (an empty list just clears). Runs inside one
 * Excel.run; see the module comment for the syncs.
 */
export async function replaceMarks(context: Excel.RequestContext, marks: CellMark[], options: MarkOptions): Promise<void> {
  const previous = options.store.read();
  if (previous.sheets.length === 0 && marks.length === 0) return; // nothing of the add-in's to clear
  const plans = planMarks(marks);
  const noted = options.notes ? selectNotedCells(plans, options.noteBudgetBytes) : new Set<string>();
  const refs: SheetRef[] = [...previous.sheets.map(({ name, id }) => ({ name, id })), ...plans.map((plan) => ({ name: plan.sheet }))];

  // Sync 1: the add-in's conditional formats and the notes at the cells concerned.
  const { queued: work } = await loadOnSheets(context, refs, (sheets) => {
    const bySheet = new Map<Excel.Worksheet, SheetWork>();
    for (const [name, sheet] of sheets) {
      // A sheet renamed since the last check is reached under its old and its new name: one entry.
      const entry: SheetWork = bySheet.get(sheet) ?? { sheet, oldNotes: {}, wanted: new Map(), areas: [], marked: false, probes: new Map() };
      bySheet.set(sheet, entry);
      Object.assign(entry.oldNotes, previous.sheets.find((record) => record.name === name)?.notes ?? {});
      for (const plan of plans.filter((p) => p.sheet === name)) {
        entry.marked = entry.marked || plan.cells.length > 0;
        entry.areas.push(...plan.areas);
        for (const cell of plan.cells) if (noted.has(noteKey(name, cell.address))) entry.wanted.set(cell.address, cell.note);
      }
    }
    for (const entry of bySheet.values()) {
      entry.formats = entry.sheet.getRange().conditionalFormats;
      entry.formats.load("items/type,items/customOrNullObject/rule/formula");
      if (options.notes) {
        for (const address of new Set([...Object.keys(entry.oldNotes), ...entry.wanted.keys()])) {
          const note = entry.sheet.notes.getItemOrNullObject(address);
          note.load("content");
          entry.probes.set(address, note);
        }
      }
    }
    return [...bySheet.values()];
  });

  // Sync 2: remove the add-in's old marks, add the new ones.
  const next: MarkState = { version: 1, sheets: [] };
  for (const { sheet, oldNotes, wanted, areas, marked, formats, probes } of work) {
    for (const format of formats?.items ?? []) {
      if (format.type === "Custom" && !format.customOrNullObject.isNullObject && isMarkFormula(format.customOrNullObject.rule.formula)) format.delete();
    }
    const record: SheetMarkRecord = { name: sheet.name, id: sheet.id, notes: {} };
    for (const [address, note] of probes) {
      const text = wanted.get(address);
      const ours = address in oldNotes && !note.isNullObject && contentHash(note.content) === oldNotes[address];
      if (ours && text !== undefined) {
        if (note.content !== text) note.content = text;
        record.notes[address] = contentHash(text);
      } else if (ours) {
        note.delete();
      } else if (text !== undefined && note.isNullObject) {
        sheet.notes.add(sheet.getRange(address), text);
        record.notes[address] = contentHash(text);
      }
      // Otherwise the cell holds a note of the user's (or one they edited): left alone, and none of ours added.
    }
    for (const { severity, address } of areas) {
      const format = sheet.getRanges(address).conditionalFormats.add("Custom");
      format.custom.rule.formula = markFormula(severity);
      format.custom.format.fill.color = SEVERITY_COLORS[severity].fill;
      format.custom.format.font.color = SEVERITY_COLORS[severity].font;
    }
    // Without notes support the add-in's earlier notes cannot be touched: keep tracking them for a newer Excel.
    if (!options.notes) Object.assign(record.notes, oldNotes);
    if (marked || Object.keys(record.notes).length > 0) next.sheets.push(record);
  }

  // Remember new notes before writing them, so a batch that fails half-way never leaves an untracked note.
  if (addsNotes(previous, next)) await options.store.write(mergeMarkStates(previous, next));
  await context.sync();
  await options.store.write(next);
}

function addsNotes(previous: MarkState, next: MarkState): boolean {
  return next.sheets.some((sheet) => {
    const known = previous.sheets.find((record) => record.name === sheet.name)?.notes ?? {};
    return Object.entries(sheet.notes).some(([address, hash]) => known[address] !== hash);
  });
}
