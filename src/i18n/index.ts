/**
 * UI strings, Vietnamese first, English second. Every user-facing string of the pane, the shell,
 * the ribbon command and the playground lives in the dictionaries of this folder (one file per area,
 * each with `vi` and `en` having the same keys, enforced by the type below).
 * Domain messages (findings, parse errors) carry their own vi/en text from src/domain.
 */
import type { Locale } from "./define";
import { pane, ruleNames } from "./pane";
import { playground } from "./playground";
import { shell } from "./shell";
import { excel } from "./excel";
import { consolidation } from "./consolidation";
import { readErrors } from "./readErrors";

export type { Locale } from "./define";
export { readFailureText } from "./readErrors";

const areas = { shell, excel, pane, ruleNames, consolidation, playground, readErrors };

export type Strings = { [A in keyof typeof areas]: (typeof areas)[A]["vi"] };

export function stringsFor(locale: Locale): Strings {
  const result = {} as Record<string, Record<string, string>>;
  for (const [area, pair] of Object.entries(areas)) result[area] = pair[locale];
  return result as Strings;
}

/** A text alternative of a plural choice: words and "{name}" placeholders, no "|". */
const ALTERNATIVE = String.raw`[^|{}]*(?:\{\w+\}[^|{}]*)*`;
/** "{count|finding|findings}": the first text when `count` is 1, the second otherwise (English only: Vietnamese has no plural). */
const PLURAL = new RegExp(String.raw`\{(\w+)\|(${ALTERNATIVE})\|(${ALTERNATIVE})\}`, "g");

/** Fills "{name}" placeholders, after choosing "{count|one|other}" plural forms. */
export function format(template: string, values: Record<string, string | number>): string {
  return template
    .replace(PLURAL, (whole, key: string, one: string, other: string) => (key in values ? (Number(values[key]) === 1 ? one : other) : whole))
    .replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
