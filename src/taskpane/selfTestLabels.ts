/** The self-test's labels in the pane's language (for its table and its copied text). */
import type { SelfTestLabels } from "../app/selfTest";
import type { stringsFor } from "../i18n";

type PaneStrings = ReturnType<typeof stringsFor>["pane"];

export function selfTestLabels(t: PaneStrings, locale: "vi" | "en"): SelfTestLabels {
  return {
    locale,
    title: t.selfTestTitle,
    platform: t.selfTestPlatform,
    version: t.selfTestVersion,
    requirementSets: t.selfTestSets,
    capability: t.selfTestCapability,
    result: t.selfTestResult,
    time: t.selfTestTime,
    errorCode: t.selfTestErrorCode,
    pass: t.selfTestPass,
    fail: t.selfTestFail,
    excelOnly: t.selfTestExcelOnly,
    needsSet: t.selfTestNeedsSet,
    setupFailed: t.selfTestSetupFailed,
    names: {
      readValues: t.capReadValues,
      mergedAreas: t.capMergedAreas,
      conditionalFormat: t.capConditionalFormat,
      notes: t.capNotes,
      listValidation: t.capListValidation,
      undoGroup: t.capUndoGroup,
      documentSettings: t.capDocumentSettings,
      sharedStorage: t.capSharedStorage,
      selectCell: t.capSelectCell,
      insertRow: t.capInsertRow,
    },
  };
}
