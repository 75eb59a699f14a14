/**
 * Units that sent nothing: "Sau thời gian trên nếu không có Văn bản thông báo, xin được hiểu là … không
 * đăng ký" [S0]; "các đơn vị không gửi văn bản, được hiểu là không đăng ký" [S3, S4].
 */
import {
  consolidate,
  findUnitsSheet,
  missingUnits,
  parseUnitList,
  readMaster,
  STATISTICS_SHEET_NAME,
  unitListFromGrid,
  UNITS_SHEET_NAME,
  type UnitSummary,
} from "../../../src/domain/merge";
import { getProfile } from "../../../src/domain/profiles";
import type { SheetGrid } from "../../../src/workbook/types";
import { trip, unitPlan, type UnitSpecInput } from "./units";

const hp = { profile: getProfile("hai-phong"), year: 2025 };
const sent = (...names: string[]) => names.map((unit) => ({ unit }) as UnitSummary);
const grid = (name: string, values: SheetGrid["values"]): SheetGrid => ({ name, originRow: 1, originCol: 1, values, merges: [] });

describe("the department's list of units", () => {
  it("reads a text list: one a line, numbering, bullets, a header and blank lines skipped, duplicates once", () => {
    const text = "\uFEFFTên đơn vị\n1. Sở Y tế\n- Sở Giáo dục và Đào tạo\n\n  UBND xã Tân Lập  \nsở y tế\r\n";
    expect(parseUnitList(text)).toEqual(["Sở Y tế", "Sở Giáo dục và Đào tạo", "UBND xã Tân Lập"]);
  });

  it("reads a CSV list's name field", () => {
    expect(parseUnitList("STT;Đơn vị;Ghi chú\n1;Sở Y tế;\n2;Sở Tài chính;khối kinh tế")).toEqual(["Sở Y tế", "Sở Tài chính"]);
  });

  it("reads a sheet's “Đơn vị” column, else its first column of text", () => {
    const headed = grid(UNITS_SHEET_NAME, [["DANH SÁCH ĐƠN VỊ GỬI KẾ HOẠCH"], ["STT", "Tên đơn vị", "Ghi chú"], [1, "Sở Y tế", "x"], [2, "Sở Tài chính", null]]);
    expect(unitListFromGrid(headed)).toEqual(["Sở Y tế", "Sở Tài chính"]);
    expect(unitListFromGrid(grid("Sheet1", [[1, "Sở Y tế"], [2, "Sở Tư pháp"]]))).toEqual(["Sở Y tế", "Sở Tư pháp"]);
    expect(findUnitsSheet([grid("Sheet1", []), grid("danh sach don vi", [])])?.name).toBe("danh sach don vi");
  });
});

describe("missingUnits", () => {
  const expected = ["Sở Y tế", "Sở Giáo dục và Đào tạo", "UBND xã Tân Lập", "Sở Tài chính"];
  it.each<[string, string[], string[]]>([
    ["every unit sent", ["Sở Y tế", "Sở Giáo dục và Đào tạo", "UBND xã Tân Lập", "Sở Tài chính"], []],
    ["two sent nothing", ["Sở Y tế", "UBND xã Tân Lập"], ["Sở Giáo dục và Đào tạo", "Sở Tài chính"]],
    ["names typed otherwise match", ["SỞ Y TẾ", "So Giao duc va Dao tao", "Ủy ban nhân dân xã Tân Lập", "Sở Tài chính thành phố Hải Phòng"], []],
    ["a similar name is another unit", ["Sở Y tế", "Sở Giáo dục và Đào tạo", "UBND xã Tân Lập", "Sở Tài nguyên và Môi trường"], ["Sở Tài chính"]],
    ["nobody sent", [], ["Sở Y tế", "Sở Giáo dục và Đào tạo", "UBND xã Tân Lập", "Sở Tài chính"]],
  ])("%s", (_, received, missing) => {
    expect(missingUnits(expected, sent(...received))).toEqual(missing);
  });

  it("two communes whose names differ by one tone mark are two units of the list: one sending is not both", () => {
    const communes = ["UBND xã Tân Hòa", "UBND xã Tân Hóa"];
    expect(parseUnitList(communes.join("\n"))).toEqual(communes);
    expect(missingUnits(communes, sent("UBND xã Tân Hòa"))).toEqual(["UBND xã Tân Hóa"]);
    expect(missingUnits(communes, sent("UBND xã Tân Hóa"))).toEqual(["UBND xã Tân Hòa"]);
    expect(missingUnits(communes, sent("UBND xã Tân Hòa", "UBND xã Tân Hóa"))).toEqual([]);
  });
});

describe("consolidate with the department's list", () => {
  const A: UnitSpecInput = { file: "so-y-te.xlsx", unit: "Sở Y tế", outbound: [trip(1)] };
  const B: UnitSpecInput = { file: "so-gd.xlsx", unit: "Sở Giáo dục và Đào tạo", outbound: [trip(2)] };
  const expectedUnits = ["Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Tài chính", "UBND xã Tân Lập"];

  it("lists the units that sent nothing, and the Thống kê sheet shows them without a chart", () => {
    const plan = consolidate([unitPlan(A)], undefined, hp, { expectedUnits });
    expect(plan.missingUnits).toEqual(["Sở Giáo dục và Đào tạo", "Sở Tài chính", "UBND xã Tân Lập"]);
    const statistics = plan.sheets.find((sheet) => sheet.sheet === STATISTICS_SHEET_NAME)!;
    const title = statistics.rows.findIndex((row) => String(row[0]).startsWith("Đơn vị chưa gửi kế hoạch: 3/4"));
    expect(title).toBeGreaterThan(0);
    expect(statistics.rows.slice(title + 2, title + 5).map((row) => row[0])).toEqual(["Sở Giáo dục và Đào tạo", "Sở Tài chính", "UBND xã Tân Lập"]);
    expect(statistics.charts?.some((chart) => chart.title.startsWith("Đơn vị chưa gửi"))).toBe(false);
  });

  it("a unit whose rows an earlier master holds has sent its plan", () => {
    const first = consolidate([unitPlan(B)], undefined, hp);
    const grids = first.sheets.map((table) => grid(table.sheet, table.rows.map((row) => [...row])));
    const plan = consolidate([unitPlan(A)], readMaster(grids), hp, { expectedUnits });
    expect(plan.missingUnits).toEqual(["Sở Tài chính", "UBND xã Tân Lập"]);
  });

  it("says nothing without a list", () => {
    const plan = consolidate([unitPlan(A)], undefined, hp);
    expect(plan.missingUnits).toBeUndefined();
    expect(plan.statistics.some((table) => table.title.startsWith("Đơn vị chưa gửi"))).toBe(false);
  });
});
