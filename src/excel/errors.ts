/**
 * Errors of the Excel host: a code for programs, a Vietnamese (or English) message for people.
 * Office.js rejects with an OfficeExtension.Error whose `code` is one of Excel.ErrorCodes; the helpers
 * below recognise the few codes the host reacts to.
 */
import { format, stringsFor, type Locale } from "../i18n";

type ExcelStrings = ReturnType<typeof stringsFor>["excel"];
export type ExcelErrorKey = keyof ExcelStrings;

export class ExcelHostError extends Error {
  override readonly name = "ExcelHostError";
  constructor(
    readonly code: ExcelErrorKey,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** The `code` of an Office.js error, if it is one. */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string") {
    return (error as { code: string }).code;
  }
  return undefined;
}

/** Codes meaning "this request carried or asked for too much": split it and try again. */
const TOO_LARGE = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit", "OperationCellsExceedLimit"]);

export function isTooLarge(error: unknown): boolean {
  return TOO_LARGE.has(officeErrorCode(error) ?? "");
}

export function isItemNotFound(error: unknown): boolean {
  return officeErrorCode(error) === "ItemNotFound";
}

export function errorDetail(error: unknown, locale: Locale): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  return stringsFor(locale).excel.unknownError;
}

/** Builds an ExcelHostError from a message template of src/i18n/excel.ts. */
export function hostError(locale: Locale, key: ExcelErrorKey, values: Record<string, string | number> = {}, cause?: unknown): ExcelHostError {
  return new ExcelHostError(key, format(stringsFor(locale).excel[key], values), cause);
}

/** Wraps any failure of an operation into the operation's message; an ExcelHostError passes through. */
export function wrapFailure(error: unknown, locale: Locale, key: ExcelErrorKey, values: Record<string, string | number> = {}): ExcelHostError {
  if (error instanceof ExcelHostError) return error;
  return hostError(locale, key, { ...values, detail: errorDetail(error, locale) }, error);
}
