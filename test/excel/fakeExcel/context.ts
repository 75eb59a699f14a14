/**
 * The fake's request context: queues commands like Office.js, runs them in order at `sync()`, and only
 * then hands loaded values to the proxies. Counts syncs, measures request/response bytes against a
 * simulated payload limit, and counts undo steps.
 */
import type { FakeWorkbook } from "./model";
import { checkFocus, checkUndoGroup, type OversizeRead, type Platform } from "./behaviours";

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface FakeEnvironment {
  /** Highest ExcelApi requirement set supported, e.g. "1.20". */
  apiVersion: string;
  sharedRuntime: boolean;
  /** Excel on the web caps each request and each response at 5 MB. */
  payloadLimitBytes: number;
  /** Any platform caps a read at 5,000,000 cells per range. */
  maxCellsPerRead: number;
  partitionKey?: string;
  /** Which Excel: some limits differ (behaviours.ts). Windows by default (the harsher). */
  platform: Platform;
  /** The user is in another open workbook (behaviours.ts); tests switch it on and off. */
  otherWorkbookFocused: boolean;
  /** What Range.values gives above maxCellsPerRead: null (the default, the harsher) or an error. */
  oversizeRead: OversizeRead;
}

export interface RunRecord {
  options: Record<string, unknown>;
  /** A conditional-format delete was refused in this run (behaviours.ts, office-js#5222). */
  formatDeleteRefused?: boolean;
  syncs: number;
  wrote: boolean;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** Most cells read from one range in this sync. */
  largestRead: number;
  refused: boolean;
}

export interface FakeStats {
  syncs: number;
  runs: RunRecord[];
  undoSteps: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Most cells read (values or formats loaded) from one range. */
  largestRead: number;
  /** Syncs refused by the simulated payload limit. */
  refusedSyncs: number;
  log: SyncRecord[];
  /** Every write that ran, as "Class.member" ("Range.values", "Note.delete"…), in order. */
  writes: string[];
  /** Write commands queued (Excel API write calls issued), whether or not their sync then ran them. */
  queuedWrites: number;
}

export function newStats(): FakeStats {
  return { syncs: 0, runs: [], undoSteps: 0, maxRequestBytes: 0, maxResponseBytes: 0, largestRead: 0, refusedSyncs: 0, log: [], writes: [], queuedWrites: 0 };
}

/** Values loaded during a sync, committed to the proxies only if the whole sync succeeds. */
export class Staged {
  bytes = 0;
  largestRead = 0;
  private readonly commits: (() => void)[] = [];
  add(value: unknown, commit: () => void): void {
    this.bytes += byteSize(value);
    this.commits.push(commit);
  }
  commitAll(): void {
    for (const commit of this.commits) commit();
  }
}

export interface Action {
  /** Estimated bytes this command adds to the request. */
  bytes: number;
  writes: boolean;
  /** "Class.member" of a write, for the write log. */
  label?: string;
  run(staged: Staged): void;
}

export function byteSize(value: unknown): number {
  const json = JSON.stringify(value ?? null) ?? "null";
  return Buffer.byteLength(json, "utf8");
}

/** Fixed cost of one command in a request (object path, method name, ids). */
export const ACTION_OVERHEAD_BYTES = 80;

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class FakeContextCore {
  private queue: Action[] = [];
  /** True while a sync runs its commands: proxies created then (loaded items) queue nothing. */
  executing = false;
  constructor(
    readonly book: FakeWorkbook,
    readonly env: FakeEnvironment,
    readonly stats: FakeStats,
    readonly run: RunRecord,
  ) {}

  enqueue(action: Action): void {
    if (action.writes) this.stats.queuedWrites++;
    this.queue.push(action);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Throws ApiNotFound when the configured Excel lacks the requirement set (so tests catch unguarded use). */
  requireApi(version: string, what: string): void {
    if (compareVersions(this.env.apiVersion, version) < 0) {
      throw new FakeOfficeError("ApiNotFound", `${what} needs ExcelApi ${version}; this fake Excel supports ${this.env.apiVersion}.`);
    }
  }

  async sync(): Promise<void> {
    this.stats.syncs++;
    this.run.syncs++;
    const actions = this.queue;
    this.queue = [];
    const requestBytes = actions.reduce((sum, action) => sum + action.bytes, 0);
    this.stats.maxRequestBytes = Math.max(this.stats.maxRequestBytes, requestBytes);
    const record: SyncRecord = { requestBytes, responseBytes: 0, largestRead: 0, refused: false };
    this.stats.log.push(record);
    await Promise.resolve();
    if (requestBytes > this.env.payloadLimitBytes) {
      record.refused = true;
      this.stats.refusedSyncs++;
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size (${requestBytes} bytes) has exceeded the limit.`);
    }
    const staged = new Staged();
    let wrote = false;
    this.executing = true;
    try {
      for (const action of actions) {
        if (action.label) {
          checkUndoGroup(action.label, this.env.platform, Boolean(this.run.options.mergeUndoGroup));
          checkFocus(action.label, this.env.platform, this.env.otherWorkbookFocused);
        }
        action.run(staged);
        wrote = wrote || action.writes;
        if (action.writes && action.label) this.stats.writes.push(action.label);
      }
    } finally {
      this.executing = false;
      if (wrote) {
        this.run.wrote = true;
        if (!this.run.options.mergeUndoGroup) this.stats.undoSteps++;
      }
    }
    this.stats.maxResponseBytes = Math.max(this.stats.maxResponseBytes, staged.bytes);
    record.responseBytes = staged.bytes;
    record.largestRead = staged.largestRead;
    this.stats.largestRead = Math.max(this.stats.largestRead, staged.largestRead);
    if (staged.bytes > this.env.payloadLimitBytes) {
      record.refused = true;
      this.stats.refusedSyncs++;
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size (${staged.bytes} bytes) has exceeded the limit.`);
    }
    staged.commitAll();
  }
}
