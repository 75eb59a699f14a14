/**
 * funding-forbidden: "không tham gia các đoàn đi nước ngoài do các doanh nghiệp tổ chức và đài thọ hoặc do
 * các doanh nghiệp nước ngoài mời đích danh" [S1, S2]; Hà Nội also "vốn vay nước ngoài và các nguồn tài
 * trợ khác" [S2]. Which funding ids are forbidden is the profile's forbiddenFunding.
 *
 * What the letters forbid is an error: an enterprise that pays ("tài trợ", "đài thọ"), a named
 * invitation ("mời đích danh"), a foreign enterprise that invites and pays. What only may be forbidden is
 * a warning asking the officer to confirm: an enterprise that only organises, a foreign enterprise named
 * as inviter with nothing said about naming or paying. A company is called foreign only when the row
 * shows it (a foreign country, a foreign legal form), never for being a company.
 */
import { FUNDING_BY_ID } from "../../lists/funding";
import type { Delegation, FieldId } from "../../model";
import { mentionedCountryCodes } from "../../values";
import { fieldLabel, quote } from "../messages";
import { fieldText, hasPhrase, foldCached } from "../lib/text";
import { CT38, S1, S2, cite } from "../sources";
import type { RowRule, Violation } from "../types";

const ENTERPRISE_PAYS = "doanh-nghiep-dai-tho";
const FOREIGN_ENTERPRISE_INVITES = "doanh-nghiep-nuoc-ngoai-moi";
/** Funding ids meaning the inviting side pays. */
const INVITER_PAYS = new Set(["nuoc-ngoai-dai-tho-toan-bo", "nuoc-ngoai-dai-tho-mot-phan"]);

const ENTERPRISE = "(?:doanh nghiep|cong ty|tap doan|tong cong ty|dn|cty)";
const ENTERPRISE_WORD = new RegExp(`\\b${ENTERPRISE}\\b`);
const PAY_VERBS = "dai tho|tai tro|chi tra|bao tro|tra kinh phi|chiu kinh phi|ho tro kinh phi";
const PAYS = `(?:${PAY_VERBS})`;
/** "Tập đoàn Y tài trợ", "được tài trợ bởi doanh nghiệp", "do Công ty X tổ chức và đài thọ". */
const ENTERPRISE_PAYING = [
  new RegExp(`\\bdo (?:cac |mot )?${ENTERPRISE}\\b(?: [a-z0-9]+){0,8}? ${PAYS}\\b`),
  new RegExp(`\\b${ENTERPRISE}\\b(?: [a-z0-9]+){0,4}? ${PAYS}\\b`),
  new RegExp(`\\b${PAYS} (?:boi|tu) (?:cac |mot )?${ENTERPRISE}\\b`),
];
/** "do Công ty X tổ chức": organised by, nothing said about paying. */
const ENTERPRISE_ORGANISING = new RegExp(`\\bdo (?:cac |mot )?${ENTERPRISE}\\b(?: [a-z0-9]+){0,6}? to chuc\\b`);
/** Company forms as written in inviters' names, Vietnamese and foreign. */
const COMPANY = /\b(?:cong ty|cty|tap doan|doanh nghiep|co ltd|ltd|inc|corp|corporation|company|gmbh|plc|llc|jsc|kabushiki kaisha|group)\b/;
/** Legal forms only foreign companies use. */
const FOREIGN_FORM = /\b(?:co ltd|inc|corp|corporation|gmbh|plc|llc|kabushiki kaisha|pte|sdn bhd|ag|s a|nuoc ngoai)\b/;
/** Business associations and chambers invite too, but they are not enterprises. */
const ASSOCIATION = /\b(?:hiep hoi|phong thuong mai|lien doan|association|chamber)\b/;
const VIETNAMESE = /\b(?:viet nam|vn|vietnam)\b/;
const NAMED_INVITATION = "moi dich danh";

function clauses(text: string): string[] {
  return text.split(/[,;.\n()]/).map(foldCached).filter((clause) => clause !== "");
}

type Origin = "foreign" | "domestic" | "unknown";

/** Whether the text shows a foreign company: a foreign country named, a foreign legal form; Việt Nam named = domestic. */
function companyOrigin(text: string): Origin {
  const folded = foldCached(text);
  const countries = mentionedCountryCodes(text);
  if (countries.some((code) => code !== "VN")) return "foreign";
  if (VIETNAMESE.test(folded) || countries.includes("VN")) return "domestic";
  return FOREIGN_FORM.test(folded) ? "foreign" : "unknown";
}

/** The field whose text shows an enterprise paying for the trip, or only organising it. */
function enterpriseRole(delegation: Delegation, fields: readonly FieldId[]): { field: FieldId; pays: boolean } | undefined {
  // A company sending its own staff on its own money is not "an enterprise paying for officials".
  const unitIsEnterprise = ENTERPRISE_WORD.test(foldCached(delegation.unit ?? ""));
  let organising: FieldId | undefined;
  for (const field of fields) {
    const text = fieldText(delegation, field);
    if (text === undefined || (unitIsEnterprise && field === "funding")) continue;
    // Every pattern below needs an enterprise word in a clause, so in the whole text: most rows have none.
    if (!ENTERPRISE_WORD.test(foldCached(text))) continue;
    const parts = clauses(text);
    if (parts.some((clause) => (field === "funding" && ENTERPRISE_WORD.test(clause)) || ENTERPRISE_PAYING.some((re) => re.test(clause)))) {
      return { field, pays: true };
    }
    if (organising === undefined && parts.some((clause) => ENTERPRISE_ORGANISING.test(clause))) organising = field;
  }
  return organising === undefined ? undefined : { field: organising, pays: false };
}

interface Invitation {
  field: FieldId;
  origin: Origin;
  named: boolean;
  pays: boolean;
}

/** A company inviting: as the inviter, or "mời đích danh" by a company in another field. */
function companyInvitation(delegation: Delegation, fields: readonly FieldId[]): Invitation | undefined {
  const inviterText = fieldText(delegation, "inviter") ?? "";
  const inviter = foldCached(inviterText);
  const namedIn = fields.find((field) => hasPhrase(foldCached(fieldText(delegation, field) ?? ""), NAMED_INVITATION));
  const fundingText = foldCached(fieldText(delegation, "funding") ?? "");
  const inviterPays =
    INVITER_PAYS.has(delegation.funding?.id ?? "") || /\b(?:phia moi|phia ban|ben moi|doi tac|nuoc ngoai) (?:[a-z]+ )?(?:dai tho|tai tro|chi tra)\b/.test(fundingText);
  if (COMPANY.test(inviter) && !ASSOCIATION.test(inviter)) {
    return { field: namedIn ?? "inviter", origin: companyOrigin(inviterText), named: namedIn !== undefined, pays: inviterPays };
  }
  if (namedIn === undefined) return undefined;
  const text = fieldText(delegation, namedIn) ?? "";
  if (!COMPANY.test(foldCached(text))) return undefined;
  return { field: namedIn, origin: companyOrigin(text), named: true, pays: inviterPays };
}

/** "doanh nghiệp nước ngoài" only when the row shows it is foreign. */
function companyWords(origin: Origin): { vi: string; en: string } {
  if (origin === "foreign") return { vi: "doanh nghiệp nước ngoài", en: "a foreign enterprise" };
  if (origin === "domestic") return { vi: "doanh nghiệp trong nước", en: "a domestic enterprise" };
  return { vi: "doanh nghiệp", en: "an enterprise" };
}

/**
 * What a company's invitation amounts to. `enterprisePays`: the row already shows an enterprise paying
 * (reported on its own cell), so an inviting company pays too.
 */
function invitationViolation(delegation: Delegation, invitation: Invitation, enterprisePays: boolean): Violation | undefined {
  const { field, origin, named } = invitation;
  const pays = invitation.pays || enterprisePays;
  const written = quote(fieldText(delegation, field) ?? "");
  const who = companyWords(origin);
  const label = fieldLabel(field);
  const rule = "không tham gia các đoàn do doanh nghiệp nước ngoài mời đích danh";
  if (named && origin !== "domestic") {
    return {
      delegation,
      at: field,
      message: `${label.vi} “${written}”: ${who.vi} mời đích danh; ${rule}`,
      messageEn: `${label.en} "${written}": a named invitation by ${who.en}, which is not allowed`,
    };
  }
  if (origin === "foreign" && pays) {
    return {
      delegation,
      at: field,
      message: `${label.vi} “${written}”: ${who.vi} mời và đài thọ; ${rule} hoặc do doanh nghiệp tổ chức và đài thọ`,
      messageEn: `${label.en} "${written}": ${who.en} invites and pays, which is not allowed`,
    };
  }
  // A company not shown to be foreign that pays: the enterprise-pays finding says it.
  if (pays && !named) return undefined;
  if (named) {
    return {
      delegation,
      at: field,
      lowerTo: "warning",
      message: `${label.vi} “${written}”: ${who.vi} mời đích danh — đề nghị xác nhận; văn bản cấm đoàn do doanh nghiệp nước ngoài mời đích danh và việc gợi ý doanh nghiệp mời`,
      messageEn: `${label.en} "${written}": a named invitation by ${who.en}; please confirm (named invitations by foreign enterprises are not allowed)`,
    };
  }
  if (origin === "domestic") return undefined;
  return {
    delegation,
    at: field,
    lowerTo: "warning",
    message: `${label.vi} “${written}”: ${who.vi} mời — đề nghị xác nhận doanh nghiệp không mời đích danh và không đài thọ; ${rule}`,
    messageEn: `${label.en} "${written}": invited by ${who.en}; please confirm it neither names the officials nor pays`,
  };
}

export const fundingForbidden: RowRule = {
  id: "funding-forbidden",
  defaultSeverity: "error",
  kinds: ["outbound", "people"],
  fields: ["funding", "inviter", "notes", "purpose", "name", "unit"],
  parameters: { profileLists: ["forbiddenFunding"] },
  source: cite(CT38, S1, S2),
  checkRow(delegation, context) {
    const forbidden = new Set(context.profile.forbiddenFunding);
    const violations: Violation[] = [];
    const flagged = new Set<string>();
    const fundingId = delegation.funding?.id;
    // Text is searched in these fields; a funding cell already flagged by its id is not searched again.
    let searched: FieldId[] = ["funding", "inviter", "notes", "purpose", "name"];
    if (fundingId && forbidden.has(fundingId)) {
      searched = searched.filter((field) => field !== "funding");
      flagged.add(fundingId);
      const standard = FUNDING_BY_ID.get(fundingId)?.name ?? delegation.funding?.name ?? fundingId;
      const written = quote(delegation.funding?.raw ?? standard);
      violations.push({
        delegation,
        at: "funding",
        message: `Nguồn kinh phí “${written}” (${standard}) không được sử dụng cho đoàn đi nước ngoài`,
        messageEn: `Funding "${written}" (${standard}) may not be used for trips abroad`,
      });
    }
    if (forbidden.has(ENTERPRISE_PAYS) && !flagged.has(ENTERPRISE_PAYS)) {
      const found = enterpriseRole(delegation, searched);
      if (found) {
        const written = quote(fieldText(delegation, found.field) ?? "");
        const label = fieldLabel(found.field);
        violations.push(
          found.pays
            ? {
                delegation,
                at: found.field,
                message: `${label.vi} “${written}”: đoàn do doanh nghiệp tài trợ, đài thọ; không tham gia các đoàn đi nước ngoài do doanh nghiệp tổ chức và đài thọ`,
                messageEn: `${label.en} "${written}": paid for by an enterprise, which is not allowed`,
              }
            : {
                delegation,
                at: found.field,
                lowerTo: "warning",
                message: `${label.vi} “${written}”: đoàn do doanh nghiệp tổ chức — đề nghị xác nhận doanh nghiệp không đài thọ; không tham gia các đoàn đi nước ngoài do doanh nghiệp tổ chức và đài thọ`,
                messageEn: `${label.en} "${written}": organised by an enterprise; please confirm it does not pay (trips organised and paid by enterprises are not allowed)`,
              },
        );
      }
    }
    if (forbidden.has(FOREIGN_ENTERPRISE_INVITES) && !flagged.has(FOREIGN_ENTERPRISE_INVITES)) {
      const invitation = companyInvitation(delegation, searched.filter((f) => f !== "name"));
      const enterprisePays = violations.some((v) => v.lowerTo === undefined);
      const violation = invitation && invitationViolation(delegation, invitation, enterprisePays);
      // One finding per cell: an enterprise already reported as paying in the same field says enough.
      if (violation && !violations.some((v) => v.at === violation.at)) violations.push(violation);
    }
    return violations;
  },
};
