/**
 * OfficeRuntime.storage with its documented quota. Source: "OfficeRuntime.Storage interface" (Learn,
 * https://learn.microsoft.com/javascript/api/office-runtime/officeruntime.storage): "Storage limit is
 * 10 MB per domain, which may be shared by multiple add-ins." Harsher reading: counted in UTF-16 (two
 * bytes a character, keys included, as browsers count localStorage), with room already taken by the
 * domain's other add-ins (`usedByOthers`); a write past the quota is refused with QuotaExceededError.
 */
import type { OfficeRuntimeStorage } from "../../../src/excel/storage";

export const STORAGE_QUOTA_BYTES = 10 * 1024 * 1024;

export function fakeRuntimeStorage(options: { usedByOthers?: number; quota?: number } = {}): OfficeRuntimeStorage & { data: Map<string, string>; usedBytes(): number } {
  const data = new Map<string, string>();
  const quota = options.quota ?? STORAGE_QUOTA_BYTES;
  const usedBytes = () => (options.usedByOthers ?? 0) + [...data].reduce((sum, [key, value]) => sum + 2 * (key.length + value.length), 0);
  return {
    data,
    usedBytes,
    getItem: async (key) => data.get(key) ?? null,
    setItem: async (key, value) => {
      const after = usedBytes() - 2 * (key.length + (data.get(key)?.length ?? 0)) + 2 * (key.length + value.length);
      if (after > quota) throw Object.assign(new Error("The quota has been exceeded."), { name: "QuotaExceededError" });
      data.set(key, value);
    },
    removeItem: async (key) => void data.delete(key),
    getKeys: async () => [...data.keys()],
  };
}
