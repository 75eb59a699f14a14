/** What the CLI commands share about the files they read. */
import type { PlanRead } from "../domain/templates/types";
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

/** The year most recognised sheets name in their title ("KẾ HOẠCH ĐOÀN RA NĂM 2026"); the later one on a tie. */
export function titleYear(plans: readonly (PlanRead | undefined)[]): number | undefined {
  const counts = new Map<number, number>();
  for (const sheet of plans.flatMap((plan) => plan?.sheets ?? [])) {
    if (sheet.template && sheet.titleYear !== undefined) counts.set(sheet.titleYear, (counts.get(sheet.titleYear) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}
