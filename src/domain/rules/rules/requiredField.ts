/**
 * required-field: a field the profile requires is empty. "Các đoàn thiếu thông tin theo quy định sẽ không
 * được tổng hợp" is said only where the profile's letter says it (Hải Phòng, S0: incompleteNotConsolidated).
 */
import type { Delegation, FieldId } from "../../model";
import { fieldLabel, quote, type Text } from "../messages";
import { fieldText, rawText } from "../lib/text";
import { S0, S1, S2, S4, cite } from "../sources";
import type { RowRule, Violation } from "../types";

/** Excel's error values: a formula that failed leaves the field unread, as good as empty. */
const EXCEL_ERROR = /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA)$/;

/** Fields one of which is enough: "leader or leaderRole", "period or start". */
const ALTERNATIVES: FieldId[][] = [
  ["leader", "leaderRole"],
  ["period", "start"],
];

function hasValue(delegation: Delegation, field: FieldId): boolean {
  if (rawText(delegation, field) !== undefined) return true;
  switch (field) {
    case "leader":
      return !!delegation.leaderName?.trim();
    case "leaderRole":
      return delegation.leaderRole !== undefined;
    case "countries":
      return delegation.countries.length > 0;
    case "period":
      return delegation.period !== undefined || delegation.periodError !== undefined;
    case "members":
      return delegation.members !== undefined;
    case "funding":
      return delegation.funding !== undefined;
    case "start":
    case "end":
      return false;
    case "days":
      return delegation.days !== undefined;
    case "cost":
      return delegation.cost !== undefined;
    case "planStatus":
      return delegation.planStatus !== undefined;
    default:
      return fieldText(delegation, field) !== undefined;
  }
}

function label(fields: FieldId[], delegation: Delegation): Text {
  const labels = fields.map((field) => fieldLabel(field, delegation.kind));
  return { vi: labels.map((l) => l.vi).join(" hoặc "), en: labels.map((l) => l.en).join(" or ") };
}

function consequenceOf(incompleteNotConsolidated: boolean | undefined): Text {
  return incompleteNotConsolidated
    ? { vi: "; đoàn thiếu thông tin theo quy định sẽ không được tổng hợp", en: "; delegations with missing information are not consolidated" }
    : { vi: "", en: "" };
}

function isFormulaError(text: string | undefined): boolean {
  return text !== undefined && text.startsWith("#") && EXCEL_ERROR.test(text);
}

/** One requirement: the field, the fields any of which satisfies it, and the fields its message names. */
interface Requirement {
  field: FieldId;
  checked: FieldId[];
  named: FieldId[];
}

/** The requirements of a profile's list of required fields, worked out once per list (not once per row). */
const requirementsByList = new WeakMap<readonly FieldId[], { list: FieldId[]; requirements: Requirement[] }>();

function requirementsOf(required: readonly FieldId[]): Requirement[] {
  const known = requirementsByList.get(required);
  // The list as it was when worked out: a list changed in place is worked out again.
  if (known && known.list.length === required.length && known.list.every((field, i) => field === required[i])) return known.requirements;
  const requirements: Requirement[] = [];
  const done = new Set<FieldId>();
  for (const field of required) {
    if (done.has(field)) continue;
    const group = ALTERNATIVES.find((alternatives) => alternatives.includes(field));
    // Either field of the group satisfies it; both are named only when the profile requires both.
    const checked = group ?? [field];
    const named = group ? group.filter((f) => f === field || required.includes(f)) : [field];
    checked.forEach((f) => done.add(f));
    requirements.push({ field, checked, named });
  }
  requirementsByList.set(required, { list: [...required], requirements });
  return requirements;
}

export const requiredField: RowRule = {
  id: "required-field",
  defaultSeverity: "error",
  kinds: ["outbound", "inbound", "people"],
  fields: ["leader", "leaderRole", "countries", "period", "start", "purpose", "funding", "members", "name", "host"],
  parameters: { profileLists: ["requiredFields"] },
  source: cite(S0, S1, S2, S4),
  checkRow(delegation, context) {
    const required = context.profile.requiredFields[delegation.kind];
    const violations: Violation[] = [];
    for (const { field, checked, named } of requirementsOf(required)) {
      if (field === "members" && delegation.members === undefined && rawText(delegation, "members") !== undefined) {
        const written = quote(delegation.raw.members ?? "");
        violations.push({
          delegation,
          at: "members",
          message: `${fieldLabel("members").vi} “${written}” không đọc được thành số người: cần ghi số người của đoàn`,
          messageEn: `Number of members "${written}" is not a number of people`,
        });
        continue;
      }
      const broken = checked.find((f) => isFormulaError(rawText(delegation, f)));
      if (broken && !checked.some((f) => f !== broken && hasValue(delegation, f))) {
        const consequence = consequenceOf(context.profile.incompleteNotConsolidated);
        const error = rawText(delegation, broken)!;
        const name = fieldLabel(broken, delegation.kind);
        violations.push({
          delegation,
          at: broken,
          message: `Thiếu thông tin bắt buộc “${name.vi}”: ô chứa lỗi công thức ${error}, không đọc được giá trị${consequence.vi}`,
          messageEn: `Required information "${name.en}" cannot be read: the cell holds the formula error ${error}${consequence.en}`,
        });
        continue;
      }
      if (checked.some((f) => hasValue(delegation, f))) continue;

      const consequence = consequenceOf(context.profile.incompleteNotConsolidated);
      const what = label(named, delegation);
      const noColumn = checked.every((f) => delegation.cells[f] === undefined);
      violations.push({
        delegation,
        at: [...checked],
        message:
          `Thiếu thông tin bắt buộc “${what.vi}”` +
          (noColumn ? " (bảng không có cột này)" : "") +
          consequence.vi,
        messageEn:
          `Required information "${what.en}" is missing` +
          (noColumn ? " (the table has no such column)" : "") +
          consequence.en,
      });
    }
    return violations;
  },
};
