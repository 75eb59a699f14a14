/**
 * merge-candidate on a dense cluster (issue 13, item 9): the work per row and cluster (country, month) is
 * capped, yet every row of the cluster is still flagged with partners; a capped cluster says so in an
 * information note; a cluster's findings do not depend on rows elsewhere; and a small plan finds exactly
 * the pairs it did uncapped.
 */
import type { Delegation } from "../../../src/domain/model";
import { MAX_COMPARISONS_PER_ROW, mergeCandidate } from "../../../src/domain/rules/rules/mergeCandidate";
import type { PlanRule, Violation } from "../../../src/domain/rules/types";
import { countries, makeDelegation, period, testContext } from "./support";

const rule = mergeCandidate as PlanRule;

const PORT_PURPOSE = (i: number) => `Làm việc với thành phố Incheon về hợp tác cảng biển logistics đợt ${i % 7}`;

function cluster(size: number, startDay = (i: number) => 1 + (i % 20), country = "Hàn Quốc", firstRow = 5, purpose = PORT_PURPOSE) {
  return Array.from({ length: size }, (_, i) =>
    makeDelegation({
      row: firstRow + i,
      leaderName: `Người số ${firstRow + i}`,
      countries: countries(country),
      period: period(`2025-09-${String(startDay(i)).padStart(2, "0")}`, `2025-09-${String(startDay(i) + 3).padStart(2, "0")}`),
      purpose: purpose(i),
    }),
  );
}

const isCapNote = (violation: Violation) => violation.lowerTo === "info";

/** A comparable form of a row's violations: the rows it names, and its message. */
function byRow(violations: Violation[], rows: readonly Delegation[]): Map<number, string[]> {
  const wanted = new Set(rows);
  const result = new Map<number, string[]>();
  for (const violation of violations) {
    if (!wanted.has(violation.delegation)) continue;
    const list = result.get(violation.delegation.row) ?? [];
    list.push(`${violation.message} [${(violation.related ?? []).map((other) => other.row).join(",")}]`);
    result.set(violation.delegation.row, list.sort());
  }
  return result;
}

test("a cluster many times larger than the cap: every row is still flagged, each with listed partners, and the cap is reported once", () => {
  const rows = cluster(MAX_COMPARISONS_PER_ROW * 8);
  const violations = rule.checkAll(rows, testContext());
  const merges = violations.filter((violation) => !isCapNote(violation));
  expect(merges).toHaveLength(rows.length);
  for (const violation of merges) expect(violation.related?.length).toBeGreaterThan(0);
  // Not silent: one information note, on the cluster's first row, naming the cluster and the cap.
  const notes = violations.filter(isCapNote);
  expect(notes).toHaveLength(1);
  expect(notes[0].delegation).toBe(rows[0]);
  expect(notes[0].at).toBe("countries");
  expect(notes[0].message).toContain(`${rows.length} đoàn cùng đến Hàn Quốc trong tháng 9/2025`);
  expect(notes[0].message).toContain(`${MAX_COMPARISONS_PER_ROW} đoàn`);
});

test("below the cap the pairs are exact: trips that do not overlap are never paired, and no cap is reported", () => {
  // Two groups of 30 in the same month, one in the first week and one in the third.
  const rows = cluster(60, (i) => (i < 30 ? 1 : 15));
  const violations = rule.checkAll(rows, testContext());
  expect(violations).toHaveLength(60);
  expect(violations.filter(isCapNote)).toEqual([]);
  for (const violation of violations) {
    const early = violation.delegation.row < 35;
    expect(violation.related?.every((other) => other.row < 35 === early)).toBe(true);
  }
});

test("a capped cluster's findings do not depend on rows of other clusters", () => {
  // What a live check relies on: it re-runs only the clusters an edit touches (word rarity and the cap are per cluster).
  const dense = cluster(MAX_COMPARISONS_PER_ROW * 8);
  const alone = byRow(rule.checkAll(dense, testContext()), dense);
  // Rows elsewhere that share some of the cluster's words.
  const survey = (i: number) => `Khảo sát ${i % 7} ${(i + 1) % 7} ${(i + 2) % 7} bến cảng`;
  const elsewhere = [...cluster(900, (i) => 1 + (i % 25), "Nhật Bản", 5000, survey), ...cluster(300, (i) => 1 + (i % 10), "Lào", 9000, survey)];
  const together = byRow(rule.checkAll([...elsewhere, ...dense], testContext()), dense);
  expect(together).toEqual(alone);
  expect(alone.size).toBe(dense.length);
});

test("two rows sharing two clusters (two countries) are one pair, counted once", () => {
  const make = (row: number) =>
    makeDelegation({
      row,
      leaderName: `Người số ${row}`,
      countries: countries("Hàn Quốc", "Nhật Bản"),
      period: period("2025-09-28", "2025-10-03"),
      purpose: "Làm việc với thành phố Incheon về hợp tác cảng biển logistics",
    });
  const violations = rule.checkAll([make(5), make(6)], testContext());
  expect(violations).toHaveLength(2);
  for (const violation of violations) {
    expect(violation.related).toHaveLength(1);
    expect(violation.message).not.toContain("dòng khác");
  }
});
