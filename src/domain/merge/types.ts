/** The shapes of consolidation: unit plans in, the master plan out. */
import type { Delegation, FieldId, Finding, PlanKind } from "../model";
import type { CheckContext } from "../rules/types";
import type { PlanRead } from "../templates/types";
import type { FormAgency } from "../templates/officialForm";
import type { CellValue, SheetGrid, TableWrite } from "../../workbook/types";
import type { MasterGrouping } from "./layout";

/** One unit's workbook, already read by a host. */
export interface UnitPlan {
  /** How the master names the unit: the "Đơn vị: …" title, else the file name; the user may correct it. */
  unitName: string;
  fileName: string;
  plan: PlanRead;
  /** The "Đơn vị: …" title when the workbook has one. */
  unitFromTitle?: string;
  /**
   * The sheets the plan was read from. With them the master gets each cell's value with its type
   * (numbers, real dates) and hidden sheets are left out; without them it gets the text the unit wrote.
   */
  grids?: SheetGrid[];
}

/** Settings of a merge: the check context (profile, plan year, …) used per unit and on the master. */
export type MergeContext = CheckContext;

/** How the master sheets are laid out as the official form. */
export interface MasterFormOptions {
  /** Cơ quan chủ quản / cơ quan lập of the agency drawing up the master (Cài đặt, `--agency`). */
  agency?: FormAgency;
  /** Town of the place/date line above the signature. */
  place?: string;
  /** Sections: outbound by the head's tier (I/II, the letters' form [S0]) or every kind by unit ("1. Sở Y tế"). */
  grouping?: MasterGrouping;
  /** What the officer filled in on each master sheet's form (by sheet name), read back from an earlier master. */
  formLines?: Record<string, MasterFormLines>;
}

/** The officer's lines of one master sheet's form, kept across a re-import (formBack.ts). */
export interface MasterFormLines {
  /** The "(Kèm theo Công văn số … ngày …)" line as filled in. */
  letter?: string;
  /**
   * The sheet's rows from the place/date line to its last row: the officer's date, signers' names and rows
   * typed below ("Nơi nhận: …"), by column; `from` is the date line's sheet row.
   */
  closing?: { from: number; rows: CellValue[][] };
}

/** Where a master row came from. */
export interface Provenance {
  unit: string;
  file: string;
  /** "dòng 11 (Đoàn ra)". */
  source: string;
}

/** One row of a master sheet, in the layout's column order (masterLayout(kind).columns). */
export interface MasterRow {
  values: CellValue[];
  /** Values of columns a user added to an earlier master, in `MasterSheet.extraHeaders` order. */
  extra: CellValue[];
  /** Absent for rows a user added by hand: those are kept as they are. */
  provenance?: Provenance;
  /** The section row the row sat under when read back from a master ("I. Đoàn do …", "2. Sở Y tế"). */
  section?: string;
  /** The sheet row it was read from (readMaster): a re-import carries the row's own cells from there. */
  readRow?: number;
  /**
   * A re-imported unit's new row that is the same delegation as an earlier row (followRows.ts): that row's
   * sheet row, whose officer's cells (added columns, notes) follow it here.
   */
  follows?: number;
}

/** A master sheet read back from a workbook (readMaster) or built by consolidate. */
export interface MasterSheet {
  kind: PlanKind;
  sheet: string;
  /** Headers of columns a user added to the master, kept after the layout's columns. */
  extraHeaders: string[];
  rows: MasterRow[];
  /** Where readMaster found the columns: the header row, each layout column's sheet column (by layout index), each added column's. */
  readColumns?: { headerRow: number; layout: (number | undefined)[]; extra: number[]; totalRow?: number };
  /** Set by a re-import that kept the officer's closing rows (MasterFormLines.closing): earlier first row, new first row, count. */
  closingRows?: { from: number; to: number; count: number };
}

/** The master sheets found in an existing master workbook. */
export interface MasterSheetRows {
  sheets: Partial<Record<PlanKind, MasterSheet>>;
  /** Things about the existing master the user should know (Vietnamese). */
  warnings: string[];
}

/** A delegation kept out of the master because required information is missing. */
export interface ExcludedDelegation {
  unit: string;
  file: string;
  sheet: string;
  row: number;
  kind: PlanKind;
  /** What identifies it to a person: its name, else its head, else its activity. */
  label: string;
  missing: FieldId[];
  /** Required fields written but not readable (members "nhiều người"). */
  unreadable: FieldId[];
  /** "Thiếu: Trưởng đoàn, Nguồn kinh phí". */
  reason: string;
}

/** Per-unit preview: what the unit sent and what will happen to it. */
export interface UnitSummary {
  unit: string;
  file: string;
  unitFromTitle?: string;
  /** Recognised template sheets taken into the merge. */
  sheets: { sheet: string; kind: PlanKind; delegations: number; kept: number; excluded: number }[];
  delegations: number;
  kept: number;
  excluded: ExcludedDelegation[];
  errors: number;
  warnings: number;
  infos: number;
  /** The unit's own findings (checkPlan on its delegations), addressed to its workbook. */
  findings: Finding[];
  /** Sheets not merged and why, columns not carried into the master (Vietnamese). */
  notes: string[];
}

export interface StatisticsTable {
  title: string;
  columns: string[];
  /** First cell the label, then counts. */
  rows: (string | number)[][];
  /** Omitted for a list (units that sent nothing): no chart. */
  chart?: "column" | "bar" | "pie";
}

export interface MasterPlan {
  /** Master sheets (one per kind with rows) then the statistics sheet; write each with host.writeTable. */
  sheets: TableWrite[];
  masterSheets: MasterSheet[];
  /** The master's rows as delegations (addressed to master cells), as the cross-unit rules saw them. */
  delegations: Delegation[];
  units: UnitSummary[];
  excluded: ExcludedDelegation[];
  /** Cross-unit findings on the master sheets (key-leader-trips, merge-candidate, …). */
  findings: Finding[];
  statistics: StatisticsTable[];
  warnings: string[];
  /** Units of the department's list that have not sent a plan; undefined without a list. */
  missingUnits?: string[];
}

/** What a merge needs beyond the units: the department's list of units, when it keeps one. */
export interface ConsolidateOptions {
  expectedUnits?: readonly string[];
}
