/** What the playground's grid reads from the xlsx host: cell text as Excel shows it, looks, marks, lists, links. */
import ExcelJS from "exceljs";
import { cellView, displayText, MAX_COLUMNS, MergeIndex, sheetExtent } from "../../src/playground/gridModel";
import { XlsxWorkbookHost } from "../../src/xlsx/XlsxWorkbookHost";

async function host(fill: (sheet: ExcelJS.Worksheet) => void): Promise<XlsxWorkbookHost> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet("Đoàn ra"));
  workbook.addWorksheet("Khác");
  return XlsxWorkbookHost.open(Buffer.from(await workbook.xlsx.writeBuffer()), "g.xlsx");
}

const sheetOf = (h: XlsxWorkbookHost) => h.userSheet("Đoàn ra")!;

describe("the grid's view of a sheet", () => {
  test("cell text as Excel shows it: dates dd/mm/yyyy, numbers without float noise, percentages, formulas' results, errors, rich text", async () => {
    const h = await host((sheet) => {
      sheet.getCell("A1").value = new Date(Date.UTC(2027, 3, 12));
      sheet.getCell("A2").value = 0.1 + 0.2;
      sheet.getCell("A3").value = 0.25;
      sheet.getCell("A3").numFmt = "0%";
      sheet.getCell("A4").value = { formula: "SUM(1,2)", result: 3 } as ExcelJS.CellFormulaValue;
      sheet.getCell("A5").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
      sheet.getCell("A6").value = { richText: [{ text: "Nhật " }, { text: "Bản", font: { bold: true } }] };
      sheet.getCell("A7").value = true;
      sheet.getCell("A8").value = "<b>không phải HTML</b>";
    });
    const sheet = sheetOf(h);
    const texts = [1, 2, 3, 4, 5, 6, 7, 8].map((row) => displayText(sheet.getCell(row, 1)));
    expect(texts).toEqual(["12/04/2027", "0.3", "25%", "3", "#REF!", "Nhật Bản", "TRUE", "<b>không phải HTML</b>"]);
  });

  test("looking at cells never creates them (the downloaded file stays as it was)", async () => {
    const h = await host((sheet) => (sheet.getCell("B2").value = "x"));
    const sheet = sheetOf(h);
    const before = sheet.rowCount;
    for (let row = 1; row <= 50; row++) for (let column = 1; column <= 20; column++) cellView(h, sheet, row, column);
    sheetExtent(sheet);
    expect(sheet.rowCount).toBe(before);
    expect(sheet.findCell(40, 15)).toBeUndefined();
  });

  test("the user's look, the add-in's marks (message as the tooltip) and dropdown lists", async () => {
    const h = await host((sheet) => {
      sheet.getCell("A1").value = "Tiêu đề";
      sheet.getCell("A1").font = { bold: true, italic: true, color: { argb: "FFC00000" } };
      sheet.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
      sheet.getCell("A1").alignment = { horizontal: "center" };
      sheet.getCell("B1").value = 12;
      sheet.getCell("C1").value = "Philipin";
      sheet.getCell("C1").note = "ghi chú của người dùng";
    });
    const sheet = sheetOf(h);
    expect(cellView(h, sheet, 1, 1).style).toEqual({ bold: true, italic: true, color: "#C00000", background: "#D9E1F2", align: "center" });
    expect(cellView(h, sheet, 1, 2).style).toEqual({ align: "right" });
    expect(cellView(h, sheet, 1, 3).title).toBe("ghi chú của người dùng");

    await h.applyMarks([{ sheet: "Đoàn ra", row: 1, column: 3, severity: "warning", message: "Nước “Philipin” không có trong danh mục" }]);
    const marked = cellView(h, sheet, 1, 3);
    expect(marked.mark).toEqual({ severity: "warning", message: "Nước “Philipin” không có trong danh mục" });
    expect(marked.title).toBe("Nước “Philipin” không có trong danh mục\n\nghi chú của người dùng");
    expect(cellView(h, sheet, 1, 1).mark).toBeUndefined();

    await h.setDropdowns([{ id: "countries", title: "Nước", items: ["Lào", "Philippines"] }], [{ sheet: "Đoàn ra", column: 3, firstRow: 1, lastRow: 3, list: "countries" }]);
    expect(cellView(h, sheet, 2, 3).list).toEqual(["Lào", "Philippines"]);
    expect(cellView(h, sheet, 4, 3).list).toBeUndefined();
  });

  test("links to cells of the workbook (the check report's) lead to their target", async () => {
    const h = await host((sheet) => {
      sheet.getCell("A1").value = { text: "E16", hyperlink: "#'Đoàn ra'!$E$16" };
      sheet.getCell("A2").value = { text: "web", hyperlink: "https://example.org" };
      sheet.getCell("A3").value = { text: "it's", hyperlink: "#'It''s'!B2" };
    });
    const sheet = sheetOf(h);
    expect(cellView(h, sheet, 1, 1)).toMatchObject({ text: "E16", link: { sheet: "Đoàn ra", row: 16, column: 5 } });
    expect(cellView(h, sheet, 2, 1).link).toBeUndefined();
    expect(cellView(h, sheet, 3, 1).link).toEqual({ sheet: "It's", row: 2, column: 2 });
  });

  test("the extent covers the used range and merges with a margin, widths follow the sheet's columns, at most MAX_COLUMNS", async () => {
    const h = await host((sheet) => {
      sheet.getCell("C40").value = "x";
      sheet.mergeCells("A1:L2");
      sheet.getColumn(2).width = 30;
      sheet.getCell(1, 300).value = "far";
    });
    const extent = sheetExtent(sheetOf(h));
    expect(extent.rows).toBe(50);
    expect(extent.columns).toBe(MAX_COLUMNS);
    expect(extent.widths[1]).toBe(215);
    expect(extent.widths[0]).toBe(64);
    expect(extent.merges.at(2, 12)).toEqual({ top: 1, left: 1, bottom: 2, right: 12 });
    expect(extent.merges.at(3, 1)).toBeUndefined();
  });

  test("the merge index finds the area covering a cell", () => {
    const index = new MergeIndex([
      { top: 7, left: 6, bottom: 7, right: 7 },
      { top: 7, left: 1, bottom: 8, right: 1 },
    ]);
    expect(index.at(8, 1)).toEqual({ top: 7, left: 1, bottom: 8, right: 1 });
    expect(index.at(7, 7)).toEqual({ top: 7, left: 6, bottom: 7, right: 7 });
    expect(index.at(8, 6)).toBeUndefined();
    expect([index.bottom, index.right]).toEqual([8, 7]);
  });
});
