/** What a merge wrote, per master sheet: rows from the units and rows a user added by hand (kept). */
import type { PlanKind } from "../model";
import type { MasterSheet } from "./types";

export interface MasterSheetCount {
  sheet: string;
  kind: PlanKind;
  /** Rows with provenance: delegations of the units. */
  fromUnits: number;
  /** Rows without provenance: added by hand to an earlier master, kept as they are. */
  byHand: number;
}

export function masterSheetCounts(sheets: readonly MasterSheet[]): MasterSheetCount[] {
  return sheets.map((sheet) => {
    const fromUnits = sheet.rows.filter((row) => row.provenance).length;
    return { sheet: sheet.sheet, kind: sheet.kind, fromUnits, byHand: sheet.rows.length - fromUnits };
  });
}
