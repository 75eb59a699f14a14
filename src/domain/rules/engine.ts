/**
 * Runs every enabled rule over the plan and turns violations into findings. Deterministic: the same
 * delegations (in any order) and context give the same findings in the same order.
 */
import { a1Address } from "../cells";
import type { Delegation, FieldId, Finding, Severity } from "../model";
import { compareRows, compareText } from "./messages";
import { citesApproval } from "./lib/approval";
import { RULES } from "./registry";
import { ruleCitation } from "./sources";
import { isRowRule, type CheckContext, type Rule, type Violation } from "./types";

export type { CheckContext } from "./types";

const LOWER: Record<Severity, Severity> = { error: "warning", warning: "info", info: "info" };
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
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
    // One by one: spreading a rule's 125,000+ findings into push() overflows the call stack.
    for (const finding of findingsOf(rule, violations, context)) findings.push(finding);
  }
  return findings.sort(compareFindings);
}

/** One rule's violations as checkPlan turns them into findings (none when the profile turns the rule off), sorted. */
export function findingsOf(rule: Rule, violations: readonly Violation[], context: CheckContext): Finding[] {
  const severity = effectiveSeverity(rule, context);
  if (severity === "off") return [];
  const source = ruleCitation(rule, context.profile);
  const findings = oncePerCell(violations.map((violation) => toFinding(rule, severity, violation, source)));
  for (const finding of findings) {
    flatten(finding.message);
    flatten(finding.messageEn);
  }
  return findings.sort(compareFindings);
}

/**
 * Makes the engine keep the text as one piece: a message is built of many (names, row lists, numbers), and
 * the pieces of a 100,000-row plan's findings were millions of small strings that memory and the garbage
 * collector carried to the end. Reading the text as a number makes the engine join it; the text is unchanged.
 */
function flatten(text: string): void {
  // The count only keeps the reading from being optimised away.
  if (text.length > 12 && Number.isNaN(Number(text))) flattening.texts++;
}

const flattening = { texts: 0 };

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const PER_VALUE_RULES: ReadonlySet<string> = new Set(["country-unknown", "role-unknown"]);

/**
 * One finding per cell and rule: a rule that finds two things wrong in one cell (an unreadable end
 * date and a start outside the plan year) says both in one message, at the higher severity.
 */
function oncePerCell(findings: Finding[]): Finding[] {
  const byCell = new Map<string, Finding>();
  for (const finding of findings) {
    // Rules that name one written value each (two unknown countries in one cell, each with its own suggestion) stay apart.
    const value = PER_VALUE_RULES.has(finding.rule) ? `\u0000${finding.message}` : "";
    const key = `${finding.file ?? ""}\u0000${finding.sheet}\u0000${finding.row}\u0000${finding.column}${value}`;
    const earlier = byCell.get(key);
    if (!earlier) {
      byCell.set(key, finding);
      continue;
    }
    if (!earlier.message.split("; ").includes(finding.message)) {
      earlier.message += `; ${finding.message}`;
      earlier.messageEn += `; ${finding.messageEn}`;
    }
    if (SEVERITY_RANK[finding.severity] < SEVERITY_RANK[earlier.severity]) earlier.severity = finding.severity;
    if (finding.related) {
      const related = [...(earlier.related ?? []), ...finding.related];
      const seen = new Set<string>();
      earlier.related = related.filter((other) => {
        const id = `${other.file ?? ""}\u0000${other.sheet}\u0000${other.row}`;
        return !seen.has(id) && seen.add(id) !== undefined;
      });
    }
    earlier.suggestion ??= finding.suggestion;
  }
  return [...byCell.values()];
}

/** `source`: the rule's citation under the profile (sources.ts), which already names any approval exception. */
function toFinding(rule: Rule, severity: Severity, violation: Violation, source: string): Finding {
  const { delegation } = violation;
  const fields: readonly FieldId[] = violation.at === undefined ? [] : typeof violation.at === "string" ? [violation.at] : violation.at;
  const cell = violation.cell ?? fields.map((field) => delegation.cells[field]).find((ref) => ref !== undefined);
  const row = cell?.row ?? delegation.row;
  const column = cell?.column ?? delegation.firstColumn;

  let finalSeverity = violation.lowerTo !== undefined && RANK[violation.lowerTo] < RANK[severity] ? violation.lowerTo : severity;
  let message = violation.message;
  let messageEn = violation.messageEn;
  const beforeApproval = finalSeverity;
  if (rule.approvalException && finalSeverity !== "info" && citesApproval(delegation)) {
    finalSeverity = LOWER[finalSeverity];
    message += ` (ghi chú nêu đã xin ý kiến cấp có thẩm quyền: hạ từ ${SEVERITY_VI[beforeApproval]} xuống ${SEVERITY_VI[finalSeverity]})`;
    messageEn += ` (the notes cite approval by the competent authority: lowered from ${beforeApproval} to ${finalSeverity})`;
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
    source,
    delegationId: delegation.id,
  };
  if (delegation.file !== undefined) finding.file = delegation.file;
  if (violation.suggestion !== undefined) finding.suggestion = violation.suggestion;
  if (violation.related && violation.related.length > 0) finding.related = [...violation.related].sort(compareRows).map(rowReference);
  return finding;
}

type RowReference = NonNullable<Finding["related"]>[number];

/**
 * One reference object per row, shared by every finding that names the row (a 100,000-row plan's findings
 * name rows 1.5 million times). Nothing changes a reference once made.
 */
const rowReferences = new WeakMap<Delegation, RowReference>();

function rowReference(row: Delegation): RowReference {
  let reference = rowReferences.get(row);
  if (reference === undefined || reference.sheet !== row.sheet || reference.row !== row.row || reference.file !== row.file) {
    reference = row.file === undefined ? { sheet: row.sheet, row: row.row } : { file: row.file, sheet: row.sheet, row: row.row };
    rowReferences.set(row, reference);
  }
  return reference;
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
