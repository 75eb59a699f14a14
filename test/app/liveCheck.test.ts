/** The live check through the pane's services: edits after a check update the findings, the marks and the status. */
import { createPaneServices, LIVE_CHECK_KEY, type SettingsStorage } from "../../src/app/paneServices";
import type { CheckSettings } from "../../src/domain/settings";
import { MemoryHost } from "../support/memoryHost";
import { livePlanGrids, LIVE_COLUMNS } from "../domain/live/livePlan";

function memoryStorage(): SettingsStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async <T>(key: string) => data.get(key) as T | undefined,
    set: async (key: string, value: unknown) => void data.set(key, value),
  };
}

const SETTINGS: CheckSettings = { profileId: "hai-phong", year: 2025, locale: "vi" };
const COUNTRIES = LIVE_COLUMNS.indexOf("countries") + 1;

describe("live check in the pane's services", () => {
  it("after a check, a typed 4th country is found and marked, and fixing it removes the mark", async () => {
    const host = new MemoryHost(livePlanGrids());
    const documentSettings = memoryStorage();
    const services = createPaneServices(host, { storage: memoryStorage(), documentSettings, now: () => new Date("2025-03-01T10:42:00Z") });
    const results: unknown[] = [];
    services.subscribe((result) => results.push(result));
    expect(services.liveApply([{ sheet: "Đoàn ra", kind: "cells", changes: [] }])).toBeUndefined();

    const checked = await services.check(SETTINGS);
    const countriesMax = () => services.latestResult()!.findings.filter((f) => f.rule === "countries-max" && f.cell === "G6");
    expect(countriesMax()).toEqual([]);

    const typed = services.liveApply([{ sheet: "Đoàn ra", kind: "cells", changes: [{ row: 6, column: COUNTRIES, value: "Nhật Bản, Hàn Quốc, Lào, Pháp" }] }])!;
    expect(typed.rows).toBe(1);
    expect(typed.marks.set).toEqual([expect.objectContaining({ sheet: "Đoàn ra", row: 6, column: COUNTRIES, severity: "error" })]);
    expect(typed.marks.set[0].message).toContain("vượt quá 3 nước/chuyến");
    expect(countriesMax()).toHaveLength(1);
    expect(services.latestResult()!.live).toEqual({ rows: 1, at: "2025-03-01T10:42:00.000Z" });
    expect(services.latestResult()!.checkedAt).toBe(checked.checkedAt);
    expect(results).toHaveLength(2);

    const fixed = services.liveApply([{ sheet: "Đoàn ra", kind: "cells", changes: [{ row: 6, column: COUNTRIES, value: "Hàn Quốc" }] }])!;
    expect(fixed.marks.clear).toEqual([{ sheet: "Đoàn ra", row: 6, column: COUNTRIES }]);
    expect(countriesMax()).toEqual([]);
  });

  it("is off once turned off (saved in the document settings), and back from the next check when turned on", async () => {
    const host = new MemoryHost(livePlanGrids());
    const documentSettings = memoryStorage();
    const services = createPaneServices(host, { storage: memoryStorage(), documentSettings });
    await expect(services.liveEnabled()).resolves.toBe(true);
    await services.check(SETTINGS);
    expect(services.liveSession()).toBeDefined();
    await services.setLiveEnabled(false);
    expect(documentSettings.data.get(LIVE_CHECK_KEY)).toBe(false);
    expect(services.liveApply([{ sheet: "Đoàn ra", kind: "cells", changes: [{ row: 6, column: COUNTRIES, value: "Lào" }] }])).toBeUndefined();
    await services.check(SETTINGS);
    expect(services.liveSession()).toBeUndefined();
    await services.setLiveEnabled(true);
    await services.check(SETTINGS);
    expect(services.liveSession()?.planSheets()).toEqual(["Đoàn ra", "Bổ sung"]);
  });

  it("stops when the marks are cleared (they stay cleared until the next check)", async () => {
    const services = createPaneServices(new MemoryHost(livePlanGrids()), { storage: memoryStorage(), documentSettings: memoryStorage() });
    await services.check(SETTINGS);
    await services.clearMarks();
    expect(services.liveApply([{ sheet: "Đoàn ra", kind: "cells", changes: [{ row: 6, column: COUNTRIES, value: "Lào, Lào, Nhật Bản, Pháp, Đức" }] }])).toBeUndefined();
  });
});

describe("live check: the title's year", () => {
  const memory = () => {
    const data = new Map<string, unknown>();
    return { get: async <T>(key: string) => data.get(key) as T | undefined, set: async (key: string, value: unknown) => void data.set(key, value) };
  };
  const titleFinding = (services: ReturnType<typeof createPaneServices>) => services.latestResult()!.findings.filter((f) => f.rule === "period-invalid" && f.cell === "A1");

  it("a title edited to another year than Cài đặt gets the plan-year finding and mark, and loses them when set back", async () => {
    const host = new MemoryHost(livePlanGrids());
    const services = createPaneServices(host, { storage: memory(), documentSettings: memory(), now: () => new Date("2025-03-01T10:42:00Z") });
    await services.check(SETTINGS);
    expect(titleFinding(services)).toEqual([]);

    const edited = services.liveApply([{ sheet: "Đoàn ra", kind: "cells", changes: [{ row: 1, column: 1, value: "KẾ HOẠCH ĐOÀN RA NĂM 2026" }] }])!;
    expect(titleFinding(services)).toEqual([expect.objectContaining({ sheet: "Đoàn ra", row: 1, column: 1, severity: expect.any(String) })]);
    expect(titleFinding(services)[0].message).toContain("Tiêu đề ghi năm 2026, khác năm kế hoạch 2025");
    expect(edited.marks.set).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: "Đoàn ra", row: 1, column: 1 })]));
    const status = services.latestResult()!.live!;
    // The status names what was checked again: rows, or else the sheet (never "0 rows").
    expect(status.rows > 0 || (status.sheets ?? []).includes("Đoàn ra")).toBe(true);
    expect(edited.sheets).toContain("Đoàn ra");

    const back = services.liveApply([{ sheet: "Đoàn ra", kind: "cells", changes: [{ row: 1, column: 1, value: "KẾ HOẠCH ĐOÀN RA NĂM 2025" }] }])!;
    expect(titleFinding(services)).toEqual([]);
    expect(back.marks.clear).toEqual(expect.arrayContaining([{ sheet: "Đoàn ra", row: 1, column: 1 }]));
  });

  it("a title naming another year at the check keeps its finding through unrelated edits, and loses it when fixed", async () => {
    const grids = livePlanGrids();
    grids[0].values[0][0] = "KẾ HOẠCH ĐOÀN RA NĂM 2026";
    const services = createPaneServices(new MemoryHost(grids), { storage: memory(), documentSettings: memory() });
    await services.check(SETTINGS);
    expect(titleFinding(services)).toHaveLength(1);
    services.liveApply([{ sheet: "Đoàn ra", kind: "cells", changes: [{ row: 6, column: COUNTRIES, value: "Lào" }] }]);
    expect(titleFinding(services)).toHaveLength(1);
    services.liveApply([{ sheet: "Đoàn ra", kind: "cells", changes: [{ row: 1, column: 1, value: "KẾ HOẠCH ĐOÀN RA NĂM 2025" }] }]);
    expect(titleFinding(services)).toEqual([]);
  });
});
