/**
 * Dropdown lists. The standard lists go to a VeryHidden sheet (LISTS_SHEET), one column per list
 * (title in row 1, items below); each target range gets list data validation whose source is a
 * reference to its column there — never an inline list, which Excel caps at 255 characters. Only the
 * target ranges' validation is replaced; validation elsewhere stays as it was. The alert is of the
 * "Information" style: a value outside the list (several countries in one cell, a name not yet in the
 * list) can still be kept, and the checker reports it.
 *
 * Syncs: 2 — (1) whether the lists sheet exists and the target sheets, (2) the writes
 * (2 more only if a target sheet has gone, see sheets.ts; its targets are then skipped).
 */
import { LISTS_SHEET, type DropdownTarget, type StandardList } from "../workbook/types";
import { absoluteReference } from "./a1";
import { toExcelInput } from "./cellValues";
import { hostError } from "./errors";
import { loadOnSheets } from "./sheets";
import { stringsFor, type Locale } from "../i18n";

export { LISTS_SHEET };

export async function writeDropdowns(context: Excel.RequestContext, lists: StandardList[], targets: DropdownTarget[], locale: Locale): Promise<void> {
  const columnOf = new Map(lists.map((list, i) => [list.id, i + 1]));
  for (const target of targets) if (!columnOf.has(target.list)) throw hostError(locale, "unknownList", { list: target.list });

  const { found, queued: existing } = await loadOnSheets(
    context,
    targets.map((t) => ({ name: t.sheet })),
    () => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(LISTS_SHEET);
      sheet.load("visibility");
      return sheet;
    },
  );

  let listsSheet: Excel.Worksheet;
  if (existing.isNullObject) {
    listsSheet = context.workbook.worksheets.add(LISTS_SHEET);
  } else {
    listsSheet = existing;
    listsSheet.getRange().clear("Contents");
  }
  const height = 1 + Math.max(0, ...lists.map((list) => list.items.length));
  if (lists.length > 0) {
    const columns = lists.map((list) => [list.title, ...list.items]);
    const rows = Array.from({ length: height }, (_, r) => columns.map((column) => (r < column.length ? toExcelInput(column[r]) : "")));
    listsSheet.getRangeByIndexes(0, 0, height, lists.length).values = rows;
  }
  listsSheet.visibility = "VeryHidden";

  const strings = stringsFor(locale).excel;
  for (const target of targets) {
    const sheet = found.get(target.sheet);
    if (!sheet) continue;
    const column = columnOf.get(target.list) as number;
    const count = lists[column - 1].items.length;
    const source = absoluteReference(LISTS_SHEET, { top: 2, left: column, bottom: Math.max(2, count + 1), right: column });
    const validation = sheet.getRangeByIndexes(target.firstRow - 1, target.column - 1, target.lastRow - target.firstRow + 1, 1).dataValidation;
    validation.clear();
    validation.rule = { list: { inCellDropDown: true, source: `=${source}` } };
    validation.ignoreBlanks = true;
    validation.errorAlert = { showAlert: true, style: "Information", title: strings.dropdownAlertTitle, message: strings.dropdownAlertMessage };
  }
  await context.sync();
}
