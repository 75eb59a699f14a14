/**
 * The plan year of a merge: the year the units' titles name ("KẾ HOẠCH ĐOÀN RA NĂM 2026"), as `dplan merge`
 * takes it, and whether the units disagree with each other or with the year set in Cài đặt — then the
 * person merging chooses: a wrong year silently counts every delegation as outside the plan year.
 */
import type { PlanRead } from "../templates/types";
import { unitKey } from "./consolidate";
import type { UnitPlan } from "./types";

/** The year most recognised sheets name in their title; the later one on a tie. */
export function titleYear(plans: readonly (PlanRead | undefined)[]): number | undefined {
  const counts = new Map<number, number>();
  for (const sheet of plans.flatMap((plan) => plan?.sheets ?? [])) {
    if (sheet.template && sheet.titleYear !== undefined) counts.set(sheet.titleYear, (counts.get(sheet.titleYear) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

export interface PlanYearInfo {
  /** The year of the settings (Cài đặt). */
  settingsYear: number;
  /** Each year the units' titles name, with the units naming it (and their sheets, when a unit's sheets disagree), latest year first. */
  titles: { year: number; units: string[] }[];
  /** The titles' year when they name one, else the settings'. */
  proposed: number;
  source: "titles" | "settings";
  /** The units disagree with each other or with the settings: ask before merging. */
  needsChoice: boolean;
}

export function planYearInfo(units: readonly UnitPlan[], settingsYear: number): PlanYearInfo {
  const byYear = new Map<number, string[]>();
  for (const unit of units) {
    const sheetsByYear = new Map<number, string[]>();
    for (const sheet of unit.plan.sheets) {
      if (!sheet.template || sheet.titleYear === undefined) continue;
      const sheets = sheetsByYear.get(sheet.titleYear) ?? [];
      if (!sheets.includes(sheet.sheet)) sheets.push(sheet.sheet);
      sheetsByYear.set(sheet.titleYear, sheets);
    }
    // One unit under two years: its sheets disagree, so each year names the unit's sheets that give it.
    const disagrees = sheetsByYear.size > 1;
    for (const [year, sheets] of sheetsByYear) {
      const label = disagrees ? `${unit.unitName} (trang ${sheets.map((sheet) => `“${sheet}”`).join(", ")})` : unit.unitName;
      const named = byYear.get(year) ?? [];
      if (!named.some((name) => unitKey(name) === unitKey(label))) named.push(label);
      byYear.set(year, named);
    }
  }
  const titles = [...byYear].sort((a, b) => b[0] - a[0]).map(([year, named]) => ({ year, units: named }));
  const fromTitles = titleYear(units.map((unit) => unit.plan));
  const proposed = fromTitles ?? settingsYear;
  return {
    settingsYear,
    titles,
    proposed,
    source: fromTitles === undefined ? "settings" : "titles",
    needsChoice: titles.length > 1 || (titles.length === 1 && titles[0].year !== settingsYear),
  };
}
