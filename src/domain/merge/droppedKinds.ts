/**
 * A unit imported again whose new workbook has no sheet of a kind it sent before. By default its earlier
 * rows of that kind stay (consolidate warns: the file may simply leave that plan out); when the officer
 * confirms the unit dropped the plan, they are removed here, before consolidating, and counted.
 */
import { PLAN_KINDS, type PlanKind } from "../model";
import { unitKey } from "./identity";
import type { MasterSheetRows, UnitSummary } from "./types";

export interface DroppedKind {
  unit: string;
  file: string;
  kind: PlanKind;
  /** The unit's earlier rows of the kind on the master. */
  rows: number;
}

/** Per unit and kind: earlier rows of a kind the unit's new workbook no longer has (units with no plan sheet at all are left alone). */
export function droppedKinds(units: readonly UnitSummary[], existing: MasterSheetRows | undefined): DroppedKind[] {
  if (!existing) return [];
  const dropped: DroppedKind[] = [];
  for (const unit of units) {
    const kinds = new Set(unit.sheets.map((sheet) => sheet.kind));
    if (kinds.size === 0) continue;
    for (const kind of PLAN_KINDS) {
      if (kinds.has(kind)) continue;
      const rows = (existing.sheets[kind]?.rows ?? []).filter((row) => row.provenance && unitKey(row.provenance.unit) === unitKey(unit.unit)).length;
      if (rows > 0) dropped.push({ unit: unit.unit, file: unit.file, kind, rows });
    }
  }
  return dropped;
}

/** The master without the dropped kinds' rows of those units (hand rows and other units' rows stay). */
export function withoutDroppedRows(existing: MasterSheetRows, dropped: readonly DroppedKind[]): MasterSheetRows {
  const sheets: MasterSheetRows["sheets"] = {};
  for (const kind of PLAN_KINDS) {
    const sheet = existing.sheets[kind];
    if (!sheet) continue;
    const units = new Set(dropped.filter((drop) => drop.kind === kind).map((drop) => unitKey(drop.unit)));
    sheets[kind] = units.size === 0 ? sheet : { ...sheet, rows: sheet.rows.filter((row) => !row.provenance || !units.has(unitKey(row.provenance.unit))) };
  }
  return { ...existing, sheets };
}
