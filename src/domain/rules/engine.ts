/**
 * Runs every enabled rule over the plan and turns violations into findings. Deterministic: the same
 * delegations (in any order) and context give the same findings in the same order.
 */
import { a1Address } from "../cells";
import type { Delegation, FieldId, Finding, Severity } from "../model";
import { compareRows, compareText } from "./messages";
import { citesApproval } from "./lib/approval";
import { RULES } from "./registry";
import { isRowRule, type CheckContext, type Rule, type Violation } from "./types";

export type { CheckContext } from "./types";

const LOWER: Record<Severity, Severity> = { error: "warning", warning: "info", info: "info" };
const SEVERITY_VI: Record<Severity, string> = { error: "lỗi", warning: "cảnh báo", info: "thông tin" };

/** The severity the profile gives the rule, or "off". */
export function effectiveSeverity(rule: Rule, context: CheckContext): Severity | "off" {
  return context.profile.severities?.[rule.id] ?? rule.defaultSeverity;
}

/** `focus`: when given, only findings of these rows are wanted (others may be missing or partial). */
export function checkPlan(delegations: readonly Delegation[], context: CheckContext, rules: readonly Rule[] = RULES, focus?: ReadonlySet<Delegation>): Finding[] {
  // Rules see rows in one canonical order, so their output does not depend on the input's order.
  const ordered = [...delegations].sort(compareRows);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = effectiveSeverity(rule, context);
    if (severity === "off") continue;
    const rows = ordered.filter((delegation) => rule.kinds.includes(delegation.kind));
    if (rows.length === 0) continue;
    const violations = isRowRule(rule) ? rows.flatMap((row) => rule.checkRow(row, context)) : rule.checkAll(rows, context, focus);
    for (const violation of violations) findings.push(toFinding(rule, severity, violation));
  }
  return findings.sort(compareFindings);
}

function toFinding(rule: Rule, severity: Severity, violation: Violation): Finding {
  const { delegation } = violation;
  const fields: readonly FieldId[] = violation.at === undefined ? [] : typeof violation.at === "string" ? [violation.at] : violation.at;
  const cell = fields.map((field) => delegation.cells[field]).find((ref) => ref !== undefined);
  const row = cell?.row ?? delegation.row;
  const column = cell?.column ?? delegation.firstColumn;

  let finalSeverity = severity;
  let message = violation.message;
  let messageEn = violation.messageEn;
  if (rule.approvalException && severity !== "info" && citesApproval(delegation)) {
    finalSeverity = LOWER[severity];
    message += ` (ghi chú nêu đã xin ý kiến cấp có thẩm quyền: hạ từ ${SEVERITY_VI[severity]} xuống ${SEVERITY_VI[finalSeverity]})`;
    messageEn += ` (the notes cite approval by the competent authority: lowered from ${severity} to ${finalSeverity})`;
  }

  const finding: Finding = {
    sheet: delegation.sheet,
    row,
    column,
    cell: a1Address(row, column),
    rule: rule.id,
    severity: finalSeverity,
    message,
    messageEn,
    source: rule.approvalException && finalSeverity !== severity ? `${rule.source}; ${rule.approvalException.source}` : rule.source,
    delegationId: delegation.id,
  };
  if (delegation.file !== undefined) finding.file = delegation.file;
  if (violation.suggestion !== undefined) finding.suggestion = violation.suggestion;
  if (violation.related && violation.related.length > 0) {
    finding.related = [...violation.related].sort(compareRows).map((other) =>
      other.file === undefined ? { sheet: other.sheet, row: other.row } : { file: other.file, sheet: other.sheet, row: other.row },
    );
  }
  return finding;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file ?? "", b.file ?? "") ||
    compareText(a.sheet, b.sheet) ||
    a.row - b.row ||
    a.column - b.column ||
    compareText(a.rule, b.rule) ||
    compareText(a.message, b.message) ||
    compareText(a.delegationId, b.delegationId)
  );
}
