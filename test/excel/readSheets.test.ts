import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import { ExcelHostError } from "../../src/excel/errors";
import { createWorkbook, installFakeExcel, planRows, planWorkbook, type FakeExcel, type WorkbookSpec } from "./fakeExcel";

let fake: FakeExcel;
afterEach(() => fake?.uninstall());

function hostOver(spec: WorkbookSpec, options: Parameters<typeof installFakeExcel>[1] = {}) {
  fake = installFakeExcel(createWorkbook(spec), options);
  return new ExcelWorkbookHost();
}

describe("ExcelWorkbookHost.readSheets", () => {
  it("reads each used range from its origin, with serial dates, errors and empty cells", async () => {
    const host = hostOver({
      sheets: [{ name: "KH 2025", origin: { row: 3, column: 2 }, values: [["Nước đến", "Ngày đi", "Văn bản"], ["Lào", 45717, { error: "#REF!" }], ["", 45718.5, "#N/A-ish"]] }],
    });
    const [grid] = await host.readSheets();
    expect(grid).toEqual({
      name: "KH 2025",
      originRow: 3,
      originCol: 2,
      values: [
        ["Nước đến", "Ngày đi", "Văn bản"],
        ["Lào", 45717, { error: "#REF!" }],
        [null, 45718.5, "#N/A-ish"],
      ],
      merges: [],
      hidden: false,
    });
  });

  it("reports merged areas where ExcelApi 1.13 is supported", async () => {
    const spec: WorkbookSpec = { sheets: [{ name: "S", values: [["KẾ HOẠCH ĐOÀN RA"], [], ["TT", "Tên đoàn"]], merges: ["A1:F1", "B2:C2"] }] };
    const [grid] = await hostOver(spec).readSheets();
    expect(grid.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 6 },
      { top: 2, left: 2, bottom: 2, right: 3 },
    ]);
    fake.uninstall();
    const [older] = await hostOver(spec, { apiVersion: "1.12" }).readSheets();
    expect(older.merges).toEqual([]);
    expect(older.values[2]).toEqual(["TT", "Tên đoàn"]);
  });

  it("flags hidden sheets, reads empty ones, and leaves out the add-in's lists sheet", async () => {
    const host = hostOver({
      sheets: [
        { name: "Đoàn ra", values: [["x"]] },
        { name: "Ẩn", visibility: "Hidden", values: [["y"]] },
        { name: "Rất ẩn", visibility: "VeryHidden", values: [["z"]] },
        { name: "Trống" },
        { name: "_DanhMuc", visibility: "VeryHidden", values: [["Quốc gia"], ["Lào"]] },
      ],
    });
    const grids = await host.readSheets();
    expect(grids.map((g) => [g.name, g.hidden])).toEqual([
      ["Đoàn ra", false],
      ["Ẩn", true],
      ["Rất ẩn", true],
      ["Trống", false],
    ]);
    expect(grids[3]).toMatchObject({ originRow: 1, originCol: 1, values: [] });
  });

  it("reads the number formats of date columns in the merged-areas sync: a month or year date keeps its format", async () => {
    // 46266 = 1/9/2026: "9/2026" typed and turned into a date by Excel (Range.values gives the serial).
    const values = [["STT", "Từ ngày", "Đến ngày", "Số lượng"], [1, 46266, 46268, 5], [2, 46266, null, 4], [3, 46266, null, 3], [4, "9/2026", null, 46266]];
    const numberFormats = { B5: "dd/mm/yyyy", C5: "dd/mm/yyyy", B6: "m/yyyy", B7: "[$-42A]mmmm yyyy", D8: "yyyy" };
    for (const apiVersion of ["1.13", "1.12"]) {
      const [grid] = await hostOver({ sheets: [{ name: "Đoàn ra", origin: { row: 4, column: 1 }, values, numberFormats, merges: ["A1:A2"] }] }, { apiVersion }).readSheets();
      expect(grid.dateFormats).toEqual([
        { row: 6, column: 2, format: "m/yyyy" },
        { row: 7, column: 2, format: "[$-42A]mmmm yyyy" },
        { row: 8, column: 4, format: "yyyy" },
      ]);
      expect(fake.stats.syncs).toBe(3);
      fake.uninstall();
    }
  });

  it("still reads the date formats when Excel refuses the merged areas (the formats are queued again)", async () => {
    const merges = Array.from({ length: 600 }, (_, i) => `E${i + 1}:F${i + 1}`);
    const values = [["Từ ngày"], [46266]];
    const [grid] = await hostOver({ sheets: [{ name: "Đoàn ra", values, numberFormats: { A2: "mm/yyyy" }, merges }] }).readSheets();
    expect(grid.dateFormats).toEqual([{ row: 2, column: 1, format: "mm/yyyy" }]);
    expect(grid.merges.length).toBeGreaterThan(0);
  });

  it("uses three syncs whatever the row count (sheets, values, merged areas)", async () => {
    for (const rows of [10, 10_000]) {
      const host = hostOver(planWorkbook(rows));
      const grids = await host.readSheets();
      expect(grids[0].values).toHaveLength(rows + 3);
      expect(fake.stats.syncs).toBe(3);
      expect(fake.stats.refusedSyncs).toBe(0);
      fake.uninstall();
    }
  });

  it("falls back to row chunks when Excel refuses the payload, and reads exactly the same values", async () => {
    const whole = await hostOver(planWorkbook(3_000)).readSheets();
    fake.uninstall();

    const limit = 120_000;
    fake = installFakeExcel(createWorkbook(planWorkbook(3_000)), { payloadLimitBytes: limit });
    const host = new ExcelWorkbookHost({ readLimits: { chunkCells: 3_000, syncBudgetBytes: 100_000 } });
    const chunked = await host.readSheets();

    expect(chunked).toEqual(whole);
    expect(fake.stats.refusedSyncs).toBe(1);
    const accepted = fake.stats.log.filter((sync) => !sync.refused);
    expect(Math.max(...accepted.map((sync) => sync.largestRead))).toBeLessThanOrEqual(3_000);
    expect(Math.max(...accepted.map((sync) => sync.responseBytes))).toBeLessThanOrEqual(limit);
    // list + refused whole read + sizes + at least one sync per ~100 KB of values
    expect(fake.stats.syncs).toBeGreaterThan(4);
    expect(fake.stats.runs).toHaveLength(1);
  });

  it("halves a chunk group Excel still refuses (the estimate was too low)", async () => {
    const rows = planRows(400).map((row) => row.map((cell) => (typeof cell === "string" ? cell.repeat(8) : cell)));
    fake = installFakeExcel(createWorkbook({ sheets: [{ name: "Dài", values: rows }] }), { payloadLimitBytes: 60_000 });
    const host = new ExcelWorkbookHost({ readLimits: { chunkCells: 2_400, syncBudgetBytes: 200_000, bytesPerCell: 8 } });
    const [grid] = await host.readSheets();
    expect(grid.values).toHaveLength(403);
    expect(grid.values[402][1]).toBe("Đoàn công tác khảo sát, trao đổi kinh nghiệm số 400".repeat(8));
    expect(fake.stats.refusedSyncs).toBeGreaterThan(1);
  });

  it("gives a clear Vietnamese message when even one row is too large", async () => {
    const host = hostOver({ sheets: [{ name: "Quá lớn", values: [["x".repeat(5_000)]] }] }, { payloadLimitBytes: 2_000 });
    const failure = host.readSheets();
    await expect(failure).rejects.toBeInstanceOf(ExcelHostError);
    await expect(failure).rejects.toThrow("Không đọc được trang tính “Quá lớn”: dữ liệu vượt giới hạn");
  });

  it("wraps other failures into a Vietnamese message keeping the detail", async () => {
    const host = hostOver({ sheets: [{ name: "S", values: [["x"]] }] });
    const boom = Object.assign(new Error("Excel is busy"), { code: "GeneralException" });
    (globalThis as unknown as { Excel: { run: () => Promise<never> } }).Excel.run = () => Promise.reject(boom);
    await expect(host.readSheets()).rejects.toMatchObject({ code: "readFailed", message: "Không đọc được trang tính: Excel is busy" });
  });
});
