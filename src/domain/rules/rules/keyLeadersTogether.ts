/**
 * key-leaders-together: "không cử 02 lãnh đạo chủ chốt trở lên của cơ quan tham gia cùng một đoàn
 * (trường hợp quan trọng, thực sự cần thiết, trình cấp có thẩm quyền xem xét, quyết định)" [S1];
 * "không bố trí 02 cán bộ chủ chốt … của một cơ quan, đơn vị, địa phương cùng tham gia một đoàn" [S2]:
 * a locality's party committee, HĐND and UBND leaders count together, and the message says so.
 */
import type { FieldId } from "../../model";
import { isLocalityAgency, keyLeadersOnBoard, type KeyLeaderOnBoard } from "../lib/people";
import { CT38, S1, S2, cite } from "../sources";
import type { RowRule, Violation } from "../types";

export const keyLeadersTogether: RowRule = {
  id: "key-leaders-together",
  defaultSeverity: "error",
  kinds: ["outbound"],
  fields: ["leader", "leaderRole", "composition", "unit"],
  parameters: { profileLists: ["keyLeaderRoles"], context: ["keyLeaderNames"] },
  source: cite(CT38, S1, S2),
  approvalException: { source: cite(S1, S2) },
  checkRow(delegation, context) {
    const byAgency = new Map<string, KeyLeaderOnBoard[]>();
    for (const leader of keyLeadersOnBoard(delegation, context)) {
      const list = byAgency.get(leader.agency) ?? [];
      list.push(leader);
      byAgency.set(leader.agency, list);
    }
    const violations: Violation[] = [];
    for (const [agency, leaders] of byAgency) {
      if (leaders.length < 2) continue;
      const labels = leaders.map((l) => l.label).join("; ");
      const at: FieldId[] = leaders.some((l) => l.inComposition) ? ["composition", "leader", "leaderRole"] : ["leader", "leaderRole"];
      const locality = isLocalityAgency(agency);
      const of = locality
        ? { vi: `của cùng địa phương (${labels}; lãnh đạo cấp ủy, HĐND, UBND của một địa phương tính chung)`, en: `of the same locality (${labels}; its party committee, council and people's committee count together)` }
        : { vi: `của cùng một cơ quan, đơn vị (${labels})`, en: `of the same agency (${labels})` };
      violations.push({
        delegation,
        at,
        message: `Đoàn có ${leaders.length} lãnh đạo chủ chốt ${of.vi}, vượt quá 1 lãnh đạo chủ chốt/đoàn`,
        messageEn: `The delegation has ${leaders.length} key leaders ${of.en}; at most one may go on a delegation`,
      });
    }
    return violations;
  },
};
