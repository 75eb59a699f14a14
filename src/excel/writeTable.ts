/**
 * Writes a whole table into a sheet it creates or replaces (master plan, statistics, check report):
 * values in one range, header rows bold on a fill, column widths and number formats, and internal
 * hyperlinks ("go to the cell", ExcelApi 1.7). Values only: text is written so Excel never reads it as
 * a formula, number or date (cellValues.ts); a column formatted "@" gets its format first.
 *
 * Syncs: 2 — (1) whether the sheet exists (and where), (2) the writes. Replacing = deleting the old
 * sheet and adding a fresh one at the same position, so no earlier format, validation or link lingers.
 */
import type { CellValue, TableWrite } from "../workbook/types";
import { cellAddress, quoteSheetName } from "./a1";
import { TEXT_FORMAT, toExcelInput } from "./cellValues";

export const HEADER_FILL = "#DDEBF7";

/** TableWrite.columnWidths are in characters (as in exceljs); Excel's columnWidth is in points. */
export function characterWidthToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

export async function writeTableSheet(context: Excel.RequestContext, table: TableWrite): Promise<void> {
  const existing = context.workbook.worksheets.getItemOrNullObject(table.sheet);
  existing.load("position");
  await context.sync();

  let sheet: Excel.Worksheet;
  if (existing.isNullObject) {
    sheet = context.workbook.worksheets.add(table.sheet);
  } else {
    const position = existing.position;
    existing.delete();
    sheet = context.workbook.worksheets.add(table.sheet);
    sheet.position = position;
  }

  const width = Math.max(0, ...table.rows.map((row) => row.length));
  const height = table.rows.length;
  const formats = table.columnFormats ?? [];
  const dataRows = height - table.headerRows;

  if (width > 0 && dataRows > 0) {
    formats.forEach((format, c) => {
      if (format && c < width) sheet.getRangeByIndexes(table.headerRows, c, dataRows, 1).numberFormat = Array.from({ length: dataRows }, () => [format]);
    });
  }
  if (width > 0 && height > 0) {
    const values = table.rows.map((row, r) =>
      Array.from({ length: width }, (_, c) => toExcelInput(row[c] ?? null, r >= table.headerRows && formats[c] === TEXT_FORMAT)),
    );
    sheet.getRangeByIndexes(0, 0, height, width).values = values;
  }
  if (table.headerRows > 0 && width > 0) {
    const header = sheet.getRangeByIndexes(0, 0, Math.min(table.headerRows, height), width).format;
    header.font.bold = true;
    header.fill.color = HEADER_FILL;
    header.wrapText = true;
    sheet.freezePanes.freezeRows(table.headerRows);
  }
  (table.columnWidths ?? []).forEach((characters, c) => {
    if (characters > 0) sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = characterWidthToPoints(characters);
  });
  for (const link of table.links ?? []) {
    const value: CellValue | undefined = table.rows[link.row - 1]?.[link.column - 1];
    const reference = `${quoteSheetName(link.target.sheet)}!${cellAddress(link.target.row, link.target.column)}`;
    const hyperlink: Excel.RangeHyperlink = { documentReference: reference, screenTip: reference };
    // The text shown is the cell's own text; a non-text cell keeps its value.
    if (typeof value === "string" && value !== "") hyperlink.textToDisplay = value;
    sheet.getRangeByIndexes(link.row - 1, link.column - 1, 1, 1).hyperlink = hyperlink;
  }
  await context.sync();
}
