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
import { asText, memoize, nearestSuggestion, toneKey, type SuggestionCandidate } from "./textKeys";

/**
 * Matching runs twice: first on the words as written (diacritics kept, case and tone placement ignored),
 * then, only when nothing matched, on folded words. Folding alone merged different words: "trưởng bản"
 * (village head) read as "Trưởng ban", while "Giam doc" or a tone typo still needs the fallback.
 */
type Mode = "exact" | "fold";

/** A word in both comparison forms. */
interface Forms {
  exact: string;
  fold: string;
}

function formsOf(text: string): Forms[] {
  return text.split(" ").map((word) => ({ exact: toneKey(word), fold: fold(word) }));
}

function keysOf(forms: readonly Forms[], mode: Mode): string[] {
  return forms.map((form) => form[mode]);
}

/** Abbreviated titles (folded), read only where a title stands (after "GĐ" in "Sở GD&ĐT" it means giáo dục). */
export const TITLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ["ct", "chủ tịch"],
  ["pct", "phó chủ tịch"],
  ["gd", "giám đốc"],
  ["pgd", "phó giám đốc"],
  ["tgd", "tổng giám đốc"],
  ["ptgd", "phó tổng giám đốc"],
  ["bt", "bí thư"],
  ["pbt", "phó bí thư"],
  ["tb", "trưởng ban"],
  ["ptb", "phó trưởng ban"],
  ["ht", "hiệu trưởng"],
  ["pht", "phó hiệu trưởng"],
  ["tp", "trưởng phòng"],
  ["ptp", "phó trưởng phòng"],
  ["cvp", "chánh văn phòng"],
  ["pcvp", "phó chánh văn phòng"],
  ["cv", "chuyên viên"],
]);
const ABBREVIATION_FORMS = new Map([...TITLE_ABBREVIATIONS].map(([abbreviation, title]) => [abbreviation, formsOf(title)]));

interface Title {
  words: Forms[];
  canonical: Forms[];
}

/** Titles and how they are written canonically. Longest match wins. */
const TITLES: Title[] = [
  "chủ tịch",
  "bí thư",
  "giám đốc",
  "tổng giám đốc",
  "chánh văn phòng",
  ["chánh vp", "chánh văn phòng"],
  "trưởng ban",
  "trưởng phòng",
  ["trưởng p", "trưởng phòng"],
  "trưởng đoàn",
  "hiệu trưởng",
  "chuyên viên",
  "cán bộ",
  "công chức",
  "viên chức",
  "giáo viên",
  "giảng viên",
  "lãnh đạo",
  "thứ trưởng",
  "bộ trưởng",
  "cục trưởng",
  "vụ trưởng",
  "viện trưởng",
  "trưởng khoa",
  "chủ nhiệm",
  "chánh án",
  "chánh thanh tra",
  "tổng biên tập",
  "thư ký",
  "kế toán trưởng",
  "ủy viên",
  "đại sứ",
  "tổng lãnh sự",
].map((t) => (typeof t === "string" ? { words: formsOf(t), canonical: formsOf(t) } : { words: formsOf(t[0]), canonical: formsOf(t[1]) }));

const DEPUTY: Record<Mode, ReadonlySet<string>> = { exact: new Set([toneKey("phó"), "p"]), fold: new Set(["pho", "p"]) };
const ACTING: Record<Mode, ReadonlySet<string>> = { exact: new Set([toneKey("quyền"), "q"]), fold: new Set(["quyen", "q"]) };
const DEPUTY_WORD = formsOf("phó")[0];
/** Words after the title that do not change the role ("Phó Chủ tịch Thường trực UBND"). */
const STANDING: Forms[][] = [formsOf("thường trực"), formsOf("phụ trách")];
/** Agency phrases written in several ways → canonical. */
const AGENCY_PHRASES: { words: Forms[]; canonical: string; upperCaseOnly?: boolean }[] = [
  { words: formsOf("ủy ban nhân dân"), canonical: "ubnd" },
  { words: formsOf("hội đồng nhân dân"), canonical: "hdnd" },
  { words: formsOf("thành phố"), canonical: "tp" },
  { words: formsOf("đại biểu quốc hội"), canonical: "dbqh" },
  { words: formsOf("hội đồng quản trị"), canonical: "hdqt" },
  { words: formsOf("hội đồng thành viên"), canonical: "hdtv" },
  // "ĐU", "TU" only in capitals: "tư" in "Sở Tư pháp" is no party committee.
  { words: formsOf("đu"), canonical: "dang uy", upperCaseOnly: true },
  { words: formsOf("tu"), canonical: "thanh uy", upperCaseOnly: true },
];

function startsWith(tokens: readonly string[], at: number, words: readonly string[]): boolean {
  if (at + words.length > tokens.length) return false;
  return words.every((w, k) => tokens[at + k] === w);
}

/** The title at `at`; `folded` are the tokens' folded forms (abbreviations are matched folded in both modes). */
function titleAt(keys: readonly string[], folded: readonly string[], at: number, mode: Mode): { length: number; canonical: string[] } | undefined {
  const abbreviation = ABBREVIATION_FORMS.get(folded[at]);
  if (abbreviation !== undefined) return { length: 1, canonical: keysOf(abbreviation, mode) };
  let best: { length: number; canonical: string[] } | undefined;
  for (const title of TITLES) {
    if (startsWith(keys, at, keysOf(title.words, mode)) && (best === undefined || title.words.length > best.length)) {
      best = { length: title.words.length, canonical: keysOf(title.canonical, mode) };
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
  if (ACTING.fold.has(tokens[i]) && i + 1 < tokens.length) i++;
  if (tokens[i] === "pho") return true;
  if (DEPUTY.fold.has(tokens[i])) i++;
  return i < tokens.length && titleAt(tokens, tokens, i, "fold") !== undefined;
}

interface Token {
  text: string;
  folded: string;
  /** toneKey(): diacritics kept, tone placement, case and punctuation ignored. */
  exact: string;
  start: number;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    tokens.push({ text: match[0], folded: fold(match[0]), exact: toneKey(match[0]), start: match.index ?? 0 });
  }
  return tokens;
}

interface CanonicalRole {
  /** Canonical words: title expanded, agency phrases abbreviated. */
  words: string[];
  /** Index of the first agency token in the original tokens, when a title was found. */
  agencyToken?: number;
}

function canonicalize(tokens: readonly Token[], mode: Mode): CanonicalRole {
  const keys = tokens.map((t) => (mode === "exact" ? t.exact : t.folded));
  const folded = tokens.map((t) => t.folded);
  const words: string[] = [];
  const deputy = DEPUTY_WORD[mode];
  let i = 0;
  if (ACTING[mode].has(keys[i]) && i + 1 < keys.length) i++;
  if (DEPUTY[mode].has(keys[i]) && i + 1 < keys.length) {
    words.push(deputy);
    i++;
  }
  let agencyToken: number | undefined;
  const title = titleAt(keys, folded, i, mode);
  if (title) {
    for (const word of title.canonical) if (!(word === deputy && words[words.length - 1] === deputy)) words.push(word);
    i += title.length;
    const standing = STANDING.find((s) => startsWith(keys, i, keysOf(s, mode)));
    if (standing) i += standing.length;
    agencyToken = i;
  }
  while (i < keys.length) {
    const phrase = AGENCY_PHRASES.find((p) => startsWith(keys, i, keysOf(p.words, mode)) && (!p.upperCaseOnly || tokens[i].text === tokens[i].text.toUpperCase()));
    if (phrase) {
      words.push(...phrase.canonical.split(" "));
      i += phrase.words.length;
    } else {
      words.push(keys[i]);
      i++;
    }
  }
  return { words, agencyToken };
}

/** Local administrative levels (folded canonical words): a city-level title followed by one is not the city's. */
const LOCAL_LEVEL: string[][] = [["xa"], ["phuong"], ["thi", "tran"], ["thi", "xa"], ["dac", "khu"], ["huyen"], ["quan"]];

interface RoleAlias {
  role: RoleEntry;
  /** Canonical words in each mode; `fold` also serves the suggestions and the local-level guard. */
  words: Record<Mode, string[]>;
}

let aliases: RoleAlias[] | undefined;
let suggestions: SuggestionCandidate[] | undefined;

function roleAliases(): RoleAlias[] {
  aliases ??= ROLES.flatMap((role) =>
    [role.name, ...role.aliases].map((text) => {
      const tokens = tokenize(text);
      return { role, words: { exact: canonicalize(tokens, "exact").words, fold: canonicalize(tokens, "fold").words } };
    }),
  );
  return aliases;
}

function roleSuggestions(): SuggestionCandidate[] {
  suggestions ??= roleAliases().map(({ role, words }) => ({ key: words.fold.join(""), suggestion: role.name }));
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
    const candidates = roleSuggestions().filter((c, k) => roleAliases()[k].words.fold.length === length);
    best = nearestSuggestion(head, candidates, 0.8);
  }
  return best;
}

function agencyText(text: string, tokens: readonly Token[], agencyToken: number | undefined): string | undefined {
  if (agencyToken === undefined || agencyToken >= tokens.length) return undefined;
  const agency = tidy(text.slice(tokens[agencyToken].start)).replace(/[\s,.;:\-–—]+$/u, "");
  return agency === "" ? undefined : agency;
}

/** The longest alias that begins the role in this mode; `localOnly` when only a city role followed by "xã" … matched. */
function bestAlias(words: readonly string[], foldedWords: readonly string[], mode: Mode): { best?: RoleAlias; localOnly: boolean } {
  let best: RoleAlias | undefined;
  let localOnly = false;
  for (const alias of roleAliases()) {
    const aliasWords = alias.words[mode];
    if (!isPrefix(aliasWords, words) || (best !== undefined && aliasWords.length <= best.words[mode].length)) continue;
    // "Chủ tịch HĐND xã" is no city leader (unless the list has the commune's own role, which is longer).
    if (alias.role.cityLeader && LOCAL_LEVEL.some((level) => startsWith(foldedWords, aliasWords.length, level))) {
      localOnly = true;
      continue;
    }
    best = alias;
  }
  return { best, localOnly };
}

function computeRole(text: string): RoleMatch | undefined {
  const raw = tidy(text);
  const source = raw.normalize("NFC");
  const tokens = tokenize(source);
  if (tokens.length === 0) return undefined;
  const exact = canonicalize(tokens, "exact");
  const folded = canonicalize(tokens, "fold");
  // The local-level guard reads the exact words folded, so a tone typo ("xả") does not slip past it.
  const first = bestAlias(exact.words, exact.words.map(fold), "exact");
  let { best, localOnly } = first;
  let agencyToken = exact.agencyToken;
  if (!best) {
    const fallback = bestAlias(folded.words, folded.words, "fold");
    best = fallback.best;
    localOnly ||= fallback.localOnly;
    agencyToken = folded.agencyToken ?? exact.agencyToken;
  }
  const agency = agencyText(source, tokens, agencyToken ?? folded.agencyToken);
  const found: RoleMatch = best
    ? { raw, id: best.role.id, name: best.role.name, cityLeader: best.role.cityLeader, keyLeader: best.role.keyLeader }
    : { raw, cityLeader: false, keyLeader: false };
  if (agency !== undefined) found.agency = agency;
  if (!best && !localOnly) {
    const suggestion = suggestRole(folded.words);
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
