/** members-max: "không quá 07 người/đoàn" [S2]; profiles without a limit (membersMax null) skip it. */
import { S2 } from "../sources";
import type { RowRule } from "../types";

export const membersMax: RowRule = {
  id: "members-max",
  defaultSeverity: "error",
  kinds: ["outbound"],
  fields: ["members"],
  parameters: { profileParams: ["membersMax"] },
  source: S2,
  approvalException: { source: S2 },
  checkRow(delegation, context) {
    const max = context.profile.params.membersMax;
    const members = delegation.members;
    if (max === null || members === undefined || members <= max) return [];
    return [
      {
        delegation,
        at: "members",
        message: `Đoàn có ${members} người, vượt quá ${max} người/đoàn`,
        messageEn: `The delegation has ${members} members, more than ${max} per delegation`,
      },
    ];
  },
};
