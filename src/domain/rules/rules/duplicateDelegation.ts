/**
 * duplicate-delegation: the same delegation written twice (same unit or file, head, countries and time),
 * typically after consolidating workbooks or copying rows.
 */
import type { Delegation } from "../../model";
import { compareRows, rowList } from "../messages";
import { countryKey, distinctCountries } from "../lib/countries";
import { agencyKey, headKey } from "../lib/people";
import { fieldText, foldCached } from "../lib/text";
import { othersIn } from "../lib/groups";
import type { PlanRule, Violation } from "../types";

/** What makes two rows the same delegation; undefined when the row says too little to tell. */
export function duplicateKey(delegation: Delegation): string | undefined {
  const who = headKey(delegation) ?? (delegation.name ? `title:${foldCached(delegation.name)}` : undefined);
  const countries = distinctCountries(delegation).map(countryKey).sort().join(",");
  const period = delegation.period
    ? `${delegation.period.start}..${delegation.period.end}`
    : foldCached(fieldText(delegation, "period") ?? fieldText(delegation, "start") ?? "");
  if (!who || (countries === "" && period === "")) return undefined;
  const unit = agencyKey(delegation.unit ?? delegation.host) ?? `file:${delegation.file ?? ""}`;
  return [delegation.kind, unit, who, countries, period].join("|");
}

export const duplicateDelegation: PlanRule = {
  id: "duplicate-delegation",
  defaultSeverity: "warning",
  kinds: ["outbound", "inbound"],
  fields: ["unit", "host", "leader", "leaderRole", "name", "countries", "period", "start", "end"],
  parameters: {},
  source: "Tổng hợp kế hoạch của các đơn vị (mỗi đoàn chỉ ghi một lần)",
  checkAll(delegations) {
    const groups = new Map<string, Delegation[]>();
    for (const delegation of delegations) {
      const key = duplicateKey(delegation);
      if (key === undefined) continue;
      const group = groups.get(key);
      if (group) group.push(delegation);
      else groups.set(key, [delegation]);
    }
    const violations: Violation[] = [];
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const rows = [...group].sort(compareRows);
      for (const delegation of rows) {
        const { others, total } = othersIn(rows, delegation);
        const list = rowList(others, delegation, total);
        violations.push({
          delegation,
          related: others,
          message: `Đoàn trùng lặp với ${list.vi}: cùng đơn vị, trưởng đoàn, nước đến và thời gian`,
          messageEn: `Duplicate of ${list.en}: same unit, head, countries and time`,
        });
      }
    }
    return violations;
  },
  // One group per key: a row's findings depend on its own group only.
  locality: {
    reach: "neighbours",
    keys(delegation) {
      const key = duplicateKey(delegation);
      return key === undefined ? [] : [key];
    },
  },
};
