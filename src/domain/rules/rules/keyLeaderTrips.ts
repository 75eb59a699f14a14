/**
 * key-leader-trips: "Lãnh đạo chủ chốt không đi công tác nước ngoài quá 2 lần/năm" [Chỉ thị 38-CT/TW, S1].
 * Counted over every row given (all sheets, all files of a master plan): a person heads the trip, or is
 * named in its composition. Same person = same folded name; a row naming only a role joins the one
 * named person with that role and agency, else stands for "role + agency".
 */
import type { Delegation, FieldId } from "../../model";
import { compareRows } from "../messages";
import { withRows } from "../lib/withRows";
import {
  headLabel,
  isKeyRole,
  keyLeaderNameSet,
  leaderAgency,
  nameAsWritten,
  namesInComposition,
  personName,
  possibleNamesInComposition,
} from "../lib/people";
import { tripYear } from "../lib/time";
import { CT38, S1, cite } from "../sources";
import { othersIn } from "../lib/groups";
import type { CheckContext, PlanRule, Violation } from "../types";

interface Traveller {
  isKey: boolean;
  /** Each trip and whether the person heads it or is named in its composition. */
  trips: Map<Delegation, "head" | "member">;
  foldedName?: string;
}

export const keyLeaderTrips: PlanRule = {
  id: "key-leader-trips",
  defaultSeverity: "error",
  kinds: ["outbound"],
  fields: ["leader", "leaderRole", "composition", "unit", "period", "start"],
  parameters: {
    profileParams: ["keyLeaderTripsMax"],
    profileLists: ["keyLeaderRoles"],
    context: ["year", "keyLeaderNames"],
  },
  source: cite(CT38, S1),
  checkAll(delegations, context) {
    // Each year's trips on their own: a plan titled for another year than the one set is still counted.
    const byYear = new Map<number, Delegation[]>();
    for (const delegation of delegations) {
      const year = tripYear(delegation, context.year);
      const trips = byYear.get(year);
      if (trips) trips.push(delegation);
      else byYear.set(year, [delegation]);
    }
    return [...byYear]
      .sort((a, b) => a[0] - b[0])
      .flatMap(([year, trips]) => tripsOfYear(trips, year, context));
  },
  // A person's trips: rows headed under the name, rows naming only a role that person holds (through the
  // role's group), rows whose composition names them: everything reachable through those links.
  locality: {
    reach: "component",
    keys(delegation, context) {
      const keys: string[] = [];
      const name = personName(delegation.leaderName);
      if (name) keys.push(`name:${name}`);
      if (delegation.leaderRole?.id)
        keys.push(
          `role:${delegation.leaderRole.id}@${leaderAgency(delegation)}`,
        );
      for (const listed of namesInComposition(
        delegation,
        keyLeaderNameSet(context),
      ))
        keys.push(`name:${listed}`);
      return keys;
    },
    mentions(delegation) {
      return possibleNamesInComposition(delegation).map(
        (name) => `name:${name}`,
      );
    },
  },
};
/** One year's trips: the key leaders who travel more than the limit that year. */
function tripsOfYear(
  trips: Delegation[],
  year: number,
  context: CheckContext,
): Violation[] {
  const max = context.profile.params.keyLeaderTripsMax;
  const listed = keyLeaderNameSet(context);
  const travellers = new Map<string, Traveller>();
  const traveller = (key: string, foldedName?: string): Traveller => {
    let found = travellers.get(key);
    if (!found)
      travellers.set(
        key,
        (found = { isKey: false, trips: new Map(), foldedName }),
      );
    return found;
  };

  // Heads with a name; remember which names hold each role in each agency.
  const namesByRole = new Map<string, Set<string>>();
  const unnamed: { delegation: Delegation; roleKey: string }[] = [];
  for (const delegation of trips) {
    const name = personName(delegation.leaderName);
    const roleKey = delegation.leaderRole?.id
      ? `${delegation.leaderRole.id}@${leaderAgency(delegation)}`
      : undefined;
    if (name) {
      const person = traveller(`name:${name}`, name);
      person.trips.set(delegation, "head");
      person.isKey ||=
        isKeyRole(delegation.leaderRole, context.profile) || listed.has(name);
      if (roleKey)
        namesByRole.set(
          roleKey,
          (namesByRole.get(roleKey) ?? new Set()).add(`name:${name}`),
        );
    } else if (roleKey) {
      unnamed.push({ delegation, roleKey });
    }
  }
  for (const { delegation, roleKey } of unnamed) {
    const names = namesByRole.get(roleKey);
    const person = traveller(
      names?.size === 1 ? [...names][0] : `role:${roleKey}`,
    );
    person.trips.set(delegation, "head");
    person.isKey ||= isKeyRole(delegation.leaderRole, context.profile);
  }

  // Key leaders named in other trips' compositions (a name index, not pairs of rows).
  const wanted = new Set(listed);
  for (const person of travellers.values())
    if (person.isKey && person.foldedName) wanted.add(person.foldedName);
  for (const delegation of trips) {
    const headName = personName(delegation.leaderName);
    for (const name of namesInComposition(delegation, wanted)) {
      if (name === headName) continue;
      const person = traveller(`name:${name}`, name);
      person.isKey ||= listed.has(name);
      if (!person.trips.has(delegation)) person.trips.set(delegation, "member");
    }
  }

  const violations: Violation[] = [];
  for (const person of travellers.values()) {
    if (!person.isKey || person.trips.size <= max) continue;
    const rows = [...person.trips.keys()].sort(compareRows);
    const label = travellerLabel(person, rows);
    for (const delegation of rows) {
      const { others, total } = othersIn(rows, delegation);
      const list = withRows(others, delegation, total);
      const at: FieldId[] =
        person.trips.get(delegation) === "head"
          ? ["leader", "leaderRole"]
          : ["composition", "leader"];
      violations.push({
        delegation,
        at,
        related: others,
        message: `Lãnh đạo chủ chốt ${label} đi nước ngoài ${rows.length} lần trong năm ${year} (${list.vi}), vượt quá ${max} lần/năm`,
        messageEn: `Key leader ${label} travels abroad ${rows.length} times in ${year} (${list.en}), more than ${max} per year`,
      });
    }
  }
  return violations;
}

/** The person as the plan writes them: name and role from their first headed row, else the name in a composition. */
function travellerLabel(person: Traveller, rows: Delegation[]): string {
  const headed = rows.filter((row) => person.trips.get(row) === "head");
  const withRole = headed.find((row) => row.leaderRole) ?? headed[0];
  if (withRole) {
    const label = headLabel(withRole);
    if (label !== "") return label;
  }
  return person.foldedName
    ? nameAsWritten(rows[0].composition ?? "", person.foldedName)
    : "";
}
