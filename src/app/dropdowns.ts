/** Where dropdowns go: the data rows of the recognised list columns, and nowhere else. */
import type { FieldId, PlanKind } from "../domain/model";
import type { RecognizedTemplate, SheetRecognition } from "../domain/templates";
import type { DropdownTarget, StandardListId } from "../workbook/types";

/**
 * Fields that take a standard list, per kind. An inbound delegation's head is foreign: no role list.
 * leaderRole only when it has its own column (a combined "name - role" cell keeps free text).
 */
export const LIST_FIELDS: Record<PlanKind, readonly (readonly [FieldId, StandardListId])[]> = {
  outbound: [
    ["countries", "countries"],
    ["leaderRole", "roles"],
    ["funding", "funding"],
    ["purpose", "purposes"],
    ["planStatus", "planStatus"],
  ],
  inbound: [
    ["countries", "countries"],
    ["funding", "funding"],
    ["purpose", "purposes"],
    ["planStatus", "planStatus"],
  ],
  people: [["funding", "funding"]],
};

/** Rows below the data that get dropdowns when no "Tổng cộng" row or signature closes the table. */
export const EMPTY_ROWS_WITH_DROPDOWNS = 200;

/** Targets on the recognised sheets; `rows` overrides the data rows (a blank template's empty rows). */
export function dropdownTargets(sheets: readonly SheetRecognition[], rows?: { first: number; last: number }): DropdownTarget[] {
  const targets: DropdownTarget[] = [];
  for (const sheet of sheets) {
    if (!sheet.template) continue;
    const span = rows ?? dataRowSpan(sheet);
    if (!span) continue;
    for (const [field, list] of LIST_FIELDS[sheet.kind]) {
      const column = sheet.columns[field];
      if (column === undefined) continue;
      // The role list cannot describe a cell that holds both a name and a role.
      if (field === "leaderRole" && sheet.columns.leader === column) continue;
      targets.push({ sheet: sheet.sheet, column, firstRow: span.first, lastRow: span.last, list });
    }
  }
  return targets;
}

/**
 * The data rows and the empty rows below them, so a row typed later gets the lists too: down to the row
 * before the "Tổng cộng" row (or the signature block), else EMPTY_ROWS_WITH_DROPDOWNS rows past the data.
 */
function dataRowSpan(sheet: RecognizedTemplate): { first: number; last: number } | undefined {
  const first = sheet.firstEntryRow ?? sheet.dataRows[0]?.row;
  if (first === undefined) return undefined;
  const lastData = sheet.dataRows.at(-1)?.row ?? first - 1;
  const last = sheet.closingRow !== undefined ? sheet.closingRow - 1 : lastData + EMPTY_ROWS_WITH_DROPDOWNS;
  return last >= first ? { first, last } : undefined;
}
