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
 * Syncs: 1 with a fresh preload from readSheets (markPreload.ts): the write sync alone. Otherwise 2 —
 * (1) the add-in's conditional formats and the notes at the affected cells, (2) deletes and adds (2
 * more only if a sheet marked earlier has since been deleted or renamed, see sheets.ts; none when
 * there is nothing to clear). If Excel refuses the write built from a preload (the user deleted one of
 * the add-in's formats or notes, put a note on a cell to be noted, or deleted a sheet in between), the
 * same run goes through the two-sync path once: 1 + 2. With ExcelApi 1.20 the run merges into one undo
 * step. Cell values are never written.
 */
import type { CellMark, Severity } from "../workbook/types";
import { cellAddress, cellsToAreas, areaAddress, chunkAddresses } from "./a1";
import { contentHash, isRecordedText, mergeMarkStates, recordedHashes, sheetOfRecord, type MarkState, type MarkStateStore, type SheetMarkRecord } from "./markState";
import type { MarkPreload, PreloadedSheet } from "./markPreload";
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

/** Whether a conditional format loaded with `type,customOrNullObject/rule/formula` is one of the add-in's. */
export function isMarkFormat(format: Excel.ConditionalFormat): boolean {
  return format.type === "Custom" && !format.customOrNullObject.isNullObject && isMarkFormula(format.customOrNullObject.rule.formula);
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
  /** What readSheets loaded for this write, if it is still fresh (the host decides). */
  preload?: MarkPreload;
}

/** What a note cell holds just before the write: the note's text or null, and how to reach the note. */
interface NoteCell {
  content: string | null;
  note(): Excel.Note;
}

/** What the saved state and the new marks ask of one sheet. */
interface SheetDraft {
  /** The add-in's notes on this sheet according to the saved state (address → hash). */
  oldNotes: Record<string, string>;
  /** The notes to write now (address → text). */
  wanted: Map<string, string>;
  areas: SheetPlan["areas"];
  marked: boolean;
}

/** Everything the write needs to know about one sheet. */
interface SheetWrite extends SheetDraft {
  sheet: Excel.Worksheet;
  name: string;
  id: string;
  /** The add-in's conditional formats now on the sheet. */
  ownFormats: Excel.ConditionalFormat[];
  /** Every cell of oldNotes and wanted (with notes support). */
  noteCells: Map<string, NoteCell>;
}

interface MarkPlan {
  plans: SheetPlan[];
  noted: Set<string>;
}

/**
 * Replaces the add-in's previous marks with `marks` (an empty list just clears). Runs inside one
 * Excel.run; see the module comment for the syncs.
 */
export async function replaceMarks(context: Excel.RequestContext, marks: CellMark[], options: MarkOptions): Promise<void> {
  const previous = options.store.read();
  if (previous.sheets.length === 0 && marks.length === 0) return; // nothing of the add-in's to clear
  const plans = planMarks(marks);
  const plan: MarkPlan = { plans, noted: options.notes ? selectNotedCells(plans, options.noteBudgetBytes) : new Set<string>() };

  const fromPreload = options.preload && writesFromPreload(context, options.preload, previous, plan, options.notes);
  if (fromPreload) {
    try {
      await commitWrites(context, fromPreload, previous, options, true);
      return;
    } catch (error) {
      if (!(error instanceof PreloadWriteRefused)) throw error;
      // The workbook changed since the preload. What ran of that batch is the add-in's own (its new
      // notes were saved in the state first), so the two-sync path below reads and finishes the job.
    }
  }
  const current = options.store.read();
  await commitWrites(context, await writesFromWorkbook(context, current, plan, options.notes), current, options);
}

/** The two-sync path's sync 1: the add-in's conditional formats and the notes at the cells concerned. */
async function writesFromWorkbook(context: Excel.RequestContext, previous: MarkState, { plans, noted }: MarkPlan, notes: boolean): Promise<SheetWrite[]> {
  const refs: SheetRef[] = [...previous.sheets.map(({ name, id }) => ({ name, id })), ...plans.map((plan) => ({ name: plan.sheet }))];
  const { queued } = await loadOnSheets(context, refs, (sheets) => {
    const bySheet = new Map<Excel.Worksheet, SheetDraft & { sheet: Excel.Worksheet; formats: Excel.ConditionalFormatCollection; probes: Map<string, Excel.Note> }>();
    for (const [name, sheet] of sheets) {
      // A sheet renamed since the last check is reached under its old and its new name: one entry.
      const entry = bySheet.get(sheet) ?? { ...emptyDraft(), sheet, formats: sheet.getRange().conditionalFormats, probes: new Map<string, Excel.Note>() };
      bySheet.set(sheet, entry);
      Object.assign(entry.oldNotes, previous.sheets.find((record) => record.name === name)?.notes ?? {});
      addPlans(entry, name, plans, noted);
    }
    for (const entry of bySheet.values()) {
      entry.formats.load("items/type,items/customOrNullObject/rule/formula");
      if (notes) {
        for (const address of noteAddresses(entry)) {
          const note = entry.sheet.notes.getItemOrNullObject(address);
          note.load("content");
          entry.probes.set(address, note);
        }
      }
    }
    return [...bySheet.values()];
  });
  return queued.map(({ formats, probes, ...entry }) => ({
    ...entry,
    name: entry.sheet.name,
    id: entry.sheet.id,
    ownFormats: formats.items.filter(isMarkFormat),
    noteCells: new Map([...probes].map(([address, note]) => [address, { content: note.isNullObject ? null : note.content, note: () => note }])),
  }));
}

/**
 * The same knowledge taken from the preload, with no sync; undefined when the preload cannot answer
 * (another saved state, a sheet it did not read, or a cell to note on a sheet with notes it cannot place).
 * Decides on plain data first, so a preload it cannot use leaves nothing queued.
 */
function writesFromPreload(context: Excel.RequestContext, preload: MarkPreload, previous: MarkState, { plans, noted }: MarkPlan, notes: boolean): SheetWrite[] | undefined {
  if (preload.notes !== notes || preload.state !== JSON.stringify(previous)) return undefined;
  const drafts = new Map<PreloadedSheet, SheetDraft>();
  const draftOf = (known: PreloadedSheet) => {
    const draft = drafts.get(known) ?? emptyDraft();
    drafts.set(known, draft);
    return draft;
  };
  // A sheet of the saved state that no longer exists is dropped, as the two-sync path does.
  for (const record of previous.sheets) {
    const known = sheetOfRecord(preload.sheets, record);
    if (known) Object.assign(draftOf(known).oldNotes, record.notes);
  }
  for (const plan of plans) {
    const known = preload.sheets.find((sheet) => sheet.name === plan.sheet);
    if (!known) return undefined;
    addPlans(draftOf(known), plan.sheet, plans, noted);
  }
  const contents = new Map<PreloadedSheet, Map<string, string | null>>();
  for (const [known, draft] of drafts) {
    const cells = new Map<string, string | null>();
    if (notes) {
      const placed = [...known.notes.values()].filter((content) => content !== null).length;
      const noneElsewhere = known.noteCount === placed;
      for (const address of noteAddresses(draft)) {
        const content = known.notes.get(address);
        if (content !== undefined) cells.set(address, content);
        else if (noneElsewhere) cells.set(address, null);
        else return undefined;
      }
    }
    contents.set(known, cells);
  }

  return [...drafts].map(([known, draft]) => {
    // By id: a sheet renamed since the read is still the one read (its name is loaded for the state).
    const sheet = context.workbook.worksheets.getItem(known.id);
    sheet.load("name");
    const noteCells = new Map<string, NoteCell>();
    for (const [address, content] of contents.get(known) ?? []) noteCells.set(address, { content, note: () => sheet.notes.getItem(address) });
    return { ...draft, sheet, name: known.name, id: known.id, ownFormats: formatsById(sheet, known.markFormatIds), noteCells };
  });
}

function formatsById(sheet: Excel.Worksheet, ids: string[]): Excel.ConditionalFormat[] {
  const formats = sheet.getRange().conditionalFormats;
  return ids.map((id) => formats.getItem(id));
}

function emptyDraft(): SheetDraft {
  return { oldNotes: {}, wanted: new Map(), areas: [], marked: false };
}

function addPlans(entry: SheetDraft, name: string, plans: SheetPlan[], noted: Set<string>): void {
  for (const plan of plans.filter((p) => p.sheet === name)) {
    entry.marked = entry.marked || plan.cells.length > 0;
    entry.areas.push(...plan.areas);
    for (const cell of plan.cells) if (noted.has(noteKey(name, cell.address))) entry.wanted.set(cell.address, cell.note);
  }
}

function noteAddresses(entry: SheetDraft): Set<string> {
  return new Set([...Object.keys(entry.oldNotes), ...entry.wanted.keys()]);
}

/** Excel refused a write built from a preload (stale by then): the caller retries the two-sync way. */
class PreloadWriteRefused extends Error {
  constructor(override readonly cause: unknown) {
    super("write from preload refused");
  }
}

/** The write sync: remove the add-in's old marks, add the new ones, then save what the add-in owns now. */
async function commitWrites(context: Excel.RequestContext, writes: SheetWrite[], previous: MarkState, options: MarkOptions, fromPreload = false): Promise<void> {
  const next: MarkState = { version: 1, sheets: [] };
  const records = new Map<SheetMarkRecord, SheetWrite>();
  for (const write of writes) {
    const { sheet, oldNotes, wanted, areas, marked, ownFormats, noteCells } = write;
    for (const format of ownFormats) format.delete();
    const record: SheetMarkRecord = { name: write.name, id: write.id, notes: {} };
    for (const [address, cell] of noteCells) {
      const text = wanted.get(address);
      const ours = cell.content !== null && isRecordedText(cell.content, oldNotes[address]);
      if (ours && text !== undefined) {
        if (cell.content !== text) cell.note().content = text;
        record.notes[address] = contentHash(text);
      } else if (ours) {
        cell.note().delete();
      } else if (text !== undefined && cell.content === null) {
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
    if (marked || Object.keys(record.notes).length > 0) {
      next.sheets.push(record);
      records.set(record, write);
    }
  }

  // Remember new notes before writing them, so a batch that fails half-way never leaves an untracked note.
  if (addsNotes(previous, next)) await options.store.write(mergeMarkStates(previous, next));
  try {
    await context.sync();
  } catch (error) {
    throw fromPreload ? new PreloadWriteRefused(error) : error;
  }
  // The sheet's current name (the preload's may be older: a rename in between).
  for (const [record, write] of records) record.name = write.sheet.name;
  await options.store.write(next);
}

function addsNotes(previous: MarkState, next: MarkState): boolean {
  return next.sheets.some((sheet) => {
    const known = previous.sheets.find((record) => record.name === sheet.name)?.notes ?? {};
    return Object.entries(sheet.notes).some(([address, hash]) => !(address in known) || !recordedHashes(known[address]).includes(hash));
  });
}
