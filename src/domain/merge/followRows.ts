/**
 * A re-imported unit's rows replace its earlier rows, but the officer's own cells on those rows (a column
 * the officer added, such as "Ý kiến của Sở", and notes) belong to the delegation, not to the unit's file.
 * They follow the delegation to its new row when it is still in the unit's new plan.
 *
 * Which new row is the same delegation: the same unit (unitKey), the same identity (the delegation's name,
 * its leader and, for people-to-people plans, its activity, compared folded: case, tone marks and spaces do
 * not count, so a retyped "Nguyễn Văn An" still matches) and, first, the same source row in the unit's file
 * ("dòng 11 (Đoàn ra)"). A delegation whose source row moved (the unit inserted a row above it) still
 * matches by identity alone when exactly one earlier row and one new row of the unit have that identity:
 * two delegations with the same name and leader are never guessed between. Anything else is a changed or
 * removed delegation: its earlier row is replaced, and each officer's cell on it is named in a warning.
 */
import { columnLetter } from "../cells";
import type { FieldId } from "../model";
import { fold } from "../text";
import type { CellValue } from "../../workbook/types";
import type { MasterLayout } from "./layout";
import type { MasterRow, MasterSheet } from "./types";

const IDENTITY_FIELDS: readonly FieldId[] = ["name", "leader", "activity"];

function identity(row: MasterRow, layout: MasterLayout): string {
  return IDENTITY_FIELDS.map((field) => {
    const index = layout.fieldIndex[field];
    const value = index === undefined ? null : row.values[index];
    return value === null || value === undefined ? "" : fold(String(value)).replace(/\s+/g, " ").trim();
  }).join("\u0001");
}

function blank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * Matches the new rows of each re-imported unit (blocks, by unitKey) to the unit's earlier rows on this
 * sheet: a matched new row takes the earlier row's added-column values and `follows` its sheet row (the
 * hosts carry its notes and added-column cells from there, carryPlans). Returns a warning for each
 * officer's value on an earlier row that has no new row to follow.
 */
export function followEarlierRows(earlier: MasterSheet, blocks: ReadonlyMap<string, MasterRow[]>, layout: MasterLayout, unitKeyOf: (name: string) => string): string[] {
  const warnings: string[] = [];
  for (const [key, block] of blocks) {
    const olds = earlier.rows.filter((row) => row.provenance && unitKeyOf(row.provenance.unit) === key && row.readRow !== undefined);
    if (olds.length === 0) continue;
    const matched = new Map<MasterRow, MasterRow>();
    const free = new Set(block);
    // First: same source row and same identity.
    for (const old of olds) {
      const id = identity(old, layout);
      const found = [...free].find((row) => row.provenance?.source === old.provenance!.source && identity(row, layout) === id);
      if (found) {
        matched.set(old, found);
        free.delete(found);
      }
    }
    // Then: a unique identity on both sides, wherever its source row went.
    const unmatchedOld = olds.filter((old) => !matched.has(old));
    const count = <T>(rows: Iterable<T>, of: (row: T) => string) => {
      const counts = new Map<string, number>();
      for (const row of rows) counts.set(of(row), (counts.get(of(row)) ?? 0) + 1);
      return counts;
    };
    const oldCounts = count(unmatchedOld, (row) => identity(row, layout));
    const newCounts = count(free, (row) => identity(row, layout));
    for (const old of unmatchedOld) {
      const id = identity(old, layout);
      if (id.replace(/\u0001/g, "") === "" || oldCounts.get(id) !== 1 || newCounts.get(id) !== 1) continue;
      const found = [...free].find((row) => identity(row, layout) === id)!;
      matched.set(old, found);
      free.delete(found);
    }
    for (const old of olds) {
      const to = matched.get(old);
      if (to) {
        to.follows = old.readRow;
        to.extra = earlier.extraHeaders.map((_, index) => old.extra[index] ?? null);
        continue;
      }
      old.extra.forEach((value, index) => {
        const column = earlier.readColumns?.extra[index];
        if (blank(value) || column === undefined) return;
        warnings.push(officerCellLost(earlier.sheet, `${columnLetter(column)}${old.readRow}`, value, earlier.extraHeaders[index], old, layout));
      });
    }
  }
  return warnings;
}

function shown(value: CellValue): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === "object" && value !== null ? String((value as { error?: unknown }).error ?? "") : String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** An officer's cell on a re-imported unit's row whose delegation is no longer in the unit's plan. */
function officerCellLost(sheet: string, address: string, value: CellValue, header: string, row: MasterRow, layout: MasterLayout): string {
  const nameIndex = layout.fieldIndex.name ?? layout.fieldIndex.activity;
  const name = nameIndex === undefined ? null : row.values[nameIndex];
  const what = blank(name ?? null) ? row.provenance!.source : `«${shown(name!)}», ${row.provenance!.source}`;
  return `Ô ${address} «${shown(value)}» (cột “${header}”) của trang “${sheet}” ở dòng của đơn vị “${row.provenance!.unit}” (${what}) không còn trong kế hoạch mới: đơn vị đã bỏ hoặc sửa tên, trưởng đoàn của đoàn này, nên ô không được chép sang dòng mới. Hãy xem lại bản cũ và ghi lại nếu cần.`;
}

/** A note (comment) on a master cell that a re-import could not keep: its row was replaced and its delegation is gone. */
export function noteLost(sheet: string, address: string, text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return `Ghi chú ở ô ${address} của trang “${sheet}”${short ? ` («${short}»)` : ""} không được giữ: dòng của nó đã được thay khi nhập lại và không còn dòng tương ứng (đoàn đã bỏ hoặc đổi). Hãy xem lại bản cũ và ghi lại nếu cần.`;
}

/**
 * Formulas on other sheets and defined names that read a master sheet whose rows or columns moved: the
 * merge does not rewrite them (they are the officer's), so the officer checks them.
 */
export function movedReferences(sheet: string, cells: readonly string[], names: readonly string[]): string {
  const list = [...cells.map((cell) => `ô ${cell}`), ...names.map((name) => `tên “${name}”`)];
  return `Các dòng, cột của trang “${sheet}” đã dời chỗ khi tổng hợp lại, nhưng công thức ở ${list.join(", ")} vẫn trỏ tới chỗ cũ (không được sửa tự động): hãy kiểm tra lại các công thức này.`;
}

/** Whether a formula (or a defined name's reference) refers to this sheet by name ('Tổng hợp đoàn ra'!E12, Sheet1!A1), case-insensitively. */
export function refersToSheet(formula: string, sheet: string): boolean {
  const lower = formula.toLowerCase();
  const name = sheet.toLowerCase();
  if (lower.includes(`'${name.replace(/'/g, "''")}'!`)) return true;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}_.'])${escaped}!`, "u").test(lower);
}
