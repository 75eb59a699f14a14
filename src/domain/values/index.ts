/** Value parsers of the domain core: what units write in the cells → standard values. */
export { matchCountry, parseCountries, parseCountryStops, standardCountryNames, countryName, mentionedCountryCodes } from "./countries";
export { matchRole } from "./roles";
export { splitLeader, type LeaderParts } from "./leader";
export { matchFunding } from "./funding";
export { parseMembers, type MembersResult } from "./members";
export { parsePeriod, type PeriodResult } from "./period";
export { parseDateCell } from "./dates";
