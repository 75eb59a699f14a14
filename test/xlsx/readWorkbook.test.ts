import ExcelJS from "exceljs";
import { readXlsx, WorkbookReadError, type WorkbookReadReason } from "../../src/xlsx/readWorkbook";
import { inspectZip, MAX_UNCOMPRESSED_BYTES } from "../../src/xlsx/zipDirectory";
import { BAD_FILES, ole2File } from "../fixtures/badFiles";
import { buildXlsx, FIXTURES, specToGrid } from "../fixtures/generate";
import { writeZip } from "../fixtures/zip";

async function workbookBytes(fill: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readError(data: Uint8Array, name = "tệp.xlsx"): Promise<WorkbookReadError> {
  try {
    await readXlsx(data, name);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookReadError);
    return error as WorkbookReadError;
  }
  throw new Error("expected readXlsx to reject");
}

describe("readXlsx on the fixture workbooks", () => {
  test.each(FIXTURES.map((make) => [make().file, make] as const))("%s reads back exactly the grid of its spec", async (_file, make) => {
    const spec = make();
    const grids = await readXlsx(await buildXlsx(spec), spec.file);
    expect(grids.map((g) => g.name)).toEqual(spec.sheets.map((s) => s.name));
    spec.sheets.forEach((sheet, i) => {
      const expected = specToGrid(sheet);
      const actual = grids[i];
      expect([actual.originRow, actual.originCol]).toEqual([expected.originRow, expected.originCol]);
      expect(actual.values).toEqual(expected.values);
      const key = (m: { top: number; left: number; bottom: number; right: number }) => `${m.top},${m.left},${m.bottom},${m.right}`;
      expect(actual.merges.map(key).sort()).toEqual(expected.merges.map(key).sort());
      expect(actual.hidden ?? false).toBe(sheet.hidden ?? false);
      expect(actual.dateFormats).toEqual(expected.dateFormats);
    });
  });

  test("formulas give their cached result, #REF! an error value, dates a Date", async () => {
    const spec = FIXTURES[0]();
    const [grid] = await readXlsx(await buildXlsx(spec), spec.file);
    const at = (row: number, column: number) => grid.values[row - grid.originRow][column - grid.originCol];
    expect(at(14, 12)).toBe(200);
    expect(at(15, 4)).toEqual({ error: "#REF!" });
    expect(at(11, 6)).toEqual(new Date(Date.UTC(2025, 4, 15)));
    // A merged header: only the top-left cell holds the text, as in Excel.
    expect(at(7, 1)).toBe("STT");
    expect(at(8, 1)).toBeNull();
  });
});

describe("cell values exceljs hands over", () => {
  test("rich text, hyperlinks, formula errors, formulas without a result, booleans, very hidden sheets", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("A", { state: "veryHidden" });
      sheet.getCell("B2").value = { richText: [{ text: "Nhật " }, { font: { bold: true }, text: "Bản" }] };
      sheet.getCell("C2").value = { text: "Hồ sơ", hyperlink: "https://example.org/ho-so" };
      sheet.getCell("D2").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
      sheet.getCell("E2").value = { formula: "A1" } as ExcelJS.CellFormulaValue;
      sheet.getCell("F3").value = true;
      sheet.getCell("B3").value = "";
      workbook.addWorksheet("Trống");
    });
    const [grid, empty] = await readXlsx(bytes, "a.xlsx");
    expect(grid.hidden).toBe(true);
    expect([grid.originRow, grid.originCol]).toEqual([2, 2]);
    expect(grid.values).toEqual([
      ["Nhật Bản", "Hồ sơ", { error: "#DIV/0!" }, null, null],
      [null, null, null, null, true],
    ]);
    expect(empty).toEqual({ name: "Trống", originRow: 1, originCol: 1, values: [], merges: [] });
  });

  test("ArrayBuffer, Uint8Array and a view into a larger buffer all work", async () => {
    const bytes = await workbookBytes((workbook) => workbook.addWorksheet("S").addRow(["STT", "Tên đoàn"]));
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const padded = new Uint8Array(bytes.length + 100);
    padded.set(bytes, 37);
    for (const input of [arrayBuffer, new Uint8Array(bytes), padded.subarray(37, 37 + bytes.length)]) {
      const [grid] = await readXlsx(input, "s.xlsx");
      expect(grid.values).toEqual([["STT", "Tên đoàn"]]);
    }
  });
});

describe("files that are not readable workbooks", () => {
  const cases: [string, WorkbookReadReason, RegExp][] = [
    ["old-format.xls", "xls", /^Tệp \.xls \(Excel 97-2003\): hãy mở trong Excel và Lưu thành \.xlsx$/],
    ["password.xlsx", "encrypted", /mật khẩu/],
    ["plan.csv", "csv", /CSV/],
    ["html-table.xls", "csv", /HTML/],
    ["not-a-workbook.xlsx", "corrupt", /không chứa sổ làm việc/],
    ["truncated.xlsx", "corrupt", /hỏng hoặc không đầy đủ/],
    ["empty.xlsx", "empty", /rỗng/],
    ["zip-bomb.xlsx", "too-large", /quá lớn.*200 MB/],
  ];
  test.each(cases)("%s → %s", async (name, reason, message) => {
    const error = await readError(await BAD_FILES[name](), name);
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(message);
    expect(error.fileName).toBe(name);
  });

  test("every bad file of the fixture set is covered above", () => {
    expect(Object.keys(BAD_FILES).sort()).toEqual(cases.map((c) => c[0]).sort());
  });

  test.each([
    ["whitespace only", Buffer.from("  \r\n\t "), "empty"],
    ["UTF-16 text (Excel 'Unicode text')", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("STT\tTên đoàn", "utf16le")]), "csv"],
    ["random binary", Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 7919) % 256)), "corrupt"],
    ["an empty zip", writeZip([]), "corrupt"],
    ["OLE2 without encryption streams", ole2File(["Workbook"]), "xls"],
  ] as const)("%s → %s", async (_label, bytes, reason) => {
    expect((await readError(bytes)).reason).toBe(reason);
  });

  test(".xlsb and .ods archives say what they are", async () => {
    const xlsb = await readError(writeZip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "xl/workbook.bin", data: "x" }]));
    expect(xlsb.message).toMatch(/\.xlsb/);
    const ods = await readError(writeZip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet" }, { name: "content.xml", data: "<x/>" }]));
    expect(ods.message).toMatch(/OpenDocument/);
  });

  test("many parts whose sizes add up past the limit are refused before anything is inflated", async () => {
    const parts = Array.from({ length: 3 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: "<worksheet/>", declaredSize: 90_000_000 }));
    const bytes = writeZip([{ name: "xl/workbook.xml", data: "<workbook/>" }, ...parts]);
    expect(inspectZip(bytes)?.uncompressedBytes).toBeGreaterThan(MAX_UNCOMPRESSED_BYTES);
    expect((await readError(bytes)).reason).toBe("too-large");
  });
});

describe("inspectZip", () => {
  test("names and declared sizes from the central directory; undefined when truncated", () => {
    const bytes = writeZip([
      { name: "a.txt", data: "hello" },
      { name: "dir/b.xml", data: "<b/>" },
    ]);
    const summary = inspectZip(bytes);
    expect(summary).toEqual({
      names: new Set(["a.txt", "dir/b.xml"]),
      uncompressedBytes: 9,
      entries: 2,
      parts: [
        { name: "a.txt", method: 0, compressedBytes: 5, uncompressedBytes: 5, localHeaderOffset: 0 },
        { name: "dir/b.xml", method: 0, compressedBytes: 4, uncompressedBytes: 4, localHeaderOffset: 30 + 5 + 5 },
      ],
    });
    expect(inspectZip(bytes.subarray(0, bytes.length - 10))).toBeUndefined();
    expect(inspectZip(new Uint8Array(10))).toBeUndefined();
  });
});
