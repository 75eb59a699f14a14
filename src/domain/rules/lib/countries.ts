/** Countries of a row, each once: "Nhật Bản, Nhật" is one country. */
import type { CountryMatch, Delegation } from "../../model";
import { fold } from "../../text";

export function countryKey(country: CountryMatch): string {
  return country.code ? `iso:${country.code}` : `name:${fold(country.name)}`;
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
