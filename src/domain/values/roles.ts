/**
 * Leader roles: "PCT UBND TP", "Giám đốc Sở Y tế", "Phó Chủ tịch UBND xã Tân Hưng" → an entry of
 * src/domain/lists/roles.ts and the agency part. Role text is read as
 *   [acting] [deputy] TITLE [standing] AGENCY
 * and compared, in a canonical form, with the list's names and aliases: the longest that is a prefix
 * wins, so "Phó Chủ tịch" never reads as "Chủ tịch" and "PCT UBND xã" beats "PCT UBND".
 */
import type { RoleMatch } from "../model";
import { ROLES, type RoleEntry } from "../lists/roles";
import { fold, tidy } from "../text";
import { asText, memoize, nearestSuggestion, type SuggestionCandidate } from "./textKeys";

/** Abbreviated titles, read only where a title stands (after "GĐ" in "Sở GD&ĐT" it means giáo dục). */
export const TITLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
  ct: "chu tich",
  pct: "pho chu tich",
  gd: "giam doc",
  pgd: "pho giam doc",
  tgd: "tong giam doc",
  ptgd: "pho tong giam doc",
  bt: "bi thu",
  pbt: "pho bi thu",
  tb: "truong ban",
  ptb: "pho truong ban",
  ht: "hieu truong",
  pht: "pho hieu truong",
  tp: "truong phong",
  ptp: "pho truong phong",
  cvp: "chanh van phong",
  pcvp: "pho chanh van phong",
  cv: "chuyen vien",
  }),
);

/** Titles (folded) and how they are written canonically. Longest match wins. */
const TITLES: { words: string[]; canonical: string }[] = [
  "chu tich",
  "bi thu",
  "giam doc",
  "tong giam doc",
  "chanh van phong",
  ["chanh vp", "chanh van phong"],
  "truong ban",
  "truong phong",
  ["truong p", "truong phong"],
  "truong doan",
  "hieu truong",
  "chuyen vien",
  "can bo",
  "cong chuc",
  "vien chuc",
  "giao vien",
  "giang vien",
  "lanh dao",
  "thu truong",
  "bo truong",
  "cuc truong",
  "vu truong",
  "vien truong",
  "truong khoa",
  "chu nhiem",
  "chanh an",
  "chanh thanh tra",
  "tong bien tap",
  "thu ky",
  "ke toan truong",
  "uy vien",
  "dai su",
  "tong lanh su",
].map((t) => (typeof t === "string" ? { words: t.split(" "), canonical: t } : { words: t[0].split(" "), canonical: t[1] }));

const DEPUTY = new Set(["pho", "p"]);
const ACTING = new Set(["quyen", "q"]);
/** Words after the title that do not change the role ("Phó Chủ tịch Thường trực UBND"). */
const STANDING: string[][] = [["thuong", "truc"], ["phu", "trach"]];
/** Agency phrases written in several ways, folded → canonical. */
const AGENCY_PHRASES: { words: string[]; canonical: string; upperCaseOnly?: boolean }[] = [
  { words: ["uy", "ban", "nhan", "dan"], canonical: "ubnd" },
  { words: ["hoi", "dong", "nhan", "dan"], canonical: "hdnd" },
  { words: ["thanh", "pho"], canonical: "tp" },
  { words: ["dai", "bieu", "quoc", "hoi"], canonical: "dbqh" },
  { words: ["hoi", "dong", "quan", "tri"], canonical: "hdqt" },
  { words: ["hoi", "dong", "thanh", "vien"], canonical: "hdtv" },
  // "ĐU", "TU" only in capitals: "tư" in "Sở Tư pháp" is no party committee.
  { words: ["du"], canonical: "dang uy", upperCaseOnly: true },
  { words: ["tu"], canonical: "thanh uy", upperCaseOnly: true },
];

function startsWith(tokens: readonly string[], at: number, words: readonly string[]): boolean {
  if (at + words.length > tokens.length) return false;
  return words.every((w, k) => tokens[at + k] === w);
}

function titleAt(tokens: readonly string[], at: number): { length: number; canonical: string } | undefined {
  const abbreviation = TITLE_ABBREVIATIONS.get(tokens[at]);
  if (abbreviation !== undefined) return { length: 1, canonical: abbreviation };
  let best: { length: number; canonical: string } | undefined;
  for (const title of TITLES) {
    if (startsWith(tokens, at, title.words) && (best === undefined || title.words.length > best.length)) {
      best = { length: title.words.length, canonical: title.canonical };
    }
  }
  return best;
}

/**
 * Whether a role starts at token `at` (folded tokens): a title, an abbreviated title, or "Phó"
 * (alone it is still a deputy: "Phó Ban"). Used by splitLeader to find where a name ends.
 */
export function roleStartsAt(tokens: readonly string[], at: number): boolean {
  let i = at;
  if (ACTING.has(tokens[i]) && i + 1 < tokens.length) i++;
  if (tokens[i] === "pho") return true;
  if (DEPUTY.has(tokens[i])) i++;
  return i < tokens.length && titleAt(tokens, i) !== undefined;
}

interface Token {
  text: string;
  folded: string;
  start: number;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    tokens.push({ text: match[0], folded: fold(match[0]), start: match.index ?? 0 });
  }
  return tokens;
}

interface CanonicalRole {
  /** Canonical words: title expanded, agency phrases abbreviated. */
  words: string[];
  /** Index of the first agency token in the original tokens, when a title was found. */
  agencyToken?: number;
}

function canonicalize(tokens: readonly Token[]): CanonicalRole {
  const folded = tokens.map((t) => t.folded);
  const words: string[] = [];
  let i = 0;
  if (ACTING.has(folded[i]) && i + 1 < folded.length) i++;
  if (DEPUTY.has(folded[i]) && i + 1 < folded.length) {
    words.push("pho");
    i++;
  }
  let agencyToken: number | undefined;
  const title = titleAt(folded, i);
  if (title) {
    for (const word of title.canonical.split(" ")) if (!(word === "pho" && words[words.length - 1] === "pho")) words.push(word);
    i += title.length;
    const standing = STANDING.find((s) => startsWith(folded, i, s));
    if (standing) i += standing.length;
    agencyToken = i;
  }
  while (i < folded.length) {
    const phrase = AGENCY_PHRASES.find(
      (p) => startsWith(folded, i, p.words) && (!p.upperCaseOnly || tokens[i].text === tokens[i].text.toUpperCase()),
    );
    if (phrase) {
      words.push(...phrase.canonical.split(" "));
      i += phrase.words.length;
    } else {
      words.push(folded[i]);
      i++;
    }
  }
  return { words, agencyToken };
}

/** Local administrative levels, canonical words: a city-level title followed by one is not the city's. */
const LOCAL_LEVEL: string[][] = [["xa"], ["phuong"], ["thi", "tran"], ["thi", "xa"], ["dac", "khu"], ["huyen"], ["quan"]];

interface RoleAlias {
  role: RoleEntry;
  words: string[];
}

let aliases: RoleAlias[] | undefined;
let suggestions: SuggestionCandidate[] | undefined;

function roleAliases(): RoleAlias[] {
  aliases ??= ROLES.flatMap((role) => [role.name, ...role.aliases].map((text) => ({ role, words: canonicalize(tokenize(text)).words })));
  return aliases;
}

function roleSuggestions(): SuggestionCandidate[] {
  suggestions ??= roleAliases().map(({ role, words }) => ({ key: words.join(""), suggestion: role.name }));
  return suggestions;
}

function isPrefix(prefix: readonly string[], words: readonly string[]): boolean {
  return prefix.length > 0 && prefix.length <= words.length && prefix.every((w, k) => words[k] === w);
}

/** Nearest standard role for a typo: each alias is compared with as many leading words of the text. */
function suggestRole(words: readonly string[]): string | undefined {
  let best: string | undefined;
  for (let length = words.length; length >= 1 && best === undefined; length--) {
    const head = words.slice(0, length).join("");
    const candidates = roleSuggestions().filter((c, k) => roleAliases()[k].words.length === length);
    best = nearestSuggestion(head, candidates, 0.8);
  }
  return best;
}

function agencyText(text: string, tokens: readonly Token[], agencyToken: number | undefined): string | undefined {
  if (agencyToken === undefined || agencyToken >= tokens.length) return undefined;
  const agency = tidy(text.slice(tokens[agencyToken].start)).replace(/[\s,.;:\-–—]+$/u, "");
  return agency === "" ? undefined : agency;
}

function computeRole(text: string): RoleMatch | undefined {
  const raw = tidy(text);
  const source = raw.normalize("NFC");
  const tokens = tokenize(source);
  if (tokens.length === 0) return undefined;
  const { words, agencyToken } = canonicalize(tokens);
  const agency = agencyText(source, tokens, agencyToken);

  let best: RoleAlias | undefined;
  let localOnly = false;
  for (const alias of roleAliases()) {
    if (!isPrefix(alias.words, words) || (best !== undefined && alias.words.length <= best.words.length)) continue;
    // "Chủ tịch HĐND xã" is no city leader: the list has no commune-level entry for it, so it stays
    // unknown, without suggesting the city role it resembles.
    if (alias.role.cityLeader && LOCAL_LEVEL.some((level) => startsWith(words, alias.words.length, level))) {
      localOnly = true;
      continue;
    }
    best = alias;
  }
  const found: RoleMatch = best
    ? { raw, id: best.role.id, name: best.role.name, cityLeader: best.role.cityLeader, keyLeader: best.role.keyLeader }
    : { raw, cityLeader: false, keyLeader: false };
  if (agency !== undefined) found.agency = agency;
  if (!best && !localOnly) {
    const suggestion = suggestRole(words);
    if (suggestion !== undefined) found.suggestion = suggestion;
  }
  return found;
}

const memoRole = memoize(computeRole);

/**
 * A role text → the standard role (id, name, tier and key-leader flags) and its agency; unknown roles
 * keep no id and get the nearest standard role as a suggestion when one is close. Undefined when empty.
 */
export function matchRole(text: string): RoleMatch | undefined {
  const match = memoRole(asText(text));
  return match === undefined ? undefined : { ...match };
}
