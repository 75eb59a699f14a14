/**
 * Findings as a readable text table for the terminal: grouped by file and sheet, counts per severity,
 * Vietnamese headings (English on request). Pure: the CLI prints what this returns.
 */
import type { Finding, Severity } from "../domain/model";
import { compareFindings } from "../domain/rules/engine";
import { stringsFor } from "../i18n";

export interface FormatFindingsOptions {
  locale?: "vi" | "en";
}

const LABELS = {
  vi: {
    none: "Không có phát hiện nào.",
    file: "Tệp",
    noFile: "(không rõ tệp)",
    sheet: "Trang tính",
    cell: "Ô",
    severity: "Mức độ",
    rule: "Quy tắc",
    message: "Nội dung",
    suggestion: "Gợi ý",
    total: "Tổng cộng",
    findings: { one: "phát hiện", other: "phát hiện" },
    severities: { error: { one: "lỗi", other: "lỗi" }, warning: { one: "cảnh báo", other: "cảnh báo" }, info: { one: "thông tin", other: "thông tin" } },
    severityNames: { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" },
  },
  en: {
    none: "No findings.",
    file: "File",
    noFile: "(no file)",
    sheet: "Sheet",
    cell: "Cell",
    severity: "Severity",
    rule: "Rule",
    message: "Message",
    suggestion: "Suggestion",
    total: "Total",
    findings: { one: "finding", other: "findings" },
    severities: { error: { one: "error", other: "errors" }, warning: { one: "warning", other: "warnings" }, info: { one: "info", other: "info" } },
    severityNames: { error: "Error", warning: "Warning", info: "Info" },
  },
} as const;

type Labels = (typeof LABELS)[keyof typeof LABELS];
const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

/** Characters as the terminal shows them (precomposed Vietnamese letters count once). */
function width(text: string): number {
  return [...text.normalize("NFC")].length;
}

function pad(text: string, size: number): string {
  return text + " ".repeat(Math.max(0, size - width(text)));
}

/** "1 error", "2 errors" (Vietnamese nouns do not change with the count). */
function counted(count: number, noun: { one: string; other: string }): string {
  return `${count} ${count === 1 ? noun.one : noun.other}`;
}

function counts(findings: readonly Finding[], labels: Labels): string {
  return SEVERITY_ORDER.map((severity) => counted(findings.filter((f) => f.severity === severity).length, labels.severities[severity])).join(", ");
}

/** Groups in first-seen order of already sorted findings. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups];
}

function sheetTable(findings: readonly Finding[], labels: Labels, locale: "vi" | "en"): string[] {
  const rows = findings.map((f) => ({
    cell: f.cell,
    severity: labels.severityNames[f.severity],
    // Users read the rule's name; its id is in --json.
    rule: stringsFor(locale).ruleNames[f.rule] ?? f.rule,
    message: locale === "en" ? f.messageEn : f.message,
    suggestion: f.suggestion,
  }));
  // No spread into Math.max or push: 200,000 findings (a 100,000-row plan) overflow the stack.
  const widest = (label: string, of: (row: (typeof rows)[number]) => string) => rows.reduce((most, row) => Math.max(most, width(of(row))), width(label));
  const cellWidth = widest(labels.cell, (r) => r.cell);
  const severityWidth = widest(labels.severity, (r) => r.severity);
  const ruleWidth = widest(labels.rule, (r) => r.rule);
  const indent = "    ";
  const line = (cell: string, severity: string, rule: string, message: string) =>
    `${indent}${pad(cell, cellWidth)}  ${pad(severity, severityWidth)}  ${pad(rule, ruleWidth)}  ${message}`.trimEnd();
  const lines = [line(labels.cell, labels.severity, labels.rule, labels.message)];
  for (const row of rows) {
    lines.push(line(row.cell, row.severity, row.rule, row.message));
    if (row.suggestion) lines.push(line("", "", "", `→ ${labels.suggestion}: ${row.suggestion}`));
  }
  return lines;
}

export function formatFindings(findings: readonly Finding[], options: FormatFindingsOptions = {}): string {
  const locale = options.locale ?? "vi";
  const labels = LABELS[locale];
  if (findings.length === 0) return `${labels.none}\n`;
  const sorted = [...findings].sort(compareFindings);
  const lines: string[] = [];
  for (const [, inFile] of groupBy(sorted, (f) => f.file ?? "")) {
    lines.push(`${labels.file}: ${inFile[0].file ?? labels.noFile} — ${counts(inFile, labels)}`);
    for (const [sheet, inSheet] of groupBy(inFile, (f) => f.sheet)) {
      lines.push(`  ${labels.sheet} “${sheet}”: ${counts(inSheet, labels)}`);
      for (const line of sheetTable(inSheet, labels, locale)) lines.push(line);
    }
    lines.push("");
  }
  lines.push(`${labels.total}: ${counts(sorted, labels)} (${counted(sorted.length, labels.findings)})`);
  return `${lines.join("\n")}\n`;
}
