/**
 * Requirement sets. ExcelApi 1.9 is the minimum (RangeAreas, getRanges, getSpecialCells for far cells); newer sets are used only
 * where `Office.context.requirements.isSetSupported` says so:
 *   1.11  Excel.run `delayForCellEdit` (wait instead of failing while the user edits a cell)
 *   1.13  merged areas of a sheet (getMergedAreasOrNullObject); without it merges are reported empty
 *   1.18  cell notes carrying the finding's message; without it only the colour marks the cell
 *   1.20  Excel.run `mergeUndoGroup` (a whole check is one undo step); without it one step per sync
 */
import type { HostCapabilities } from "../workbook/types";

export const MINIMUM_EXCEL_API = "1.9";

export function isExcelApiSupported(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Boolean(Office.context?.requirements?.isSetSupported("ExcelApi", version));
  } catch {
    return false;
  }
}

export interface ExcelFeatures {
  delayForCellEdit: boolean;
  mergedAreas: boolean;
  notes: boolean;
  undoGroup: boolean;
}

export function detectFeatures(): ExcelFeatures {
  return {
    delayForCellEdit: isExcelApiSupported("1.11"),
    mergedAreas: isExcelApiSupported("1.13"),
    notes: isExcelApiSupported("1.18"),
    undoGroup: isExcelApiSupported("1.20"),
  };
}

export function capabilitiesOf(features: ExcelFeatures): HostCapabilities {
  return { notes: features.notes, undoGroup: features.undoGroup, charts: true };
}

/** Options for Excel.run: only the ones the running Excel knows. */
export function runOptions(features: ExcelFeatures, oneUndoStep: boolean): Excel.RunOptions {
  const options: Excel.RunOptions = {};
  if (features.delayForCellEdit) options.delayForCellEdit = true;
  if (oneUndoStep && features.undoGroup) options.mergeUndoGroup = true;
  return options;
}
