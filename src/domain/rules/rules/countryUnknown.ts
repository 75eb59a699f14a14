/** country-unknown: a country not in the standard list; the suggestion is the nearest standard name. */
import type { Violation, RowRule } from "../types";

export const countryUnknown: RowRule = {
  id: "country-unknown",
  defaultSeverity: "warning",
  kinds: ["outbound", "inbound", "people"],
  fields: ["countries"],
  parameters: {},
  source: "Danh mục quốc gia, vùng lãnh thổ chuẩn (ISO 3166, tên tiếng Việt)",
  checkRow(delegation) {
    const violations: Violation[] = [];
    for (const country of delegation.countries) {
      if (country.known) continue;
      const hintVi = country.suggestion ? `; có phải “${country.suggestion}”?` : "";
      const hintEn = country.suggestion ? `; did you mean "${country.suggestion}"?` : "";
      violations.push({
        delegation,
        at: "countries",
        message: `Nước “${country.raw}” không có trong danh mục quốc gia chuẩn${hintVi}`,
        messageEn: `Country "${country.raw}" is not in the standard list${hintEn}`,
        suggestion: country.suggestion,
      });
    }
    return violations;
  },
};
