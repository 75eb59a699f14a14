/**
 * A sheet's cells as read (sparse), and the dense grid built from them over where the values are. Shared by
 * the package reader (workbookValues.ts: CLI, pane consolidation) and the playground's exceljs host
 * (readWorkbook.ts toGrid), so that both bound the grid the same way.
 *
 * The grid is the values' extent when it fits MAX_GRID_CELLS. When it does not, but the sheet holds few
 * enough cells, the far cells are cut off at the widest empty gap (rows or columns), keeping the side with
 * more values, until the rest fits: a plan with one stray cell at XFD1048576 is read as the plan, and the
 * stray cell is named (SheetGrid.farCells) instead of turning the sheet into 17 billion cells.
 */
import type { CellArea, CellValue, ClippedMerge, DateFormatCell, FarCells, SheetGrid } from "../workbook/types";
import { clippedMergeOf, FAR_CELLS_LISTED, farCellsOf, GRID_MESSAGES, keptArea as keptBlocksArea, MAX_GRID_CELLS, tooLargeMessage, type OccupiedBlocks } from "../domain/gridExtent";

// The grid budget, the cut and the messages are the domain's (src/domain/gridExtent.ts), shared with the Excel host.
export { GRID_MESSAGES, MAX_GRID_CELLS };
/** Merged cells cleared per sheet at most (clipped to the grid); beyond, the sheet is refused as too large. */
const MAX_MERGE_WORK = 20_000_000;

export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

/** More values than a grid may hold: the sheet is too large whatever their extent. */
export class TooManyCellsError extends Error {}

/**
 * The cells as read, in parallel typed lists (a grid is only built once the extent is known): a few bytes a
 * cell and no garbage while reading. Numbers, most of a large sheet, stay unboxed in `numbers`; other values
 * go to a compact list that `slots` points into.
 */
export class SparseCells {
  rows: Int32Array;
  columns: Int32Array;
  numbers: Float64Array;
  /** -1: the value is numbers[i]; otherwise its index in `others`. */
  slots: Int32Array;
  others: Exclude<CellValue, number>[] = [];
  merges: CellArea[] = [];
  /** Date cells shown without their day ("m/yyyy"): few, kept as a plain list for the row parser. */
  dateFormats: DateFormatCell[] = [];
  count = 0;
  top = Infinity;
  left = Infinity;
  bottom = 0;
  right = 0;

  /** `expected`: how many cells there may be (from the part's size), to allocate once instead of growing. */
  constructor(expected = 1024) {
    const size = Math.max(1024, Math.min(MAX_GRID_CELLS, Math.ceil(expected)));
    this.rows = new Int32Array(size);
    this.columns = new Int32Array(size);
    this.numbers = new Float64Array(size);
    this.slots = new Int32Array(size);
  }

  add(row: number, column: number, value: CellValue): void {
    // More cells than a grid may hold: stop collecting now (a small, very compressible file can hold tens
    // of millions of cells).
    const index = this.count;
    if (index >= MAX_GRID_CELLS) throw new TooManyCellsError();
    if (index === this.rows.length) this.grow();
    this.rows[index] = row;
    this.columns[index] = column;
    if (typeof value === "number") {
      this.numbers[index] = value;
      this.slots[index] = -1;
    } else {
      this.slots[index] = this.others.length;
      this.others.push(value);
    }
    this.count = index + 1;
    if (row < this.top) this.top = row;
    if (row > this.bottom) this.bottom = row;
    if (column < this.left) this.left = column;
    if (column > this.right) this.right = column;
  }

  value(index: number): CellValue {
    const slot = this.slots[index];
    return slot < 0 ? this.numbers[index] : this.others[slot];
  }

  private grow(): void {
    const size = this.rows.length * 2;
    const rows = new Int32Array(size);
    rows.set(this.rows);
    this.rows = rows;
    const columns = new Int32Array(size);
    columns.set(this.columns);
    this.columns = columns;
    const numbers = new Float64Array(size);
    numbers.set(this.numbers);
    this.numbers = numbers;
    const slots = new Int32Array(size);
    slots.set(this.slots);
    this.slots = slots;
  }
}

export function cellName(row: number, column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

const areaOf = (top: number, left: number, bottom: number, right: number): CellArea => ({ top, left, bottom, right });
const cellsIn = (area: CellArea) => (area.bottom - area.top + 1) * (area.right - area.left + 1);

/** The cells as blocks of one cell each (no copy). */
function blocksOf(cells: SparseCells): OccupiedBlocks {
  return { count: cells.count, tops: cells.rows, lefts: cells.columns, bottoms: cells.rows, rights: cells.columns };
}

/** The area to build the grid over (src/domain/gridExtent.ts keptArea). */
export function keptArea(cells: SparseCells, maxCells = MAX_GRID_CELLS): CellArea | undefined {
  if (cells.count === 0) return undefined;
  return keptBlocksArea(blocksOf(cells), areaOf(cells.top, cells.left, cells.bottom, cells.right), maxCells);
}

/** A merge no larger than this (a title or a group header over empty columns) widens the grid to hold it whole. */
const ORDINARY_MERGE_CELLS = 10_000;

/**
 * The kept area widened by the ordinary merges that touch it, so a title merged over A4:C4 with its value in A4
 * reads as A4:C4 (as Office.js gives it), not cut at the last column holding a value. Huge merges (A1:XFD1048576)
 * still get clipped to the values.
 */
function withOrdinaryMerges(area: CellArea, merges: readonly CellArea[]): CellArea {
  let widened = area;
  for (const merge of merges) {
    if (cellsIn(merge) > ORDINARY_MERGE_CELLS) continue;
    if (merge.bottom < widened.top || merge.top > widened.bottom || merge.right < widened.left || merge.left > widened.right) continue;
    const union = areaOf(Math.min(widened.top, merge.top), Math.min(widened.left, merge.left), Math.max(widened.bottom, merge.bottom), Math.max(widened.right, merge.right));
    if (cellsIn(union) <= MAX_GRID_CELLS) widened = union;
  }
  return widened;
}

/**
 * Fills `grid` (values, origin, merges clipped to the kept area, farCells) from the cells. Returns a
 * message instead when the sheet is too large; `grid` is then left without values.
 */
export function fillGrid(grid: SheetGrid, cells: SparseCells): string | undefined {
  grid.values = [];
  grid.merges = [];
  if (cells.count === 0) return undefined;
  const kept = keptArea(cells);
  if (!kept) return tooLargeMessage(grid.name, areaOf(cells.top, cells.left, cells.bottom, cells.right));
  const area = withOrdinaryMerges(kept, cells.merges);
  const height = area.bottom - area.top + 1;
  const width = area.right - area.left + 1;
  // Each row a copy of one blank row built by push (packed elements: copied whole, and read fast by the domain).
  const blank: CellValue[] = [];
  for (let c = 0; c < width; c++) blank.push(null);
  const values: CellValue[][] = [];
  for (let r = 0; r < height; r++) values.push(blank.slice());
  const far: { count: number; cells: FarCells["cells"] } = { count: 0, cells: [] };
  for (let i = 0; i < cells.count; i++) {
    const row = cells.rows[i];
    const column = cells.columns[i];
    if (row < area.top || row > area.bottom || column < area.left || column > area.right) {
      far.count++;
      if (far.cells.length < FAR_CELLS_LISTED) far.cells.push({ row, column, value: cells.value(i) });
    } else values[row - area.top][column - area.left] = cells.value(i);
  }

  let work = 0;
  const merges: CellArea[] = [];
  const clippedMerges: ClippedMerge[] = [];
  for (const merge of cells.merges) {
    const clipped = areaOf(Math.max(merge.top, area.top), Math.max(merge.left, area.left), Math.min(merge.bottom, area.bottom), Math.min(merge.right, area.right));
    const outside = clipped.top > clipped.bottom || clipped.left > clipped.right;
    // A huge merge cut by the read area is named (the playground clips it in the file the same way); a
    // clip of one cell is no merge at all.
    if (cellsIn(merge) > ORDINARY_MERGE_CELLS && (outside || cellsIn(clipped) < cellsIn(merge))) {
      const kept = outside || cellsIn(clipped) === 1 ? undefined : clipped;
      clippedMerges.push(clippedMergeOf(grid.name, merge, kept, area));
      if (!kept) continue;
    }
    if (outside) continue;
    work += cellsIn(clipped);
    if (work > MAX_MERGE_WORK) return GRID_MESSAGES.mergesTooLarge(grid.name);
    // A merged area keeps its value in its top-left cell only, as Office.js gives it.
    for (let r = clipped.top; r <= clipped.bottom; r++) {
      const line = values[r - area.top];
      for (let c = clipped.left; c <= clipped.right; c++) if (r !== merge.top || c !== merge.left) line[c - area.left] = null;
    }
    merges.push(clipped);
  }
  grid.originRow = area.top;
  grid.originCol = area.left;
  grid.values = values;
  grid.merges = merges;
  const dateFormats = cells.dateFormats.filter((cell) => cell.row >= area.top && cell.row <= area.bottom && cell.column >= area.left && cell.column <= area.right);
  if (dateFormats.length > 0) grid.dateFormats = dateFormats;
  if (clippedMerges.length > 0) grid.clippedMerges = clippedMerges;
  if (far.count > 0) grid.farCells = farCellsOf(grid.name, far.count, far.cells, area);
  return undefined;
}
