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
import { dayNumber, monthIndexesCovered } from "../lib/time";
import { S1 } from "../sources";
import { duplicateKey } from "./duplicateDelegation";
import type { PlanRule, Violation } from "../types";

/** Words that say nothing about what a delegation does. */
const STOPWORDS = new Set("va cac cua tai voi o ve cho de nhung mot so theo tu den nam the la co tren trong nuoc ngoai doan di".split(" "));

/**
 * Rows one row is compared with, at most. A dense cluster (one country and month, purposes sharing
 * common words) would otherwise cost n² comparisons; past this many a row has been compared with more
 * candidates than a message could list, and the later rows still meet it from their side (a pair is
 * compared by whichever row comes first). Plans of a few thousand rows never reach it.
 */
export const MAX_COMPARISONS_PER_ROW = 200;

/** Month indexes (year × 12 + month) stay below this for any plan year up to 9999. */
const MONTH_SPACE = 120_000;

interface Candidate {
  delegation: Delegation;
  words: string[];
  /** Token ids in ascending order; ids are ranks by rarity, so the array starts with the rarest. */
  tokens: Int32Array;
  countries: Map<string, CountryMatch>;
  start: number;
  end: number;
  duplicateKey?: string;
}

function purposeWords(delegation: Delegation): string[] {
  const text = fieldText(delegation, "purpose") ?? fieldText(delegation, "name");
  return [...new Set(words(text).filter((word) => !STOPWORDS.has(word)))];
}

/** Jaccard similarity of two ascending id arrays. */
function jaccard(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 1 : shared / union;
}

export const mergeCandidate: PlanRule = {
  id: "merge-candidate",
  defaultSeverity: "warning",
  kinds: ["outbound"],
  fields: ["period", "start", "end", "countries", "purpose", "name"],
  parameters: { profileParams: ["mergeSimilarity"] },
  source: S1,
  checkAll(delegations, context, focus) {
    const threshold = context.profile.params.mergeSimilarity;
    const candidates: Candidate[] = [];
    // Canonical order: a lower index is an earlier row, whatever order the rows came in.
    for (const delegation of [...delegations].sort(compareRows)) {
      const period = delegation.period;
      const countries = new Map(distinctCountries(delegation).map((c) => [countryKey(c), c] as const));
      const purpose = purposeWords(delegation);
      if (!period || countries.size === 0 || (purpose.length === 0 && threshold > 0)) continue;
      candidates.push({
        delegation,
        words: purpose,
        tokens: new Int32Array(0),
        countries,
        start: dayNumber(period.start),
        end: dayNumber(period.end),
        duplicateKey: duplicateKey(delegation),
      });
    }

    // Token ids by rarity (ties by spelling), so every row's ids sort rarest first.
    const frequency = new Map<string, number>();
    for (const candidate of candidates) for (const word of candidate.words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    const ranked = [...frequency.keys()].sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
    const tokenId = new Map(ranked.map((word, rank) => [word, rank]));
    for (const candidate of candidates) candidate.tokens = Int32Array.from(candidate.words.map((word) => tokenId.get(word)!)).sort();
    const tokenSpace = ranked.length + 1;
    const ANY_TOKEN = ranked.length;

    // Buckets keyed by (country, month, prefix token) as one number.
    const countryIds = new Map<string, number>();
    const buckets = new Map<number, number[]>();
    candidates.forEach((candidate, index) => {
      const size = candidate.tokens.length;
      const prefix = threshold > 0 ? candidate.tokens.subarray(0, size - Math.ceil(threshold * size - 1e-9) + 1) : [ANY_TOKEN];
      for (const country of candidate.countries.keys()) {
        let countryId = countryIds.get(country);
        if (countryId === undefined) countryIds.set(country, (countryId = countryIds.size));
        for (const month of monthIndexesCovered(candidate.delegation.period!)) {
          for (const token of prefix) {
            const key = (countryId * MONTH_SPACE + month) * tokenSpace + token;
            let bucket = buckets.get(key);
            if (!bucket) buckets.set(key, (bucket = []));
            bucket.push(index);
          }
        }
      }
    });
    // Each bucket in order of departure (then row): a row meets the later rows of a bucket only until
    // one departs after it returns, and every pair is met from the same side in every bucket it shares.
    const byStart = (p: number, q: number) => candidates[p].start - candidates[q].start || p - q;
    const placeBuckets: number[][][] = candidates.map(() => []);
    const placePositions: number[][] = candidates.map(() => []);
    // Smallest buckets first, so the budget below is spent on the rare shared words (the likely partners).
    for (const bucket of [...buckets.values()].sort((p, q) => p.length - q.length)) {
      if (bucket.length === 1) continue;
      bucket.sort(byStart);
      bucket.forEach((index, position) => {
        placeBuckets[index].push(bucket);
        placePositions[index].push(position);
      });
    }

    // Each row meets the later rows of its buckets once: `seenBy[b] === a` marks b as already compared with a.
    const seenBy = new Int32Array(candidates.length).fill(-1);
    // Partners per row: the total, and the earliest ones (a huge cluster must not hold n² indexes).
    const partners = new Map<number, number[]>();
    const partnerCount = new Int32Array(candidates.length);
    const link = (a: number, b: number) => {
      partnerCount[a]++;
      const list = partners.get(a);
      if (!list) partners.set(a, [b]);
      else if (list.push(b) > 4 * MAX_RELATED) list.sort((p, q) => p - q).length = MAX_RELATED;
    };
    // The free tests read flat arrays: at 100,000 rows, reaching into scattered candidate objects for
    // every visit cost more in cache misses than all the rest of the rule.
    const starts = Int32Array.from(candidates, (c) => c.start);
    const ends = Int32Array.from(candidates, (c) => c.end);
    const sizes = Int32Array.from(candidates, (c) => c.tokens.length);
    for (let a = 0; a < candidates.length; a++) {
      const x = candidates[a];
      const xStart = starts[a];
      const xEnd = ends[a];
      // Jaccard ≥ t needs t·|x| ≤ |y| ≤ |x|/t: a free test before the real one.
      const minSize = threshold * sizes[a] - 1e-9;
      const maxSize = threshold > 0 ? sizes[a] / threshold + 1e-9 : Infinity;
      const inBuckets = placeBuckets[a];
      const positions = placePositions[a];
      let budget = MAX_COMPARISONS_PER_ROW;
      for (let p = 0; p < inBuckets.length && budget > 0; p++) {
        const bucket = inBuckets[p];
        for (let k = positions[p] + 1; k < bucket.length && budget > 0; k++) {
          const b = bucket[k];
          if (starts[b] > xEnd) break;
          // Every visit counts, also of a row already met in another bucket.
          budget--;
          if (seenBy[b] === a) continue;
          seenBy[b] = a;
          if (sizes[b] < minSize || sizes[b] > maxSize) continue;
          if (ends[b] < xStart) continue;
          const y = candidates[b];
          if (focus && !focus.has(x.delegation) && !focus.has(y.delegation)) continue;
          if (jaccard(x.tokens, y.tokens) < threshold) continue;
          // The same delegation written twice is duplicate-delegation's finding, not a merge.
          if (x.duplicateKey !== undefined && x.duplicateKey === y.duplicateKey) continue;
          link(a, b);
          link(b, a);
        }
      }
    }

    const violations: Violation[] = [];
    for (const [index, others] of partners) {
      const self = candidates[index];
      if (focus && !focus.has(self.delegation)) continue;
      const rows = others.sort((p, q) => p - q).slice(0, MAX_RELATED).map((other) => candidates[other]);
      const shared = new Map<string, string>();
      for (const row of rows) for (const [key, country] of row.countries) if (self.countries.has(key)) shared.set(key, country.name);
      const countryNames = joinList([...shared.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, name]) => name));
      const related = rows.map((row) => row.delegation);
      const list = rowList(related, self.delegation, partnerCount[index]);
      violations.push({
        delegation: self.delegation,
        related,
        message: `Đoàn trùng thời gian, cùng đến ${countryNames.vi} và có nội dung tương tự với ${list.vi}: cân nhắc gộp các đoàn`,
        messageEn: `Overlaps in time, also goes to ${countryNames.en} and has a similar purpose as ${list.en}: consider merging the delegations`,
      });
    }
    return violations;
  },
  // Partners share a (country, month, word) bucket; which of them a row reaches under the cap depends on the whole plan.
  locality: {
    reach: "neighbours",
    // Words are ranked by rarity over the whole plan and each row's comparisons are capped: a subset of
    // rows could pair rows the full plan's cap never reaches.
    capped: true,
    keys(delegation, context) {
      const period = delegation.period;
      if (!period) return [];
      const threshold = context.profile.params.mergeSimilarity;
      const purpose = purposeWords(delegation);
      if (purpose.length === 0 && threshold > 0) return [];
      // The prefix filter holds in any fixed order of words: two rows with Jaccard ≥ t share one of the first
      // |x| − ⌈t·|x|⌉ + 1 words of each in alphabetical order, so the key names country, month and such a word.
      const prefix = threshold > 0 ? [...purpose].sort().slice(0, purpose.length - Math.ceil(threshold * purpose.length - 1e-9) + 1) : [""];
      const months = monthIndexesCovered(period);
      const keys: string[] = [];
      for (const country of distinctCountries(delegation)) {
        for (const month of months) for (const word of prefix) keys.push(`${countryKey(country)}|${month}|${word}`);
      }
      return keys;
    },
  },
};
