/**
 * Where the task pane is running: in an Excel recent enough for the add-in, in an Excel too old for
 * it, or outside Office (a plain browser, or office.js failed to load). The shell decides what to show
 * from this alone; nothing else of the shell touches Office.*.
 */

/** The minimum API set (Office 2021, Microsoft 365, Excel on the web). Mirrors manifest.xml. */
export const REQUIRED_API_SET = { name: "ExcelApi", version: "1.9" } as const;

export type HostEnvironment =
  | { kind: "excel"; apiOk: true }
  | {
      kind: "excel-too-old";
      /** The requirement that is missing, e.g. "ExcelApi 1.9". */
      needed: string;
      /** api-set: Excel lacks the API set; webview: Excel runs the pane in Internet Explorer or legacy Edge. */
      reason: "api-set" | "webview";
    }
  | {
      kind: "no-office";
      /** office-js-missing: the script did not load; no-host: not inside Excel; timeout: Office never answered. */
      reason: "office-js-missing" | "no-host" | "timeout";
    };

/** The part of the Office global this module uses (so tests can pass a fake). */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  readonly HostType: { readonly Excel: unknown };
  readonly context: { readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean } };
}

export interface DetectOptions {
  /** The Office global; by default the one office.js defines (absent when the script failed to load). */
  office?: OfficeLike;
  /** How long Office.onReady may take before the page is treated as not running in Office. */
  timeoutMs?: number;
  userAgent?: string;
}

/** Long enough for a slow Excel start; onReady answers at once (host null) in a plain browser. */
export const DEFAULT_READY_TIMEOUT_MS = 10_000;

/** Internet Explorer (Trident) and EdgeHTML ("Edge/"; Chromium Edge says "Edg/") webviews. */
export function isLegacyWebview(userAgent: string): boolean {
  return /Trident\/|MSIE /.test(userAgent) || /\bEdge\/\d/.test(userAgent);
}

function globalOffice(): OfficeLike | undefined {
  return typeof Office === "undefined" ? undefined : Office;
}

export async function detectHost(options: DetectOptions = {}): Promise<HostEnvironment> {
  const office = "office" in options ? options.office : globalOffice();
  if (!office) return { kind: "no-office", reason: "office-js-missing" };

  const timeoutMs = options.timeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  let info: { host: unknown } | "timeout";
  try {
    info = await Promise.race([office.onReady(), timedOut]);
  } catch {
    info = { host: null };
  } finally {
    clearTimeout(timer);
  }
  if (info === "timeout") return { kind: "no-office", reason: "timeout" };
  if (info.host !== office.HostType.Excel) return { kind: "no-office", reason: "no-host" };

  const needed = `${REQUIRED_API_SET.name} ${REQUIRED_API_SET.version}`;
  const userAgent = options.userAgent ?? (typeof navigator === "undefined" ? "" : navigator.userAgent);
  if (isLegacyWebview(userAgent)) return { kind: "excel-too-old", needed, reason: "webview" };
  let supported = false;
  try {
    supported = office.context.requirements.isSetSupported(REQUIRED_API_SET.name, REQUIRED_API_SET.version);
  } catch {
    // Very old hosts have no requirements object at all: that is "too old" too.
  }
  if (!supported) return { kind: "excel-too-old", needed, reason: "api-set" };
  return { kind: "excel", apiOk: true };
}

/** "vi" unless Office's display language is not Vietnamese (then English, the second locale). */
export function officeDisplayLocale(): "vi" | "en" {
  const language = typeof Office === "undefined" ? undefined : Office.context?.displayLanguage;
  return !language || language.toLowerCase().startsWith("vi") ? "vi" : "en";
}
