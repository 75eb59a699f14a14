/**
 * Live check in Excel (Kiểm tra khi nhập liệu): `worksheet.onChanged` (ExcelApi 1.7) on the recognised
 * plan sheets, registered from the shared runtime so it works with the pane closed.
 *
 * Events are coalesced (DEBOUNCE_MS after the last one: a paste of 500 rows is one update); events the
 * add-in caused itself (`triggerSource` "ThisLocalAddin", ExcelApi 1.14) are ignored. One update is one
 * Excel.run with two syncs whatever the plan size: (1) the edited ranges' values (a whole sheet after
 * rows or columns were inserted or deleted), the conditional formats and protection of the plan sheets, and
 * the notes at the edited cells and at the cells the add-in noted; (2) the marks of the cells whose
 * findings changed — colour and note — and nothing else. A sheet read in full is read within a window (its
 * grid and LIVE_WINDOW_MARGIN): one whose used range reaches past it (a stray value at XFD1048576) costs
 * one more sync, or two when far cells are cut as the full check cuts them (readSheets.ts readUsedRanges).
 *
 * Colours: the add-in's conditional formats are found by their marker formula (marks.ts), never by a
 * remembered id (Excel's ids are priorities and shift as formats come and go); a sheet whose marks changed
 * gets its formats replaced by ones for its current marks (a few formats per severity). Notes carry the
 * "[dplan …]" tag line of marks.ts and follow its rules: only where the cell has no note of the user's, and
 * only while the add-in's text is unchanged; a cell with no note probed in sync 1 keeps its note as it is
 * (the pane lists every finding). A protected sheet is left as it is.
 */
import type { LiveResult, LiveSession, SheetEdit } from "../app/liveCheck";
import type { Locale } from "../i18n";
import type { CellArea, CellMark, CellPosition, MarkChanges, SheetGrid } from "../workbook/types";
import { cellAddress, MAX_COLUMNS, MAX_ROWS, parseArea, parseAreas } from "./a1";
import { fromExcelRows } from "./cellValues";
import { MAX_GRID_CELLS } from "../domain/gridExtent";
import { clipArea, DEFAULT_READ_LIMITS, readUsedRanges, type SheetRead } from "./readSheets";
import { contentHash, isRecordedText, type MarkState, type MarkStateStore } from "./markState";
import { isMarkFormat, isTaggedNote, markFormula, planMarks, SEVERITY_COLORS, taggedNote } from "./marks";

export const DEBOUNCE_MS = 300;
/** Notes probed per update at most (the add-in's notes on the edited sheets, then the edited cells). */
export const MAX_NOTE_PROBES = 5_000;
/**
 * What an update reads at most of a sheet, beyond the grid the session holds: rows below it (new rows typed or
 * inserted; a tenth of the grid's rows when more) and columns right of it, within the grid budget. Only the
 * used part of the window is read, so the margins cost nothing until used. An edit outside the window, or a
 * sheet whose used range reaches past it (a stray value at XFD1048576), is read as the full check reads it.
 */
export const LIVE_WINDOW_MARGIN = { rows: 2_000, columns: 50 } as const;

const STRUCTURAL = new Set(["RowInserted", "RowDeleted", "ColumnInserted", "ColumnDeleted", "CellInserted", "CellDeleted"]);

export interface LiveServices {
  liveSession(): LiveSession | undefined;
  liveApply(edits: SheetEdit[]): LiveResult | undefined;
  onLiveSession(listener: (session: LiveSession | undefined) => void): () => void;
}

export interface LiveExcelOptions {
  /** Notes can be written (ExcelApi 1.18). */
  notes: boolean;
  store: MarkStateStore;
  debounceMs?: number;
  /** Reports failures (the pane's command error); an update that fails changes nothing else. */
  onError?(error: unknown): void;
  /** Language of the host's messages (a sheet too large to read); Vietnamese by default. */
  locale?: Locale;
}

/** What one update did, for tests and the benchmark. */
export interface LiveRunReport {
  rows: number;
  marksSet: number;
  marksCleared: number;
}

interface ChangeEvent {
  worksheetId: string;
  address: string;
  changeType: string;
  triggerSource?: string;
}

/** A sheet's conditional formats and protection, loaded in an update's first sync. */
interface SheetFormats {
  sheet: Excel.Worksheet;
  name: string;
  formats: Excel.ConditionalFormatCollection;
}

const key = (sheet: string, row: number, column: number) => `${sheet}\u0000${row}\u0000${column}`;

export class ExcelLiveCheck {
  private readonly registered = new Set<string>();
  /** Sheet id → name, as of the last run. */
  private readonly names = new Map<string, string>();
  private pending: ChangeEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private attached = false;
  readonly reports: LiveRunReport[] = [];

  constructor(
    private readonly services: LiveServices,
    private readonly options: LiveExcelOptions,
  ) {
    services.onLiveSession((session) => void this.enqueue(() => (session ? this.attach(session) : this.detach())));
    // A check made before this code loaded: follow it too.
    const current = services.liveSession();
    if (current) void this.enqueue(() => this.attach(current));
  }

  /** Resolves when every update queued so far has run (tests; the pane never waits). */
  async idle(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.enqueue(() => this.flush());
    }
    await this.queue;
  }

  private enqueue(task: () => Promise<unknown>): Promise<unknown> {
    this.queue = this.queue.then(task).catch((error: unknown) => this.options.onError?.(error));
    return this.queue;
  }

  private onChanged = async (event: ChangeEvent): Promise<void> => {
    // The add-in's own writes (quick fixes, reports, lists) are not the officer's edits.
    if (event.triggerSource === "ThisLocalAddin" || !this.attached) return;
    this.pending.push({ worksheetId: event.worksheetId, address: event.address, changeType: event.changeType });
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.enqueue(() => this.flush());
    }, this.options.debounceMs ?? DEBOUNCE_MS);
  };

  private async detach(): Promise<void> {
    this.attached = false;
    this.pending = [];
  }

  /**
   * After a check: listens on the plan sheets, and puts the session's colours again (the add-in's formats
   * found by their marker, not by id: Excel's ids are priorities and shift). Syncs: 2.
   */
  private async attach(session: LiveSession): Promise<void> {
    this.attached = false;
    const planSheets = session.planSheets();
    await Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/id,items/name");
      const found = planSheets.map((name) => this.queueFormats(worksheets.getItem(name), name));
      await context.sync();
      for (const sheet of worksheets.items) {
        this.names.set(sheet.id, sheet.name);
        if (planSheets.includes(sheet.name) && !this.registered.has(sheet.id)) {
          sheet.onChanged.add((event) => this.onChanged(event as ChangeEvent));
          this.registered.add(sheet.id);
        }
      }
      const marks = session.marks();
      for (const entry of found) this.recolour(entry, marks);
      await context.sync();
    });
    this.attached = true;
  }

  /** Loads a sheet's conditional formats (to find the add-in's by marker) and its protection. */
  private queueFormats(sheet: Excel.Worksheet, name: string): SheetFormats {
    const formats = sheet.getRange().conditionalFormats;
    formats.load("items/type,items/customOrNullObject/rule/formula");
    sheet.protection.load("protected");
    return { sheet, name, formats };
  }

  /**
   * Replaces the add-in's formats on one sheet by ones for `marks` on it (the most severe colour per cell).
   * A protected sheet is left as it is (every write would be refused).
   */
  private recolour(entry: SheetFormats, marks: readonly CellMark[]): void {
    if (entry.sheet.protection.protected) return;
    // Lowest priority first: deleting it shifts no id of the formats still to delete.
    for (const format of entry.formats.items.filter(isMarkFormat).reverse()) format.delete();
    for (const plan of planMarks(marks.filter((mark) => mark.sheet === entry.name))) {
      for (const { severity, address } of plan.areas) {
        const format = entry.sheet.getRanges(address).conditionalFormats.add("Custom");
        format.custom.rule.formula = markFormula(severity);
        format.custom.format.fill.color = SEVERITY_COLORS[severity].fill;
        format.custom.format.font.color = SEVERITY_COLORS[severity].font;
      }
    }
  }

  /** One update: read what changed, re-check, re-mark the cells whose findings changed. Syncs: 2 (1 when no finding changed). */
  private async flush(): Promise<void> {
    const events = this.pending;
    this.pending = [];
    const session = this.services.liveSession();
    if (events.length === 0 || !session) return;
    await Excel.run(async (context) => {
      const bySheet = new Map<string, ChangeEvent[]>();
      for (const event of events) bySheet.set(event.worksheetId, [...(bySheet.get(event.worksheetId) ?? []), event]);
      const reads: { id: string; sheet: Excel.Worksheet; ranges: Excel.Range[]; whole?: WholeSheetRead }[] = [];
      const state = this.options.store.read();
      const probes = new Map<string, { sheet: Excel.Worksheet; address: string; note: Excel.Note }>();
      // The add-in's formats on every plan sheet: a finding on another sheet (a duplicate) may change too.
      const formats = new Map<string, SheetFormats>();
      for (const [id, name] of this.names) if (session.isPlanSheet(name) || bySheet.has(id)) formats.set(id, this.queueFormats(context.workbook.worksheets.getItem(id), name));
      for (const [id, list] of bySheet) {
        const sheet = context.workbook.worksheets.getItem(id);
        sheet.load("name");
        const known = this.names.get(id);
        const window = readWindow(known === undefined ? undefined : session.gridArea(known));
        const structural = list.some((event) => STRUCTURAL.has(event.changeType) || !insideWindow(event.address, window));
        const read: (typeof reads)[number] = { id, sheet, ranges: [] };
        if (structural) read.whole = queueWholeSheet(sheet, window);
        else {
          for (const event of list) {
            const range = sheet.getRange(event.address);
            range.load("rowIndex,columnIndex,values");
            read.ranges.push(range);
          }
        }
        reads.push(read);
      }
      if (this.options.notes) this.queueProbes(context, session, bySheet, state, probes);
      await context.sync();

      const edits: SheetEdit[] = [];
      const beyond: { reads: SheetRead[]; grids: SheetGrid[] } = { reads: [], grids: [] };
      for (const read of reads) {
        const known = this.names.get(read.id);
        const name = read.sheet.name;
        this.names.set(read.id, name);
        const entry = formats.get(read.id);
        if (entry) entry.name = name;
        if (read.whole || (known !== undefined && known !== name)) {
          // Rows or columns moved, an edit far out, or the sheet was renamed: that sheet is read again in full.
          if (read.whole) edits.push({ sheet: known ?? name, kind: "sheet", grid: wholeGrid(name, read.sheet, read.whole, beyond) });
          else this.pending.push({ worksheetId: read.id, address: "A1", changeType: "RowInserted" });
          continue;
        }
        const changes = read.ranges.flatMap((range) =>
          fromExcelRows(range.values).flatMap((line, r) => line.map((value, c) => ({ row: range.rowIndex + 1 + r, column: range.columnIndex + 1 + c, value }))),
        );
        edits.push({ sheet: name, kind: "cells", changes });
      }
      if (beyond.grids.length > 0) {
        // Used ranges reaching past their window: 1 or 2 more syncs (special cells when far cells are cut).
        await readUsedRanges(context, beyond.reads, beyond.grids, { limits: DEFAULT_READ_LIMITS, locale: this.options.locale ?? "vi" });
        for (const grid of beyond.grids) {
          if (grid.unreadable !== undefined) grid.merges = [];
          else if (grid.farCells) {
            const extent = extentOf(grid);
            grid.merges = grid.merges.flatMap((merge) => clipArea(merge, extent));
          }
        }
      }
      if (this.pending.length > 0) setTimeout(() => void this.enqueue(() => this.flush()), 0);
      const result = this.services.liveApply(edits);
      if (!result) return;
      const { set, clear } = result.marks;
      this.reports.push({ rows: result.rows, marksSet: set.length, marksCleared: clear.length });
      if (set.length === 0 && clear.length === 0) return;

      const changedSheets = new Set([...set, ...clear].map((cell) => cell.sheet));
      const marks = session.marks();
      for (const entry of formats.values()) if (changedSheets.has(entry.name)) this.recolour(entry, marks);
      const protectedSheets = new Set([...formats.values()].filter((entry) => entry.sheet.protection.protected).map((entry) => entry.name));
      const notes = this.options.notes ? this.writeNotes(result.marks, probes, state, protectedSheets) : undefined;
      await context.sync();
      if (notes) await this.options.store.write(notes);
    });
  }

  /**
   * Notes to look at in the first sync, up to MAX_NOTE_PROBES: the edited cells, the cells whose findings the
   * edit may change as the kept indexes tell (the other cells of the edited delegations, the first cell and
   * the rule's cells of every delegation a cross-row rule links to them), then the add-in's own notes on the
   * edited sheets (a row the edit links anew may hold one). So a note is written on every changed cell but
   * those only the new values link to, which keep theirs until the next update touching them or the next check.
   */
  private queueProbes(
    context: Excel.RequestContext,
    session: LiveSession,
    bySheet: Map<string, ChangeEvent[]>,
    state: MarkState,
    probes: Map<string, { sheet: Excel.Worksheet; address: string; note: Excel.Note }>,
  ): void {
    const wanted = new Map<string, Set<string>>();
    let count = 0;
    const want = (sheet: string, address: string) => {
      if (count >= MAX_NOTE_PROBES) return;
      let addresses = wanted.get(sheet);
      if (!addresses) wanted.set(sheet, (addresses = new Set()));
      if (addresses.has(address)) return;
      addresses.add(address);
      count++;
    };
    const editedSheets: string[] = [];
    for (const [id, events] of bySheet) {
      const name = this.names.get(id);
      if (name === undefined) continue;
      editedSheets.push(name);
      const rows = new Set<number>();
      for (const event of events) {
        if (STRUCTURAL.has(event.changeType)) continue;
        const area = parseArea(event.address);
        for (let row = area.top; row <= area.bottom && count < MAX_NOTE_PROBES; row++) {
          rows.add(row);
          for (let column = area.left; column <= area.right && count < MAX_NOTE_PROBES; column++) want(name, cellAddress(row, column));
        }
      }
      for (const cell of session.cellsAffectedBy(name, rows)) want(cell.sheet, cellAddress(cell.row, cell.column));
    }
    for (const name of editedSheets) for (const address of Object.keys(state.sheets.find((record) => record.name === name)?.notes ?? {})) want(name, address);
    // By id: ids stay when a sheet is renamed, names as last seen may not.
    const idOf = new Map([...this.names].map(([id, name]) => [name, id]));
    for (const [name, addresses] of wanted) {
      const id = idOf.get(name);
      if (id === undefined) continue;
      const sheet = context.workbook.worksheets.getItem(id);
      for (const address of addresses) {
        const note = sheet.notes.getItemOrNullObject(address);
        note.load("content");
        probes.set(key(name, ...rowColumn(address)), { sheet, address, note });
      }
    }
  }

  /** Queues the note changes of the changed cells that were probed; returns the mark state to save after the sync. */
  private writeNotes(changes: MarkChanges, probes: Map<string, { sheet: Excel.Worksheet; address: string; note: Excel.Note }>, state: MarkState, protectedSheets: Set<string>): MarkState {
    const next: MarkState = structuredClone(state);
    const recordOf = (sheet: string) => {
      let record = next.sheets.find((candidate) => candidate.name === sheet);
      if (!record) next.sheets.push((record = { name: sheet, notes: {} }));
      return record;
    };
    const apply = (cell: CellPosition, text: string | undefined) => {
      const probe = probes.get(key(cell.sheet, cell.row, cell.column));
      if (!probe || protectedSheets.has(cell.sheet)) return;
      const record = recordOf(cell.sheet);
      const content = probe.note.isNullObject ? null : probe.note.content;
      // The add-in's notes: tagged (see marks.ts), or an older untagged one known by its hash.
      const ours = content !== null && (isTaggedNote(content) || isRecordedText(content, record.notes[probe.address]));
      if (ours && text !== undefined) {
        if (content !== text) probe.note.content = text;
        record.notes[probe.address] = contentHash(text);
      } else if (ours) {
        probe.note.delete();
        delete record.notes[probe.address];
      } else if (text !== undefined && content === null) {
        probe.sheet.notes.add(probe.sheet.getRange(probe.address), text);
        record.notes[probe.address] = contentHash(text);
      }
    };
    for (const cell of changes.clear) apply(cell, undefined);
    for (const mark of changes.set) apply(mark, taggedNote(mark.message));
    return next;
  }
}

function rowColumn(address: string): [number, number] {
  const area = parseArea(address);
  return [area.top, area.left];
}

/** A sheet read in full by an update: its used range's size, the used part of its window with values, its merged areas. */
interface WholeSheetRead {
  used: Excel.Range;
  window: CellArea;
  windowed: Excel.Range;
  merged: Excel.RangeAreas;
}

/** The rows and columns from A1 an update reads of a sheet: its grid and the margins (LIVE_WINDOW_MARGIN). */
export function readWindow(grid: CellArea | undefined): CellArea {
  const bottom = grid?.bottom ?? 1;
  const rows = grid ? grid.bottom - grid.top + 1 : 0;
  const right = Math.min(MAX_COLUMNS, (grid?.right ?? 1) + LIVE_WINDOW_MARGIN.columns);
  // The margin below shrinks before the window outgrows the grid budget (never below the grid itself).
  const budgetRows = Math.max(bottom, Math.floor(MAX_GRID_CELLS / right));
  return { top: 1, left: 1, bottom: Math.min(MAX_ROWS, budgetRows, bottom + Math.max(LIVE_WINDOW_MARGIN.rows, Math.ceil(rows / 10))), right };
}

function insideWindow(address: string, window: CellArea): boolean {
  try {
    return parseAreas(address).every((area) => area.bottom <= window.bottom && area.right <= window.right);
  } catch {
    return false;
  }
}

/**
 * Queues a full read of a sheet within the first sync: the used range's size, and the values of the used part of
 * its window only (a used range of 17 billion cells is never asked for its values).
 */
function queueWholeSheet(sheet: Excel.Worksheet, window: CellArea): WholeSheetRead {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const windowed = sheet.getRangeByIndexes(0, 0, window.bottom, window.right).getUsedRangeOrNullObject(true);
  windowed.load("rowIndex,columnIndex,values");
  const merged = sheet.getRange().getMergedAreasOrNullObject();
  merged.load("address");
  return { used, window, windowed, merged };
}

/** The grid of a sheet read in full; a used range past its window is left to `beyond` (read after the first sync). */
function wholeGrid(name: string, sheet: Excel.Worksheet, read: WholeSheetRead, beyond: { reads: SheetRead[]; grids: SheetGrid[] }): SheetGrid {
  const merges = read.merged.isNullObject ? [] : parseAreas(read.merged.address);
  const { used, window, windowed } = read;
  if (used.isNullObject) return { name, originRow: 1, originCol: 1, values: [], merges };
  const bottom = used.rowIndex + used.rowCount;
  const right = used.columnIndex + used.columnCount;
  if (bottom <= window.bottom && right <= window.right && !windowed.isNullObject) {
    // The used range lies in the window: the window's used range is the same range.
    return { name, originRow: windowed.rowIndex + 1, originCol: windowed.columnIndex + 1, values: fromExcelRows(windowed.values), merges };
  }
  const grid: SheetGrid = { name, originRow: used.rowIndex + 1, originCol: used.columnIndex + 1, values: [], merges };
  beyond.reads.push({ sheet, used });
  beyond.grids.push(grid);
  return grid;
}

function extentOf(grid: SheetGrid): CellArea {
  const width = grid.values.reduce((most, line) => Math.max(most, line.length), 1);
  return { top: grid.originRow, left: grid.originCol, bottom: grid.originRow + Math.max(grid.values.length, 1) - 1, right: grid.originCol + width - 1 };
}
