/**
 * The syncs the pane's merge uses in Excel (fake), for the tests and the benchmark: `units` unit
 * workbooks of `per` outbound delegations, sent through the shared storage, merged into an Excel master
 * through the real ExcelWorkbookHost. Runs per Excel operation: readSheets, writeTable per sheet, applyMarks.
 */
import { createConsolidationServices } from "../../src/app/consolidation";
import { createPaneServices } from "../../src/app/paneServices";
import type { MergeSummary } from "../../src/taskpane/consolidationServices";
import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import { specToGrid } from "../fixtures/generate";
import { trip, unitSpec, type UnitSpecInput } from "../domain/merge/units";
import { createWorkbook, installFakeExcel } from "../excel/fakeExcel";
import { MemoryHost } from "../support/memoryHost";
import { memoryPlanStorage, SETTINGS } from "./consolidationSupport";

export interface MergeSyncs {
  summary: MergeSummary;
  /** Syncs of each Excel.run of the merge, in order. */
  runs: number[];
  total: number;
  maxRequestBytes: number;
}

export async function measureMergeSyncs(units: number, per: number): Promise<MergeSyncs> {
  const fake = installFakeExcel(createWorkbook({ name: "Tổng hợp.xlsx", sheets: [{ name: "Sheet1", values: [["Sổ tổng hợp"]] }] }));
  try {
    const host = new ExcelWorkbookHost();
    const storage = memoryPlanStorage();
    const pane = createPaneServices(host, { storage });
    await pane.saveSettings(SETTINGS);
    const consolidation = createConsolidationServices(host, { pane, storage, yieldToUi: async () => undefined });
    for (let u = 0; u < units; u++) {
      const input: UnitSpecInput = { file: `don-vi-${u}.xlsx`, unit: `Đơn vị số ${u + 1}`, outbound: Array.from({ length: per }, (_, i) => trip(u * per + i)) };
      const unitHost = new MemoryHost(unitSpec(input).sheets.map(specToGrid), input.file);
      const sender = createConsolidationServices(unitHost, { pane: createPaneServices(unitHost, { storage }), storage });
      const { entry } = await sender.sendToMaster();
      await consolidation.includeSentPlan(entry.key);
    }
    fake.resetStats();
    const summary = await consolidation.merge();
    return { summary, runs: fake.stats.runs.map((run) => run.syncs), total: fake.stats.syncs, maxRequestBytes: fake.stats.maxRequestBytes };
  } finally {
    fake.uninstall();
  }
}
