/**
 * WorkbookHost over Excel (Office.js). Each method is one `Excel.run` with a fixed number of
 * `context.sync()` calls whatever the number of rows (listed per method below; the modules named
 * explain the rare extra syncs). Failures reach the caller as ExcelHostError with a Vietnamese
 * (or English) message for the pane.
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
import { DEFAULT_READ_LIMITS, readSheetGrids, type ReadLimits } from "./readSheets";
import { capabilitiesOf, detectFeatures, isExcelApiSupported, MINIMUM_EXCEL_API, runOptions, type ExcelFeatures } from "./requirements";
import { writeTableSheet } from "./writeTable";

export interface ExcelHostOptions {
  locale?: Locale;
  /** Where the marks' state is kept; by default the add-in's document settings. */
  stateStore?: MarkStateStore;
  readLimits?: Partial<ReadLimits>;
  noteBudgetBytes?: number;
}

/** Sheets the add-in itself owns, never handed to the checker. */
export const OWN_SHEETS: ReadonlySet<string> = new Set([LISTS_SHEET]);

export class ExcelWorkbookHost implements WorkbookHost {
  readonly capabilities: HostCapabilities;
  private readonly features: ExcelFeatures;
  private readonly locale: Locale;
  private readonly store: MarkStateStore;
  private readonly readLimits: ReadLimits;
  private readonly noteBudgetBytes: number;

  constructor(options: ExcelHostOptions = {}) {
    this.locale = options.locale ?? "vi";
    if (!isExcelApiSupported(MINIMUM_EXCEL_API)) throw hostError(this.locale, "unsupportedVersion");
    this.features = detectFeatures();
    this.capabilities = capabilitiesOf(this.features);
    this.store = options.stateStore ?? settingsMarkStateStore();
    this.readLimits = { ...DEFAULT_READ_LIMITS, ...options.readLimits };
    this.noteBudgetBytes = options.noteBudgetBytes ?? NOTE_BUDGET_BYTES;
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

  /** Syncs: 2 (more only for values beyond one request's 5 MB, see readSheets.ts). */
  async readSheets(): Promise<SheetGrid[]> {
    try {
      return await this.run(false, (context) =>
        readSheetGrids(context, { excludedSheets: OWN_SHEETS, mergedAreas: this.features.mergedAreas, limits: this.readLimits, locale: this.locale }),
      );
    } catch (error) {
      throw wrapFailure(error, this.locale, "readFailed");
    }
  }

  /** Syncs: 2, one undo step with ExcelApi 1.20 (see marks.ts). */
  async applyMarks(marks: CellMark[]): Promise<void> {
    try {
      await this.run(true, (context) => replaceMarks(context, marks, this.markOptions()));
    } catch (error) {
      throw wrapFailure(error, this.locale, "markFailed");
    }
  }

  /** Syncs: 2 (see marks.ts). */
  async clearMarks(): Promise<void> {
    try {
      await this.run(true, (context) => replaceMarks(context, [], this.markOptions()));
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
    try {
      await this.run(true, (context) => writeDropdowns(context, lists, targets, this.locale));
    } catch (error) {
      throw wrapFailure(error, this.locale, "dropdownFailed");
    }
  }

  /** Syncs: at most 2 (see editCells.ts). */
  async editCells(edits: CellEdit[]): Promise<number> {
    if (edits.length === 0) return 0;
    try {
      return await this.run(true, (context) => writeEdits(context, edits));
    } catch (error) {
      throw wrapFailure(error, this.locale, "editFailed");
    }
  }

  /** Syncs: 2 (see writeTable.ts). */
  async writeTable(table: TableWrite): Promise<void> {
    try {
      await this.run(true, (context) => writeTableSheet(context, table));
    } catch (error) {
      throw wrapFailure(error, this.locale, "writeFailed", { sheet: table.sheet });
    }
  }

  private markOptions() {
    return { notes: this.features.notes, noteBudgetBytes: this.noteBudgetBytes, store: this.store };
  }

  private run<T>(oneUndoStep: boolean, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return Excel.run(runOptions(this.features, oneUndoStep), batch);
  }
}
