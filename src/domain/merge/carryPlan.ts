/**
 * Where each row and column of an existing master sheet goes in the sheet a re-import writes: the plan
 * (CarryPlan) a host follows to carry the officer's cells (src/xlsx/sheetCarry.ts for the CLI's package
 * edit and the playground). Old places come from readMaster (the row each
 * MasterRow was read from, the columns found by title); new places from reading the fresh table back the
 * same way: consolidate keeps the earlier MasterRow objects and writes its rows in order, so the fresh
 * sheet's content rows are the plan's rows, one for one. When the counts differ nothing is carried (the
 * values are still kept by the domain) rather than carry a cell to a wrong row.
 */
import type { CarryPlan, TableWrite } from "../../workbook/types";
import { readMaster } from "./readMaster";
import type { MasterPlan, MasterSheetRows } from "./types";

/** Each master sheet's carry plan, by sheet name (none without an earlier master). */
export function carryPlans(existing: MasterSheetRows | undefined, plan: MasterPlan): Map<string, CarryPlan> {
  const carries = new Map<string, CarryPlan>();
  if (!existing) return carries;
  for (const sheet of plan.masterSheets) {
    const old = existing.sheets[sheet.kind];
    const table = plan.sheets.find((candidate) => candidate.sheet === sheet.sheet);
    if (!old?.readColumns || !table) continue;
    const fresh = readMaster([gridOf(table)])?.sheets[sheet.kind];
    if (!fresh?.readColumns || fresh.rows.length !== sheet.rows.length) continue;

    const rows = new Map<number, number>([[old.readColumns.headerRow, fresh.readColumns.headerRow]]);
    const handRows = new Set<number>();
    const keptRows = new Set<number>();
    sheet.rows.forEach((row, index) => {
      const to = fresh.rows[index].readRow;
      // A re-imported unit's row that is an earlier delegation (followRows.ts): the officer's cells in added
      // columns and the row's notes follow it; its plan columns are the unit's file's.
      if (row.follows !== undefined && to !== undefined) rows.set(row.follows, to);
      if (row.readRow === undefined || to === undefined) return;
      rows.set(row.readRow, to);
      if (!row.provenance) handRows.add(row.readRow);
      else keptRows.add(row.readRow);
    });
    // The officer's closing rows (date line, signers' names, "Nơi nhận"), written again below the new
    // signature block: their cells are carried as a hand row's are.
    const closing = sheet.closingRows;
    for (let index = 0; closing && index < closing.count; index++) {
      rows.set(closing.from + index, closing.to + index);
      handRows.add(closing.from + index);
    }
    // The Tổng cộng row is written again by the form, but the officer's cells in added columns on it (a SUM
    // under "Kinh phí ước") are the officer's: only those are carried (the row is neither hand nor kept).
    if (old.readColumns.totalRow !== undefined && fresh.readColumns.totalRow !== undefined) rows.set(old.readColumns.totalRow, fresh.readColumns.totalRow);
    const columns = new Map<number, number>();
    old.readColumns.layout.forEach((column, index) => {
      const to = fresh.readColumns!.layout[index];
      if (column !== undefined && to !== undefined) columns.set(column, to);
    });
    const addedColumns = new Set<number>();
    old.readColumns.extra.forEach((column, index) => {
      const to = fresh.readColumns!.extra[index];
      if (to === undefined) return;
      columns.set(column, to);
      addedColumns.add(column);
    });
    carries.set(sheet.sheet, { rows, handRows, keptRows, columns, addedColumns, headerRow: { old: old.readColumns.headerRow, new: fresh.readColumns.headerRow } });
  }
  return carries;
}

/** Whether a re-import moved any row or column of the sheet the plan is for (formulas elsewhere that read it may now read other cells). */
export function rowsOrColumnsMoved(plan: CarryPlan): boolean {
  return [...plan.rows].some(([from, to]) => from !== to) || [...plan.columns].some(([from, to]) => from !== to);
}

function gridOf(table: TableWrite) {
  return { name: table.sheet, originRow: 1, originCol: 1, values: table.rows, merges: table.merges ?? [] };
}
