/** The year question of Tổng hợp: which unit (and, when its sheets disagree, which sheet) names which year. */
import { planYearInfo } from "../../../src/domain/merge";
import type { UnitPlan } from "../../../src/domain/merge";

/** A unit whose recognised sheets' titles name these years (only what planYearInfo reads). */
function unitWithTitles(unitName: string, titles: Array<[sheet: string, year: number]>): UnitPlan {
  const sheets = titles.map(([sheet, titleYear]) => ({ sheet, template: true, titleYear }));
  return { unitName, fileName: `${unitName}.xlsx`, plan: { sheets, delegations: [] } } as unknown as UnitPlan;
}

describe("plan year of a merge", () => {
  it("names the sheets of a unit whose sheets name different years", () => {
    const info = planYearInfo(
      [unitWithTitles("Sở Tư pháp", [["Đoàn ra", 2027]]), unitWithTitles("Sở Xây dựng", [["Đoàn ra", 2027], ["Đoàn vào", 2026]])],
      2027,
    );
    expect(info.titles).toEqual([
      { year: 2027, units: ["Sở Tư pháp", "Sở Xây dựng (trang “Đoàn ra”)"] },
      { year: 2026, units: ["Sở Xây dựng (trang “Đoàn vào”)"] },
    ]);
    expect(info.needsChoice).toBe(true);
  });

  it("names only the unit when all its sheets agree", () => {
    const info = planYearInfo([unitWithTitles("Sở Xây dựng", [["Đoàn ra", 2026], ["Đoàn vào", 2026]])], 2027);
    expect(info.titles).toEqual([{ year: 2026, units: ["Sở Xây dựng"] }]);
  });
});
