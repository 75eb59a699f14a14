/**
 * The "Tổng hợp" services (src/taskpane/consolidationServices.ts) over any WorkbookHost. The work itself
 * (consolidationEngine.ts: the merge domain, the sent-plan store, the .xlsx reader behind it) is loaded on
 * the first action that needs it, so the task pane's first load does not pay for it; until then there is
 * nothing in the list, which is what the synchronous methods report.
 */
import type { ConsolidationServices } from "../taskpane/consolidationServices";
import type { WorkbookHost } from "../workbook/types";
import type { AppServices } from "./paneServices";
import type { PlanStorage } from "./sentPlans";

import { MESSAGES } from "./consolidationMessages";

export { MESSAGES };

/** What the consolidation needs from the pane's services: the settings' check context, and the results list. */
export type ConsolidationPaneLink = Pick<AppServices, "activeCheckContext" | "publishCheck">;

export interface ConsolidationOptions {
  pane: ConsolidationPaneLink;
  /** Where sent plans are kept (Excel: the add-in's shared storage). */
  storage: PlanStorage;
  now?: () => Date;
  /** Lets the pane repaint between two files (default: a macrotask). */
  yieldToUi?: () => Promise<void>;
}

export function createConsolidationServices(host: WorkbookHost, options: ConsolidationOptions): ConsolidationServices {
  let engine: ConsolidationServices | undefined;
  let loading: Promise<ConsolidationServices> | undefined;
  const load = () =>
    (loading ??= import(/* webpackChunkName: "consolidation" */ "./consolidationEngine").then(
      (module) => (engine = module.createConsolidationEngine(host, options)),
      () => {
        loading = undefined; // a failed download (network) can be retried
        throw new Error(MESSAGES.engineLoad);
      },
    ));

  return {
    sources: () => engine?.sources() ?? [],
    renameUnit: (id, name) => engine?.renameUnit(id, name) ?? [],
    removeSource: (id) => engine?.removeSource(id) ?? [],
    addFiles: async (files, onProgress) => (await load()).addFiles(files, onProgress),
    listSentPlans: async () => (await load()).listSentPlans(),
    includeSentPlan: async (key) => (await load()).includeSentPlan(key),
    deleteSentPlan: async (key) => (await load()).deleteSentPlan(key),
    sendToMaster: async () => (await load()).sendToMaster(),
    merge: async (onProgress, choice) => (await load()).merge(onProgress, choice),
    planYear: async () => (await load()).planYear(),
    showSheet: (sheet) => host.selectCell(sheet, 1, 1),
  };
}
