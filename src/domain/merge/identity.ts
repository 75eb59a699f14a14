/**
 * Which unit a master row belongs to. A unit is its exact name (Unicode NFC, spaces normalised): "UBND xã
 * Tân Hòa" and "UBND xã Tân Hóa" are two communes, so folding away the tone marks would let re-importing
 * one delete the other's rows. Before merging, two situations stop the merge until a person confirms:
 *
 * - names that are the same once tone marks and case are folded but differ as written (a typo, or two
 *   units whose names differ by one mark: the person knows which);
 * - a re-import that would replace a unit's rows that came from a different file (two files that both say
 *   "Đơn vị: Sở Y tế", or a renamed copy): the master's "Tệp" column remembers each row's file.
 */
import { fold } from "../text";
import type { MasterSheetRows, UnitPlan } from "./types";

/** The unit's identity: its name exactly as written, in NFC, with runs of spaces made one. */
export function unitKey(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim();
}

export type UnitConflict =
  | { kind: "similar-names"; unit: string; other: string }
  | { kind: "other-file"; unit: string; file: string; earlierFiles: string[] };

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
  const newKeys = new Map<string, Set<string>>();
  for (const unit of units) newKeys.set(unitKey(unit.unitName), (newKeys.get(unitKey(unit.unitName)) ?? new Set()).add(unit.fileName));
  const known = [...new Set([...earlierFiles.keys(), ...newKeys.keys()])];
  for (const unit of units) {
    const key = unitKey(unit.unitName);
    const folded = fold(key);
    for (const other of known) if (other !== key && fold(other) === folded && !seen.has(`pair:${[key, other].sort().join("|")}`)) {
      seen.add(`pair:${[key, other].sort().join("|")}`);
      push({ kind: "similar-names", unit: key, other });
    }
    // The unit's earlier rows are all replaced: those from a file not imported again now would be lost.
    const replaced = [...(earlierFiles.get(key) ?? [])].filter((file) => !newKeys.get(key)!.has(file));
    if (replaced.length > 0) push({ kind: "other-file", unit: key, file: [...newKeys.get(key)!].join(", "), earlierFiles: replaced });
  }
  return conflicts;
}

/** One conflict in Vietnamese. */
export function describeUnitConflict(conflict: UnitConflict): string {
  if (conflict.kind === "similar-names") {
    return `Hai tên đơn vị chỉ khác nhau ở dấu hoặc chữ hoa: “${conflict.unit}” và “${conflict.other}”. Nếu là một đơn vị, hãy sửa tên cho giống nhau; nếu là hai đơn vị khác nhau, hãy xác nhận để tổng hợp riêng.`;
  }
  return `Đơn vị “${conflict.unit}” đã có trong sổ tổng hợp với các dòng lấy từ tệp ${conflict.earlierFiles.map((f) => `«${f}»`).join(", ")}; nhập tệp «${conflict.file}» sẽ thay các dòng đó. Nếu đúng là bản mới của cùng đơn vị, hãy xác nhận; nếu là đơn vị khác, hãy đặt tên đơn vị khác.`;
}
