/**
 * Sheets a merge must not replace: a sheet named like a master sheet that is not one (no provenance
 * columns), or a "Thống kê" sheet the add-in did not write. The pane and `dplan merge` refuse alike.
 */
import { PLAN_KINDS } from "../model";
import { fold } from "../text";
import type { SheetGrid } from "../../workbook/types";
import { MASTER_SHEET_NAMES, STATISTICS_SHEET_NAME } from "./layout";
import type { MasterSheetRows } from "./types";

/** The statistics sheet's first cell (statisticsTable): how the add-in recognises its own sheet. */
const STATISTICS_TITLE = fold("THỐNG KÊ KẾ HOẠCH ĐOÀN");

export interface ForeignSheet {
  sheet: string;
  /** "master": named like a master sheet, without provenance columns; "statistics": a user's own "Thống kê". */
  kind: "master" | "statistics";
}

/** The first sheet the merge would overwrite although the add-in did not write it; undefined when none. */
export function findForeignSheet(grids: readonly SheetGrid[], existing: MasterSheetRows | undefined): ForeignSheet | undefined {
  const find = (name: string) => grids.find((grid) => grid.name.toLowerCase() === name.toLowerCase());
  for (const kind of PLAN_KINDS) {
    const grid = find(MASTER_SHEET_NAMES[kind]);
    if (grid && (hasContent(grid) || grid.unreadable !== undefined) && !existing?.sheets[kind]) return { sheet: grid.name, kind: "master" };
  }
  const statistics = find(STATISTICS_SHEET_NAME);
  if (statistics && (hasContent(statistics) || statistics.unreadable !== undefined)) {
    const first = firstText(statistics);
    if (first === undefined || !fold(first).startsWith(STATISTICS_TITLE)) return { sheet: statistics.name, kind: "statistics" };
  }
  return undefined;
}

function hasContent(grid: SheetGrid): boolean {
  return grid.values.some((row) => row.some((value) => value !== null && value !== ""));
}

function firstText(grid: SheetGrid): string | undefined {
  for (const row of grid.values) for (const value of row) if (typeof value === "string" && value.trim() !== "") return value;
  return undefined;
}
