/**
 * What the task pane needs from the rest of the add-in. Components call only these; the lead's
 * src/app implements them over the WorkbookHost port (Excel or the playground's xlsx host).
 * Every async method rejects with an Error whose message is Vietnamese and shown to the user as is.
 */
import type { SelfTestReport } from "../app/selfTest";
import type { Finding, PlanKind, RuleId } from "../domain/model";
import type { CheckSettings } from "../domain/settings";

/** One sheet of the checked workbook: a recognised template (kind set) or not (reason set). */
export interface SheetSummary {
  sheet: string;
  /** Set when the sheet was recognised as a template. */
  kind?: PlanKind;
  /** Delegations read from the sheet (0 when not a template). */
  delegations: number;
  /** Why the sheet is not a template, in Vietnamese. */
  reason?: string;
  /** Far stray cells left out of the read (a value at XFD1048576), named, in Vietnamese. */
  farCellsNote?: string;
}

export interface CheckResult {
  sheets: SheetSummary[];
  /** Sorted by sheet, row, column, rule (the engine's order). */
  findings: Finding[];
  /** ISO timestamp of the check. */
  checkedAt: string;
  /**
   * What produced the result when it was not a check of the workbook: "consolidation" = the cross-unit
   * rules run on the master after a merge (the pane lists them without leaving the "Tổng hợp" tab).
   */
  origin?: "consolidation";
  /** Protected sheets the check could not mark (their findings are listed all the same). */
  protectedSheets?: string[];
  /**
   * The last live update (Kiểm tra khi nhập liệu): rows re-checked and when (ISO); `error`, when it failed
   * (live checking stopped until the next check): what went wrong, as the error said it.
   */
  live?: { rows: number; at: string; error?: string; sheets?: string[] };
}

/** A cell of the current workbook, 1-based. */
export interface CellTarget {
  sheet: string;
  row: number;
  column: number;
}

/** One cell edit proposed by a quick fix, shown to the user before it is applied. */
export interface FixPreview extends CellTarget {
  /** The findings this edit resolves: several when one cell holds several unknown countries. */
  findings: Finding[];
  /** A1 address, e.g. "F12". */
  cell: string;
  /** The cell's text at check time; the fix is skipped if the cell no longer holds it. */
  from: string;
  to: string;
}

export interface FixOutcome {
  applied: number;
  /** Edits not written because the cell changed since the check. */
  skipped: number;
}

export interface DropdownOutcome {
  /** Columns that received a dropdown. */
  columns: number;
  /** Sheets those columns are on. */
  sheets: string[];
}

export interface ProfileSummary {
  id: string;
  name: string;
  /** Short Vietnamese lines describing the profile's limits ("Tối đa 7 thành viên mỗi đoàn"). */
  summary: string[];
}

export type ProfileLoadResult = { ok: true; id: string } | { ok: false; errors: string[] };

export interface PaneServices {
  /** Reads the workbook, checks it with these settings, marks the cells and returns the result. */
  check(settings: CheckSettings): Promise<CheckResult>;
  /** Removes every mark the add-in made (the user's formats stay). */
  clearMarks(): Promise<void>;
  /** Selects the cell in the workbook. */
  goToCell(target: CellTarget): Promise<void>;
  /**
   * The edits that would fix these findings (only fixable ones, see isFixable), one per cell,
   * computed from the last check. Pure: nothing is written.
   */
  previewFixes(findings: Finding[]): FixPreview[];
  /** Writes the previewed edits whose cells still hold `from`. */
  applyFixes(fixes: FixPreview[]): Promise<FixOutcome>;
  /** Writes the "Kết quả kiểm tra" sheet; resolves to its name. */
  exportReport(findings: Finding[]): Promise<string>;
  /** Puts the standard dropdowns on the recognised columns of the recognised sheets. */
  attachDropdowns(): Promise<DropdownOutcome>;
  /** Inserts a blank template sheet; resolves to its name. */
  insertTemplate(kind: PlanKind): Promise<string>;
  /** Shipped profiles plus any the department loaded. */
  listProfiles(): ProfileSummary[];
  /** Validates and registers a department's own profile (JSON text); lists every error otherwise. */
  loadProfileJson(text: string): ProfileLoadResult;
  /** Saved settings, or defaults (locale from the Office display language) when none were saved. */
  loadSettings(): Promise<CheckSettings>;
  saveSettings(settings: CheckSettings): Promise<void>;
  /**
   * Results of checks run outside the pane (the ribbon's "Kiểm tra" in the shared runtime) and by
   * the pane itself; returns the unsubscribe function.
   */
  subscribe(listener: (result: CheckResult) => void): () => void;
  /** The latest check result, if any (the pane may open after a ribbon check). */
  latestResult(): CheckResult | undefined;
  /** "Tự kiểm tra": every capability on a temporary sheet (absent where the host offers none). */
  runSelfTest?(): Promise<SelfTestReport>;
  /** Whether edits are checked as they are typed (saved in the workbook; on unless turned off). Hosts without it: absent. */
  liveEnabled?(): Promise<boolean>;
  setLiveEnabled?(on: boolean): Promise<void>;
}

/** Rules whose suggestion is a certain fix: a standard name that replaces what the unit typed. */
export const FIXABLE_RULES: readonly RuleId[] = ["country-unknown", "role-unknown"];

export function isFixable(finding: Finding): boolean {
  return FIXABLE_RULES.includes(finding.rule) && Boolean(finding.suggestion);
}
