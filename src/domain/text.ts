/**
 * Vietnamese text folding: the form in which headers, names and list entries are compared.
 * "Nước/vùng lãnh thổ" → "nuoc vung lanh tho"; "ĐOÀN  RA" → "doan ra".
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ALNUM = /[^a-z0-9]+/g;

/** Lower-case, strip diacritics (đ→d), turn punctuation into spaces, collapse spaces, trim. */
export function fold(text: string): string {
  // Fast path, character by character, for text of Latin letters and Vietnamese precomposed letters (all a
  // plan holds, and far cheaper than the five copies below); other scripts go the general way.
  if (text.length > FOLD_BUFFER.length) return foldByNormalizing(text);
  let length = 0;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isFoldedCode(code)) {
      if (gap && length > 0) FOLD_BUFFER[length++] = 0x20;
      gap = false;
      FOLD_BUFFER[length++] = code;
      continue;
    }
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) {
        if (gap && length > 0) FOLD_BUFFER[length++] = 0x20;
        gap = false;
        FOLD_BUFFER[length++] = code + 0x20;
      } else gap = true;
      continue;
    }
    if (code >= 0x300 && (code < 0x1e00 || code > 0x1eff)) return foldByNormalizing(text);
    // A letter's own fold ("ế" → "e"); anything else there is a separator, as in foldByNormalizing.
    const letter = lowerPlain(code);
    if (letter === MORE_THAN_ONE) return foldByNormalizing(text);
    if (letter === NOTHING) continue;
    if (isFoldedCode(letter)) {
      if (gap && length > 0) FOLD_BUFFER[length++] = 0x20;
      gap = false;
      FOLD_BUFFER[length++] = letter;
    } else gap = true;
  }
  return textOfBuffer(length);
}

function foldByNormalizing(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(NON_ALNUM, " ")
    .trim();
}

/** Code units of fold()'s fast path (texts longer than this take the general way). */
const FOLD_BUFFER = new Uint16Array(8192);

function isFoldedCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** lowerPlain of U+0000..U+02FF and U+1E00..U+1EFF (Latin Extended Additional: the Vietnamese letters), filled as met (0: not yet). */
const LOWER_PLAIN = new Int32Array(0x400);
const MORE_THAN_ONE = -1;
/** A character that folds to nothing at all (not even a separator). */
const NOTHING = -2;

/**
 * One character lower-cased without its diacritics, as the general way treats it (a code unit, NOTHING, or
 * MORE_THAN_ONE): these characters decompose into a base letter and marks of U+0300..U+036F only, so the
 * text's fold is their folds joined.
 */
function lowerPlain(code: number): number {
  const index = code < 0x300 ? code : code - 0x1e00 + 0x300;
  let entry = LOWER_PLAIN[index];
  if (entry === 0) {
    const plain = lowerByNormalizing(String.fromCharCode(code));
    entry = plain.length === 0 ? NOTHING : plain.length === 1 ? plain.charCodeAt(0) : MORE_THAN_ONE;
    LOWER_PLAIN[index] = entry;
  }
  return entry;
}

/**
 * Lower-case without diacritics (đ→d), punctuation and spaces kept: "Tháng 5/2025" → "thang 5/2025".
 * Same fast path as fold().
 */
export function lowerWithoutMarks(text: string): string {
  if (text.length > FOLD_BUFFER.length) return lowerByNormalizing(text);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      FOLD_BUFFER[i] = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
      continue;
    }
    if (code >= 0x300 && (code < 0x1e00 || code > 0x1eff)) return lowerByNormalizing(text);
    const letter = lowerPlain(code);
    if (letter < 0) return lowerByNormalizing(text);
    FOLD_BUFFER[i] = letter;
  }
  return textOfBuffer(text.length);
}

function lowerByNormalizing(text: string): string {
  return text.normalize("NFD").replace(COMBINING_MARKS, "").replace(/[đĐ]/g, "d").toLowerCase();
}

function textOfBuffer(length: number): string {
  let result = "";
  for (let from = 0; from < length; from += 4096) result += String.fromCharCode.apply(null, FOLD_BUFFER.subarray(from, Math.min(length, from + 4096)) as unknown as number[]);
  return result;
}

/** fold() without any spaces: "Số TT" and "SốTT" compare equal. */
export function foldCompact(text: string): string {
  return fold(text).replace(/ /g, "");
}

/** Trim and collapse inner whitespace (including line breaks and non-breaking spaces), keeping diacritics. */
export function tidy(text: string): string {
  return isTidy(text) ? text : text.replace(/[\s\u00a0]+/g, " ").trim();
}

/** Already tidy: no whitespace but single spaces between words (most cells), so no copy is made. */
function isTidy(text: string): boolean {
  let afterSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      if (afterSpace) return false;
      afterSpace = true;
    } else if (isOtherWhitespace(code)) return false;
    else afterSpace = false;
  }
  return !afterSpace || text.length === 0;
}

/** Whitespace of \s and trim() other than the plain space. */
function isOtherWhitespace(code: number): boolean {
  if (code < 0xa0) return code >= 0x09 && code <= 0x0d;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
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
