/**
 * Carries the officer's own cells of a re-imported master sheet in Excel (TableWrite.carry): hand rows and
 * added columns keep their formulas, styles, number formats, data validation and conditional formats, and
 * notes on kept rows move with their rows — what the CLI and the playground keep (src/xlsx/sheetCarry.ts).
 *
 * Mechanism: before the sheet is cleared, it is copied to a hidden sheet (Worksheet.copy, ExcelApi 1.7);
 * after the new table is written, each carried block of cells is pasted back at its new place from that copy
 * (Range.copyFrom with RangeCopyType "All", ExcelApi 1.9: "cell data or formatting", like a paste in the
 * Excel UI, so relative references move with the row), and the copy is deleted. The reference does not say
 * copyFrom brings notes, so notes are moved here: read with their cells (Note.getLocation, ExcelApi 1.18),
 * deleted and added again at the new cell. Without ExcelApi 1.18 notes stay where they were.
 *
 * A formula pasted this way moves by its own row's offset, as any paste does: a reference to another row
 * that moved by a different amount is not followed (the CLI's package edit rewrites those by the plan).
 *
 * Syncs (inside writeTable's): none of its own before the write except one to read the notes' cells when the
 * sheet has notes; the copy, the pastes, the note moves and the deletion travel with writeTable's requests.
 */
import type { CarryPlan } from "../workbook/types";
import { carriedFormula } from "../xlsx/sheetCarry";
import { cellAddress, parseArea } from "./a1";

/** A block of the old sheet (1-based) and the cell its top-left corner goes to. */
export interface CarryBlock {
  from: { row: number; column: number; rows: number; columns: number };
  to: { row: number; column: number };
}

/** The carried cells as few rectangular blocks: runs of cells whose old and new places are both consecutive. */
export function carryBlocks(plan: CarryPlan): CarryBlock[] {
  const columns = [...plan.columns].sort(([a], [b]) => a - b);
  const rows = [...plan.rows].sort(([a], [b]) => a - b);
  const blocks: CarryBlock[] = [];
  // Blocks still growing downwards, by their column run ("oldLeft,newLeft,width").
  let open = new Map<string, CarryBlock>();
  for (const [oldRow, newRow] of rows) {
    const runs: { oldLeft: number; newLeft: number; width: number }[] = [];
    for (const [oldColumn, newColumn] of columns) {
      if (!plan.handRows.has(oldRow) && !plan.addedColumns.has(oldColumn)) continue;
      const last = runs.at(-1);
      if (last && last.oldLeft + last.width === oldColumn && last.newLeft + last.width === newColumn) last.width++;
      else runs.push({ oldLeft: oldColumn, newLeft: newColumn, width: 1 });
    }
    const next = new Map<string, CarryBlock>();
    for (const run of runs) {
      const key = `${run.oldLeft},${run.newLeft},${run.width}`;
      const block = open.get(key);
      if (block && block.from.row + block.from.rows === oldRow && block.to.row + block.from.rows === newRow) {
        block.from.rows++;
        next.set(key, block);
      } else {
        const fresh: CarryBlock = { from: { row: oldRow, column: run.oldLeft, rows: 1, columns: run.width }, to: { row: newRow, column: run.newLeft } };
        blocks.push(fresh);
        next.set(key, fresh);
      }
    }
    open = next;
  }
  return blocks;
}

/** Where a note found at `address` (A1, maybe sheet-qualified) goes: its new cell, null to drop it, undefined to leave it. */
export function noteTarget(plan: CarryPlan, address: string): string | null | undefined {
  const { top: row, left: column } = parseArea(address.slice(address.lastIndexOf("!") + 1));
  // Above the header (the title block) the add-in writes the same cells again: the note stays.
  if (row < plan.headerRow.old) return undefined;
  const newRow = plan.rows.get(row);
  const newColumn = plan.columns.get(column);
  // A note on a row or column the re-import replaced goes with it, as in the CLI.
  if (newRow === undefined || newColumn === undefined) return null;
  const target = cellAddress(newRow, newColumn);
  return target;
}

/** What a carry queued before the write: the hidden copy, and the sheet's notes when they can be moved. */
export interface CarryStarted {
  copy: Excel.Worksheet;
  notes?: Excel.NoteCollection;
  /** Each carried block's formulas on the old sheet, in carryBlocks order. */
  formulas: { block: CarryBlock; range: Excel.Range }[];
  sheetName: string;
}

/** Queued with the request that reads the old sheet's charts: the hidden copy, and the notes to read. */
export function startCarry(sheet: Excel.Worksheet, sheetName: string, plan: CarryPlan, notes: boolean): CarryStarted {
  const copy = sheet.copy("End");
  copy.visibility = "Hidden";
  const formulas = carryBlocks(plan).map((block) => ({
    block,
    range: sheet.getRangeByIndexes(block.from.row - 1, block.from.column - 1, block.from.rows, block.from.columns).load("formulas"),
  }));
  if (!notes) return { copy, formulas, sheetName };
  const collection = sheet.notes;
  collection.load("items/content");
  return { copy, notes: collection, formulas, sheetName };
}

/** The notes' cells: a further request only when the sheet has notes. Returns the located notes. */
export async function locateNotes(context: Excel.RequestContext, started: CarryStarted): Promise<{ content: string; cell: Excel.Range }[]> {
  const items = started.notes?.items ?? [];
  if (items.length === 0) return [];
  const located = items.map((note) => ({ content: note.content, cell: note.getLocation().load("address") }));
  await context.sync();
  return located;
}

/** Queued before the sheet is written: validation leaves the carried cells' old places (it comes back with the paste). */
export function clearCarriedValidation(sheet: Excel.Worksheet, started: CarryStarted): void {
  for (const { block: { from } } of started.formulas) sheet.getRangeByIndexes(from.row - 1, from.column - 1, from.rows, from.columns).dataValidation.clear();
}

/**
 * Queued after the new table is written (same request): the carried blocks pasted from the copy, the notes
 * moved, the copy deleted. Notes on cells the re-import dropped go with them.
 */
export function finishCarry(sheet: Excel.Worksheet, started: CarryStarted, plan: CarryPlan, notes: { content: string; cell: Excel.Range }[]): void {
  for (const { block, range } of started.formulas) {
    const { from, to } = block;
    const source = started.copy.getRangeByIndexes(from.row - 1, from.column - 1, from.rows, from.columns);
    sheet.getRangeByIndexes(to.row - 1, to.column - 1, from.rows, from.columns).copyFrom(source, "All");
    // A paste moves references by the cell's own offset; the plan knows where each referenced row and column went.
    (range.formulas as unknown[][]).forEach((line, r) =>
      line.forEach((formula, c) => {
        if (typeof formula !== "string" || !formula.startsWith("=")) return;
        const old = { row: from.row + r, column: from.column + c };
        const moved = { row: to.row + r, column: to.column + c };
        sheet.getRangeByIndexes(moved.row - 1, moved.column - 1, 1, 1).formulas = [[carriedFormula(formula, plan, started.sheetName, old, moved)]];
      }),
    );
  }
  const moves: { address: string; content: string }[] = [];
  for (const { content, cell } of notes) {
    const target = noteTarget(plan, cell.address);
    const own = cell.address.slice(cell.address.lastIndexOf("!") + 1);
    if (target === undefined || target === own) continue;
    // Every note that moves or goes is deleted first, so a note arriving where one is leaving finds the cell free.
    sheet.notes.getItem(own).delete();
    if (target !== null) moves.push({ address: target, content });
  }
  for (const { address, content } of moves) sheet.notes.add(sheet.getRange(address), content);
  started.copy.delete();
}

/** After a failed write: the hidden copy must not stay behind (one more request). */
export async function dropCopy(context: Excel.RequestContext, started: CarryStarted): Promise<void> {
  try {
    started.copy.delete();
    await context.sync();
  } catch {
    // The copy was never made (the failure came first) or is gone already: nothing to clean.
  }
}
