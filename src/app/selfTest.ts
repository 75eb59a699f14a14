/**
 * "Tự kiểm tra": runs every capability the add-in relies on against a temporary sheet of the open
 * workbook (created first, removed last; the user's sheets are not touched) and reports, per capability,
 * pass / fail / not applicable, the time taken and the error code — with the platform, its version and
 * the requirement sets supported. The host decides what each capability does (src/excel/selfTest.ts in
 * Excel, src/playground/selfTest.ts in the browser preview); this module times, collects and formats.
 */

export type CapabilityId =
  | "readValues"
  | "mergedAreas"
  | "conditionalFormat"
  | "notes"
  | "listValidation"
  | "undoGroup"
  | "documentSettings"
  | "sharedStorage"
  | "selectCell"
  | "insertRow";

export const CAPABILITY_ORDER: CapabilityId[] = [
  "readValues",
  "mergedAreas",
  "conditionalFormat",
  "notes",
  "listValidation",
  "undoGroup",
  "documentSettings",
  "sharedStorage",
  "selectCell",
  "insertRow",
];

export interface SelfTestEnvironment {
  /** "Excel · PC", "Excel · Mac", "Excel · OfficeOnline", "Trình xem thử (playground)". */
  platform: string;
  version: string;
  /** e.g. ["ExcelApi 1.9", …, "ExcelApi 1.20", "SharedRuntime 1.1"]. */
  requirementSets: string[];
}

/** Why a capability does not run here: the browser preview has no Excel, or this Excel lacks a requirement set. */
export type Unavailable = { excelOnly: true } | { requirementSet: string };

/** One capability as the host runs it: throws on failure; `unavailable` says why it does not run here. */
export interface SelfTestCapability {
  id: CapabilityId;
  run?: (sheet: string) => Promise<void>;
  unavailable?: Unavailable;
}

export interface SelfTestTarget {
  environment(): Promise<SelfTestEnvironment>;
  /** Creates the temporary sheet and returns its name. */
  createSheet(): Promise<string>;
  /** Removes it (and anything else the run created); must not throw for a sheet already gone. */
  removeSheet(sheet: string): Promise<void>;
  capabilities(): SelfTestCapability[];
}

export type CapabilityStatus = "pass" | "fail" | "na";

export interface CapabilityResult {
  id: CapabilityId;
  status: CapabilityStatus;
  ms: number;
  /** The error's code (Office.js `code`, else its name) and message when failing. */
  code?: string;
  detail?: string;
  /** Why it did not run (status "na"). */
  unavailable?: Unavailable;
}

export interface SelfTestReport {
  environment: SelfTestEnvironment;
  startedAt: string;
  results: CapabilityResult[];
  /** The temporary sheet could not be created or removed. */
  setupError?: CapabilityResult;
}

/** A failed check inside a capability: the code says which expectation failed. */
export class SelfTestMismatch extends Error {
  readonly code = "Mismatch";
  constructor(message: string) {
    super(message);
    this.name = "SelfTestMismatch";
  }
}

/** Throws a SelfTestMismatch when `actual` differs from `expected` (compared as JSON). */
export function expectSame(what: string, actual: unknown, expected: unknown): void {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new SelfTestMismatch(`${what}: ${a} ≠ ${b}`);
}

function codeOf(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const { code, name } = error as { code?: unknown; name?: unknown };
    if (typeof code === "string" && code) return code;
    if (typeof name === "string" && name) return name;
  }
  return "Error";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runSelfTest(target: SelfTestTarget, now: () => number = () => performance.now(), clock: () => Date = () => new Date()): Promise<SelfTestReport> {
  const startedAt = clock().toISOString();
  const environment = await target.environment();
  const report: SelfTestReport = { environment, startedAt, results: [] };
  const byId = new Map(target.capabilities().map((capability) => [capability.id, capability]));
  let sheet: string;
  const setupStart = now();
  try {
    sheet = await target.createSheet();
  } catch (error) {
    report.setupError = { id: "readValues", status: "fail", ms: Math.round(now() - setupStart), code: codeOf(error), detail: messageOf(error) };
    return report;
  }
  try {
    for (const id of CAPABILITY_ORDER) {
      const capability = byId.get(id);
      if (!capability?.run) {
        report.results.push({ id, status: "na", ms: 0, unavailable: capability?.unavailable ?? { excelOnly: true } });
        continue;
      }
      const start = now();
      try {
        await capability.run(sheet);
        report.results.push({ id, status: "pass", ms: Math.round(now() - start) });
      } catch (error) {
        report.results.push({ id, status: "fail", ms: Math.round(now() - start), code: codeOf(error), detail: messageOf(error) });
      }
    }
  } finally {
    const removeStart = now();
    try {
      await target.removeSheet(sheet);
    } catch (error) {
      report.setupError = { id: "readValues", status: "fail", ms: Math.round(now() - removeStart), code: codeOf(error), detail: messageOf(error) };
    }
  }
  return report;
}

export interface SelfTestLabels {
  locale: "vi" | "en";
  title: string;
  platform: string;
  version: string;
  requirementSets: string;
  capability: string;
  result: string;
  time: string;
  errorCode: string;
  pass: string;
  fail: string;
  /** Said instead of a result when the capability did not run here ("Chỉ chạy trong Excel"). */
  excelOnly: string;
  /** "{set}": this Excel lacks the requirement set. */
  needsSet: string;
  setupFailed: string;
  names: Record<CapabilityId, string>;
}

/** The result as the officer reads it: passed, failed, or why it did not run here. */
export function resultText(result: CapabilityResult, labels: SelfTestLabels): string {
  if (result.status === "pass") return labels.pass;
  if (result.status === "fail") return labels.fail;
  const why = result.unavailable ?? { excelOnly: true };
  return "requirementSet" in why ? labels.needsSet.replace("{set}", why.requirementSet) : labels.excelOnly;
}

/**
 * A moment in the computer's own time (or `timeZone`), as Vietnamese write it: "03:43:05 ngày 06/12/2026
 * (UTC+7)". The offset is read off the wall clock, so no newer Intl option is needed.
 */
export function localTime(iso: string, locale: "vi" | "en", timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const clock = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => clock.find((entry) => entry.type === type)?.value ?? "";
  const wall = Date.UTC(Number(part("year")), Number(part("month")) - 1, Number(part("day")), Number(part("hour")), Number(part("minute")), Number(part("second")));
  const offset = Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const minutes = Math.abs(offset) % 60;
  const zone = `UTC${offset < 0 ? "-" : "+"}${Math.floor(Math.abs(offset) / 60)}${minutes === 0 ? "" : `:${String(minutes).padStart(2, "0")}`}`;
  const time = `${part("hour")}:${part("minute")}:${part("second")}`;
  const day = `${part("day")}/${part("month")}/${part("year")}`;
  return locale === "vi" ? `${time} ngày ${day} (${zone})` : `${day} ${time} (${zone})`;
}

/** The report as plain text (the "Sao chép kết quả" button): for the IT officer, or for the add-in's makers. */
export function selfTestText(report: SelfTestReport, labels: SelfTestLabels): string {
  const lines = [
    `${labels.title} — ${localTime(report.startedAt, labels.locale)}`,
    `${labels.platform}: ${report.environment.platform}`,
    `${labels.version}: ${report.environment.version}`,
    `${labels.requirementSets}: ${report.environment.requirementSets.join(", ") || "—"}`,
    "",
    `${labels.capability} | ${labels.result} | ${labels.time} | ${labels.errorCode}`,
  ];
  for (const result of report.results) {
    const code = result.status === "fail" ? `${result.code ?? ""}${result.detail ? ` (${result.detail})` : ""}` : "";
    lines.push(`${labels.names[result.id]} | ${resultText(result, labels)} | ${result.status === "na" ? "" : `${result.ms} ms`} | ${code}`.trimEnd());
  }
  if (report.setupError) lines.push("", `${labels.setupFailed}: ${report.setupError.code ?? ""} (${report.setupError.detail ?? ""})`);
  return lines.join("\n");
}
