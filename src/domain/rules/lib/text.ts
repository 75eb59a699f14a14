/** Small text helpers rules share (on top of ../../text). */
import type { Delegation, FieldId } from "../../model";
import { fold } from "../../text";
import { memoizeText } from "./memo";

/**
 * fold(), memoised for short texts (units, roles, countries, compositions repeat from row to row). Longer
 * ones (purposes, names) are mostly one per row: folding them again costs less than keeping them.
 */
export function foldCached(text: string): string {
  return text.length > SHORT_TEXT ? fold(text) : foldShort(text);
}

const SHORT_TEXT = 40;
const foldShort = memoizeText(fold, 50_000);

/** Empty, or only placeholder marks people type into empty cells ("-", "…", "/"). */
export function isBlank(text: string | undefined): boolean {
  return text === undefined || /^[\s\u00a0\-–—.…_/\\]*$/.test(text);
}

/** The text of a field as written on the row, when not blank. */
export function rawText(delegation: Delegation, field: FieldId): string | undefined {
  const text = delegation.raw[field];
  return isBlank(text) ? undefined : text;
}

/** Folded words of a text. */
export function words(text: string | undefined): string[] {
  if (!text) return [];
  const folded = foldCached(text);
  return folded === "" ? [] : folded.split(" ");
}

/** True when the folded text contains the folded phrase as whole words. */
export function hasPhrase(folded: string, phrase: string): boolean {
  return ` ${folded} `.includes(` ${phrase} `);
}

/** The first of the phrases found as whole words in the folded text. */
export function findPhrase(folded: string, phrases: readonly string[]): string | undefined {
  const padded = ` ${folded} `;
  return phrases.find((phrase) => padded.includes(` ${phrase} `));
}

/** A field's text: as written on the row, else the parsed value when it is text. */
export function fieldText(delegation: Delegation, field: FieldId): string | undefined {
  const written = rawText(delegation, field);
  if (written !== undefined) return written;
  if (field === "funding") return delegation.funding?.raw;
  if (field === "leader") return delegation.leaderName;
  if (field === "leaderRole") return delegation.leaderRole?.raw;
  const value = (delegation as unknown as Record<string, unknown>)[field];
  return typeof value === "string" && !isBlank(value) ? value : undefined;
}
