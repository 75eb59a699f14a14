/**
 * Read access to a SheetGrid in sheet coordinates, tolerant of ragged rows, holes and merges that
 * reach outside the grid (hosts and hand-made grids are not always tidy).
 */
import { isCellError, type CellArea, type CellValue, type SheetGrid } from "../../workbook/types";
import { tidy } from "../text";

/** A cell value as text: strings tidied, dates dd/mm/yyyy, errors as Excel shows them ("#REF!"). */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return tidy(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return formatDate(value);
  if (isCellError(value)) return value.error;
  return "";
}

/**
 * dd/mm/yyyy of a Date. Hosts hand over dates as UTC midnight (exceljs reads Excel serials that way),
 * so the UTC fields are the calendar day the unit typed.
 */
export function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const dd = String(date.getUTCDate()).padStart(2, "0");
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}

export function isBlank(value: CellValue | undefined): boolean {
  return cellText(value) === "";
}

export class GridReader {
  readonly name: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  private readonly values: CellValue[][];
  /** Merges by every grid row they cover (clipped to the grid). */
  private readonly mergesByRow = new Map<number, CellArea[]>();
  /** Number formats of date cells, by row and column (hosts that read them: SheetGrid.dateFormats). */
  private readonly dateFormats = new Map<number, Map<number, string>>();

  constructor(grid: SheetGrid) {
    this.name = String(grid.name ?? "");
    this.values = Array.isArray(grid.values) ? grid.values : [];
    this.firstRow = Number.isInteger(grid.originRow) && grid.originRow > 0 ? grid.originRow : 1;
    this.firstCol = Number.isInteger(grid.originCol) && grid.originCol > 0 ? grid.originCol : 1;
    this.lastRow = this.firstRow + this.values.length - 1;
    let width = 0;
    for (const row of this.values) if (Array.isArray(row) && row.length > width) width = row.length;
    this.lastCol = this.firstCol + width - 1;
    for (const cell of Array.isArray(grid.dateFormats) ? grid.dateFormats : []) {
      if (typeof cell?.format !== "string" || !Number.isInteger(cell.row) || !Number.isInteger(cell.column)) continue;
      let inRow = this.dateFormats.get(cell.row);
      if (!inRow) this.dateFormats.set(cell.row, (inRow = new Map()));
      inRow.set(cell.column, cell.format);
    }
    for (const merge of Array.isArray(grid.merges) ? grid.merges : []) {
      if (!isArea(merge)) continue;
      const top = Math.max(merge.top, this.firstRow);
      const bottom = Math.min(merge.bottom, this.lastRow);
      for (let row = top; row <= bottom; row++) {
        const list = this.mergesByRow.get(row);
        if (list) list.push(merge);
        else this.mergesByRow.set(row, [merge]);
      }
    }
  }

  get isEmpty(): boolean {
    for (let row = this.firstRow; row <= this.lastRow; row++) if (this.nonEmptyCells(row).length > 0) return false;
    return true;
  }

  value(row: number, column: number): CellValue {
    const line = this.values[row - this.firstRow];
    if (!Array.isArray(line)) return null;
    const value = line[column - this.firstCol];
    return value === undefined ? null : value;
  }

  /** The number format of a date cell, when the host read it. */
  dateFormat(row: number, column: number): string | undefined {
    return this.dateFormats.size === 0 ? undefined : this.dateFormats.get(row)?.get(column);
  }

  text(row: number, column: number): string {
    return cellText(this.value(row, column));
  }

  contains(row: number, column: number): boolean {
    return row >= this.firstRow && row <= this.lastRow && column >= this.firstCol && column <= this.lastCol;
  }

  /** Non-empty cells of a row, left to right. */
  nonEmptyCells(row: number): { column: number; value: CellValue; text: string }[] {
    const line = this.values[row - this.firstRow];
    if (!Array.isArray(line)) return [];
    const cells: { column: number; value: CellValue; text: string }[] = [];
    for (let i = 0; i < line.length; i++) {
      const text = cellText(line[i]);
      if (text !== "") cells.push({ column: this.firstCol + i, value: line[i], text });
    }
    return cells;
  }

  /** The merged area covering this cell, if any. */
  mergeAt(row: number, column: number): CellArea | undefined {
    return this.mergesByRow.get(row)?.find((m) => m.left <= column && column <= m.right);
  }

  /** Merged areas whose top row is this row. */
  mergesStartingAt(row: number): CellArea[] {
    return (this.mergesByRow.get(row) ?? []).filter((m) => m.top === row);
  }
}

function isArea(value: unknown): value is CellArea {
  if (typeof value !== "object" || value === null) return false;
  const area = value as CellArea;
  return [area.top, area.left, area.bottom, area.right].every((n) => Number.isInteger(n)) && area.top <= area.bottom && area.left <= area.right;
}
