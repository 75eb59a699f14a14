/**
 * Quick fixes: writes a cell only while it still holds the value the fix was computed from, so a fix
 * shown a minute ago never overwrites what the user has typed since. Text is written so Excel keeps it
 * as text (see cellValues.ts: a leading apostrophe unless the cell is formatted as Text).
 *
 * Syncs: at most 2 — (1) current values and number formats of the edited cells, (2) the writes
 * (2 more only if a sheet has gone, see sheets.ts; its edits are skipped as stale).
 */
import type { CellEdit } from "../workbook/types";
import { sameCellValue, TEXT_FORMAT, toExcelInput } from "./cellValues";
import { loadOnSheets } from "./sheets";

export async function writeEdits(context: Excel.RequestContext, requested: CellEdit[]): Promise<number> {
  // One edit per cell: the last one asked for.
  const edits = [...new Map(requested.map((edit) => [`${edit.sheet}\u0000${edit.row}:${edit.column}`, edit])).values()];
  const { queued: cells } = await loadOnSheets(
    context,
    edits.map((edit) => ({ name: edit.sheet })),
    (sheets) =>
      edits.map((edit) => {
        const sheet = sheets.get(edit.sheet);
        if (!sheet) return undefined;
        const cell = sheet.getRangeByIndexes(edit.row - 1, edit.column - 1, 1, 1);
        cell.load("values,numberFormat");
        return cell;
      }),
  );

  let written = 0;
  edits.forEach((edit, i) => {
    const cell = cells[i];
    if (!cell || !sameCellValue(cell.values[0][0], edit.expected)) return;
    cell.values = [[toExcelInput(edit.value, cell.numberFormat[0][0] === TEXT_FORMAT)]];
    written++;
  });
  if (written > 0) await context.sync();
  return written;
}
