/**
 * trip-one-region (Hà Nội): "trường hợp đi thăm nhiều nước, cần tính toán hợp lý, bố trí các nước đi thăm
 * gần nhau, thuận tiện, trong cùng một khu vực" [S2]. "Khu vực" is read as a UN M49 sub-region
 * (data/regions); countries of no known region are left out. A warning: the letter asks, it sets no limit.
 */
import { subRegionOf, type SubRegion } from "../data/regions";
import { distinctCountries } from "../lib/countries";
import { S2 } from "../sources";
import type { RowRule } from "../types";

export const tripOneRegion: RowRule = {
  id: "trip-one-region",
  defaultSeverity: "warning",
  kinds: ["outbound"],
  fields: ["countries"],
  parameters: { profileParams: ["oneRegionPerTrip"] },
  source: S2,
  checkRow(delegation, context) {
    if (!context.profile.params.oneRegionPerTrip) return [];
    const byRegion = new Map<string, { region: SubRegion; names: string[] }>();
    for (const country of distinctCountries(delegation)) {
      const region = subRegionOf(country.code);
      if (!region) continue;
      const entry = byRegion.get(region.m49) ?? { region, names: [] };
      entry.names.push(country.name);
      byRegion.set(region.m49, entry);
    }
    if (byRegion.size < 2) return [];
    const groups = [...byRegion.values()];
    const vi = groups.map(({ region, names }) => `${names.join(", ")}: ${region.vi}`).join("; ");
    const en = groups.map(({ region, names }) => `${names.join(", ")}: ${region.en}`).join("; ");
    return [
      {
        delegation,
        at: "countries",
        message: `Các nước của chuyến đi thuộc ${byRegion.size} khu vực (${vi}): cần bố trí các nước đi thăm gần nhau, thuận tiện, trong cùng một khu vực`,
        messageEn: `The trip's countries lie in ${byRegion.size} regions (${en}): the countries visited should be close together, in one region`,
      },
    ];
  },
};
