/** "Tự kiểm tra" in Excel, on the simulator: every capability passes, and the user's sheets are untouched. */
import { CAPABILITY_ORDER, runSelfTest, selfTestText } from "../../src/app/selfTest";
import { excelSelfTest } from "../../src/excel/selfTest";
import { storageOver, type KeyValueStorage, type OfficeRuntimeStorage } from "../../src/excel/storage";
import { stringsFor } from "../../src/i18n";
import { selfTestLabels } from "../../src/taskpane/selfTestLabels";
import { createWorkbook, installFakeExcel, snapshot, type FakeExcel } from "./fakeExcel";

let fake: FakeExcel;
afterEach(() => fake?.uninstall());

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const backend: OfficeRuntimeStorage = {
    getItem: async (key) => data.get(key) ?? null,
    setItem: async (key, value) => void data.set(key, value),
    removeItem: async (key) => void data.delete(key),
    getKeys: async () => [...data.keys()],
  };
  return Object.assign(storageOver(backend, "dplan:"), { data });
}

function setup(options: Parameters<typeof installFakeExcel>[1] = {}) {
  fake = installFakeExcel(
    createWorkbook({
      sheets: [
        { name: "Đoàn ra", values: [["TT", "Tên đoàn"], [1, "Đoàn A"]], notes: { B2: "của người dùng" }, conditionalFormats: [{ type: "CellValue", address: "A1:B9", fill: "#00FF00" }] },
        { name: "Đoàn vào", values: [["TT"]] },
      ],
      settings: { "dplan.settings": "{}" },
    }),
    options,
  );
  fake.workbook.activeSheetId = fake.workbook.sheets[1].id;
}

describe("Tự kiểm tra on the simulator", () => {
  it.each(["Windows", "Mac", "Web"] as const)("passes every capability on Excel for %s (ExcelApi 1.20) and leaves the workbook as it was", async (platform) => {
    setup({ platform });
    const before = snapshot(fake.workbook);
    const activeBefore = fake.workbook.activeSheetId;
    const storage = memoryStorage();
    const report = await runSelfTest(excelSelfTest({ storage }));
    expect(report.setupError).toBeUndefined();
    expect(report.results.map((result) => [result.id, result.status, result.code])).toEqual(CAPABILITY_ORDER.map((id) => [id, "pass", undefined]));
    expect(report.environment.requirementSets).toContain("ExcelApi 1.20");
    expect(report.environment.platform).toBe(`Excel · ${{ Windows: "PC", Mac: "Mac", Web: "OfficeOnline" }[platform]}`);
    expect(snapshot(fake.workbook)).toEqual(before);
    expect(fake.workbook.activeSheetId).toBe(activeBefore);
    expect(storage.data.size).toBe(0);
  });

  it("says which capabilities this Excel lacks (ExcelApi 1.9) and passes the others", async () => {
    setup({ apiVersion: "1.9" });
    const report = await runSelfTest(excelSelfTest({ storage: memoryStorage() }));
    const status = Object.fromEntries(report.results.map((result) => [result.id, result.status]));
    expect(status).toMatchObject({ mergedAreas: "na", notes: "na", undoGroup: "na", readValues: "pass", conditionalFormat: "pass", insertRow: "pass", listValidation: "pass" });
    expect(report.results.find((result) => result.id === "notes")?.unavailable).toEqual({ requirementSet: "ExcelApi 1.18" });
  });

  it("reports a failing capability with its error code, and still removes the temporary sheet", async () => {
    setup();
    const storage = memoryStorage();
    storage.set = async () => {
      throw Object.assign(new Error("Storage quota exceeded"), { code: "QuotaExceededError" });
    };
    const before = fake.workbook.sheets.map((sheet) => sheet.name);
    const report = await runSelfTest(excelSelfTest({ storage }));
    expect(report.results.find((result) => result.id === "sharedStorage")).toMatchObject({ status: "fail", code: "QuotaExceededError" });
    expect(fake.workbook.sheets.map((sheet) => sheet.name)).toEqual(before);
  });

  it("a protected workbook structure: the temporary sheet cannot be made, and the report says so", async () => {
    setup();
    fake.workbook.structureProtected = true;
    const report = await runSelfTest(excelSelfTest({ storage: memoryStorage() }));
    expect(report.setupError).toMatchObject({ status: "fail", code: "AccessDenied" });
    expect(report.results).toEqual([]);
  });

  it("copies as text: platform, version, sets, one line per capability", async () => {
    setup();
    const report = await runSelfTest(excelSelfTest({ storage: memoryStorage() }));
    const text = selfTestText(report, selfTestLabels(stringsFor("vi").pane, "vi"));
    expect(text).toContain("Nền tảng: Excel · PC");
    expect(text).toContain("ExcelApi 1.20");
    expect(text.split("\n").filter((line) => line.includes(" | Đạt | "))).toHaveLength(CAPABILITY_ORDER.length);
  });
});
