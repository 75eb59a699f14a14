/**
 * leadership-half: "không quá 1/2 tập thể lãnh đạo của một cơ quan, đơn vị, địa phương cùng tham gia
 * một đoàn … trừ trường hợp thật cần thiết thì xin ý kiến cấp có thẩm quyền" [S2].
 * Needs the agency's leadership size (settings); silent without it.
 */
import type { FieldId } from "../../model";
import { formatNumber } from "../messages";
import { leadersOnBoard } from "../lib/people";
import { S2 } from "../sources";
import type { RowRule } from "../types";

export const leadershipHalf: RowRule = {
  id: "leadership-half",
  defaultSeverity: "warning",
  kinds: ["outbound"],
  fields: ["members", "leader", "leaderRole", "composition"],
  parameters: { context: ["leadershipSize"] },
  source: S2,
  approvalException: { source: S2 },
  checkRow(delegation, context) {
    const size = context.leadershipSize;
    if (size === undefined || size <= 0) return [];
    const written = delegation.membersLeaders;
    const leaders = written ?? leadersOnBoard(delegation);
    if (leaders <= size / 2) return [];
    const at: FieldId[] = written !== undefined ? ["members"] : ["composition", "leader", "leaderRole"];
    const half = formatNumber(size / 2);
    return [
      {
        delegation,
        at,
        message: `Đoàn có ${leaders} lãnh đạo trong tập thể ${size} lãnh đạo của cơ quan, vượt quá 1/2 (${half.vi})`,
        messageEn: `The delegation includes ${leaders} of the agency's ${size} leaders, more than half (${half.en})`,
      },
    ];
  },
};
