/**
 * leaders-same-destination: "tránh việc có quá nhiều lãnh đạo của một cơ quan, địa phương, đơn vị đi đến
 * cùng một địa bàn" [S1]. Counts distinct heads of one agency going to one country in a year (each trip in the year it starts).
 */
import type { Delegation } from "../../model";
import { compareRows } from "../messages";
import { withRows } from "../lib/withRows";
import { distinctCountries, countryKey } from "../lib/countries";
import {
  headKey,
  isLeadershipRole,
  leaderAgency,
  leaderAgencyLabel,
} from "../lib/people";
import { tripYear } from "../lib/time";
import { S1 } from "../sources";
import { othersIn } from "../lib/groups";
import type { PlanRule, Violation } from "../types";

interface Destination {
  country: string;
  year: number;
  leaders: Map<string, Delegation[]>;
}

export const leadersSameDestination: PlanRule = {
  id: "leaders-same-destination",
  defaultSeverity: "warning",
  kinds: ["outbound"],
  fields: ["leader", "leaderRole", "unit", "countries", "period", "start"],
  parameters: {
    profileParams: ["leadersSameDestinationMax"],
    context: ["year"],
  },
  source: S1,
  checkAll(delegations, context) {
    const max = context.profile.params.leadersSameDestinationMax;
    const destinations = new Map<string, Destination>();
    for (const delegation of delegations) {
      const head = headKey(delegation);
      const roleId = delegation.leaderRole?.id;
      // Staff trips (chuyên viên…) are not leaders' trips; an unrecognised role is given the benefit of the doubt.
      if (!head || (roleId !== undefined && !isLeadershipRole(roleId)))
        continue;
      const agency = leaderAgency(delegation);
      const year = tripYear(delegation, context.year);
      for (const country of distinctCountries(delegation)) {
        const key = `${year}|${agency}|${countryKey(country)}`;
        let destination = destinations.get(key);
        if (!destination) {
          destinations.set(
            key,
            (destination = { country: country.name, year, leaders: new Map() }),
          );
        }
        const trips = destination.leaders.get(head);
        if (trips) trips.push(delegation);
        else destination.leaders.set(head, [delegation]);
      }
    }

    const violations: Violation[] = [];
    for (const destination of destinations.values()) {
      if (destination.leaders.size <= max) continue;
      const rows = [...destination.leaders.values()].flat().sort(compareRows);
      const agency = leaderAgencyLabel(rows[0]);
      for (const delegation of rows) {
        const { others, total } = othersIn(rows, delegation);
        const list = withRows(others, delegation, total);
        violations.push({
          delegation,
          at: "countries",
          related: others,
          message: `${destination.leaders.size} lãnh đạo của cùng cơ quan (${agency}) cùng đến ${destination.country} trong năm ${destination.year} (${list.vi}), vượt quá ${max} người: tránh để quá nhiều lãnh đạo của một cơ quan đi đến cùng một địa bàn`,
          messageEn: `${destination.leaders.size} leaders of the same agency (${agency}) go to ${destination.country} in ${destination.year} (${list.en}), more than ${max}`,
        });
      }
    }
    return violations;
  },
  // One group per agency and country: a row's findings depend on the groups of its countries.
  locality: {
    reach: "neighbours",
    keys(delegation) {
      if (!headKey(delegation)) return [];
      const agency = leaderAgency(delegation);
      return distinctCountries(delegation).map(
        (country) => `${agency}|${countryKey(country)}`,
      );
    },
  },
};
