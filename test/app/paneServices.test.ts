import { defaultPlanYear } from "../../src/app/context";
import { createPaneServices, type SettingsStorage } from "../../src/app/paneServices";
import { REPORT_SHEET } from "../../src/app/report";
import type { CheckSettings } from "../../src/domain/settings";
import type { CellValue, SheetGrid } from "../../src/workbook/types";
import { MemoryHost } from "../support/memoryHost";

const HEADER = ["STT", "Tên đoàn", "Trưởng đoàn", "Chức vụ", "Số lượng", "Nước đến", "Thời gian", "Mục đích, nội dung", "Nguồn kinh phí"];
const ROWS: CellValue[][] = [
  [1, "Đoàn học tập", "Nguyễn Văn An", "Phó Giám đốc Sở", 5, "Nhật Bản, Singapor", "Tháng 5/2026", "Học tập kinh nghiệm quản lý bệnh viện tuyến tỉnh", "Ngân sách thành phố"],
  [2, "Đoàn xúc tiến", "Trần Văn Bình", "Phó Giám đốc Sở", 6, "Hàn Quốc", "Tháng 9/2026", "Xúc tiến đầu tư vào khu công nghiệp", "Doanh nghiệp ABC tài trợ"],
];
const grid = (): SheetGrid => ({ name: "Đoàn ra", originRow: 1, originCol: 1, values: [HEADER, ...ROWS.map((row) => [...row])], merges: [] });
const notes: SheetGrid = { name: "Ghi chép", originRow: 1, originCol: 1, values: [["Danh sách cán bộ"], ["Nguyễn Văn A"]], merges: [] };

function memoryStorage(): SettingsStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: async (key) => structuredClone(data.get(key)) as never, set: async (key, value) => void data.set(key, structuredClone(value)) };
}

const SETTINGS: CheckSettings = { profileId: "hai-phong", year: 2026, locale: "vi" };

describe("pane services over a workbook host", () => {
  it("loads the self-test's code when it is first run, not when the pane starts", async () => {
    const load = jest.fn(async () => ({
      environment: async () => ({ platform: "Excel · PC", version: "16", requirementSets: [] }),
      createSheet: async () => "tạm",
      removeSheet: async () => undefined,
      capabilities: () => [{ id: "readValues" as const, run: async () => undefined }],
    }));
    const services = createPaneServices(new MemoryHost([grid()]), { storage: memoryStorage(), selfTest: load });
    expect(load).not.toHaveBeenCalled();
    const report = await services.runSelfTest!();
    expect(load).toHaveBeenCalledTimes(1);
    expect(report.results.find((result) => result.id === "readValues")?.status).toBe("pass");
  });

  it("checks, summarises the sheets and tells subscribers (the ribbon's check reaches an open pane)", async () => {
    const host = new MemoryHost([grid(), notes]);
    const services = createPaneServices(host, { storage: memoryStorage() });
    const seen: number[] = [];
    services.subscribe((result) => seen.push(result.findings.length));
    const result = await services.check(SETTINGS);
    expect(result.sheets).toEqual([
      { sheet: "Đoàn ra", kind: "outbound", delegations: 2 },
      { sheet: "Ghi chép", delegations: 0, reason: expect.any(String) },
    ]);
    expect(result.findings.map((finding) => `${finding.rule}@${finding.cell}`)).toEqual(expect.arrayContaining(["country-unknown@F2", "funding-forbidden@I3"]));
    expect(seen).toEqual([result.findings.length]);
    expect(services.latestResult()).toBe(result);
    expect(host.marks.length).toBeGreaterThan(0);
  });

  it("previews a fix from the last check and applies it only where the cell is unchanged", async () => {
    const host = new MemoryHost([grid()]);
    const services = createPaneServices(host, { storage: memoryStorage() });
    const { findings } = await services.check(SETTINGS);
    const fixes = services.previewFixes(findings);
    expect(fixes).toEqual([expect.objectContaining({ cell: "F2", from: "Nhật Bản, Singapor", to: "Nhật Bản, Singapore" })]);
    expect(await services.applyFixes(fixes)).toEqual({ applied: 1, skipped: 0 });
    expect(await services.applyFixes(fixes)).toEqual({ applied: 0, skipped: 1 });
  });

  it("exports the report, selects cells, clears marks", async () => {
    const host = new MemoryHost([grid()]);
    const services = createPaneServices(host, { storage: memoryStorage() });
    const { findings } = await services.check(SETTINGS);
    expect(await services.exportReport(findings)).toBe(REPORT_SHEET);
    expect(host.tables[0].rows).toHaveLength(findings.length + 1);
    await services.goToCell({ sheet: "Đoàn ra", row: 3, column: 9 });
    expect(host.selected).toEqual({ sheet: "Đoàn ra", row: 3, column: 9 });
    expect(services.latestResult()?.findings).toEqual(findings);
    await services.clearMarks();
    expect(host.marks).toEqual([]);
    // A pane opened after the clear does not list findings whose marks are gone.
    expect(services.latestResult()).toBeUndefined();
  });

  it("attaches dropdowns to the recognised columns and inserts a template that is ready to fill", async () => {
    const host = new MemoryHost([grid()]);
    const services = createPaneServices(host, { storage: memoryStorage() });
    await services.saveSettings(SETTINGS);
    expect(await services.attachDropdowns()).toEqual({ columns: 4, sheets: ["Đoàn ra"] });
    const name = await services.insertTemplate("inbound");
    expect(name).toBe("Đoàn vào");
    expect(host.grids.map((sheet) => sheet.name)).toEqual(["Đoàn ra", "Đoàn vào"]);
    expect(host.dropdowns?.targets.every((target) => target.sheet === "Đoàn vào")).toBe(true);
    expect(host.dropdowns?.targets.map((target) => target.list)).toEqual(expect.arrayContaining(["countries", "funding"]));
  });

  it("saves settings and a department's own profile, and lists every error of a bad one", async () => {
    const storage = memoryStorage();
    const services = createPaneServices(new MemoryHost([grid()]), { storage, now: () => new Date(2025, 9, 1) });
    expect(await services.loadSettings()).toEqual({ profileId: "default", year: 2026, locale: "vi" });
    const bad = services.loadProfileJson('{"id": "Sai Id", "name": ""}');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.length).toBeGreaterThan(1);
    const good = services.loadProfileJson(JSON.stringify({ extends: "hai-phong", id: "so-y-te", name: "Sở Y tế", sources: ["Quy chế nội bộ"] }));
    expect(good).toEqual({ ok: true, id: "so-y-te" });
    expect(services.listProfiles().map((profile) => profile.id)).toContain("so-y-te");
    await services.saveSettings({ ...SETTINGS, profileId: "so-y-te" });

    const reopened = createPaneServices(new MemoryHost([grid()]), { storage });
    expect((await reopened.loadSettings()).profileId).toBe("so-y-te");
    expect(reopened.listProfiles().map((profile) => profile.id)).toContain("so-y-te");
    const result = await reopened.checkWithSavedSettings();
    expect(result.sheets[0].delegations).toBe(2);
  });

  it("fails with a clear message for an unknown profile", async () => {
    const services = createPaneServices(new MemoryHost([grid()]), { storage: memoryStorage() });
    await expect(services.check({ ...SETTINGS, profileId: "khong-co" })).rejects.toThrow(/khong-co/);
  });

  it("plans for next year from July on", () => {
    expect(defaultPlanYear(new Date(2025, 5, 30))).toBe(2025);
    expect(defaultPlanYear(new Date(2025, 6, 1))).toBe(2026);
  });
});
