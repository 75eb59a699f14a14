/**
 * Values normalised on their way into the master, the unit's own text kept beside them ("Giá trị gốc"):
 * countries by their standard names (the dropdowns' list; a name that cannot be resolved is kept as
 * written and marked by country-unknown on the master), members as a number, a date written as text as a
 * real date, a role by its standard name. A time coarser than a day ("Quý II/2026", "15-20/5") stays as
 * the unit wrote it.
 */
import type { Delegation, FieldId } from "../model";
import { parseDateCell } from "../values";
import { fold, tidy } from "../text";
import { isCellError, type CellValue } from "../../workbook/types";
import { isoToDate } from "./cells";

/** The master's value of a field for this cell as the unit wrote it; undefined when it stays as written. */
export function normalizedValue(field: FieldId, written: CellValue, delegation: Delegation): CellValue | undefined {
  if (written === null || isCellError(written)) return undefined;
  switch (field) {
    case "countries": {
      if (typeof written !== "string" || delegation.countries.length === 0) return undefined;
      const names = delegation.countries.map((country) => (country.known ? country.name : tidy(country.raw))).join(", ");
      return names !== tidy(written) ? names : undefined;
    }
    case "members":
      return typeof written !== "number" && delegation.members !== undefined ? delegation.members : undefined;
    case "start":
    case "end":
    case "period": {
      if (typeof written !== "string") return undefined;
      const iso = parseDateCell(written);
      return iso ? isoToDate(iso) : undefined;
    }
    case "leaderRole": {
      const role = delegation.leaderRole;
      // A role naming its agency ("Giám đốc Sở Y tế", "PCT UBND TP") keeps it: the standard name alone would
      // drop or blur it. Only a generic agency word the standard name carries too ("giam doc so") is rewritten.
      if (typeof written !== "string" || !role?.id || !role.name) return undefined;
      if (role.agency && !fold(role.name).includes(fold(role.agency))) return undefined;
      // A list name covering both levels ("Phó Chủ tịch UBND thành phố/tỉnh") is vaguer than what was written.
      if (role.name.includes("/")) return undefined;
      return role.name !== tidy(written) ? role.name : undefined;
    }
    default:
      return undefined;
  }
}

/** "Nước đến: Nhật Bảnn; Số lượng (người): 12 người". */
export function originalsText(originals: { title: string; written: CellValue }[]): string | null {
  if (originals.length === 0) return null;
  return originals.map(({ title, written }) => `${title}: ${writtenText(written)}`).join("; ");
}

function writtenText(value: CellValue): string {
  if (value instanceof Date) return `${String(value.getUTCDate()).padStart(2, "0")}/${String(value.getUTCMonth() + 1).padStart(2, "0")}/${value.getUTCFullYear()}`;
  if (isCellError(value)) return value.error;
  return String(value ?? "");
}
