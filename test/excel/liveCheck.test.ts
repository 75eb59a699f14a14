/**
 * Live check on the fake Excel: an officer's edit (onChanged) re-marks exactly the cells whose findings
 * changed, in one Excel.run of at most two syncs at 100 and 10,000 rows; the add-in's own writes trigger
 * nothing; a burst of events is one update.
 */
import { createPaneServices, type SettingsStorage } from "../../src/app/paneServices";
import { ExcelLiveCheck } from "../../src/excel/liveCheck";
import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import { settingsMarkStateStore } from "../../src/excel/markState";
import { isMarkFormula, isTaggedNote } from "../../src/excel/marks";
import type { CheckSettings } from "../../src/domain/settings";
import { format, stringsFor } from "../../src/i18n";
import type { CheckResult } from "../../src/taskpane/services";
import { planSpec } from "../bench/planWorkbook";
import { fakeSpecOf } from "../support/fakeFromSpec";
import { cellKey, createWorkbook, installFakeExcel, sheetByName, type FakeExcel } from "./fakeExcel";
import { eventsDelivered, installChangeEvents, userEdit, userInsertRows } from "./fakeExcel/events";

const SETTINGS: CheckSettings = { profileId: "hai-phong", year: 2025, locale: "vi" };
const SHEET = "Đoàn ra";
/** planSpec's columns: countries in G, data from row 4. */
const COUNTRIES = "G";

function memoryStorage(): SettingsStorage {
  const data = new Map<string, unknown>();
  return { get: async <T>(key: string) => data.get(key) as T | undefined, set: async (key: string, value: unknown) => void data.set(key, value) };
}

interface Setup {
  fake: FakeExcel;
  host: ExcelWorkbookHost;
  services: ReturnType<typeof createPaneServices>;
  live: ExcelLiveCheck;
  /** Failures of the live check (reported, not thrown, in the pane). */
  errors: unknown[];
}

async function checkedPlan(rows: number): Promise<Setup> {
  installChangeEvents();
  const fake = installFakeExcel(createWorkbook(fakeSpecOf(planSpec(rows))));
  const host = new ExcelWorkbookHost();
  const services = createPaneServices(host, { storage: memoryStorage(), documentSettings: memoryStorage() });
  const errors: unknown[] = [];
  const live = new ExcelLiveCheck(services, { notes: true, store: settingsMarkStateStore(), onError: (error) => errors.push(error) });
  await services.check(SETTINGS);
  await live.idle();
  fake.resetStats();
  return { fake, host, services, live, errors };
}

/** The severities of the add-in's formats covering the cell. */
function ownSeverities(fake: FakeExcel, address: string): string[] {
  const [column, row] = [address.charCodeAt(0) - 64, Number(address.slice(1))];
  return sheetByName(fake.workbook, SHEET)
    .conditionalFormats.filter((format) => isMarkFormula(format.formula) && format.areas.some((a) => a.top <= row && row <= a.bottom && a.left <= column && column <= a.right))
    .map((format) => /dplan-mark:(\w+)/.exec(format.formula ?? "")![1]);
}

const noteAt = (fake: FakeExcel, address: string) => sheetByName(fake.workbook, SHEET).notes.get(address)?.content ?? "";

async function settle(setup: Setup): Promise<void> {
  await eventsDelivered(setup.fake);
  await setup.live.idle();
  expect(setup.errors).toEqual([]);
}

describe.each([100, 10_000])("live check on a plan of %i rows", (rows) => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await checkedPlan(rows);
  }, 600_000);
  afterAll(async () => {
    // Nothing of the add-in may still be running when the fake Office goes away.
    await setup?.live.idle();
    setup?.fake.uninstall();
  });

  it("marks a 4th country typed into a delegation, then unmarks it when fixed, each in one run of at most 2 syncs", async () => {
    const { fake, live } = setup;
    const cell = `${COUNTRIES}20`;
    userEdit(fake, SHEET, cell, [["Nhật Bản"]]);
    await settle(setup);
    expect(ownSeverities(fake, cell)).not.toContain("error");

    fake.resetStats();
    userEdit(fake, SHEET, cell, [["Nhật Bản, Hàn Quốc, Lào, Pháp"]]);
    await settle(setup);
    expect(fake.stats.runs).toHaveLength(1);
    expect(fake.stats.syncs).toBeLessThanOrEqual(2);
    expect(ownSeverities(fake, cell)).toEqual(["error"]);
    expect(noteAt(fake, cell)).toContain("vượt quá 3 nước/chuyến");
    // Tagged like a full check's notes, so the next check or "clear marks" finds it as the add-in's.
    expect(isTaggedNote(noteAt(fake, cell))).toBe(true);
    expect(live.reports.at(-1)).toMatchObject({ rows: 1 });

    fake.resetStats();
    userEdit(fake, SHEET, cell, [["Nhật Bản"]]);
    await settle(setup);
    expect(fake.stats.runs).toHaveLength(1);
    expect(fake.stats.syncs).toBeLessThanOrEqual(2);
    expect(ownSeverities(fake, cell)).not.toContain("error");
    expect(noteAt(fake, cell)).not.toContain("vượt quá 3 nước");
  }, 300_000);

  it("leaves every other cell's colour as the full check put it", async () => {
    const { fake } = setup;
    const before = ownSeverities(fake, "A21").concat(ownSeverities(fake, `${COUNTRIES}21`));
    userEdit(fake, SHEET, `${COUNTRIES}20`, [["Nhật Bản, Hàn Quốc, Lào, Pháp"]]);
    await settle(setup);
    expect(ownSeverities(fake, "A21").concat(ownSeverities(fake, `${COUNTRIES}21`))).toEqual(before);
    userEdit(fake, SHEET, `${COUNTRIES}20`, [["Nhật Bản"]]);
    await settle(setup);
  }, 300_000);

  it("writes and clears the note of another row whose findings the edit changed (a merge partner), in at most 2 syncs", async () => {
    const { fake } = setup;
    const mentions = (text: string, row: number) => new RegExp(`dòng ${row}(?!\\d)`).test(text);
    const valueAt = (row: number, column: number) => sheetByName(fake.workbook, SHEET).cells.get(cellKey(row, column))?.value ?? null;
    // planSpec's columns: countries G, start H, end I, purpose J.
    const [y, x] = [30, 31];
    const purposeOfX = valueAt(x, 10);
    // X takes Y's countries and time (a purpose of its own yet), then Y's purpose: now they are merge candidates.
    userEdit(fake, SHEET, `G${x}:J${x}`, [[valueAt(y, 7), valueAt(y, 8), valueAt(y, 9), "Khảo sát riêng"]]);
    await settle(setup);
    fake.resetStats();
    userEdit(fake, SHEET, `J${x}`, [[valueAt(y, 10)]]);
    await settle(setup);
    expect(fake.stats.runs).toHaveLength(1);
    expect(fake.stats.syncs).toBeLessThanOrEqual(2);
    // Y was not edited, yet its note follows.
    expect(mentions(noteAt(fake, `A${y}`), x)).toBe(true);

    fake.resetStats();
    userEdit(fake, SHEET, `J${x}`, [[purposeOfX]]);
    await settle(setup);
    expect(fake.stats.syncs).toBeLessThanOrEqual(2);
    expect(mentions(noteAt(fake, `A${y}`), x)).toBe(false);
  }, 300_000);

  it("ignores the add-in's own writes", async () => {
    const { fake, host, live } = setup;
    const reports = live.reports.length;
    await host.editCells([{ sheet: SHEET, row: 20, column: 7, expected: "Nhật Bản", value: "Nhật Bản, Hàn Quốc, Lào, Pháp" }]);
    fake.resetStats();
    const events = await eventsDelivered(fake);
    await live.idle();
    expect(events.at(-1)).toMatchObject({ triggerSource: "ThisLocalAddin", address: `${COUNTRIES}20` });
    expect(fake.stats.runs).toHaveLength(0);
    expect(live.reports).toHaveLength(reports);
    // Put back the value the other tests expect, as the officer would.
    userEdit(fake, SHEET, `${COUNTRIES}20`, [["Nhật Bản"]]);
    await settle(setup);
  }, 300_000);

  it("coalesces a burst of edits and a 500-row paste into one update of at most 2 syncs", async () => {
    const { fake, live } = setup;
    const reports = live.reports.length;
    fake.resetStats();
    const paste = Array.from({ length: Math.min(500, rows - 10) }, () => ["Nhật Bản, Hàn Quốc, Lào, Pháp"]);
    userEdit(fake, SHEET, `${COUNTRIES}5`, paste);
    userEdit(fake, SHEET, `${COUNTRIES}6`, [["Lào"]]);
    await settle(setup);
    expect(fake.stats.runs).toHaveLength(1);
    expect(fake.stats.syncs).toBeLessThanOrEqual(2);
    expect(live.reports).toHaveLength(reports + 1);
    expect(ownSeverities(fake, `${COUNTRIES}7`)).toContain("error");
    expect(ownSeverities(fake, `${COUNTRIES}6`)).not.toContain("error");
  }, 300_000);

  it("reads the sheet again after rows are inserted, still in 2 syncs", async () => {
    const { fake } = setup;
    fake.resetStats();
    userInsertRows(fake, SHEET, 10);
    await settle(setup);
    expect(fake.stats.runs).toHaveLength(1);
    expect(fake.stats.syncs).toBeLessThanOrEqual(2);
    // Row 7's delegation moved nowhere (above the insert); row 11 now holds what row 10 held.
    expect(ownSeverities(fake, `${COUNTRIES}7`)).toContain("error");
  }, 300_000);
});

describe("a live update that fails", () => {
  it("stops live checking, says so in the pane's status line in Vietnamese, and leaves the sheet's values and marks as they were", async () => {
    installChangeEvents();
    const fake = installFakeExcel(createWorkbook(fakeSpecOf(planSpec(100))));
    try {
      const services = createPaneServices(new ExcelWorkbookHost(), { storage: memoryStorage(), documentSettings: memoryStorage() });
      let failing = false;
      const results: (CheckResult | undefined)[] = [];
      services.subscribe((result) => results.push(result));
      const live = new ExcelLiveCheck(
        {
          liveSession: () => services.liveSession(),
          onLiveSession: (listener) => services.onLiveSession(listener),
          liveApply: (edits) => {
            if (failing) throw new Error("Mất kết nối với bảng tính");
            return services.liveApply(edits);
          },
        },
        { notes: true, store: settingsMarkStateStore(), onError: (error) => services.liveFailed(error) },
      );
      await services.check(SETTINGS);
      await live.idle();
      const marksBefore = ownSeverities(fake, `${COUNTRIES}20`);
      failing = true;
      userEdit(fake, SHEET, `${COUNTRIES}20`, [["Nhật Bản, Hàn Quốc, Lào, Pháp"]]);
      await eventsDelivered(fake);
      await live.idle();
      // The officer's value stays; no mark was written for it.
      expect(sheetByName(fake.workbook, SHEET).cells.get(cellKey(20, 7))?.value).toBe("Nhật Bản, Hàn Quốc, Lào, Pháp");
      expect(ownSeverities(fake, `${COUNTRIES}20`)).toEqual(marksBefore);
      expect(services.liveSession()).toBeUndefined();
      const status = results.at(-1)?.live;
      expect(status?.error).toBe("Mất kết nối với bảng tính");
      expect(format(stringsFor("vi").pane.liveFailed, { time: "10:42", detail: status!.error! })).toMatch(/^Kiểm tra khi nhập liệu đã dừng lúc 10:42 do lỗi: Mất kết nối/);
      // Nothing more is followed until the next check.
      failing = false;
      fake.resetStats();
      userEdit(fake, SHEET, `${COUNTRIES}21`, [["Lào"]]);
      await eventsDelivered(fake);
      await live.idle();
      expect(fake.stats.runs).toHaveLength(0);
    } finally {
      fake.uninstall();
    }
  }, 300_000);
});
