/**
 * `worksheet.onChanged` (ExcelApi 1.7) for the fake, kept apart from the object model: a handler added
 * in a batch is registered at its sync; values the add-in writes raise an event with triggerSource
 * "ThisLocalAddin" after their sync (as Excel does, ExcelApi 1.14); `userEdit` and `userInsertRows` play
 * the officer typing, pasting and inserting rows (triggerSource "Unknown"). Events are delivered
 * asynchronously, one per change, like Excel's.
 */
import { FakeOfficeError, compareVersions } from "./context";
import { cellKey, type FakeSheet, type FakeWorkbook } from "./model";
import { FakeRange, FakeWorksheet, typeInto, type FakeRequestContext } from "./objectModel";
import { areaAddress, parseArea } from "../../../src/excel/a1";
import type { FakeExcel } from "./install";

export interface FakeChangedEvent {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: "RangeEdited" | "RowInserted" | "RowDeleted" | "ColumnInserted" | "ColumnDeleted" | "CellInserted" | "CellDeleted";
  source: "Local" | "Remote";
  triggerSource: "ThisLocalAddin" | "Unknown";
}

type Handler = (event: FakeChangedEvent) => unknown;

interface Registry {
  handlers: Map<string, Set<Handler>>;
  /** Events raised and not yet delivered. */
  inFlight: Promise<unknown>[];
  delivered: FakeChangedEvent[];
}

const registries = new WeakMap<FakeWorkbook, Registry>();

function registryOf(book: FakeWorkbook): Registry {
  let registry = registries.get(book);
  if (!registry) registries.set(book, (registry = { handlers: new Map(), inFlight: [], delivered: [] }));
  return registry;
}

function raise(book: FakeWorkbook, event: FakeChangedEvent): void {
  const registry = registryOf(book);
  const handlers = [...(registry.handlers.get(event.worksheetId) ?? [])];
  if (handlers.length === 0) return;
  registry.inFlight.push(
    new Promise((resolve) => setTimeout(resolve, 0)).then(async () => {
      registry.delivered.push(event);
      for (const handler of handlers) await handler(event);
    }),
  );
}

type Internals = { target(): FakeSheet; context: FakeRequestContext };
let patched = false;

/** Adds onChanged to the fake's worksheets (once per process) and the events of the add-in's value writes. */
export function installChangeEvents(): void {
  if (patched) return;
  patched = true;
  Object.defineProperty(FakeWorksheet.prototype, "onChanged", {
    get(this: FakeWorksheet) {
      const self = this as unknown as Internals;
      const context = self.context;
      if (compareVersions(context.core.env.apiVersion, "1.7") < 0) throw new FakeOfficeError("ApiNotFound", "Worksheet.onChanged needs ExcelApi 1.7.");
      return {
        add(handler: Handler) {
          let registered: { sheetId: string } | undefined;
          context.core.enqueue({
            bytes: 100,
            writes: false,
            run: () => {
              const sheet = self.target();
              const set = registryOf(context.book).handlers.get(sheet.id) ?? new Set<Handler>();
              set.add(handler);
              registryOf(context.book).handlers.set(sheet.id, set);
              registered = { sheetId: sheet.id };
            },
          });
          return {
            context,
            remove() {
              context.core.enqueue({ bytes: 100, writes: false, run: () => registered && registryOf(context.book).handlers.get(registered.sheetId)?.delete(handler) });
            },
          };
        },
      };
    },
  });

  const values = Object.getOwnPropertyDescriptor(FakeRange.prototype, "values")!;
  Object.defineProperty(FakeRange.prototype, "values", {
    get: values.get,
    set(this: FakeRange, rows: unknown[][]) {
      values.set!.call(this, rows);
      const context = (this as unknown as Internals).context;
      context.core.enqueue({
        bytes: 0,
        writes: false,
        run: () => {
          const { sheet, area } = this.resolveForFake();
          raise(context.book, { type: "WorksheetChanged", worksheetId: sheet.id, address: areaAddress(area), changeType: "RangeEdited", source: "Local", triggerSource: "ThisLocalAddin" });
        },
      });
    },
  });
}

function sheetNamed(fake: FakeExcel, name: string): FakeSheet {
  const sheet = fake.workbook.sheets.find((candidate) => candidate.name === name);
  if (!sheet) throw new Error(`fake: no sheet ${name}`);
  return sheet;
}

/** The officer types or pastes these values from `address`'s top-left cell: one event for the block. */
export function userEdit(fake: FakeExcel, sheetName: string, address: string, rows: unknown[][]): void {
  const sheet = sheetNamed(fake, sheetName);
  const { top, left } = parseArea(address);
  rows.forEach((line, r) =>
    line.forEach((value, c) => {
      const key = cellKey(top + r, left + c);
      const cell = sheet.cells.get(key) ?? {};
      typeInto(cell, value);
      if (Object.keys(cell).length === 0) sheet.cells.delete(key);
      else sheet.cells.set(key, cell);
    }),
  );
  const area = { top, left, bottom: top + rows.length - 1, right: left + Math.max(1, ...rows.map((line) => line.length)) - 1 };
  raise(fake.workbook, { type: "WorksheetChanged", worksheetId: sheet.id, address: areaAddress(area), changeType: "RangeEdited", source: "Local", triggerSource: "Unknown" });
}

/** The officer inserts `count` empty rows before `row`: cells, merges and notes below move down. */
export function userInsertRows(fake: FakeExcel, sheetName: string, row: number, count = 1): void {
  const sheet = sheetNamed(fake, sheetName);
  const moved = new Map<string, (typeof sheet.cells extends Map<string, infer C> ? C : never)>();
  for (const [key, cell] of sheet.cells) {
    const [r, c] = key.split(",").map(Number);
    moved.set(r >= row ? cellKey(r + count, c) : key, cell);
  }
  sheet.cells = moved;
  sheet.merges = sheet.merges.map((m) => (m.top >= row ? { ...m, top: m.top + count, bottom: m.bottom + count } : m.bottom >= row ? { ...m, bottom: m.bottom + count } : m));
  raise(fake.workbook, { type: "WorksheetChanged", worksheetId: sheet.id, address: `${row}:${row + count - 1}`, changeType: "RowInserted", source: "Local", triggerSource: "Unknown" });
}

/** Waits until every event raised so far has been delivered and handled. */
export async function eventsDelivered(fake: FakeExcel): Promise<FakeChangedEvent[]> {
  const registry = registryOf(fake.workbook);
  while (registry.inFlight.length > 0) {
    const batch = registry.inFlight.splice(0);
    await Promise.all(batch);
  }
  return registry.delivered;
}

export { parseArea };
