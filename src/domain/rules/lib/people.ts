/**
 * Who is on a delegation: the head (leaderName, leaderRole), roles and names mentioned in the
 * composition, which of them are key leaders (lãnh đạo chủ chốt) and of which agency.
 */
import { ROLES, ROLE_BY_ID, type RoleEntry } from "../../lists/roles";
import type { Delegation, RoleMatch } from "../../model";
import type { Profile } from "../../profiles/schema";
import { foldCompact, tidy } from "../../text";
import type { CheckContext } from "../types";
import { memoizeText } from "./memo";
import { foldCached } from "./text";

/** Roles that are not part of an agency's leadership (tập thể lãnh đạo). */
const NOT_LEADERSHIP = new Set(["chuyen-vien", "truong-phong", "pho-truong-phong"]);

/**
 * City/province roles (Bí thư, Chủ tịch HĐND, UBND, Trưởng đoàn ĐBQH…) are the city's key leaders together,
 * whatever agency text follows them: two of them on one delegation is what Chỉ thị 38 limits.
 */
export const CITY_LEADERSHIP = "lanh dao thanh pho";

/** Agency words too generic to tell two agencies apart: the row's own unit is meant. */
const GENERIC_AGENCY = new Set(["so", "co quan", "don vi", "truong", "xa", "phuong", "cac so", "ban", "phong", "cong ty", "dang uy"]);

/** Words an agency name starts with; text after a role that starts otherwise is a person's name or a remark. */
const AGENCY_START =
  /^(?:so|ban|ubnd|uy ban|hdnd|hoi dong|dang uy|thanh uy|tinh uy|huyen uy|quan uy|van phong|vp|truong|phong|cong ty|tong cong ty|tap doan|xa|phuong|huyen|quan|dac khu|hoi|lien hiep|trung tam|vien|benh vien|cuc|chi cuc|bo|doan|mat tran|ubmttq|dai hoc|hoc vien|kho bac|bql|ban quan ly)\b/;

/** "Ủy ban nhân dân thành phố" and "UBND TP" name the same body. */
export function agencyKey(text: string | undefined): string | undefined {
  return text ? agencyKeyOf(text) : undefined;
}

const agencyKeyOf = memoizeText((text: string): string | undefined => {
  const key = ` ${foldCached(text)} `
    .replace(/ uy ban nhan dan /g, " ubnd ")
    .replace(/ hoi dong nhan dan /g, " hdnd ")
    .replace(/ dai bieu quoc hoi /g, " dbqh ")
    .replace(/ (?:thanh pho|tp|tinh) /g, " ")
    .replace(/ +/g, " ")
    .trim()
    // The party committee, people's council and committee of a department or commune are that body's.
    .replace(/^(?:dang uy|chi bo|ubnd|hdnd) /, "");
  return key === "" || GENERIC_AGENCY.has(key) ? undefined : key;
});

/**
 * An agency key that names a locality (the city/province, a commune, ward, district): its party
 * committee, HĐND and UBND leaders count together [S2 "của một cơ quan, đơn vị, địa phương"].
 */
export function isLocalityAgency(agency: string): boolean {
  return agency === CITY_LEADERSHIP || /^(?:xa|phuong|thi tran|thi xa|huyen|quan|dac khu)\b/.test(agency);
}

/** The sending unit of the row (its own agency): the unit column, else the host, else the workbook's name. */
export function homeAgency(delegation: Delegation): string {
  const fileName = delegation.file?.replace(/^.*[\\/]/, "").replace(/\.[a-z0-9]+$/i, "");
  return agencyKey(delegation.unit) ?? agencyKey(delegation.host) ?? agencyKey(fileName) ?? `sheet:${delegation.sheet}`;
}

/** Agency of a role on a row: fixed for city roles, else as written, else the row's unit. */
export function roleAgency(roleId: string | undefined, writtenAgency: string | undefined, delegation: Delegation): string {
  const cityRole = roleId !== undefined && ROLE_BY_ID.get(roleId)?.cityLeader === true;
  return (cityRole ? CITY_LEADERSHIP : undefined) ?? agencyKey(writtenAgency) ?? homeAgency(delegation);
}

/** The head's agency as the plan writes it, for messages (matches leaderAgency's choice). */
export function leaderAgencyLabel(delegation: Delegation): string {
  const role = delegation.leaderRole;
  if (role?.id && ROLE_BY_ID.get(role.id)?.cityLeader) return "Lãnh đạo thành phố/tỉnh";
  if (agencyKey(role?.agency) !== undefined) return tidy(role!.agency!);
  return tidy(delegation.unit ?? delegation.host ?? delegation.file ?? delegation.sheet);
}

export function leaderAgency(delegation: Delegation): string {
  return roleAgency(delegation.leaderRole?.id, delegation.leaderRole?.agency, delegation);
}

/** Key leader roles come from the profile; a profile listing none falls back to the roles list's flags. */
export function isKeyRole(role: Pick<RoleMatch, "id" | "keyLeader"> | undefined, profile: Profile): boolean {
  if (!role) return false;
  if (profile.keyLeaderRoles.length === 0) return role.id ? (ROLE_BY_ID.get(role.id)?.keyLeader ?? role.keyLeader) : false;
  return role.id !== undefined && profile.keyLeaderRoles.includes(role.id);
}

export function isLeadershipRole(roleId: string | undefined): boolean {
  return roleId !== undefined && !NOT_LEADERSHIP.has(roleId);
}

/** A person's name in the form names are compared in ("NGUYEN VAN AN" = "Nguyễn Văn An"). */
export function personName(text: string | undefined): string | undefined {
  const folded = text ? foldCached(text) : "";
  return folded === "" ? undefined : folded;
}

/** The context's key leader names, folded. */
export function keyLeaderNameSet(context: CheckContext): Set<string> {
  const names = new Set<string>();
  for (const name of context.keyLeaderNames ?? []) {
    const folded = personName(name);
    if (folded) names.add(folded);
  }
  return names;
}

/**
 * Who heads the row: the same person by folded name, else by role id + agency.
 * undefined when the row names neither.
 */
export function headKey(delegation: Delegation): string | undefined {
  const name = personName(delegation.leaderName);
  if (name) return `name:${name}`;
  if (delegation.leaderRole?.id) return `role:${delegation.leaderRole.id}@${leaderAgency(delegation)}`;
  return undefined;
}

/** "Nguyễn Văn A (GĐ Sở Y tế)": the name and the role as the unit wrote them. */
export function headLabel(delegation: Delegation): string {
  const role = delegation.leaderRole ? tidy(delegation.leaderRole.raw) || delegation.leaderRole.name : undefined;
  const name = delegation.leaderName ? tidy(delegation.leaderName) : undefined;
  if (name && role) return `${name} (${role})`;
  return name ?? role ?? "";
}

/** A role mentioned in the composition: "02 Phó Giám đốc Sở Y tế". */
export interface RoleMention {
  role: RoleEntry;
  count: number;
  /** The words after the role up to the next role or separator, as folded text. */
  agency?: string;
}

/** Aliases too short or ambiguous to trust inside free text ("TP" is also "thành phố", "GD" also "giáo dục"). */
const AMBIGUOUS_IN_TEXT = new Set(["tp", "ht", "cv", "tb", "bt", "gd", "pbt", "ns"]);

const NUMBER_WORDS: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };

let mentionPattern: { regex: RegExp; roles: Map<string, RoleEntry> } | undefined;

function rolePattern(): { regex: RegExp; roles: Map<string, RoleEntry> } {
  if (mentionPattern) return mentionPattern;
  const roles = new Map<string, RoleEntry>();
  for (const role of ROLES) {
    for (const alias of [role.name, ...role.aliases]) {
      const folded = foldCached(alias);
      if (folded === "" || AMBIGUOUS_IN_TEXT.has(folded) || foldCompact(alias).length < 3) continue;
      if (!roles.has(folded)) roles.set(folded, role);
    }
  }
  // Longest first, so "pho giam doc" wins over "giam doc" at the same position.
  const alternatives = [...roles.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const numbers = `\\d+|${Object.keys(NUMBER_WORDS).join("|")}`;
  const regex = new RegExp(`(?:^| )(?:(${numbers}) )?(${alternatives.join("|")})(?= |$)`, "g");
  mentionPattern = { regex, roles };
  return mentionPattern;
}

/**
 * The agency after a role: "giám đốc sở" + "công thương" → "so cong thuong" (the role's own last words
 * may begin the agency's name); a name or remark after the role is not an agency.
 */
const NEEDS_NAME = new Set(["so", "ban", "phong", "truong", "xa", "phuong", "huyen", "quan", "khu", "cong ty", "vien"]);

function mentionAgency(alias: string, after: string): string | undefined {
  if (AGENCY_START.test(after)) return after;
  const words = alias.split(" ");
  for (let k = 1; k < words.length; k++) {
    const tail = words.slice(k).join(" ");
    if (!AGENCY_START.test(tail)) continue;
    // "Sở", "xã" need the words after them; "Đảng ủy" is complete and a name may follow it.
    return after !== "" && NEEDS_NAME.has(words[words.length - 1]) ? `${tail} ${after}` : tail;
  }
  return undefined;
}

/**
 * Splits a composition into its listed parts, one person or group each: "A, B; C và D".
 * A dash stays inside a part: "Nguyễn Văn A - Giám đốc Sở" is one person.
 */
function compositionParts(text: string): string[] {
  return text.split(/[,;\n+]|\s(?:và|va)\s/i).filter((part) => part.trim() !== "");
}

/** Roles mentioned in the row's composition, with counts and agencies. */
export function compositionRoles(delegation: Delegation): readonly RoleMention[] {
  return delegation.composition ? rolesInText(delegation.composition) : [];
}

/** Memoised by text: compositions repeat from row to row ("Giám đốc Sở, 02 chuyên viên"). */
const rolesInText = memoizeText((text: string): readonly RoleMention[] => {
  const mentions: RoleMention[] = [];
  const { regex, roles } = rolePattern();
  for (const part of compositionParts(text)) {
    const folded = foldCached(part);
    const found = [...folded.matchAll(regex)];
    found.forEach((match, index) => {
      const role = roles.get(match[2]);
      if (!role) return;
      const number = match[1];
      const count = number === undefined ? 1 : (NUMBER_WORDS[number] ?? Number(number));
      const from = match.index + match[0].length;
      const to = index + 1 < found.length ? found[index + 1].index : folded.length;
      mentions.push({ role, count: Math.max(1, count), agency: mentionAgency(match[2], folded.slice(from, to).trim()) });
    });
  }
  return mentions;
});

/** Longest person name looked for inside compositions, in words. */
const MAX_NAME_WORDS = 6;

/** Folded names from the given set that appear as whole words in the composition. */
export function namesInComposition(delegation: Delegation, names: ReadonlySet<string>): string[] {
  return delegation.composition ? namesInText(delegation.composition, names) : [];
}

/** Every run of up to MAX_NAME_WORDS words of the composition: the names namesInComposition could find there. */
export function possibleNamesInComposition(delegation: Delegation): string[] {
  if (!delegation.composition) return [];
  const tokens = foldCached(delegation.composition).split(" ");
  const runs: string[] = [];
  for (let start = 0; start < tokens.length; start++) {
    let gram = tokens[start];
    for (let length = 1; length <= MAX_NAME_WORDS && start + length <= tokens.length; length++) {
      if (length > 1) gram += ` ${tokens[start + length - 1]}`;
      runs.push(gram);
    }
  }
  return runs;
}

function namesInText(text: string, names: ReadonlySet<string>): string[] {
  if (names.size === 0) return [];
  const tokens = foldCached(text).split(" ");
  const found = new Set<string>();
  for (let start = 0; start < tokens.length; start++) {
    let gram = tokens[start];
    for (let length = 1; length <= MAX_NAME_WORDS && start + length <= tokens.length; length++) {
      if (length > 1) gram += ` ${tokens[start + length - 1]}`;
      if (names.has(gram)) found.add(gram);
    }
  }
  return [...found].sort();
}

/** A key leader on one delegation: the head, a key role in the composition, or a listed name. */
export interface KeyLeaderOnBoard {
  label: string;
  agency: string;
  /** Where it was found: the head's cells or the composition. */
  inComposition: boolean;
}

/**
 * Every key leader on the delegation, the head counted once even when the composition repeats it.
 * Within one part of the composition a listed name and a key role are the same person
 * ("Đ/c Trần Thị Bình - Bí thư Đảng ủy").
 */
export function keyLeadersOnBoard(delegation: Delegation, context: CheckContext): KeyLeaderOnBoard[] {
  const listedNames = keyLeaderNameSet(context);
  const result: KeyLeaderOnBoard[] = [];
  const headName = personName(delegation.leaderName);
  const headIsKey = isKeyRole(delegation.leaderRole, context.profile) || (headName !== undefined && listedNames.has(headName));
  if (headIsKey) result.push({ label: headLabel(delegation), agency: leaderAgency(delegation), inComposition: false });

  let headSkipped = false;
  for (const part of compositionParts(delegation.composition ?? "")) {
    const inPart: KeyLeaderOnBoard[] = [];
    for (const mention of rolesInText(part)) {
      if (!isKeyRole({ id: mention.role.id, keyLeader: mention.role.keyLeader }, context.profile)) continue;
      const agency = roleAgency(mention.role.id, mention.agency, delegation);
      let count = mention.count;
      // The composition usually lists the head too: the first matching mention is the head.
      if (!headSkipped && couldBeHead(mention, agency, delegation)) {
        headSkipped = true;
        count -= 1;
      }
      for (let i = 0; i < count; i++) inPart.push({ label: mention.role.name, agency, inComposition: true });
    }
    const names = namesInText(part, listedNames).filter((name) => name !== headName);
    names.forEach((name, index) => {
      const written = nameAsWritten(part, name);
      if (index < inPart.length) inPart[index] = { ...inPart[index], label: `${written} (${inPart[index].label})` };
      else inPart.push({ label: written, agency: homeAgency(delegation), inComposition: true });
    });
    result.push(...inPart);
  }
  return result;
}

/** The agency the row names for itself (unit, host or the head's agency), if it names one. */
function writtenHomeAgency(delegation: Delegation): string | undefined {
  return delegation.unit ?? delegation.host ?? delegation.leaderRole?.agency;
}

/**
 * A composition mention that may be the head himself: the same role, and no agency contradicting the
 * head's (a row that names no agency of its own contradicts nothing).
 */
function couldBeHead(mention: RoleMention, agency: string, delegation: Delegation): boolean {
  if (mention.role.id !== delegation.leaderRole?.id) return false;
  return mention.agency === undefined || writtenHomeAgency(delegation) === undefined || agency === leaderAgency(delegation);
}

/** Leaders (not staff) on the delegation, for leadership-half: the head plus leadership roles in the composition. */
export function leadersOnBoard(delegation: Delegation): number {
  const headAgency = leaderAgency(delegation);
  const home = homeAgency(delegation);
  let count = 0;
  const headIsLeader = isLeadershipRole(delegation.leaderRole?.id) && headAgency === home;
  if (headIsLeader) count += 1;
  let headSkipped = !headIsLeader;
  for (const mention of compositionRoles(delegation)) {
    if (!isLeadershipRole(mention.role.id)) continue;
    const agency = roleAgency(mention.role.id, mention.agency, delegation);
    if (agency !== home && mention.agency !== undefined && writtenHomeAgency(delegation) !== undefined) continue;
    let mentionCount = mention.count;
    if (!headSkipped && couldBeHead(mention, agency, delegation)) {
      headSkipped = true;
      mentionCount -= 1;
    }
    count += mentionCount;
  }
  return count;
}

/** The name as the unit wrote it in the text (with diacritics), found by its folded form. */
export function nameAsWritten(text: string, foldedName: string): string {
  const parts = text.split(/\s+/);
  const length = foldedName.split(" ").length;
  for (let start = 0; start + length <= parts.length; start++) {
    const candidate = parts.slice(start, start + length).join(" ");
    if (foldCached(candidate) === foldedName) return candidate.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  }
  return foldedName;
}
