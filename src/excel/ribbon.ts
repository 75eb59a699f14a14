/**
 * The ribbon's function commands. The manifest's "Kiểm tra" button (ExecuteFunction, FunctionName
 * "checkWorkbook") runs in the shared runtime: the callback given here (read → check → mark, written in
 * src/app) runs, then the task pane opens on the results, and `event.completed()` is called on every
 * path — Office shows the button as busy until it is. A failure is kept as a message the pane shows
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
 * Associates the manifest's function names with their handlers. Returns false where Office offers no
 * `Office.actions` (no shared runtime), in which case the button cannot run.
 */
export function registerRibbonCommands(handlers: RibbonHandlers, options: RibbonOptions = {}): boolean {
  if (typeof Office === "undefined" || typeof Office.actions?.associate !== "function") return false;
  const locale = options.locale ?? "vi";
  Office.actions.associate(CHECK_WORKBOOK_FUNCTION, async (event?: Office.AddinCommands.Event) => {
    try {
      clearCommandError();
      await handlers.checkWorkbook();
    } catch (error) {
      setCommandError(commandErrorMessage(error, locale));
    } finally {
      await showTaskpane();
      event?.completed();
    }
  });
  return true;
}
