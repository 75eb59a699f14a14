/**
 * Which unit a master row belongs to. A unit is its exact name (Unicode NFC, spaces normalised): "UBND xã
 * Tân Hòa" and "UBND xã Tân Hóa" are two communes, so folding away the tone marks would let re-importing
 * one delete the other's rows. Before merging, two situations stop the merge until a person confirms:
 *
 * - names that are the same once tone marks and case are folded but differ as written (a typo, or two
 *   units whose names differ by one mark: the person knows which);
 * - a re-import that would replace a unit's rows that came from a different file (two files that both say
 *   "Đơn vị: Sở Y tế", or a renamed copy): the master's "Tệp" column remembers each row's file;
 * - two files of the same unit in one merge (an old and a new version side by side): once confirmed, the
 *   later file in the list is merged and the earlier ones are not (`latestFilePerUnit`).
 */
import { fold } from "../text";
import type { MasterSheetRows, UnitPlan } from "./types";

/** The unit's identity: its name exactly as written, in NFC, with runs of spaces made one. */
export function unitKey(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim();
}

export type UnitConflict =
  | { kind: "similar-names"; unit: string; other: string }
  | { kind: "other-file"; unit: string; file: string; earlierFiles: string[] }
  | { kind: "several-files"; unit: string; files: string[] };

/** What must be confirmed before these units are merged into this master; empty when nothing. */
export function findUnitConflicts(units: readonly UnitPlan[], existing: MasterSheetRows | undefined): UnitConflict[] {
  const earlierFiles = new Map<string, Set<string>>();
  for (const sheet of Object.values(existing?.sheets ?? {})) {
    for (const row of sheet?.rows ?? []) {
      if (!row.provenance) continue;
      const key = unitKey(row.provenance.unit);
      const files = earlierFiles.get(key) ?? new Set<string>();
      if (row.provenance.file !== "") files.add(row.provenance.file);
      earlierFiles.set(key, files);
    }
  }
  const conflicts: UnitConflict[] = [];
  const seen = new Set<string>();
  const push = (conflict: UnitConflict) => {
    const id = JSON.stringify(conflict);
    if (!seen.has(id)) conflicts.push(conflict);
    seen.add(id);
  };
  const filesOfUnit = new Map<string, string[]>();
  for (const unit of units) filesOfUnit.set(unitKey(unit.unitName), [...(filesOfUnit.get(unitKey(unit.unitName)) ?? []), unit.fileName]);
  for (const [unit, files] of filesOfUnit) if (files.length > 1) push({ kind: "several-files", unit, files });
  const newKeys = new Map<string, Set<string>>();
  for (const unit of units) newKeys.set(unitKey(unit.unitName), (newKeys.get(unitKey(unit.unitName)) ?? new Set()).add(unit.fileName));
  // Known names grouped by their folded form (in first-seen order): with 1,000 units, comparing every
  // name with every other folded a million strings.
  const knownByFold = new Map<string, string[]>();
  for (const known of new Set([...earlierFiles.keys(), ...newKeys.keys()])) {
    const folded = fold(known);
    knownByFold.set(folded, [...(knownByFold.get(folded) ?? []), known]);
  }
  for (const unit of units) {
    const key = unitKey(unit.unitName);
    for (const other of knownByFold.get(fold(key)) ?? []) if (other !== key && !seen.has(`pair:${[key, other].sort().join("|")}`)) {
      seen.add(`pair:${[key, other].sort().join("|")}`);
      push({ kind: "similar-names", unit: key, other });
    }
    // The unit's earlier rows are all replaced: those from a file not imported again now would be lost.
    const replaced = [...(earlierFiles.get(key) ?? [])].filter((file) => !newKeys.get(key)!.has(file));
    if (replaced.length > 0) push({ kind: "other-file", unit: key, file: [...newKeys.get(key)!].join(", "), earlierFiles: replaced });
  }
  return conflicts;
}

/**
 * One plan per unit: of several files of the same unit, the later in the list (the confirmed choice, see
 * describeUnitConflict); `superseded` names each file left out and the file used instead.
 */
export function latestFilePerUnit<T extends UnitPlan>(units: readonly T[]): { kept: T[]; superseded: { unit: T; by: T }[] } {
  const last = new Map<string, T>();
  for (const unit of units) last.set(unitKey(unit.unitName), unit);
  const kept: T[] = [];
  const superseded: { unit: T; by: T }[] = [];
  for (const unit of units) {
    const by = last.get(unitKey(unit.unitName))!;
    if (by === unit) kept.push(unit);
    else superseded.push({ unit, by });
  }
  return { kept, superseded };
}

/** One conflict in Vietnamese. */
export function describeUnitConflict(conflict: UnitConflict): string {
  if (conflict.kind === "several-files") {
    const [last, ...earlier] = [...conflict.files].reverse();
    return `Đơn vị “${conflict.unit}” có ${conflict.files.length} tệp trong lần tổng hợp này: ${conflict.files.map((f) => `«${f}»`).join(", ")}. Nếu xác nhận, chỉ tổng hợp tệp sau cùng «${last}» (bỏ ${earlier.reverse().map((f) => `«${f}»`).join(", ")}); nếu là các đơn vị khác nhau, hãy đặt tên đơn vị cho từng tệp.`;
  }
  if (conflict.kind === "similar-names") {
    return `Hai tên đơn vị chỉ khác nhau ở dấu hoặc chữ hoa: “${conflict.unit}” và “${conflict.other}”. Nếu là một đơn vị, hãy sửa tên cho giống nhau; nếu là hai đơn vị khác nhau, hãy xác nhận để tổng hợp riêng.`;
  }
  return `Đơn vị “${conflict.unit}” đã có trong sổ tổng hợp với các dòng lấy từ tệp ${conflict.earlierFiles.map((f) => `«${f}»`).join(", ")}; nhập tệp «${conflict.file}» sẽ thay các dòng đó. Nếu đúng là bản mới của cùng đơn vị, hãy xác nhận; nếu là đơn vị khác, hãy đặt tên đơn vị khác.`;
}
