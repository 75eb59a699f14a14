/**
 * The task pane's services (src/taskpane/services.ts) over any WorkbookHost: Excel in the add-in,
 * the xlsx host in the playground. Keeps the latest check so the ribbon's check and the pane share it.
 */
import { runSelfTest, type SelfTestTarget } from "./selfTest";
import type { Delegation, Finding, PlanKind } from "../domain/model";
import { DEFAULT_PROFILE_ID, PROFILES, parseProfileJson, profileSummary, type Profile } from "../domain/profiles";
import type { CheckSettings } from "../domain/settings";
import type { CheckContext } from "../domain/rules";
import type { Locale } from "../i18n";
import type { CheckResult, PaneServices, ProfileLoadResult, SheetSummary } from "../taskpane/services";
import type { WorkbookHost } from "../workbook/types";
import { blankTemplate } from "./blankTemplate";
import { checkWorkbook, type WorkbookCheck } from "./checkWorkbook";
import { checkContext, defaultPlanYear } from "./context";
import { dropdownTargets } from "./dropdowns";
import { fixesToEdits, previewFixes } from "./quickFixes";
import { reportTable } from "./report";
import { standardLists } from "./standardLists";
import { readPlan, type PlanRead } from "../domain/templates";
import type { LiveResult, LiveSession, SheetEdit } from "./liveCheck";

/** Where settings and a department's own profiles are kept (Excel: the add-in's shared storage). */
export interface SettingsStorage {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

export interface PaneServiceOptions {
  storage: SettingsStorage;
  /** Locale when none is saved (Excel: from the Office display language). */
  defaultLocale?: "vi" | "en";
  /**
   * What "Tự kiểm tra" runs on (src/excel/selfTest.ts, src/playground/selfTest.ts), or how to load it
   * when first run (kept off the pane's start-up path); none: no self-test.
   */
  selfTest?: SelfTestTarget | (() => Promise<SelfTestTarget>);
  now?: () => Date;
  /** Settings kept in the workbook itself (Excel: the document settings); `storage` when absent. */
  documentSettings?: SettingsStorage;
}

/** Findings found by another use case (the merge's cross-unit rules on the master), for the "Kiểm tra" tab. */
export interface PublishedCheck {
  sheets: SheetSummary[];
  findings: Finding[];
  /** The delegations the findings are about (quick fixes are computed from them). */
  delegations: Delegation[];
  origin: NonNullable<CheckResult["origin"]>;
}

export interface AppServices extends PaneServices {
  /** The ribbon's "Kiểm tra": checks with the saved settings. */
  checkWithSavedSettings(): Promise<CheckResult>;
  /** The rule engine's context for the current settings (a department's own profiles included), the pane's language and the agency block. */
  activeCheckContext(): Promise<{ context: CheckContext; locale: Locale; agency?: CheckSettings["agency"] }>;
  /** Makes these findings the latest result: subscribers (the "Kiểm tra" tab) list them. */
  publishCheck(check: PublishedCheck): CheckResult;
  liveEnabled(): Promise<boolean>;
  setLiveEnabled(on: boolean): Promise<void>;
  /** The live check continuing the last check, while live checking is on. */
  liveSession(): LiveSession | undefined;
  /** Called with the new session after each check (undefined when live checking stops). */
  onLiveSession(listener: (session: LiveSession | undefined) => void): () => void;
  /**
   * Edits the host saw: re-checks what they touch and publishes the new findings. Returns the mark changes
   * for the host to write; undefined when live checking is off or nothing was checked yet.
   */
  liveApply(edits: SheetEdit[]): LiveResult | undefined;
  /**
   * A live update failed (the host's write, or the check): live checking stops, since the session may no
   * longer match the marks, and the pane's status line says so until the next check.
   */
  liveFailed(error: unknown): void;
}

const SETTINGS_KEY = "settings";
/** Document setting: live checking turned off by the user (absent or true: on). */
export const LIVE_CHECK_KEY = "liveCheck";
const PROFILES_KEY = "customProfiles";

export function createPaneServices(host: WorkbookHost, options: PaneServiceOptions): AppServices {
  const now = options.now ?? (() => new Date());
  const listeners = new Set<(result: CheckResult) => void>();
  let customProfiles: Profile[] = [];
  let lastCheck: WorkbookCheck | undefined;
  let lastResult: CheckResult | undefined;
  let settings: CheckSettings | undefined;
  let profilesLoaded: Promise<void> | undefined;
  const documentSettings = options.documentSettings ?? options.storage;
  let live: LiveSession | undefined;
  const liveListeners = new Set<(session: LiveSession | undefined) => void>();
  const setLive = (session: LiveSession | undefined) => {
    live = session;
    for (const listener of liveListeners) listener(session);
  };
  const liveEnabled = async () => (await documentSettings.get<boolean>(LIVE_CHECK_KEY)) !== false;

  const loadCustomProfiles = () =>
    (profilesLoaded ??= options.storage.get<unknown[]>(PROFILES_KEY).then((saved) => {
      for (const json of saved ?? []) {
        const parsed = parseProfileJson(JSON.stringify(json));
        if (parsed.profile) customProfiles = [...customProfiles.filter((p) => p.id !== parsed.profile!.id), parsed.profile];
      }
    }));

  async function currentSettings(): Promise<CheckSettings> {
    return settings ?? services.loadSettings();
  }

  async function check(nextSettings: CheckSettings): Promise<CheckResult> {
    await loadCustomProfiles();
    settings = nextSettings;
    const context = checkContext(nextSettings, customProfiles);
    lastCheck = await checkWorkbook(host, context, nextSettings.locale, now);
    lastResult = {
      sheets: sheetSummaries(lastCheck.plan),
      findings: lastCheck.findings,
      checkedAt: lastCheck.checkedAt,
      ...(lastCheck.protectedSheets.length > 0 ? { protectedSheets: lastCheck.protectedSheets } : {}),
    };
    const check = lastCheck;
    if (check.grids && (await liveEnabled())) {
      // The live check's code loads with the first check (it is not needed before).
      const { LiveSession } = await import(/* webpackChunkName: "live-check" */ "./liveCheck");
      const session = LiveSession.fromCheck(check.grids, check.plan, check.findings, context, nextSettings.locale);
      setLive(session);
      // The first edit would build every cluster of merge-candidate (about 0.5 s at 10,000 rows): do it now, after
      // the check's result has been shown, so typing stays quick.
      setTimeout(() => {
        if (live === session) session.prepare();
      }, 0);
    } else setLive(undefined);
    for (const listener of listeners) listener(lastResult);
    return lastResult;
  }

  function liveApply(edits: SheetEdit[]): LiveResult | undefined {
    if (!live || !lastCheck || !lastResult) return undefined;
    const result = live.apply(edits);
    const plan = live.plan();
    lastCheck = { ...lastCheck, plan, findings: live.findings() };
    lastResult = { sheets: sheetSummaries(plan), findings: lastCheck.findings, checkedAt: lastResult.checkedAt, live: { rows: result.rows, at: now().toISOString(), ...(result.rows === 0 && result.sheets.length > 0 ? { sheets: result.sheets } : {}) } };
    for (const listener of listeners) listener(lastResult);
    return result;
  }

  function liveFailed(error: unknown): void {
    if (!live) return;
    setLive(undefined);
    if (!lastResult) return;
    const detail = error instanceof Error ? error.message : String(error);
    lastResult = { ...lastResult, live: { rows: 0, at: now().toISOString(), error: detail } };
    for (const listener of listeners) listener(lastResult);
  }

  function publishCheck(published: PublishedCheck): CheckResult {
    const checkedAt = now().toISOString();
    lastCheck = { plan: { sheets: [], delegations: published.delegations }, findings: published.findings, checkedAt, protectedSheets: [] };
    const result: CheckResult = { sheets: published.sheets, findings: published.findings, checkedAt, origin: published.origin };
    lastResult = result;
    setLive(undefined);
    for (const listener of listeners) listener(result);
    return result;
  }

  const selfTest = options.selfTest;
  const services: AppServices = {
    ...(selfTest ? { runSelfTest: async () => runSelfTest(typeof selfTest === "function" ? await selfTest() : selfTest) } : {}),
    check,
    async checkWithSavedSettings() {
      return check(await currentSettings());
    },
    async activeCheckContext() {
      const active = await currentSettings();
      await loadCustomProfiles();
      return { context: checkContext(active, customProfiles), locale: active.locale, ...(active.agency ? { agency: active.agency } : {}) };
    },
    publishCheck,
    liveEnabled,
    async setLiveEnabled(on) {
      await documentSettings.set(LIVE_CHECK_KEY, on);
      // Turned on again, it continues from the next check (edits made meanwhile were not followed).
      if (!on) setLive(undefined);
    },
    liveSession: () => live,
    onLiveSession(listener) {
      liveListeners.add(listener);
      return () => liveListeners.delete(listener);
    },
    liveApply,
    liveFailed,
    async clearMarks() {
      // Marks cleared stay cleared: live checking resumes with the next check.
      setLive(undefined);
      await host.clearMarks();
      // The findings went with their marks: a pane opened later must not list them again.
      lastResult = undefined;
      lastCheck = undefined;
    },
    goToCell: (target) => host.selectCell(target.sheet, target.row, target.column),
    previewFixes: (findings: Finding[]) => previewFixes(findings, lastCheck?.plan.delegations ?? []),
    async applyFixes(fixes) {
      const applied = await host.editCells(fixesToEdits(fixes));
      return { applied, skipped: fixes.length - applied };
    },
    async exportReport(findings) {
      const table = reportTable(findings, (await currentSettings()).locale);
      await host.writeTable(table);
      return table.sheet;
    },
    async attachDropdowns() {
      const active = await currentSettings();
      const plan = readPlan(await host.readSheets());
      const targets = dropdownTargets(plan.sheets);
      if (targets.length > 0) await host.setDropdowns(standardLists(checkContext(active, customProfiles).profile), targets);
      return { columns: targets.length, sheets: [...new Set(targets.map((target) => target.sheet))] };
    },
    async insertTemplate(kind: PlanKind) {
      const active = await currentSettings();
      const existing = (await host.readSheets()).map((grid) => grid.name);
      const { table } = blankTemplate(kind, active.year, existing, active.agency ? { agency: active.agency } : {});
      await host.writeTable(table);
      const recognition = readPlan([{ name: table.sheet, originRow: 1, originCol: 1, values: table.rows, merges: table.merges ?? [] }]).sheets;
      await host.setDropdowns(standardLists(checkContext(active, customProfiles).profile), dropdownTargets(recognition));
      return table.sheet;
    },
    listProfiles: () => [...PROFILES.filter((p) => !customProfiles.some((c) => c.id === p.id)), ...customProfiles].map((profile) => ({ id: profile.id, name: profile.name, summary: profileSummary(profile) })),
    loadProfileJson(text: string): ProfileLoadResult {
      const parsed = parseProfileJson(text);
      if (!parsed.profile) return { ok: false, errors: parsed.errors ?? ["Tệp cấu hình không hợp lệ."] };
      const profile = parsed.profile;
      customProfiles = [...customProfiles.filter((p) => p.id !== profile.id), profile];
      void options.storage.set(PROFILES_KEY, customProfiles);
      return { ok: true, id: profile.id };
    },
    async loadSettings() {
      await loadCustomProfiles();
      const saved = await options.storage.get<Partial<CheckSettings>>(SETTINGS_KEY);
      settings = {
        profileId: DEFAULT_PROFILE_ID,
        year: defaultPlanYear(now()),
        locale: options.defaultLocale ?? "vi",
        ...saved,
      };
      return settings;
    },
    async saveSettings(next) {
      settings = next;
      await options.storage.set(SETTINGS_KEY, next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    latestResult: () => lastResult,
  };
  return services;
}

function sheetSummaries(plan: PlanRead): SheetSummary[] {
  return plan.sheets.map((sheet) => {
    const summary: SheetSummary = sheet.template
      ? { sheet: sheet.sheet, kind: sheet.kind, delegations: plan.delegations.filter((d) => d.sheet === sheet.sheet).length }
      : { sheet: sheet.sheet, delegations: 0, reason: sheet.reason };
    if (sheet.farCellsNote) summary.farCellsNote = sheet.farCellsNote;
    return summary;
  });
}
