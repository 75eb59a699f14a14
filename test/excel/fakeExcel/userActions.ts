/**
 * What a user does in Excel between two runs of the add-in, and how Excel carries the add-in's marks
 * along: inserting or deleting rows, sorting, undo, protecting a sheet.
 *
 * Notes move with their cells. Source: Microsoft Learn, "Work with notes using the Excel JavaScript API"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes): "Notes are tied to an
 * individual cell" — Excel keeps a note on its cell when rows are inserted or deleted above it and when
 * a sort moves the cell's row; conditional formats, validation and merges shift the same way. A note on
 * a deleted row is deleted with it. So an address the add-in remembered can later hold another cell's
 * note, or none.
 *
 * Undo. Source: "Undo capabilities in Excel add-ins" (Learn): the add-in's API actions are on the user's
 * undo stack. Undoing the add-in's last run brings back what it removed — its notes and formats — while
 * the add-in's document settings (not part of the sheet) keep what the run saved.
 */
import type { CellArea } from "../../../src/workbook/types";
import { areaAddress, cellAddress, parseArea } from "../../../src/excel/a1";
import { cellKey, splitKey, type FakeSheet, type FakeWorkbook } from "./model";
import type { FakeExcel } from "./install";

/** Row `row` after inserting `count` rows at `at` (count < 0: deleting), or undefined when deleted. */
function shiftRow(row: number, at: number, count: number): number | undefined {
  if (count >= 0) return row >= at ? row + count : row;
  const deletedUntil = at - count - 1;
  if (row < at) return row;
  if (row <= deletedUntil) return undefined;
  return row + count;
}

function shiftArea(area: CellArea, at: number, count: number): CellArea | undefined {
  if (count >= 0) {
    return { ...area, top: area.top >= at ? area.top + count : area.top, bottom: area.bottom >= at ? area.bottom + count : area.bottom };
  }
  const deletedUntil = at - count - 1;
  const top = area.top < at ? area.top : area.top > deletedUntil ? area.top + count : at;
  const bottom = area.bottom < at ? area.bottom : area.bottom > deletedUntil ? area.bottom + count : at - 1;
  return bottom < top ? undefined : { ...area, top, bottom };
}

/** Excel's "Insert rows" (count > 0) or "Delete rows" (count < 0) at row `at`: everything below moves. */
export function shiftRows(sheet: FakeSheet, at: number, count: number): void {
  sheet.cells = remapKeys(sheet.cells, (key) => {
    const { row, column } = splitKey(key);
    const moved = shiftRow(row, at, count);
    return moved === undefined ? undefined : cellKey(moved, column);
  });
  sheet.validations = remapKeys(sheet.validations, (key) => {
    const { row, column } = splitKey(key);
    const moved = shiftRow(row, at, count);
    return moved === undefined ? undefined : cellKey(moved, column);
  });
  sheet.notes = remapKeys(sheet.notes, (address) => {
    const area = parseArea(address);
    const moved = shiftRow(area.top, at, count);
    return moved === undefined ? undefined : cellAddress(moved, area.left);
  });
  sheet.merges = sheet.merges.map((area) => shiftArea(area, at, count)).filter((area): area is CellArea => area !== undefined);
  for (const format of sheet.conditionalFormats) format.areas = format.areas.map((area) => shiftArea(area, at, count)).filter((area): area is CellArea => area !== undefined);
  sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => format.areas.length > 0);
}

function remapKeys<V>(map: Map<string, V>, move: (key: string) => string | undefined): Map<string, V> {
  const next = new Map<string, V>();
  for (const [key, value] of map) {
    const moved = move(key);
    if (moved !== undefined) next.set(moved, value);
  }
  return next;
}

/**
 * Excel's Sort on rows `top`..`bottom` by the text of column `byColumn`: whole rows move, and their
 * notes and single-cell conditional formats with them.
 */
export function sortRows(sheet: FakeSheet, top: number, bottom: number, byColumn: number, descending = false): void {
  const rows = Array.from({ length: bottom - top + 1 }, (_, i) => top + i);
  const keyOf = (row: number) => String(sheet.cells.get(cellKey(row, byColumn))?.value ?? "");
  const order = [...rows].sort((a, b) => keyOf(a).localeCompare(keyOf(b), "vi") * (descending ? -1 : 1));
  const destination = new Map(order.map((from, i) => [from, top + i]));
  const moveRow = (row: number) => destination.get(row) ?? row;
  sheet.cells = remapKeys(sheet.cells, (key) => {
    const { row, column } = splitKey(key);
    return cellKey(moveRow(row), column);
  });
  sheet.notes = remapKeys(sheet.notes, (address) => {
    const area = parseArea(address);
    return cellAddress(moveRow(area.top), area.left);
  });
  for (const format of sheet.conditionalFormats) {
    format.areas = format.areas.flatMap((area) => {
      if (area.bottom < top || area.top > bottom) return [area];
      // A format over several sorted rows splits into one area per row, each following its row.
      const split: CellArea[] = [];
      for (let row = area.top; row <= area.bottom; row++) split.push({ ...area, top: moveRow(row), bottom: moveRow(row) });
      return split;
    });
  }
}

/** Sets or lifts a sheet's protection (Review › Protect Sheet). */
export function protectSheet(book: FakeWorkbook, name: string, on = true): void {
  const sheet = book.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`fake workbook has no sheet ${name}`);
  sheet.protected = on;
}

/** The addresses of a sheet's notes, sorted (for assertions). */
export function noteAddresses(sheet: FakeSheet): string[] {
  return [...sheet.notes.keys()].sort((a, b) => parseArea(a).top - parseArea(b).top || a.localeCompare(b));
}

/** The areas of a sheet's conditional formats whose formula contains `marker` (for assertions). */
export function formatAreas(sheet: FakeSheet, marker: string): string[] {
  return sheet.conditionalFormats.filter((format) => format.formula?.includes(marker)).flatMap((format) => format.areas.map(areaAddress));
}

/** Ctrl+Z over the add-in's last writing run: its sheets' notes and formats come back; settings stay. */
export function undoLastRun(fake: FakeExcel): void {
  const before = fake.beforeLastWrite;
  if (!before) throw new Error("fake: no writing run to undo");
  for (const saved of before) {
    const sheet = fake.workbook.sheets.find((s) => s.id === saved.id);
    if (!sheet) continue;
    sheet.notes = saved.notes;
    sheet.conditionalFormats = saved.conditionalFormats;
  }
}
