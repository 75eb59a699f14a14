/**
 * The letters' exception: "trường hợp thật cần thiết thì xin ý kiến cấp có thẩm quyền" [S1, S2].
 * A note citing such approval (asked or given) is what lowers a finding; "chưa xin ý kiến" does not.
 */
import { foldCached } from "./text";
import type { Delegation } from "../../model";

const APPROVAL =
  /\b(?:xin y kien|trinh cap co tham quyen|cap co tham quyen (?:da )?(?:cho phep|dong y|phe duyet|quyet dinh|chap thuan)|da duoc (?:[a-z0-9]+ ){0,10}?(?:cho phep|dong y|phe duyet|chap thuan))\b/g;
const NEGATION = /\b(?:chua|khong|chang)(?: duoc)? $/;

/** True when the row's notes cite approval by the competent authority. */
export function citesApproval(delegation: Delegation): boolean {
  if (!delegation.notes) return false;
  const folded = foldCached(delegation.notes);
  for (const match of folded.matchAll(APPROVAL)) {
    const before = folded.slice(Math.max(0, match.index - 12), match.index);
    if (!NEGATION.test(before)) return true;
  }
  return false;
}
