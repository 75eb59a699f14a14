/**
 * Installs the fake as the globals `Excel` and `Office` (what the host and the ribbon code use):
 * Excel.run with RequestContext, Office.context.requirements.isSetSupported, the add-in's document
 * settings (in memory until saveAsync writes them into the workbook, as in Office), Office.actions and
 * Office.addin. `reopen()` starts a new session over the same workbook: unsaved settings are lost.
 */
import { FakeContextCore, FakeOfficeError, compareVersions, newStats, type FakeEnvironment, type FakeStats, type RunRecord } from "./context";
import { FakeRequestContext } from "./objectModel";
import type { FakeWorkbook } from "./model";

export interface FakeExcel {
  workbook: FakeWorkbook;
  env: FakeEnvironment;
  stats: FakeStats;
  /** Functions registered with Office.actions.associate. */
  actions: Map<string, (event: unknown) => unknown>;
  taskpaneShows: number;
  /** Number of settings.saveAsync calls. */
  settingsSaves: number;
  /** Each sheet's notes and conditional formats before the last run that wrote (for undoLastRun). */
  beforeLastWrite?: { id: string; notes: FakeWorkbook["sheets"][number]["notes"]; conditionalFormats: FakeWorkbook["sheets"][number]["conditionalFormats"] }[];
  /** New session over the same workbook (as closing and reopening it). */
  reopen(): void;
  resetStats(): void;
  uninstall(): void;
}

export interface FakeExcelOptions extends Partial<FakeEnvironment> {
  /** Makes settings.saveAsync report failure. */
  failSettingsSave?: boolean;
}

export const DEFAULT_ENVIRONMENT: FakeEnvironment = {
  apiVersion: "1.20",
  sharedRuntime: true,
  payloadLimitBytes: 5 * 1024 * 1024,
  maxCellsPerRead: 5_000_000,
  platform: "Windows",
  otherWorkbookFocused: false,
  oversizeRead: "null",
};

type Batch = (context: FakeRequestContext) => Promise<unknown>;

export function installFakeExcel(workbook: FakeWorkbook, options: FakeExcelOptions = {}): FakeExcel {
  const { failSettingsSave, ...envOptions } = options;
  const env: FakeEnvironment = { ...DEFAULT_ENVIRONMENT, ...envOptions };
  let memorySettings: Record<string, unknown> = structuredClone(workbook.settings);
  const previous = { Excel: (globalThis as Record<string, unknown>).Excel, Office: (globalThis as Record<string, unknown>).Office };

  const fake: FakeExcel = {
    workbook,
    env,
    stats: newStats(),
    actions: new Map(),
    taskpaneShows: 0,
    settingsSaves: 0,
    reopen() {
      memorySettings = structuredClone(workbook.settings);
    },
    resetStats() {
      fake.stats = newStats();
    },
    uninstall() {
      Object.assign(globalThis, previous);
    },
  };

  const run = async (first: Record<string, unknown> | Batch, second?: Batch): Promise<unknown> => {
    const batch = typeof first === "function" ? first : second;
    const runOptions = typeof first === "function" ? {} : { ...first };
    if (!batch) throw new Error("fake: Excel.run needs a batch function");
    if (runOptions.mergeUndoGroup !== undefined && compareVersions(env.apiVersion, "1.20") < 0) {
      throw new FakeOfficeError("ApiNotFound", "Excel.run option mergeUndoGroup needs ExcelApi 1.20.");
    }
    if (runOptions.delayForCellEdit !== undefined && compareVersions(env.apiVersion, "1.11") < 0) {
      throw new FakeOfficeError("ApiNotFound", "Excel.run option delayForCellEdit needs ExcelApi 1.11.");
    }
    const record: RunRecord = { options: runOptions, syncs: 0, wrote: false };
    fake.stats.runs.push(record);
    const core = new FakeContextCore(workbook, env, fake.stats, record);
    const before = workbook.sheets.map((sheet) => ({ id: sheet.id, notes: structuredClone(sheet.notes), conditionalFormats: structuredClone(sheet.conditionalFormats) }));
    try {
      const result = await batch(new FakeRequestContext(core));
      // Office sends whatever is still queued when the batch ends: it counts as a sync.
      if (core.pending > 0) await core.sync();
      if (record.options.mergeUndoGroup && record.wrote) fake.stats.undoSteps++;
      return result;
    } finally {
      if (record.wrote) fake.beforeLastWrite = before;
    }
  };


  const settings = {
    get: (name: string) => (name in memorySettings ? structuredClone(memorySettings[name]) : null),
    set: (name: string, value: unknown) => {
      memorySettings[name] = structuredClone(value);
    },
    remove: (name: string) => {
      delete memorySettings[name];
    },
    saveAsync: (callback?: (result: { status: string; error?: { message: string } }) => void) => {
      fake.settingsSaves++;
      setTimeout(() => {
        if (failSettingsSave) {
          callback?.({ status: "failed", error: { message: "The settings could not be saved." } });
          return;
        }
        workbook.settings = structuredClone(memorySettings);
        callback?.({ status: "succeeded" });
      }, 0);
    },
  };

  const office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      get partitionKey() {
        return env.partitionKey;
      },
      requirements: {
        isSetSupported(name: string, version = "1.1") {
          if (name === "ExcelApi") return compareVersions(env.apiVersion, version) >= 0;
          if (name === "SharedRuntime") return env.sharedRuntime && compareVersions("1.1", version) >= 0;
          return false;
        },
      },
      document: { settings },
      get diagnostics() {
        return { platform: { Windows: "PC", Mac: "Mac", Web: "OfficeOnline" }[env.platform], version: "16.0.19029.20000", host: "Excel" };
      },
    },
    // Ribbon functions: Office calls what is associated when the button is pressed; a runtime that
    // associates only after loading its services misses the first press (office-js #5176, #3378), so
    // tests press the functions associated at load. showAsTaskpane needs the shared runtime ("Show or
    // hide the task pane of your Office Add-in", Learn).
    actions: {
      associate(name: string, action: (event: unknown) => unknown) {
        fake.actions.set(name, action);
      },
    },
    addin: {
      async showAsTaskpane() {
        if (!env.sharedRuntime) throw new Error("showAsTaskpane needs the shared runtime");
        fake.taskpaneShows++;
      },
    },
  };

  Object.assign(globalThis, { Excel: { run }, Office: office });
  return fake;
}
