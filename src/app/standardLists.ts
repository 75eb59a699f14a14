/** The dropdown lists, as the lists sheet holds them. Forbidden funding is never offered. */
import { FUNDING } from "../domain/lists/funding";
import { PLAN_STATUS } from "../domain/lists/planStatus";
import { PURPOSES } from "../domain/lists/purposes";
import { ROLES } from "../domain/lists/roles";
import type { Profile } from "../domain/profiles/schema";
import { standardCountryNames } from "../domain/values";
import type { StandardList } from "../workbook/types";

export function standardLists(profile: Profile): StandardList[] {
  const forbidden = new Set(profile.forbiddenFunding);
  return [
    { id: "countries", title: "Quốc gia", items: standardCountryNames() },
    { id: "roles", title: "Chức vụ", items: ROLES.map((role) => role.name) },
    { id: "funding", title: "Nguồn kinh phí", items: FUNDING.filter((entry) => !forbidden.has(entry.id)).map((entry) => entry.name) },
    { id: "purposes", title: "Mục đích", items: PURPOSES.map((entry) => entry.name) },
    { id: "planStatus", title: "Trong/ngoài kế hoạch", items: PLAN_STATUS.map((entry) => entry.name) },
  ];
}
