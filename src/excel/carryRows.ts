/**
 * Carries the officer's own cells of a re-imported master sheet in Excel (TableWrite.carry): hand rows and
 * added columns keep their formulas, styles, number formats, data validation and conditional formats; rows
 * of units not re-imported (CarryPlan.keptRows) keep the same formats and checks with the merge's values;
 * notes on kept rows move with their rows; an added column keeps its width — what the CLI and the
 * playground keep (src/xlsx/sheetCarry.ts, whose carries() rule this follows).
 *
 * Mechanism: before the sheet is cleared, it is copied to a hidden sheet (Worksheet.copy, ExcelApi 1.7);
 * after the new table is written, each carried block of cells is pasted back at its new place from that copy
 * (Range.copyFrom with RangeCopyType "All", ExcelApi 1.9: "cell data or formatting", like a paste in the
 * Excel UI, so relative references move with the row), and the copy is deleted. The reference does not say
 * copyFrom brings notes, so notes are moved here: read with their cells (Note.getLocation, ExcelApi 1.18),
 * deleted and added again at the new cell. Without ExcelApi 1.18 notes stay where they were. Note.authorName
 * is read-only and NoteCollection.add takes no author: a moved note bears the name of whoever runs the
 * merge, so the summary names each moved note's cell and its first author (carry notices).
 *
 * A kept unit row's cells are pasted like a hand row's, then the merge's values are written over them (the
 * CLI's rule: the merge's value wins; a formula stays only where its cached result is what the merge wrote,
 * else the officer is told). Old values and formulas are read with the charts (no sync of their own).
 *
 * A formula pasted this way moves by its own row's offset, as any paste does: a reference to another row
 * that moved by a different amount is not followed (the CLI's package edit rewrites those by the plan).
 *
 * Syncs (inside writeTable's): none of its own before the write except one to read the notes' cells when the
 * sheet has notes; the copy, the pastes, the note moves and the deletion travel with writeTable's requests.
 */
import type { CarryPlan, CellValue } from "../workbook/types";
import { carriedFormula, formulaGaveWay } from "../xlsx/sheetCarry";
import { cellAddress, parseArea } from "./a1";
import { fromExcelValue, sameCellValue, TEXT_FORMAT, toExcelInput } from "./cellValues";
import { isTaggedNote } from "./marks";
import { noteLost } from "../domain/merge/followRows";

/**
 * A block of the old sheet (1-based) and the cell its top-left corner goes to. `kept`: cells of a kept
 * unit's rows (not in an added column), which take the merge's values.
 */
export interface CarryBlock {
  from: { row: number; column: number; rows: number; columns: number };
  to: { row: number; column: number };
  kept?: true;
}

/** How a cell of the old sheet is carried: as the officer's own (value too), with the merge's value, or not. */
function carriedKind(plan: CarryPlan, row: number, column: number): "own" | "kept" | undefined {
  if (plan.handRows.has(row) || plan.addedColumns.has(column)) return "own";
  return plan.keptRows?.has(row) ? "kept" : undefined;
}

/** The carried cells as few rectangular blocks: runs of cells whose old and new places are both consecutive. */
export function carryBlocks(plan: CarryPlan): CarryBlock[] {
  const columns = [...plan.columns].sort(([a], [b]) => a - b);
  const rows = [...plan.rows].sort(([a], [b]) => a - b);
  const blocks: CarryBlock[] = [];
  // Blocks still growing downwards, by their column run ("oldLeft,newLeft,width").
  let open = new Map<string, CarryBlock>();
  for (const [oldRow, newRow] of rows) {
    const runs: { oldLeft: number; newLeft: number; width: number; kind: "own" | "kept" }[] = [];
    for (const [oldColumn, newColumn] of columns) {
      const kind = carriedKind(plan, oldRow, oldColumn);
      if (!kind) continue;
      const last = runs.at(-1);
      if (last && last.kind === kind && last.oldLeft + last.width === oldColumn && last.newLeft + last.width === newColumn) last.width++;
      else runs.push({ oldLeft: oldColumn, newLeft: newColumn, width: 1, kind });
    }
    const next = new Map<string, CarryBlock>();
    for (const run of runs) {
      const key = `${run.kind},${run.oldLeft},${run.newLeft},${run.width}`;
      const block = open.get(key);
      if (block && block.from.row + block.from.rows === oldRow && block.to.row + block.from.rows === newRow) {
        block.from.rows++;
        next.set(key, block);
      } else {
        const fresh: CarryBlock = { from: { row: oldRow, column: run.oldLeft, rows: 1, columns: run.width }, to: { row: newRow, column: run.newLeft }, ...(run.kind === "kept" ? { kept: true as const } : {}) };
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
  /** Each carried block's formulas (and a kept block's cached values and number formats) on the old sheet, in carryBlocks order. */
  formulas: { block: CarryBlock; range: Excel.Range }[];
  /** Each added column's old width (its first cell's format), by old column. */
  widths: { column: number; format: Excel.RangeFormat }[];
  sheetName: string;
}

/** A moved note as read before the write. */
export interface LocatedNote {
  content: string;
  author: string;
  cell: Excel.Range;
}

/** Queued with the request that reads the old sheet's charts: the hidden copy, and the notes to read. */
export function startCarry(sheet: Excel.Worksheet, sheetName: string, plan: CarryPlan, notes: boolean): CarryStarted {
  const copy = sheet.copy("End");
  copy.visibility = "Hidden";
  const formulas = carryBlocks(plan).map((block) => ({
    block,
    range: sheet.getRangeByIndexes(block.from.row - 1, block.from.column - 1, block.from.rows, block.from.columns).load(block.kept ? ["formulas", "values", "numberFormat"] : "formulas"),
  }));
  const widths = [...plan.addedColumns].map((column) => ({ column, format: sheet.getRangeByIndexes(0, column - 1, 1, 1).format.load("columnWidth") }));
  if (!notes) return { copy, formulas, widths, sheetName };
  const collection = sheet.notes;
  collection.load("items/content,items/authorName");
  return { copy, notes: collection, formulas, widths, sheetName };
}

/** The notes' cells: a further request only when the sheet has notes. Returns the located notes. */
export async function locateNotes(context: Excel.RequestContext, started: CarryStarted): Promise<LocatedNote[]> {
  const items = started.notes?.items ?? [];
  if (items.length === 0) return [];
  const located = items.map((note) => ({ content: note.content, author: note.authorName, cell: note.getLocation().load("address") }));
  await context.sync();
  return located;
}

/** Queued before the sheet is written: validation leaves the carried cells' old places (it comes back with the paste). */
export function clearCarriedValidation(sheet: Excel.Worksheet, started: CarryStarted): void {
  for (const { block: { from } } of started.formulas) sheet.getRangeByIndexes(from.row - 1, from.column - 1, from.rows, from.columns).dataValidation.clear();
}

/** The value the table just written has at a cell (1-based). */
export type WrittenValue = (row: number, column: number) => CellValue;

/**
 * Queued after the new table is written (same request): the carried blocks pasted from the copy (a kept
 * block then given the merge's values back), the added columns' widths, the notes moved, the copy deleted.
 * Notes on cells the re-import dropped go with them. Returns what the officer must be told (Vietnamese).
 */
export function finishCarry(sheet: Excel.Worksheet, started: CarryStarted, plan: CarryPlan, notes: LocatedNote[], written: WrittenValue): string[] {
  const notices: string[] = [];
  for (const { block, range } of started.formulas) {
    const { from, to } = block;
    const source = started.copy.getRangeByIndexes(from.row - 1, from.column - 1, from.rows, from.columns);
    const target = sheet.getRangeByIndexes(to.row - 1, to.column - 1, from.rows, from.columns);
    target.copyFrom(source, "All");
    // A kept unit's cells: the merge's values over the pasted ones where they differ (formats, validation and
    // rules stay). Only the differing cells are sent, so the last request stays near writeTable's budget.
    const cached = block.kept ? (range.values as unknown[][]) : undefined;
    if (cached) writeDiffering(sheet, block, cached, range.numberFormat as unknown[][], written);
    // A paste moves references by the cell's own offset; the plan knows where each referenced row and column went.
    (range.formulas as unknown[][]).forEach((line, r) =>
      line.forEach((formula, c) => {
        if (typeof formula !== "string" || !formula.startsWith("=")) return;
        const old = { row: from.row + r, column: from.column + c };
        const moved = { row: to.row + r, column: to.column + c };
        if (cached && !sameCellValue(cached[r][c], written(moved.row, moved.column))) {
          notices.push(formulaGaveWay(started.sheetName, cellAddress(old.row, old.column), formula, shown(written(moved.row, moved.column)), shown(fromExcelValue(cached[r][c])), cellAddress(moved.row, moved.column)));
          return;
        }
        sheet.getRangeByIndexes(moved.row - 1, moved.column - 1, 1, 1).formulas = [[carriedFormula(formula, plan, started.sheetName, old, moved)]];
      }),
    );
  }
  for (const { column, format } of started.widths) {
    const target = plan.columns.get(column);
    // null: the old range's columns differ in width (one column here: never); a width of 0 is a hidden column, kept so.
    if (target !== undefined && typeof format.columnWidth === "number") sheet.getRangeByIndexes(0, target - 1, 1, 1).format.columnWidth = format.columnWidth;
  }
  const moves: { address: string; content: string }[] = [];
  const authored: string[] = [];
  for (const { content, author, cell } of notes) {
    const target = noteTarget(plan, cell.address);
    const own = cell.address.slice(cell.address.lastIndexOf("!") + 1);
    if (target === undefined || target === own) continue;
    // Every note that moves or goes is deleted first, so a note arriving where one is leaving finds the cell free.
    sheet.notes.getItem(own).delete();
    if (target === null) {
      // The add-in's own finding notes are written again by the merge; an officer's note is named, as in the CLI.
      if (!isTaggedNote(content)) notices.push(noteLost(started.sheetName, own, content));
      continue;
    }
    moves.push({ address: target, content });
    // The add-in's own finding notes are its own: no officer's authorship to name.
    if (author && !isTaggedNote(content)) authored.push(`${own} → ${target} (${author})`);
  }
  for (const { address, content } of moves) sheet.notes.add(sheet.getRange(address), content);
  if (authored.length > 0) notices.push(notesLostAuthor(started.sheetName, authored));
  started.copy.delete();
  return notices;
}

/**
 * The merge's values into a pasted kept block where the old cell (value, or a formula's cached result)
 * differs: one write per run of such cells down a column (an STT renumbered is one run per block). A cell
 * the officer formatted as text takes its text as it is, as writeTable's text columns do.
 */
function writeDiffering(sheet: Excel.Worksheet, block: CarryBlock, cached: unknown[][], formats: unknown[][], written: WrittenValue): void {
  const { from, to } = block;
  for (let c = 0; c < from.columns; c++) {
    let run: (string | number | boolean)[] = [];
    let start = 0;
    for (let r = 0; r <= from.rows; r++) {
      const value = r < from.rows ? written(to.row + r, to.column + c) : undefined;
      const differs = value !== undefined && !sameCellValue(cached[r][c], value);
      if (differs) {
        if (run.length === 0) start = r;
        run.push(toExcelInput(value, formats[r][c] === TEXT_FORMAT));
        continue;
      }
      if (run.length > 0) sheet.getRangeByIndexes(to.row - 1 + start, to.column - 1 + c, run.length, 1).values = run.map((input) => [input]);
      run = [];
    }
  }
}

/** Excel sets a note's author itself (Note.authorName is read-only): the officer is told whose notes moved. */
export function notesLostAuthor(sheetName: string, moves: readonly string[]): string {
  const shownMoves = moves.length > MOVES_NAMED ? [...moves.slice(0, MOVES_NAMED), `và ${moves.length - MOVES_NAMED} ghi chú khác`] : moves;
  return `Trang “${sheetName}”: ${moves.length} ghi chú đã được chuyển theo dòng của nó (${shownMoves.join("; ")}). Excel không cho phần bổ trợ giữ tên người viết ghi chú: ghi chú ở chỗ mới mang tên người đang dùng Excel; tên trong ngoặc là người viết ban đầu.`;
}

/** Moved notes named one by one in the summary; the rest are counted. */
const MOVES_NAMED = 20;

function shown(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") return value.error;
  return String(value);
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
