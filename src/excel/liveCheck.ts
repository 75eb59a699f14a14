/**
 * Live check in Excel (Kiểm tra khi nhập liệu): `worksheet.onChanged` (ExcelApi 1.7) on the recognised
 * plan sheets, registered from the shared runtime so it works with the pane closed.
 *
 * Events are coalesced (DEBOUNCE_MS after the last one: a paste of 500 rows is one update); events the
 * add-in caused itself (`triggerSource` "ThisLocalAddin", ExcelApi 1.14) are ignored. One update is one
 * Excel.run with two syncs whatever the plan size: (1) the edited ranges' values (a whole sheet after
 * rows or columns were inserted or deleted), which of the add-in's conditional formats still exist, and
 * the notes at the edited cells and at the cells the add-in noted; (2) the marks of the cells whose
 * findings changed — colour and note — and nothing else.
 *
 * Colours: the add-in keeps, per conditional format it made, the cells it covers (after a check, the
 * session re-applies the colours once so it knows them: `attach`, two syncs). A cell whose mark changes
 * leaves its format (the format is replaced by one over its other cells) and gets a new one. Notes follow
 * the rules of marks.ts: only where the cell has no note of the user's, and only while the add-in's text is
 * unchanged; a cell with no note probed in sync 1 keeps its note as it is (the pane lists every finding).
 */
import type { LiveResult, LiveSession, SheetEdit } from "../app/liveCheck";
import type { CellMark, CellPosition, MarkChanges, Severity } from "../workbook/types";
import { areaAddress, cellAddress, cellsToAreas, chunkAddresses, parseArea, parseAreas } from "./a1";
import { fromExcelRows } from "./cellValues";
import { contentHash, isRecordedText, type MarkState, type MarkStateStore } from "./markState";
import { isMarkFormula, markFormula, MAX_ADDRESS_LENGTH, SEVERITY_COLORS } from "./marks";

export const DEBOUNCE_MS = 300;
/** Notes probed per update at most (the add-in's notes on the edited sheets, then the edited cells). */
export const MAX_NOTE_PROBES = 5_000;

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

interface OwnFormat {
  id: string;
  sheet: string;
  severity: Severity;
  cells: CellPosition[];
}

const key = (sheet: string, row: number, column: number) => `${sheet}\u0000${row}\u0000${column}`;

export class ExcelLiveCheck {
  private readonly registered = new Set<string>();
  /** Sheet id → name, as of the last run. */
  private readonly names = new Map<string, string>();
  private pending: ChangeEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly formats = new Map<string, OwnFormat>();
  private readonly formatOfCell = new Map<string, string>();
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
   * After a check: listens on the plan sheets, and puts the session's colours again as formats whose
   * cells it knows. Syncs: 2.
   */
  private async attach(session: LiveSession): Promise<void> {
    this.attached = false;
    this.formats.clear();
    this.formatOfCell.clear();
    const planSheets = session.planSheets();
    await Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/id,items/name");
      const formatsBySheet = new Map<string, Excel.ConditionalFormatCollection>();
      for (const name of planSheets) {
        const formats = worksheets.getItem(name).getRange().conditionalFormats;
        formats.load("items/type,items/customOrNullObject/rule/formula");
        formatsBySheet.set(name, formats);
      }
      await context.sync();
      for (const sheet of worksheets.items) {
        this.names.set(sheet.id, sheet.name);
        if (planSheets.includes(sheet.name) && !this.registered.has(sheet.id)) {
          sheet.onChanged.add((event) => this.onChanged(event as ChangeEvent));
          this.registered.add(sheet.id);
        }
      }
      for (const formats of formatsBySheet.values()) {
        for (const format of formats.items) if (format.type === "Custom" && !format.customOrNullObject.isNullObject && isMarkFormula(format.customOrNullObject.rule.formula)) format.delete();
      }
      const added = this.addFormats(context, session.marks().filter((mark) => planSheets.includes(mark.sheet)));
      await context.sync();
      this.remember(added);
    });
    this.attached = true;
  }

  /** One update: read what changed, re-check, re-mark the cells whose findings changed. Syncs: 2 (1 when no finding changed). */
  private async flush(): Promise<void> {
    const events = this.pending;
    this.pending = [];
    if (events.length === 0 || !this.services.liveSession()) return;
    await Excel.run(async (context) => {
      const bySheet = new Map<string, ChangeEvent[]>();
      for (const event of events) bySheet.set(event.worksheetId, [...(bySheet.get(event.worksheetId) ?? []), event]);
      const reads: { id: string; sheet: Excel.Worksheet; ranges: Excel.Range[]; used?: Excel.Range; merged?: Excel.RangeAreas; formats: Excel.ConditionalFormatCollection }[] = [];
      const state = this.options.store.read();
      const probes = new Map<string, { sheet: Excel.Worksheet; address: string; note: Excel.Note }>();
      for (const [id, list] of bySheet) {
        const sheet = context.workbook.worksheets.getItem(id);
        const formats = context.workbook.worksheets.getItem(id).getRange().conditionalFormats;
        formats.load("items/id");
        sheet.load("name");
        const structural = list.some((event) => STRUCTURAL.has(event.changeType));
        const read: (typeof reads)[number] = { id, sheet, ranges: [], formats };
        if (structural) {
          read.used = sheet.getUsedRangeOrNullObject(true);
          read.used.load("rowIndex,columnIndex,values");
          read.merged = sheet.getRange().getMergedAreasOrNullObject();
          read.merged.load("address");
        } else {
          for (const event of list) {
            const range = sheet.getRange(event.address);
            range.load("rowIndex,columnIndex,values");
            read.ranges.push(range);
          }
        }
        reads.push(read);
        if (this.options.notes) this.queueProbes(sheet, this.names.get(id) ?? "", list, state, probes);
      }
      await context.sync();

      const edits: SheetEdit[] = [];
      const existing = new Set<string>();
      for (const read of reads) {
        for (const format of read.formats.items) existing.add(format.id);
        const known = this.names.get(read.id);
        const name = read.sheet.name;
        this.names.set(read.id, name);
        if (read.used || (known !== undefined && known !== name)) {
          // Rows or columns moved, or the sheet was renamed: that sheet is read again in full.
          if (read.used) edits.push({ sheet: known ?? name, kind: "sheet", grid: gridOf(name, read.used, read.merged) });
          else this.pending.push({ worksheetId: read.id, address: "A1", changeType: "RowInserted" });
          continue;
        }
        const changes = read.ranges.flatMap((range) =>
          fromExcelRows(range.values).flatMap((line, r) => line.map((value, c) => ({ row: range.rowIndex + 1 + r, column: range.columnIndex + 1 + c, value }))),
        );
        edits.push({ sheet: name, kind: "cells", changes });
      }
      if (this.pending.length > 0) setTimeout(() => void this.enqueue(() => this.flush()), 0);
      const result = this.services.liveApply(edits);
      if (!result) return;
      const { set, clear } = result.marks;
      this.reports.push({ rows: result.rows, marksSet: set.length, marksCleared: clear.length });
      if (set.length === 0 && clear.length === 0) return;

      const added = this.rewriteFormats(context, result.marks, existing);
      const notes = this.options.notes ? this.writeNotes(result.marks, probes, state) : undefined;
      await context.sync();
      this.remember(added);
      if (notes) await this.options.store.write(notes);
    });
  }

  /** Notes to look at: the add-in's notes on these sheets and the edited cells, up to MAX_NOTE_PROBES. */
  private queueProbes(sheet: Excel.Worksheet, name: string, events: ChangeEvent[], state: MarkState, probes: Map<string, { sheet: Excel.Worksheet; address: string; note: Excel.Note }>): void {
    const addresses = new Set(Object.keys(state.sheets.find((record) => record.name === name)?.notes ?? {}));
    for (const event of events) {
      if (STRUCTURAL.has(event.changeType)) continue;
      const area = parseArea(event.address);
      for (let row = area.top; row <= area.bottom && addresses.size < MAX_NOTE_PROBES; row++) {
        for (let column = area.left; column <= area.right && addresses.size < MAX_NOTE_PROBES; column++) addresses.add(cellAddress(row, column));
      }
    }
    for (const address of [...addresses].slice(0, MAX_NOTE_PROBES)) {
      const note = sheet.notes.getItemOrNullObject(address);
      note.load("content");
      probes.set(key(name, ...rowColumn(address)), { sheet, address, note });
    }
  }

  /** Formats over the changed cells are replaced by ones over their other cells; the new marks get new formats. */
  private rewriteFormats(context: Excel.RequestContext, changes: MarkChanges, existing: Set<string>): ReturnType<ExcelLiveCheck["addFormats"]> {
    const changed = new Set([...changes.set, ...changes.clear].map((cell) => key(cell.sheet, cell.row, cell.column)));
    const touched = new Set<string>();
    for (const cell of changed) {
      const id = this.formatOfCell.get(cell);
      if (id) touched.add(id);
    }
    const kept: CellMark[] = [];
    for (const id of touched) {
      const format = this.formats.get(id)!;
      this.forget(format);
      if (!existing.has(id)) continue; // deleted by the user meanwhile: nothing of it to keep
      context.workbook.worksheets.getItem(format.sheet).getRange().conditionalFormats.getItem(id).delete();
      for (const cell of format.cells) if (!changed.has(key(cell.sheet, cell.row, cell.column))) kept.push({ ...cell, severity: format.severity, message: "" });
    }
    return this.addFormats(context, [...kept, ...changes.set]);
  }

  /** Queues one format per sheet, severity and address chunk; returns them to remember after the sync. */
  private addFormats(context: Excel.RequestContext, marks: readonly CellMark[]): { format: Excel.ConditionalFormat; own: Omit<OwnFormat, "id"> }[] {
    const groups = new Map<string, { sheet: string; severity: Severity; cells: CellPosition[] }>();
    for (const mark of marks) {
      const group = groups.get(`${mark.sheet}\u0000${mark.severity}`) ?? { sheet: mark.sheet, severity: mark.severity, cells: [] };
      groups.set(`${mark.sheet}\u0000${mark.severity}`, group);
      group.cells.push({ sheet: mark.sheet, row: mark.row, column: mark.column });
    }
    const added: { format: Excel.ConditionalFormat; own: Omit<OwnFormat, "id"> }[] = [];
    for (const { sheet, severity, cells } of groups.values()) {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      for (const address of chunkAddresses(cellsToAreas(cells).map(areaAddress), MAX_ADDRESS_LENGTH)) {
        const format = worksheet.getRanges(address).conditionalFormats.add("Custom");
        format.custom.rule.formula = markFormula(severity);
        format.custom.format.fill.color = SEVERITY_COLORS[severity].fill;
        format.custom.format.font.color = SEVERITY_COLORS[severity].font;
        format.load("id");
        const covered = parseAreas(address).flatMap((area) => {
          const list: CellPosition[] = [];
          for (let row = area.top; row <= area.bottom; row++) for (let column = area.left; column <= area.right; column++) list.push({ sheet, row, column });
          return list;
        });
        added.push({ format, own: { sheet, severity, cells: covered } });
      }
    }
    return added;
  }

  private remember(added: { format: Excel.ConditionalFormat; own: Omit<OwnFormat, "id"> }[]): void {
    for (const { format, own } of added) {
      const entry: OwnFormat = { id: format.id, ...own };
      this.formats.set(entry.id, entry);
      for (const cell of entry.cells) this.formatOfCell.set(key(cell.sheet, cell.row, cell.column), entry.id);
    }
  }

  private forget(format: OwnFormat): void {
    this.formats.delete(format.id);
    for (const cell of format.cells) if (this.formatOfCell.get(key(cell.sheet, cell.row, cell.column)) === format.id) this.formatOfCell.delete(key(cell.sheet, cell.row, cell.column));
  }

  /** Queues the note changes of the changed cells that were probed; returns the mark state to save after the sync. */
  private writeNotes(changes: MarkChanges, probes: Map<string, { sheet: Excel.Worksheet; address: string; note: Excel.Note }>, state: MarkState): MarkState {
    const next: MarkState = structuredClone(state);
    const recordOf = (sheet: string) => {
      let record = next.sheets.find((candidate) => candidate.name === sheet);
      if (!record) next.sheets.push((record = { name: sheet, notes: {} }));
      return record;
    };
    const apply = (cell: CellPosition, text: string | undefined) => {
      const probe = probes.get(key(cell.sheet, cell.row, cell.column));
      if (!probe) return;
      const record = recordOf(cell.sheet);
      const content = probe.note.isNullObject ? null : probe.note.content;
      const ours = content !== null && isRecordedText(content, record.notes[probe.address]);
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
    for (const mark of changes.set) apply(mark, mark.message);
    return next;
  }
}

function rowColumn(address: string): [number, number] {
  const area = parseArea(address);
  return [area.top, area.left];
}

function gridOf(name: string, used: Excel.Range, merged: Excel.RangeAreas | undefined) {
  const empty = used.isNullObject;
  return {
    name,
    originRow: empty ? 1 : used.rowIndex + 1,
    originCol: empty ? 1 : used.columnIndex + 1,
    values: empty ? [] : fromExcelRows(used.values),
    merges: merged && !merged.isNullObject ? parseAreas(merged.address) : [],
  };
}
