import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import { DATE_FORMAT, HEADER_FILL, characterWidthToPoints, writeTableSheet } from "../../src/excel/writeTable";
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

describe("writeTable: what a master and its statistics carry", () => {
  const STATISTICS: TableWrite = {
    sheet: "Thống kê",
    headerRows: 1,
    rows: [
      ["THỐNG KÊ KẾ HOẠCH ĐOÀN NĂM 2025"],
      [],
      ["Theo quý"],
      ["Quý", "Đoàn ra", "Đoàn vào", "Tổng"],
      ["Quý I", 2, 1, 3],
      ["Quý II", 0, 4, 4],
      [],
      ["Theo loại kế hoạch"],
      ["Loại kế hoạch", "Số đoàn", "Số người"],
      ["Đoàn ra", 2, 9],
      ["Tổng cộng", 2, 9],
    ],
    subHeaderRows: [3, 4, 8, 9],
    merges: [{ top: 1, left: 1, bottom: 1, right: 4 }],
    charts: [
      { title: "Theo quý", type: "column", headerRow: 4, firstRow: 5, lastRow: 6, labelColumn: 1, valueColumns: [2, 3] },
      { title: "Theo loại kế hoạch", type: "pie", headerRow: 9, firstRow: 10, lastRow: 10, labelColumn: 1, valueColumns: [2] },
    ],
  };

  it("formats sub-header rows like the header, merges areas and adds each chart with its title beside the table", async () => {
    await setup().writeTable(STATISTICS);
    const sheet = sheetByName(fake.workbook, "Thống kê");
    for (const row of [1, 3, 4, 8, 9]) expect(sheet.cells.get(cellKey(row, 1))).toMatchObject({ bold: true, fill: HEADER_FILL });
    // A stacked table's title row is highlighted over its own cell, its column header over its columns.
    expect(sheet.cells.get(cellKey(3, 2))?.bold).toBeUndefined();
    expect(sheet.cells.get(cellKey(4, 4))).toMatchObject({ bold: true, fill: HEADER_FILL });
    expect(sheet.cells.get(cellKey(5, 1))?.bold).toBeUndefined();
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
    expect(sheet.charts).toEqual([
      { type: "ColumnClustered", source: "A4:C6", seriesBy: "Columns", title: "Theo quý", position: "F3:L18" },
      { type: "Pie", source: "A9:B10", seriesBy: "Columns", title: "Theo loại kế hoạch", position: "F20:L35" },
    ]);
    expect(fake.stats.syncs).toBe(2);
  });

  it("adds no chart where the host cannot draw them", async () => {
    setup();
    await (Excel.run as unknown as (batch: (context: Excel.RequestContext) => Promise<unknown>) => Promise<unknown>)((context) =>
      writeTableSheet(context, STATISTICS, { charts: false }),
    );
    expect(sheetByName(fake.workbook, "Thống kê").charts).toEqual([]);
  });

  it("writes dates as real dates shown dd/mm/yyyy, numbers as numbers, formula-like text (textCells) as text", async () => {
    const table: TableWrite = {
      sheet: "Tổng hợp đoàn ra",
      headerRows: 1,
      rows: [
        ["Tên đoàn", "Từ ngày", "Số lượng", "Ghi chú"],
        ["=HYPERLINK(\"http://x\")", new Date(Date.UTC(2025, 4, 2)), 5, "@mention"],
        ["+84 Đoàn B", "Tháng 5/2025", 3, "-"],
      ],
      textCells: [
        { row: 2, column: 1 },
        { row: 2, column: 4 },
        { row: 3, column: 1 },
        { row: 3, column: 4 },
      ],
    };
    await setup().writeTable(table);
    const sheet = sheetByName(fake.workbook, "Tổng hợp đoàn ra");
    expect(valuesOf(sheet, { top: 2, left: 1, bottom: 3, right: 4 })).toEqual([
      ["=HYPERLINK(\"http://x\")", 45779, 5, "@mention"],
      ["+84 Đoàn B", "Tháng 5/2025", 3, "-"],
    ]);
    expect([...sheet.cells.values()].filter((cell) => cell.formula !== undefined)).toEqual([]);
    expect(sheet.cells.get(cellKey(2, 2))?.numberFormat).toBe(DATE_FORMAT);
    expect(sheet.cells.get(cellKey(3, 2))?.numberFormat).toBe("General");
    expect(sheet.cells.get(cellKey(2, 3))?.numberFormat).toBeUndefined();
  });

  it("replaces the workbook's only visible sheet without ever leaving it without one", async () => {
    fake = installFakeExcel(createWorkbook({ sheets: [{ name: "Thống kê", values: [["cũ"], ["cũ"]] }, { name: "Ẩn", visibility: "Hidden" }] }));
    await new ExcelWorkbookHost().writeTable(STATISTICS);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Thống kê", "Ẩn"]);
    expect(valuesOf(sheetByName(fake.workbook, "Thống kê"), { top: 2, left: 1, bottom: 2, right: 1 })).toEqual([[null]]);
  });

  it("sends a table bigger than one request's budget in further syncs, one per chunk of rows", async () => {
    setup();
    const rows = [["STT", "Tên đoàn"], ...Array.from({ length: 300 }, (_, i) => [i + 1, `Đoàn công tác khảo sát số ${i + 1}`])];
    await (Excel.run as unknown as (batch: (context: Excel.RequestContext) => Promise<unknown>) => Promise<unknown>)((context) =>
      writeTableSheet(context, { sheet: "Lớn", headerRows: 1, rows }, { charts: true, syncBudgetBytes: 4_000 }),
    );
    const sheet = sheetByName(fake.workbook, "Lớn");
    expect(valuesOf(sheet, { top: 300, left: 1, bottom: 301, right: 2 })).toEqual([
      [299, "Đoàn công tác khảo sát số 299"],
      [300, "Đoàn công tác khảo sát số 300"],
    ]);
    expect(fake.stats.syncs).toBeGreaterThan(3);
    expect(fake.stats.maxRequestBytes).toBeLessThan(6_000);
  });
});
