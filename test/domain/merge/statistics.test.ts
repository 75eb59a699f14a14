import { viewMaster } from "../../support/masterDocument";
import { consolidate, MASTER_SHEET_NAMES, readMaster, STATISTICS_SHEET_NAME } from "../../../src/domain/merge";
import type { StatisticsTable } from "../../../src/domain/merge";
import { getProfile } from "../../../src/domain/profiles";
import { trip, unitPlan, visit } from "./units";

const context = { profile: getProfile("hai-phong"), year: 2025 };

const plan = consolidate(
  [
    unitPlan({
      file: "a.xlsx",
      unit: "Sở Y tế",
      outbound: [
        trip(1, { countries: "Nhật Bản", start: "Tháng 5/2025", members: 4 }),
        trip(2, { countries: "Nhật Bản, Hàn Quốc", start: "Tháng 8/2025", members: 6 }),
        trip(3, { countries: "Pháp", start: "Quý IV/2025", members: 2 }),
      ],
      inbound: [visit(1, { countries: "Hàn Quốc", period: "Quý III/2025", members: 5 })],
    }),
    unitPlan({
      file: "b.xlsx",
      unit: "Sở Giáo dục và Đào tạo",
      outbound: [trip(4, { countries: "Lào", start: "Năm 2025", members: 3 }), trip(5, { countries: "Nhật", start: "Tháng 3/2024", members: 1 })],
    }),
  ],
  undefined,
  context,
);

function table(title: string): StatisticsTable {
  const found = plan.statistics.find((t) => t.title.startsWith(title));
  if (!found) throw new Error(`no table ${title}`);
  return found;
}

describe("statistics", () => {
  test("by kind: delegations and people, with a total", () => {
    expect(table("Theo loại").rows).toEqual([
      ["Kế hoạch đoàn ra", 5, 16],
      ["Kế hoạch đoàn vào", 1, 5],
      ["Tổng cộng", 6, 21],
    ]);
  });

  test("by country: a trip to several countries counts for each; aliases count as the standard name; most first", () => {
    expect(table("Theo nước").columns).toEqual(["Nước", "Đoàn ra", "Đoàn vào", "Tổng"]);
    expect(table("Theo nước").rows).toEqual([
      ["Nhật Bản", 3, 0, 3],
      ["Hàn Quốc", 1, 1, 2],
      ["Lào", 1, 0, 1],
      ["Pháp", 1, 0, 1],
    ]);
  });

  test("by quarter of the start; a time known only to the year and other years are apart", () => {
    expect(table("Theo quý").columns).toEqual(["Quý", "Đoàn ra", "Đoàn vào", "Tổng"]);
    expect(table("Theo quý").rows).toEqual([
      ["Quý I", 0, 0, 0],
      ["Quý II", 1, 0, 1],
      ["Quý III", 1, 1, 2],
      ["Quý IV", 1, 0, 1],
      ["Cả năm (chưa rõ quý)", 1, 0, 1],
      ["Ngoài năm kế hoạch", 1, 0, 1],
    ]);
  });

  test("by unit, in master order; rows added by hand counted apart", () => {
    expect(table("Theo đơn vị").rows).toEqual([
      ["Sở Y tế", 3, 1, 4],
      ["Sở Giáo dục và Đào tạo", 2, 0, 2],
    ]);
    const grids = plan.sheets.map((t) => ({ name: t.sheet, originRow: 1, originCol: 1, values: t.rows.map((r) => [...r]), merges: [] }));
    // Typed by hand right above the Tổng cộng row.
    grids[0].values.splice(viewMaster(grids[0].values).totalRow! - 1, 0, [null, "Đoàn tay", "Lê Tay", "Giám đốc Sở", 2, null, "Lào", "Tháng 9/2025"]);
    const next = consolidate([], readMaster(grids), context);
    expect(next.statistics.find((t) => t.title === "Theo đơn vị")!.rows).toEqual([
      ["Sở Y tế", 3, 1, 4],
      ["Sở Giáo dục và Đào tạo", 2, 0, 2],
      ["(dòng nhập tay)", 1, 0, 1],
    ]);
  });

  test("by unit: names that differ by one tone mark are two units (the exact name is the identity)", () => {
    const communes = consolidate(
      [
        unitPlan({ file: "tan-hoa.xlsx", unit: "UBND xã Tân Hòa", outbound: [trip(1), trip(2)] }),
        unitPlan({ file: "tan-hoa-2.xlsx", unit: "UBND xã Tân Hóa", outbound: [trip(3)] }),
      ],
      undefined,
      context,
    );
    expect(communes.statistics.find((t) => t.title === "Theo đơn vị")!.rows).toEqual([
      ["UBND xã Tân Hòa", 2, 2],
      ["UBND xã Tân Hóa", 1, 1],
    ]);
  });

  test("the Thống kê sheet stacks the tables under their titles, with chart requests for hosts that draw", () => {
    const sheet = plan.sheets.find((s) => s.sheet === STATISTICS_SHEET_NAME)!;
    expect(sheet.rows[0]).toEqual(["THỐNG KÊ KẾ HOẠCH ĐOÀN NĂM 2025"]);
    const titleRow = sheet.rows.findIndex((row) => row[0] === "Theo loại kế hoạch") + 1;
    expect(sheet.subHeaderRows).toContain(titleRow);
    expect(sheet.subHeaderRows).toContain(titleRow + 1);
    expect(sheet.rows[titleRow]).toEqual(["Loại kế hoạch", "Số đoàn", "Số người"]);
    const kindsChart = sheet.charts!.find((c) => c.title === "Theo loại kế hoạch")!;
    // The total line is not a slice of the pie.
    expect(kindsChart).toMatchObject({ type: "pie", headerRow: titleRow + 1, firstRow: titleRow + 2, lastRow: titleRow + 3, labelColumn: 1, valueColumns: [2] });
    const countries = sheet.charts!.find((c) => c.title.startsWith("Theo nước"))!;
    expect(countries.valueColumns).toEqual([2, 3]);
    // Each table's title spans its table's columns (a long title is not cut off at column A).
    const countriesTitle = sheet.rows.findIndex((row) => typeof row[0] === "string" && row[0].startsWith("Theo nước")) + 1;
    const countriesWidth = sheet.rows[countriesTitle].length;
    expect(sheet.merges).toContainEqual({ top: countriesTitle, left: 1, bottom: countriesTitle, right: countriesWidth });
    expect(sheet.merges).toContainEqual({ top: titleRow, left: 1, bottom: titleRow, right: 3 });
    expect(sheet.rows[countries.firstRow - 1][0]).toBe("Nhật Bản");
  });

  test("master sheet names", () => {
    expect(plan.sheets.map((s) => s.sheet)).toEqual([MASTER_SHEET_NAMES.outbound, MASTER_SHEET_NAMES.inbound, STATISTICS_SHEET_NAME]);
  });
});
