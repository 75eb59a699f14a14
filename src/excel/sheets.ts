/**
 * Worksheet proxies for sheets the caller expects to exist, without spending a sync to list the sheets
 * first. Optimistic: `getItem(name)` plus the caller's queued loads go out in one sync. If a sheet has
 * gone (deleted or renamed since the caller learnt its name) that sync fails with ItemNotFound; then
 * the sheets are listed (one sync), matched by id, then by name, and the loads queued again (one sync).
 * Syncs: 1, or 3 when a sheet is missing (the refused one, the list, the retry). Never chains a call on a possibly-null object (the result of
 * such a chain is not documented).
 */
import { isItemNotFound } from "./errors";

export interface SheetRef {
  name: string;
  /** Worksheet.id when known: a renamed sheet is still found by it. */
  id?: string;
}

export interface SheetsLoad<T> {
  queued: T;
  /** Refs whose sheet exists, keyed like the input (by `name`), with the sheet's current name and id after the sync. */
  found: Map<string, Excel.Worksheet>;
  missing: SheetRef[];
}

export async function loadOnSheets<T>(
  context: Excel.RequestContext,
  refs: SheetRef[],
  queue: (sheets: Map<string, Excel.Worksheet>) => T,
): Promise<SheetsLoad<T>> {
  const unique = dedupe(refs);
  const optimistic = new Map<string, Excel.Worksheet>();
  for (const ref of unique) {
    const sheet = context.workbook.worksheets.getItem(ref.name);
    sheet.load("name,id");
    optimistic.set(ref.name, sheet);
  }
  const queued = queue(optimistic);
  try {
    await context.sync();
    return { queued, found: optimistic, missing: [] };
  } catch (error) {
    if (!isItemNotFound(error)) throw error;
  }

  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id");
  await context.sync();
  const found = new Map<string, Excel.Worksheet>();
  const missing: SheetRef[] = [];
  for (const ref of unique) {
    const sheet = worksheets.items.find((s) => ref.id !== undefined && s.id === ref.id) ?? worksheets.items.find((s) => s.name === ref.name);
    if (sheet) found.set(ref.name, sheet);
    else missing.push(ref);
  }
  const requeued = queue(found);
  await context.sync();
  return { queued: requeued, found, missing };
}

function dedupe(refs: SheetRef[]): SheetRef[] {
  const byName = new Map<string, SheetRef>();
  for (const ref of refs) {
    const existing = byName.get(ref.name);
    byName.set(ref.name, { name: ref.name, id: ref.id ?? existing?.id });
  }
  return [...byName.values()];
}
