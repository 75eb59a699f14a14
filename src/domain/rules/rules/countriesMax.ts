/** countries-max: "1 chuyến công tác đi không quá 3 nước" [S1, S2]. */
import { joinList } from "../messages";
import { distinctCountries } from "../lib/countries";
import { S1, S2, cite } from "../sources";
import type { RowRule } from "../types";

export const countriesMax: RowRule = {
  id: "countries-max",
  defaultSeverity: "error",
  kinds: ["outbound"],
  fields: ["countries"],
  parameters: { profileParams: ["countriesMax"] },
  source: cite(S1, S2),
  checkRow(delegation, context) {
    const max = context.profile.params.countriesMax;
    const countries = distinctCountries(delegation);
    if (countries.length <= max) return [];
    const names = joinList(countries.map((c) => c.name));
    return [
      {
        delegation,
        at: "countries",
        message: `Đoàn đi ${countries.length} nước (${countries.map((c) => c.name).join(", ")}), vượt quá ${max} nước/chuyến`,
        messageEn: `The trip covers ${countries.length} countries (${names.en}), more than ${max} per trip`,
      },
    ];
  },
};
