/**
 * The task pane's services over the playground's workbook: the app's pane and consolidation services on
 * the xlsx host, with settings and plans sent between workbooks kept in the browser's localStorage (in
 * memory when the browser refuses it), shared by every workbook opened in the page as Excel's shared
 * storage is shared by the workbooks of one machine.
 */
import { createConsolidationServices } from "../app/consolidation";
import { createPaneServices, type AppServices, type SettingsStorage } from "../app/paneServices";
import type { PlanStorage } from "../app/sentPlans";
import type { ConsolidationServices } from "../taskpane/consolidationServices";
import type { XlsxWorkbookHost } from "../xlsx/XlsxWorkbookHost";
import { playgroundSelfTest } from "./selfTest";

const PREFIX = "dplan.playground.";

/** One storage for the whole page: the in-memory copy outlives the workbooks opened one after another. */
const memory = new Map<string, string>();

export function browserStorage(): PlanStorage {
  const store = (): Storage | undefined => {
    try {
      return globalThis.localStorage;
    } catch {
      return undefined;
    }
  };
  return {
    async get<T>(key: string): Promise<T | undefined> {
      let text: string | null | undefined = memory.get(key);
      try {
        text = store()?.getItem(PREFIX + key) ?? text;
      } catch {
        // Private windows and blocked storage: the in-memory copy is used.
      }
      if (text === undefined || text === null) return undefined;
      try {
        return JSON.parse(text) as T;
      } catch {
        return undefined;
      }
    },
    async set(key: string, value: unknown): Promise<void> {
      const text = JSON.stringify(value);
      memory.set(key, text);
      try {
        store()?.setItem(PREFIX + key, text);
      } catch {
        // As above.
      }
    },
    async remove(key: string): Promise<void> {
      memory.delete(key);
      try {
        store()?.removeItem(PREFIX + key);
      } catch {
        // As above.
      }
    },
    async keys(): Promise<string[]> {
      const keys = new Set(memory.keys());
      try {
        const local = store();
        for (let i = 0; local && i < local.length; i++) {
          const key = local.key(i);
          if (key?.startsWith(PREFIX)) keys.add(key.slice(PREFIX.length));
        }
      } catch {
        // As above.
      }
      return [...keys];
    },
  };
}

/**
 * Settings start with `startYear` as the plan year when none were saved (the bundled sample is a plan
 * for its own year, whatever today's date).
 */
export function withDefaultYear(storage: SettingsStorage, startYear: number | undefined): SettingsStorage {
  if (startYear === undefined) return storage;
  return {
    async get<T>(key: string): Promise<T | undefined> {
      const saved = await storage.get<T>(key);
      if (key !== "settings" || saved !== undefined) return saved;
      return { year: startYear } as T;
    },
    set: (key, value) => storage.set(key, value),
  };
}

export interface PlaygroundServices {
  pane: AppServices;
  consolidation: ConsolidationServices;
}

export function servicesFor(host: XlsxWorkbookHost, options: { locale: "vi" | "en"; startYear?: number; storage?: PlanStorage }): PlaygroundServices {
  const storage = options.storage ?? browserStorage();
  const pane = createPaneServices(host, {
    storage: withDefaultYear(storage, options.startYear),
    defaultLocale: options.locale,
    selfTest: playgroundSelfTest(host, storage, options.locale),
  });
  return { pane, consolidation: createConsolidationServices(host, { pane, storage }) };
}
