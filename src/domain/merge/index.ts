/** Consolidation of unit plans into the master plan (pure: hosts read and write the workbooks). */
export { consolidate, masterDocument, arrange, unitKey, CROSS_UNIT_RULES } from "./consolidate";
export { readMaster } from "./readMaster";
export { formOptionsFromMaster } from "./formBack";
export { findForeignSheet, type ForeignSheet } from "./foreign";
export { findUnitConflicts, describeUnitConflict, latestFilePerUnit, type UnitConflict } from "./identity";
export { planYearInfo, titleYear, type PlanYearInfo } from "./planYear";
export { makeUnitPlan, previewUnit, prepareUnit, fileStem, unitFromTitle, delegationLabel } from "./unit";
export { missingInformation, type MissingInformation } from "./exclusion";
export { returnDate, deadlines, looksLikeFormula, isoToDate } from "./cells";
export { masterSheetCounts, type MasterSheetCount } from "./summary";
export { droppedKinds, withoutDroppedRows, type DroppedKind } from "./droppedKinds";
export { carryPlans, rowsOrColumnsMoved } from "./carryPlan";
export { noteLost, movedReferences, refersToSheet } from "./followRows";
export { parseUnitList, unitListFromGrid, findUnitsSheet, missingUnits, missingUnitsTable, UNITS_SHEET_NAME } from "./expectedUnits";
export { computeStatistics, statisticsTable, quarterLabel } from "./statistics";
export { MASTER_SHEET_NAMES, STATISTICS_SHEET_NAME, PROVENANCE_TITLES, COMPUTED_TITLES, masterLayout, TIER_SECTIONS, type MasterLayout, type MasterColumn, type MasterGrouping } from "./layout";
export type {
  UnitPlan,
  MergeContext,
  MasterFormOptions,
  Provenance,
  MasterRow,
  MasterSheet,
  MasterSheetRows,
  ExcludedDelegation,
  UnitSummary,
  StatisticsTable,
  MasterPlan,
  ConsolidateOptions,
} from "./types";
