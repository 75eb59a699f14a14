/**
 * The ribbon's function commands. The manifest's "Kiểm tra" button (ExecuteFunction, FunctionName
 * "checkWorkbook") runs in the shared runtime: the callback given here (read → check → mark, written in
 * src/app) runs, then the task pane opens on the results, and `event.completed()` is called on every
 * path — Office shows the button as busy until it is ("Add-in commands", Learn: the function must call
 * event.completed()). A failure is kept as a message the pane shows
 * (`lastCommandError`, `onCommandError`), and the pane is opened so the user sees it.
 */
import { format, stringsFor, type Locale } from "../i18n";
import { ExcelHostError, errorDetail } from "./errors";

export const CHECK_WORKBOOK_FUNCTION = "checkWorkbook";

export interface RibbonHandlers {
  checkWorkbook: () => Promise<void>;
}

export interface RibbonOptions {
  locale?: Locale;
}

type Listener = (message: string | undefined) => void;

let lastError: string | undefined;
const listeners = new Set<Listener>();

/** The message of the last failed command, until the next command starts or the pane clears it. */
export function lastCommandError(): string | undefined {
  return lastError;
}

export function clearCommandError(): void {
  setCommandError(undefined);
}

/** Calls `listener` whenever the stored message changes; returns the unsubscribe function. */
export function onCommandError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setCommandError(message: string | undefined): void {
  lastError = message;
  for (const listener of listeners) listener(message);
}

export function commandErrorMessage(error: unknown, locale: Locale): string {
  if (error instanceof ExcelHostError) return error.message;
  return format(stringsFor(locale).excel.commandFailed, { detail: errorDetail(error, locale) });
}

/** Opens the task pane where the shared runtime allows it; never throws. */
export async function showTaskpane(): Promise<void> {
  try {
    if (typeof Office === "undefined" || typeof Office.addin?.showAsTaskpane !== "function") return;
    if (!Office.context?.requirements?.isSetSupported("SharedRuntime", "1.1")) return;
    await Office.addin.showAsTaskpane();
  } catch {
    // The pane stays closed; the user can open it from the ribbon.
  }
}

/**
 * The ribbon's "Tổng hợp" (ExecuteFunction "openConsolidation"): asks the pane for its consolidation tab
 * and opens the pane (Office.addin.showAsTaskpane, "Show or hide the task pane", Learn) — not the tab
 * that happened to be open last.
 */
export const OPEN_CONSOLIDATION_FUNCTION = "openConsolidation";

type TabListener = (tab: "consolidate") => void;
const tabListeners = new Set<TabListener>();
let requestedTab: "consolidate" | undefined;

/** The tab the ribbon asked for and the pane has not shown yet. */
export function pendingTabRequest(): "consolidate" | undefined {
  return requestedTab;
}

/** Calls `listener` when the ribbon asks for a tab; returns the unsubscribe function. */
export function onTabRequest(listener: TabListener): () => void {
  tabListeners.add(listener);
  return () => tabListeners.delete(listener);
}

/** Marks the request as shown. */
export function tabRequestShown(): void {
  requestedTab = undefined;
}

/** How long a command pressed before the add-in is ready waits for it. */
export const READY_TIMEOUT_MS = 30_000;

let handlers: RibbonHandlers | undefined;
let waiting: ((ready: RibbonHandlers) => void)[] = [];
let locale: Locale = "vi";

/** Hands the handlers to the commands associated at load; commands pressed before now run now. */
export function provideRibbonHandlers(ready: RibbonHandlers, options: RibbonOptions = {}): void {
  handlers = ready;
  locale = options.locale ?? locale;
  const queued = waiting;
  waiting = [];
  for (const resume of queued) resume(ready);
}

function whenReady(timeoutMs: number): Promise<RibbonHandlers> {
  if (handlers) return Promise.resolve(handlers);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting = waiting.filter((entry) => entry !== resume);
      reject(new Error(stringsFor(locale).excel.addinNotReady));
    }, timeoutMs);
    const resume = (ready: RibbonHandlers) => {
      clearTimeout(timer);
      resolve(ready);
    };
    waiting.push(resume);
  });
}

/**
 * Associates the manifest's function names, synchronously, as soon as the runtime's script loads:
 * associating later (after Office.onReady and the services) loses the first click (office-js #5176,
 * #3378). A click before the services are ready waits for provideRibbonHandlers (queued, at most
 * READY_TIMEOUT_MS). Every path calls `event.completed()`. Returns false where Office offers no
 * `Office.actions` (no shared runtime), in which case the buttons cannot run.
 */
export function associateRibbonCommands(options: { readyTimeoutMs?: number } = {}): boolean {
  if (typeof Office === "undefined" || typeof Office.actions?.associate !== "function") return false;
  const timeoutMs = options.readyTimeoutMs ?? READY_TIMEOUT_MS;
  Office.actions.associate(CHECK_WORKBOOK_FUNCTION, async (event?: Office.AddinCommands.Event) => {
    try {
      clearCommandError();
      const ready = await whenReady(timeoutMs);
      await ready.checkWorkbook();
    } catch (error) {
      setCommandError(commandErrorMessage(error, locale));
    } finally {
      await showTaskpane();
      event?.completed();
    }
  });
  Office.actions.associate(OPEN_CONSOLIDATION_FUNCTION, async (event?: Office.AddinCommands.Event) => {
    try {
      requestedTab = "consolidate";
      for (const listener of tabListeners) listener("consolidate");
      await showTaskpane();
    } finally {
      event?.completed();
    }
  });
  return true;
}

/** Associates the commands and hands them their handlers at once (tests, and hosts ready at load). */
export function registerRibbonCommands(ready: RibbonHandlers, options: RibbonOptions = {}): boolean {
  const associated = associateRibbonCommands();
  provideRibbonHandlers(ready, options);
  return associated;
}

/** Forgets the handlers (tests). */
export function resetRibbonForTests(): void {
  handlers = undefined;
  waiting = [];
  requestedTab = undefined;
  locale = "vi";
}
