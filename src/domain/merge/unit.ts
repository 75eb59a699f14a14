/**
 * One unit's workbook before the merge: its name, which delegations go into the master, which stay out
 * and why, and the unit's own check results (the per-unit preview).
 */
import type { Delegation, PlanKind } from "../model";
import { checkPlan } from "../rules/engine";
import { delegationsOfTable, readPlan } from "../templates/readPlan";
import type { RecognizedTemplate } from "../templates/types";
import { tidy } from "../text";
import type { SheetGrid } from "../../workbook/types";
import { missingInformation } from "./exclusion";
import { COMPUTED_TITLES, headerKey, MASTER_SHEET_NAMES, ORIGINAL_TITLE, PROVENANCE_TITLES, STATISTICS_SHEET_NAME } from "./layout";
import type { ExcludedDelegation, MergeContext, UnitPlan, UnitSummary } from "./types";

/** "Sở Y tế.xlsx", "D:\\KH\\so-y-te.xlsx" → "Sở Y tế", "so-y-te". */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  return tidy(dot > 0 ? base.slice(0, dot) : base);
}

/** The "Đơn vị: …" title of the first recognised sheet that has one. */
export function unitFromTitle(plan: UnitPlan["plan"]): string | undefined {
  for (const sheet of plan.sheets) if (sheet.template && sheet.unitName && tidy(sheet.unitName) !== "") return tidy(sheet.unitName);
  return undefined;
}

/**
 * Reads a unit's workbook into a UnitPlan: the unit is named by its "Đơn vị: …" title, else by the file
 * name without extension, unless the caller names it (the user corrected it).
 */
export function makeUnitPlan(fileName: string, grids: SheetGrid[], options: { unitName?: string; year?: number } = {}): UnitPlan {
  const plan = readPlan(grids, { file: fileName, year: options.year });
  const fromTitle = unitFromTitle(plan);
  const unit: UnitPlan = { unitName: tidy(options.unitName ?? "") || fromTitle || fileStem(fileName), fileName, plan, grids };
  if (fromTitle !== undefined) unit.unitFromTitle = fromTitle;
  return unit;
}

const OWN_COLUMNS = new Set([...Object.values(PROVENANCE_TITLES), ORIGINAL_TITLE, ...Object.values(COMPUTED_TITLES)].map(headerKey));
const MASTER_NAMES = new Set(Object.values(MASTER_SHEET_NAMES).map(headerKey));

function isMasterSheetName(name: string): boolean {
  return MASTER_NAMES.has(headerKey(name.replace(/\s*\(\d+\)$/, "")));
}

/** The "Thống kê" sheet the add-in writes (its first cell is the statistics title). */
function isStatisticsSheet(grid: SheetGrid): boolean {
  const first = grid.values.flat().find((value) => typeof value === "string" && value.trim() !== "");
  return headerKey(grid.name) === headerKey(STATISTICS_SHEET_NAME) && typeof first === "string" && headerKey(first).startsWith(headerKey("THỐNG KÊ KẾ HOẠCH ĐOÀN"));
}

/** A unit with what the merge takes from it. */
export interface PreparedUnit {
  unit: UnitPlan;
  summary: UnitSummary;
  /** Delegations that go into the master, in sheet order. */
  kept: Delegation[];
  /** Kinds whose sheet the workbook has (even with no row kept): the unit's earlier rows of these kinds are replaced. */
  kinds: Set<PlanKind>;
}

export function prepareUnit(unit: UnitPlan, context: MergeContext): PreparedUnit {
  const gridByName = new Map((unit.grids ?? []).map((grid) => [grid.name, grid] as const));
  const notes: string[] = [];
  const taken: RecognizedTemplate[] = [];
  for (const sheet of unit.plan.sheets) {
    const grid = gridByName.get(sheet.sheet);
    if (!sheet.template) {
      // A lower level's master brings its statistics sheet along: nothing to merge there, nothing to say.
      if (grid !== undefined && isStatisticsSheet(grid)) continue;
      if (sheet.unreadable) notes.push(`Trang “${sheet.sheet}” KHÔNG ĐỌC ĐƯỢC, không được tổng hợp: ${sheet.reason}`);
      else if (grid === undefined || grid.values.some((row) => row.some((value) => value !== null && value !== ""))) {
        notes.push(`Trang “${sheet.sheet}” không được tổng hợp: ${sheet.reason}`);
      }
      continue;
    }
    if (grid?.hidden) {
      notes.push(`Trang ẩn “${sheet.sheet}” không được tổng hợp (thường là bản cũ): hiện trang đó trong Excel nếu cần tổng hợp.`);
      continue;
    }
    taken.push(sheet);
    // A lower level's master: its provenance and deadlines are the add-in's own columns, rebuilt at this level.
    const lowerMaster = isMasterSheetName(sheet.sheet);
    if (lowerMaster) {
      const what = sheet.kind === "people" ? "hoạt động" : "đoàn";
      notes.push(
        sheet.columns.unit !== undefined
          ? `Trang “${sheet.sheet}” là trang tổng hợp của cấp dưới: đơn vị của từng ${what} được giữ ở cột “Đơn vị chủ trì”.`
          : // A master written before its kind had the column.
            `Trang “${sheet.sheet}” là trang tổng hợp của cấp dưới nhưng không có cột “Đơn vị chủ trì”, nên các ${what} được ghi là của “${unit.unitName}” (đơn vị cấp dưới của từng ${what} xem ở sổ tổng hợp cấp dưới).`,
      );
    }
    // Far stray cells the reader left out (SheetGrid.farCells): named, so nothing is dropped silently.
    if (sheet.farCellsNote) notes.push(`${sheet.farCellsNote} Các ô đó cũng không được tổng hợp.`);
    // Huge merges the reader clipped to the values (SheetGrid.clippedMerges): named, the file's merge is not what was read.
    for (const note of sheet.clippedMergeNotes ?? []) notes.push(note);
    for (const extra of sheet.extraColumns) {
      if (lowerMaster && OWN_COLUMNS.has(headerKey(extra.header))) continue;
      notes.push(`Cột “${extra.header}” (trang “${sheet.sheet}”) không có trong mẫu tổng hợp nên không được chuyển sang sổ tổng hợp.`);
    }
  }
  if (taken.length === 0 && !notes.some((note) => note.startsWith("Trang ẩn"))) {
    notes.unshift("Không tìm thấy biểu mẫu kế hoạch đoàn ra, đoàn vào hay đối ngoại nhân dân trong tệp.");
  }

  const takenSheets = new Set(taken.map((sheet) => sheet.sheet));
  const delegations = unit.plan.delegations.filter((delegation) => takenSheets.has(delegation.sheet));
  const kept: Delegation[] = [];
  const excluded: ExcludedDelegation[] = [];
  for (const delegation of delegations) {
    const missing = missingInformation(delegation, context);
    if (!missing) {
      kept.push(delegation);
      continue;
    }
    excluded.push({
      unit: unit.unitName,
      file: unit.fileName,
      sheet: delegation.sheet,
      row: delegation.row,
      kind: delegation.kind,
      label: delegationLabel(delegation),
      missing: missing.missing,
      unreadable: missing.unreadable,
      reason: missing.reason,
    });
  }

  const findings = checkPlan(delegations, context);
  const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
  const summary: UnitSummary = {
    unit: unit.unitName,
    file: unit.fileName,
    sheets: taken.map((sheet) => {
      const rows = delegationsOfTable(sheet, delegations);
      const out = delegationsOfTable(sheet, excluded).length;
      return { sheet: sheet.sheet, kind: sheet.kind, delegations: rows.length, kept: rows.length - out, excluded: out };
    }),
    delegations: delegations.length,
    kept: kept.length,
    excluded,
    errors: count("error"),
    warnings: count("warning"),
    infos: count("info"),
    findings,
    notes,
  };
  if (unit.unitFromTitle !== undefined) summary.unitFromTitle = unit.unitFromTitle;
  return { unit, summary, kept, kinds: new Set(taken.map((sheet) => sheet.kind)) };
}

/** The per-unit preview the pane shows before merging (no master needed). */
export function previewUnit(unit: UnitPlan, context: MergeContext): UnitSummary {
  return prepareUnit(unit, context).summary;
}

/** What a person recognises a delegation by. */
export function delegationLabel(delegation: Delegation): string {
  const text = delegation.name ?? delegation.activity ?? delegation.purpose ?? delegation.leaderName ?? delegation.raw.leader ?? delegation.locality;
  return text ? tidy(text) : `dòng ${delegation.row}`;
}
