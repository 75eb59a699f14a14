/**
 * Live check with a stray value far from the plan (XFD1048576): the update never asks Excel for the values of a
 * 17-billion-cell used range; it reads the plan within its window, or locates the values with special cells
 * and cuts the far cells as the full check does, in the same number of syncs whatever the plan's rows.
 */
import { createPaneServices, type SettingsStorage } from "../../src/app/paneServices";
import { ExcelLiveCheck } from "../../src/excel/liveCheck";
import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import { settingsMarkStateStore } from "../../src/excel/markState";
import type { CheckSettings } from "../../src/domain/settings";
import { planSpec } from "../bench/planWorkbook";
import { fakeSpecOf } from "../support/fakeFromSpec";
import { cellKey, createWorkbook, installFakeExcel, sheetByName, type FakeExcel } from "./fakeExcel";
import { eventsDelivered, installChangeEvents, userEdit, userInsertRows } from "./fakeExcel/events";

jest.setTimeout(300_000);

const SETTINGS: CheckSettings = { profileId: "hai-phong", year: 2025, locale: "vi" };
const SHEET = "Đoàn ra";

function memoryStorage(): SettingsStorage {
  const data = new Map<string, unknown>();
  return { get: async <T>(key: string) => data.get(key) as T | undefined, set: async (key: string, value: unknown) => void data.set(key, value) };
}

async function checkedPlan(rows: number, stray?: { row: number; column: number }) {
  installChangeEvents();
  const workbook = createWorkbook(fakeSpecOf(planSpec(rows)));
  if (stray) sheetByName(workbook, SHEET).cells.set(cellKey(stray.row, stray.column), { value: "gõ nhầm" });
  const fake = installFakeExcel(workbook);
  const services = createPaneServices(new ExcelWorkbookHost(), { storage: memoryStorage(), documentSettings: memoryStorage() });
  const errors: unknown[] = [];
  const live = new ExcelLiveCheck(services, { notes: true, store: settingsMarkStateStore(), onError: (error) => errors.push(error) });
  await services.check(SETTINGS);
  await live.idle();
  fake.resetStats();
  return { fake, services, live, errors };
}

async function settle(setup: { fake: FakeExcel; live: ExcelLiveCheck; errors: unknown[] }): Promise<void> {
  await eventsDelivered(setup.fake);
  await setup.live.idle();
  expect(setup.errors).toEqual([]);
}

const farNote = (services: ReturnType<typeof createPaneServices>) => services.liveSession()?.plan().sheets.find((sheet) => sheet.sheet === SHEET)?.farCellsNote;

describe("live check and a stray value far from the plan", () => {
  it.each([100, 3_000])("a value typed at XFD1048576 (plan of %i rows) is cut and named, in a fixed number of syncs", async (rows) => {
    const setup = await checkedPlan(rows);
    try {
      const { fake, services } = setup;
      const before = services.liveSession()!.plan().delegations.length;
      userEdit(fake, SHEET, "XFD1048576", [["gõ nhầm"]]);
      await settle(setup);
      // the edit's read (window), special cells, the kept values with the far cell's: no mark changed, no write.
      expect(fake.stats.syncs).toBe(3);
      expect(fake.stats.runs).toHaveLength(1);
      expect(Math.max(...fake.stats.log.map((sync) => sync.largestRead))).toBeLessThan(rows * 20 + 1_000);
      expect(services.liveSession()!.plan().delegations).toHaveLength(before);
      expect(farNote(services)).toContain("XFD1048576: “gõ nhầm”");
    } finally {
      await setup.live.idle();
      setup.fake.uninstall();
    }
  });

  it.each([100, 3_000])("rows inserted into a plan of %i rows with a far stray: the plan is read again, the stray named", async (rows) => {
    // Not row 1048576: Excel refuses to insert rows that would push a nonblank cell off the sheet.
    const setup = await checkedPlan(rows, { row: 1_048_000, column: 16_384 });
    try {
      const { fake, services } = setup;
      expect(farNote(services)).toContain("XFD1048000");
      const before = services.liveSession()!.plan().delegations.length;
      userInsertRows(fake, SHEET, 10, 2);
      await settle(setup);
      // the edit's read (window), special cells, the kept values with the far cell's, the moved marks.
      expect(fake.stats.syncs).toBe(4);
      expect(Math.max(...fake.stats.log.map((sync) => sync.largestRead))).toBeLessThan(rows * 20 + 1_000);
      expect(services.liveSession()!.plan().delegations).toHaveLength(before);
      expect(farNote(services)).toContain("XFD1048002");
    } finally {
      await setup.live.idle();
      setup.fake.uninstall();
    }
  });

  it("a remark typed a few columns right of the plan is a cell edit within the window (no full read)", async () => {
    const setup = await checkedPlan(300);
    try {
      userEdit(setup.fake, SHEET, "Z40", [["ghi chú của cán bộ"]]);
      await settle(setup);
      expect(setup.fake.stats.syncs).toBeLessThanOrEqual(2);
      expect(Math.max(...setup.fake.stats.log.map((sync) => sync.largestRead))).toBe(1);
    } finally {
      await setup.live.idle();
      setup.fake.uninstall();
    }
  });

  it("rows inserted into a plan without far cells: still 2 syncs at most", async () => {
    const setup = await checkedPlan(300);
    try {
      userInsertRows(setup.fake, SHEET, 10);
      await settle(setup);
      expect(setup.fake.stats.syncs).toBeLessThanOrEqual(2);
    } finally {
      await setup.live.idle();
      setup.fake.uninstall();
    }
  });
});
