/**
 * Reads every worksheet's used range (values only) into SheetGrids.
 *
 * Syncs: 3 — (1) list the sheets, (2) every sheet's used range with its values, (3) the merged areas
 * (ExcelApi 1.13) and the number formats of the columns holding dates (a "9/2026" Excel turned into a
 * date shown "m/yyyy" is a month). The list must come first: a sheet's ranges cannot be queued before the sheet is known.
 *
 * Merged areas travel alone because Excel fails getMergedAreasOrNullObject for a range with more than
 * 512 merged areas (Excel API reference), and a failure loses everything loaded in the same sync. If
 * (3) fails, (4) asks again for the first HEADER_AREA_ROWS rows of each sheet (where the recogniser
 * needs merges: the group headers); if that fails too, the sheets are read without merges.
 *
 * Range.values may come back null instead of failing above the 5,000,000-cell read limit
 * (office-js-docs-pr#5821): that counts as "too large" too.
 *
 * Large workbooks. Excel on the web caps each request and each response at 5 MB, and any platform
 * caps a read at 5,000,000 cells per range. The cap is per request, that is per `context.sync()`:
 * ranges queued before the same sync travel in the same request, so splitting a range into chunks
 * without syncing between them does not help (Microsoft's guidance: split and sync per piece, and only
 * once a limit was actually hit). Trade-off chosen: the constant two syncs whenever the values fit one
 * request (measured: a plan of 10,000 delegations does); when Excel answers "too large", the same run
 * falls back to (3) the used ranges' sizes and then row chunks of at most `chunkCells` cells, grouped
 * into syncs of at most `syncBudgetBytes` estimated bytes, each group halved again if Excel still
 * refuses it. The number of syncs then grows with the megabytes read (about one per 4 MB), never with
 * rows as such; a single row Excel refuses ends in a clear "sheet too large" message.
 *
 * Far cells. One stray value at XFD1048576 makes the used range 17 billion cells. In the fallback, a used
 * range over the domain's grid budget (MAX_GRID_CELLS, src/domain/gridExtent.ts) is not read: one more sync
 * asks where its values are (Range.getSpecialCellsOrNullObject "Constants" and "Formulas", ExcelApi 1.9: one
 * RangeAreas address each), the domain picks the area to keep as the CLI does (cut at the widest empty gaps),
 * the kept values are read in one sync (chunks only if that is refused), and the far cells' values travel
 * with the merged areas to be named in `SheetGrid.farCells`: list, whole read, sizes, special cells, kept
 * values, merges = 6 syncs whatever the rows. A sheet whose values are spread too widely, or whose special
 * cells' addresses exceed a response, comes back `unreadable` with the CLI's "too large" message.
 */
import type { CellArea, SheetGrid, CellValue } from "../workbook/types";
import { MAX_COLUMNS, parseAreas } from "./a1";
import { fromExcelRows } from "./cellValues";
import { datePrecisionOfFormat } from "../domain/values/dates";
import { blocksExtent, blocksOfAreas, cellsOutside, farCellsOf, keptArea, MAX_GRID_CELLS, tooLargeMessage } from "../domain/gridExtent";
import { hostError, isTooLarge } from "./errors";
import type { Locale } from "../i18n";

export interface ReadLimits {
  /** Cells per chunk range in the fallback (well under the 5,000,000-cell read cap). */
  chunkCells: number;
  /** Estimated response bytes allowed in one sync in the fallback (under the 5 MB request cap). */
  syncBudgetBytes: number;
  /** Estimated JSON bytes per cell when planning the fallback (Vietnamese text is 2–3 bytes a letter). */
  bytesPerCell: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { chunkCells: 100_000, syncBudgetBytes: 4_000_000, bytesPerCell: 24 };

export interface ReadOptions {
  excludedSheets: ReadonlySet<string>;
  mergedAreas: boolean;
  limits: ReadLimits;
  locale: Locale;
}

export interface SheetRead {
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

export interface SheetsRead {
  grids: SheetGrid[];
}

export async function readSheetGrids(context: Excel.RequestContext, options: ReadOptions): Promise<SheetsRead> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id,items/visibility");
  await context.sync();
  const sheets = worksheets.items.filter((sheet) => !options.excludedSheets.has(sheet.name));

  const { grids, far } = await readValues(context, sheets, options);
  const merges = await readMergedAreasAndDateFormats(context, sheets, grids, options.mergedAreas, far);
  const keptAreas = new Map(far.map((cut) => [cut.grid, cut.kept]));
  sheets.forEach((sheet, i) => {
    if (grids[i].unreadable !== undefined) return;
    const kept = keptAreas.get(grids[i]);
    // A grid cut short of far cells keeps the merges over it, clipped to it (as the CLI's).
    grids[i].merges = (merges.get(sheet) ?? []).flatMap((merge) => (kept ? clipArea(merge, kept) : [merge]));
  });
  return { grids };
}

/** Rows whose merged areas are asked again when the whole sheet's cannot be read (the header area). */
export const HEADER_AREA_ROWS = 60;

/**
 * Number formats read per sync at most (about 15 bytes each in the response): the columns that hold dates
 * are read until this is spent; dates in the others are read to the day, as before formats were read.
 */
export const DATE_FORMAT_CELLS_BUDGET = 100_000;
/** Serials of 1/1/2000 and 31/12/2100: a number in a plan outside these is not a date a unit typed. */
const PLAN_DATE_SERIALS = { min: 36_526, max: 73_415 } as const;

interface FormatRead {
  grid: SheetGrid;
  column: number;
  firstRow: number;
  range: Excel.Range;
}

/**
 * Sync 3: the merged areas, and the number formats of the columns that hold date serials (Excel turns
 * "9/2026" typed into 1/9/2026 shown "m/yyyy": the format says the unit meant the month). A refused sync
 * loses both, so each retry queues the formats again; without merged areas the formats travel alone.
 */
async function readMergedAreasAndDateFormats(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  grids: SheetGrid[],
  mergedAreas: boolean,
  far: readonly FarCellsRead[],
): Promise<Map<Excel.Worksheet, CellArea[]>> {
  const attempts: ("whole" | "header" | "none")[] = mergedAreas ? ["whole", "header", "none"] : ["none"];
  for (const attempt of attempts) {
    const queued =
      attempt === "none"
        ? []
        : sheets.map((sheet) => {
            const range = attempt === "whole" ? sheet.getRange() : sheet.getRangeByIndexes(0, 0, HEADER_AREA_ROWS, MAX_COLUMNS);
            const merged = range.getMergedAreasOrNullObject();
            merged.load("address");
            return merged;
          });
    const formats = queueDateFormats(sheets, grids);
    const farValues = queueFarCells(far);
    if (queued.length === 0 && formats.length === 0 && far.length === 0) return new Map();
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- at most three times: the whole sheets, their header area, then the formats alone
      await context.sync();
      collectDateFormats(formats);
      nameFarCells(far, farValues);
      return new Map(sheets.map((sheet, i) => [sheet, queued.length === 0 || queued[i].isNullObject ? [] : parseAreas(queued[i].address)]));
    } catch {
      // Over 512 merged areas somewhere (or another refusal): try the header area, then go without.
    }
  }
  // Even the last try failed: the far cells are still named, by position.
  nameFarCells(far, undefined);
  return new Map();
}

/** Queues the values of the far cells to name (a few per sheet, one cell each). */
function queueFarCells(far: readonly FarCellsRead[]): Excel.Range[][] {
  return far.map((cut) =>
    cut.cells.map((cell) => {
      const range = cut.sheet.getRangeByIndexes(cell.row - 1, cell.column - 1, 1, 1);
      range.load("values");
      return range;
    }),
  );
}

function nameFarCells(far: readonly FarCellsRead[], values: Excel.Range[][] | undefined): void {
  far.forEach((cut, k) => {
    const cells = cut.cells.map((cell, j) => ({ ...cell, value: (values ? fromExcelRows(values[k][j].values)[0]?.[0] : undefined) ?? "" }));
    cut.grid.farCells = farCellsOf(cut.grid.name, cut.count, cells, cut.kept);
  });
}

/** The part of `area` inside `within`, as a list of zero or one area. */
export function clipArea(area: CellArea, within: CellArea): CellArea[] {
  const clipped = { top: Math.max(area.top, within.top), left: Math.max(area.left, within.left), bottom: Math.min(area.bottom, within.bottom), right: Math.min(area.right, within.right) };
  return clipped.top > clipped.bottom || clipped.left > clipped.right ? [] : [clipped];
}

/** Queues the number formats of each column holding date serials, from its first to its last date, within the budget. */
function queueDateFormats(sheets: Excel.Worksheet[], grids: SheetGrid[]): FormatRead[] {
  const reads: FormatRead[] = [];
  let budget = DATE_FORMAT_CELLS_BUDGET;
  sheets.forEach((sheet, i) => {
    const grid = grids[i];
    const width = grid.values.reduce((most, line) => Math.max(most, line.length), 0);
    for (let c = 0; c < width; c++) {
      let first = -1;
      let last = -1;
      grid.values.forEach((line, r) => {
        if (isPlanDateSerial(line[c])) {
          if (first < 0) first = r;
          last = r;
        }
      });
      if (first < 0 || last - first + 1 > budget) continue;
      budget -= last - first + 1;
      const range = sheet.getRangeByIndexes(grid.originRow - 1 + first, grid.originCol - 1 + c, last - first + 1, 1);
      range.load("numberFormat");
      reads.push({ grid, column: grid.originCol + c, firstRow: grid.originRow + first, range });
    }
  });
  return reads;
}

/** Keeps, on each grid, the formats of its date cells shown without their day. */
function collectDateFormats(reads: FormatRead[]): void {
  for (const read of reads) {
    const formats = read.range.numberFormat;
    if (!Array.isArray(formats)) continue;
    formats.forEach((line, offset) => {
      const format: unknown = Array.isArray(line) ? line[0] : undefined;
      const row = read.firstRow + offset;
      if (typeof format !== "string" || datePrecisionOfFormat(format) === "day") return;
      if (!isPlanDateSerial(read.grid.values[row - read.grid.originRow]?.[read.column - read.grid.originCol])) return;
      (read.grid.dateFormats ??= []).push({ row, column: read.column, format });
    });
  }
}

function isPlanDateSerial(value: CellValue | undefined): boolean {
  return typeof value === "number" && value >= PLAN_DATE_SERIALS.min && value <= PLAN_DATE_SERIALS.max;
}

async function readValues(context: Excel.RequestContext, sheets: Excel.Worksheet[], options: ReadOptions): Promise<ValuesRead> {
  const whole = sheets.map((sheet) => queueRead(sheet, "values"));
  try {
    await context.sync();
    if (whole.every(valuesArrived)) return { grids: whole.map(wholeGrid), far: [] };
  } catch (error) {
    if (!isTooLarge(error)) throw error;
  }
  return readBounded(context, sheets, options);
}

/** Excel may answer a read above its cell limit with null values instead of an error. */
function valuesArrived(read: SheetRead): boolean {
  return read.used.isNullObject || Array.isArray(read.used.values);
}

function wholeGrid(read: SheetRead): SheetGrid {
  return toGrid(read, read.used.isNullObject ? [] : fromExcelRows(read.used.values));
}

/** Queues a sheet's used range, with its values or only its size. */
function queueRead(sheet: Excel.Worksheet, part: "values" | "size"): SheetRead {
  const used = sheet.getUsedRangeOrNullObject(true);
  if (part === "values") used.load("rowIndex,columnIndex,values");
  else used.load("rowIndex,columnIndex,rowCount,columnCount");
  return { sheet, used };
}

function toGrid(read: SheetRead, values: CellValue[][]): SheetGrid {
  const empty = read.used.isNullObject;
  return {
    name: read.sheet.name,
    originRow: empty ? 1 : read.used.rowIndex + 1,
    originCol: empty ? 1 : read.used.columnIndex + 1,
    values,
    merges: [],
    hidden: read.sheet.visibility !== "Visible",
  };
}

/** The values of one sheet's grid, read whole or in chunks: the used range, or the part of it kept (far cells cut). */
export interface ValuesTarget {
  sheet: Excel.Worksheet;
  grid: SheetGrid;
  /** 0-based, as getRangeByIndexes takes them. */
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** Far cells cut from a sheet's grid (gridExtent.ts): their values are read with the merged areas, then named in the note. */
export interface FarCellsRead {
  sheet: Excel.Worksheet;
  grid: SheetGrid;
  kept: CellArea;
  count: number;
  cells: { row: number; column: number }[];
}

interface ValuesRead {
  grids: SheetGrid[];
  far: FarCellsRead[];
}

interface Chunk {
  target: ValuesTarget;
  /** Offset of the chunk's first row inside the target. */
  offset: number;
  rows: number;
  columns: number;
}

/**
 * The fallback once the whole read was refused: (a) the used ranges' sizes; (b) for a used range over the grid
 * budget (a stray value at XFD1048576 makes it 17 billion cells), where its values are — the constants' and the
 * formulas' special cells (ExcelApi 1.9), one RangeAreas address each — and the area the domain keeps
 * (gridExtent.ts, as the CLI); (c) the values kept, in one sync when there were such ranges (they were likely
 * why the whole read failed), else, or when that is refused too, in chunks. Far cells are named in
 * `farCells` once their values are read (readMergedAreasAndDateFormats). A sheet whose values are spread too
 * widely, or whose special cells Excel refuses to send, comes back `unreadable` with the CLI's message.
 */
async function readBounded(context: Excel.RequestContext, sheets: Excel.Worksheet[], options: ReadOptions): Promise<ValuesRead> {
  const reads = sheets.map((sheet) => queueRead(sheet, "size"));
  await context.sync();
  const grids = reads.map((read) => toGrid(read, []));
  const { targets, far, located } = await locateValues(context, reads, grids);
  if (located && (await readTargetsWhole(context, targets))) return { grids, far };
  await readInChunks(context, targets, options);
  return { grids, far };
}

/**
 * What to read of each used range whose size is loaded: the whole range when it fits the grid budget; else,
 * after one sync asking where its values are (special cells), the area the domain keeps, with the far cells
 * cut (their positions; the values are read later). `located`: that sync was made (no sync without such a range).
 * A range whose values cannot be kept gets `unreadable` on its grid and no target.
 */
export async function locateValues(
  context: Excel.RequestContext,
  reads: readonly SheetRead[],
  grids: readonly SheetGrid[],
): Promise<{ targets: ValuesTarget[]; far: FarCellsRead[]; located: boolean }> {
  const far: FarCellsRead[] = [];
  const targets: ValuesTarget[] = [];
  const wide: { read: SheetRead; grid: SheetGrid; constants: Excel.RangeAreas; formulas: Excel.RangeAreas }[] = [];
  reads.forEach((read, i) => {
    if (read.used.isNullObject) return;
    const { rowIndex, columnIndex, rowCount, columnCount } = read.used;
    if (rowCount * columnCount <= MAX_GRID_CELLS) targets.push({ sheet: read.sheet, grid: grids[i], rowIndex, columnIndex, rowCount, columnCount });
    else {
      const constants = read.used.getSpecialCellsOrNullObject("Constants");
      const formulas = read.used.getSpecialCellsOrNullObject("Formulas");
      constants.load("address");
      formulas.load("address");
      wide.push({ read, grid: grids[i], constants, formulas });
    }
  });
  if (wide.length === 0) return { targets, far, located: false };

  let found = true;
  try {
    await context.sync();
  } catch (error) {
    if (!isTooLarge(error)) throw error;
    // The addresses alone exceed a response: values spread that widely are more than a grid may hold anyway.
    found = false;
  }
  for (const { read, grid, constants, formulas } of wide) {
    const { rowIndex, columnIndex, rowCount, columnCount } = read.used;
    const usedArea: CellArea = { top: rowIndex + 1, left: columnIndex + 1, bottom: rowIndex + rowCount, right: columnIndex + columnCount };
    const areas = found ? [constants, formulas].flatMap((cells) => (cells.isNullObject ? [] : parseAreas(cells.address))) : [];
    const blocks = blocksOfAreas(areas);
    const kept = found ? keptArea(blocks) : undefined;
    if (!kept) {
      grid.unreadable = tooLargeMessage(grid.name, blocksExtent(blocks) ?? usedArea);
      continue;
    }
    grid.originRow = kept.top;
    grid.originCol = kept.left;
    targets.push({ sheet: read.sheet, grid, rowIndex: kept.top - 1, columnIndex: kept.left - 1, rowCount: kept.bottom - kept.top + 1, columnCount: kept.right - kept.left + 1 });
    const outside = cellsOutside(blocks, kept);
    if (outside.count > 0) far.push({ sheet: read.sheet, grid, kept, count: outside.count, cells: outside.first });
  }
  return { targets, far, located: true };
}

/**
 * The values of used ranges whose sizes are loaded (the live check's sheets beyond its window, the self-test's
 * far cell): 1 sync, or 2 with a range over the grid budget (special cells, then the values kept with the far
 * cells' values); chunks only when Excel refuses a sync. Fills each grid's values, origin and farCells (or
 * `unreadable`); `grids[i]` belongs to `reads[i]`.
 */
export async function readUsedRanges(context: Excel.RequestContext, reads: readonly SheetRead[], grids: readonly SheetGrid[], options: ChunkOptions): Promise<void> {
  const { targets, far } = await locateValues(context, reads, grids);
  const farValues = queueFarCells(far);
  if (await readTargetsWhole(context, targets)) {
    nameFarCells(far, farValues);
    return;
  }
  await readInChunks(context, targets, options);
  if (far.length === 0) return;
  // The far cells' values were lost with the refused sync: asked again alone (a few cells).
  const again = queueFarCells(far);
  await context.sync();
  nameFarCells(far, again);
}

/** One sync for every target's values; false (nothing kept) when Excel refuses it or sends null values. */
async function readTargetsWhole(context: Excel.RequestContext, targets: ValuesTarget[]): Promise<boolean> {
  if (targets.length === 0) return true;
  const ranges = targets.map((target) => queueValues(target, 0, target.rowCount));
  try {
    await context.sync();
  } catch (error) {
    if (!isTooLarge(error)) throw error;
    return false;
  }
  if (ranges.some((range) => !Array.isArray(range.values))) return false;
  targets.forEach((target, i) => (target.grid.values = fromExcelRows(ranges[i].values)));
  return true;
}

/** Queues the values of `rows` rows of a target, from `offset` rows below its top (the whole read and a chunk alike). */
function queueValues(target: ValuesTarget, offset: number, rows: number): Excel.Range {
  const range = target.sheet.getRangeByIndexes(target.rowIndex + offset, target.columnIndex, rows, target.columnCount);
  range.load("values");
  return range;
}

type ChunkOptions = Pick<ReadOptions, "limits" | "locale">;

async function readInChunks(context: Excel.RequestContext, targets: ValuesTarget[], options: ChunkOptions): Promise<void> {
  const { chunkCells, syncBudgetBytes, bytesPerCell } = options.limits;
  const chunks: Chunk[] = [];
  for (const target of targets) {
    const { rowCount, columnCount } = target;
    target.grid.values = new Array<CellValue[]>(rowCount);
    const rowsPerChunk = Math.max(1, Math.floor(chunkCells / columnCount));
    for (let offset = 0; offset < rowCount; offset += rowsPerChunk) {
      chunks.push({ target, offset, rows: Math.min(rowsPerChunk, rowCount - offset), columns: columnCount });
    }
  }

  const groups: Chunk[][] = [];
  let group: Chunk[] = [];
  let groupBytes = 0;
  for (const chunk of chunks) {
    const bytes = chunk.rows * chunk.columns * bytesPerCell;
    if (group.length > 0 && groupBytes + bytes > syncBudgetBytes) {
      groups.push(group);
      group = [];
      groupBytes = 0;
    }
    group.push(chunk);
    groupBytes += bytes;
  }
  if (group.length > 0) groups.push(group);

  const loadGroup = async (members: Chunk[]): Promise<void> => {
    const ranges = members.map((chunk) => queueValues(chunk.target, chunk.offset, chunk.rows));
    try {
      await context.sync();
    } catch (error) {
      if (!isTooLarge(error)) throw error;
      const halves = splitGroup(members);
      if (!halves) throw hostError(options.locale, "sheetTooLarge", { sheet: members[0].target.sheet.name }, error);
      await loadGroup(halves[0]);
      await loadGroup(halves[1]);
      return;
    }
    if (ranges.some((range) => !Array.isArray(range.values))) {
      // null values: over the cell limit after all; split like a refusal.
      const halves = splitGroup(members);
      if (!halves) throw hostError(options.locale, "sheetTooLarge", { sheet: members[0].target.sheet.name });
      await loadGroup(halves[0]);
      await loadGroup(halves[1]);
      return;
    }
    members.forEach((chunk, i) => {
      const target = chunk.target.grid.values;
      fromExcelRows(ranges[i].values).forEach((row, r) => (target[chunk.offset + r] = row));
    });
  };
  // One sync per group of at most `syncBudgetBytes`: the per-request cap leaves no constant-sync way.
  for (const members of groups) await loadGroup(members);
}

/** Two halves of a refused group: by chunks, or a single chunk by rows; undefined for a single row. */
function splitGroup(members: Chunk[]): [Chunk[], Chunk[]] | undefined {
  if (members.length > 1) {
    const middle = Math.ceil(members.length / 2);
    return [members.slice(0, middle), members.slice(middle)];
  }
  const [chunk] = members;
  if (chunk.rows <= 1) return undefined;
  const upper = Math.ceil(chunk.rows / 2);
  return [[{ ...chunk, rows: upper }], [{ ...chunk, offset: chunk.offset + upper, rows: chunk.rows - upper }]];
}
