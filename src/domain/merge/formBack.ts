/**
 * The official form's own lines read back from an existing master (agency block, place of the date line),
 * so a re-import without `--agency`/`--place` keeps what the first merge wrote instead of blanking it.
 */
import type { CellValue, SheetGrid } from "../../workbook/types";
import type { MasterFormOptions } from "./types";
import { MASTER_SHEET_NAMES } from "./layout";

/** Text that is only the form's placeholder dots (or empty). */
function filled(value: CellValue | undefined): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.replace(/\s+/g, " ").trim();
  return text === "" || /^[.…]+$/.test(text) ? undefined : text;
}

/** Agency and place as the first master sheet found shows them; empty when there is none. */
export function formOptionsFromMaster(grids: readonly SheetGrid[]): Pick<MasterFormOptions, "agency" | "place"> {
  const names = new Set<string>(Object.values(MASTER_SHEET_NAMES));
  for (const grid of grids) {
    if (!names.has(grid.name) || grid.originRow !== 1 || grid.originCol !== 1) continue;
    const found: Pick<MasterFormOptions, "agency" | "place"> = {};
    const parent = filled(grid.values[0]?.[0]);
    const name = filled(grid.values[1]?.[0]);
    if (name) found.agency = parent ? { parent, name } : { name };
    for (const row of grid.values) {
      for (const value of row) {
        const place = typeof value === "string" ? /^\s*([^,]{1,60}),\s*ngày\b/i.exec(value)?.[1] : undefined;
        if (place && filled(place)) found.place = place.trim();
      }
    }
    return found;
  }
  return {};
}
