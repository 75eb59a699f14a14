/**
 * WorkbookHost over Excel (Office.js). Each method is one `Excel.run` with a fixed number of
 * `context.sync()` calls whatever the number of rows (listed per method below; the modules named
 * explain the rare extra syncs). Failures reach the caller as ExcelHostError with a Vietnamese
 * (or English) message for the pane.
 *
 * A check (readSheets, the domain check, applyMarks) takes 5 syncs: 3 to read (sheets, values,
 * merged areas: readSheets.ts), 2 to mark (find the add-in's marks again, write: marks.ts). The marks
 * are always found again in the writing run: a conditional format's id is its priority, which any
 * format added or removed in between shifts, so nothing read earlier can name them safely.
 *
 * Runs that add, delete, rename or hide sheets (dropdowns' lists sheet, writeTable) are not undo
 * groups: Excel refuses those writes inside one (UndoNotSupported, "Undo capabilities" on Learn).
 *
 * Requirement sets: ExcelApi 1.9 minimum; 1.11 delayForCellEdit, 1.13 merged areas, 1.18 notes,
 * 1.20 one undo step per check (see requirements.ts for what each loses when missing).
 */
import type { CellEdit, CellMark, DropdownTarget, HostCapabilities, SheetGrid, StandardList, TableWrite, WorkbookHost } from "../workbook/types";
import type { Locale } from "../i18n";
import { cellAddress } from "./a1";
import { LISTS_SHEET, writeDropdowns } from "./dropdowns";
import { writeEdits } from "./editCells";
import { hostError, isItemNotFound, officeErrorCode, wrapFailure, type ExcelErrorKey, type ExcelHostError } from "./errors";
import { settingsMarkStateStore, type MarkStateStore } from "./markState";
import { MarksIncomplete, NOTE_BUDGET_BYTES, replaceMarks, type MarkOutcome } from "./marks";
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
      throw this.failure(error, "nameFailed");
    }
  }

  /** Syncs: 3; 6 for a used range over the grid budget (far cells); more only for values beyond one request's 5 MB (readSheets.ts). */
  async readSheets(): Promise<SheetGrid[]> {
    try {
      const { grids } = await this.run(false, (context) =>
        readSheetGrids(context, { excludedSheets: OWN_SHEETS, mergedAreas: this.features.mergedAreas, limits: this.readLimits, locale: this.locale }),
      );
      return grids;
    } catch (error) {
      throw this.failure(error, "readFailed");
    }
  }

  /**
   * Syncs: 2 (see marks.ts). One undo step with ExcelApi 1.20. Protected sheets are skipped and named in
   * the outcome; the other sheets are marked.
   */
  async applyMarks(marks: CellMark[]): Promise<MarkOutcome> {
    try {
      return await this.run(true, (context) => replaceMarks(context, marks, this.markOptions()));
    } catch (error) {
      throw this.failure(error, "markFailed");
    }
  }

  /** Syncs: as applyMarks (see marks.ts). */
  async clearMarks(): Promise<void> {
    try {
      await this.run(true, (context) => replaceMarks(context, [], this.markOptions()));
    } catch (error) {
      throw this.failure(error, "clearFailed");
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
      throw this.failure(error, "selectFailed", { sheet, cell }, true);
    }
  }

  /** Syncs: 2 (see dropdowns.ts). */
  async setDropdowns(lists: StandardList[], targets: DropdownTarget[]): Promise<void> {
    try {
      // Not an undo group: creating or hiding the lists sheet cannot be undone on Windows and Mac.
      await this.run(false, (context) => writeDropdowns(context, lists, targets, this.locale));
    } catch (error) {
      throw this.failure(error, "dropdownFailed", {}, true);
    }
  }

  /** Syncs: at most 2 (see editCells.ts). */
  async editCells(edits: CellEdit[]): Promise<number> {
    if (edits.length === 0) return 0;
    try {
      return await this.run(true, (context) => writeEdits(context, edits));
    } catch (error) {
      throw this.failure(error, "editFailed");
    }
  }

  /** Syncs: 2 or 3 (see writeTable.ts; one more for a re-imported master's notes, more only beyond one request's 5 MB). */
  async writeTable(table: TableWrite): Promise<string[]> {
    try {
      // Not an undo group: adding a sheet's worth of writes to one undo step is refused where a sheet is added.
      return await this.run(false, (context) => writeTableSheet(context, table, { charts: this.capabilities.charts, outline: isExcelApiSupported("1.10"), notes: this.features.notes }));
    } catch (error) {
      throw this.failure(error, "writeFailed", { sheet: table.sheet }, true);
    }
  }

  private markOptions() {
    return { notes: this.features.notes, noteBudgetBytes: this.noteBudgetBytes, store: this.store };
  }

  /**
   * The user-facing error: another workbook in front (office-js#771: sheet and selection calls fail
   * with GeneralException while the user is in another open workbook) says to click into this one;
   * sheets whose old marks Excel would not remove are named.
   */
  private failure(error: unknown, key: ExcelErrorKey, values: Record<string, string | number> = {}, needsFocus = false): ExcelHostError {
    if (error instanceof MarksIncomplete) return hostError(this.locale, "marksIncomplete", { sheets: error.sheets.join("”, “") }, error);
    if (needsFocus && (officeErrorCode(error) === "GeneralException" || officeErrorCode(error) === "InvalidSelection")) {
      return hostError(this.locale, "otherWorkbookFocused", values, error);
    }
    if (officeErrorCode(error) === "AccessDenied") return hostError(this.locale, "accessDenied", values, error);
    return wrapFailure(error, this.locale, key, values);
  }

  private run<T>(oneUndoStep: boolean, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return Excel.run(runOptions(this.features, oneUndoStep), batch);
  }
}
