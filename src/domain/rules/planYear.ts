/**
 * The plan year set (Cài đặt, or `--year`) against the year a sheet's title names. When they differ the
 * check still runs against the year set, which flags every trip as outside the plan year: one finding at
 * the title cell says so plainly and what was counted, so nothing looks silently dropped.
 */
import { a1Address } from "../cells";
import type { Delegation, Finding } from "../model";
import type { PlanRead, SheetRecognition } from "../templates/types";
import { effectiveSeverity } from "./engine";
import { periodInvalid } from "./rules/periodInvalid";
import { yearOf } from "./lib/time";
import type { CheckContext } from "./types";

/** Where the plan year was set, as the message names it. */
export type YearSetting = "settings" | "cli" | "titles";

const SETTING_NAME: Record<YearSetting, { vi: string; en: string }> = {
  settings: { vi: "trong Cài đặt", en: "in Settings" },
  cli: { vi: "(tham số --year)", en: "(--year)" },
  titles: { vi: "(năm đa số tiêu đề ghi; chọn năm bằng tham số --year)", en: "(the year most titles name; choose it with --year)" },
};

export interface PlanYearOptions {
  /** The workbook's file name, for multi-workbook runs (the CLI). */
  file?: string;
  yearSetIn?: YearSetting;
}

/** A title naming another year than the plan year, with the rows of the tables under it. */
export interface MismatchedTitle {
  sheet: string;
  year: number;
  row: number;
  column: number;
  /** Data rows of the tables under this title (stacked tables may share one). */
  rows: Set<number>;
}

/** The titles among these recognitions naming another year than the plan year, by `${sheet}\0${row}\0${column}`. */
export function mismatchedTitles(tables: readonly SheetRecognition[], context: CheckContext): Map<string, MismatchedTitle> {
  const titles = new Map<string, MismatchedTitle>();
  if (effectiveSeverity(periodInvalid, context) === "off") return titles;
  for (const table of tables) {
    if (!table.template || table.titleYear === undefined || table.titleYear === context.year || !table.titleCell) continue;
    const key = `${table.sheet}\u0000${table.titleCell.row}\u0000${table.titleCell.column}`;
    let title = titles.get(key);
    if (!title) titles.set(key, (title = { sheet: table.sheet, year: table.titleYear, ...table.titleCell, rows: new Set() }));
    for (const dataRow of table.dataRows) title.rows.add(dataRow.row);
  }
  return titles;
}

/** A trip the plan-year finding counts: its period lies outside the plan year. */
export function isOutsidePlanYear(delegation: Delegation, context: CheckContext): boolean {
  return delegation.period !== undefined && yearOf(delegation.period.start) !== context.year;
}

/** One finding per title naming another year than the plan year (rule period-invalid, at the title cell). */
export function planYearFindings(plan: PlanRead, context: CheckContext, options: PlanYearOptions = {}): Finding[] {
  // Stacked tables under one title share it: one finding counting the trips of all of them.
  const titles = mismatchedTitles(plan.sheets, context);
  if (titles.size === 0) return [];
  const outside = new Map<MismatchedTitle, number>();
  for (const title of titles.values()) {
    outside.set(title, plan.delegations.filter((delegation) => delegation.sheet === title.sheet && title.rows.has(delegation.row) && isOutsidePlanYear(delegation, context)).length);
  }
  return [...titles.values()].map((title) => planYearFinding(title, outside.get(title) ?? 0, context, options));
}

/** The finding at a title naming another year, quoting how many trips fall outside the plan year. */
export function planYearFinding({ sheet, year, row, column }: MismatchedTitle, outside: number, context: CheckContext, options: PlanYearOptions = {}): Finding {
  const severity = effectiveSeverity(periodInvalid, context);
  const setting = SETTING_NAME[options.yearSetIn ?? "settings"];
  const finding: Finding = {
    sheet,
    row,
    column,
    cell: a1Address(row, column),
    rule: periodInvalid.id,
    severity: severity === "off" ? "error" : severity,
    message:
      `Tiêu đề ghi năm ${year}, khác năm kế hoạch ${context.year} ${setting.vi}. Các đoàn được đối chiếu với năm ${context.year} ` +
      `(${outside} đoàn có thời gian ngoài năm ${context.year} bị báo lỗi thời gian); số chuyến của lãnh đạo chủ chốt vẫn được đếm theo năm của từng chuyến. ` +
      `Nếu đây là kế hoạch năm ${year}, hãy đặt năm kế hoạch ${year} ${setting.vi} rồi kiểm tra lại`,
    messageEn:
      `The title names ${year}, not the plan year ${context.year} set ${setting.en}. The trips are checked against ${context.year} ` +
      `(${outside} trip(s) outside ${context.year} are flagged as period errors); key leaders' trips are still counted in each trip's own year. ` +
      `If this is the ${year} plan, set the plan year to ${year} ${setting.en} and check again`,
    source: periodInvalid.source,
    delegationId: `${options.file !== undefined ? `${options.file}|` : ""}${sheet}!title:${row}`,
  };
  if (options.file !== undefined) finding.file = options.file;
  return finding;
}
