/**
 * A blank plan template in the official style, as a TableWrite any host can write: the pane's
 * "Tạo biểu mẫu" (Excel, playground) and `dplan template` (CLI) use this one layout. Form number,
 * title with the year, "Đơn vị:" for the unit to fill, a header with "Thời gian" merged over
 * "Từ ngày | Đến ngày", a column-number row, empty entry rows and the signature block. The layout comes
 * from TEMPLATES, so what is written is what the recogniser reads back.
 */
import type { FieldId, PlanKind } from "../domain/model";
import { TEMPLATES } from "../domain/templates";
import type { CellArea, CellValue, TableWrite } from "../workbook/types";

/** Empty entry rows below the header. */
export const BLANK_TEMPLATE_ROWS = 100;

const FORM_NUMBERS: Record<PlanKind, string> = { outbound: "Biểu mẫu 04", inbound: "Biểu mẫu 05", people: "Mẫu số 02" };
const WIDE_FIELDS: readonly FieldId[] = ["name", "purpose", "composition", "activity", "partner"];
const NUMBER_FIELDS: readonly FieldId[] = ["members", "days", "cost"];
const DATE_FIELDS: readonly FieldId[] = ["start", "end"];
const HEADER_TOP = 5;

export interface BlankTemplate {
  table: TableWrite;
  /** Sheet rows of the empty entry rows. */
  entryRows: { first: number; last: number };
}

export function blankTemplate(kind: PlanKind, year: number, existingSheets: readonly string[], entryRowCount = BLANK_TEMPLATE_ROWS): BlankTemplate {
  const template = TEMPLATES[kind];
  const fields = template.templateFields.map((id) => template.fields.find((field) => field.id === id)!);
  const width = fields.length;
  const blank = (): CellValue[] => Array<CellValue>(width).fill(null);
  const at = (column: number, value: CellValue): CellValue[] => Object.assign(blank(), { [column - 1]: value });

  const grouped = fields.some((field) => field.group);
  const headerBottom = grouped ? HEADER_TOP + 1 : HEADER_TOP;
  const numberRow = headerBottom + 1;
  const rows: CellValue[][] = [at(width, FORM_NUMBERS[kind]), at(1, `${template.title} NĂM ${year}`.toUpperCase()), at(1, "Đơn vị:"), blank()];
  rows.push(fields.map((field, index) => (field.group ? (fields[index - 1]?.group === field.group ? null : field.group) : field.title)));
  if (grouped) rows.push(fields.map((field) => (field.group ? field.title : null)));
  rows.push(fields.map((_, index) => `(${index + 1})`));
  for (let index = 0; index < entryRowCount; index++) rows.push(blank());
  const signatureColumn = Math.max(3, width - 2);
  rows.push(blank(), Object.assign(at(2, "NGƯỜI LẬP BIỂU"), { [signatureColumn - 1]: "THỦ TRƯỞNG ĐƠN VỊ" }), Object.assign(at(2, "(Ký, ghi rõ họ tên)"), { [signatureColumn - 1]: "(Ký tên, đóng dấu)" }));

  const merges: CellArea[] = [{ top: 2, bottom: 2, left: 1, right: width }];
  if (grouped) {
    fields.forEach((field, index) => {
      const column = index + 1;
      if (!field.group) merges.push({ top: HEADER_TOP, bottom: headerBottom, left: column, right: column });
      else if (fields[index - 1]?.group !== field.group) {
        let right = column;
        while (fields[right]?.group === field.group) right++;
        if (right > column) merges.push({ top: HEADER_TOP, bottom: HEADER_TOP, left: column, right });
      }
    });
  }

  return {
    table: {
      sheet: uniqueSheetName(template.sheetName, existingSheets),
      rows,
      // Only the header block is formatted as a header; the title rows above it stay plain.
      headerRows: 0,
      subHeaderRows: Array.from({ length: numberRow - HEADER_TOP + 1 }, (_, index) => HEADER_TOP + index),
      merges,
      columnWidths: fields.map((field) => (field.id === "seq" ? 6 : WIDE_FIELDS.includes(field.id) ? 32 : DATE_FIELDS.includes(field.id) ? 12 : 16)),
      columnFormats: fields.map((field) => (DATE_FIELDS.includes(field.id) ? "dd/mm/yyyy" : NUMBER_FIELDS.includes(field.id) ? undefined : "@")),
    },
    entryRows: { first: numberRow + 1, last: numberRow + entryRowCount },
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
