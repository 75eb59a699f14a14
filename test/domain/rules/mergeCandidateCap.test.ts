/**
 * merge-candidate on a dense cluster (issue 13, item 9): the work per row is capped, yet every row of
 * the cluster is still flagged with partners, and a small plan finds exactly the pairs it did uncapped.
 */
import { MAX_COMPARISONS_PER_ROW, mergeCandidate } from "../../../src/domain/rules/rules/mergeCandidate";
import type { PlanRule } from "../../../src/domain/rules/types";
import { countries, makeDelegation, period, testContext } from "./support";

const rule = mergeCandidate as PlanRule;

function cluster(size: number, startDay = (i: number) => 1 + (i % 20)) {
  return Array.from({ length: size }, (_, i) =>
    makeDelegation({
      row: 5 + i,
      leaderName: `Người số ${i}`,
      countries: countries("Hàn Quốc"),
      period: period(`2025-09-${String(startDay(i)).padStart(2, "0")}`, `2025-09-${String(startDay(i) + 3).padStart(2, "0")}`),
      purpose: `Làm việc với thành phố Incheon về hợp tác cảng biển logistics đợt ${i % 7}`,
    }),
  );
}

test("a cluster many times larger than the cap: every row is still flagged, each with listed partners", () => {
  const rows = cluster(MAX_COMPARISONS_PER_ROW * 8);
  const violations = rule.checkAll(rows, testContext());
  expect(violations).toHaveLength(rows.length);
  for (const violation of violations) expect(violation.related?.length).toBeGreaterThan(0);
});

test("below the cap the pairs are exact: trips that do not overlap are never paired", () => {
  // Two groups of 30 in the same month, one in the first week and one in the third.
  const rows = cluster(60, (i) => (i < 30 ? 1 : 15));
  const violations = rule.checkAll(rows, testContext());
  expect(violations).toHaveLength(60);
  for (const violation of violations) {
    const early = violation.delegation.row < 35;
    expect(violation.related?.every((other) => other.row < 35 === early)).toBe(true);
  }
});
