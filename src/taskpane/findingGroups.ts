/** Counting, filtering and grouping findings for the results view. Pure functions of plain data. */
import { RULE_IDS, SEVERITIES, type Finding, type RuleId, type Severity } from "../domain/model";

export interface FindingFilter {
  severity?: Severity;
  rule?: RuleId;
}

export interface RuleGroup {
  rule: RuleId;
  /** The most severe severity among the group's findings (a rule's severity may be lowered per finding). */
  severity: Severity;
  findings: Finding[];
}

export interface SheetGroup {
  /** Unique per file and sheet. */
  key: string;
  file?: string;
  sheet: string;
  count: number;
  rules: RuleGroup[];
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export function filterFindings(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  return findings.filter(
    (finding) => (!filter.severity || finding.severity === filter.severity) && (!filter.rule || finding.rule === filter.rule),
  );
}

/** The rules that occur, in the order of DOMAIN.md, with how many findings each has. */
export function rulesPresent(findings: readonly Finding[]): { rule: RuleId; count: number }[] {
  const counts = new Map<RuleId, number>();
  for (const finding of findings) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  return RULE_IDS.filter((rule) => counts.has(rule)).map((rule) => ({ rule, count: counts.get(rule) ?? 0 }));
}

const severityRank = (severity: Severity) => SEVERITIES.indexOf(severity);

/**
 * Sheets in the order they first occur (the engine sorts by sheet and row); within a sheet, rules
 * with errors first, then in DOMAIN.md order; findings keep their order (by row, then column).
 */
export function groupFindings(findings: readonly Finding[]): SheetGroup[] {
  const sheets = new Map<string, { file?: string; sheet: string; byRule: Map<RuleId, Finding[]> }>();
  for (const finding of findings) {
    const key = JSON.stringify([finding.file ?? "", finding.sheet]);
    let group = sheets.get(key);
    if (!group) {
      group = { file: finding.file, sheet: finding.sheet, byRule: new Map() };
      sheets.set(key, group);
    }
    const list = group.byRule.get(finding.rule);
    if (list) list.push(finding);
    else group.byRule.set(finding.rule, [finding]);
  }
  return [...sheets.entries()].map(([key, group]) => {
    const rules = [...group.byRule.entries()].map(([rule, list]) => ({
      rule,
      severity: SEVERITIES[Math.min(...list.map((finding) => severityRank(finding.severity)))],
      findings: list,
    }));
    rules.sort(
      (a, b) => severityRank(a.severity) - severityRank(b.severity) || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule),
    );
    const count = rules.reduce((sum, rule) => sum + rule.findings.length, 0);
    return { key, file: group.file, sheet: group.sheet, count, rules };
  });
}
