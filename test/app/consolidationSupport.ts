/** Shared by the consolidation tests: unit files as real .xlsx bytes, an in-memory shared storage, services. */
import { createConsolidationServices } from "../../src/app/consolidation";
import { createPaneServices, type AppServices } from "../../src/app/paneServices";
import type { PlanStorage } from "../../src/app/sentPlans";
import type { CheckSettings } from "../../src/domain/settings";
import type { UnitFileInput } from "../../src/taskpane/consolidationServices";
import type { WorkbookHost } from "../../src/workbook/types";
import { buildXlsx } from "../fixtures/generate";
import { unitSpec, type UnitSpecInput } from "../domain/merge/units";

export const SETTINGS: CheckSettings = { profileId: "hai-phong", year: 2025, locale: "vi" };

/** The add-in's shared storage in memory: values go through JSON, as in localStorage. */
export function memoryPlanStorage(): PlanStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: async <T,>(key: string) => (data.has(key) ? (JSON.parse(data.get(key)!) as T) : undefined),
    set: async (key, value) => void data.set(key, JSON.stringify(value)),
    remove: async (key) => void data.delete(key),
    keys: async () => [...data.keys()].sort(),
  };
}

export async function unitBytes(input: UnitSpecInput): Promise<Uint8Array> {
  return new Uint8Array(await buildXlsx(unitSpec(input)));
}

export async function unitFile(input: UnitSpecInput): Promise<UnitFileInput> {
  return { name: input.file, data: await unitBytes(input) };
}

export interface Wired {
  pane: AppServices;
  consolidation: ReturnType<typeof createConsolidationServices>;
  storage: PlanStorage & { data: Map<string, string> };
}

/** The pane's services and the consolidation over one host, sharing a storage; settings saved first. */
export async function wire(host: WorkbookHost, storage = memoryPlanStorage(), now = () => new Date("2025-11-20T03:04:05.000Z")): Promise<Wired> {
  const pane = createPaneServices(host, { storage, now });
  await pane.saveSettings(SETTINGS);
  const consolidation = createConsolidationServices(host, { pane, storage, now, yieldToUi: async () => undefined });
  return { pane, consolidation, storage };
}
