/**
 * Plans sent with "Gửi sang sổ tổng hợp": a unit's workbook stores its recognised plan in the add-in's
 * shared storage, the master's pane lists and merges it. Stored JSON-safe: the values of the plan's
 * template sheets (a Date as {date: ISO}), the unit's name, the workbook's name and when it was sent;
 * the master reads the plan again from those values (with its own plan year), as it reads a file.
 *
 * Keys: "sentPlan/<unit>/<workbook>/<ISO time>" (each part URI-encoded; the unit by its exact name, in NFC
 * with runs of spaces made one: unitKey), so a new send of the same unit and workbook can replace the
 * earlier ones and nothing else in the storage is touched.
 * What is read back is validated: a plan stored by another version, or damaged, is listed as unreadable.
 */
import { z } from "zod";
import { unitKey } from "../domain/merge";
import { PLAN_KINDS, type PlanKind } from "../domain/model";
import { isCellError, type CellValue, type SheetGrid } from "../workbook/types";

/** The storage the entry point injects (Excel: sharedStorage(); tests: in memory). */
export interface PlanStorage {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /** Every key of the add-in's namespace. */
  keys(): Promise<string[]>;
}

export const SENT_PLAN_PREFIX = "sentPlan/";
const STORED_VERSION = 1;

const StoredCellSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.object({ error: z.string() }), z.object({ date: z.string() })]);
type StoredCell = z.infer<typeof StoredCellSchema>;

const AreaSchema = z.object({ top: z.number().int(), left: z.number().int(), bottom: z.number().int(), right: z.number().int() });

const StoredGridSchema = z.object({
  name: z.string(),
  originRow: z.number().int().positive(),
  originCol: z.number().int().positive(),
  values: z.array(z.array(StoredCellSchema)),
  merges: z.array(AreaSchema),
});

export const SentPlanRecordSchema = z.object({
  version: z.literal(STORED_VERSION),
  unitName: z.string().min(1),
  unitFromTitle: z.string().optional(),
  workbookName: z.string(),
  sentAt: z.string().datetime(),
  delegations: z.number().int().nonnegative(),
  kinds: z.array(z.enum(PLAN_KINDS)),
  grids: z.array(StoredGridSchema).min(1),
});
export type SentPlanRecord = z.infer<typeof SentPlanRecordSchema>;

export function sentPlanKey(unitName: string, workbookName: string, sentAt: string): string {
  return `${SENT_PLAN_PREFIX}${encodeURIComponent(unitKey(unitName))}/${encodeURIComponent(workbookName)}/${sentAt}`;
}

/** The unit and workbook a key is about: keys of the same pair are sends of the same plan. */
export function sentPlanIdentity(key: string): string | undefined {
  if (!key.startsWith(SENT_PLAN_PREFIX)) return undefined;
  const parts = key.slice(SENT_PLAN_PREFIX.length).split("/");
  return parts.length === 3 ? `${parts[0]}/${parts[1]}` : undefined;
}

export function isSentPlanKey(key: string): boolean {
  return sentPlanIdentity(key) !== undefined;
}

/**
 * Compact: each row without its trailing empty cells and the grid without its trailing empty rows (a
 * used range often runs far past the plan), since OfficeRuntime.storage holds 10 MB per domain, shared
 * by every add-in of the domain ("OfficeRuntime.Storage", Learn). decodeGrids pads the rows back.
 */
export function encodeGrids(grids: readonly SheetGrid[]): SentPlanRecord["grids"] {
  return grids.map((grid) => {
    const values = grid.values.map((row) => trimTrailing(row.map(encodeCell), (cell) => cell === null || cell === ""));
    return {
      name: grid.name,
      originRow: grid.originRow,
      originCol: grid.originCol,
      values: trimTrailing(values, (row) => row.length === 0),
      merges: grid.merges.map((area) => ({ ...area })),
    };
  });
}

function trimTrailing<T>(items: T[], empty: (item: T) => boolean): T[] {
  let end = items.length;
  while (end > 0 && empty(items[end - 1])) end--;
  return items.slice(0, end);
}

export function decodeGrids(grids: SentPlanRecord["grids"]): SheetGrid[] {
  return grids.map((grid) => {
    const width = Math.max(0, ...grid.values.map((row) => row.length));
    const values = grid.values.map((row) => [...row.map(decodeCell), ...new Array<CellValue>(width - row.length).fill(null)]);
    return { ...grid, values, merges: grid.merges.map((area) => ({ ...area })) };
  });
}

/** A plan bigger than this is not sent through the shared storage (10 MB for the whole domain). */
export const SENT_PLAN_MAX_BYTES = 4 * 1024 * 1024;

/** What a stored record costs: key and JSON text, counted in UTF-16 as browsers' storage does. */
export function storedBytes(key: string, record: unknown): number {
  return 2 * (key.length + JSON.stringify(record).length);
}

/** The storage refused the write for lack of room (DOMException QuotaExceededError, or its message). */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
  return name === "QuotaExceededError" || code === "QuotaExceededError" || code === 22 || (typeof message === "string" && /quota|exceed/i.test(message));
}

/** Also a Date made in another realm (a structured clone across frames or test sandboxes). */
function isDate(value: unknown): value is Date {
  return value instanceof Date || Object.prototype.toString.call(value) === "[object Date]";
}

function encodeCell(value: CellValue): StoredCell {
  if (isDate(value)) return Number.isNaN(value.getTime()) ? null : { date: value.toISOString() };
  if (isCellError(value)) return { error: value.error };
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  return value ?? null;
}

function decodeCell(value: StoredCell): CellValue {
  if (value !== null && typeof value === "object" && "date" in value) {
    const date = new Date(value.date);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return value;
}

/** The record, or undefined when what is stored is not a plan this version can read. */
export function parseSentPlan(stored: unknown): SentPlanRecord | undefined {
  const parsed = SentPlanRecordSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export function kindsOf(kinds: readonly PlanKind[]): PlanKind[] {
  return PLAN_KINDS.filter((kind) => kinds.includes(kind));
}
