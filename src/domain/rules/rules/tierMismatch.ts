/**
 * tier-mismatch: section I holds delegations headed by city/province leaders (Bí thư, Phó Bí thư Thành ủy;
 * Chủ tịch, Phó Chủ tịch HĐND, UBND; Trưởng đoàn ĐBQH), section II those of departments and localities [S0].
 */
import { foldCached } from "../lib/text";
import type { Delegation } from "../../model";
import { S0 } from "../sources";
import type { RowRule } from "../types";

const CITY_TITLE = /\blanh dao (?:thanh pho|tinh|tp|thanh uy|tinh uy|ubnd|hdnd)\b/;
const LOCAL_TITLE = /\b(?:cap so|so nganh|lanh dao so|lanh dao cap so|dia phuong|don vi truc thuoc)\b/;

/** 1 for section I (city leaders), 2 for section II, undefined when the section does not say. */
export function sectionTier(delegation: Delegation): 1 | 2 | undefined {
  const section = delegation.section;
  if (!section) return undefined;
  const title = foldCached(section.title);
  if (CITY_TITLE.test(title)) return 1;
  if (LOCAL_TITLE.test(title)) return 2;
  // Labels by position: I/A/1 first, II/B/2 second.
  const label = foldCached(section.label).replace(/ /g, "");
  if (["i", "a", "1"].includes(label)) return 1;
  if (["ii", "b", "2"].includes(label)) return 2;
  return undefined;
}

export const tierMismatch: RowRule = {
  id: "tier-mismatch",
  defaultSeverity: "warning",
  kinds: ["outbound"],
  fields: ["leaderRole", "leader"],
  parameters: {},
  source: S0,
  checkRow(delegation) {
    const tier = sectionTier(delegation);
    const role = delegation.leaderRole;
    if (!tier || !role?.id) return [];
    const roleName = role.name ?? role.raw;
    const section = delegation.section ? `${delegation.section.label}. ${delegation.section.title}`.trim() : "";
    if (tier === 1 && !role.cityLeader) {
      return [
        {
          delegation,
          at: ["leaderRole", "leader"],
          message: `Đoàn thuộc mục “${section}” (Lãnh đạo thành phố/tỉnh làm Trưởng đoàn) nhưng trưởng đoàn là ${roleName}`,
          messageEn: `Row in section "${section}" (headed by city/province leaders) but the head is ${roleName}`,
        },
      ];
    }
    if (tier === 2 && role.cityLeader) {
      return [
        {
          delegation,
          at: ["leaderRole", "leader"],
          message: `Trưởng đoàn là ${roleName} (Lãnh đạo thành phố/tỉnh) nhưng đoàn ghi ở mục “${section}”: cần chuyển sang mục đoàn do Lãnh đạo thành phố/tỉnh làm Trưởng đoàn`,
          messageEn: `The head is ${roleName} (a city/province leader) but the row is in section "${section}"`,
        },
      ];
    }
    return [];
  },
};
