/**
 * The "Tổng hợp" use case over any WorkbookHost (src/taskpane/consolidationServices.ts), loaded on first
 * use by consolidation.ts: units brought in as files or as plans sent from other workbooks, previewed,
 * then merged into the open workbook with the same domain calls as `dplan merge` (makeUnitPlan,
 * readMaster, consolidate).
 *
 * - Files are only read (their bytes), never written; an unreadable one is listed with the reader's
 *   Vietnamese reason and the others go on.
 * - The merge reads the workbook's earlier master sheets back (readMaster), so a re-imported unit's rows
 *   are replaced and rows added by hand are kept; it writes each master sheet and "Thống kê" with
 *   host.writeTable, marks the cross-unit findings and publishes them to the "Kiểm tra" tab.
 * - A sheet that has a master sheet's name but is not one (or a "Thống kê" sheet the add-in did not
 *   write) is never replaced: the merge stops and says which sheet to rename.
 */
import {
  consolidate,
  describeUnitConflict,
  fileStem,
  findForeignSheet,
  findUnitConflicts,
  latestFilePerUnit,
  findUnitsSheet,
  formOptionsFromMaster,
  unitListFromGrid,
  UNITS_SHEET_NAME,
  makeUnitPlan,
  masterSheetCounts,
  planYearInfo,
  previewUnit,
  readMaster,
  carryPlans,
  STATISTICS_SHEET_NAME,
  unitKey,
  type ExcludedDelegation,
  type MasterSheetRows,
  type UnitPlan,
  type UnitSummary,
} from "../domain/merge";
import type { CheckContext } from "../domain/rules";
import { tidy } from "../domain/text";
import { UnitConflictError } from "../taskpane/consolidationServices";
import type {
  ConsolidationServices,
  LeftOutDelegation,
  MergeSummary,
  SentPlanEntry,
  UnitFileInput,
  UnitPreview,
  UnitSource,
} from "../taskpane/consolidationServices";
import type { SheetGrid, WorkbookHost } from "../workbook/types";
import type { ConsolidationOptions } from "./consolidation";
import { MESSAGES } from "./consolidationMessages";
import { findingsToMarks } from "./marks";
import {
  SENT_PLAN_MAX_BYTES,
  decodeGrids,
  encodeGrids,
  isQuotaError,
  isSentPlanKey,
  kindsOf,
  parseSentPlan,
  sentPlanIdentity,
  sentPlanKey,
  storedBytes,
  type SentPlanRecord,
} from "./sentPlans";
import { isWorkbookReadError, readUnitFile } from "./unitFiles";

interface Entry {
  id: string;
  origin: UnitSource["origin"];
  fileName: string;
  sentKey?: string;
  sentAt?: string;
  unit?: UnitPlan;
  summary?: UnitSummary;
  /** The name the user typed, when they corrected it. */
  userName?: string;
  problem?: string;
  /** The reader's reason code when it refused the file (the pane says `problem` in its own language by it). */
  readReason?: string;
}

export function createConsolidationEngine(host: WorkbookHost, options: ConsolidationOptions): ConsolidationServices {
  const now = options.now ?? (() => new Date());
  const yieldToUi = options.yieldToUi ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const storage = options.storage;
  let entries: Entry[] = [];
  let nextId = 1;

  const views = () => entries.map(view);
  const readyEntries = () => entries.filter((entry) => entry.unit && entry.problem === undefined);

  /** Puts an entry in the list, in place of one of the same file (or the same sent plan). */
  function upsert(entry: Entry, sameAs: (other: Entry) => boolean): void {
    const index = entries.findIndex(sameAs);
    if (index < 0) {
      entries = [...entries, entry];
      return;
    }
    // A newer copy of a file keeps the name the user gave the unit.
    if (entries[index].userName !== undefined) applyName(entry, entries[index].userName);
    entries = entries.map((other, i) => (i === index ? entry : other));
  }

  function prepared(entry: Entry, unit: UnitPlan, context: CheckContext): Entry {
    entry.unit = unit;
    entry.summary = previewUnit(unit, context);
    if (entry.summary.sheets.length === 0) entry.problem = entry.summary.notes[0] ?? MESSAGES.noPlanInFile;
    return entry;
  }

  async function readEntry(file: UnitFileInput, context: CheckContext): Promise<Entry> {
    const entry: Entry = { id: `file-${nextId++}`, origin: "file", fileName: file.name };
    let bytes: ArrayBuffer | Uint8Array;
    try {
      bytes = await bytesOf(file.data);
    } catch (error) {
      entry.problem = MESSAGES.unreadableBlob(detail(error));
      return entry;
    }
    try {
      return prepared(entry, await readUnitFile(bytes, file.name, { year: context.year }), context);
    } catch (error) {
      entry.problem = isWorkbookReadError(error) ? error.message : MESSAGES.unexpectedRead(detail(error));
      if (isWorkbookReadError(error)) entry.readReason = error.reason;
      return entry;
    }
  }

  async function readSentRecords(): Promise<{ key: string; record?: SentPlanRecord }[]> {
    let keys: string[];
    try {
      keys = (await storage.keys()).filter(isSentPlanKey);
    } catch (error) {
      throw new Error(MESSAGES.storageRead(detail(error)));
    }
    const out: { key: string; record?: SentPlanRecord }[] = [];
    for (const key of keys) {
      try {
        out.push({ key, record: parseSentPlan(await storage.get(key)) });
      } catch {
        out.push({ key });
      }
    }
    return out;
  }

  function entryOf(key: string, record?: SentPlanRecord): SentPlanEntry {
    const included = entries.some((entry) => entry.sentKey === key);
    if (!record) {
      const [unit = "", workbook = ""] = (sentPlanIdentity(key) ?? "").split("/").map(safeDecode);
      return { key, unitName: unit, workbookName: workbook, sentAt: key.split("/").pop() ?? "", delegations: 0, kinds: [], included, problem: MESSAGES.sentPlanUnreadable };
    }
    return { key, unitName: record.unitName, workbookName: record.workbookName, sentAt: record.sentAt, delegations: record.delegations, kinds: kindsOf(record.kinds), included };
  }

  async function listSentPlans(): Promise<SentPlanEntry[]> {
    const records = await readSentRecords();
    return records.map(({ key, record }) => entryOf(key, record)).sort((a, b) => b.sentAt.localeCompare(a.sentAt) || a.key.localeCompare(b.key));
  }

  /** Stops the merge rather than replace a sheet the add-in did not write. */
  function refuseForeignSheets(grids: SheetGrid[], existing: MasterSheetRows | undefined): void {
    const foreign = findForeignSheet(grids, existing);
    if (foreign) throw new Error(foreign.kind === "master" ? MESSAGES.foreignMasterSheet(foreign.sheet) : MESSAGES.foreignStatisticsSheet(foreign.sheet));
  }

  const services: ConsolidationServices = {
    sources: views,

    async addFiles(files, onProgress) {
      const { context } = await options.pane.activeCheckContext();
      for (let index = 0; index < files.length; index++) {
        const file = files[index];
        onProgress?.({ done: index, total: files.length, fileName: file.name });
        await yieldToUi();
        const entry = await readEntry(file, context);
        upsert(entry, (other) => other.origin === "file" && other.fileName === file.name);
      }
      if (files.length > 0) onProgress?.({ done: files.length, total: files.length, fileName: files[files.length - 1].name });
      return views();
    },

    renameUnit(id, name) {
      const entry = entries.find((candidate) => candidate.id === id);
      if (entry) applyName(entry, name);
      return views();
    },

    removeSource(id) {
      entries = entries.filter((entry) => entry.id !== id);
      return views();
    },

    listSentPlans,

    async includeSentPlan(key) {
      let stored: unknown;
      try {
        stored = await storage.get(key);
      } catch (error) {
        throw new Error(MESSAGES.storageRead(detail(error)));
      }
      if (stored === undefined) throw new Error(MESSAGES.sentPlanGone);
      const record = parseSentPlan(stored);
      if (!record) throw new Error(MESSAGES.sentPlanUnreadable);
      const { context } = await options.pane.activeCheckContext();
      const entry: Entry = { id: `sent-${nextId++}`, origin: "sent", fileName: record.workbookName, sentKey: key, sentAt: record.sentAt };
      prepared(entry, makeUnitPlan(record.workbookName, decodeGrids(record.grids), { year: context.year }), context);
      upsert(entry, (other) => other.sentKey === key);
      return views();
    },

    async deleteSentPlan(key) {
      try {
        await storage.remove(key);
      } catch (error) {
        throw new Error(MESSAGES.storageWrite(detail(error)));
      }
      entries = entries.filter((entry) => entry.sentKey !== key);
      return listSentPlans();
    },

    async sendToMaster() {
      const { context } = await options.pane.activeCheckContext();
      const grids = await host.readSheets();
      const workbookName = await host.workbookName();
      const unit = makeUnitPlan(workbookName, grids, { year: context.year });
      const summary = previewUnit(unit, context);
      if (summary.sheets.length === 0) throw new Error(MESSAGES.noPlanToSend);
      const taken = new Set(summary.sheets.map((sheet) => sheet.sheet));
      const sentAt = now().toISOString();
      const record: SentPlanRecord = {
        version: 1,
        unitName: unit.unitName,
        workbookName,
        sentAt,
        delegations: summary.delegations,
        kinds: kindsOf(summary.sheets.map((sheet) => sheet.kind)),
        grids: encodeGrids(grids.filter((grid) => taken.has(grid.name))),
      };
      if (unit.unitFromTitle !== undefined) record.unitFromTitle = unit.unitFromTitle;
      const key = sentPlanKey(unit.unitName, workbookName, sentAt);
      const bytes = storedBytes(key, record);
      if (bytes > SENT_PLAN_MAX_BYTES) throw new Error(MESSAGES.planTooLargeToSend((bytes / 1024 / 1024).toFixed(1).replace(".", ",")));
      const identity = sentPlanIdentity(key);
      let earlier: string[] = [];
      try {
        earlier = (await storage.keys()).filter((other) => other !== key && sentPlanIdentity(other) === identity);
        try {
          await storage.set(key, record);
        } catch (error) {
          // Full: the earlier sends of this same plan make room (they would be replaced anyway).
          if (!isQuotaError(error) || earlier.length === 0) throw error;
          for (const other of earlier) await storage.remove(other);
          await storage.set(key, record);
          return { entry: entryOf(key, record), replaced: earlier.length };
        }
        for (const other of earlier) await storage.remove(other);
      } catch (error) {
        throw new Error(isQuotaError(error) ? MESSAGES.storageFull : MESSAGES.storageWrite(detail(error)));
      }
      return { entry: entryOf(key, record), replaced: earlier.length };
    },

    async planYear() {
      const { context } = await options.pane.activeCheckContext();
      return planYearInfo(readyEntries().map((entry) => entry.unit!), context.year);
    },

    async merge(onProgress, choice) {
      const ready = readyEntries();
      if (ready.length === 0) throw new Error(MESSAGES.nothingToMerge);
      const { context: settingsContext, locale, agency } = await options.pane.activeCheckContext();
      // The plan year as `dplan merge` takes it: the units' titles, unless the person merging chose one.
      const yearInfo = planYearInfo(ready.map((entry) => entry.unit!), settingsContext.year);
      const year = choice?.year ?? yearInfo.proposed;
      const context = { ...settingsContext, year };
      const units = ready.map((entry) => {
        const unit = entry.unit!;
        // Times written without a year ("Tháng 5") in sheets whose title names none take the plan year.
        if (year === settingsContext.year || !unit.grids || !unit.plan.sheets.some((sheet) => sheet.template && sheet.titleYear === undefined)) return unit;
        return makeUnitPlan(unit.fileName, unit.grids, { unitName: unit.unitName, year });
      });

      onProgress?.({ step: "reading", done: 0, total: 1 });
      const grids = await host.readSheets();
      const existing = readMaster(grids);
      refuseForeignSheets(grids, existing);
      const conflicts = findUnitConflicts(units, existing);
      if (conflicts.length > 0 && !choice?.confirmUnits) throw new UnitConflictError(conflicts.map(describeUnitConflict));
      // Confirmed: of several files of one unit, the later in the list is merged (the conflict said so).
      const { kept: merged, superseded } = latestFilePerUnit(units);
      // The department's units: the master's own "Danh sách đơn vị" sheet, else its profile's list.
      const unitsSheet = findUnitsSheet(grids);
      const expectedUnits = unitsSheet ? unitListFromGrid(unitsSheet) : context.profile.units;
      // Cài đặt's agency, else what the master already shows (never blanked by a re-import).
      const shown = formOptionsFromMaster(grids);
      const plan = consolidate(merged, existing, context, {
        ...shown,
        ...(agency ? { agency } : {}),
        ...(expectedUnits && expectedUnits.length > 0 ? { expectedUnits } : {}),
      });

      // Where the earlier master's rows and columns went: a host that can carries the officer's own cells.
      const carries = carryPlans(existing, plan);
      const hostWarnings: string[] = superseded.map(({ unit, by }) => MESSAGES.supersededFile(unit.fileName, unit.unitName, by.fileName));
      for (let index = 0; index < plan.sheets.length; index++) {
        const table = plan.sheets[index];
        onProgress?.({ step: "writing", done: index, total: plan.sheets.length, sheet: table.sheet });
        const carry = carries.get(table.sheet);
        const notices = await host.writeTable(carry ? { ...table, carry } : table);
        if (notices) hostWarnings.push(...notices);
        // A host that cannot write notes cannot move them either: say so rather than leave them on wrong rows unsaid.
        if (carry && !host.capabilities.notes) hostWarnings.push(MESSAGES.notesNotCarried(table.sheet));
      }
      onProgress?.({ step: "marking", done: plan.sheets.length, total: plan.sheets.length });
      await host.applyMarks(findingsToMarks(plan.findings, locale));
      options.pane.publishCheck({
        sheets: plan.masterSheets.map((sheet) => ({ sheet: sheet.sheet, kind: sheet.kind, delegations: sheet.rows.length })),
        findings: plan.findings,
        delegations: plan.delegations,
        origin: "consolidation",
      });
      // consolidate keeps the order of its units: the previews now show what the merge did.
      const summaryOf = new Map(merged.map((unit, index) => [unit, plan.units[index]] as const));
      ready.forEach((entry, index) => {
        const summary = summaryOf.get(units[index]);
        if (summary) entry.summary = summary;
      });

      const statistics = plan.sheets.find((sheet) => sheet.sheet === STATISTICS_SHEET_NAME);
      const count = (severity: string) => plan.findings.filter((finding) => finding.severity === severity).length;
      return {
        sheets: masterSheetCounts(plan.masterSheets),
        statisticsSheet: STATISTICS_SHEET_NAME,
        charts: host.capabilities.charts ? (statistics?.charts?.length ?? 0) : 0,
        units: unitTotals(plan.units),
        excluded: plan.excluded.map(leftOut),
        findings: { total: plan.findings.length, errors: count("error"), warnings: count("warning"), infos: count("info") },
        warnings: [...plan.warnings, ...hostWarnings],
        skipped: entries
          .filter((entry) => entry.problem !== undefined)
          .map((entry) => ({ fileName: entry.fileName, problem: entry.problem!, ...(entry.readReason !== undefined ? { readReason: entry.readReason } : {}) })),
        mergedAt: now().toISOString(),
        unitsSheet: UNITS_SHEET_NAME,
        ...(plan.missingUnits && expectedUnits ? { missingUnits: { expected: expectedUnits.length, missing: plan.missingUnits } } : {}),
        planYear: { year, source: choice?.year !== undefined ? "chosen" : yearInfo.source },
      };
    },

    showSheet: (sheet) => host.selectCell(sheet, 1, 1),
  };
  return services;
}

/** The user's name for the unit; an empty one goes back to the title's, else the file's. */
function applyName(entry: Entry, typed: string | undefined): void {
  if (!entry.unit || !entry.summary) return;
  const name = tidy(typed ?? "");
  entry.userName = name === "" ? undefined : name;
  const unitName = entry.userName ?? entry.unit.unitFromTitle ?? fileStem(entry.unit.fileName);
  entry.unit = { ...entry.unit, unitName };
  entry.summary = { ...entry.summary, unit: unitName, excluded: entry.summary.excluded.map((excluded) => ({ ...excluded, unit: unitName })) };
}

function view(entry: Entry): UnitSource {
  const source: UnitSource = { id: entry.id, origin: entry.origin, fileName: entry.fileName };
  if (entry.sentKey !== undefined) source.sentKey = entry.sentKey;
  if (entry.sentAt !== undefined) source.sentAt = entry.sentAt;
  if (entry.unit && entry.summary) source.preview = preview(entry, entry.unit, entry.summary);
  if (entry.problem !== undefined) source.problem = entry.problem;
  if (entry.readReason !== undefined) source.readReason = entry.readReason;
  return source;
}

function preview(entry: Entry, unit: UnitPlan, summary: UnitSummary): UnitPreview {
  const result: UnitPreview = {
    unitName: unit.unitName,
    nameSource: entry.userName !== undefined ? "user" : unit.unitFromTitle !== undefined ? "title" : "file",
    sheets: summary.sheets.map((sheet) => ({ ...sheet })),
    delegations: summary.delegations,
    kept: summary.kept,
    excluded: summary.excluded.map(leftOut),
    errors: summary.errors,
    warnings: summary.warnings,
    infos: summary.infos,
    notes: [...summary.notes],
  };
  if (unit.unitFromTitle !== undefined) result.unitFromTitle = unit.unitFromTitle;
  return result;
}

function leftOut(excluded: ExcludedDelegation): LeftOutDelegation {
  const { unit, file, sheet, row, kind, label, reason } = excluded;
  return { unit, file, sheet, row, kind, label, reason };
}

/** Units as the master names them (files of one unit together). */
function unitTotals(units: readonly UnitSummary[]): MergeSummary["units"] {
  const byUnit = new Map<string, MergeSummary["units"][number]>();
  for (const summary of units) {
    if (summary.sheets.length === 0) continue;
    const key = unitKey(summary.unit);
    const total = byUnit.get(key) ?? { unit: summary.unit, files: [], kept: 0, excluded: 0 };
    if (!total.files.includes(summary.file)) total.files.push(summary.file);
    total.kept += summary.kept;
    total.excluded += summary.excluded.length;
    byUnit.set(key, total);
  }
  return [...byUnit.values()];
}

/** A browser File (a Blob) or bytes, as bytes. jsdom's Blob has no arrayBuffer(): FileReader then. */
async function bytesOf(data: UnitFileInput["data"]): Promise<ArrayBuffer | Uint8Array> {
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (Object.prototype.toString.call(data) === "[object ArrayBuffer]") return data as ArrayBuffer;
  const blob = data as Blob;
  if (typeof blob.arrayBuffer === "function") return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("FileReader"));
    reader.readAsArrayBuffer(blob);
  });
}

function detail(error: unknown): string {
  return error instanceof Error && error.message.trim() !== "" ? error.message : String(error);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
