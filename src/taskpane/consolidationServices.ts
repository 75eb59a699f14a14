/**
 * What the "Tổng hợp" tab needs: bring unit plans in (files chosen or dropped, plans sent from other
 * workbooks), preview each unit, merge them into the open workbook. src/app/consolidation.ts implements
 * it over any WorkbookHost (Excel in the add-in, the xlsx host in the playground).
 * Every async method rejects with an Error whose message is Vietnamese and shown to the user as is.
 */
import type { PlanKind } from "../domain/model";

/** A file the user chose or dropped: a browser File (a Blob with a name) or its bytes. */
export interface UnitFileInput {
  name: string;
  data: ArrayBuffer | Uint8Array | Blob;
}

export interface UnitSheetPreview {
  sheet: string;
  kind: PlanKind;
  delegations: number;
  /** Delegations that go into the master. */
  kept: number;
  /** Delegations left out for missing required information. */
  excluded: number;
}

/** A delegation kept out of the master, and why ("Thiếu: Trưởng đoàn, Nguồn kinh phí"). */
export interface LeftOutDelegation {
  unit: string;
  file: string;
  sheet: string;
  row: number;
  kind: PlanKind;
  /** Its name, else its head, else its activity. */
  label: string;
  reason: string;
}

export interface UnitPreview {
  unitName: string;
  /** Where the name comes from: the "Đơn vị: …" title row, the file name, or the user's correction. */
  nameSource: "title" | "file" | "user";
  unitFromTitle?: string;
  sheets: UnitSheetPreview[];
  delegations: number;
  kept: number;
  excluded: LeftOutDelegation[];
  /** The unit's own check (all rules on its workbook), counted by severity. */
  errors: number;
  warnings: number;
  infos: number;
  /** Sheets not merged and why, columns not carried over (Vietnamese). */
  notes: string[];
}

/** One unit plan brought in: from a file, or sent from another workbook. */
export interface UnitSource {
  id: string;
  origin: "file" | "sent";
  fileName: string;
  /** A sent plan's storage key and when it was sent (ISO). */
  sentKey?: string;
  sentAt?: string;
  /** Set when the plan could be read (even if nothing in it can be merged). */
  preview?: UnitPreview;
  /** Why nothing of this source will be merged (unreadable file, no plan template), in Vietnamese. */
  problem?: string;
  /** The reader's reason code when it refused the file: the pane says `problem` in its language by it (readFailureText). */
  readReason?: string;
}

/** Files read so far while adding: `done` of `total`, `fileName` being read next (or last read). */
export interface ReadProgress {
  done: number;
  total: number;
  fileName: string;
}

export interface MergeProgress {
  step: "reading" | "writing" | "marking";
  done: number;
  total: number;
  /** The sheet being written. */
  sheet?: string;
}

/** A plan sent with "Gửi sang sổ tổng hợp", as the master's pane lists it. */
export interface SentPlanEntry {
  key: string;
  unitName: string;
  workbookName: string;
  /** ISO timestamp. */
  sentAt: string;
  delegations: number;
  kinds: PlanKind[];
  /** Already in the list of units to merge. */
  included: boolean;
  /** Set when the stored plan cannot be read back (another version of the add-in, damaged storage). */
  problem?: string;
}

export interface SendOutcome {
  entry: SentPlanEntry;
  /** Earlier sends of the same unit and workbook that this one replaced. */
  replaced: number;
}

export interface MergeSheetSummary {
  sheet: string;
  kind: PlanKind;
  /** Rows of the units written to the sheet. */
  fromUnits: number;
  /** Rows added by hand to the master earlier, kept. */
  byHand: number;
}

export interface MergeSummary {
  sheets: MergeSheetSummary[];
  statisticsSheet: string;
  /** Charts drawn on the statistics sheet (0 where the host cannot draw them). */
  charts: number;
  units: { unit: string; files: string[]; kept: number; excluded: number }[];
  excluded: LeftOutDelegation[];
  /** Cross-unit findings on the master, marked on it and listed in the "Kiểm tra" tab. */
  findings: { total: number; errors: number; warnings: number; infos: number };
  /** Notes on the merge, Vietnamese: about the earlier master (columns missing, rows kept) and texts cut to a cell's limit (a new master too). */
  warnings: string[];
  /** Sources not merged and why. */
  skipped: { fileName: string; problem: string; readReason?: string }[];
  /** ISO timestamp. */
  mergedAt: string;
  /** Units of the department's list that sent nothing; absent when it keeps no list (unitsSheet names where to add one). */
  missingUnits?: { expected: number; missing: string[] };
  /** The sheet of the master a department lists its units on. */
  unitsSheet?: string;
  /** The plan year the master was checked and titled with, and where it came from. */
  planYear: { year: number; source: "titles" | "settings" | "chosen" };
}

export interface MergeOptions {
  /** The person confirmed the unit questions of a UnitConflictError: merge anyway. */
  confirmUnits?: boolean;
  /** The plan year the person chose when the units' titles and Cài đặt disagree. */
  year?: number;
}

/**
 * Thrown by merge (nothing written) when units must be confirmed first: names that differ only by a tone
 * mark, or a re-import that would replace a unit's rows that came from another file. `questions` are the
 * Vietnamese sentences to show; merging again with `confirmUnits` goes ahead.
 */
export class UnitConflictError extends Error {
  readonly questions: string[];
  constructor(questions: string[]) {
    super(questions.join(" "));
    this.name = "UnitConflictError";
    this.questions = questions;
  }
}

export function isUnitConflictError(error: unknown): error is UnitConflictError {
  return error instanceof Error && error.name === "UnitConflictError" && Array.isArray((error as { questions?: unknown }).questions);
}

/** The plan year a merge would use (see src/domain/merge/planYear.ts). */
export interface PlanYearQuestion {
  settingsYear: number;
  /** Each year the units' titles name, with the units naming it. */
  titles: { year: number; units: string[] }[];
  proposed: number;
  source: "titles" | "settings";
  /** The units disagree with each other or with Cài đặt: the pane asks before merging. */
  needsChoice: boolean;
}

export interface ConsolidationServices {
  /** The units brought in so far, in the order they were added. */
  sources(): UnitSource[];
  /**
   * Reads each file (only read: the files are never changed) and previews it; unreadable files are listed
   * with their reason and the others go on. A file named like one already in the list replaces it.
   */
  addFiles(files: UnitFileInput[], onProgress?: (progress: ReadProgress) => void): Promise<UnitSource[]>;
  /** Corrects a unit's name; an empty name goes back to the title's or the file's. */
  renameUnit(id: string, name: string): UnitSource[];
  /** Takes a unit out of the list (a sent plan stays stored). */
  removeSource(id: string): UnitSource[];
  /** Plans sent from other workbooks through the add-in's shared storage, newest first. */
  listSentPlans(): Promise<SentPlanEntry[]>;
  /** Puts a sent plan in the list of units to merge (again, if it already was: refreshed). */
  includeSentPlan(key: string): Promise<UnitSource[]>;
  /** Deletes a sent plan from the shared storage (and from the list); resolves to the plans left. */
  deleteSentPlan(key: string): Promise<SentPlanEntry[]>;
  /** In a unit's workbook: reads and recognises its plan and stores it for the master ("Gửi sang sổ tổng hợp"). */
  sendToMaster(): Promise<SendOutcome>;
  /**
   * Merges every unit that can be merged into the open workbook: master sheets (a unit's earlier rows
   * replaced, rows added by hand kept), "Thống kê", then marks the cross-unit findings on the master and
   * hands them to the "Kiểm tra" tab.
   */
  merge(onProgress?: (progress: MergeProgress) => void, options?: MergeOptions): Promise<MergeSummary>;
  /** The plan year the units' titles name, against the settings'. */
  planYear(): Promise<PlanYearQuestion>;
  /** Selects the top-left cell of a sheet (a master sheet named in the summary). */
  showSheet(sheet: string): Promise<void>;
}
