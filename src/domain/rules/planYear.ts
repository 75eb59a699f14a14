/**
 * The plan year set (Cài đặt, or `--year`) against the year a sheet's title names. When they differ the
 * check still runs against the year set, which flags every trip as outside the plan year: one finding at
 * the title cell says so plainly and what was counted, so nothing looks silently dropped.
 */
import { a1Address } from "../cells";
import type { Finding } from "../model";
import type { PlanRead } from "../templates/types";
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

/** One finding per title naming another year than the plan year (rule period-invalid, at the title cell). */
export function planYearFindings(plan: PlanRead, context: CheckContext, options: PlanYearOptions = {}): Finding[] {
  const severity = effectiveSeverity(periodInvalid, context);
  if (severity === "off") return [];
  const setting = SETTING_NAME[options.yearSetIn ?? "settings"];
  // Stacked tables under one title share it: one finding counting the trips of all of them.
  const titles = new Map<string, { sheet: string; year: number; row: number; column: number; outside: number }>();
  for (const table of plan.sheets) {
    if (!table.template || table.titleYear === undefined || table.titleYear === context.year || !table.titleCell) continue;
    const rows = new Set(table.dataRows.map((dataRow) => dataRow.row));
    const outside = plan.delegations.filter(
      (delegation) => delegation.sheet === table.sheet && rows.has(delegation.row) && delegation.period !== undefined && yearOf(delegation.period.start) !== context.year,
    ).length;
    const key = `${table.sheet}\u0000${table.titleCell.row}\u0000${table.titleCell.column}`;
    const title = titles.get(key);
    if (title) title.outside += outside;
    else titles.set(key, { sheet: table.sheet, year: table.titleYear, ...table.titleCell, outside });
  }
  return [...titles.values()].map(({ sheet, year, row, column, outside }) => {
    const finding: Finding = {
      sheet,
      row,
      column,
      cell: a1Address(row, column),
      rule: periodInvalid.id,
      severity,
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
  });
}
