/**
 * A workbook's plan: recognise every sheet, parse the recognised ones. Never throws: a sheet that
 * cannot be read is reported as not a template with the reason, and the other sheets still count.
 */
import type { Delegation } from "../model";
import type { SheetGrid } from "../../workbook/types";
import { parseSheet } from "./parseRows";
import { recognizeSheetTables } from "./recognize";
import type { PlanRead, RecognizedTemplate, SheetRecognition } from "./types";

export { editKeepsRecognition, recognizeSheet, recognizeSheetTables } from "./recognize";
export { parseSheet } from "./parseRows";

export interface ReadPlanOptions {
  /** File name, recorded on every delegation (and in its id) for multi-workbook runs. */
  file?: string;
  /** Plan year for times written without one, when a sheet's title names none. */
  year?: number;
}

export function readPlan(grids: SheetGrid[], options: ReadPlanOptions = {}): PlanRead {
  const sheets: SheetRecognition[] = [];
  const delegations: Delegation[] = [];
  for (const grid of Array.isArray(grids) ? grids : []) {
    const name = typeof grid?.name === "string" ? grid.name : "";
    if (typeof grid?.unreadable === "string") {
      sheets.push({ sheet: name, template: false, reason: grid.unreadable, unreadable: true });
      continue;
    }
    let tables: SheetRecognition[];
    try {
      tables = recognizeSheetTables(grid);
    } catch (error) {
      sheets.push({ sheet: name, template: false, reason: `Không đọc được trang tính: ${describe(error)}` });
      continue;
    }
    // Values the host left out of the grid (far stray cells) are named once, on the sheet's first table.
    const farCellsNote = typeof grid.farCells?.note === "string" && grid.farCells.note !== "" ? grid.farCells.note : undefined;
    const clippedMergeNotes = (Array.isArray(grid.clippedMerges) ? grid.clippedMerges : []).map((clip) => clip.note).filter((note) => typeof note === "string" && note !== "");
    for (const [index, table] of tables.entries()) {
      let recognition = table;
      if (recognition.template) {
        try {
          const parsed = parseSheet(grid, recognition, options.file, { year: options.year });
          // One at a time: spreading a sheet of 100,000 rows into push() overflows the stack.
          for (const delegation of parsed) delegations.push(delegation);
        } catch (error) {
          recognition = { sheet: name, template: false, reason: `Nhận ra biểu mẫu nhưng không đọc được các dòng: ${describe(error)}`, unreadable: true };
        }
      }
      if (index === 0 && farCellsNote) recognition = { ...recognition, farCellsNote };
      if (index === 0 && clippedMergeNotes.length > 0) recognition = { ...recognition, clippedMergeNotes };
      sheets.push(recognition);
    }
  }
  return { sheets, delegations };
}

/** The delegations read from one table (a sheet may hold several: an outbound and an inbound plan). */
export function delegationsOfTable<D extends { sheet: string; row: number }>(table: RecognizedTemplate, delegations: readonly D[]): D[] {
  const rows = new Set(table.dataRows.map((dataRow) => dataRow.row));
  return delegations.filter((delegation) => delegation.sheet === table.sheet && rows.has(delegation.row));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
