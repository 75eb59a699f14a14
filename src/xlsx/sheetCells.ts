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
import type { CellArea, CellValue, DateFormatCell, FarCells, SheetGrid } from "../workbook/types";

/** The most cells a sheet's grid (rows × columns of its kept extent) may hold, and the most values read. */
export const MAX_GRID_CELLS = 2_000_000;
/** Merged cells cleared per sheet at most (clipped to the grid); beyond, the sheet is refused as too large. */
const MAX_MERGE_WORK = 20_000_000;
/** Cuts at empty gaps tried before a sheet whose values are spread everywhere is called too large. */
const MAX_CUTS = 64;
/** Far cells named by position and value (the count is always given). */
const FAR_CELLS_LISTED = 5;

export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

export const GRID_MESSAGES = {
  tooLarge: (sheet: string, from: string, to: string, cells: number) =>
    `Trang «${sheet}» quá lớn để đọc: dữ liệu trải từ ô ${from} đến ô ${to} (${cells.toLocaleString("vi-VN")} ô, giới hạn ${MAX_GRID_CELLS.toLocaleString("vi-VN")}). ` +
    `Thường do có ô gõ nhầm ở rất xa bảng: trong Excel bấm Ctrl+End để đến ô đó, xóa các dòng/cột thừa rồi lưu lại.`,
  tooManyCells: (sheet: string) =>
    `Trang «${sheet}» có hơn ${MAX_GRID_CELLS.toLocaleString("vi-VN")} ô có dữ liệu, quá lớn để đọc: hãy tách trang hoặc xóa các dòng/cột không thuộc kế hoạch rồi lưu lại.`,
  mergesTooLarge: (sheet: string) => `Trang «${sheet}» có quá nhiều ô gộp (vùng gộp quá lớn hoặc chồng lên nhau) để đọc: hãy bỏ gộp các vùng thừa trong Excel rồi lưu lại.`,
  farCells: (sheet: string, count: number, listed: string, area: string) =>
    `Trang «${sheet}»: ${count.toLocaleString("vi-VN")} ô có dữ liệu nằm rất xa bảng (${listed}), ngoài vùng được đọc ${area}, nên không được kiểm tra. ` +
    `Nếu là ô gõ nhầm: trong Excel bấm Ctrl+End để đến ô đó, xóa rồi lưu lại.`,
};

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

/**
 * The area to build the grid over: the values' extent, or, when that exceeds `maxCells`, what is left after
 * cutting off far cells at the widest empty gaps (each cut keeps the side with more values). Undefined when
 * the values are spread so evenly that no block of them fits (the sheet is then truly too large).
 */
export function keptArea(cells: SparseCells, maxCells = MAX_GRID_CELLS): CellArea | undefined {
  if (cells.count === 0) return undefined;
  let area = areaOf(cells.top, cells.left, cells.bottom, cells.right);
  for (let cut = 0; cut <= MAX_CUTS; cut++) {
    if (cellsIn(area) <= maxCells) return area;
    if (cut === MAX_CUTS) return undefined;
    const rowCounts = new Int32Array(area.bottom - area.top + 1);
    const columnCounts = new Int32Array(area.right - area.left + 1);
    for (let i = 0; i < cells.count; i++) {
      const row = cells.rows[i];
      const column = cells.columns[i];
      if (row < area.top || row > area.bottom || column < area.left || column > area.right) continue;
      rowCounts[row - area.top]++;
      columnCounts[column - area.left]++;
    }
    const byRows = widestGap(rowCounts, area.top);
    const byColumns = widestGap(columnCounts, area.left);
    if (!byRows && !byColumns) return undefined;
    // Of the two cuts, the one that leaves the smaller area (the farther-flung cells go first).
    const rowsKept = byRows ? areaOf(byRows.from, area.left, byRows.to, area.right) : undefined;
    const columnsKept = byColumns ? areaOf(area.top, byColumns.from, area.bottom, byColumns.to) : undefined;
    const next = !columnsKept || (rowsKept && cellsIn(rowsKept) <= cellsIn(columnsKept)) ? rowsKept! : columnsKept;
    area = shrinkToValues(cells, next);
  }
  return undefined;
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

/** The widest run of empty lines between two occupied ones; the kept side is the one holding more values. */
function widestGap(counts: Int32Array, origin: number): { from: number; to: number } | undefined {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  let previous = -1;
  let before = 0;
  let best: { gap: number; end: number; start: number; before: number } | undefined;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] === 0) continue;
    if (previous >= 0 && i - previous > 1 && (!best || i - previous - 1 > best.gap)) best = { gap: i - previous - 1, end: previous, start: i, before };
    before += counts[i];
    previous = i;
  }
  if (!best) return undefined;
  // Ties keep the top (left) side: a plan starts at the top left, strays lie beyond it.
  return best.before >= total - best.before ? { from: origin, to: origin + best.end } : { from: origin + best.start, to: origin + counts.length - 1 };
}

function shrinkToValues(cells: SparseCells, area: CellArea): CellArea {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (let i = 0; i < cells.count; i++) {
    const row = cells.rows[i];
    const column = cells.columns[i];
    if (row < area.top || row > area.bottom || column < area.left || column > area.right) continue;
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (column < left) left = column;
    if (column > right) right = column;
  }
  return areaOf(top, left, bottom, right);
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
  if (!kept) return GRID_MESSAGES.tooLarge(grid.name, cellName(cells.top, cells.left), cellName(cells.bottom, cells.right), cellsIn(areaOf(cells.top, cells.left, cells.bottom, cells.right)));
  const area = withOrdinaryMerges(kept, cells.merges);
  const height = area.bottom - area.top + 1;
  const width = area.right - area.left + 1;
  // Each row a copy of one blank row built by push (packed elements: copied whole, and read fast by the domain).
  const blank: CellValue[] = [];
  for (let c = 0; c < width; c++) blank.push(null);
  const values: CellValue[][] = [];
  for (let r = 0; r < height; r++) values.push(blank.slice());
  const far: FarCells = { count: 0, cells: [], note: "" };
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
  for (const merge of cells.merges) {
    const clipped = areaOf(Math.max(merge.top, area.top), Math.max(merge.left, area.left), Math.min(merge.bottom, area.bottom), Math.min(merge.right, area.right));
    if (clipped.top > clipped.bottom || clipped.left > clipped.right) continue;
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
  if (far.count > 0) {
    const listed = far.cells.map((cell) => `${cellName(cell.row, cell.column)}: “${describeValue(cell.value)}”`).join(", ") + (far.count > far.cells.length ? ", …" : "");
    far.note = GRID_MESSAGES.farCells(grid.name, far.count, listed, `${cellName(area.top, area.left)}:${cellName(area.bottom, area.right)}`);
    grid.farCells = far;
  }
  return undefined;
}

function describeValue(value: CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && value !== null) return value.error;
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
