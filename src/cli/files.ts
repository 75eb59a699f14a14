/** What the CLI commands share about the files they read. */
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import type { PlanRead } from "../domain/templates/types";
import { WorkbookReadError } from "../xlsx/readWorkbook";

/** Thrown for a path that is not a regular file (a device like /dev/zero, a FIFO, a socket, a folder). */
export class NotRegularFileError extends Error {
  readonly code = "ENOTREGULAR";
}

/**
 * A file's bytes, refusing anything but a regular file up front: /dev/zero would be read forever, a FIFO
 * would block. Opened without blocking, checked on the open handle (no race between a check and the read).
 */
export async function readRegularFile(file: string): Promise<Uint8Array> {
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    if (!info.isFile()) throw new NotRegularFileError(file);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Why a file could not be read, in Vietnamese. */
export function describeReadError(error: unknown): string {
  if (error instanceof WorkbookReadError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return "không tìm thấy tệp.";
  if (code === "EISDIR") return "đây là thư mục, không phải tệp.";
  if (code === "ENOTREGULAR") return "không phải tệp thông thường (thiết bị, đường ống FIFO hay socket): không đọc.";
  if (code === "EACCES" || code === "EPERM") return "không có quyền đọc tệp.";
  return error instanceof Error ? error.message : String(error);
}

/** Sheets that may hold a plan but were not read (too large, broken, rows not parsed). */
export function unreadSheets(plan: PlanRead | undefined): { sheet: string; reason: string }[] {
  return (plan?.sheets ?? []).flatMap((s) => (!s.template && s.unreadable ? [{ sheet: s.sheet, reason: s.reason }] : []));
}

/** The year the units' titles name (shared with the pane's consolidation). */
export { titleYear } from "../domain/merge/planYear";
