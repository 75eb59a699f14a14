/**
 * The mark context: what applyMarks' first sync would read — the add-in's conditional formats and the
 * notes at the cells concerned — loaded instead inside readSheets' values sync, so that a check's
 * read → mark takes 3 syncs rather than 4 (marks.ts then needs only its write sync).
 *
 * Only plain data crosses from the read's Excel.run to the mark's (proxies belong to their run): sheet
 * ids and names, the ids of the add-in's conditional formats, the text of the notes at the cells the
 * saved state names, and each sheet's note count. The count stands in for the cells the next check
 * will mark, unknown at read time: when every note of a sheet sits at a probed cell, no other cell has
 * one. A sheet with notes elsewhere cannot say where (a Note's cell comes from the method
 * getLocation(), which needs a sync of its own), so new notes there go through the two-sync path.
 *
 * Payload: format metadata and note texts are small next to the values; they are estimated first and,
 * past PRELOAD_BUDGET_BYTES, nothing is preloaded (applyMarks then reads as before).
 *
 * Freshness is checked by the host (used once, by the next applyMarks or clearMarks, within a maximum
 * age, and only if the host wrote nothing in between) and by marks.ts (only for the saved state it was
 * made for; a write Excel refuses is retried through the two-sync path).
 */
import { isMarkFormat } from "./marks";
import { recordedLength, sheetOfRecord, type MarkState } from "./markState";

export interface PreloadedSheet {
  id: string;
  /** The name at read time (the checked grids' name, which the marks use). */
  name: string;
  /** Ids of the add-in's conditional formats on the sheet, recognised by their marker formula. */
  markFormatIds: string[];
  /** Notes at the cells the saved state names: the text, or null where the cell has none (ExcelApi 1.18). */
  notes: Map<string, string | null>;
  /** Every note of the sheet, wherever it is; undefined without notes support. */
  noteCount?: number;
}

export interface MarkPreload {
  /** The saved mark state (JSON) the probes were chosen from; another state makes the preload useless. */
  state: string;
  notes: boolean;
  sheets: PreloadedSheet[];
}

/**
 * Estimated response bytes the preload may add to the values' (5 MB cap; 10,000 delegations' values
 * take about 3 MB). Its request (about 250 bytes a probe) stays far below the request cap, because
 * NOTE_BUDGET_BYTES caps the notes the add-in writes.
 */
export const PRELOAD_BUDGET_BYTES = 1_500_000;
const SHEET_PRELOAD_BYTES = 400;
const NOTE_PROBE_BYTES = 100;
/** Vietnamese text in UTF-8: ASCII letters take 1 byte, letters with diacritics 2 or 3. */
const BYTES_PER_CHARACTER = 2;

/** Estimated response bytes of preloading for `state` over `sheetCount` sheets. */
export function preloadBytes(state: MarkState, sheetCount: number, notes: boolean): number {
  let bytes = sheetCount * SHEET_PRELOAD_BYTES;
  if (notes) for (const record of state.sheets) for (const hash of Object.values(record.notes)) bytes += NOTE_PROBE_BYTES + BYTES_PER_CHARACTER * recordedLength(hash);
  return bytes;
}

/**
 * Queues the preload on sheets whose name and id are loaded; the returned function reads it after the
 * sync that carried it.
 */
export function queueMarkPreload(sheets: Excel.Worksheet[], state: MarkState, notes: boolean): () => MarkPreload {
  const known = sheets.map((sheet) => ({ sheet, id: sheet.id, name: sheet.name }));
  const queued = known.map(({ sheet, id, name }) => {
    const formats = sheet.getRange().conditionalFormats;
    formats.load("items/id,items/type,items/customOrNullObject/rule/formula");
    const probes = new Map<string, Excel.Note>();
    let count: OfficeExtension.ClientResult<number> | undefined;
    if (notes) {
      const records = state.sheets.filter((record) => sheetOfRecord(known, record)?.sheet === sheet);
      for (const address of new Set(records.flatMap((record) => Object.keys(record.notes)))) {
        const note = sheet.notes.getItemOrNullObject(address);
        note.load("content");
        probes.set(address, note);
      }
      count = sheet.notes.getCount();
    }
    return { id, name, formats, probes, count };
  });

  return () => ({
    state: JSON.stringify(state),
    notes,
    sheets: queued.map(({ id, name, formats, probes, count }) => ({
      id,
      name,
      markFormatIds: formats.items.filter(isMarkFormat).map((format) => format.id),
      notes: new Map([...probes].map(([address, note]) => [address, note.isNullObject ? null : note.content])),
      noteCount: count?.value,
    })),
  });
}
