/**
 * Quick fixes where the fix is certain: an unknown country or role with a suggested standard name.
 * Always previewed (cell, from → to) before anything is written; the write only happens where the cell
 * still holds the text the preview was made from.
 */
import { a1Address } from "../domain/cells";
import type { Delegation, Finding } from "../domain/model";
import { isFixable, type FixPreview } from "../taskpane/services";
import type { CellEdit } from "../workbook/types";

/** Previews for the fixable findings; several fixes in one cell are combined into one preview. */
export function previewFixes(findings: readonly Finding[], delegations: readonly Delegation[]): FixPreview[] {
  const byId = new Map(delegations.map((delegation) => [delegation.id, delegation]));
  const byCell = new Map<string, FixPreview>();
  for (const finding of findings) {
    if (!isFixable(finding)) continue;
    const delegation = byId.get(finding.delegationId);
    if (!delegation) continue;
    const wrong = wrongText(finding, delegation);
    if (!wrong) continue;
    const key = `${finding.sheet}\u0000${finding.row}\u0000${finding.column}`;
    const current = byCell.get(key);
    const text = current?.to ?? cellText(finding, delegation);
    if (text === undefined || !text.includes(wrong)) continue;
    const to = text.replace(wrong, finding.suggestion!);
    if (current) {
      current.to = to;
      current.findings.push(finding);
    } else {
      byCell.set(key, { sheet: finding.sheet, row: finding.row, column: finding.column, cell: a1Address(finding.row, finding.column), findings: [finding], from: text, to });
    }
  }
  return [...byCell.values()].filter((fix) => fix.from !== fix.to);
}

export function fixesToEdits(fixes: readonly FixPreview[]): CellEdit[] {
  return fixes.map((fix) => ({ sheet: fix.sheet, row: fix.row, column: fix.column, expected: fix.from, value: fix.to }));
}

/** The text of the finding's cell as the unit wrote it. */
function cellText(finding: Finding, delegation: Delegation): string | undefined {
  for (const [field, cell] of Object.entries(delegation.cells)) {
    if (cell.row === finding.row && cell.column === finding.column && delegation.raw[field] !== undefined) return delegation.raw[field];
  }
  return undefined;
}

/** The part of the cell the suggestion replaces. */
function wrongText(finding: Finding, delegation: Delegation): string | undefined {
  if (finding.rule === "country-unknown") {
    return delegation.countries.find((country) => !country.known && country.suggestion === finding.suggestion)?.raw;
  }
  const role = delegation.leaderRole;
  return role && !role.id && role.suggestion === finding.suggestion ? role.raw : undefined;
}
