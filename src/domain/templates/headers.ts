/**
 * Fuzzy matching of column headers to template fields. Everything is compared after fold()
 * ("Nguồn KP" → "nguon kp"), so diacritics, case and punctuation never matter.
 *
 * Score of a header cell against one variant (the best variant of a field wins):
 *   1.0          same text (also ignoring spaces: "Số TT" = "SốTT")
 *   0.6 .. 0.9   the variant appears inside the header as whole words ("Số lượng (người)" ⊃ "số lượng"),
 *                more when it covers more of the header
 *   0.4 .. 0.8   two or more words in common, scaled by the share of words in common
 * Abbreviations and one-word variants ("SL", "TĐ", "Xã", "Đoàn") only match the whole header:
 * inside a longer header they mean nothing ("sl" is in no word, "doan" is in many headers).
 */
import type { FieldId, PlanKind } from "../model";
import { fold, foldCompact } from "../text";
import { TEMPLATES, type FieldDefinition } from "./definitions";

/** A header cell must score at least this against a field to be mapped to it. */
export const MIN_HEADER_SCORE = 0.5;
/** A header cell counts as a kind signal at or above this score. */
const MIN_SIGNAL_SCORE = 0.7;

/** Words too common to count as overlap ("và", "của" …). */
const STOP_WORDS = new Set(["va", "cua", "cac", "hoac", "theo", "cho"]);

/** A text prepared once for comparison. */
export interface FoldedText {
  compact: string;
  /** Significant words joined by single spaces. */
  words: string;
  tokens: string[];
}

interface FoldedCell extends FoldedText {
  /** ` ${words} `, for whole-word containment. */
  padded: string;
  tokenSet: Set<string>;
}

interface CompiledVariant extends FoldedText {
  exactOnly: boolean;
  tokenSet: Set<string>;
}

interface CompiledField {
  id: FieldId;
  variants: CompiledVariant[];
}

/** A kind's fields, indexed so a header is scored only against fields it shares a word with. */
interface KindIndex {
  fields: CompiledField[];
  /** Exact forms (compact and word forms) → field positions. */
  byExact: Map<string, number[]>;
  /** Words of the variants that may match inside longer headers → field positions. */
  byToken: Map<string, number[]>;
  /** Scores already computed for a header text. */
  cache: Map<string, { field: FieldId; score: number }[]>;
}

export interface HeaderCell {
  column: number;
  text: string;
}

export interface ColumnMapping {
  /** Sheet column of each mapped field. */
  columns: Partial<Record<FieldId, number>>;
  /** Header text of each mapped field. */
  headers: Partial<Record<FieldId, string>>;
  /** Score of each mapped field (0.5 .. 1). */
  scores: Partial<Record<FieldId, number>>;
  /** Header cells that map to no field, in column order. */
  extraColumns: { column: number; header: string }[];
}

export function foldText(text: string): FoldedText {
  const tokens = fold(text)
    .split(" ")
    .filter((t) => t.length > 0 && !STOP_WORDS.has(t));
  return { compact: foldCompact(text), words: tokens.join(" "), tokens };
}

function foldCell(text: string): FoldedCell {
  const folded = foldText(text);
  return { ...folded, padded: ` ${folded.words} `, tokenSet: new Set(folded.tokens) };
}

function compileVariant(text: string, abbreviation: boolean): CompiledVariant {
  const folded = foldText(text);
  return { ...folded, exactOnly: abbreviation || folded.tokens.length <= 1, tokenSet: new Set(folded.tokens) };
}

/** How well a header matches one variant, 0 .. 1. */
function scoreFolded(cell: FoldedCell, compact: string, variant: CompiledVariant): number {
  if (compact.length === 0) return 0;
  if (compact === variant.compact || (cell.words.length > 0 && cell.words === variant.words)) return 1;
  if (variant.exactOnly || cell.tokens.length === 0) return 0;
  if (cell.padded.includes(` ${variant.words} `)) {
    return 0.6 + (0.3 * variant.tokens.length) / cell.tokens.length;
  }
  let common = 0;
  for (const token of variant.tokenSet) if (cell.tokenSet.has(token)) common++;
  if (common < 2) return 0;
  return (0.8 * common) / Math.max(cell.tokenSet.size, variant.tokenSet.size);
}

const kindIndexes = new Map<PlanKind, KindIndex>();
const compiledSignals = new Map<PlanKind, CompiledVariant[]>();
/** Bound on cached header texts per kind (a sheet of random text must not grow it forever). */
const MAX_CACHED_HEADERS = 20000;

function compileField(field: FieldDefinition): CompiledField {
  return {
    id: field.id,
    variants: [field.title, ...field.variants].map((v) => compileVariant(v, false)).concat((field.abbreviations ?? []).map((a) => compileVariant(a, true))),
  };
}

function indexOf(kind: PlanKind): KindIndex {
  let index = kindIndexes.get(kind);
  if (!index) {
    const fields = TEMPLATES[kind].fields.map(compileField);
    const byExact = new Map<string, number[]>();
    const byToken = new Map<string, number[]>();
    const add = (map: Map<string, number[]>, key: string, position: number) => {
      const list = map.get(key);
      if (!list) map.set(key, [position]);
      else if (!list.includes(position)) list.push(position);
    };
    fields.forEach((field, position) => {
      for (const variant of field.variants) {
        add(byExact, variant.compact, position);
        add(byExact, variant.words, position);
        if (!variant.exactOnly) for (const token of variant.tokens) add(byToken, token, position);
      }
    });
    index = { fields, byExact, byToken, cache: new Map() };
    kindIndexes.set(kind, index);
  }
  return index;
}

function fieldsOf(kind: PlanKind): CompiledField[] {
  return indexOf(kind).fields;
}

function signalsOf(kind: PlanKind): CompiledVariant[] {
  let signals = compiledSignals.get(kind);
  if (!signals) {
    signals = TEMPLATES[kind].signals.headers.map((s) => compileVariant(s, false));
    compiledSignals.set(kind, signals);
  }
  return signals;
}

function bestScore(cell: FoldedCell, variants: CompiledVariant[]): number {
  let best = 0;
  for (const variant of variants) {
    const score = scoreFolded(cell, cell.compact, variant);
    if (score > best) best = score;
    if (best === 1) break;
  }
  return best;
}

/** Every field of the kind this header could be, with its score, best first (a shared, cached array: do not modify). */
export function scoreHeader(text: string, kind: PlanKind): { field: FieldId; score: number }[] {
  const index = indexOf(kind);
  const cached = index.cache.get(text);
  if (cached) return cached;
  const cell = foldCell(text);
  const candidates = new Set<number>([...(index.byExact.get(cell.compact) ?? []), ...(index.byExact.get(cell.words) ?? [])]);
  for (const token of cell.tokenSet) for (const position of index.byToken.get(token) ?? []) candidates.add(position);
  const result: { field: FieldId; score: number }[] = [];
  for (const position of [...candidates].sort((a, b) => a - b)) {
    const field = index.fields[position];
    const score = bestScore(cell, field.variants);
    if (score >= MIN_HEADER_SCORE) result.push({ field: field.id, score });
  }
  result.sort((a, b) => b.score - a.score);
  if (index.cache.size >= MAX_CACHED_HEADERS) index.cache.clear();
  index.cache.set(text, result);
  return result;
}

let exactHeaderTexts: Set<string> | undefined;
/** Whether some header variant holds a digit: when none does, a text with a digit (most data cells) is no header. */
let exactHeaderHasDigit = true;
const exactTextCache = new Map<string, boolean>();

/** True when the text is exactly a header variant of some field (cheap test for repeated header rows). */
export function isExactHeaderText(text: string): boolean {
  if (!exactHeaderTexts) {
    exactHeaderTexts = new Set();
    for (const kind of Object.keys(TEMPLATES) as PlanKind[]) for (const field of fieldsOf(kind)) for (const v of field.variants) exactHeaderTexts.add(v.compact);
    exactHeaderHasDigit = [...exactHeaderTexts].some((compact) => /[0-9]/.test(compact));
  }
  if (text.length > 60) return false;
  // fold() keeps ASCII digits, so the text's compact form would hold one too.
  if (!exactHeaderHasDigit && /[0-9]/.test(text)) return false;
  let known = exactTextCache.get(text);
  if (known === undefined) {
    known = exactHeaderTexts.has(foldCompact(text));
    if (exactTextCache.size >= MAX_CACHED_HEADERS) exactTextCache.clear();
    exactTextCache.set(text, known);
  }
  return known;
}

/** True when the header names a field of any kind (used to read two-row headers). */
export function isFieldHeader(text: string): boolean {
  return (Object.keys(TEMPLATES) as PlanKind[]).some((kind) => scoreHeader(text, kind).length > 0);
}

/**
 * Maps header cells to the kind's fields: each column to at most one field and each field to at
 * most one column, the best-scoring pairs first (ties: leftmost column, then canonical field order).
 */
export function matchColumns(cells: HeaderCell[], kind: PlanKind): ColumnMapping {
  const fieldOrder = new Map(fieldsOf(kind).map((f, i) => [f.id, i]));
  const candidates: { column: number; text: string; field: FieldId; score: number }[] = [];
  for (const cell of cells) {
    for (const { field, score } of scoreHeader(cell.text, kind)) candidates.push({ column: cell.column, text: cell.text, field, score });
  }
  candidates.sort((a, b) => b.score - a.score || a.column - b.column || (fieldOrder.get(a.field) ?? 0) - (fieldOrder.get(b.field) ?? 0));

  const mapping: ColumnMapping = { columns: {}, headers: {}, scores: {}, extraColumns: [] };
  const usedColumns = new Set<number>();
  for (const candidate of candidates) {
    if (usedColumns.has(candidate.column) || mapping.columns[candidate.field] !== undefined) continue;
    usedColumns.add(candidate.column);
    mapping.columns[candidate.field] = candidate.column;
    mapping.headers[candidate.field] = candidate.text;
    mapping.scores[candidate.field] = candidate.score;
  }
  for (const cell of cells) {
    if (!usedColumns.has(cell.column)) mapping.extraColumns.push({ column: cell.column, header: cell.text });
  }
  mapping.extraColumns.sort((a, b) => a.column - b.column);
  return mapping;
}

/** How many header cells point to this kind (each cell counts once). */
export function countHeaderSignals(cells: HeaderCell[], kind: PlanKind): number {
  const signals = signalsOf(kind);
  let count = 0;
  for (const cell of cells) if (bestScore(foldCell(cell.text), signals) >= MIN_SIGNAL_SCORE) count++;
  return count;
}

/** How many of the kind's title phrases appear (as whole words) in this text. */
export function countTitleSignals(text: string, kind: PlanKind): number {
  const words = ` ${fold(text)} `;
  return TEMPLATES[kind].signals.titles.filter((phrase) => words.includes(` ${fold(phrase)} `)).length;
}
