import * as zlib from "node:zlib";
import ExcelJS from "exceljs";
import type { CellMark, DropdownTarget, StandardList } from "../../src/workbook/types";
import { readXlsx, WorkbookReadError } from "../../src/xlsx/readWorkbook";
import { cutMarker, EXCEL_CELL_TEXT_LIMIT } from "../../src/domain/merge/consolidate";
import { LISTS_SHEET, MARK_FILLS, MARKS_SHEET, XlsxHostError, XlsxWorkbookHost } from "../../src/xlsx/XlsxWorkbookHost";
import { BAD_FILES } from "../fixtures/badFiles";
import { buildXlsx, FIXTURES } from "../fixtures/generate";

/** A sheet with what users really leave in cells: shared styles, a fill, plain and rich notes, a merge, a validation. */
async function userWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Đoàn ra");
  sheet.addRow(["STT", "Tên đoàn", "Nước đến", "Số ngày", "Ghi chú"]);
  for (let i = 1; i <= 6; i++) sheet.addRow([i, `Đoàn ${i}`, "Nhật Bản", 5, null]);
  const yellow: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  // B2:B4 share one style when loaded (exceljs then hands out one object for all three).
  for (const address of ["B2", "B3", "B4"]) sheet.getCell(address).fill = { ...yellow };
  sheet.getCell("B2").font = { bold: true };
  sheet.getCell("C3").note = "Ghi chú của người dùng";
  sheet.getCell("C4").note = { texts: [{ text: "Đậm", font: { bold: true } }, { text: " và thường" }] } as ExcelJS.Comment;
  sheet.mergeCells("E2:E3");
  (sheet as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add("D2:D7", {
    type: "whole",
    operator: "between",
    allowBlank: true,
    formulae: [1, 30],
  });
  workbook.addWorksheet("Khác").getCell("A1").value = "không phải biểu mẫu";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Fill and note of every cell of a sheet (the user's formatting a mark must not disturb). */
function looks(workbook: ExcelJS.Workbook, name: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const sheet = workbook.getWorksheet(name)!;
  for (let row = 1; row <= 8; row++) {
    for (let column = 1; column <= 6; column++) {
      const cell = cellOf(sheet, row, column);
      const comment = (cell as unknown as { _comment?: { note: unknown } })._comment;
      result[cell.address] = { fill: cell.style?.fill ?? null, note: comment ? comment.note : null, font: cell.style?.font ?? null, value: cell.value };
    }
  }
  return result;
}

/** exceljs's cell: a plain object (the Office.js lint rules would take a `getCell` result for a proxy). */
const cellOf = (sheet: ExcelJS.Worksheet, row: number, column: number) => sheet.getCell(row, column);

const mark = (row: number, column: number, severity: CellMark["severity"], message: string, sheet = "Đoàn ra"): CellMark => ({ sheet, row, column, severity, message });

async function reopen(host: XlsxWorkbookHost, name = "lại.xlsx"): Promise<XlsxWorkbookHost> {
  return XlsxWorkbookHost.open(await host.toBuffer(), name);
}

async function loaded(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The XML of one part of an .xlsx (stored or deflated entries). */
function zipPart(bytes: Uint8Array, name: string): string {
  const buffer = Buffer.from(bytes);
  for (let offset = 0; offset + 30 <= buffer.length && buffer.readUInt32LE(offset) === 0x04034b50; ) {
    const method = buffer.readUInt16LE(offset + 8);
    const compressed = buffer.readUInt32LE(offset + 18);
    const nameLength = buffer.readUInt16LE(offset + 26);
    const extraLength = buffer.readUInt16LE(offset + 28);
    const entryName = buffer.toString("utf8", offset + 30, offset + 30 + nameLength);
    const start = offset + 30 + nameLength + extraLength;
    if ((buffer.readUInt16LE(offset + 6) & 8) !== 0) throw new Error("data descriptors not supported by this test helper");
    if (entryName === name) {
      const data = buffer.subarray(start, start + compressed);
      return (method === 8 ? zlib.inflateRawSync(data) : data).toString("utf8");
    }
    offset = start + compressed;
  }
  throw new Error(`no ${name} in the archive`);
}

describe("XlsxWorkbookHost: marks are saved-and-restored fills and notes", () => {
  test("marking colours the cells by severity and puts the message in the note, above the user's own note", async () => {
    const host = await XlsxWorkbookHost.open(await userWorkbook(), "don-vi.xlsx");
    await host.applyMarks([mark(2, 3, "error", "Quá 3 nước"), mark(3, 3, "warning", "Tên nước lạ"), mark(4, 3, "info", "Ngoài kế hoạch")]);
    const sheet = host.workbook.getWorksheet("Đoàn ra")!;
    expect(sheet.getCell("C2").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: MARK_FILLS.error } });
    expect(sheet.getCell("C3").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: MARK_FILLS.warning } });
    expect(sheet.getCell("C4").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: MARK_FILLS.info } });
    expect(sheet.getCell("C2").note).toBe("Quá 3 nước");
    expect(sheet.getCell("C3").note).toBe("Tên nước lạ\n\nGhi chú của người dùng");
    const rich = sheet.getCell("C4").note as unknown as { texts: { text: string }[] };
    expect(rich.texts.map((run) => run.text).join("")).toBe("Ngoài kế hoạch\n\nĐậm và thường");
    expect(host.markAt("Đoàn ra", 3, 3)).toEqual({ severity: "warning", message: "Tên nước lạ" });
    expect(host.markAt("Đoàn ra", 5, 3)).toBeUndefined();
    expect(host.markCount()).toBe(3);
  });

  test("a mark on one of several cells sharing a style leaves the others as they were", async () => {
    const host = await XlsxWorkbookHost.open(await userWorkbook(), "don-vi.xlsx");
    const before = looks(host.workbook, "Đoàn ra");
    await host.applyMarks([mark(3, 2, "error", "Thiếu trưởng đoàn")]);
    const after = looks(host.workbook, "Đoàn ra");
    for (const address of Object.keys(before)) if (address !== "B3") expect([address, after[address]]).toEqual([address, before[address]]);
    expect(after.B3).not.toEqual(before.B3);
  });

  test("clearing restores every fill, note and value exactly, in memory and in the saved file", async () => {
    const original = await userWorkbook();
    const host = await XlsxWorkbookHost.open(original, "don-vi.xlsx");
    const before = looks(host.workbook, "Đoàn ra");
    const gridsBefore = await host.readSheets();
    await host.applyMarks([mark(2, 2, "error", "a"), mark(3, 3, "warning", "b"), mark(4, 3, "info", "c"), mark(2, 5, "error", "ô gộp"), mark(8, 6, "warning", "ô trống")]);
    expect(await host.readSheets()).toEqual(gridsBefore);
    await host.clearMarks();
    expect(looks(host.workbook, "Đoàn ra")).toEqual(before);
    expect(host.markCount()).toBe(0);
    expect(host.workbook.getWorksheet(MARKS_SHEET)).toBeUndefined();
    expect(looks(await loaded(Buffer.from(await host.toBuffer())), "Đoàn ra")).toEqual(looks(await loaded(original), "Đoàn ra"));
  });

  test("a downloaded workbook opened again still knows its marks and clears them exactly", async () => {
    const original = await userWorkbook();
    const first = await XlsxWorkbookHost.open(original, "don-vi.xlsx");
    await first.applyMarks([mark(2, 2, "error", "Quá 3 nước"), mark(3, 3, "warning", "Tên nước lạ"), mark(8, 6, "error", "Thiếu nguồn kinh phí")]);
    const bytes = await first.toBuffer();
    const saved = await loaded(Buffer.from(bytes));
    expect(saved.getWorksheet(MARKS_SHEET)?.state).toBe("veryHidden");
    expect(saved.getWorksheet("Đoàn ra")!.getCell("B2").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: MARK_FILLS.error } });

    const second = await XlsxWorkbookHost.open(bytes, "don-vi (đã đánh dấu).xlsx");
    expect(second.markAt("Đoàn ra", 2, 2)).toEqual({ severity: "error", message: "Quá 3 nước" });
    expect(second.workbook.getWorksheet("Đoàn ra")!.getCell("F8").note).toBe("Thiếu nguồn kinh phí");
    expect((await second.readSheets()).map((grid) => grid.name)).toEqual(["Đoàn ra", "Khác"]);
    await second.clearMarks();
    expect(looks(await loaded(Buffer.from(await second.toBuffer())), "Đoàn ra")).toEqual(looks(await loaded(original), "Đoàn ra"));
  });

  test("checking again replaces the earlier marks: cells no longer marked get their own look back", async () => {
    const host = await XlsxWorkbookHost.open(await userWorkbook(), "don-vi.xlsx");
    const before = looks(host.workbook, "Đoàn ra");
    await host.applyMarks([mark(2, 2, "error", "cũ"), mark(3, 3, "warning", "cũ")]);
    await host.applyMarks([mark(3, 3, "error", "mới"), mark(5, 4, "info", "mới")]);
    const after = looks(host.workbook, "Đoàn ra");
    expect(after.B2).toEqual(before.B2);
    expect(host.markAt("Đoàn ra", 2, 2)).toBeUndefined();
    expect(host.workbook.getWorksheet("Đoàn ra")!.getCell("C3").note).toBe("mới\n\nGhi chú của người dùng");
    expect(host.markCount()).toBe(2);
    await host.clearMarks();
    expect(looks(host.workbook, "Đoàn ra")).toEqual(before);
  });

  test("several marks on one cell: the most severe colour, every message once", async () => {
    const host = await XlsxWorkbookHost.open(await userWorkbook(), "don-vi.xlsx");
    await host.applyMarks([mark(6, 3, "info", "một"), mark(6, 3, "error", "hai"), mark(6, 3, "warning", "một")]);
    expect(host.markAt("Đoàn ra", 6, 3)).toEqual({ severity: "error", message: "một\nhai" });
  });

  test("marks on sheets that do not exist, or on the add-in's own sheets, are ignored", async () => {
    const host = await XlsxWorkbookHost.open(await userWorkbook(), "don-vi.xlsx");
    await host.applyMarks([mark(2, 2, "error", "x", "Không có"), mark(1, 1, "error", "x", LISTS_SHEET), mark(0, 1, "error", "x")]);
    expect(host.markCount()).toBe(0);
  });
});

describe("XlsxWorkbookHost: dropdowns", () => {
  const lists: StandardList[] = [
    { id: "countries", title: "Nước", items: ["Nhật Bản", "Hàn Quốc", "Hoa Kỳ"] },
    { id: "funding", title: "Nguồn kinh phí", items: ["Ngân sách thành phố", "=không phải công thức"] },
  ];
  const targets: DropdownTarget[] = [
    { sheet: "Đoàn ra", column: 3, firstRow: 2, lastRow: 7, list: "countries" },
    { sheet: "Đoàn ra", column: 5, firstRow: 4, lastRow: 7, list: "funding" },
  ];

  test("lists go to a very hidden sheet; validation sourced from its ranges is on the targets only", async () => {
    const host = await XlsxWorkbookHost.open(await userWorkbook(), "don-vi.xlsx");
    await host.setDropdowns(lists, targets);
    const listsSheet = host.workbook.getWorksheet(LISTS_SHEET)!;
    expect(listsSheet.state).toBe("veryHidden");
    expect([1, 2, 3, 4].map((row) => listsSheet.getCell(row, 1).value)).toEqual(["Nước", "Nhật Bản", "Hàn Quốc", "Hoa Kỳ"]);
    expect(listsSheet.getCell(3, 2).value).toBe("=không phải công thức");
    expect(listsSheet.getCell(3, 2).formula).toBeUndefined();

    for (let row = 1; row <= 9; row++) {
      expect([row, host.listAt("Đoàn ra", row, 3)]).toEqual([row, row >= 2 && row <= 7 ? ["Nhật Bản", "Hàn Quốc", "Hoa Kỳ"] : undefined]);
      expect([row, host.listAt("Đoàn ra", row, 5)]).toEqual([row, row >= 4 && row <= 7 ? ["Ngân sách thành phố", "=không phải công thức"] : undefined]);
      for (const column of [1, 2, 4, 6]) expect(host.listAt("Đoàn ra", row, column)).toBeUndefined();
    }
    expect((await host.readSheets()).map((grid) => grid.name)).toEqual(["Đoàn ra", "Khác"]);
  });

  test("the saved file has one list validation per target, sourced from a range (never inline), and the user's own validation", async () => {
    const host = await XlsxWorkbookHost.open(await userWorkbook(), "don-vi.xlsx");
    await host.setDropdowns(lists, targets);
    // Attaching twice replaces, never stacks overlapping validations (Excel would call the file damaged).
    const again = await reopen(host);
    await again.setDropdowns(lists, targets);
    const xml = zipPart(await again.toBuffer(), "xl/worksheets/sheet1.xml");
    const validations = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"[^>]*>(.*?)<\/dataValidation>/g)].map((m) => [m[1], m[2].replace(/&apos;/g, "'")]);
    expect(validations).toEqual(
      expect.arrayContaining([
        ["C2:C7", `<formula1>'${LISTS_SHEET}'!$A$2:$A$4</formula1>`],
        ["E4:E7", `<formula1>'${LISTS_SHEET}'!$B$2:$B$3</formula1>`],
        ["D2:D7", "<formula1>1</formula1><formula2>30</formula2>"],
      ]),
    );
    expect(validations).toHaveLength(3);
    const workbookXml = zipPart(await again.toBuffer(), "xl/workbook.xml");
    expect(workbookXml).toMatch(new RegExp(`<sheet [^>]*name="${LISTS_SHEET}" state="veryHidden"`));
  });

  test("an unknown list is refused with a Vietnamese message and nothing is written", async () => {
    const host = await XlsxWorkbookHost.open(await userWorkbook(), "don-vi.xlsx");
    await expect(host.setDropdowns(lists, [{ sheet: "Đoàn ra", column: 2, firstRow: 2, lastRow: 3, list: "roles" }])).rejects.toThrow(/Không có danh sách chuẩn “roles”/);
    expect(host.workbook.getWorksheet(LISTS_SHEET)).toBeUndefined();
  });
});

describe("XlsxWorkbookHost: edits, tables, selection, changes", () => {
  test("editCells writes only where the cell still holds the expected value, as text", async () => {
    const host = await XlsxWorkbookHost.open(await userWorkbook(), "don-vi.xlsx");
    const written = await host.editCells([
      { sheet: "Đoàn ra", row: 2, column: 3, expected: "Nhật Bản", value: "=Nhật Bản" },
      { sheet: "Đoàn ra", row: 3, column: 3, expected: "Nhật", value: "Hàn Quốc" },
      { sheet: "Đoàn ra", row: 4, column: 4, expected: 5, value: 6 },
      { sheet: "Không có", row: 2, column: 3, expected: "Nhật Bản", value: "x" },
    ]);
    expect(written).toBe(2);
    const sheet = host.workbook.getWorksheet("Đoàn ra")!;
    expect(sheet.getCell("C2").value).toBe("=Nhật Bản");
    expect(sheet.getCell("C2").formula).toBeUndefined();
    expect(sheet.getCell("C3").value).toBe("Nhật Bản");
    expect(sheet.getCell("D4").value).toBe(6);
  });

  test("writeTable creates the sheet with merges, text cells and links, and replaces it in place", async () => {
    const host = await XlsxWorkbookHost.open(await userWorkbook(), "don-vi.xlsx");
    await host.writeTable({
      sheet: "Thống kê",
      rows: [["Nhóm", "Số đoàn", null], ["Theo quý", "Q1", "Q2"], ["=Tổng", 3, 4]],
      headerRows: 2,
      merges: [{ top: 1, left: 2, bottom: 1, right: 3 }],
      textCells: [{ row: 3, column: 1 }],
      links: [{ row: 3, column: 2, target: { sheet: "Đoàn ra", row: 5, column: 3 } }],
    });
    const sheet = host.workbook.getWorksheet("Thống kê")!;
    expect(sheet.getCell("C1").isMerged).toBe(true);
    expect(sheet.getCell("C1").master.address).toBe("B1");
    expect(sheet.getCell("A3").value).toBe("=Tổng");
    expect(sheet.getCell("A3").formula).toBeUndefined();
    expect(sheet.getCell("B3").hyperlink).toBe("#'Đoàn ra'!$C$5");

    await host.writeTable({ sheet: "Đoàn ra", rows: [["mới"]], headerRows: 0 });
    expect(host.workbook.worksheets.map((s) => s.name)).toEqual(["Đoàn ra", "Khác", "Thống kê"]);
    expect(host.workbook.getWorksheet("Đoàn ra")!.getCell("A1").value).toBe("mới");
    await expect(host.writeTable({ sheet: MARKS_SHEET, rows: [], headerRows: 0 })).rejects.toThrow(XlsxHostError);
    await expect(host.writeTable({ sheet: "tên/không:hợp lệ", rows: [], headerRows: 0 })).rejects.toThrow(/Không tạo được trang tính/);
  });

  test("a mark on a written table's cell changes that cell only (cells of one style share it in the writer)", async () => {
    const host = await XlsxWorkbookHost.open(await userWorkbook(), "don-vi.xlsx");
    const style = { border: true, wrap: true, vertical: "top" as const };
    await host.writeTable({ sheet: "Tổng hợp", rows: [["a", "b"], ["c", null]], headerRows: 0, styles: [{ area: { top: 1, left: 1, bottom: 2, right: 2 }, style }] });
    const sheet = host.workbook.getWorksheet("Tổng hợp")!;
    expect(sheet.getCell("A1").style).toBe(sheet.getCell("B2").style);
    await host.applyMarks([mark(1, 1, "error", "a", "Tổng hợp")]);
    expect(sheet.getCell("A1").fill).toBeDefined();
    for (const address of ["A2", "B1", "B2"]) {
      expect(sheet.getCell(address).fill).toBeUndefined();
      expect(sheet.getCell(address).border?.top?.style).toBe("thin");
    }
    await host.clearMarks();
    expect(sheet.getCell("A1").fill).toBeUndefined();
    expect(sheet.getCell("A1").alignment).toEqual({ vertical: "top", wrapText: true });
  });

  test("writing a table over a marked sheet forgets its marks", async () => {
    const host = await XlsxWorkbookHost.open(await userWorkbook(), "don-vi.xlsx");
    await host.applyMarks([mark(2, 2, "error", "a"), mark(1, 1, "info", "b", "Khác")]);
    await host.writeTable({ sheet: "Đoàn ra", rows: [["mới"]], headerRows: 0 });
    expect(host.markCount()).toBe(1);
    expect(host.markAt("Khác", 1, 1)).toBeDefined();
  });

  test("selectCell tells the listeners; an unknown sheet gets a Vietnamese error", async () => {
    const host = await XlsxWorkbookHost.open(await userWorkbook(), "don-vi.xlsx");
    const seen: unknown[] = [];
    const stop = host.onSelect((cell) => seen.push(cell));
    await host.selectCell("Đoàn ra", 4, 3);
    expect(seen).toEqual([{ sheet: "Đoàn ra", row: 4, column: 3 }]);
    expect(host.selection()).toEqual({ sheet: "Đoàn ra", row: 4, column: 3 });
    stop();
    await host.selectCell("Khác", 1, 1);
    expect(seen).toHaveLength(1);
    await expect(host.selectCell("Không có", 1, 1)).rejects.toThrow("Không tìm thấy trang tính “Không có”");
  });

  test("every change is reported so the grid can render again", async () => {
    const host = await XlsxWorkbookHost.open(await userWorkbook(), "don-vi.xlsx");
    const changes: string[] = [];
    host.onChange((change) => changes.push(change));
    await host.applyMarks([mark(2, 2, "error", "a")]);
    await host.clearMarks();
    await host.setDropdowns([{ id: "countries", title: "Nước", items: ["Lào"] }], [{ sheet: "Đoàn ra", column: 3, firstRow: 2, lastRow: 3, list: "countries" }]);
    await host.editCells([{ sheet: "Đoàn ra", row: 2, column: 3, expected: "Nhật Bản", value: "Lào" }]);
    await host.editCells([{ sheet: "Đoàn ra", row: 2, column: 3, expected: "Nhật Bản", value: "Lào" }]);
    await host.writeTable({ sheet: "Mới", rows: [["a"]], headerRows: 0 });
    expect(changes).toEqual(["marks", "marks", "dropdowns", "values", "sheets"]);
  });
});

describe("XlsxWorkbookHost: opening", () => {
  test("reads the same grids as readXlsx, with the workbook's name", async () => {
    for (const make of FIXTURES) {
      const spec = make();
      const bytes = await buildXlsx(spec);
      const host = await XlsxWorkbookHost.open(bytes, spec.file);
      expect(await host.workbookName()).toBe(spec.file);
      expect(await host.readSheets()).toEqual(await readXlsx(bytes, spec.file));
    }
  });

  test.each(Object.keys(BAD_FILES))("%s is refused with readXlsx's Vietnamese error", async (name) => {
    const bytes = await BAD_FILES[name]();
    const error = await XlsxWorkbookHost.open(bytes, name).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).message).toMatch(/[ăâđêôơưàảãáạệếềểễộốồổỗớờởỡợ]/i);
  });

  test("a new workbook has one empty sheet and reports the capabilities of this host", async () => {
    const host = await XlsxWorkbookHost.create("mới.xlsx");
    expect(await host.readSheets()).toEqual([{ name: "Trang tính1", originRow: 1, originCol: 1, values: [], merges: [] }]);
    expect(host.capabilities).toEqual({ notes: true, undoGroup: false, charts: false });
  });
});

describe("XlsxWorkbookHost.cutOverlongTexts", () => {
  it("cuts a text longer than an Excel cell holds before download, with the merge's marker, and names the cell", async () => {
    const host = await XlsxWorkbookHost.create("dai.xlsx", "KH");
    const sheet = host.workbook.getWorksheet("KH")!;
    sheet.getCell("B13").value = "X".repeat(40_000);
    sheet.getCell("C13").value = "ngắn";
    expect(host.cutOverlongTexts()).toEqual([{ sheet: "KH", address: "B13", length: 40_000 }]);
    const [grid] = await readXlsx(await host.toBuffer(), "dai.xlsx");
    const at = (row: number, column: number) => grid.values[row - grid.originRow]?.[column - grid.originCol];
    const saved = at(13, 2) as string;
    expect(saved).toHaveLength(EXCEL_CELL_TEXT_LIMIT);
    expect(saved.endsWith(cutMarker(40_000))).toBe(true);
    expect(at(13, 3)).toBe("ngắn");
    expect(host.cutOverlongTexts()).toEqual([]);
  });
});
