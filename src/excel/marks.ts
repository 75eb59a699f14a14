/**
 * Cell marks that never touch what the user made.
 *
 * Colour: a conditional format over a RangeAreas (`sheet.getRanges("B5,C7:C9,…")`), one per sheet,
 * severity and address chunk (Excel refuses a RangeAreas address of 8,192 characters or more). Its rule
 * is a constant-true custom formula that names the add-in, `=ISTEXT("dplan-mark:error")`: the add-in
 * finds its own formats by that marker (even after closing and reopening, even if the user copied a
 * marked cell) and deletes only those. A cell with several findings gets the colour of the most severe.
 * A format's id is its priority in the collection (Excel API reference), so it shifts whenever a format
 * is added or removed: the formats are found again by their marker in the writing run itself, and
 * deleted from the lowest priority up, so no deletion shifts the next one's id.
 *
 * Message (ExcelApi 1.18): a note on the cell with the findings' messages and a last line
 * `[dplan xxxxxxxx]`, a hash of the text above it. Notes move with their cells (row inserts, deletes,
 * sorts) and undo brings back notes the add-in had removed, so the add-in recognises its notes by that
 * line, wherever they are, and never by address; a note whose text the user changed no longer matches
 * its hash and is theirs. (Notes written before this marker, remembered by address and hash in
 * markState.ts, are still recognised at their recorded cell.) A cell holding a user's note gets none.
 * Notes are capped by an estimated byte budget (NOTE_BUDGET_BYTES), because every note travels in the
 * one write request (5 MB cap on the web); the pane lists every finding.
 *
 * Users' rules Excel cannot read back (office-js #2180, #6827, #6835) must never fail a check: when
 * loading every rule's formula fails, the types are loaded first and then each custom rule's formula
 * on its own (one sync per custom rule, only then). Deleting a format can fail with ItemNotFound on a
 * cell that carries two rules (office-js #5222): the sheets are then found again and written one per
 * sync; a sheet still refused is named in the error after the others are done. A protected sheet
 * (AccessDenied on every write) is skipped and named in the outcome.
 *
 * Syncs: 2 — (1) the sheets' protection, the add-in's conditional formats and notes, and the notes at
 * the cells to be noted, (2) deletes and adds (2 more only if a sheet marked earlier has since been
 * deleted or renamed, see sheets.ts; none when there is nothing to clear). With ExcelApi 1.20 the run
 * merges into one undo step. Cell values are never written.
 */
import type { CellMark, MarkOutcome, Severity } from "../workbook/types";
import { cellAddress, cellsToAreas, areaAddress, chunkAddresses } from "./a1";
import { isItemNotFound, officeErrorCode } from "./errors";
import { contentHash, isRecordedText, mergeMarkStates, type MarkState, type MarkStateStore, type SheetMarkRecord } from "./markState";
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
}

export type { MarkOutcome };

/** The line ending each of the add-in's notes: a hash of the text above it. */
const NOTE_TAG = /\n\[dplan ([0-9a-f]{8})\]$/;

/** The note text written for `message`: the message and its tag line. */
export function taggedNote(message: string): string {
  return `${message}\n[dplan ${contentHash(message).slice(0, 8)}]`;
}

/** Whether a note's text is one the add-in wrote and nobody edited since (its tag matches its text). */
export function isTaggedNote(content: string): boolean {
  // Line ends as written ("\n"), whatever a platform hands back ("\r\n", "\r").
  const text = content.replace(/\r\n?/g, "\n");
  const tag = NOTE_TAG.exec(text);
  return tag !== null && contentHash(text.slice(0, tag.index)).slice(0, 8) === tag[1];
}

/** What the saved state and the new marks ask of one sheet. */
interface SheetDraft {
  /** Notes of the add-in by address according to an older saved state (address → hash). */
  oldNotes: Record<string, string>;
  /** The notes to write now (address → tagged text). */
  wanted: Map<string, string>;
  areas: SheetPlan["areas"];
  marked: boolean;
}

/** Everything the write needs to know about one sheet, after the finding sync. */
interface SheetWrite extends SheetDraft {
  sheet: Excel.Worksheet;
  name: string;
  id: string;
  isProtected: boolean;
  /** The add-in's conditional formats, in priority order. */
  ownFormats: Excel.ConditionalFormat[];
  /** The add-in's tagged notes, wherever they are. */
  ownNotes: Excel.Note[];
  /** The notes at the cells of oldNotes and wanted: text or null. */
  noteCells: Map<string, { content: string | null; note: Excel.Note }>;
}

interface MarkPlan {
  plans: SheetPlan[];
  noted: Set<string>;
}

interface SheetQuery extends SheetDraft {
  sheet: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
  formats: Excel.ConditionalFormatCollection;
  notes?: Excel.NoteCollection;
  probes: Map<string, Excel.Note>;
}

/**
 * Replaces the add-in's previous marks with `marks` (an empty list just clears). Runs inside one
 * Excel.run; see the module comment for the syncs.
 */
export async function replaceMarks(context: Excel.RequestContext, marks: CellMark[], options: MarkOptions): Promise<MarkOutcome> {
  const previous = options.store.read();
  const outcome: MarkOutcome = { protectedSheets: [] };
  if (previous.sheets.length === 0 && marks.length === 0) return outcome; // nothing of the add-in's to clear
  const plans = planMarks(marks.map((mark) => ({ ...mark })));
  const plan: MarkPlan = { plans, noted: options.notes ? selectNotedCells(plans, options.noteBudgetBytes) : new Set<string>() };
  const refs: SheetRef[] = [...previous.sheets.map(({ name, id }) => ({ name, id })), ...plans.map((p) => ({ name: p.sheet }))];

  const writes = await findMarks(context, refs, previous, plan, options.notes);
  const next: MarkState = { version: 1, sheets: [] };
  try {
    await commitWrites(context, writes, next, previous, options, outcome);
  } catch (error) {
    if (!isItemNotFound(error)) throw error;
    // Excel refused a delete (office-js #5222): find again and write one sheet per sync.
    const refused: string[] = [];
    const retryNext: MarkState = { version: 1, sheets: [] };
    for (const ref of dedupeRefs(refs)) {
      try {
        // Each sheet alone (2 syncs each), so one refusal stops no other sheet.
        const again = await findMarks(context, [ref], previous, plan, options.notes);
        await commitWrites(context, again, retryNext, previous, options, outcome, false);
      } catch (retryError) {
        if (!isItemNotFound(retryError)) throw retryError;
        refused.push(ref.name);
      }
    }
    await options.store.write(mergeMarkStates(retryNext, { version: 1, sheets: previous.sheets.filter((record) => refused.includes(record.name)) }));
    if (refused.length > 0) throw new MarksIncomplete(refused, error);
  }
  return outcome;
}

/** Some sheets' old marks could not be removed even one sheet at a time. */
export class MarksIncomplete extends Error {
  constructor(
    readonly sheets: string[],
    override readonly cause: unknown,
  ) {
    super(`marks incomplete on ${sheets.join(", ")}`);
  }
}

function dedupeRefs(refs: SheetRef[]): SheetRef[] {
  const byName = new Map<string, SheetRef>();
  for (const ref of refs) byName.set(ref.name, { name: ref.name, id: ref.id ?? byName.get(ref.name)?.id });
  return [...byName.values()];
}

/** The finding sync: protection, the add-in's formats and notes, the notes at the cells concerned. */
async function findMarks(context: Excel.RequestContext, refs: SheetRef[], previous: MarkState, { plans, noted }: MarkPlan, notes: boolean): Promise<SheetWrite[]> {
  const queue = (sheets: Map<string, Excel.Worksheet>, formatPaths: string) => {
    const bySheet = new Map<Excel.Worksheet, SheetQuery>();
    for (const [name, sheet] of sheets) {
      // A sheet renamed since the last check is reached under its old and its new name: one entry.
      let entry = bySheet.get(sheet);
      if (!entry) {
        entry = { ...emptyDraft(), sheet, protection: sheet.protection, formats: sheet.getRange().conditionalFormats, probes: new Map() };
        bySheet.set(sheet, entry);
      }
      Object.assign(entry.oldNotes, previous.sheets.find((record) => record.name === name)?.notes ?? {});
      addPlans(entry, name, plans, noted);
    }
    for (const entry of bySheet.values()) {
      entry.protection.load("protected");
      entry.formats.load(formatPaths);
      if (notes) {
        entry.notes = entry.sheet.notes;
        entry.notes.load("items/content");
        for (const address of new Set([...Object.keys(entry.oldNotes), ...entry.wanted.keys()])) {
          const note = entry.sheet.notes.getItemOrNullObject(address);
          note.load("content");
          entry.probes.set(address, note);
        }
      }
    }
    return [...bySheet.values()];
  };

  let queries: SheetQuery[];
  let formulasLoaded = true;
  try {
    ({ queued: queries } = await loadOnSheets(context, refs, (sheets) => queue(sheets, "items/type,items/customOrNullObject/rule/formula")));
  } catch (error) {
    if (isItemNotFound(error) || !isOfficeError(error)) throw error;
    // A user's rule Excel cannot read: the types first, then each custom rule's formula.
    ({ queued: queries } = await loadOnSheets(context, refs, (sheets) => queue(sheets, "items/type")));
    formulasLoaded = false;
  }
  const ownFormats = formulasLoaded ? queries.map((query) => query.formats.items.filter(isMarkFormat)) : await findOwnFormatsOneByOne(context, queries);

  return queries.map((query, i) => ({
    oldNotes: query.oldNotes,
    wanted: query.wanted,
    areas: query.areas,
    marked: query.marked,
    sheet: query.sheet,
    name: query.sheet.name,
    id: query.sheet.id,
    isProtected: query.protection.protected,
    ownFormats: ownFormats[i],
    ownNotes: (query.notes?.items ?? []).filter((note) => isTaggedNote(note.content)),
    noteCells: new Map([...query.probes].map(([address, note]) => [address, { content: note.isNullObject ? null : note.content, note }])),
  }));
}

/** Custom rules' formulas loaded together, else one rule per sync; a rule that cannot be read is a user's. */
async function findOwnFormatsOneByOne(context: Excel.RequestContext, queries: SheetQuery[]): Promise<Excel.ConditionalFormat[][]> {
  const custom = queries.map((query) => query.formats.items.filter((format) => format.type === "Custom"));
  const all = custom.flat();
  for (const format of all) format.customOrNullObject.rule.load("formula");
  try {
    await context.sync();
    return custom.map((formats) => formats.filter(isMarkFormat));
  } catch {
    // One of them is unreadable: ask each alone.
  }
  const readable = new Set<Excel.ConditionalFormat>();
  for (const format of all) {
    format.customOrNullObject.rule.load("formula");
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- only when a user's rule cannot be read, one sync per custom rule
      await context.sync();
      readable.add(format);
    } catch {
      // A user's rule Excel cannot read back: not the add-in's (its own rules always read).
    }
  }
  return custom.map((formats) => formats.filter((format) => readable.has(format) && isMarkFormula(format.customOrNullObject.rule.formula)));
}

function isOfficeError(error: unknown): boolean {
  return officeErrorCode(error) !== undefined;
}

function emptyDraft(): SheetDraft {
  return { oldNotes: {}, wanted: new Map(), areas: [], marked: false };
}

function addPlans(entry: SheetDraft, name: string, plans: SheetPlan[], noted: Set<string>): void {
  for (const plan of plans.filter((p) => p.sheet === name)) {
    entry.marked = entry.marked || plan.cells.length > 0;
    entry.areas.push(...plan.areas);
    for (const cell of plan.cells) if (noted.has(noteKey(name, cell.address))) entry.wanted.set(cell.address, taggedNote(cell.note));
  }
}

/** The write sync: remove the add-in's old marks, add the new ones, then save what the add-in owns now. */
async function commitWrites(
  context: Excel.RequestContext,
  writes: SheetWrite[],
  next: MarkState,
  previous: MarkState,
  options: MarkOptions,
  outcome: MarkOutcome,
  saveState = true,
): Promise<void> {
  const records = new Map<SheetMarkRecord, SheetWrite>();
  for (const write of writes) {
    const { sheet, oldNotes, wanted, areas, marked, ownFormats, ownNotes, noteCells } = write;
    if (write.isProtected) {
      // AccessDenied on any write: left as it is, named to the user; its record stays for a later clear.
      if (marked && !outcome.protectedSheets.includes(write.name)) outcome.protectedSheets.push(write.name);
      const kept = previous.sheets.find((record) => record.id === write.id || record.name === write.name);
      if (kept) next.sheets.push({ ...kept, name: write.name, id: write.id });
      continue;
    }
    // Lowest priority first: deleting it shifts no id of the formats still to delete.
    for (const format of [...ownFormats].reverse()) format.delete();
    for (const note of ownNotes) note.delete();
    const record: SheetMarkRecord = { name: write.name, id: write.id, notes: {} };
    for (const [address, cell] of noteCells) {
      const tagged = cell.content !== null && isTaggedNote(cell.content);
      const recorded = cell.content !== null && !tagged && isRecordedText(cell.content, oldNotes[address]);
      if (recorded) cell.note.delete(); // an older note of the add-in's, known by address
      const free = cell.content === null || tagged || recorded;
      const text = wanted.get(address);
      if (text !== undefined && free) {
        sheet.notes.add(sheet.getRange(address), text);
        // Also remembered by address: the sheet stays in the state (an Excel without notes keeps it for a newer one).
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

  // A sheet marked for the first time is remembered before the write, so a batch failing half-way
  // never leaves formats on a sheet the state does not name.
  if (saveState && next.sheets.some((record) => !previous.sheets.some((old) => old.name === record.name))) {
    await options.store.write(mergeMarkStates(previous, next));
  }
  await context.sync();
  // The sheet's current name.
  for (const [record, write] of records) record.name = write.sheet.name;
  if (saveState) await options.store.write(next);
}
