/**
 * role-unknown: the head's position is not a standard role; the suggestion is the nearest one.
 * Outbound only: inbound heads are foreign officials whose titles are not in our list.
 */
import type { RowRule } from "../types";

export const roleUnknown: RowRule = {
  id: "role-unknown",
  defaultSeverity: "warning",
  kinds: ["outbound"],
  fields: ["leaderRole", "leader"],
  parameters: {},
  source: "Danh mục chức vụ trưởng đoàn chuẩn",
  checkRow(delegation) {
    const role = delegation.leaderRole;
    if (!role || role.id || role.raw.trim() === "") return [];
    const hintVi = role.suggestion ? `; có phải “${role.suggestion}”?` : "";
    const hintEn = role.suggestion ? `; did you mean "${role.suggestion}"?` : "";
    return [
      {
        delegation,
        at: ["leaderRole", "leader"],
        message: `Chức vụ “${role.raw}” không có trong danh mục chức vụ chuẩn${hintVi}`,
        messageEn: `Position "${role.raw}" is not a standard role${hintEn}`,
        suggestion: role.suggestion,
      },
    ];
  },
};
