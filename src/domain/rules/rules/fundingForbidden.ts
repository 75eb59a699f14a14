/**
 * funding-forbidden: "không tham gia các đoàn đi nước ngoài do các doanh nghiệp tổ chức và đài thọ hoặc do
 * các doanh nghiệp nước ngoài mời đích danh" [S1, S2]; Hà Nội also "vốn vay nước ngoài và các nguồn tài
 * trợ khác" [S2]. Which funding ids are forbidden is the profile's forbiddenFunding.
 */
import { FUNDING_BY_ID } from "../../lists/funding";
import type { Delegation, FieldId } from "../../model";
import { fieldLabel, quote } from "../messages";
import { fieldText, hasPhrase, foldCached } from "../lib/text";
import { CT38, S1, S2, cite } from "../sources";
import type { RowRule, Violation } from "../types";

const ENTERPRISE_PAYS = "doanh-nghiep-dai-tho";
const FOREIGN_ENTERPRISE_INVITES = "doanh-nghiep-nuoc-ngoai-moi";

const ENTERPRISE = "(?:doanh nghiep|cong ty|tap doan|dn|cty)";
const ENTERPRISE_WORD = new RegExp(`\\b${ENTERPRISE}\\b`);
const PAY_VERBS = "dai tho|tai tro|chi tra|bao tro|tra kinh phi|chiu kinh phi|ho tro kinh phi";
const PAYS = `(?:${PAY_VERBS})`;
/**
 * "do Công ty X tổ chức" (organised by), "Tập đoàn Y tài trợ", "được tài trợ bởi doanh nghiệp".
 * Tested clause by clause: "làm việc với các doanh nghiệp, tổ chức quốc tế" is not "organised by".
 */
const ENTERPRISE_PAYING = [
  new RegExp(`\\bdo (?:cac |mot )?${ENTERPRISE}\\b(?: [a-z0-9]+){0,6}? (?:to chuc|${PAY_VERBS})\\b`),
  new RegExp(`\\b${ENTERPRISE}\\b(?: [a-z0-9]+){0,4}? ${PAYS}\\b`),
  new RegExp(`\\b${PAYS} (?:boi|tu) (?:cac |mot )?${ENTERPRISE}\\b`),
];
/** Company forms as written in inviters' names, Vietnamese and foreign. */
const COMPANY = /\b(?:cong ty|cty|tap doan|doanh nghiep|co ltd|ltd|inc|corp|corporation|company|gmbh|plc|llc|jsc|kabushiki kaisha|group)\b/;
/** Business associations and chambers invite too, but they are not enterprises. */
const ASSOCIATION = /\b(?:hiep hoi|phong thuong mai|lien doan|association|chamber)\b/;
const VIETNAMESE = /\b(?:viet nam|vn)\b/;

function clauses(text: string): string[] {
  return text.split(/[,;.\n()]/).map(foldCached).filter((clause) => clause !== "");
}

/** The field whose text shows an enterprise organising or paying for the trip. */
function enterprisePays(delegation: Delegation, fields: readonly FieldId[]): FieldId | undefined {
  // A company sending its own staff on its own money is not "an enterprise paying for officials".
  const unitIsEnterprise = ENTERPRISE_WORD.test(foldCached(delegation.unit ?? ""));
  return fields.find((field) => {
    const text = fieldText(delegation, field);
    if (text === undefined || (unitIsEnterprise && field === "funding")) return false;
    return clauses(text).some((clause) => (field === "funding" && ENTERPRISE_WORD.test(clause)) || ENTERPRISE_PAYING.some((re) => re.test(clause)));
  });
}

/** The field showing a foreign enterprise inviting: the inviter is a (non-Vietnamese) company, or "mời đích danh" by one. */
function foreignEnterpriseInvites(delegation: Delegation, fields: readonly FieldId[]): FieldId | undefined {
  const inviter = foldCached(fieldText(delegation, "inviter") ?? "");
  if (COMPANY.test(inviter) && !ASSOCIATION.test(inviter) && !VIETNAMESE.test(inviter)) return "inviter";
  return fields.find((field) => {
    const text = foldCached(fieldText(delegation, field) ?? "");
    return hasPhrase(text, "moi dich danh") && COMPANY.test(text);
  });
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
      const field = enterprisePays(delegation, searched);
      if (field) {
        const written = quote(fieldText(delegation, field) ?? "");
        violations.push({
          delegation,
          at: field,
          message: `${fieldLabel(field).vi} “${written}”: đoàn do doanh nghiệp tổ chức, đài thọ; không tham gia các đoàn đi nước ngoài do doanh nghiệp tổ chức và đài thọ`,
          messageEn: `${fieldLabel(field).en} "${written}": organised or paid by an enterprise, which is not allowed`,
        });
      }
    }
    if (forbidden.has(FOREIGN_ENTERPRISE_INVITES) && !flagged.has(FOREIGN_ENTERPRISE_INVITES)) {
      const field = foreignEnterpriseInvites(delegation, searched.filter((f) => f !== "name"));
      if (field) {
        const written = quote(fieldText(delegation, field) ?? "");
        violations.push({
          delegation,
          at: field,
          message: `${fieldLabel(field).vi} “${written}”: doanh nghiệp nước ngoài mời; không tham gia các đoàn do doanh nghiệp nước ngoài mời đích danh`,
          messageEn: `${fieldLabel(field).en} "${written}": invited by a foreign enterprise, which is not allowed`,
        });
      }
    }
    return violations;
  },
};
