/**
 * Vietnamese text folding: the form in which headers, names and list entries are compared.
 * "Nước/vùng lãnh thổ" → "nuoc vung lanh tho"; "ĐOÀN  RA" → "doan ra".
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ALNUM = /[^a-z0-9]+/g;

/** Lower-case, strip diacritics (đ→d), turn punctuation into spaces, collapse spaces, trim. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(NON_ALNUM, " ")
    .trim();
}

/** fold() without any spaces: "Số TT" and "SốTT" compare equal. */
export function foldCompact(text: string): string {
  return fold(text).replace(/ /g, "");
}

/** Trim and collapse inner whitespace (including line breaks and non-breaking spaces), keeping diacritics. */
export function tidy(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/** Levenshtein distance, for "nearest standard name" suggestions (short strings only). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}

/** Similarity in 0..1 from edit distance over the longer length. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}
