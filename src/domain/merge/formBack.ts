/**
 * The official form's own lines read back from an existing master (agency block, place of the date line),
 * so a re-import without `--agency`/`--place` keeps what the first merge wrote instead of blanking it.
 */
import type { CellValue, SheetGrid } from "../../workbook/types";
import type { MasterFormLines, MasterFormOptions } from "./types";
import { MASTER_SHEET_NAMES } from "./layout";
import { LETTER_LINE, PREPARER } from "../templates/officialForm";
import { fold } from "../text";

/** Text that is only the form's placeholder dots (or empty). */
function filled(value: CellValue | undefined): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.replace(/\s+/g, " ").trim();
  return text === "" || /^[.…]+$/.test(text) ? undefined : text;
}

/** Agency and place as the first master sheet found shows them; empty when there is none. */
export function formOptionsFromMaster(grids: readonly SheetGrid[]): Pick<MasterFormOptions, "agency" | "place" | "formLines"> {
  const names = new Set<string>(Object.values(MASTER_SHEET_NAMES));
  const formLines: Record<string, MasterFormLines> = {};
  for (const grid of grids) {
    if (!names.has(grid.name) || grid.originRow !== 1 || grid.originCol !== 1) continue;
    const lines = officerLines(grid);
    if (lines.letter !== undefined || lines.closing) formLines[grid.name] = lines;
  }
  const withLines = Object.keys(formLines).length > 0 ? { formLines } : {};
  for (const grid of grids) {
    if (!names.has(grid.name) || grid.originRow !== 1 || grid.originCol !== 1) continue;
    const found: Pick<MasterFormOptions, "agency" | "place" | "formLines"> = { ...withLines };
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
  return withLines;
}

/** Rows kept below the signature block at most: a "Nơi nhận" list, a few notes; never a runaway used range. */
const CLOSING_ROWS_LIMIT = 200;

/**
 * The officer's letter line and closing rows of one master sheet: the letter line once it differs from the
 * form's placeholder; the closing rows from the place/date line (the row above "NGƯỜI LẬP BIỂU") to the
 * last row holding anything.
 */
function officerLines(grid: SheetGrid): MasterFormLines {
  const lines: MasterFormLines = {};
  const preparer = fold(PREPARER);
  let signers: number | undefined;
  grid.values.forEach((row, index) => {
    for (const value of row) {
      if (typeof value !== "string") continue;
      const text = value.replace(/\s+/g, " ").trim();
      if (lines.letter === undefined && signers === undefined && /^\(\s*Kèm theo/i.test(text) && text !== LETTER_LINE) lines.letter = text;
      if (signers === undefined && index > 0 && fold(text) === preparer) signers = index;
    }
  });
  if (signers === undefined) return lines;
  let last = signers;
  for (let index = signers; index < Math.min(grid.values.length, signers + CLOSING_ROWS_LIMIT); index++) {
    if ((grid.values[index] ?? []).some((value) => value !== null && value !== undefined && value !== "")) last = index;
  }
  lines.closing = { from: signers, rows: grid.values.slice(signers - 1, last + 1).map((row) => row.map((value) => value ?? null)) };
  return lines;
}
