/**
 * Countries: the standard list (ISO 3166 names in Vietnamese, with the short names officials use),
 * matching of one written country, and splitting of a "Nước đến" cell into countries.
 */
import countries from "i18n-iso-countries";
import enLocale from "i18n-iso-countries/langs/en.json";
import viLocale from "i18n-iso-countries/langs/vi.json";
import type { CountryMatch } from "../model";
import { fold, foldCompact, tidy } from "../text";
import { COUNTRY_ALIASES, COUNTRY_DISPLAY_NAMES, COUNTRY_FILLERS, COUNTRY_PREFIXES, NOT_IN_DROPDOWN, PARTS_OF_CHINA } from "./countryAliases";
import { asText, hasDiacritics, memoize, nearestSuggestion, toneKey, type SuggestionCandidate } from "./textKeys";

interface CountryIndex {
  /** Standard display name by alpha-2 code. */
  names: Map<string, string>;
  /** toneKey() of every name and alias → code. */
  byTone: Map<string, string>;
  /** foldCompact() of every name and alias → code. */
  byFold: Map<string, string>;
  suggestions: SuggestionCandidate[];
  /** The dropdown: standard names of the states (and Đài Loan, Hồng Kông, Ma Cao) in Vietnamese order. */
  sorted: string[];
}

let index: CountryIndex | undefined;

function buildIndex(): CountryIndex {
  countries.registerLocale(viLocale);
  countries.registerLocale(enLocale);
  const vi = countries.getNames("vi", { select: "all" });
  const en = countries.getNames("en", { select: "all" });

  const names = new Map<string, string>();
  for (const [code, list] of Object.entries(vi)) names.set(code, COUNTRY_DISPLAY_NAMES[code] ?? list[0]);

  const byTone = new Map<string, string>();
  const byFold = new Map<string, string>();
  const suggestions: SuggestionCandidate[] = [];
  // First writer wins: standard names, then our aliases, then the library's other names.
  const add = (code: string, text: string) => {
    const tone = toneKey(text);
    const folded = foldCompact(text);
    if (folded === "") return;
    if (!byTone.has(tone)) byTone.set(tone, code);
    if (!byFold.has(folded)) {
      byFold.set(folded, code);
      suggestions.push({ key: folded, suggestion: names.get(code) ?? text });
    }
  };
  for (const [code, name] of names) add(code, name);
  for (const [code, aliases] of Object.entries(COUNTRY_ALIASES)) if (names.has(code)) for (const alias of aliases) add(code, alias);
  for (const [code, list] of Object.entries(vi)) for (const name of list) add(code, name);
  for (const [code, list] of Object.entries(en)) if (names.has(code)) for (const name of list) add(code, name);

  const collator = new Intl.Collator("vi");
  const hidden = new Set(NOT_IN_DROPDOWN);
  const sorted = [...new Set([...names].filter(([code]) => !hidden.has(code)).map(([, name]) => name))].sort(collator.compare);
  return { names, byTone, byFold, suggestions, sorted };
}

function getIndex(): CountryIndex {
  index ??= buildIndex();
  return index;
}

interface Lookup {
  code: string;
  /** False when only the diacritic-free forms agree ("Hàn Quôc" ~ "Hàn Quốc"): a typo to point out. */
  exact: boolean;
}

function lookup(text: string): Lookup | undefined {
  const { byTone, byFold } = getIndex();
  const tone = toneKey(text);
  if (tone === "") return undefined;
  const code = byTone.get(tone);
  if (code !== undefined) return { code, exact: true };
  const folded = byFold.get(foldCompact(text));
  if (folded !== undefined) return { code: folded, exact: !hasDiacritics(text) };
  return undefined;
}

/** Bullets, numbering and trailing punctuation around one written country. */
function cleanPiece(text: string): string {
  return tidy(text)
    .replace(/^(?:[-–—*•+]+\s*|\d{1,2}[.)]\s*|[a-zđ][.)]\s+)/iu, "")
    .replace(/[\s.,;:\-–—]+$/u, "")
    .trim();
}

/** The last parenthesis closing the text: "outer (inner)". */
const TRAILING_PARENTHESIS = /^(.*)\(([^()]*)\)\s*$/su;
/** A parenthesis left open runs to the end: "Nhật Bản (Tokyo". */
const OPEN_PARENTHESIS = /^([^()]*)\(([^()]*)$/su;

const PREFIX_WORDS = COUNTRY_PREFIXES.map((prefix) => prefix.split(" "));
const MAX_PREFIX_WORDS = Math.max(...PREFIX_WORDS.map((words) => words.length));

interface Resolved {
  code?: string;
  /** The country was read only from the parenthesis ("Vân Nam (Trung Quốc)"): splitting the text may read it better. */
  fromInner?: boolean;
  /** Nearly a country: the code of the best guess, for the suggestion. */
  near?: string;
}

/** The code a piece of text names, or a hint of what it nearly names. */
function resolve(text: string): Resolved {
  const direct = lookup(text);
  if (direct?.exact) return { code: direct.code };

  // Place detail in parentheses, either way round: "Nhật Bản (Tokyo, Osaka)", "Vân Nam (Trung Quốc)".
  const parts = TRAILING_PARENTHESIS.exec(text) ?? OPEN_PARENTHESIS.exec(text);
  if (parts) {
    const outer = tidy(parts[1]);
    const outerHit = outer === "" ? undefined : lookup(outer);
    const innerHit = lookup(parts[2]);
    if (outerHit?.exact) {
      if (outerHit.code === "CN" && innerHit?.exact && PARTS_OF_CHINA.includes(innerHit.code)) return { code: innerHit.code };
      return { code: outerHit.code };
    }
    if (innerHit?.exact) return { code: innerHit.code, fromInner: true };
    if (outerHit) return { near: outerHit.code };
  }

  // "Các nước: Nhật Bản".
  const colon = text.lastIndexOf(":");
  if (colon >= 0) {
    const after = lookup(text.slice(colon + 1));
    if (after?.exact) return { code: after.code };
  }

  // "Nước Pháp", "Cộng hòa Pháp".
  const words = text.split(/[\s\-–]+/u).filter((w) => w !== "");
  const leading = words.slice(0, MAX_PREFIX_WORDS).map(fold);
  for (const prefix of PREFIX_WORDS) {
    if (words.length > prefix.length && prefix.every((word, k) => leading[k] === word)) {
      const rest = lookup(words.slice(prefix.length).join(" "));
      if (rest?.exact) return { code: rest.code };
    }
  }

  if (direct) return { near: direct.code };
  return {};
}

const resolvePiece = memoize((text: string) => resolve(cleanPiece(text)));

function computeCountry(text: string): CountryMatch {
  const raw = tidy(text);
  const piece = cleanPiece(raw);
  if (piece === "") return { raw, name: raw, known: false };
  const { names, suggestions } = getIndex();
  const found = resolvePiece(piece);
  if (found.code !== undefined) return { raw, name: names.get(found.code) ?? piece, code: found.code, known: true };
  const suggestion =
    found.near !== undefined ? names.get(found.near) : nearestSuggestion(piece.replace(/\s*\(.*\)\s*/su, " "), suggestions);
  return suggestion === undefined ? { raw, name: raw, known: false } : { raw, name: raw, known: false, suggestion };
}

const memoCountry = memoize(computeCountry);

/**
 * One written country → its standard name and ISO code, or the text kept as written (known: false)
 * with the nearest standard name as a suggestion when one is close.
 */
export function matchCountry(text: string): CountryMatch {
  return { ...memoCountry(asText(text)) };
}

/**
 * Whether a piece names a country by itself, not only through a parenthesis that may belong to the
 * next country; cheap (no suggestion), since splitting asks it often.
 */
function namesCountryItself(text: string): boolean {
  const resolved = resolvePiece(text);
  return resolved.code !== undefined && !resolved.fromInner;
}

/**
 * Splits at the separators matched by `separator` (a sticky regex) outside parentheses, keeping the
 * separators so that neighbouring atoms can be joined back as written. Unbalanced parentheses are
 * ignored rather than swallowing the rest of the cell.
 */
function splitTopLevel(text: string, separator: RegExp, mayContain: RegExp): { atoms: string[]; joiners: string[] } {
  if (!mayContain.test(text)) return { atoms: [text], joiners: [] };
  let depth = 0;
  let balanced = true;
  for (const ch of text) {
    if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) balanced = false;
  }
  if (depth !== 0) balanced = false;

  const atoms: string[] = [];
  const joiners: string[] = [];
  let start = 0;
  depth = 0;
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (balanced && ch === "(") depth++;
    if (balanced && ch === ")") depth--;
    if (depth === 0) {
      separator.lastIndex = i;
      const found = separator.exec(text);
      if (found && found[0].length > 0) {
        atoms.push(text.slice(start, i));
        joiners.push(found[0]);
        i += found[0].length;
        start = i;
        continue;
      }
    }
    i++;
  }
  atoms.push(text.slice(start));
  return { atoms, joiners };
}

const HARD_SEPARATORS = /[,;/\\+&|\n\r•·]+/y;
const HAS_HARD = /[,;/\\+&|\n\r•·]/;
/** Cheap test before the character-by-character split: could the text hold any soft separator or hyphen? */
const HAS_SOFT = /[-–—]|\s(?:và|va|and)\s/i;
/** " - ", "–", "và", "and": separators unless they sit inside a known name ("Bosnia và Herzegovina"). */
const SOFT_SEPARATORS = /\s+(?:và|va|and)\s+|\s*[–—]\s*|\s+-\s*|\s*-\s+/iy;
const HYPHEN = /-/y;
const ANY_SEPARATOR = /\s+(?:và|va|and)\s+|\s*[–—-]\s*/iy;
const MAX_ATOMS_FOR_GROUPING = 12;

/**
 * Groups consecutive atoms into countries named by themselves with as few groups as possible ("Cam-pu-chia-Lào" →
 * "Cam-pu-chia", "Lào"); undefined when no grouping makes every group a known country.
 */
function groupIntoKnown(atoms: string[], joiners: string[]): string[] | undefined {
  if (atoms.length > MAX_ATOMS_FOR_GROUPING) return undefined;
  const n = atoms.length;
  const best: (string[] | undefined)[] = new Array(n + 1).fill(undefined);
  best[0] = [];
  for (let end = 1; end <= n; end++) {
    for (let start = end - 1; start >= 0; start--) {
      const before = best[start];
      if (before === undefined) continue;
      let group = atoms[start];
      for (let k = start + 1; k < end; k++) group += joiners[k - 1] + atoms[k];
      if (!namesCountryItself(group)) continue;
      const candidate = [...before, group];
      const current = best[end];
      if (current === undefined || candidate.length < current.length) best[end] = candidate;
    }
  }
  return best[n];
}

function isFiller(text: string): boolean {
  const folded = fold(text);
  return folded === "" || COUNTRY_FILLERS.includes(folded);
}

/** One piece between hard separators → the countries it names (as written). */
function splitPiece(piece: string): string[] {
  const text = cleanPiece(piece);
  if (isFiller(text)) return [];
  const whole = resolvePiece(text);
  if (namesCountryItself(text)) return [text];

  const soft = splitTopLevel(text, SOFT_SEPARATORS, HAS_SOFT);
  if (soft.atoms.length > 1) {
    const grouped = groupIntoKnown(soft.atoms, soft.joiners);
    if (grouped) return grouped.map(cleanPiece).filter((g) => !isFiller(g));
    // "Wallis và Futuna-Ả Rập Xê Út": a bare hyphen next to a name that contains "và".
    const any = splitTopLevel(text, ANY_SEPARATOR, HAS_SOFT);
    const regrouped = groupIntoKnown(any.atoms, any.joiners);
    if (regrouped) return regrouped.map(cleanPiece).filter((g) => !isFiller(g));
    if (whole.code !== undefined) return [text];
    return soft.atoms.flatMap(splitPiece);
  }

  // A bare hyphen separates only when every side is a known country: "Hoa Kỳ-Canada", never "Ô-xtrây-li-a".
  const hyphen = splitTopLevel(text, HYPHEN, HAS_SOFT);
  if (hyphen.atoms.length > 1) {
    const grouped = groupIntoKnown(hyphen.atoms, hyphen.joiners);
    if (grouped && grouped.length > 1) return grouped.map(cleanPiece);
  }
  return [text];
}

/**
 * A "Nước đến" cell → its countries, in order, without empties or duplicates. Splits on , ; / + &
 * line breaks, " - ", "–" and "và", never inside parentheses or hyphenated names.
 */
export function parseCountries(text: string): CountryMatch[] {
  return memoCountries(asText(text)).map((match) => ({ ...match }));
}

function computeCountries(value: string): CountryMatch[] {
  if (tidy(value) === "") return [];
  const result: CountryMatch[] = [];
  const seen = new Set<string>();
  for (const piece of splitTopLevel(value, HARD_SEPARATORS, HAS_HARD).atoms) {
    for (const written of splitPiece(piece)) {
      const match = memoCountry(written);
      if (match.name === "") continue;
      const key = match.code ?? `?${foldCompact(match.name)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(match);
    }
  }
  return result;
}

const memoCountries = memoize(computeCountries);

/** The countries dropdown: standard names of the states and the territories plans name, in Vietnamese collation order. */
export function standardCountryNames(): string[] {
  return [...getIndex().sorted];
}

/** Standard name of an ISO alpha-2 code, if it is in the list. */
export function countryName(code: string): string | undefined {
  return getIndex().names.get(code.toUpperCase());
}

const MAX_NAME_WORDS = 6;

/**
 * Codes of the countries named anywhere inside a sentence ("Công ty Samsung (Hàn Quốc) mời"), by
 * exact spelling with diacritics. A one-word name counts only when capitalised, so the common words
 * that are also country names ("anh", "đức", "hàn") are not taken for countries.
 */
export function mentionedCountryCodes(text: string): string[] {
  const { byTone } = getIndex();
  const words = asText(text).normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
  const found: string[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let n = Math.min(MAX_NAME_WORDS, words.length - i); n >= 1 && matched === 0; n--) {
      if (n === 1 && !/^\p{Lu}/u.test(words[i])) continue;
      const code = byTone.get(toneKey(words.slice(i, i + n).join(" ")));
      if (code !== undefined) {
        if (!found.includes(code)) found.push(code);
        matched = n;
      }
    }
    i += Math.max(matched, 1);
  }
  return found;
}

/** "(8 ngày)", "8 ngày", ": 3,5 ngày" inside one piece of a "Nước đến" cell. */
const DAYS_IN_PIECE = /[(:–-]?\s*(\d{1,3}(?:[.,]\d)?)\s*(?:ngày|ngay|ng\.)\s*\)?/iu;

/** One stop of a trip written in one cell with its days: "Đức (8 ngày)". */
export interface WrittenStop {
  countries: CountryMatch[];
  days: number;
}

/**
 * A "Nước đến" cell that gives each country its own days ("Pháp (3 ngày), Đức (8 ngày)", "Pháp: 3 ngày;
 * Đức: 8 ngày", one per line) → the stops in order; undefined unless every piece names a country and its
 * days (a cell with only some days written is not read as stops: which country the rest belong to is a guess).
 */
export function parseCountryStops(text: string): WrittenStop[] | undefined {
  const value = asText(text);
  if (!/\d/.test(value)) return undefined;
  const stops: WrittenStop[] = [];
  for (const piece of splitTopLevel(value, HARD_SEPARATORS, HAS_HARD).atoms) {
    if (tidy(piece) === "") continue;
    const days = DAYS_IN_PIECE.exec(piece);
    if (!days) return undefined;
    const rest = (piece.slice(0, days.index) + piece.slice(days.index + days[0].length)).replace(/\(\s*\)/g, "");
    const named = parseCountries(rest);
    if (named.length === 0) return undefined;
    stops.push({ countries: named, days: Number(days[1].replace(",", ".")) });
  }
  return stops.length > 0 ? stops : undefined;
}
