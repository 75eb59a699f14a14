/**
 * A blank plan template in the official form (src/domain/templates/officialForm.ts, the same layout as
 * the master sheets), as a TableWrite any host can write: the pane's "Tạo biểu mẫu" (Excel, playground)
 * and `dplan template` (CLI). Agency and motto blocks, title with the year, "Đơn vị:" for the unit to
 * fill, a header with "Thời gian" merged over "Từ ngày | Đến ngày", a column-number row, empty entry
 * rows, a Tổng cộng row that counts what is typed, the signature block, and the print setup. The columns
 * come from TEMPLATES, so what is written is what the recogniser reads back.
 */
import type { PlanKind } from "../domain/model";
import { TEMPLATES } from "../domain/templates";
import { COUNTED_FIELD, COUNTED_WORD, fieldColumn, FORM_NUMBERS, officialForm, SUMMED_FIELDS, type FormAgency } from "../domain/templates/officialForm";
import type { TableWrite } from "../workbook/types";

/** Empty entry rows below the header. */
export const BLANK_TEMPLATE_ROWS = 100;

export interface BlankTemplate {
  table: TableWrite;
  /** Sheet rows of the empty entry rows. */
  entryRows: { first: number; last: number };
}

export interface BlankTemplateOptions {
  entryRows?: number;
  /** Cơ quan chủ quản / cơ quan lập for the agency block (Cài đặt, `--agency`). */
  agency?: FormAgency;
}

export function blankTemplate(kind: PlanKind, year: number, existingSheets: readonly string[], options: BlankTemplateOptions | number = {}): BlankTemplate {
  const { entryRows: entryRowCount = BLANK_TEMPLATE_ROWS, agency } = typeof options === "number" ? { entryRows: options } : options;
  const template = TEMPLATES[kind];
  const columns = template.templateFields.map((field) => ({ ...fieldColumn(kind, field), format: fieldColumn(kind, field).format ?? (SUMMED_FIELDS.includes(field) || field === "days" ? undefined : "@") }));
  const position = (field: (typeof template.templateFields)[number]) => template.templateFields.indexOf(field) + 1;
  const summed = SUMMED_FIELDS.filter((field) => template.templateFields.includes(field)).map((field) => ({ column: position(field), decimals: field === "cost" }));
  const form = officialForm({
    title: template.title,
    year,
    sheet: uniqueSheetName(template.sheetName, existingSheets),
    formNumber: FORM_NUMBERS[kind],
    columns,
    ...(agency ? { agency, unit: agency.name } : {}),
    body: Array.from({ length: entryRowCount }, () => ({ type: "data" as const, values: [] })),
    totals: { countColumn: position(COUNTED_FIELD[kind]), sumColumns: summed, countWord: COUNTED_WORD[kind] },
    signer: "THỦ TRƯỞNG ĐƠN VỊ",
  });
  return { table: form.table, entryRows: { first: form.bodyRows[0], last: form.bodyRows[form.bodyRows.length - 1] } };
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
