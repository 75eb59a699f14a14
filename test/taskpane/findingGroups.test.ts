import type { Finding } from "../../src/domain/model";
import { countBySeverity, filterFindings, groupFindings, rulesPresent, type FindingFilter } from "../../src/taskpane/findingGroups";
import { SAMPLE_FINDINGS } from "./fakeServices";

function finding(sheet: string, row: number, rule: Finding["rule"], severity: Finding["severity"], file?: string): Finding {
  return { sheet, row, column: 2, cell: `B${row}`, rule, severity, message: "…", messageEn: "…", delegationId: `${sheet}!${row}`, ...(file ? { file } : {}) };
}

describe("findingGroups", () => {
  it("counts per severity", () => {
    expect(countBySeverity(SAMPLE_FINDINGS)).toEqual({ error: 5, warning: 4, info: 1 });
    expect(countBySeverity([])).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it.each<[FindingFilter, number]>([
    [{}, 10],
    [{ severity: "error" }, 5],
    [{ severity: "warning" }, 4],
    [{ rule: "country-unknown" }, 3],
    [{ severity: "error", rule: "country-unknown" }, 0],
    [{ severity: "info", rule: "unplanned" }, 1],
  ])("filters %j to %i findings", (filter, count) => {
    const kept = filterFindings(SAMPLE_FINDINGS, filter);
    expect(kept).toHaveLength(count);
    for (const item of kept) {
      if (filter.severity) expect(item.severity).toBe(filter.severity);
      if (filter.rule) expect(item.rule).toBe(filter.rule);
    }
  });

  it("lists the rules present in DOMAIN.md order with counts", () => {
    expect(rulesPresent(SAMPLE_FINDINGS)).toEqual([
      { rule: "required-field", count: 1 },
      { rule: "members-max", count: 1 },
      { rule: "countries-max", count: 1 },
      { rule: "funding-forbidden", count: 1 },
      { rule: "period-invalid", count: 1 },
      { rule: "country-unknown", count: 3 },
      { rule: "role-unknown", count: 1 },
      { rule: "unplanned", count: 1 },
    ]);
  });

  it("groups by sheet in order of appearance, rules with errors first, rows kept in order", () => {
    const findings = [
      finding("Đoàn ra", 8, "country-unknown", "warning"),
      finding("Đoàn ra", 9, "members-max", "error"),
      finding("Đoàn vào", 7, "unplanned", "info"),
      finding("Đoàn ra", 10, "country-unknown", "warning"),
      finding("Đoàn ra", 11, "key-leaders-together", "warning"),
      finding("Đoàn ra", 12, "key-leaders-together", "error"),
    ];
    const groups = groupFindings(findings);
    expect(groups.map((group) => [group.sheet, group.count])).toEqual([
      ["Đoàn ra", 5],
      ["Đoàn vào", 1],
    ]);
    // A rule lowered to warning on one row still sorts by its most severe finding.
    expect(groups[0].rules.map((rule) => [rule.rule, rule.severity, rule.findings.map((item) => item.row)])).toEqual([
      ["members-max", "error", [9]],
      ["key-leaders-together", "error", [11, 12]],
      ["country-unknown", "warning", [8, 10]],
    ]);
  });

  it("keeps sheets of the same name in different files apart", () => {
    const groups = groupFindings([finding("Đoàn ra", 8, "unplanned", "info", "so-y-te.xlsx"), finding("Đoàn ra", 8, "unplanned", "info", "so-gd.xlsx")]);
    expect(groups.map((group) => group.file)).toEqual(["so-y-te.xlsx", "so-gd.xlsx"]);
    expect(new Set(groups.map((group) => group.key)).size).toBe(2);
  });

  it("loses no finding when grouping", () => {
    const grouped = groupFindings(SAMPLE_FINDINGS).flatMap((group) => group.rules.flatMap((rule) => rule.findings));
    expect(grouped).toHaveLength(SAMPLE_FINDINGS.length);
    expect(new Set(grouped)).toEqual(new Set(SAMPLE_FINDINGS));
  });
});
