import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import { ExcelHostError } from "../../src/excel/errors";
import { createWorkbook, installFakeExcel, type FakeExcel } from "./fakeExcel";

let fake: FakeExcel;
afterEach(() => fake?.uninstall());

function setup(apiVersion = "1.20") {
  fake = installFakeExcel(
    createWorkbook({
      name: "KH doan ra 2025 - So Ngoai vu.xlsx",
      sheets: [
        { name: "Đoàn ra", values: [["x"]] },
        { name: "Đoàn vào", values: [["y"]] },
        { name: "Ẩn", visibility: "Hidden", values: [["z"]] },
      ],
    }),
    { apiVersion },
  );
}

describe("ExcelWorkbookHost capabilities and small operations", () => {
  it.each([
    ["1.9", { notes: false, undoGroup: false, charts: true }],
    ["1.17", { notes: false, undoGroup: false, charts: true }],
    ["1.18", { notes: true, undoGroup: false, charts: true }],
    ["1.20", { notes: true, undoGroup: true, charts: true }],
  ])("ExcelApi %s → %p", (version, capabilities) => {
    setup(version);
    expect(new ExcelWorkbookHost().capabilities).toEqual(capabilities);
  });

  it("refuses to start below ExcelApi 1.9 with a clear Vietnamese message", () => {
    setup("1.8");
    expect(() => new ExcelWorkbookHost()).toThrow(ExcelHostError);
    expect(() => new ExcelWorkbookHost()).toThrow("Phiên bản Excel này không hỗ trợ phần bổ trợ (cần ExcelApi 1.9");
    expect(() => new ExcelWorkbookHost({ locale: "en" })).toThrow("This version of Excel cannot run the add-in");
  });

  it("gives the workbook's name in one sync", async () => {
    setup();
    expect(await new ExcelWorkbookHost().workbookName()).toBe("KH doan ra 2025 - So Ngoai vu.xlsx");
    expect(fake.stats.syncs).toBe(1);
  });

  it("selects a cell: activates its sheet, then selects it, in one sync", async () => {
    setup();
    await new ExcelWorkbookHost().selectCell("Đoàn vào", 12, 28);
    expect(fake.workbook.activeSheetId).toBe(fake.workbook.sheets[1].id);
    expect(fake.workbook.selection).toEqual({ sheet: "Đoàn vào", address: "AB12" });
    expect(fake.stats.syncs).toBe(1);
  });

  it("explains a missing or hidden sheet in Vietnamese", async () => {
    setup();
    const host = new ExcelWorkbookHost();
    await expect(host.selectCell("Đã xóa", 2, 2)).rejects.toMatchObject({ code: "sheetNotFound", message: expect.stringContaining("Không tìm thấy trang tính “Đã xóa”") });
    await expect(host.selectCell("Ẩn", 2, 2)).rejects.toMatchObject({ code: "selectFailed", message: expect.stringContaining("Không chọn được ô B2 trên trang tính “Ẩn”") });
  });

  it("asks Excel to wait for cell edit mode where supported (ExcelApi 1.11)", async () => {
    setup("1.11");
    await new ExcelWorkbookHost().workbookName();
    expect(fake.stats.runs[0].options).toEqual({ delayForCellEdit: true });
    fake.uninstall();
    setup("1.10");
    await new ExcelWorkbookHost().workbookName();
    expect(fake.stats.runs[0].options).toEqual({});
  });
});
