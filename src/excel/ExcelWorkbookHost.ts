/**
 * WorkbookHost over Excel (Office.js). Each method is one `Excel.run` with a fixed number of
 * `context.sync()` calls whatever the number of rows (listed per method below; the modules named
 * explain the rare extra syncs). Failures reach the caller as ExcelHostError with a Vietnamese
 * (or English) message for the pane.
 *
 * A check (readSheets, the domain check, applyMarks) takes 3 syncs: readSheets also loads what the
 * next applyMarks would read first (markPreload.ts), and the host keeps it for that one call only —
 * consumed by the next applyMarks or clearMarks, dropped by any other write of the host, by a new
 * read, and after `markPreloadMaxAgeMs`.
 *
 * Requirement sets: ExcelApi 1.9 minimum; 1.11 delayForCellEdit, 1.13 merged areas, 1.18 notes,
 * 1.20 one undo step per check (see requirements.ts for what each loses when missing).
 */
import type { CellEdit, CellMark, DropdownTarget, HostCapabilities, SheetGrid, StandardList, TableWrite, WorkbookHost } from "../workbook/types";
import type { Locale } from "../i18n";
import { cellAddress } from "./a1";
import { LISTS_SHEET, writeDropdowns } from "./dropdowns";
import { writeEdits } from "./editCells";
import { hostError, isItemNotFound, wrapFailure } from "./errors";
import { settingsMarkStateStore, type MarkStateStore } from "./markState";
import { NOTE_BUDGET_BYTES, replaceMarks } from "./marks";
import { PRELOAD_BUDGET_BYTES, preloadBytes, queueMarkPreload, type MarkPreload } from "./markPreload";
import { DEFAULT_READ_LIMITS, readSheetGrids, type Preload, type ReadLimits } from "./readSheets";
import { capabilitiesOf, detectFeatures, isExcelApiSupported, MINIMUM_EXCEL_API, runOptions, type ExcelFeatures } from "./requirements";
import { writeTableSheet } from "./writeTable";

export interface ExcelHostOptions {
  locale?: Locale;
  /** Where the marks' state is kept; by default the add-in's document settings. */
  stateStore?: MarkStateStore;
  readLimits?: Partial<ReadLimits>;
  noteBudgetBytes?: number;
  /** How long a read's preload may serve the next applyMarks/clearMarks (default 60 s). */
  markPreloadMaxAgeMs?: number;
  /** The clock for that age (tests pass their own). */
  now?: () => number;
}

export const MARK_PRELOAD_MAX_AGE_MS = 60_000;

/** Sheets the add-in itself owns, never handed to the checker. */
export const OWN_SHEETS: ReadonlySet<string> = new Set([LISTS_SHEET]);

export class ExcelWorkbookHost implements WorkbookHost {
  readonly capabilities: HostCapabilities;
  private readonly features: ExcelFeatures;
  private readonly locale: Locale;
  private readonly store: MarkStateStore;
  private readonly readLimits: ReadLimits;
  private readonly noteBudgetBytes: number;
  private readonly markPreloadMaxAgeMs: number;
  private readonly now: () => number;
  /** Bumped by every read and every write: a read's preload is kept only if nothing ran since it began. */
  private generation = 0;
  private markPreload: { preload: MarkPreload; loadedAt: number } | undefined;

  constructor(options: ExcelHostOptions = {}) {
    this.locale = options.locale ?? "vi";
    if (!isExcelApiSupported(MINIMUM_EXCEL_API)) throw hostError(this.locale, "unsupportedVersion");
    this.features = detectFeatures();
    this.capabilities = capabilitiesOf(this.features);
    this.store = options.stateStore ?? settingsMarkStateStore();
    this.readLimits = { ...DEFAULT_READ_LIMITS, ...options.readLimits };
    this.noteBudgetBytes = options.noteBudgetBytes ?? NOTE_BUDGET_BYTES;
    this.markPreloadMaxAgeMs = options.markPreloadMaxAgeMs ?? MARK_PRELOAD_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
  }

  /** Syncs: 1. */
  async workbookName(): Promise<string> {
    try {
      return await this.run(false, async (context) => {
        const workbook = context.workbook;
        workbook.load("name");
        await context.sync();
        return workbook.name;
      });
    } catch (error) {
      throw wrapFailure(error, this.locale, "nameFailed");
    }
  }

  /**
   * Syncs: 2, the next mark's preload riding on the values sync (more only for values beyond one
   * request's 5 MB, see readSheets.ts).
   */
  async readSheets(): Promise<SheetGrid[]> {
    const generation = this.invalidateMarkPreload();
    const startedAt = this.now(); // the preload's age counts from before Excel read it
    try {
      const { grids, preloaded } = await this.run(false, (context) =>
        readSheetGrids(context, { excludedSheets: OWN_SHEETS, mergedAreas: this.features.mergedAreas, limits: this.readLimits, locale: this.locale }, this.markPreloader()),
      );
      if (preloaded && generation === this.generation) this.markPreload = { preload: preloaded, loadedAt: startedAt };
      return grids;
    } catch (error) {
      throw wrapFailure(error, this.locale, "readFailed");
    }
  }

  /**
   * Syncs: 1 right after a readSheets (its preload still fresh), else 2; 1 + 2 when the preload turns
   * out stale at the write. One undo step with ExcelApi 1.20 (see marks.ts).
   */
  async applyMarks(marks: CellMark[]): Promise<void> {
    const preload = this.takeMarkPreload();
    try {
      await this.run(true, (context) => replaceMarks(context, marks, this.markOptions(preload)));
    } catch (error) {
      throw wrapFailure(error, this.locale, "markFailed");
    }
  }

  /** Syncs: as applyMarks (see marks.ts). */
  async clearMarks(): Promise<void> {
    const preload = this.takeMarkPreload();
    try {
      await this.run(true, (context) => replaceMarks(context, [], this.markOptions(preload)));
    } catch (error) {
      throw wrapFailure(error, this.locale, "clearFailed");
    }
  }

  /** Syncs: 1. */
  async selectCell(sheet: string, row: number, column: number): Promise<void> {
    const cell = cellAddress(row, column);
    try {
      await this.run(false, async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      });
    } catch (error) {
      if (isItemNotFound(error)) throw hostError(this.locale, "sheetNotFound", { sheet }, error);
      throw wrapFailure(error, this.locale, "selectFailed", { sheet, cell });
    }
  }

  /** Syncs: 2 (see dropdowns.ts). */
  async setDropdowns(lists: StandardList[], targets: DropdownTarget[]): Promise<void> {
    this.invalidateMarkPreload();
    try {
      await this.run(true, (context) => writeDropdowns(context, lists, targets, this.locale));
    } catch (error) {
      throw wrapFailure(error, this.locale, "dropdownFailed");
    }
  }

  /** Syncs: at most 2 (see editCells.ts). */
  async editCells(edits: CellEdit[]): Promise<number> {
    if (edits.length === 0) return 0;
    this.invalidateMarkPreload();
    try {
      return await this.run(true, (context) => writeEdits(context, edits));
    } catch (error) {
      throw wrapFailure(error, this.locale, "editFailed");
    }
  }

  /** Syncs: 2 (see writeTable.ts; more only for a table beyond one request's 5 MB). */
  async writeTable(table: TableWrite): Promise<void> {
    this.invalidateMarkPreload();
    try {
      await this.run(true, (context) => writeTableSheet(context, table, { charts: this.capabilities.charts, outline: isExcelApiSupported("1.10") }));
    } catch (error) {
      throw wrapFailure(error, this.locale, "writeFailed", { sheet: table.sheet });
    }
  }

  private markOptions(preload?: MarkPreload) {
    return { notes: this.features.notes, noteBudgetBytes: this.noteBudgetBytes, store: this.store, preload };
  }

  /** What readSheets queues for the next mark; nothing when the estimate is over budget. */
  private markPreloader(): Preload<MarkPreload> | undefined {
    const state = this.store.read();
    const notes = this.features.notes;
    return (sheets) => {
      const bytes = preloadBytes(state, sheets.length, notes);
      return bytes > PRELOAD_BUDGET_BYTES ? undefined : { collect: queueMarkPreload(sheets, state, notes), bytes };
    };
  }

  /** Drops the preload (it may no longer describe the workbook); returns the new generation. */
  private invalidateMarkPreload(): number {
    this.markPreload = undefined;
    return ++this.generation;
  }

  /** The preload if still fresh, which it serves once. */
  private takeMarkPreload(): MarkPreload | undefined {
    const kept = this.markPreload;
    this.invalidateMarkPreload();
    if (!kept || this.now() - kept.loadedAt > this.markPreloadMaxAgeMs) return undefined;
    return kept.preload;
  }

  private run<T>(oneUndoStep: boolean, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return Excel.run(runOptions(this.features, oneUndoStep), batch);
  }
}
