/**
 * Reads a written master sheet (a TableWrite or a grid of values) the way a person reads the document:
 * the column titles (the lower header row under "Thời gian"), the delegation rows between the column
 * numbers and the signature block, skipping section and Tổng cộng rows. Independent of readMaster, so
 * tests of the writer do not lean on the reader they also test.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/workbook/types";

export interface MasterView {
  /** Column titles, 0-based by column. */
  titles: (string | null)[];
  /** 1-based sheet row of the first header row. */
  headerRow: number;
  /** The delegation rows' values and sheet rows. */
  data: { row: number; values: CellValue[] }[];
  /** Section titles in order. */
  sections: string[];
  /** Sheet row of the Tổng cộng row. */
  totalRow?: number;
}

export function viewMaster(rows: readonly (readonly CellValue[])[]): MasterView {
  const headerIndex = rows.findIndex((row) => row.includes("Đơn vị") && row.includes("Tệp") && row[0] === "STT");
  if (headerIndex < 0) throw new Error("no master header (STT … Đơn vị, Tệp)");
  const top = rows[headerIndex];
  const lower = rows[headerIndex + 1] ?? [];
  const twoRows = lower.includes("Từ ngày");
  const width = Math.max(top.length, lower.length);
  const titles = Array.from({ length: width }, (_, c) => (twoRows && typeof lower[c] === "string" ? (lower[c] as string) : typeof top[c] === "string" ? (top[c] as string) : null));
  let index = headerIndex + (twoRows ? 2 : 1);
  if (rows[index]?.[0] === "(1)") index++;
  const view: MasterView = { titles, headerRow: headerIndex + 1, data: [], sections: [] };
  for (; index < rows.length; index++) {
    const row = rows[index];
    const filled = row.map((value, c) => [value, c] as const).filter(([value]) => value !== null && value !== "");
    if (filled.some(([value]) => value === "NGƯỜI LẬP BIỂU" || (typeof value === "string" && /, ngày .* tháng/.test(value)))) break;
    if (filled.length === 0) continue;
    if (row[1] === "Tổng cộng") {
      view.totalRow = index + 1;
      continue;
    }
    if (filled.length === 1 && filled[0][1] === 0 && typeof filled[0][0] === "string" && /^[IVX\d]+\. /.test(filled[0][0])) {
      view.sections.push(filled[0][0]);
      continue;
    }
    view.data.push({ row: index + 1, values: [...row] });
  }
  return view;
}

/** The values of one column (by title) over the delegation rows. */
export function masterColumn(rows: readonly (readonly CellValue[])[], title: string): CellValue[] {
  const view = viewMaster(rows);
  const index = view.titles.indexOf(title);
  if (index < 0) throw new Error(`no column ${title} in ${view.titles.join(" | ")}`);
  return view.data.map((line) => line.values[index] ?? null);
}

/** Every row of an exceljs sheet from row 1, as plain arrays (columns from A, empty cells null). */
export function sheetRows(sheet: ExcelJS.Worksheet): CellValue[][] {
  return Array.from({ length: sheet.rowCount }, (_, r) => rowValues(sheet.getRow(r + 1)));
}

function rowValues(row: ExcelJS.Row): CellValue[] {
  return Array.from({ length: row.cellCount }, (_, c) => cellValue(row.getCell(c + 1)));
}

/** A merged area's other cells hand back its first cell's value in exceljs: they are empty. */
function cellValue(cell: ExcelJS.Cell): CellValue {
  return (cell.type === ExcelJS.ValueType.Merge ? null : (cell.value ?? null)) as CellValue;
}
