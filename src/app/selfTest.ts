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

/** One capability as the host runs it: throws on failure; `unavailable` says why it does not apply here. */
export interface SelfTestCapability {
  id: CapabilityId;
  run?: (sheet: string) => Promise<void>;
  unavailable?: string;
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
  /** The error's code (Office.js `code`, else its name) when failing; why, when not applicable. */
  code?: string;
  detail?: string;
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
        report.results.push({ id, status: "na", ms: 0, detail: capability?.unavailable ?? "" });
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
  na: string;
  setupFailed: string;
  names: Record<CapabilityId, string>;
}

/** The report as plain text (the "Sao chép kết quả" button): for the IT officer, or for the add-in's makers. */
export function selfTestText(report: SelfTestReport, labels: SelfTestLabels): string {
  const status = { pass: labels.pass, fail: labels.fail, na: labels.na };
  const lines = [
    `${labels.title} — ${report.startedAt}`,
    `${labels.platform}: ${report.environment.platform}`,
    `${labels.version}: ${report.environment.version}`,
    `${labels.requirementSets}: ${report.environment.requirementSets.join(", ") || "—"}`,
    "",
    `${labels.capability} | ${labels.result} | ${labels.time} | ${labels.errorCode}`,
  ];
  for (const result of report.results) {
    const code = result.status === "fail" ? `${result.code ?? ""}${result.detail ? ` (${result.detail})` : ""}` : result.status === "na" ? (result.detail ?? "") : "";
    lines.push(`${labels.names[result.id]} | ${status[result.status]} | ${result.status === "na" ? "" : `${result.ms} ms`} | ${code}`.trimEnd());
  }
  if (report.setupError) lines.push("", `${labels.setupFailed}: ${report.setupError.code ?? ""} (${report.setupError.detail ?? ""})`);
  return lines.join("\n");
}
