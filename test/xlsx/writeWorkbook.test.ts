import ExcelJS from "exceljs";
import type { TableWrite } from "../../src/workbook/types";
import { LISTS_SHEET_NAME, writeWorkbook } from "../../src/xlsx/writeWorkbook";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { day } from "../fixtures/generate";

/** A plain copy of what a test reads from an exceljs cell. */
function snapshot(cell: ExcelJS.Cell) {
  return { type: cell.type, value: cell.value, formula: cell.formula, numFmt: cell.numFmt, font: cell.font, fill: cell.fill, border: cell.border };
}

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const FORMULA_LIKE = ["=SUM(A1:A3)", "=HYPERLINK(\"http://evil\",\"bấm\")", "+84 912 345 678", "-Nguyễn Văn A", "@chú ý", "=1+1"];

const master: TableWrite = {
  sheet: "Tổng hợp đoàn ra",
  headerRows: 1,
  rows: [
    ["STT", "Tên đoàn", "Số lượng", "Từ ngày", "Ghi chú", "Lỗi"],
    [1, "Đoàn A", 5, day(2025, 5, 15), FORMULA_LIKE[0], { error: "#REF!" }],
    ...FORMULA_LIKE.slice(1).map((text, i) => [i + 2, `Đoàn ${i}`, "05 người", "Quý II/2025", text, null]),
    [9, "Đoàn cuối", null, day(2026, 2, 13), true, null],
  ],
  columnWidths: [6, 30],
  columnFormats: [undefined, undefined, undefined, "dd/mm/yyyy"],
  textCells: [{ row: 2, column: 5 }],
};

describe("writeWorkbook", () => {
  let workbook: ExcelJS.Workbook;
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    workbook = await open(await writeWorkbook([master]));
    sheet = workbook.getWorksheet(master.sheet)!;
  });

  test("formula-like text is written as a plain string, never as a formula", () => {
    for (let row = 2; row <= 7; row++) {
      const cell = snapshot(sheet.getCell(row, 5));
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(FORMULA_LIKE[row - 2]);
      // Text format, so that editing the cell in Excel keeps it text.
      expect(cell.numFmt).toBe("@");
    }
  });

  test("numbers, real dates (dd/mm/yyyy), booleans and errors keep their types", () => {
    expect(sheet.getCell("C2").type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell("C3").value).toBe("05 người");
    expect(sheet.getCell("D2").type).toBe(ExcelJS.ValueType.Date);
    expect(sheet.getCell("D2").value).toEqual(day(2025, 5, 15));
    expect(sheet.getCell("D2").numFmt).toBe("dd/mm/yyyy");
    expect(sheet.getCell("D3").value).toBe("Quý II/2025");
    expect(sheet.getCell("E8").value).toBe(true);
    expect(sheet.getCell("F2").value).toEqual({ error: "#REF!" });
  });

  test("a date in a column without a format still shows dd/mm/yyyy", async () => {
    const book = await open(await writeWorkbook([{ sheet: "S", headerRows: 0, rows: [[day(2025, 1, 2)]] }]));
    expect(book.getWorksheet("S")!.getCell("A1").numFmt).toBe("dd/mm/yyyy");
  });

  test("header: bold, filled, bordered, frozen, with a filter; column widths given or from content", () => {
    const header = snapshot(sheet.getCell("B1"));
    expect(header.font?.bold).toBe(true);
    expect(header.fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(header.border?.bottom?.style).toBe("thin");
    expect(sheet.getCell("B2").font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeDefined();
    expect(sheet.getColumn(1).width).toBe(6);
    expect(sheet.getColumn(2).width).toBe(30);
    // "=HYPERLINK(\"http://evil\",\"bấm\")" is the widest text of column E.
    expect(sheet.getColumn(5).width).toBe(FORMULA_LIKE[1].length + 2);
  });

  test("the reader reads back what was written", async () => {
    const grids = await readXlsx(await writeWorkbook([master]), "m.xlsx");
    expect(grids[0].values[1]).toEqual([1, "Đoàn A", 5, day(2025, 5, 15), "=SUM(A1:A3)", { error: "#REF!" }]);
  });

  test("internal hyperlinks point at a cell of the workbook", async () => {
    const report: TableWrite = {
      sheet: "Báo cáo",
      headerRows: 1,
      rows: [["Ô", "Nội dung"], ["C2", "Lãnh đạo đi 3 lần"], [null, "Không có chữ"]],
      links: [
        { row: 2, column: 1, target: { sheet: "Tổng hợp đoàn ra", row: 2, column: 3 } },
        { row: 3, column: 1, target: { sheet: "Tổng hợp đoàn ra", row: 12, column: 28 } },
      ],
    };
    const book = await open(await writeWorkbook([master, report]));
    const link = snapshot(book.getWorksheet("Báo cáo")!.getCell("A2"));
    expect(link.type).toBe(ExcelJS.ValueType.Hyperlink);
    expect(link.value).toEqual({ text: "C2", hyperlink: "#'Tổng hợp đoàn ra'!$C$2" });
    expect(book.getWorksheet("Báo cáo")!.getCell("A3").value).toEqual({ text: "Tổng hợp đoàn ra!AB12", hyperlink: "#'Tổng hợp đoàn ra'!$AB$12" });
  });

  test("stacked tables: sub-header rows are formatted like the header, blank rows stay blank", async () => {
    const stats: TableWrite = { sheet: "Thống kê", headerRows: 1, rows: [["THỐNG KÊ"], [], ["Theo loại"], ["Loại", "Số đoàn"], ["Đoàn ra", 3]], subHeaderRows: [3, 4] };
    const book = await open(await writeWorkbook([stats]));
    const s = book.getWorksheet("Thống kê")!;
    expect(s.getCell("A1").font?.bold).toBe(true);
    expect(s.getCell("A3").font?.bold).toBe(true);
    expect(s.getCell("B4").fill).toMatchObject({ pattern: "solid" });
    expect(s.getCell("A5").font?.bold).toBeFalsy();
    expect(s.getCell("B5").value).toBe(3);
    expect(s.getCell("A2").value).toBeNull();
  });

  test("into an existing workbook: tables replace sheets of the same name in place, other sheets are kept", async () => {
    const base = new ExcelJS.Workbook();
    base.addWorksheet("Bìa").getCell("A1").value = "Trang bìa do người dùng làm";
    base.addWorksheet(master.sheet).getCell("Z99").value = "cũ";
    base.addWorksheet("Ghi chú").getCell("A1").value = "ghi chú";
    const bytes = new Uint8Array(await base.xlsx.writeBuffer());
    const book = await open(await writeWorkbook([master], { base: bytes }));
    expect(book.worksheets.map((w) => w.name)).toEqual(["Bìa", master.sheet, "Ghi chú"]);
    expect(book.getWorksheet("Bìa")!.getCell("A1").value).toBe("Trang bìa do người dùng làm");
    expect(book.getWorksheet(master.sheet)!.getCell("Z99").value).toBeNull();
    expect(book.getWorksheet(master.sheet)!.getCell("B2").value).toBe("Đoàn A");
  });

  test("dropdowns: lists on a hidden sheet, list validation on the target cells only", async () => {
    const book = await open(
      await writeWorkbook([{ sheet: "Đoàn ra", headerRows: 1, rows: [["Nước đến", "Nguồn kinh phí"]] }], {
        dropdowns: {
          lists: [
            { id: "countries", title: "Nước", items: ["Nhật Bản", "Hàn Quốc", "Lào"] },
            { id: "funding", title: "Nguồn kinh phí", items: ["Ngân sách thành phố"] },
          ],
          targets: [
            { sheet: "Đoàn ra", column: 1, firstRow: 2, lastRow: 50, list: "countries" },
            { sheet: "Đoàn ra", column: 2, firstRow: 2, lastRow: 50, list: "funding" },
          ],
        },
      }),
    );
    const lists = book.getWorksheet(LISTS_SHEET_NAME)!;
    expect(lists.state).toBe("veryHidden");
    expect([lists.getCell("A1").value, lists.getCell("A2").value, lists.getCell("A4").value]).toEqual(["Nước", "Nhật Bản", "Lào"]);
    const sheet = book.getWorksheet("Đoàn ra")!;
    expect(sheet.getCell("A2").dataValidation).toMatchObject({ type: "list", formulae: [`'${LISTS_SHEET_NAME}'!$A$2:$A$4`] });
    expect(sheet.getCell("B50").dataValidation).toMatchObject({ type: "list", formulae: [`'${LISTS_SHEET_NAME}'!$B$2:$B$2`] });
    expect(sheet.getCell("A1").dataValidation).toBeUndefined();
    expect(sheet.getCell("A51").dataValidation).toBeUndefined();
  });
});
