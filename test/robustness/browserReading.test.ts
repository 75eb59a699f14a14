/**
 * Issue 11, the browser's path: the playground opens files through XlsxWorkbookHost (exceljs, editable),
 * the CLI and the pane's consolidation through the package reader (readXlsx). The same hostile files go to
 * both; both must run the same guards and hand the checker the same values.
 */
import { readPlan } from "../../src/domain/templates/readPlan";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { XlsxWorkbookHost } from "../../src/xlsx/XlsxWorkbookHost";
import { HOSTILE_PACKAGES, planSheet, withUndercountedDirectory } from "../fixtures/badFiles";
import { rawWorkbook } from "../fixtures/rawWorkbook";
import { UNREADABLE } from "./corpus";
import { repeatedChunks, textChunks, writeDeflatedZip } from "./deflateZip";

jest.setTimeout(120_000);

const bytesOf = (file: string) => HOSTILE_PACKAGES[file].build();
/** Both paths' grids and plans, or each one's refusal. */
async function bothPaths(bytes: Uint8Array, file: string) {
  const reader = await readXlsx(bytes, file);
  const host = await XlsxWorkbookHost.open(bytes, file);
  return { reader, browser: await host.readSheets(), host };
}

describe("the same hostile file through the package reader and the playground's host", () => {
  test.each(["o-xa-nhat.xlsx", "chu-phien-am.xlsx", "ngay-kieu-d.xlsx", "bieu-do-hong.xlsx", "trang-hong.xlsx"])("%s: the same grids and the same plan", async (file) => {
    const { reader, browser } = await bothPaths(bytesOf(file), file);
    expect(browser).toEqual(reader);
    const plan = readPlan(reader, { file });
    expect(readPlan(browser, { file })).toEqual(plan);
    expect(plan.delegations).toHaveLength(3);
  });

  test("phonetic text: the rows after the inline string are kept (exceljs alone drops them)", async () => {
    const { browser } = await bothPaths(bytesOf("chu-phien-am.xlsx"), "chu-phien-am.xlsx");
    expect(readPlan(browser).delegations.map((d) => d.name)).toEqual(["Đoàn công tác số 1", "Đoàn công tác số 2", "Đoàn công tác số 3"]);
  });

  test('t="d" dates are dates in the editable workbook too, shown as dates', async () => {
    const { host } = await bothPaths(bytesOf("ngay-kieu-d.xlsx"), "ngay-kieu-d.xlsx");
    const { value, numFmt } = host.workbook.getWorksheet("Đoàn ra")!.getCell(4, 7);
    expect(value).toEqual(new Date(Date.UTC(2025, 5, 10)));
    expect(numFmt).toBe("dd/mm/yyyy");
  });

  test("broken drawing, chart and chart sheet: the file opens, the skipped parts are named", async () => {
    const { host } = await bothPaths(bytesOf("bieu-do-hong.xlsx"), "bieu-do-hong.xlsx");
    expect(host.openWarnings.join("\n")).toMatch(/Phần «xl\/drawings\/drawing1\.xml» của tệp bị hỏng/);
    expect(host.openWarnings.every((warning) => /bị hỏng/.test(warning))).toBe(true);
  });

  test("a broken sheet: the file opens, that sheet is named as not read (never an empty success)", async () => {
    const { host, browser } = await bothPaths(bytesOf("trang-hong.xlsx"), "trang-hong.xlsx");
    expect(browser[1].unreadable).toMatch(/Trang «Đoàn vào» bị hỏng/);
    expect(host.openWarnings).toEqual([expect.stringMatching(/Trang «Đoàn vào» bị hỏng nên không đọc được/)]);
    expect(readPlan(browser).sheets[1]).toMatchObject({ sheet: "Đoàn vào", unreadable: true });
  });

  test.each(["gop-ca-trang.xlsx", "gop-ghi-chu.xlsx"])("%s, a merge to the end of the sheet beside the plan: the playground clips it as the reader does and opens the plan", async (file) => {
    const { reader, browser } = await bothPaths(bytesOf(file), file);
    // The same grids; the reader names its clips in the grid, the playground in its open notes (next test).
    expect(browser).toEqual(reader.map(({ clippedMerges, ...grid }) => (expect(clippedMerges).toHaveLength(1), grid)));
    expect(readPlan(browser, { file }).delegations.map((d) => d.name)).toEqual(["Đoàn công tác số 1", "Đoàn công tác số 2", "Đoàn công tác số 3"]);
  });

  test("the clipped merge is in the workbook exceljs loaded (and so in the download), and the change is said", async () => {
    const { host } = await bothPaths(bytesOf("gop-ghi-chu.xlsx"), "gop-ghi-chu.xlsx");
    const sheet = host.workbook.getWorksheet("Đoàn ra")!;
    expect(Object.keys((sheet as unknown as { _merges: Record<string, unknown> })._merges).sort()).toEqual(["A1", "M5"]);
    expect(sheet.getCell("M6").isMerged).toBe(true);
    expect(sheet.getCell("M7").isMerged).toBe(false);
    expect(sheet.getCell("N5").isMerged).toBe(false);
    expect(host.openWarnings).toEqual([
      "Trang «Đoàn ra»: vùng gộp M5:XFD1048576 trải tới tận cuối trang tính; bản xem thử chỉ giữ phần M5:M6 có dữ liệu. Tệp tải xuống sẽ lưu vùng gộp đã thu lại.",
    ]);
    // The downloaded bytes: the merge as clipped, nothing else of the plan changed.
    const saved = await XlsxWorkbookHost.open(new Uint8Array(await host.workbook.xlsx.writeBuffer()), "gop-ghi-chu.xlsx");
    expect((await saved.readSheets())[0].merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 10 }, { top: 5, left: 13, bottom: 6, right: 13 }]);
    expect(saved.openWarnings).toEqual([]);
  });

  test("a merge with nothing left to merge once clipped is dropped from the workbook, and named", async () => {
    const { host } = await bothPaths(bytesOf("gop-ca-trang.xlsx"), "gop-ca-trang.xlsx");
    expect(Object.keys((host.workbook.getWorksheet("Ghi chú") as unknown as { _merges: Record<string, unknown> })._merges)).toEqual([]);
    expect(host.openWarnings).toEqual([
      expect.stringMatching(/^Trang «Đoàn ra»: vùng gộp M5:XFD1048576 .*bản xem thử bỏ vùng gộp này.*Tệp tải xuống sẽ không còn vùng gộp này\.$/),
      expect.stringMatching(/^Trang «Ghi chú»: vùng gộp A1:XFD1048576 .*bản xem thử bỏ vùng gộp này/),
    ]);
  });

  test("the rewrite keeps the other merges, reads a merge written as an open and close tag, and counts what is left", async () => {
    // Values in A1:A12, J9 (the extent's corner) and C10 (the merge's own value).
    const extra = (r: number) => (r === 9 ? `<c r="J9"><v>1</v></c>` : r === 10 ? `<c r="C10" t="inlineStr"><is><t>ghi chú</t></is></c>` : "");
    const rows = Array.from({ length: 12 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c>${extra(i + 1)}</row>`).join("");
    const raw =
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>` +
      `<mergeCells count="3"><mergeCell ref="B1:D1"/><mergeCell ref="C10:XFD1048576"></mergeCell><mergeCell ref="L20:XFD1048576" /></mergeCells></worksheet>`;
    const host = await XlsxWorkbookHost.open(rawWorkbook([{ name: "S", raw }]), "s.xlsx");
    expect(Object.keys((host.workbook.getWorksheet("S") as unknown as { _merges: Record<string, unknown> })._merges).sort()).toEqual(["B1", "C10"]);
    expect(host.workbook.getWorksheet("S")!.getCell("J12").isMerged).toBe(true);
    expect(host.workbook.getWorksheet("S")!.getCell("K12").isMerged).toBe(false);
    expect(host.openWarnings).toEqual([expect.stringContaining("C10:XFD1048576 trải tới tận cuối trang tính; bản xem thử chỉ giữ phần C10:J12"), expect.stringContaining("L20:XFD1048576 trải tới tận cuối trang tính; bản xem thử bỏ vùng gộp này")]);
    expect((await host.readSheets())[0].merges).toEqual([{ top: 1, left: 2, bottom: 1, right: 4 }, { top: 10, left: 3, bottom: 12, right: 10 }]);
  });

  test("a merge still over a million cells once clipped to the values (A1:T60000): refused before exceljs would build it", async () => {
    const bytes = bytesOf("gop-van-qua-lon.xlsx");
    expect(readPlan(await readXlsx(bytes, "gop-van-qua-lon.xlsx")).delegations).toHaveLength(3);
    await expect(XlsxWorkbookHost.open(bytes, "gop-van-qua-lon.xlsx")).rejects.toMatchObject({ reason: "too-large", message: expect.stringMatching(/Trang «Ghi chú» có quá nhiều ô gộp/) });
  });

  test("a zip bomb behind an undercounted directory is refused by both, with the same reason", async () => {
    const bomb = withUndercountedDirectory(
      await writeDeflatedZip([
        { name: "[Content_Types].xml", chunks: textChunks("<Types/>") },
        { name: "xl/workbook.xml", chunks: textChunks("<workbook/>") },
        { name: "xl/worksheets/sheet1.xml", chunks: repeatedChunks(210 * 1000 * 1000) },
      ]),
    );
    const reader = await readXlsx(bomb, "bom.xlsx").catch((error: Error) => error);
    const browser = await XlsxWorkbookHost.open(bomb, "bom.xlsx").catch((error: Error) => error);
    expect(reader).toMatchObject({ name: "WorkbookReadError", reason: "too-large" });
    expect(browser).toMatchObject({ name: "WorkbookReadError", reason: "too-large", message: (reader as Error).message });
  });

  test.each(UNREADABLE.map((input) => [input.file, input] as const))("%s: refused by both with the same reason and message", async (_, input) => {
    const bytes = await input.build();
    const reader = await readXlsx(bytes, input.file).catch((error: Error) => error);
    const browser = await XlsxWorkbookHost.open(bytes, input.file).catch((error: Error) => error);
    expect(reader).toBeInstanceOf(Error);
    expect(browser).toMatchObject({ name: "WorkbookReadError", reason: (reader as unknown as { reason: string }).reason, message: (reader as Error).message });
  });

  test("a good workbook: nothing skipped, no warnings", async () => {
    const { host, reader, browser } = await bothPaths(rawWorkbook([planSheet("Đoàn ra", 3)]), "tot.xlsx");
    expect(host.openWarnings).toEqual([]);
    expect(browser).toEqual(reader);
  });
});
