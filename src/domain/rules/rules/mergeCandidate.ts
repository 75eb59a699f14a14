/**
 * merge-candidate: "Cân nhắc gộp các đoàn trùng thời gian, địa bàn, nội dung và tính chất làm việc tương
 * đồng" [S1]. Two delegations overlap in time, share a country and have similar purposes (Jaccard
 * similarity of folded word sets ≥ profile.params.mergeSimilarity).
 *
 * Near-linear: rows are bucketed by (country, month, purpose token) using the prefix filter of
 * similarity joins (two sets with Jaccard ≥ t share a token among the rarest |x| − ⌈t·|x|⌉ + 1 of each),
 * so only rows that could qualify are ever compared.
 */
import type { CountryMatch, Delegation } from "../../model";
import { compareRows, joinList, rowList } from "../messages";
import { countryKey, distinctCountries } from "../lib/countries";
import { MAX_RELATED } from "../lib/groups";
import { fieldText, words } from "../lib/text";
import { monthIndexesCovered, periodsOverlap } from "../lib/time";
import { S1 } from "../sources";
import { duplicateKey } from "./duplicateDelegation";
import type { PlanRule, Violation } from "../types";

/** Words that say nothing about what a delegation does. */
const STOPWORDS = new Set("va cac cua tai voi o ve cho de nhung mot so theo tu den nam the la co tren trong nuoc ngoai doan di".split(" "));

/** Month indexes (year × 12 + month) stay below this for any plan year up to 9999. */
const MONTH_SPACE = 120_000;

interface Candidate {
  delegation: Delegation;
  tokens: Set<string>;
  countries: Map<string, CountryMatch>;
  duplicateKey?: string;
}

function purposeTokens(delegation: Delegation): Set<string> {
  const text = fieldText(delegation, "purpose") ?? fieldText(delegation, "name");
  return new Set(words(text).filter((word) => !STOPWORDS.has(word)));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  for (const token of small) if (large.has(token)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

export const mergeCandidate: PlanRule = {
  id: "merge-candidate",
  defaultSeverity: "warning",
  kinds: ["outbound"],
  fields: ["period", "start", "end", "countries", "purpose", "name"],
  parameters: { profileParams: ["mergeSimilarity"] },
  source: S1,
  checkAll(delegations, context) {
    const threshold = context.profile.params.mergeSimilarity;
    const candidates: Candidate[] = [];
    for (const delegation of delegations) {
      const countries = new Map(distinctCountries(delegation).map((c) => [countryKey(c), c] as const));
      const tokens = purposeTokens(delegation);
      if (!delegation.period || countries.size === 0 || (tokens.size === 0 && threshold > 0)) continue;
      candidates.push({ delegation, tokens, countries, duplicateKey: duplicateKey(delegation) });
    }

    // Rarest tokens first (ties by spelling), so prefixes are short and selective.
    const frequency = new Map<string, number>();
    for (const candidate of candidates) for (const token of candidate.tokens) frequency.set(token, (frequency.get(token) ?? 0) + 1);
    const rarestFirst = (a: string, b: string) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);

    // Numeric bucket keys (country, month, token): cheaper to hash than strings at 100k rows.
    const countryIds = new Map<string, number>();
    const tokenIds = new Map<string, number>();
    const idOf = (ids: Map<string, number>, key: string) => {
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      return id;
    };
    for (const candidate of candidates) for (const token of candidate.tokens) idOf(tokenIds, token);
    const tokenSpace = tokenIds.size + 1;
    const ANY_TOKEN = tokenIds.size;

    /** For each row, the buckets it is in and its position there (rows enter buckets in index order). */
    const buckets = new Map<number, number[]>();
    const places: { bucket: number[]; position: number }[][] = candidates.map((candidate, index) => {
      const sorted = [...candidate.tokens].sort(rarestFirst);
      const prefix = threshold > 0 ? sorted.slice(0, sorted.length - Math.ceil(threshold * sorted.length - 1e-9) + 1).map((t) => tokenIds.get(t)!) : [ANY_TOKEN];
      const placesOfRow: { bucket: number[]; position: number }[] = [];
      for (const country of candidate.countries.keys()) {
        const countryId = idOf(countryIds, country);
        for (const month of monthIndexesCovered(candidate.delegation.period!)) {
          for (const token of prefix) {
            const key = (countryId * MONTH_SPACE + month) * tokenSpace + token;
            let bucket = buckets.get(key);
            if (!bucket) buckets.set(key, (bucket = []));
            placesOfRow.push({ bucket, position: bucket.length });
            bucket.push(index);
          }
        }
      }
      return placesOfRow;
    });

    // Each row meets the later rows of its buckets once: `seenBy[b] === a` marks b as already compared with a.
    const seenBy = new Int32Array(candidates.length).fill(-1);
    const partners = new Map<number, number[]>();
    const link = (a: number, b: number) => {
      const list = partners.get(a);
      if (list) list.push(b);
      else partners.set(a, [b]);
    };
    candidates.forEach((x, a) => {
      const minSize = threshold * x.tokens.size;
      const maxSize = threshold > 0 ? x.tokens.size / threshold : Infinity;
      for (const { bucket, position } of places[a]) {
        for (let k = position + 1; k < bucket.length; k++) {
          const b = bucket[k];
          if (seenBy[b] === a) continue;
          seenBy[b] = a;
          const y = candidates[b];
          // Jaccard ≥ t needs t·|x| ≤ |y| ≤ |x|/t: a free test before the real one.
          if (y.tokens.size < minSize - 1e-9 || y.tokens.size > maxSize + 1e-9) continue;
          if (!periodsOverlap(x.delegation.period!, y.delegation.period!)) continue;
          if (jaccard(x.tokens, y.tokens) < threshold) continue;
          // The same delegation written twice is duplicate-delegation's finding, not a merge.
          if (x.duplicateKey !== undefined && x.duplicateKey === y.duplicateKey) continue;
          link(a, b);
          link(b, a);
        }
      }
    });

    const violations: Violation[] = [];
    for (const [index, others] of partners) {
      const self = candidates[index];
      const rows = [...others].map((other) => candidates[other]).sort((p, q) => compareRows(p.delegation, q.delegation));
      const shared = new Map<string, string>();
      for (const row of rows) for (const [key, country] of row.countries) if (self.countries.has(key)) shared.set(key, country.name);
      const countryNames = joinList([...shared.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, name]) => name));
      const related = rows.slice(0, MAX_RELATED).map((row) => row.delegation);
      const list = rowList(related, self.delegation, rows.length);
      violations.push({
        delegation: self.delegation,
        related,
        message: `Đoàn trùng thời gian, cùng đến ${countryNames.vi} và có nội dung tương tự với ${list.vi}: cân nhắc gộp các đoàn`,
        messageEn: `Overlaps in time, also goes to ${countryNames.en} and has a similar purpose as ${list.en}: consider merging the delegations`,
      });
    }
    return violations;
  },
};
