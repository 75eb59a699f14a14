/** Countries of a row, each once: "Nhật Bản, Nhật" is one country. */
import { foldCached } from "./text";
import type { CountryMatch, Delegation } from "../../model";

export function countryKey(country: CountryMatch): string {
  return country.code ? `iso:${country.code}` : `name:${foldCached(country.name)}`;
}

export function distinctCountries(delegation: Delegation): CountryMatch[] {
  const seen = new Set<string>();
  const result: CountryMatch[] = [];
  for (const country of delegation.countries) {
    const key = countryKey(country);
    if (key === "name:" || seen.has(key)) continue;
    seen.add(key);
    result.push(country);
  }
  return result;
}
