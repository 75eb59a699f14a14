import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import { HEADER_FILL, characterWidthToPoints } from "../../src/excel/writeTable";
import type { TableWrite } from "../../src/workbook/types";
import { cellKey, createWorkbook, installFakeExcel, sheetByName, valuesOf, type FakeExcel } from "./fakeExcel";

let fake: FakeExcel;
afterEach(() => fake?.uninstall());

const REPORT: TableWrite = {
  sheet: "Kết quả kiểm tra",
  headerRows: 1,
  rows: [
    ["Trang tính", "Ô", "Mức độ", "Nội dung", "Ngày"],
    ["Đoàn ra", "E5", "Lỗi", "=Tên nước không chuẩn", new Date(Date.UTC(2025, 0, 1))],
    ["Đoàn ra", "C7", "Cảnh báo", "+84 là mã vùng", null],
    ["Đoàn vào", "B2", "Thông tin", "01/02/2025"],
  ],
  columnWidths: [18, 8, 12, 60],
  columnFormats: [undefined, "@", undefined, undefined, "dd/mm/yyyy"],
  links: [
    { row: 2, column: 2, target: { sheet: "Đoàn ra", row: 5, column: 5 } },
    { row: 4, column: 2, target: { sheet: "Đoàn vào", row: 2, column: 2 } },
  ],
};

function setup() {
  fake = installFakeExcel(
    createWorkbook({
      sheets: [
        { name: "Đoàn ra", values: [["x"]] },
        { name: "Đoàn vào", values: [["y"]] },
      ],
    }),
  );
  return new ExcelWorkbookHost();
}

describe("ExcelWorkbookHost.writeTable", () => {
  it("writes values only: formula-, number- and date-like text stays text", async () => {
    await setup().writeTable(REPORT);
    const sheet = sheetByName(fake.workbook, "Kết quả kiểm tra");
    expect(valuesOf(sheet, { top: 1, left: 1, bottom: 4, right: 5 })).toEqual([
      ["Trang tính", "Ô", "Mức độ", "Nội dung", "Ngày"],
      ["Đoàn ra", "E5", "Lỗi", "=Tên nước không chuẩn", 45658],
      ["Đoàn ra", "C7", "Cảnh báo", "+84 là mã vùng", null],
      ["Đoàn vào", "B2", "Thông tin", "01/02/2025", null],
    ]);
    expect([...sheet.cells.values()].some((cell) => cell.formula !== undefined)).toBe(false);
    expect(sheet.cells.get(cellKey(2, 2))).toMatchObject({ value: "E5", numberFormat: "@" });
    expect(sheet.cells.get(cellKey(2, 2))?.textPrefix).toBeUndefined();
    expect(sheet.cells.get(cellKey(2, 5))?.numberFormat).toBe("dd/mm/yyyy");
    expect(fake.stats.syncs).toBe(2);
  });

  it("formats the header rows, column widths and frozen header", async () => {
    await setup().writeTable(REPORT);
    const sheet = sheetByName(fake.workbook, "Kết quả kiểm tra");
    for (let column = 1; column <= 5; column++) expect(sheet.cells.get(cellKey(1, column))).toMatchObject({ bold: true, fill: HEADER_FILL });
    expect(sheet.cells.get(cellKey(2, 1))?.bold).toBeUndefined();
    expect([...sheet.columnWidths.entries()]).toEqual([
      [1, characterWidthToPoints(18)],
      [2, characterWidthToPoints(8)],
      [3, characterWidthToPoints(12)],
      [4, characterWidthToPoints(60)],
    ]);
    expect(characterWidthToPoints(10)).toBeCloseTo(56.25);
    expect(sheet.frozenRows).toBe(1);
  });

  it("links cells to other cells of the workbook with internal hyperlinks", async () => {
    await setup().writeTable(REPORT);
    const sheet = sheetByName(fake.workbook, "Kết quả kiểm tra");
    expect(sheet.cells.get(cellKey(2, 2))?.hyperlink).toEqual({ documentReference: "'Đoàn ra'!E5", screenTip: "'Đoàn ra'!E5", textToDisplay: "E5" });
    expect(sheet.cells.get(cellKey(4, 2))?.hyperlink?.documentReference).toBe("'Đoàn vào'!B2");
    expect(sheet.cells.get(cellKey(2, 2))?.value).toBe("E5");
  });

  it("replaces an existing sheet of that name at the same position, leaving nothing of the old one", async () => {
    const host = setup();
    await host.writeTable({ sheet: "Đoàn ra", headerRows: 0, rows: [["mới"]] });
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Đoàn ra", "Đoàn vào"]);
    const sheet = sheetByName(fake.workbook, "Đoàn ra");
    expect(valuesOf(sheet, { top: 1, left: 1, bottom: 1, right: 2 })).toEqual([["mới", null]]);
    await host.writeTable(REPORT);
    await host.writeTable({ ...REPORT, rows: REPORT.rows.slice(0, 2), links: [] });
    const report = sheetByName(fake.workbook, "Kết quả kiểm tra");
    expect(valuesOf(report, { top: 3, left: 1, bottom: 4, right: 5 }).flat().every((v) => v === null)).toBe(true);
    expect(report.cells.get(cellKey(4, 2))?.hyperlink).toBeUndefined();
  });

  it("pads ragged rows and accepts an empty table", async () => {
    const host = setup();
    await host.writeTable({ sheet: "Thống kê", headerRows: 1, rows: [["Đơn vị", "Số đoàn"], ["Sở Ngoại vụ"]] });
    expect(valuesOf(sheetByName(fake.workbook, "Thống kê"), { top: 1, left: 1, bottom: 2, right: 2 })).toEqual([
      ["Đơn vị", "Số đoàn"],
      ["Sở Ngoại vụ", null],
    ]);
    await host.writeTable({ sheet: "Trống", headerRows: 0, rows: [] });
    expect(sheetByName(fake.workbook, "Trống").cells.size).toBe(0);
  });
});
