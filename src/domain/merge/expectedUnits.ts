/**
 * Units that sent nothing: "Sau thời gian trên nếu không có Văn bản thông báo, xin được hiểu là … không
 * đăng ký" [S0]; "các đơn vị không gửi văn bản, được hiểu là không đăng ký" [S3]; "nếu không có văn bản
 * đăng ký … không có kế hoạch" [S4]. The department keeps its list of units (its profile's `units`, a
 * "Danh sách đơn vị" sheet in the master workbook, or `dplan merge --units FILE`); the master lists
 * those that have not sent a plan.
 */
import { fold, tidy } from "../text";
import { unitKey } from "./identity";
import type { CellValue, SheetGrid } from "../../workbook/types";
import type { MasterSheetRows, StatisticsTable, UnitSummary } from "./types";

/** The sheet a department keeps its units on, in the master workbook. */
export const UNITS_SHEET_NAME = "Danh sách đơn vị";

const HEADER = /^(?:stt|tt|so tt|ten don vi|don vi|co quan|co quan don vi|ten co quan|danh sach don vi|ghi chu)$/;

/** One unit name from a line or cell: numbering, bullets and a "1." prefix removed; headers skipped. */
function unitName(text: string): string | undefined {
  const name = tidy(text.replace(/^\s*(?:[-–•*+]|\d+[.)]?|[IVX]+\.)\s+/, "").replace(/^\uFEFF/, ""));
  if (name === "" || HEADER.test(fold(name))) return undefined;
  return name;
}

/** Units from a text file: one a line (a CSV line's first field). */
export function parseUnitList(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const field = line.includes(";") || line.includes(",") ? (line.split(/[;,]/).find((part) => unitName(part) !== undefined && !/^\s*\d+\s*$/.test(part)) ?? "") : line;
    const name = unitName(field.replace(/^"|"$/g, ""));
    if (name !== undefined) names.push(name);
  }
  return dedupe(names);
}

function cellText(value: CellValue | undefined): string {
  return typeof value === "string" ? value : "";
}

/** Units from a sheet: the column headed "Đơn vị"/"Tên đơn vị", else the first column holding text. */
export function unitListFromGrid(grid: SheetGrid): string[] {
  const rows = grid.values;
  let column = -1;
  let headerRow = -1;
  for (let r = 0; r < Math.min(rows.length, 10) && column < 0; r++) {
    column = rows[r].findIndex((value) => /^(?:ten don vi|don vi|co quan, don vi|co quan don vi|ten co quan)$/.test(fold(cellText(value))));
    if (column >= 0) headerRow = r;
  }
  if (column < 0) {
    const width = Math.max(0, ...rows.map((row) => row.length));
    for (let c = 0; c < width && column < 0; c++) if (rows.some((row) => cellText(row[c]).trim() !== "" && !/^\d+$/.test(cellText(row[c]).trim()))) column = c;
  }
  if (column < 0) return [];
  const names = rows.slice(headerRow + 1).flatMap((row) => {
    const name = unitName(cellText(row[column]));
    return name === undefined ? [] : [name];
  });
  return dedupe(names);
}

/** The department's units sheet among the workbook's sheets, when there is one. */
export function findUnitsSheet(grids: readonly SheetGrid[]): SheetGrid | undefined {
  return grids.find((grid) => fold(grid.name) === fold(UNITS_SHEET_NAME));
}

/**
 * A list's name as the same unit whatever its letter case: the exact name otherwise (identity.ts), so
 * "UBND xã Tân Hòa" and "UBND xã Tân Hóa" stay two units of the list.
 */
function listKey(name: string): string {
  return unitKey(name).toLocaleLowerCase("vi");
}

function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = listKey(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Folded words, without the city's name units add or leave out ("Sở Y tế thành phố Hải Phòng"). */
function comparable(name: string): string {
  return ` ${fold(name)} `
    .replace(/ uy ban nhan dan /g, " ubnd ")
    .replace(/ (?:thanh pho|tp|tinh) [a-z ]*$/, " ")
    .replace(/ +/g, " ")
    .trim();
}

/** Same unit: equal after folding, or one name contained in the other as whole words. */
function sameUnit(a: string, b: string): boolean {
  if (a === "" || b === "") return false;
  return a === b || ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);
}

/**
 * The expected units that have not sent a plan: none of this merge's units, nor the units whose rows
 * an earlier master already holds, is that unit. Order of the department's list.
 */
export function missingUnits(expected: readonly string[], sent: readonly UnitSummary[], existing?: MasterSheetRows): string[] {
  const names = new Set<string>();
  for (const unit of sent) names.add(unit.unit);
  for (const sheet of Object.values(existing?.sheets ?? {})) for (const row of sheet?.rows ?? []) if (row.provenance) names.add(row.provenance.unit);
  // A unit named exactly as in the list is that unit and no other: its name, folded, must not also
  // stand for a unit of the list that differs by one tone mark ("Tân Hòa" sent, "Tân Hóa" did not).
  const listed = new Set(expected.map(listKey));
  const exact = new Set([...names].map(listKey).filter((key) => listed.has(key)));
  const loose = [...names].filter((name) => !exact.has(listKey(name))).map(comparable);
  return expected.filter((name) => {
    if (exact.has(listKey(name))) return false;
    const key = comparable(name);
    return !loose.some((other) => sameUnit(key, other));
  });
}

/** The Thống kê sheet's list of units that sent nothing. */
export function missingUnitsTable(missing: readonly string[], expected: number): StatisticsTable {
  return {
    title: `Đơn vị chưa gửi kế hoạch: ${missing.length}/${expected} (không có văn bản được hiểu là không đăng ký)`,
    columns: ["Đơn vị", "Tình trạng"],
    rows: missing.length > 0 ? missing.map((name) => [name, "Chưa gửi kế hoạch"]) : [["Tất cả các đơn vị trong danh sách đã gửi kế hoạch", ""]],
  };
}
