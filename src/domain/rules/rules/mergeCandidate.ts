/**
 * merge-candidate: "Cân nhắc gộp các đoàn trùng thời gian, địa bàn, nội dung và tính chất làm việc tương
 * đồng" [S1]. Two delegations overlap in time, share a country and have similar purposes (Jaccard
 * similarity of folded word sets ≥ profile.params.mergeSimilarity).
 *
 * Near-linear, and local: rows are grouped in clusters (one country, one month); two rows can pair only
 * inside a cluster they share, and each cluster is worked on its own. Inside a cluster rows are bucketed
 * by purpose word using the prefix filter of similarity joins (two sets with Jaccard ≥ t share a word among
 * the |x| − ⌈t·|x|⌉ + 1 rarest of each, rarity counted in the cluster), and each row meets at most
 * MAX_COMPARISONS_PER_ROW rows of each cluster. So a cluster's pairs and cap note depend on its own rows only
 * (a pair sharing several clusters is linked in the first by key, which the two rows' own keys decide): a live
 * check keeps each cluster's part (locality.parts) and works out again only the clusters an edit touches. A
 * cluster too dense to compare in full says so.
 */
import type { CountryMatch, Delegation } from "../../model";
import { compareRows, joinList, rowList } from "../messages";
import { countryKey, distinctCountries } from "../lib/countries";
import { MAX_RELATED } from "../lib/groups";
import { memoizeText } from "../lib/memo";
import { fieldText, words } from "../lib/text";
import { dayNumber, monthIndexesCovered } from "../lib/time";
import { S1 } from "../sources";
import { duplicateKey } from "./duplicateDelegation";
import type { PlanRule, Violation } from "../types";

/** Words that say nothing about what a delegation does. */
const STOPWORDS = new Set("va cac cua tai voi o ve cho de nhung mot so theo tu den nam the la co tren trong nuoc ngoai doan di".split(" "));

/**
 * Rows one row is compared with in one cluster, at most. A dense cluster (one country and month, purposes
 * sharing common words) would otherwise cost n² comparisons; past this many a row has been compared with
 * more candidates than a message could list, and the later rows still meet it from their side (a pair is
 * compared by whichever row departs first). A cluster where some row reached it gets an information note
 * on its first row, so the cap is never silent. Plans of a few thousand rows never reach it.
 */
export const MAX_COMPARISONS_PER_ROW = 200;

interface Candidate {
  delegation: Delegation;
  /** Ids of the row's purpose words (WORD_IDS). */
  wordIds: Int32Array;
  countries: Map<string, CountryMatch>;
  start: number;
  end: number;
  /** duplicateKey of the row, worked out when the row first pairs (null: the row has none). */
  duplicateKey?: string | null;
  /** The keys of the clusters the row belongs to, ascending. */
  clusters: string[];
}

interface Cluster {
  key: string;
  country: CountryMatch;
  month: number;
  /** Candidate indexes, ascending (canonical row order). */
  members: number[];
}

/**
 * What one cluster contributes, from its own rows only: each member's partners paired in it (how many, and
 * the first MAX_RELATED in row order), and the note when it was capped. A live check keeps one per cluster.
 */
interface ClusterPart {
  partners: Map<string, { count: number; first: Delegation[] }>;
  capped?: { first: Delegation; size: number; country: CountryMatch; month: number };
}

/** The row's purpose words, each once (shared between rows with the same text: never change the array). */
function purposeWords(delegation: Delegation): readonly string[] {
  return wordsOfPurpose(fieldText(delegation, "purpose") ?? fieldText(delegation, "name") ?? "");
}

const wordsOfPurpose = memoizeText((text: string): readonly string[] => [...new Set(words(text).filter((word) => !STOPWORDS.has(word)))]);

/** Jaccard similarity of two ascending id runs of one array: [a, a + aLength) and [b, b + bLength). */
function jaccard(data: Int32Array, a: number, aLength: number, b: number, bLength: number): number {
  let shared = 0;
  const aEnd = a + aLength;
  const bEnd = b + bLength;
  for (let i = a, j = b; i < aEnd && j < bEnd; ) {
    if (data[i] === data[j]) {
      shared++;
      i++;
      j++;
    } else if (data[i] < data[j]) i++;
    else j++;
  }
  const union = aLength + bLength - shared;
  return union === 0 ? 1 : shared / union;
}

/** The first cluster (lowest key) two rows share; both lists ascend. */
function firstSharedCluster(a: readonly string[], b: readonly string[]): string | undefined {
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) return a[i];
    if (a[i] < b[j]) i++;
    else j++;
  }
  return undefined;
}

function clusterKey(country: string, month: number): string {
  return `${country}|${month}`;
}

/** "tháng 9/2025" of a month index (year × 12 + month − 1). */
function monthLabel(month: number): string {
  return `${(month % 12) + 1}/${Math.floor(month / 12)}`;
}

export const mergeCandidate: PlanRule = {
  id: "merge-candidate",
  defaultSeverity: "warning",
  kinds: ["outbound"],
  fields: ["period", "start", "end", "countries", "purpose", "name"],
  parameters: { profileParams: ["mergeSimilarity"] },
  source: S1,
  checkAll(delegations, context, focus) {
    const { candidates, parts } = pairAll(delegations, context.profile.params.mergeSimilarity, focus);
    const wanted = focus ? candidates.filter((candidate) => focus.has(candidate.delegation)) : candidates;
    return violationsOf(wanted, (key) => parts.get(key));
  },
  // A row pairs only inside its clusters (country, month), and a cluster's pairs depend on its own rows only.
  locality: {
    reach: "neighbours",
    keys(delegation, context) {
      const data = rowData(delegation);
      if (!data || (data.wordIds.length === 0 && context.profile.params.mergeSimilarity > 0)) return [];
      return data.clusterKeys;
    },
    parts: {
      part(key, rows, context) {
        const threshold = context.profile.params.mergeSimilarity;
        const { candidates, spelled } = prepare(rows, threshold, false);
        const cluster = clusterOf(candidates, key);
        if (!cluster) return undefined;
        return pairInCluster(newSweep(candidates, spelled, threshold, undefined), cluster);
      },
      allParts(rows, context) {
        return pairAll(rows, context.profile.params.mergeSimilarity, undefined).parts;
      },
      violations(rows, partOf, context) {
        const threshold = context.profile.params.mergeSimilarity;
        return violationsOf(prepare(rows, threshold, false).candidates, partOf as (key: string) => ClusterPart | undefined);
      },
      rowsChanged(before, after, edited) {
        return rowsChangedBetween(before as ClusterPart | undefined, after as ClusterPart | undefined, edited);
      },
    },
  },
};

/** Every cluster's part (of the clusters holding a row of `focus`, when given). */
function pairAll(delegations: readonly Delegation[], threshold: number, focus: ReadonlySet<Delegation> | undefined): { candidates: Candidate[]; parts: Map<string, ClusterPart> } {
  const { candidates, clusters, spelled } = prepare(delegations, threshold);
  const sweep = newSweep(candidates, spelled, threshold, focus);
  const parts = new Map<string, ClusterPart>();
  for (const cluster of clusters) {
    if (cluster.members.length < 2) continue;
    if (focus && !cluster.members.some((index) => focus.has(candidates[index].delegation))) continue;
    parts.set(cluster.key, pairInCluster(sweep, cluster));
  }
  return { candidates, parts };
}

/** What the rule reads of one row, worked out once per delegation object (rows are never changed once read). */
interface RowData {
  countries: Map<string, CountryMatch>;
  /** The purpose words' ids (WORD_IDS), one per distinct word. */
  wordIds: Int32Array;
  start: number;
  end: number;
  /** The keys of the row's clusters, ascending (clusterOfKey gives each one's country and month). */
  clusterKeys: string[];
}

/** The country and month of one of the row's cluster keys ("iso:JP|24300": country keys hold no "|"). */
function clusterOfKey(data: RowData, key: string): { country: CountryMatch; month: number } {
  const bar = key.lastIndexOf("|");
  return { country: data.countries.get(key.slice(0, bar))!, month: Number(key.slice(bar + 1)) };
}

const rowDataCache = new WeakMap<Delegation, RowData | null>();

/**
 * Ids of purpose words, shared by every check (a row's ids are kept with the row). Ids only name words:
 * ranks inside a cluster come from counts and spelling, never from ids. Grows with the words of the plans
 * read, a few thousand.
 */
const WORD_IDS = new Map<string, number>();
const SPELLED: string[] = [];

/** Scratch arrays over all word ids, kept between checks; rankedTokens leaves every count at 0 again. */
let scratch = { wordCount: new Int32Array(0), wordRank: new Int32Array(0) };

function wordScratch(words: number): { wordCount: Int32Array; wordRank: Int32Array } {
  if (scratch.wordCount.length < words) {
    const size = Math.max(words, 2 * scratch.wordCount.length);
    scratch = { wordCount: new Int32Array(size), wordRank: new Int32Array(size) };
  }
  return scratch;
}

function wordIdsOf(words: readonly string[]): Int32Array {
  const ids = new Int32Array(words.length);
  words.forEach((word, i) => {
    let id = WORD_IDS.get(word);
    if (id === undefined) WORD_IDS.set(word, (id = SPELLED.push(word) - 1));
    ids[i] = id;
  });
  return ids;
}

/** null: the row has no period or no country, and pairs with nothing. */
function rowData(delegation: Delegation): RowData | null {
  let data = rowDataCache.get(delegation);
  if (data !== undefined) return data;
  const period = delegation.period;
  const countries = countriesOf(delegation);
  if (!period || countries.size === 0) data = null;
  else {
    const months = monthIndexesCovered(period);
    const clusterKeys: string[] = [];
    for (const countryId of countries.keys()) for (const month of months) clusterKeys.push(clusterKey(countryId, month));
    clusterKeys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    // Kept small: one per row of the plan, for as long as the rows live.
    data = { countries, wordIds: wordIdsOf(purposeWords(delegation)), start: dayNumber(period.start), end: dayNumber(period.end), clusterKeys };
  }
  rowDataCache.set(delegation, data);
  return data;
}

/**
 * The rows that can pair (a period, a country, a purpose) in canonical order with their word ids, and (when
 * `withClusters`) their clusters in key order.
 */
function prepare(delegations: readonly Delegation[], threshold: number, withClusters = true): { candidates: Candidate[]; clusters: Cluster[]; spelled: readonly string[] } {
  const candidates: Candidate[] = [];
  // Canonical order: a lower index is an earlier row, whatever order the rows came in.
  for (const delegation of [...delegations].sort(compareRows)) {
    const data = rowData(delegation);
    if (!data || (data.wordIds.length === 0 && threshold > 0)) continue;
    // duplicateKey is filled in later; naming it now keeps every candidate of one shape.
    candidates.push({ delegation, wordIds: data.wordIds, countries: data.countries, start: data.start, end: data.end, duplicateKey: undefined, clusters: data.clusterKeys });
  }
  const spelled = SPELLED;
  if (!withClusters) return { candidates, clusters: [], spelled };

  // Clusters (country, month) in key order, so "the first cluster two rows share" is the same in any plan.
  const byKey = new Map<string, Cluster>();
  candidates.forEach((candidate, index) => {
    const data = rowData(candidate.delegation)!;
    for (const key of data.clusterKeys) {
      let cluster = byKey.get(key);
      if (!cluster) byKey.set(key, (cluster = { key, ...clusterOfKey(data, key), members: [] }));
      cluster.members.push(index);
    }
  });
  const clusters = [...byKey.keys()].sort().map((key) => byKey.get(key)!);
  return { candidates, clusters, spelled };
}

/** The cluster of this key among these candidates (the rows holding the key), undefined when fewer than two hold it. */
function clusterOf(candidates: readonly Candidate[], key: string): Cluster | undefined {
  let cluster: Cluster | undefined;
  candidates.forEach((candidate, index) => {
    if (!candidate.clusters.includes(key)) return;
    if (!cluster) {
      cluster = { key, ...clusterOfKey(rowData(candidate.delegation)!, key), members: [] };
    }
    cluster.members.push(index);
  });
  return cluster && cluster.members.length >= 2 ? cluster : undefined;
}

function countriesOf(delegation: Delegation): Map<string, CountryMatch> {
  return new Map(distinctCountries(delegation).map((country) => [countryKey(country), country] as const));
}

function newSweep(candidates: readonly Candidate[], spelled: readonly string[], threshold: number, focus: ReadonlySet<Delegation> | undefined): Sweep {
  return {
    candidates,
    threshold,
    focus,
    starts: Int32Array.from(candidates, (c) => c.start),
    ends: Int32Array.from(candidates, (c) => c.end),
    sizes: Int32Array.from(candidates, (c) => c.wordIds.length),
    seenBy: new Int32Array(candidates.length).fill(-1),
    visit: 0,
    spelled,
    ...wordScratch(spelled.length),
  };
}

/** The violations of these rows (candidates, in canonical order) from the parts of their clusters. */
function violationsOf(rows: readonly Candidate[], partOf: (key: string) => ClusterPart | undefined): Violation[] {
  const violations: Violation[] = [];
  const notes: { key: string; violation: Violation }[] = [];
  for (const self of rows) {
    let count = 0;
    let first: Delegation[] = [];
    for (const key of self.clusters) {
      const part = partOf(key);
      if (!part) continue;
      const entry = part.partners.get(self.delegation.id);
      if (entry) {
        count += entry.count;
        first = first.concat(entry.first);
      }
      if (part.capped?.first.id === self.delegation.id) notes.push({ key, violation: cappedNote(part.capped) });
    }
    if (count === 0) continue;
    // A pair is linked in one cluster only, so the clusters' lists never repeat a row.
    const related = first.sort(compareRows).slice(0, MAX_RELATED);
    const shared = new Map<string, string>();
    for (const row of related) {
      // A partner always has its row data (a period and a country); worked out once per row object.
      const countries = rowData(row)?.countries ?? countriesOf(row);
      for (const [key, country] of countries) if (self.countries.has(key)) shared.set(key, country.name);
    }
    const countryNames = joinList([...shared.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, name]) => name));
    const list = rowList(related, self.delegation, count);
    violations.push({
      delegation: self.delegation,
      related,
      message: `Đoàn trùng thời gian, cùng đến ${countryNames.vi} và có nội dung tương tự với ${list.vi}: cân nhắc gộp các đoàn`,
      messageEn: `Overlaps in time, also goes to ${countryNames.en} and has a similar purpose as ${list.en}: consider merging the delegations`,
    });
  }
  notes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return [...violations, ...notes.map((note) => note.violation)];
}

function cappedNote(capped: NonNullable<ClusterPart["capped"]>): Violation {
  const { first, size, country, month } = capped;
  return {
    delegation: first,
    at: "countries",
    lowerTo: "info",
    message:
      `${size} đoàn cùng đến ${country.name} trong tháng ${monthLabel(month)}: quá nhiều để so từng cặp, mỗi đoàn chỉ được so với ` +
      `${MAX_COMPARISONS_PER_ROW} đoàn khởi hành gần nhất có nội dung gần giống, nên có thể còn đoàn nên gộp chưa được nêu`,
    messageEn:
      `${size} delegations go to ${country.name} in ${monthLabel(month)}: too many to compare every pair, each was compared with the ` +
      `${MAX_COMPARISONS_PER_ROW} nearest departures with a similar purpose, so some delegations worth merging may not be named`,
  };
}

/** Rows whose violations may differ between two parts of one cluster (see KeyedParts.rowsChanged). */
function rowsChangedBetween(before: ClusterPart | undefined, after: ClusterPart | undefined, edited: ReadonlySet<string>): Set<string> {
  const changed = new Set<string>();
  const compare = (one: ClusterPart | undefined, other: ClusterPart | undefined) => {
    if (!one) return;
    for (const [id, entry] of one.partners) {
      if (changed.has(id)) continue;
      const counterpart = other?.partners.get(id);
      const same =
        counterpart !== undefined &&
        counterpart.count === entry.count &&
        counterpart.first.length === entry.first.length &&
        counterpart.first.every((row, i) => row.id === entry.first[i].id);
      // An edited partner may change the countries the message names.
      if (!same || entry.first.some((row) => edited.has(row.id))) changed.add(id);
    }
    if (one.capped) changed.add(one.capped.first.id);
  };
  compare(before, after);
  compare(after, before);
  return changed;
}

/** What the comparisons share across clusters. */
interface Sweep {
  candidates: readonly Candidate[];
  threshold: number;
  focus: ReadonlySet<Delegation> | undefined;
  // The free tests read flat arrays: at 100,000 rows, reaching into scattered candidate objects for
  // every visit cost more in cache misses than all the rest of the rule.
  starts: Int32Array;
  ends: Int32Array;
  sizes: Int32Array;
  /**
   * `seenBy[b] === visit`: b was already met in the current visit (one row's pass through one cluster). Counted
   * per cluster, so whether a cluster is capped depends on its own rows only, as its pairs do.
   */
  seenBy: Int32Array;
  visit: number;
  /** Each word id's word. */
  spelled: readonly string[];
  /** Scratch arrays over all word ids (rankedTokens). */
  wordCount: Int32Array;
  wordRank: Int32Array;
}

/**
 * Pairs the rows of one cluster and notes whether some row reached MAX_COMPARISONS_PER_ROW with rows it had
 * not met still ahead (the cluster was capped).
 */
function pairInCluster(sweep: Sweep, cluster: Cluster): ClusterPart {
  const { candidates, threshold, focus, starts, ends, sizes, seenBy } = sweep;
  const { members, key: clusterId } = cluster;
  // Partners per row: the earliest ones (a huge cluster must not hold n² indexes), and the total.
  const partners = new Map<number, { count: number; list: number[] }>();
  const link = (a: number, b: number) => {
    const found = partners.get(a);
    if (!found) partners.set(a, { count: 1, list: [b] });
    else {
      found.count++;
      if (found.list.push(b) > 4 * MAX_RELATED) found.list.sort((p, q) => p - q).length = MAX_RELATED;
    }
  };
  const tokens = rankedTokens(members, sweep);
  const offsets = tokens.offsets;
  const buckets = prefixBuckets(members, tokens, threshold, starts, sizes);
  const { entries, entryBucket, entryPlace, bucketEnd, bucketData } = buckets;
  let reachedCap = false;
  for (let position = 0; position < members.length; position++) {
    const a = members[position];
    const x = candidates[a];
    const xStart = starts[a];
    const xEnd = ends[a];
    // Jaccard ≥ t needs t·|x| ≤ |y| ≤ |x|/t: a free test before the real one.
    const minSize = threshold * sizes[a] - 1e-9;
    const maxSize = threshold > 0 ? sizes[a] / threshold + 1e-9 : Infinity;
    let budget = MAX_COMPARISONS_PER_ROW;
    const visit = ++sweep.visit;
    visits: for (let e = entries[position]; e < entries[position + 1]; e++) {
      const end = bucketEnd[entryBucket[e]];
      for (let k = entryPlace[e] + 1; k < end; k++) {
        const other = bucketData[k];
        const b = members[other];
        if (starts[b] > xEnd) break;
        if (budget === 0) {
          // Capped only when a row not yet met is left (later buckets mostly repeat rows already met).
          reachedCap ||= unmetLeft(buckets, members, e, k, starts, seenBy, visit, xEnd);
          break visits;
        }
        // Every visit counts, also of a row already met in another bucket.
        budget--;
        if (seenBy[b] === visit) continue;
        seenBy[b] = visit;
        if (sizes[b] < minSize || sizes[b] > maxSize) continue;
        if (ends[b] < xStart) continue;
        const y = candidates[b];
        if (focus && !focus.has(x.delegation) && !focus.has(y.delegation)) continue;
        if (jaccard(tokens, offsets[position], sizes[a], offsets[other], sizes[b]) < threshold) continue;
        // The same delegation written twice is duplicate-delegation's finding, not a merge.
        const xKey = (x.duplicateKey ??= duplicateKey(x.delegation) ?? null);
        if (xKey !== null && xKey === (y.duplicateKey ??= duplicateKey(y.delegation) ?? null)) continue;
        // Rows sharing several clusters are paired in the first of them only.
        if (x.clusters.length > 1 && y.clusters.length > 1 && firstSharedCluster(x.clusters, y.clusters) !== clusterId) continue;
        link(a, b);
        link(b, a);
      }
    }
  }
  const part: ClusterPart = { partners: new Map() };
  for (const [index, { count, list }] of partners) {
    const first = list.sort((p, q) => p - q).slice(0, MAX_RELATED).map((other) => candidates[other].delegation);
    part.partners.set(candidates[index].delegation.id, { count, first });
  }
  if (reachedCap) part.capped = { first: candidates[members[0]].delegation, size: members.length, country: cluster.country, month: cluster.month };
  return part;
}

/**
 * A cluster's prefix-filter buckets, flat. Buckets hold positions in `members`, each in order of departure
 * (then row): a row meets the later rows of a bucket only until one departs after it returns, and every pair
 * is met from the same side in every bucket. A member's entries (entries[position] up to entries[position + 1])
 * name its buckets, smallest first (the budget goes to the rare shared words, the likely partners), and its
 * place in each (an index into bucketData; the bucket ends at bucketEnd[entryBucket[entry]]).
 */
interface Buckets {
  bucketData: Int32Array;
  bucketEnd: Int32Array;
  entries: Int32Array;
  entryBucket: Int32Array;
  entryPlace: Int32Array;
}

function prefixBuckets(members: readonly number[], tokens: Tokens, threshold: number, starts: Int32Array, sizes: Int32Array): Buckets {
  const anyWord = -1;
  const byToken = new Map<number, number[]>();
  // Members in order of departure (then row): every bucket filled in this order is already sorted.
  const departures = Array.from(members.keys()).sort((p, q) => starts[members[p]] - starts[members[q]] || p - q);
  for (const position of departures) {
    const size = sizes[members[position]];
    const prefixLength = threshold > 0 ? Math.min(size, size - Math.ceil(threshold * size - 1e-9) + 1) : 1;
    const offset = tokens.offsets[position];
    for (let i = 0; i < prefixLength; i++) {
      const token = threshold > 0 ? tokens[offset + i] : anyWord;
      const bucket = byToken.get(token);
      if (bucket) bucket.push(position);
      else byToken.set(token, [position]);
    }
  }
  const lists = [...byToken.values()].filter((bucket) => bucket.length > 1).sort((p, q) => p.length - q.length);
  let total = 0;
  for (const bucket of lists) total += bucket.length;
  const bucketData = new Int32Array(total);
  const bucketEnd = new Int32Array(lists.length);
  const entries = new Int32Array(members.length + 1);
  let at = 0;
  lists.forEach((bucket, index) => {
    for (const position of bucket) {
      bucketData[at++] = position;
      entries[position + 1]++;
    }
    bucketEnd[index] = at;
  });
  for (let position = 0; position < members.length; position++) entries[position + 1] += entries[position];
  const entryBucket = new Int32Array(total);
  const entryPlace = new Int32Array(total);
  const next = entries.slice(0, members.length);
  at = 0;
  lists.forEach((bucket, index) => {
    for (let place = at; place < bucketEnd[index]; place++) {
      const entry = next[bucketData[place]]++;
      entryBucket[entry] = index;
      entryPlace[entry] = place;
    }
    at = bucketEnd[index];
  });
  return { bucketData, bucketEnd, entries, entryBucket, entryPlace };
}

/**
 * Whether a row whose budget ran out at place k of its entry e would still meet a row it has not met: looks
 * at no more than MAX_COMPARISONS_PER_ROW further places, and says yes when it cannot tell.
 */
function unmetLeft(buckets: Buckets, members: readonly number[], e: number, k: number, starts: Int32Array, seenBy: Int32Array, visit: number, end: number): boolean {
  const { entries, entryBucket, entryPlace, bucketEnd, bucketData } = buckets;
  const position = bucketData[entryPlace[e]];
  let looked = 0;
  for (let entry = e; entry < entries[position + 1]; entry++) {
    const stop = bucketEnd[entryBucket[entry]];
    for (let place = entry === e ? k : entryPlace[entry] + 1; place < stop; place++) {
      const b = members[bucketData[place]];
      if (starts[b] > end) break;
      if (seenBy[b] !== visit || ++looked > MAX_COMPARISONS_PER_ROW) return true;
    }
  }
  return false;
}

/** Every member's tokens in one array: member `position` has sizes[members[position]] of them from offsets[position]. */
type Tokens = Int32Array & { offsets: Int32Array };

/**
 * Each member's purpose words as ranks by rarity inside the cluster (ties by spelling), ascending: every
 * member's run starts with its rarest words.
 */
function rankedTokens(members: readonly number[], sweep: Sweep): Tokens {
  const { candidates, spelled, wordCount: count, wordRank: rank } = sweep;
  const distinct: number[] = [];
  const offsets = new Int32Array(members.length);
  let total = 0;
  members.forEach((index, position) => {
    offsets[position] = total;
    const ids = candidates[index].wordIds;
    total += ids.length;
    for (const id of ids) if (count[id]++ === 0) distinct.push(id);
  });
  distinct.sort((p, q) => count[p] - count[q] || (spelled[p] < spelled[q] ? -1 : spelled[p] > spelled[q] ? 1 : 0));
  distinct.forEach((id, order) => (rank[id] = order));
  const tokens = Object.assign(new Int32Array(total), { offsets });
  members.forEach((index, position) => {
    const ids = candidates[index].wordIds;
    // Insertion sort in place: a purpose has a handful of words, and a view per member would cost more.
    const from = offsets[position];
    for (let i = 0; i < ids.length; i++) {
      const value = rank[ids[i]];
      let j = from + i;
      for (; j > from && tokens[j - 1] > value; j--) tokens[j] = tokens[j - 1];
      tokens[j] = value;
    }
  });
  for (const id of distinct) count[id] = 0;
  return tokens;
}
