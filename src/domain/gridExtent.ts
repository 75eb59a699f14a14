/**
 * Where a sheet's grid is built: the values' extent, or, when that exceeds the grid budget, what is left
 * after cutting off far cells at the widest empty gaps. Shared by every host so that a plan with one stray
 * cell at XFD1048576 reads the same everywhere (the package reader's sparse cells, src/xlsx/sheetCells.ts;
 * Excel's special cells, src/excel/readSheets.ts), and the cut cells are named with the same note.
 *
 * Positions come as blocks (inclusive rectangles; a single cell is one block of one cell) in parallel
 * lists, so the package reader hands its typed arrays over without copying.
 */
import type { CellArea, CellValue, ClippedMerge, FarCells } from "../workbook/types";
import { a1Address } from "./cells";

/** The most cells a sheet's grid (rows × columns of its kept extent) may hold, and the most values read. */
export const MAX_GRID_CELLS = 2_000_000;
/** Cuts at empty gaps tried before a sheet whose values are spread everywhere is called too large. */
const MAX_CUTS = 64;
/** Far cells named by position and value (the count is always given). */
export const FAR_CELLS_LISTED = 5;

export const GRID_MESSAGES = {
  tooLarge: (sheet: string, from: string, to: string, cells: number) =>
    `Trang «${sheet}» quá lớn để đọc: dữ liệu trải từ ô ${from} đến ô ${to} (${cells.toLocaleString("vi-VN")} ô, giới hạn ${MAX_GRID_CELLS.toLocaleString("vi-VN")}). ` +
    `Thường do có ô gõ nhầm ở rất xa bảng: trong Excel bấm Ctrl+End để đến ô đó, xóa các dòng/cột thừa rồi lưu lại.`,
  tooManyCells: (sheet: string) =>
    `Trang «${sheet}» có hơn ${MAX_GRID_CELLS.toLocaleString("vi-VN")} ô có dữ liệu, quá lớn để đọc: hãy tách trang hoặc xóa các dòng/cột không thuộc kế hoạch rồi lưu lại.`,
  mergesTooLarge: (sheet: string) => `Trang «${sheet}» có quá nhiều ô gộp (vùng gộp quá lớn hoặc chồng lên nhau) để đọc: hãy bỏ gộp các vùng thừa trong Excel rồi lưu lại.`,
  clippedMerge: (sheet: string, written: string, reachesEnd: boolean, kept: string | undefined, area: string) =>
    `Trang «${sheet}»: vùng gộp ${written} ${reachesEnd ? "trải tới tận cuối trang tính" : "trải ra xa ngoài vùng có dữ liệu"}; ` +
    (kept ? `chỉ đọc phần ${kept} nằm trong vùng có dữ liệu ${area}.` : `trong vùng có dữ liệu ${area} không còn ô nào cần gộp nên vùng gộp được bỏ qua khi đọc.`),
  farCells: (sheet: string, count: number, listed: string, area: string) =>
    `Trang «${sheet}»: ${count.toLocaleString("vi-VN")} ô có dữ liệu nằm rất xa bảng (${listed}), ngoài vùng được đọc ${area}, nên không được kiểm tra. ` +
    `Nếu là ô gõ nhầm: trong Excel bấm Ctrl+End để đến ô đó, xóa rồi lưu lại.`,
};

/** Occupied blocks as parallel lists: block i spans rows tops[i]..bottoms[i] and columns lefts[i]..rights[i]. */
export interface OccupiedBlocks {
  count: number;
  tops: ArrayLike<number>;
  lefts: ArrayLike<number>;
  bottoms: ArrayLike<number>;
  rights: ArrayLike<number>;
}

/** Blocks from a list of areas (Excel's RangeAreas). */
export function blocksOfAreas(areas: readonly CellArea[]): OccupiedBlocks {
  return { count: areas.length, tops: areas.map((a) => a.top), lefts: areas.map((a) => a.left), bottoms: areas.map((a) => a.bottom), rights: areas.map((a) => a.right) };
}

const areaOf = (top: number, left: number, bottom: number, right: number): CellArea => ({ top, left, bottom, right });
export const cellsIn = (area: CellArea) => (area.bottom - area.top + 1) * (area.right - area.left + 1);

/** The smallest area holding every block's part inside `within` (every block when omitted); undefined when none is. */
export function blocksExtent(blocks: OccupiedBlocks, within?: CellArea): CellArea | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (let i = 0; i < blocks.count; i++) {
    const t = within ? Math.max(blocks.tops[i], within.top) : blocks.tops[i];
    const l = within ? Math.max(blocks.lefts[i], within.left) : blocks.lefts[i];
    const b = within ? Math.min(blocks.bottoms[i], within.bottom) : blocks.bottoms[i];
    const r = within ? Math.min(blocks.rights[i], within.right) : blocks.rights[i];
    if (t > b || l > r) continue;
    if (t < top) top = t;
    if (b > bottom) bottom = b;
    if (l < left) left = l;
    if (r > right) right = r;
  }
  return bottom === 0 ? undefined : areaOf(top, left, bottom, right);
}

/**
 * The area to build the grid over: the values' extent (`extent`, computed when not given), or, when that
 * exceeds `maxCells`, what is left after cutting off far cells at the widest empty gaps (each cut keeps the
 * side with more values). Undefined when there are no values, or when they are spread so evenly that no block
 * of them fits (the sheet is then truly too large).
 */
export function keptArea(blocks: OccupiedBlocks, extent = blocksExtent(blocks), maxCells = MAX_GRID_CELLS): CellArea | undefined {
  if (blocks.count === 0 || !extent) return undefined;
  let area = extent;
  for (let cut = 0; cut <= MAX_CUTS; cut++) {
    if (cellsIn(area) <= maxCells) return area;
    if (cut === MAX_CUTS) return undefined;
    const height = area.bottom - area.top + 1;
    const width = area.right - area.left + 1;
    // Values per row and per column inside the area, by difference arrays (a block adds its clipped width to each of its rows).
    const rowCounts = new Float64Array(height + 1);
    const columnCounts = new Float64Array(width + 1);
    for (let i = 0; i < blocks.count; i++) {
      const top = Math.max(blocks.tops[i], area.top);
      const bottom = Math.min(blocks.bottoms[i], area.bottom);
      const left = Math.max(blocks.lefts[i], area.left);
      const right = Math.min(blocks.rights[i], area.right);
      if (top > bottom || left > right) continue;
      rowCounts[top - area.top] += right - left + 1;
      rowCounts[bottom - area.top + 1] -= right - left + 1;
      columnCounts[left - area.left] += bottom - top + 1;
      columnCounts[right - area.left + 1] -= bottom - top + 1;
    }
    for (let i = 1; i < height; i++) rowCounts[i] += rowCounts[i - 1];
    for (let i = 1; i < width; i++) columnCounts[i] += columnCounts[i - 1];
    const byRows = widestGap(rowCounts, height, area.top);
    const byColumns = widestGap(columnCounts, width, area.left);
    if (!byRows && !byColumns) return undefined;
    // Of the two cuts, the one that leaves the smaller area (the farther-flung cells go first).
    const rowsKept = byRows ? areaOf(byRows.from, area.left, byRows.to, area.right) : undefined;
    const columnsKept = byColumns ? areaOf(area.top, byColumns.from, area.bottom, byColumns.to) : undefined;
    const next = !columnsKept || (rowsKept && cellsIn(rowsKept) <= cellsIn(columnsKept)) ? rowsKept! : columnsKept;
    area = blocksExtent(blocks, next)!;
  }
  return undefined;
}

/** The widest run of empty lines between two occupied ones; the kept side is the one holding more values. */
function widestGap(counts: Float64Array, length: number, origin: number): { from: number; to: number } | undefined {
  let total = 0;
  for (let i = 0; i < length; i++) total += counts[i];
  let previous = -1;
  let before = 0;
  let best: { gap: number; end: number; start: number; before: number } | undefined;
  for (let i = 0; i < length; i++) {
    if (counts[i] === 0) continue;
    if (previous >= 0 && i - previous > 1 && (!best || i - previous - 1 > best.gap)) best = { gap: i - previous - 1, end: previous, start: i, before };
    before += counts[i];
    previous = i;
  }
  if (!best) return undefined;
  // Ties keep the top (left) side: a plan starts at the top left, strays lie beyond it.
  return best.before >= total - best.before ? { from: origin, to: origin + best.end } : { from: origin + best.start, to: origin + length - 1 };
}

/** Cells of the blocks outside `kept`: how many, and the first `listed` positions (block order, then row by row). */
export function cellsOutside(blocks: OccupiedBlocks, kept: CellArea, listed = FAR_CELLS_LISTED): { count: number; first: { row: number; column: number }[] } {
  let count = 0;
  const first: { row: number; column: number }[] = [];
  for (let i = 0; i < blocks.count; i++) {
    const block = areaOf(blocks.tops[i], blocks.lefts[i], blocks.bottoms[i], blocks.rights[i]);
    const top = Math.max(block.top, kept.top);
    const bottom = Math.min(block.bottom, kept.bottom);
    const left = Math.max(block.left, kept.left);
    const right = Math.min(block.right, kept.right);
    const inside = top > bottom || left > right ? 0 : (bottom - top + 1) * (right - left + 1);
    const outside = cellsIn(block) - inside;
    if (outside === 0) continue;
    count += outside;
    for (let row = block.top; row <= block.bottom && first.length < listed; row++) {
      for (let column = block.left; column <= block.right && first.length < listed; column++) {
        if (row < kept.top || row > kept.bottom || column < kept.left || column > kept.right) first.push({ row, column });
        // A row crossing the kept area: jump over it.
        else column = Math.min(block.right, kept.right);
      }
    }
  }
  return { count, first };
}

/** The far cells' record for SheetGrid.farCells, with the note the CLI and the pane show. */
export function farCellsOf(sheet: string, count: number, cells: FarCells["cells"], kept: CellArea): FarCells {
  const listed = cells.map((cell) => `${a1Address(cell.row, cell.column)}: “${describeValue(cell.value)}”`).join(", ") + (count > cells.length ? ", …" : "");
  const note = GRID_MESSAGES.farCells(sheet, count, listed, `${a1Address(kept.top, kept.left)}:${a1Address(kept.bottom, kept.right)}`);
  return { count, cells, note };
}

/** A merge clipped to (or left out of) the read `area`, with the note naming it (SheetGrid.clippedMerges). */
export function clippedMergeOf(sheet: string, written: CellArea, kept: CellArea | undefined, area: CellArea): ClippedMerge {
  return { written, kept, note: GRID_MESSAGES.clippedMerge(sheet, areaName(written), reachesSheetEnd(written), kept && areaName(kept), areaName(area)) };
}

const SHEET_LAST_ROW = 1_048_576;
const SHEET_LAST_COLUMN = 16_384;
export const reachesSheetEnd = (area: CellArea) => area.bottom >= SHEET_LAST_ROW || area.right >= SHEET_LAST_COLUMN;
export const areaName = (area: CellArea) => `${a1Address(area.top, area.left)}:${a1Address(area.bottom, area.right)}`;

/** The tooLarge message for values spread over `extent`. */
export function tooLargeMessage(sheet: string, extent: CellArea): string {
  return GRID_MESSAGES.tooLarge(sheet, a1Address(extent.top, extent.left), a1Address(extent.bottom, extent.right), cellsIn(extent));
}

function describeValue(value: CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && value !== null) return value.error;
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
