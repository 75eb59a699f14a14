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
  // Below U+0300 there are no combining marks and no surrogates: NFC leaves the text as it is, one code
  // point per code unit (cell addresses, most rule names), so the normalising copy is skipped.
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x300) return [...text.normalize("NFC")].length;
  return text.length;
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

function sheetTable(findings: readonly Finding[], labels: Labels, locale: "vi" | "en", emit: (line: string) => void): void {
  // Users read the rule's name; its id is in --json.
  const ruleNames = stringsFor(locale).ruleNames;
  const ruleName = (f: Finding) => ruleNames[f.rule] ?? f.rule;
  // No spread into Math.max or push: 200,000 findings (a 100,000-row plan) overflow the stack.
  // Widths of the few severity and rule names are worked out once each.
  const widths = new Map<string, number>();
  const widthOf = (text: string) => {
    let known = widths.get(text);
    if (known === undefined) widths.set(text, (known = width(text)));
    return known;
  };
  let cellWidth = width(labels.cell);
  let severityWidth = width(labels.severity);
  let ruleWidth = width(labels.rule);
  for (const f of findings) {
    cellWidth = Math.max(cellWidth, width(f.cell));
    severityWidth = Math.max(severityWidth, widthOf(labels.severityNames[f.severity]));
    ruleWidth = Math.max(ruleWidth, widthOf(ruleName(f)));
  }
  const indent = "    ";
  const padded = (text: string, size: number, known?: number) => text + " ".repeat(Math.max(0, size - (known ?? width(text))));
  const line = (cell: string, severity: string, rule: string, message: string) =>
    `${indent}${padded(cell, cellWidth)}  ${padded(severity, severityWidth, widths.get(severity))}  ${padded(rule, ruleWidth, widths.get(rule))}  ${message}`.trimEnd();
  emit(line(labels.cell, labels.severity, labels.rule, labels.message));
  for (const f of findings) {
    emit(line(f.cell, labels.severityNames[f.severity], ruleName(f), locale === "en" ? f.messageEn : f.message));
    if (f.suggestion) emit(line("", "", "", `→ ${labels.suggestion}: ${f.suggestion}`));
  }
}

export function formatFindings(findings: readonly Finding[], options: FormatFindingsOptions = {}): string {
  const lines: string[] = [];
  formatFindingLines(findings, options, (line) => lines.push(line));
  return `${lines.join("\n")}\n`;
}

/** formatFindings line by line (without the line breaks), for a report written out in pieces. */
export function formatFindingLines(findings: readonly Finding[], options: FormatFindingsOptions, emit: (line: string) => void): void {
  const locale = options.locale ?? "vi";
  const labels = LABELS[locale];
  if (findings.length === 0) {
    emit(labels.none);
    return;
  }
  const sorted = [...findings].sort(compareFindings);
  for (const [, inFile] of groupBy(sorted, (f) => f.file ?? "")) {
    emit(`${labels.file}: ${inFile[0].file ?? labels.noFile} — ${counts(inFile, labels)}`);
    for (const [sheet, inSheet] of groupBy(inFile, (f) => f.sheet)) {
      emit(`  ${labels.sheet} “${sheet}”: ${counts(inSheet, labels)}`);
      sheetTable(inSheet, labels, locale, emit);
    }
    emit("");
  }
  emit(`${labels.total}: ${counts(sorted, labels)} (${counted(sorted.length, labels.findings)})`);
}
