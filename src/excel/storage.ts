/**
 * A small key-value store shared by the add-in's runtimes and open workbooks (for "send to master":
 * a unit's plan read in one workbook, picked up by the consolidation in another). JSON values.
 *
 * Backend, as Office recommends: OfficeRuntime.storage where the shared runtime offers it; otherwise
 * the browser's localStorage with keys prefixed by Office.context.partitionKey (browsers that partition
 * storage give each add-in context its own key; it is undefined where there is no partitioning).
 * Keys are namespaced so the add-in's other data in the same storage is never listed or touched.
 */

export interface KeyValueStorage {
  /** The stored value, or undefined when absent or unreadable (the stored text is left as it is). */
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /** The keys of this namespace, without the prefix, sorted. */
  keys(): Promise<string[]>;
}

/** The part of OfficeRuntime.storage used here (no @types package declares it). */
export interface OfficeRuntimeStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
  getKeys(): Promise<string[]>;
}

interface BackendGlobals {
  OfficeRuntime?: { storage?: OfficeRuntimeStorage };
  localStorage?: Storage;
  Office?: { context?: { partitionKey?: string } };
}

/** A storage over whatever this runtime offers; throws if it offers none. */
export function sharedStorage(namespace = "dplan"): KeyValueStorage {
  const globals = globalThis as unknown as BackendGlobals;
  const runtimeStorage = globals.OfficeRuntime?.storage;
  if (runtimeStorage) return storageOver(runtimeStorage, `${namespace}:`);
  if (globals.localStorage) {
    const partition = globals.Office?.context?.partitionKey ?? "";
    return storageOver(localStorageBackend(globals.localStorage), `${partition}${namespace}:`);
  }
  throw new Error("No storage is available in this runtime.");
}

function localStorageBackend(storage: Storage): OfficeRuntimeStorage {
  return {
    getItem: async (key) => storage.getItem(key),
    setItem: async (key, value) => storage.setItem(key, value),
    removeItem: async (key) => storage.removeItem(key),
    getKeys: async () => Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key): key is string => key !== null),
  };
}

export function storageOver(backend: OfficeRuntimeStorage, prefix: string): KeyValueStorage {
  return {
    async get<T>(key: string): Promise<T | undefined> {
      const text = await backend.getItem(prefix + key);
      if (text === null || text === undefined) return undefined;
      try {
        return JSON.parse(text) as T;
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      if (value === undefined) throw new TypeError("undefined cannot be stored; use remove()");
      await backend.setItem(prefix + key, JSON.stringify(value));
    },
    async remove(key) {
      await backend.removeItem(prefix + key);
    },
    async keys() {
      const all = await backend.getKeys();
      return all
        .filter((key) => key.startsWith(prefix))
        .map((key) => key.slice(prefix.length))
        .sort();
    },
  };
}

/** Settings kept in the workbook (Office.context.document.settings): the live check's toggle. */
export function documentSettingsStorage(): { get<T>(key: string): Promise<T | undefined>; set(key: string, value: unknown): Promise<void> } {
  const settings = () => Office.context.document.settings;
  return {
    async get<T>(name: string): Promise<T | undefined> {
      const value = settings().get(name) as T | null | undefined;
      return value === null ? undefined : value;
    },
    set(name: string, value: unknown): Promise<void> {
      settings().set(name, value);
      return new Promise<void>((resolve, reject) => {
        settings().saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Failed) reject(new Error(result.error?.message ?? "saveAsync failed"));
          else resolve();
        });
      });
    },
  };
}
