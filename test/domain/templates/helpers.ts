import type { SheetGrid } from "../../../src/workbook/types";
import type { RecognizedTemplate, SheetRecognition } from "../../../src/domain/templates/types";
import { specToGrid, type SpecValue } from "../../fixtures/generate";

/** A grid from rows written from A1 (or startRow/startCol), with A1 merges. */
export function gridOf(rows: SpecValue[][], options: { name?: string; merges?: string[]; startRow?: number; startCol?: number } = {}): SheetGrid {
  return specToGrid({ name: options.name ?? "Sheet1", rows, merges: options.merges, startRow: options.startRow, startCol: options.startCol, expect: false });
}

export function recognized(recognition: SheetRecognition): RecognizedTemplate {
  if (!recognition.template) throw new Error(`not recognised: ${recognition.reason}`);
  return recognition;
}
