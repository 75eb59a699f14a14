/**
 * The documents rules cite, in the words an officer reads: DOMAIN.md's tags S0..S4 are ours and never
 * reach a user. A finding cites the central documents that state its rule; a shipped profile's own
 * letter only for the rules that profile adds or changes; a department's own profile by its name for
 * the rules whose settings it changes.
 */
import type { RuleId } from "../model";
import { PROFILES } from "../profiles";
import type { Profile } from "../profiles/schema";
import type { Rule } from "./types";

/** S0: Hải Phòng's Department of Foreign Affairs, 9/2023 (plans for 2024). */
export const S0 = "Công văn của Sở Ngoại vụ Hải Phòng (tháng 9/2023) về xây dựng kế hoạch đoàn ra, đoàn vào năm 2024";
/** S1: Hải Phòng's Department of Foreign Affairs, 12/2024 (carrying out the 2025 plan). */
export const S1 = "Công văn của Sở Ngoại vụ Hải Phòng (tháng 12/2024) về triển khai kế hoạch đoàn ra, đoàn vào năm 2025";
/** S2: Hà Nội's Party Organisation Commission, 31/5/2019. */
export const S2 = "Công văn 4060-CV/BTCTU ngày 31/5/2019 của Ban Tổ chức Thành ủy Hà Nội";
/** S3: Hải Phòng's Department of Education and Training, 2024. */
export const S3 = "Công văn của Sở Giáo dục và Đào tạo Hải Phòng (2024) về kế hoạch đoàn ra, đoàn vào năm 2025";
/** S4: Lai Châu's Department of Foreign Affairs, 9/2024. */
export const S4 = "Công văn của Sở Ngoại vụ Lai Châu (tháng 9/2024) về kế hoạch đối ngoại năm 2025";
export const CT38 = "Chỉ thị 38-CT/TW ngày 21/7/2014 của Bộ Chính trị";
export const QD272 = "Quyết định 272-QĐ/TW ngày 21/01/2015 của Bộ Chính trị (Quy chế 272)";

/** The rules S1 names "quy định của Trung ương về các đoàn đi công tác nước ngoài", as the default profile cites them. */
const CENTRAL_TRIPS = `Quy định của Trung ương về đoàn đi công tác nước ngoài (${CT38})`;
/** Checks no central document states: the letters that ask for them, said to be local guidance. */
const local = (...letters: string[]) => `Hướng dẫn của địa phương: ${letters.join("; ")}`;

export function cite(...parts: string[]): string {
  return parts.join("; ");
}

interface RuleBasis {
  /** What states the rule: central documents when any does, else the letters it comes from. */
  base: string;
  /** The letter of a shipped profile that adds or changes the rule (cited instead of the base). */
  byProfile?: Partial<Record<string, string>>;
}

/** Rules not listed cite their own `source` (standard lists, the consolidation itself). */
const BASIS: Partial<Record<RuleId, RuleBasis>> = {
  "required-field": {
    base: "Mẫu kế hoạch đoàn ra, đoàn vào: cung cấp đầy đủ thông tin theo mẫu (thông tin bắt buộc do bộ quy định xác định)",
    byProfile: { "hai-phong": S0, "lai-chau": S4 },
  },
  "members-max": { base: S2, byProfile: { "ha-noi": S2 } },
  "countries-max": { base: CENTRAL_TRIPS },
  "trip-one-region": { base: S2, byProfile: { "ha-noi": S2 } },
  // Hà Nội's letter gives no conference exception.
  "days-per-country": { base: CENTRAL_TRIPS, byProfile: { "ha-noi": cite(CENTRAL_TRIPS, S2) } },
  "key-leader-trips": { base: CENTRAL_TRIPS },
  "key-leaders-together": { base: CENTRAL_TRIPS },
  "leadership-half": { base: S2, byProfile: { "ha-noi": S2 } },
  // Hà Nội adds foreign loans and other sponsorship.
  "funding-forbidden": { base: CENTRAL_TRIPS, byProfile: { "ha-noi": cite(CENTRAL_TRIPS, S2) } },
  "funding-unclear": { base: local(S1, S4), byProfile: { "hai-phong": S1, "lai-chau": S4 } },
  "purpose-unclear": { base: local(S1, S2), byProfile: { "hai-phong": S1, "ha-noi": S2 } },
  "period-invalid": { base: `Kế hoạch đoàn ra, đoàn vào lập theo năm (${QD272})` },
  "tier-mismatch": {
    base: "Các mục của biểu mẫu kế hoạch: I. Đoàn do lãnh đạo tỉnh, thành phố làm trưởng đoàn; II. Đoàn cấp sở, ngành, địa phương",
    byProfile: { "hai-phong": S0 },
  },
  unplanned: { base: local(S1, S3), byProfile: { "hai-phong": cite(S1, S3) } },
  "merge-candidate": { base: local(S1), byProfile: { "hai-phong": S1 } },
  "leaders-same-destination": { base: local(S1), byProfile: { "hai-phong": S1 } },
  "partner-outside-area": { base: S4, byProfile: { "lai-chau": S4 } },
};

const SHIPPED = new Map(PROFILES.map((profile) => [profile.id, profile]));
const DEFAULT = SHIPPED.get("default");

/** The settings a rule reads, as JSON, to tell whether a department's profile changes them. */
function settingsOf(rule: Rule, profile: Profile): string {
  const params = (rule.parameters.profileParams ?? []).map((key) => profile.params[key]);
  const lists = (rule.parameters.profileLists ?? []).map((key) => profile[key]);
  return JSON.stringify([params, lists, rule.id === "required-field" ? profile.incompleteNotConsolidated : null]);
}

/** The "Căn cứ" of a finding of `rule` under `profile`, in plain Vietnamese. */
export function ruleCitation(rule: Rule, profile: Profile): string {
  const basis = BASIS[rule.id];
  const shipped = SHIPPED.get(profile.id);
  const cited = (shipped && basis?.byProfile?.[profile.id]) ?? basis?.base ?? rule.source;
  // A department's own profile (or a shipped one given other settings) is named where it changes the rule.
  const reference = shipped ?? DEFAULT;
  return reference === undefined || settingsOf(rule, profile) === settingsOf(rule, reference) ? cited : cite(cited, `bộ quy định «${profile.name}»`);
}
