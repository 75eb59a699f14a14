/**
 * The live check's benchmark: `live_update_ms`, the domain time of one edited row in a plan of `rows`
 * delegations (median of several edits, each a different row, after the full check the session starts
 * from), and `live_syncs`, the syncs of one officer's edit through the Excel live check on the fake Excel.
 */
import { createPaneServices, type SettingsStorage } from "../../src/app/paneServices";
import { LiveCheck } from "../../src/domain/live/liveCheck";
import { ExcelLiveCheck } from "../../src/excel/liveCheck";
import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import { settingsMarkStateStore } from "../../src/excel/markState";
import type { CellValue, SheetGrid } from "../../src/workbook/types";
import { createWorkbook, installFakeExcel } from "../excel/fakeExcel";
import { eventsDelivered, installChangeEvents, userEdit } from "../excel/fakeExcel/events";
import { fakeSpecOf } from "../support/fakeFromSpec";
import { benchContext } from "./freshRun";
import { median } from "./measure";
import { planSpec } from "./planWorkbook";

/** planSpec's countries column (G) and first data row. */
const COUNTRIES_COLUMN = 7;
const FIRST_DATA_ROW = 4;
const EDITS = ["Nhật Bản, Hàn Quốc, Lào, Pháp", "Nhật Bản"];

export interface LiveTiming {
  rows: number;
  edits: number;
  /** Median wall ms of one applyCells (one row's countries typed). */
  ms: number;
  cpu_ms: number;
  /** Wall ms of LiveCheck.prepare() (what hosts run when idle after a check), and of the first edit after it. */
  prepare_ms: number;
  first_ms: number;
}

function gridOf(rows: number): SheetGrid {
  const sheet = planSpec(rows).sheets[0];
  return { name: sheet.name, originRow: 1, originCol: 1, values: sheet.rows.map((line) => line.map((value) => (value ?? null) as CellValue)), merges: [] };
}

/** Domain time of single-row edits spread over the plan (the plan's full check is not timed). */
export function measureLiveUpdate(rows: number, edits: number): LiveTiming {
  const grid = gridOf(rows);
  const live = LiveCheck.start([grid], benchContext());
  const prepareStarted = performance.now();
  live.prepare();
  const prepare_ms = performance.now() - prepareStarted;
  const wall: number[] = [];
  const cpu: number[] = [];
  const step = Math.max(1, Math.floor(rows / (edits + 1)));
  for (let i = 0; i < edits; i++) {
    const row = FIRST_DATA_ROW + ((i + 1) * step) % rows;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    live.applyCells(grid.name, [{ row, column: COUNTRIES_COLUMN, value: EDITS[i % EDITS.length] }]);
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  return { rows, edits, ms: median(wall), cpu_ms: median(cpu), prepare_ms, first_ms: wall[0] ?? 0 };
}

function memoryStorage(): SettingsStorage {
  const data = new Map<string, unknown>();
  return { get: async <T>(key: string) => data.get(key) as T | undefined, set: async (key: string, value: unknown) => void data.set(key, value) };
}

/** Syncs of one officer's edit (a 4th country typed) through ExcelLiveCheck on the fake Excel, after a check. */
export async function measureLiveSyncs(rows: number): Promise<{ rows: number; syncs: number; runs: number }> {
  installChangeEvents();
  const fake = installFakeExcel(createWorkbook(fakeSpecOf(planSpec(rows))));
  try {
    const services = createPaneServices(new ExcelWorkbookHost(), { storage: memoryStorage(), documentSettings: memoryStorage() });
    const live = new ExcelLiveCheck(services, { notes: true, store: settingsMarkStateStore() });
    await services.check({ profileId: "hai-phong", year: 2025, locale: "vi" });
    await live.idle();
    fake.resetStats();
    userEdit(fake, "Đoàn ra", `G${FIRST_DATA_ROW + Math.floor(rows / 2)}`, [[EDITS[0]]]);
    await eventsDelivered(fake);
    await live.idle();
    if (live.reports.length !== 1) throw new Error(`live_syncs: ${live.reports.length} updates, 1 expected`);
    return { rows, syncs: fake.stats.syncs, runs: fake.stats.runs.length };
  } finally {
    fake.uninstall();
  }
}
