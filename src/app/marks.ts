/** Findings → one mark per cell: the worst severity wins, every message is kept (one per line). */
import type { Finding, Severity } from "../domain/model";
import type { CellMark } from "../workbook/types";

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function findingsToMarks(findings: readonly Finding[], locale: "vi" | "en"): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const finding of findings) {
    const key = `${finding.sheet}\u0000${finding.row}\u0000${finding.column}`;
    const text = locale === "en" ? finding.messageEn : finding.message;
    const existing = byCell.get(key);
    if (!existing) {
      byCell.set(key, { sheet: finding.sheet, row: finding.row, column: finding.column, severity: finding.severity, message: text });
      continue;
    }
    if (RANK[finding.severity] < RANK[existing.severity]) existing.severity = finding.severity;
    if (!existing.message.split("\n").includes(text)) existing.message += `\n${text}`;
  }
  return [...byCell.values()];
}
