/**
 * The task pane's services over the playground's workbook: the lead's createPaneServices on the xlsx
 * host, with settings kept in the browser's localStorage (in memory when the browser refuses it).
 */
import { createPaneServices, type SettingsStorage } from "../app/paneServices";
import type { PaneServices } from "../taskpane/services";
import type { XlsxWorkbookHost } from "../xlsx/XlsxWorkbookHost";

const PREFIX = "dplan.playground.";

export function browserStorage(): SettingsStorage {
  const memory = new Map<string, string>();
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

export function servicesFor(host: XlsxWorkbookHost, options: { locale: "vi" | "en"; startYear?: number; storage?: SettingsStorage }): PaneServices {
  const storage = withDefaultYear(options.storage ?? browserStorage(), options.startYear);
  return createPaneServices(host, { storage, defaultLocale: options.locale });
}
