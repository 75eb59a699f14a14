/** Every rule the engine runs, in one list: adding a rule is one module in rules/ and one line here. */
import { countriesMax } from "./rules/countriesMax";
import { countryUnknown } from "./rules/countryUnknown";
import { daysPerCountry } from "./rules/daysPerCountry";
import { duplicateDelegation } from "./rules/duplicateDelegation";
import { fundingForbidden } from "./rules/fundingForbidden";
import { fundingUnclear } from "./rules/fundingUnclear";
import { keyLeaderTrips } from "./rules/keyLeaderTrips";
import { keyLeadersTogether } from "./rules/keyLeadersTogether";
import { leadersSameDestination } from "./rules/leadersSameDestination";
import { leadershipHalf } from "./rules/leadershipHalf";
import { membersMax } from "./rules/membersMax";
import { mergeCandidate } from "./rules/mergeCandidate";
import { periodInvalid } from "./rules/periodInvalid";
import { purposeUnclear } from "./rules/purposeUnclear";
import { requiredField } from "./rules/requiredField";
import { roleUnknown } from "./rules/roleUnknown";
import { tierMismatch } from "./rules/tierMismatch";
import { tripOneRegion } from "./rules/tripOneRegion";
import { partnerOutsideArea } from "./rules/partnerOutsideArea";
import { unplanned } from "./rules/unplanned";
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [
  requiredField,
  membersMax,
  countriesMax,
  tripOneRegion,
  daysPerCountry,
  keyLeaderTrips,
  keyLeadersTogether,
  leadershipHalf,
  fundingForbidden,
  fundingUnclear,
  purposeUnclear,
  periodInvalid,
  countryUnknown,
  roleUnknown,
  tierMismatch,
  unplanned,
  mergeCandidate,
  leadersSameDestination,
  duplicateDelegation,
  partnerOutsideArea,
];
