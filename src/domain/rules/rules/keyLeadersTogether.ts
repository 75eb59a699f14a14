/**
 * key-leaders-together: "không cử 02 lãnh đạo chủ chốt trở lên của cơ quan tham gia cùng một đoàn
 * (trường hợp quan trọng, thực sự cần thiết, trình cấp có thẩm quyền xem xét, quyết định)" [S1, S2].
 */
import type { FieldId } from "../../model";
import { keyLeadersOnBoard, type KeyLeaderOnBoard } from "../lib/people";
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
    for (const leaders of byAgency.values()) {
      if (leaders.length < 2) continue;
      const labels = leaders.map((l) => l.label).join("; ");
      const at: FieldId[] = leaders.some((l) => l.inComposition) ? ["composition", "leader", "leaderRole"] : ["leader", "leaderRole"];
      violations.push({
        delegation,
        at,
        message: `Đoàn có ${leaders.length} lãnh đạo chủ chốt của cùng một cơ quan (${labels}), vượt quá 1 lãnh đạo chủ chốt/đoàn`,
        messageEn: `The delegation has ${leaders.length} key leaders of the same agency (${labels}); at most one may go on a delegation`,
      });
    }
    return violations;
  },
};
