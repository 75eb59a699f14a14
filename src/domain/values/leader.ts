/**
 * A "Trưởng đoàn" cell often holds a person and a role together: "Nguyễn Văn A - PCT UBND TP",
 * "Đ/c Nguyễn Văn A, Giám đốc Sở", "Ông Trần Văn B (Phó Giám đốc)", "PGĐ Sở Trần Văn B".
 * splitLeader separates them; honorifics and academic titles are dropped from the name.
 */
import { fold, tidy } from "../text";
import { roleStartsAt, tokenize } from "./roles";
import { asText, hasDiacritics, memoize } from "./textKeys";

/** Folded word sequences written before a name (Đ/c, Đồng chí, Ông, Bà, TS., ThS., PGS.TS …). */
const HONORIFICS: string[][] = [
  "d c",
  "dc",
  "dong chi",
  "ong",
  "ba",
  "ngai",
  "ts",
  "ths",
  "ts bs",
  "tien si",
  "thac si",
  "pgs",
  "gs",
  "bs",
  "bsck",
  "cki",
  "ckii",
  "ks",
  "ncs",
  "ls",
  "nsnd",
  "nsut",
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
].map((h) => h.split(" "));

/** Common Vietnamese family names (including those of Lai Châu's ethnic minorities), lower-case. */
const SURNAMES = new Set(
  (
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đào đoàn vương trịnh trương lâm " +
    "phùng mai tô hà tạ cao lương đinh lưu chu quách lò tòng sùng giàng vàng thào lù hầu mùa tẩn chẻo phàn " +
    "lường điêu cầm lục nông triệu la kiều thái tăng lại khổng thân đàm hứa từ tôn nghiêm doãn âu quan mạc " +
    "vi khúc bạch giáp lã châu diệp kim ninh tống trình ứng viên vy chử lữ lưu hoàng"
  ).split(" "),
);
const FOLDED_SURNAMES = new Set([...SURNAMES].map(fold));

/** Places that start like a family name ("Sở Y tế Hà Nội", "TP Hồ Chí Minh"), folded. */
const PLACES = ["ha noi", "ha giang", "ha tinh", "ha nam", "cao bang", "lam dong", "thai binh", "thai nguyen", "ninh binh", "ninh thuan", "ho chi minh", "lai chau", "kim bang", "mai chau", "quan hoa", "vi xuyen", "la gi"].map((p) =>
  p.split(" "),
);

/** First words of agencies, which a capitalised run ("Sở Y Tế", "UBND TP") must not be taken for a name by. */
const AGENCY_WORDS = new Set(["so", "ubnd", "hdnd", "uy", "ban", "phong", "cong", "tong", "trung", "benh", "hoi", "chi", "cuc", "bo", "tp", "tinh", "xa", "phuong", "huyen", "quan", "vien", "dai", "hoc", "khoa", "tap", "ngan", "lien"]);

const SEPARATORS = /\s+[-–—]\s+|[–—]|[,;:\n\r()]/;

type Token = ReturnType<typeof tokenize>[number];

function isSurname(token: Token): boolean {
  const lower = token.text.toLowerCase();
  return SURNAMES.has(lower) || (!hasDiacritics(token.text) && FOLDED_SURNAMES.has(token.folded));
}

function isCapitalised(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text) && !/\d/.test(token.text);
}

function sequenceAt(tokens: readonly Token[], at: number, sequences: readonly string[][]): number {
  let longest = 0;
  for (const words of sequences) {
    if (words.length > longest && at + words.length <= tokens.length && words.every((w, k) => tokens[at + k].folded === w)) longest = words.length;
  }
  return longest;
}

/** Number of leading tokens that are honorifics (repeated: "Đ/c PGS.TS"). */
function honorificLength(tokens: readonly Token[], at: number): number {
  let i = at;
  for (let n = sequenceAt(tokens, i, HONORIFICS); n > 0; n = sequenceAt(tokens, i, HONORIFICS)) i += n;
  return i - at;
}

const MAX_NAME_WORDS = 6;

function allCapitalised(tokens: readonly Token[], from: number): boolean {
  return tokens.slice(from).every(isCapitalised);
}

/** A name closing a role-first segment: "PGĐ Sở Trần Văn B" → index of "Trần". */
function trailingNameAt(tokens: readonly Token[], from: number): number | undefined {
  for (let i = from; i < tokens.length; i++) {
    const honorific = honorificLength(tokens, i);
    if (honorific > 0 && i + honorific < tokens.length && allCapitalised(tokens, i + honorific)) return i;
    const length = tokens.length - i;
    if (length < 2 || length > MAX_NAME_WORDS) continue;
    if (isSurname(tokens[i]) && allCapitalised(tokens, i) && sequenceAt(tokens, i, PLACES) === 0) return i;
  }
  return undefined;
}

/** A role after a name in one segment: "Nguyễn Văn A PCT UBND TP" → index of "PCT". */
function roleAfterNameAt(tokens: readonly Token[], from: number): number | undefined {
  const folded = tokens.map((t) => t.folded);
  for (let i = from; i < tokens.length; i++) if (roleStartsAt(folded, i)) return i;
  return undefined;
}

function looksLikeName(tokens: readonly Token[], firstSegment: boolean): boolean {
  if (tokens.length < 2 || tokens.length > MAX_NAME_WORDS || !tokens.every(isCapitalised)) return false;
  if (isSurname(tokens[0])) return true;
  return firstSegment && !AGENCY_WORDS.has(tokens[0].folded);
}

export interface LeaderParts {
  name?: string;
  role?: string;
}

function clean(text: string): string {
  return tidy(text).replace(/^[\s,.;:\-–—]+|[\s,.;:\-–—]+$/gu, "");
}

/**
 * A leader cell → the person's name (without honorifics) and the role text, each when present.
 * The role is returned as written; matchRole reads it.
 */
export function splitLeader(text: string): LeaderParts {
  return { ...memoLeader(asText(text)) };
}

const memoLeader = memoize(computeLeader);

function computeLeader(text: string): LeaderParts {
  const segments = text
    .normalize("NFC")
    .split(SEPARATORS)
    .map(clean)
    .filter((s) => s !== "");
  let name: string | undefined;
  /** A second person named in the cell: the roles after that name are theirs, not the leader's. */
  let secondPerson = false;
  const roles: string[] = [];
  segments.forEach((segment, index) => {
    const tokens = tokenize(segment);
    if (tokens.length === 0) return;
    const honorific = honorificLength(tokens, 0);
    const body = honorific > 0 && honorific < tokens.length ? segment.slice(tokens[honorific].start) : segment;
    // Offsets must be the body's own: slicing the body at the segment's offsets cut words ("ng phòng").
    const bodyTokens = body === segment ? tokens : tokenize(body);
    const folded = bodyTokens.map((t) => t.folded);
    // A second person in the cell is not the leader; the cell's text stays in the row's raw values.
    const addName = (value: string) => {
      const person = clean(value);
      if (person === "") return;
      if (name === undefined) name = person;
      else secondPerson = true;
    };
    const addRole = (value: string) => {
      const role = clean(value);
      if (role !== "" && !secondPerson) roles.push(role);
    };

    if (honorific === 0 && roleStartsAt(folded, 0)) {
      const at = trailingNameAt(bodyTokens, 1);
      if (at === undefined) return addRole(body);
      addRole(body.slice(0, bodyTokens[at].start));
      const rest = body.slice(bodyTokens[at].start);
      const restTokens = tokenize(rest);
      const skip = honorificLength(restTokens, 0);
      return addName(skip > 0 && skip < restTokens.length ? rest.slice(restTokens[skip].start) : rest);
    }
    if (honorific > 0 || looksLikeName(bodyTokens, index === 0) || (isSurname(bodyTokens[0]) && bodyTokens.length >= 2)) {
      const at = roleAfterNameAt(bodyTokens, honorific > 0 ? 1 : 2);
      if (at === undefined) return addName(body);
      addName(body.slice(0, bodyTokens[at].start));
      return addRole(body.slice(bodyTokens[at].start));
    }
    addRole(segment);
  });
  const result: LeaderParts = {};
  if (name !== undefined) result.name = name;
  if (roles.length > 0) result.role = roles.join(", ");
  return result;
}
