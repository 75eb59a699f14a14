/**
 * partner-outside-area (Lai Châu): people-to-people partners are "các địa phương của tỉnh Vân Nam - Trung
 * Quốc, các địa phương của các tỉnh phía Bắc nước CHDCND Lào" [S4]. A partner that names none of the
 * profile's provinces (peoplePartnerAreas, data/partnerAreas) gets a warning: it may lie elsewhere, or the
 * cell may only name the village.
 */
import { foldCompact } from "../../text";
import { PARTNER_AREA_BY_ID, type PartnerArea } from "../data/partnerAreas";
import { quote } from "../messages";
import { memoizeText } from "../lib/memo";
import { fieldText } from "../lib/text";
import { S4 } from "../sources";
import type { RowRule } from "../types";

/** Compact folded forms ("phongsaly", "luongnamtha"): spellings differ in spaces and hyphens. */
const compact = memoizeText((text: string) => foldCompact(text));

function namesArea(text: string, area: PartnerArea): boolean {
  const written = compact(text);
  return area.aliases.some((alias) => written.includes(compact(alias)));
}

export const partnerOutsideArea: RowRule = {
  id: "partner-outside-area",
  defaultSeverity: "warning",
  kinds: ["people"],
  fields: ["partner"],
  parameters: { profileParams: ["peoplePartnerAreas"] },
  source: S4,
  checkRow(delegation, context) {
    const areas = context.profile.params.peoplePartnerAreas.map((id) => PARTNER_AREA_BY_ID.get(id)).filter((area) => area !== undefined);
    const partner = fieldText(delegation, "partner");
    if (areas.length === 0 || partner === undefined || areas.some((area) => namesArea(partner, area))) return [];
    const names = areas.map((area) => area.name.replace(/ \((?:Lào|Trung Quốc)\)$/, ""));
    const chinese = areas.filter((a) => a.country === "CN").map((a) => a.name);
    const lao = areas.filter((a) => a.country === "LA").map((a) => a.name.replace(/ \(Lào\)$/, ""));
    const where = [chinese.join(", "), lao.length > 0 ? `các tỉnh phía Bắc Lào (${lao.join(", ")})` : ""].filter((part) => part !== "").join(" hay ");
    const written = quote(partner);
    return [
      {
        delegation,
        at: "partner",
        message: `Đối tác “${written}” không nêu địa phương thuộc ${where}: đối tác đối ngoại nhân dân là các địa phương của tỉnh Vân Nam - Trung Quốc và các tỉnh phía Bắc Lào; kiểm tra lại hoặc ghi rõ tỉnh`,
        messageEn: `Partner "${written}" names no locality of ${names.join(", ")}: people-to-people partners are localities of Yunnan (China) and northern Laos; check it or name the province`,
      },
    ];
  },
};
