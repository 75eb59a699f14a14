import { sharedStorage, storageOver, type OfficeRuntimeStorage } from "../../src/excel/storage";

/** An in-memory OfficeRuntime.storage. */
function memoryBackend(initial: Record<string, string> = {}): OfficeRuntimeStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: async (key) => data.get(key) ?? null,
    setItem: async (key, value) => void data.set(key, value),
    removeItem: async (key) => void data.delete(key),
    getKeys: async () => [...data.keys()],
  };
}

/** A minimal window.localStorage. */
function memoryLocalStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, String(value)),
    removeItem: (key) => void data.delete(key),
    clear: () => data.clear(),
  };
}

const globals = globalThis as unknown as Record<string, unknown>;
const saved = { OfficeRuntime: globals.OfficeRuntime, localStorage: globals.localStorage, Office: globals.Office };
afterEach(() => Object.assign(globalThis, saved));

describe("shared storage", () => {
  it("round-trips JSON values and lists only its namespace's keys", async () => {
    const backend = memoryBackend({ "other:x": "1" });
    const storage = storageOver(backend, "dplan:");
    await storage.set("plan/So Ngoai vu", { unit: "Sở Ngoại vụ", rows: [[1, "Lào", null]] });
    await storage.set("count", 3);
    expect(await storage.get("plan/So Ngoai vu")).toEqual({ unit: "Sở Ngoại vụ", rows: [[1, "Lào", null]] });
    expect(await storage.get<number>("count")).toBe(3);
    expect(await storage.get("missing")).toBeUndefined();
    expect(await storage.keys()).toEqual(["count", "plan/So Ngoai vu"]);
    await storage.remove("count");
    expect(await storage.keys()).toEqual(["plan/So Ngoai vu"]);
    expect(backend.data.get("other:x")).toBe("1");
  });

  it("reads an unreadable value as absent without deleting it", async () => {
    const backend = memoryBackend({ "dplan:broken": "{not json" });
    const storage = storageOver(backend, "dplan:");
    expect(await storage.get("broken")).toBeUndefined();
    expect(backend.data.get("dplan:broken")).toBe("{not json");
  });

  it("refuses undefined (use remove)", async () => {
    await expect(storageOver(memoryBackend(), "p:").set("k", undefined)).rejects.toThrow(TypeError);
  });

  it("prefers OfficeRuntime.storage", async () => {
    const backend = memoryBackend();
    Object.assign(globalThis, { OfficeRuntime: { storage: backend }, localStorage: memoryLocalStorage() });
    await sharedStorage().set("k", "v");
    expect(backend.data.get("dplan:k")).toBe('"v"');
  });

  it("falls back to localStorage keyed with Office's partition key", async () => {
    const local = memoryLocalStorage();
    Object.assign(globalThis, { OfficeRuntime: undefined, localStorage: local, Office: { context: { partitionKey: "part-42/" } } });
    const storage = sharedStorage("dplan");
    await storage.set("k", [1, 2]);
    expect(local.getItem("part-42/dplan:k")).toBe("[1,2]");
    expect(await storage.keys()).toEqual(["k"]);

    Object.assign(globalThis, { Office: { context: {} } });
    await sharedStorage("dplan").set("k", 1);
    expect(local.getItem("dplan:k")).toBe("1");
  });

  it("says so when the runtime has no storage at all", () => {
    Object.assign(globalThis, { OfficeRuntime: undefined, localStorage: undefined });
    expect(() => sharedStorage()).toThrow("No storage");
  });
});
