/** unplanned: an out-of-plan (phát sinh) delegation needs its own dossier and approval [S1, S3]. */
import { S1, S3, cite } from "../sources";
import type { RowRule } from "../types";

export const unplanned: RowRule = {
  id: "unplanned",
  defaultSeverity: "info",
  kinds: ["outbound", "inbound", "people"],
  fields: ["planStatus"],
  parameters: {},
  source: cite(S1, S3),
  checkRow(delegation) {
    if (delegation.planStatus !== "out") return [];
    return [
      {
        delegation,
        at: "planStatus",
        message: "Đoàn ngoài kế hoạch (phát sinh): cần làm hồ sơ riêng và trình cấp có thẩm quyền phê duyệt theo quy định",
        messageEn: "Out-of-plan delegation: needs its own dossier and approval by the competent authority",
      },
    ];
  },
};
