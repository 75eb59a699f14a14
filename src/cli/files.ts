/** What the CLI commands share about the files they read. */
import { WorkbookReadError } from "../xlsx/readWorkbook";

/** Why a file could not be read, in Vietnamese. */
export function describeReadError(error: unknown): string {
  if (error instanceof WorkbookReadError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return "không tìm thấy tệp.";
  if (code === "EISDIR") return "đây là thư mục, không phải tệp.";
  if (code === "EACCES" || code === "EPERM") return "không có quyền đọc tệp.";
  return error instanceof Error ? error.message : String(error);
}

/** The year the units' titles name (shared with the pane's consolidation). */
export { titleYear } from "../domain/merge/planYear";
