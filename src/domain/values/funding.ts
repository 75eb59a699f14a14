/**
 * The "Nguồn kinh phí" cell → an entry of src/domain/lists/funding.ts. Units write sentences
 * ("Doanh nghiệp ABC đài thọ toàn bộ", "Phía Nhật Bản đài thọ"), so besides the names and aliases
 * (whole words, anywhere in the text) a few keyword rules recognise who pays.
 */
import type { FundingMatch } from "../model";
import { FUNDING, FUNDING_BY_ID } from "../lists/funding";
import { fold, tidy } from "../text";
import { mentionedCountryCodes } from "./countries";
import { asText, memoize } from "./textKeys";

/** Whole-word alternatives in folded text. */
function words(...alternatives: string[]): RegExp {
  return new RegExp(`(?:^| )(?:${alternatives.join("|")})(?= |$)`);
}

const ENTERPRISE = words("doanh nghiep", "dn", "cong ty", "cty", "tong cong ty", "tap doan");
const STATE_ENTERPRISE = words("doanh nghiep nha nuoc", "dnnn");
const PAYS = words("dai tho", "tai tro", "chi tra", "ho tro", "to chuc", "bao cap", "kinh phi", "moi");
const INVITES_OR_PAYS = words("moi", "dai tho");
const ABROAD = words("nuoc ngoai");
const FOREIGN_SIDE = words("nuoc ngoai", "phia ban", "nuoc ban", "phia moi", "doi tac", "phia doi tac");
const OUR_SIDE = words("phia viet nam", "phia ta");
const FOREIGN_PAYS = words("dai tho", "chi tra");
const PARTIAL = words("mot phan");
const LOAN = words("von vay");
/** "Phía <anyone but us> … đài thọ": the side that invites pays. */
const OTHER_SIDE_PAYS = /(?:^| )phia (?!viet nam|ta(?: |$))[a-z ]*?(?:dai tho|chi tra|tai tro)(?= |$)/;

/**
 * Ids implied by who pays, checked before the plain alias search because they decide whether the
 * trip is allowed: an enterprise paying must never be read as "Ngân sách" because the budget is
 * mentioned too.
 */
function fromKeywords(text: string, original: string): string | undefined {
  const foreign = (FOREIGN_SIDE.test(text) || OTHER_SIDE_PAYS.test(text)) && !OUR_SIDE.test(text);
  if (ENTERPRISE.test(text) && !STATE_ENTERPRISE.test(text) && PAYS.test(text)) {
    const foreignEnterprise = ABROAD.test(text) || foreign || mentionedCountryCodes(original).some((code) => code !== "VN");
    return foreignEnterprise && INVITES_OR_PAYS.test(text) ? "doanh-nghiep-nuoc-ngoai-moi" : "doanh-nghiep-dai-tho";
  }
  if (LOAN.test(text)) return "von-vay-nuoc-ngoai";
  if (foreign && FOREIGN_PAYS.test(text)) return PARTIAL.test(text) ? "nuoc-ngoai-dai-tho-mot-phan" : "nuoc-ngoai-dai-tho-toan-bo";
  return undefined;
}

/** Every name and alias, folded, longest first so "Ngân sách nhà nước" wins over "Ngân sách". */
const ALIAS_KEYS: { id: string; key: string }[] = FUNDING.flatMap((entry) => [entry.name, ...entry.aliases].map((text) => ({ id: entry.id, key: fold(text) })))
  .filter((alias) => alias.key !== "")
  .sort((a, b) => b.key.length - a.key.length);

/** Keyword stems for sources written in other words ("Ngân sách nhà nước cấp", "Nguồn sự nghiệp"). */
const STEMS: { key: string; id: string }[] = [
  { key: "to chuc quoc te", id: "to-chuc-quoc-te" },
  { key: "khong hoan lai", id: "vien-tro-khong-hoan-lai" },
  { key: "vien tro", id: "vien-tro-khong-hoan-lai" },
  { key: "ngan sach", id: "ngan-sach" },
  { key: "thuong xuyen", id: "chi-thuong-xuyen" },
  { key: "doi ngoai", id: "doi-ngoai" },
  { key: "su nghiep", id: "thu-su-nghiep" },
  { key: "tai tro", id: "tai-tro-khac" },
];

/** Named only when nothing more specific is: "Nguồn tài trợ của tổ chức quốc tế" is the organisation's. */
const FALLBACK_ID = "tai-tro-khac";

/** The source mentioned first (whole words); among equal starts the longest alias, sorted first, wins. */
function earliest(text: string, keys: readonly { id: string; key: string }[]): string | undefined {
  const padded = ` ${text} `;
  let best: { id: string; at: number } | undefined;
  for (const { id, key } of keys) {
    if (id === FALLBACK_ID) continue;
    const at = padded.indexOf(` ${key} `);
    if (at >= 0 && (best === undefined || at < best.at)) best = { id, at };
  }
  if (best) return best.id;
  return keys.some(({ id, key }) => id === FALLBACK_ID && padded.includes(` ${key} `)) ? FALLBACK_ID : undefined;
}

function fromAliases(text: string): string | undefined {
  const exact = ALIAS_KEYS.find((alias) => alias.key === text);
  return exact?.id ?? earliest(text, ALIAS_KEYS) ?? earliest(text, STEMS);
}

function computeFunding(text: string): FundingMatch {
  const raw = tidy(text);
  const folded = fold(raw);
  if (folded === "") return { raw };
  const id = fromKeywords(folded, raw) ?? fromAliases(folded);
  const entry = id === undefined ? undefined : FUNDING_BY_ID.get(id);
  return entry ? { raw, id: entry.id, name: entry.name } : { raw };
}

const memoFunding = memoize(computeFunding);

/** A funding cell → the standard source it names, or `{ raw }` without id when none is recognised. */
export function matchFunding(text: string): FundingMatch {
  return { ...memoFunding(asText(text)) };
}
