/**
 * A unit's workbook file (.xlsx bytes) into a UnitPlan, for the pane (files chosen or dropped) and the CLI
 * alike. The reader, and exceljs behind it, are loaded on first use: the task pane's first load does not
 * pay for them (webpack puts them in a separate chunk).
 */
import { makeUnitPlan, type UnitPlan } from "../domain/merge";

export interface UnitFileOptions {
  /** The unit's name as the user corrected it; default: the "Đơn vị: …" title, else the file name. */
  unitName?: string;
  /** Plan year for times written without one ("Tháng 5"). */
  year?: number;
}

/**
 * The reader's module, imported once: under the CLI's tsx loader every `import()` is a round trip to the
 * loader's worker thread, which for a merge of 1,000 files added seconds of waiting.
 */
let reader: Promise<typeof import("../xlsx/readWorkbook")> | undefined;

/** Rejects with the reader's WorkbookReadError (a Vietnamese message and a reason code) when unreadable. */
export async function readUnitFile(data: ArrayBuffer | Uint8Array, fileName: string, options: UnitFileOptions = {}): Promise<UnitPlan> {
  // A failed load (a chunk the pane could not fetch) is tried again next time, not remembered.
  reader ??= import("../xlsx/readWorkbook").catch((error: unknown) => {
    reader = undefined;
    throw error;
  });
  const { readXlsx, MAX_EDITABLE_MERGE_CELLS } = await reader;
  // Huge merges are clipped to the values' extent as the playground clips them (named in the unit's notes); a
  // merge still too large after clipping, which the playground refuses to open, is refused here too.
  return makeUnitPlan(fileName, await readXlsx(data, fileName, { maxMergeCells: MAX_EDITABLE_MERGE_CELLS }), options);
}

/** The reader's refusal (WorkbookReadError), recognised without loading the reader. */
export function isWorkbookReadError(error: unknown): error is Error & { reason: string } {
  return error instanceof Error && error.name === "WorkbookReadError" && typeof (error as { reason?: unknown }).reason === "string";
}
