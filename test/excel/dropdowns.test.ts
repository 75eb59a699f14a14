import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import { LISTS_SHEET } from "../../src/excel/dropdowns";
import type { DropdownTarget, StandardList } from "../../src/workbook/types";
import { cellKey, createWorkbook, installFakeExcel, sheetByName, valuesOf, type FakeExcel } from "./fakeExcel";

let fake: FakeExcel;
afterEach(() => fake?.uninstall());

const USER_RULE = { wholeNumber: { formula1: 0, operator: "GreaterThan" } };

function setup() {
  fake = installFakeExcel(
    createWorkbook({
      sheets: [
        {
          name: "Đoàn ra",
          values: [["TT", "Nước đến", "Chức vụ", "Số người"], [1, "Lào", "Bộ trưởng", 3]],
          validations: [
            { address: "D2:D50", rule: USER_RULE },
            { address: "B40:B60", rule: USER_RULE },
          ],
        },
      ],
    }),
  );
  return new ExcelWorkbookHost();
}

const LISTS: StandardList[] = [
  { id: "countries", title: "Quốc gia", items: ["Lào", "Campuchia", "Nhật Bản"] },
  { id: "roles", title: "Chức vụ", items: ["Bộ trưởng", "Thứ trưởng", "=không phải công thức"] },
];

const TARGETS: DropdownTarget[] = [
  { sheet: "Đoàn ra", column: 2, firstRow: 2, lastRow: 50, list: "countries" },
  { sheet: "Đoàn ra", column: 3, firstRow: 2, lastRow: 50, list: "roles" },
];

describe("ExcelWorkbookHost.setDropdowns", () => {
  it("writes the lists to a VeryHidden sheet, one column per list", async () => {
    await setup().setDropdowns(LISTS, TARGETS);
    const lists = sheetByName(fake.workbook, LISTS_SHEET);
    expect(lists.visibility).toBe("VeryHidden");
    expect(valuesOf(lists, { top: 1, left: 1, bottom: 4, right: 2 })).toEqual([
      ["Quốc gia", "Chức vụ"],
      ["Lào", "Bộ trưởng"],
      ["Campuchia", "Thứ trưởng"],
      ["Nhật Bản", "=không phải công thức"],
    ]);
    expect([...lists.cells.values()].some((cell) => cell.formula !== undefined)).toBe(false);
  });

  it("sets list validation sourced from the lists sheet, on the targets only", async () => {
    await setup().setDropdowns(LISTS, TARGETS);
    const sheet = sheetByName(fake.workbook, "Đoàn ra");
    expect(sheet.validations.get(cellKey(2, 2))).toMatchObject({
      rule: { list: { inCellDropDown: true, source: "='_DanhMuc'!$A$2:$A$4" } },
      ignoreBlanks: true,
      errorAlert: { showAlert: true, style: "Information", title: "Giá trị ngoài danh mục" },
    });
    expect(sheet.validations.get(cellKey(50, 3))?.rule).toEqual({ list: { inCellDropDown: true, source: "='_DanhMuc'!$B$2:$B$4" } });
    expect(sheet.validations.has(cellKey(1, 2))).toBe(false);
    expect(sheet.validations.has(cellKey(1, 3))).toBe(false);
    expect(sheet.validations.has(cellKey(51, 3))).toBe(false);
    // The user's validation: replaced where a target covers it (B40:B50), untouched elsewhere (B51:B60, D2:D50).
    expect(sheet.validations.get(cellKey(45, 2))?.rule).toMatchObject({ list: expect.anything() });
    expect(sheet.validations.get(cellKey(50, 2))?.rule).toMatchObject({ list: expect.anything() });
    expect(sheet.validations.get(cellKey(51, 2))?.rule).toEqual(USER_RULE);
    expect(sheet.validations.get(cellKey(60, 2))?.rule).toEqual(USER_RULE);
    expect(sheet.validations.get(cellKey(2, 4))?.rule).toEqual(USER_RULE);
    expect(fake.stats.syncs).toBe(2);
  });

  it("rewrites an existing lists sheet without leftovers from longer lists", async () => {
    const host = setup();
    await host.setDropdowns([{ id: "countries", title: "Quốc gia", items: ["A", "B", "C", "D", "E"] }, LISTS[1]], TARGETS);
    await host.setDropdowns([{ id: "countries", title: "Quốc gia", items: ["Lào"] }], [TARGETS[0]]);
    const lists = sheetByName(fake.workbook, LISTS_SHEET);
    expect(valuesOf(lists, { top: 1, left: 1, bottom: 6, right: 2 })).toEqual([
      ["Quốc gia", null],
      ["Lào", null],
      [null, null],
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(fake.workbook.sheets.filter((s) => s.name === LISTS_SHEET)).toHaveLength(1);
    expect(sheetByName(fake.workbook, "Đoàn ra").validations.get(cellKey(2, 2))?.rule).toEqual({ list: { inCellDropDown: true, source: "='_DanhMuc'!$A$2" } });
  });

  it("skips targets on a sheet that no longer exists", async () => {
    const host = setup();
    await host.setDropdowns(LISTS, [...TARGETS, { sheet: "Đã xóa", column: 2, firstRow: 2, lastRow: 9, list: "countries" }]);
    expect(sheetByName(fake.workbook, "Đoàn ra").validations.get(cellKey(2, 2))?.rule).toBeDefined();
  });

  it("refuses a target whose list was not given, in Vietnamese, before touching the workbook", async () => {
    const host = setup();
    const before = fake.stats.syncs;
    await expect(host.setDropdowns(LISTS, [{ sheet: "Đoàn ra", column: 2, firstRow: 2, lastRow: 3, list: "funding" }])).rejects.toThrow(
      "Không có danh mục “funding” để gắn danh sách thả xuống.",
    );
    expect(fake.stats.syncs).toBe(before);
  });
});
