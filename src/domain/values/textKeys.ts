/**
 * Comparison keys shared by the value parsers. fold() (src/domain/text.ts) forgets every diacritic;
 * the keys here keep them where a wrong diacritic must be told apart from a missing one.
 */
import { foldCompact, lowerWithoutMarks } from "../text";

/** Vietnamese tone marks (as combining characters after NFD): grave, acute, tilde, hook, dot below. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/;

/**
 * A key that keeps every diacritic but not where the tone mark sits, so the old and new
 * placements ("Thuỵ Sĩ" / "Thụy Sĩ", "Hoà" / "Hòa") compare equal while "Quôc" ≠ "Quốc".
 * Case, spaces and punctuation are ignored ("Ô-xtrây-li-a" = "Ôxtrâylia").
 */
export function toneKey(text: string): string {
  const words = text.normalize("NFD").toLowerCase().split(/[^\p{L}\p{N}\u0300-\u036f]+/u);
  return words
    .filter((word) => word.length > 0)
    .map((word) => {
      const tones = (word.match(TONE_MARKS) ?? []).sort().join("");
      return word.replace(TONE_MARKS, "") + tones;
    })
    .join("");
}

/** True when the text carries any diacritic (including đ): then its diacritics are taken as meant. */
export function hasDiacritics(text: string): boolean {
  return /[đĐ]/.test(text) || COMBINING_MARKS.test(text.normalize("NFD"));
}

/**
 * Lower-case without diacritics but with punctuation kept, for parsers that read digits and
 * separators ("Tháng 5/2025" → "thang 5/2025").
 */
export function plainLower(text: string): string {
  return lowerWithoutMarks(text);
}

/** Coerces whatever a caller hands over at run time into text (the signatures say string). */
export function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}

export interface SuggestionCandidate {
  /** foldCompact() of a standard name or alias. */
  key: string;
  /** What to suggest when this key is the nearest. */
  suggestion: string;
}

/**
 * Levenshtein distance, or `limit + 1` as soon as it must exceed `limit` (suggestions only care about
 * close candidates, and an unknown text is compared with every standard name).
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/**
 * The nearest candidate by similarity (1 − distance / longer length) of folded, space-free forms,
 * or undefined when none reaches `threshold`. Very short keys must match exactly elsewhere: a
 * two-letter typo is not evidence of anything.
 */
export function nearestSuggestion(text: string, candidates: readonly SuggestionCandidate[], threshold = 0.75): string | undefined {
  const key = foldCompact(text);
  if (key.length < 4) return undefined;
  let best: string | undefined;
  let bestScore = threshold;
  for (const candidate of candidates) {
    if (candidate.key.length < 4) continue;
    const longest = Math.max(key.length, candidate.key.length);
    // The largest distance that could still beat the best score so far.
    const limit = Math.floor(longest * (1 - bestScore));
    const distance = boundedEditDistance(key, candidate.key, limit);
    if (distance > limit) continue;
    const score = 1 - distance / longest;
    if (best === undefined ? score >= bestScore : score > bestScore) {
      best = candidate.suggestion;
      bestScore = score;
    }
  }
  return best;
}

/** A small bounded memo: the same cell text recurs across thousands of rows. */
export function memoize<R>(compute: (text: string) => R, limit = 5000): (text: string) => R {
  const cache = new Map<string, R>();
  return (text: string) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as R;
    const result = compute(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, result);
    return result;
  };
}
