/** "Tạo biểu mẫu": a blank official-style sheet with the canonical header, column numbers and room for entries. */
import type { PlanKind } from "../domain/model";
import { TEMPLATES } from "../domain/templates";
import type { CellArea, CellValue, TableWrite } from "../workbook/types";

/** Empty rows made ready (dropdowns) below the header. */
export const BLANK_TEMPLATE_ROWS = 100;

export interface BlankTemplate {
  table: TableWrite;
  /** Sheet rows of the empty entry rows. */
  entryRows: { first: number; last: number };
}

export function blankTemplate(kind: PlanKind, year: number, existingSheets: readonly string[]): BlankTemplate {
  const template = TEMPLATES[kind];
  const fields = template.templateFields.map((id) => template.fields.find((field) => field.id === id)!);
  const width = fields.length;
  const row = (first: CellValue): CellValue[] => [first, ...Array<CellValue>(width - 1).fill(null)];

  const grouped = fields.some((field) => field.group);
  const top: CellValue[] = fields.map((field) => field.group ?? field.title);
  const bottom: CellValue[] = fields.map((field) => (field.group ? field.title : null));
  const numbers: CellValue[] = fields.map((_, index) => `(${index + 1})`);
  const rows: CellValue[][] = [row(`${template.title} NĂM ${year}`.toUpperCase()), row("Đơn vị: "), row(null), top];
  const headerTop = rows.length;
  if (grouped) rows.push(bottom);
  rows.push(numbers);
  const merges: CellArea[] = [];
  if (grouped) {
    for (let index = 0; index < width; index++) {
      const column = index + 1;
      const group = fields[index].group;
      if (!group) merges.push({ top: headerTop, bottom: headerTop + 1, left: column, right: column });
      else if (fields[index - 1]?.group !== group) {
        let right = column;
        while (fields[right]?.group === group) right++;
        merges.push({ top: headerTop, bottom: headerTop, left: column, right });
      }
    }
  }
  const headerRows = rows.length;
  for (let index = 0; index < BLANK_TEMPLATE_ROWS; index++) rows.push(Array<CellValue>(width).fill(null));

  return {
    table: {
      sheet: uniqueSheetName(template.sheetName, existingSheets),
      rows,
      headerRows,
      merges,
      columnWidths: fields.map((field) => (field.id === "seq" ? 6 : Math.min(40, Math.max(12, field.title.length + 4)))),
    },
    entryRows: { first: headerRows + 1, last: headerRows + BLANK_TEMPLATE_ROWS },
  };
}

/** "Đoàn ra", "Đoàn ra (2)", … : never replaces a sheet the user has. Excel compares names case-insensitively. */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let index = 2; ; index++) {
    const candidate = `${base} (${index})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
