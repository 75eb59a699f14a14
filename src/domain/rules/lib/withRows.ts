/**
 * The other rows a cross-row finding involves, as a reader of the flagged row says it:
 * "cùng các dòng 14, 15" (same sheet), then the rows elsewhere by sheet and file, at most ten in all.
 */
import type { Delegation } from "../../model";
import { rowRef, type Text } from "../messages";

const MAX_LISTED_ROWS = 10;

export function withRows(others: readonly Delegation[], from: Delegation, total = others.length): Text {
  const shown = others.slice(0, MAX_LISTED_ROWS);
  const sameSheet = shown.filter((row) => (row.file ?? "") === (from.file ?? "") && row.sheet === from.sheet).map((row) => row.row);
  const vi: string[] = [];
  const en: string[] = [];
  if (sameSheet.length > 0) {
    vi.push(`${sameSheet.length > 1 ? "các dòng" : "dòng"} ${sameSheet.join(", ")}`);
    en.push(`${sameSheet.length > 1 ? "rows" : "row"} ${sameSheet.join(", ")}`);
  }
  for (const row of shown) {
    if ((row.file ?? "") === (from.file ?? "") && row.sheet === from.sheet) continue;
    const ref = rowRef(row, from);
    vi.push(ref.vi);
    en.push(ref.en);
  }
  const hidden = total - shown.length;
  if (hidden > 0) {
    vi.push(`và ${hidden} dòng khác`);
    en.push(`and ${hidden} more rows`);
  }
  return { vi: `cùng ${vi.join("; ")}`, en: `with ${en.join("; ")}` };
}
