/**
 * "Các đoàn thiếu thông tin theo quy định sẽ không được tổng hợp" [S0]: which delegations stay out of the
 * master. The required-field rule decides (same definition as the check, profile.requiredFields); this
 * module only turns its violations into a short reason for the user.
 */
import type { Delegation, FieldId } from "../model";
import { fieldLabel, quote } from "../rules/messages";
import { requiredField } from "../rules/rules/requiredField";
import { rawText } from "../rules/lib/text";
import type { CheckContext } from "../rules/types";

export interface MissingInformation {
  /** The required fields not given (one per requirement: "leader" stands for "leader or leaderRole"). */
  missing: FieldId[];
  /** Required fields written but not readable (members "nhiều người"). */
  unreadable: FieldId[];
  /** "Thiếu: Trưởng đoàn, Nguồn kinh phí; không đọc được: Số lượng “nhiều”". */
  reason: string;
}

/** Why the delegation cannot be consolidated, or undefined when it has everything required. */
export function missingInformation(delegation: Delegation, context: CheckContext): MissingInformation | undefined {
  const violations = requiredField.checkRow(delegation, context);
  if (violations.length === 0) return undefined;
  const required = new Set(context.profile.requiredFields[delegation.kind]);
  const missing: FieldId[] = [];
  const unreadable: FieldId[] = [];
  for (const violation of violations) {
    const fields: readonly FieldId[] = violation.at === undefined ? [] : typeof violation.at === "string" ? [violation.at] : violation.at;
    // Name the field the profile asks for ("leader"), not its alternative ("leaderRole").
    const field = fields.find((f) => required.has(f)) ?? fields[0];
    if (field === undefined) continue;
    const written = fields.some((f) => rawText(delegation, f) !== undefined);
    (written ? unreadable : missing).push(field);
  }
  const label = (field: FieldId) => fieldLabel(field, delegation.kind).vi;
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`Thiếu: ${missing.map(label).join(", ")}`);
  const asWritten = (field: FieldId) => `${label(field)} “${quote(rawText(delegation, field) ?? "")}”`;
  if (unreadable.length > 0) parts.push(`${parts.length > 0 ? "không" : "Không"} đọc được: ${unreadable.map(asWritten).join(", ")}`);
  return { missing, unreadable, reason: parts.join("; ") };
}
