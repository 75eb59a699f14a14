/**
 * The benchmarks of `npm run bench` (DESIGN.md › Performance), as functions so a jest test can run them
 * at smoke size. Workloads are generated; times are medians of several runs, each timed check in a fresh
 * process (see freshRun.ts). Nothing here asserts a time.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkWorkbook } from "../../src/app/checkWorkbook";
import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import { createWorkbook, installFakeExcel } from "../excel/fakeExcel";
import { fakeSpecOf } from "../support/fakeFromSpec";
import { buildAndMeasure, type BundleSizes } from "./bundle";
import { benchContext, runFresh, type CheckRun, type ReadCheckRun } from "./freshRun";
import { machine, median, round, type Machine } from "./measure";
import { measureLiveSyncs, measureLiveUpdate } from "./live";
import { measureMerge } from "./merge100";
import { planSpec, planXlsx } from "./planWorkbook";
import { writeLargeXlsx } from "../robustness/largeWorkbook";
import { measureHostile, type HostileFigures } from "./hostileFiles";

export interface BenchOptions {
  /** Tiny sizes, one run each, no webpack build: the CI's check that every benchmark still runs. */
  smoke: boolean;
  /** Runs per timed figure (the median is reported); default 5 (3 for the long ones), 1 when smoke. */
  runs?: number;
  /** Progress lines (stderr in run.ts, so --json output stays one document). */
  log?: (line: string) => void;
}

export interface ScalingPoint {
  rows: number;
  ms: number;
  cpu_ms: number;
  findings: number;
}

export interface BenchResult {
  machine: Machine;
  smoke: boolean;
  /** Delegations in the "10k" workbook (10,000; fewer when smoke). */
  check10k_rows: number;
  /** Median wall ms of checkPlan on the workbook's parsed delegations. */
  check10k_ms: number;
  /** Median wall ms of readXlsx on the same workbook (values only). */
  read10k_ms: number;
  /**
   * Check time over read time (target ≤ 1.5): the median of each run's own ratio, its read and check timed
   * back to back in one process so both see the same load on a shared machine.
   */
  check_ratio: number;
  check10k_cpu_ms: number;
  read10k_cpu_ms: number;
  /** The same ratio of CPU times: steadier still when other work shares the machine. */
  check_ratio_cpu: number;
  /** Median wall ms of recognising and parsing the grids (readPlan), for the record. */
  parse10k_ms: number;
  check10k_findings: number;
  check10k_runs: number;
  /** context.sync() calls of one check (read → check → mark) through the app's checkWorkbook on the fake Excel. */
  syncs_100: number;
  syncs_10000: number;
  /** Excel API write calls that check issued. */
  write_calls_100: number;
  write_calls_10000: number;
  marked_findings_100: number;
  marked_findings_10000: number;
  /** Median wall ms to read, check, consolidate and write 100 unit workbooks of 50 delegations. */
  merge100_ms: number;
  merge100_cpu_ms: number;
  /** Its phases (medians): reading the unit files, consolidating and checking, writing the master .xlsx. */
  merge100_read_ms: number;
  merge100_consolidate_ms: number;
  merge100_write_ms: number;
  merge100_units: number;
  merge100_delegations: number;
  merge100_runs: number;
  /** Gzipped KB of every script taskpane.html loads (null when smoke: no build). Target < 250. */
  taskpane_js_gzip_kb: number | null;
  /** Gzipped KB of the lazily loaded exceljs chunk (null when smoke or when the build has none). */
  exceljs_chunk_gzip_kb: number | null;
  taskpane_js_files: string[];
  lazy_chunks_gzip_kb: Record<string, number>;
  /** checkPlan time on generated plans (cross-row rules included), each size in fresh processes. */
  scaling: ScalingPoint[];
  scaling_runs: number;
  /** The robustness corpus's 100,000-row workbook read, recognised and checked once in a fresh process (too slow for npm test). */
  rows100k: LargeRead;
  /** Issue 11: the far-cell file and a 1,000-unit merge, each in a fresh process (hostileFiles.ts). */
  hostile: HostileFigures;
  /** Delegations of the live check's plan (10,000; fewer when smoke). */
  live_rows: number;
  /** Median wall ms of the live check's domain update for one edited row (target < 20). */
  live_update_ms: number;
  live_update_cpu_ms: number;
  /** Building merge-candidate's clusters when idle after a check, and the first edit after it. */
  live_prepare_ms: number;
  live_first_update_ms: number;
  live_edits: number;
  /** Syncs of one officer's edit through the Excel live check at live_rows (target ≤ 2). */
  live_syncs: number;
}

export interface LargeRead {
  rows: number;
  file_mb: number;
  read_ms: number;
  parse_ms: number;
  check_ms: number;
  max_rss_mb: number;
  delegations: number;
  findings: number;
}

const FULL = { checkRows: 10_000, mergeUnits: 100, mergeDelegations: 50, scaling: [1_000, 10_000, 100_000], largeRows: 100_000, hostileUnits: 1_000, hostilePerUnit: 10, tinyCells: 1_999_990, liveRows: 10_000, liveEdits: 41 };
const SMOKE = { checkRows: 200, mergeUnits: 3, mergeDelegations: 10, scaling: [100, 300], largeRows: 500, hostileUnits: 5, hostilePerUnit: 3, tinyCells: 20_000, liveRows: 200, liveEdits: 5 };
/** The sync counts are the point of the benchmark (a constant whatever the size): real sizes even when smoke. */
const SYNC_ROWS = [100, 10_000] as const;

export interface SyncMeasurement {
  rows: number;
  syncs: number;
  writeCalls: number;
  findings: number;
}

/** One check (read → check → mark) of a generated plan of `rows` delegations through checkWorkbook and the fake Excel. */
export async function measureSyncs(rows: number): Promise<SyncMeasurement> {
  const fake = installFakeExcel(createWorkbook(fakeSpecOf(planSpec(rows))));
  try {
    const result = await checkWorkbook(new ExcelWorkbookHost(), benchContext(), "vi");
    if (result.plan.delegations.length !== rows) throw new Error(`syncs: ${result.plan.delegations.length} delegations read, ${rows} expected`);
    return { rows, syncs: fake.stats.syncs, writeCalls: fake.stats.queuedWrites, findings: result.findings.length };
  } finally {
    fake.uninstall();
  }
}

async function check10k(rows: number, runs: number, log: (line: string) => void) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-bench-"));
  try {
    const file = path.join(folder, `ke-hoach-${rows}.xlsx`);
    fs.writeFileSync(file, await planXlsx(rows));
    const results: ReadCheckRun[] = [];
    for (let run = 1; run <= runs; run++) {
      const result = await runFresh<ReadCheckRun>(["read-check", file]);
      log(`check10k ${run}/${runs}: read ${result.read_ms.toFixed(0)} ms, parse ${result.parse_ms.toFixed(0)} ms, check ${result.check_ms.toFixed(0)} ms`);
      if (result.delegations !== rows) throw new Error(`check10k: ${result.delegations} delegations read, ${rows} expected`);
      results.push(result);
    }
    return results;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Reads and checks a generated workbook of `rows` rows (written as streamed XML, see largeWorkbook.ts) once. */
export async function readLarge(rows: number, log: (line: string) => void): Promise<LargeRead> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-large-"));
  try {
    const file = path.join(folder, `ke-hoach-${rows}.xlsx`);
    const bytes = await writeLargeXlsx(planSpec(rows));
    fs.writeFileSync(file, bytes);
    const result = await runFresh<ReadCheckRun>(["read-check", file]);
    if (result.delegations !== rows) throw new Error(`rows100k: ${result.delegations} delegations read, ${rows} expected`);
    log(`rows100k: ${rows} rows read in ${result.read_ms.toFixed(0)} ms, checked in ${result.check_ms.toFixed(0)} ms, peak ${result.max_rss_mb} MB`);
    return {
      rows,
      file_mb: round(bytes.length / 1e6, 1),
      read_ms: round(result.read_ms),
      parse_ms: round(result.parse_ms),
      check_ms: round(result.check_ms),
      max_rss_mb: result.max_rss_mb,
      delegations: result.delegations,
      findings: result.findings,
    };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

async function scaling(sizes: number[], runs: number, log: (line: string) => void): Promise<ScalingPoint[]> {
  const points: ScalingPoint[] = [];
  for (const rows of sizes) {
    const results: CheckRun[] = [];
    for (let run = 1; run <= runs; run++) {
      const result = await runFresh<CheckRun>(["check", String(rows)]);
      log(`scaling ${rows} ${run}/${runs}: ${result.check_ms.toFixed(0)} ms`);
      results.push(result);
    }
    points.push({
      rows,
      ms: round(median(results.map((r) => r.check_ms))),
      cpu_ms: round(median(results.map((r) => r.check_cpu_ms))),
      findings: results[0].findings,
    });
  }
  return points;
}

export async function runBenchmarks(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => undefined);
  const sizes = options.smoke ? SMOKE : FULL;
  const runs = options.runs ?? (options.smoke ? 1 : 5);
  const longRuns = options.runs ?? (options.smoke ? 1 : 3);
  const startedOn = machine();

  const reads = await check10k(sizes.checkRows, runs, log);
  const of = (key: keyof ReadCheckRun) => median(reads.map((r) => r[key]));

  const syncs: SyncMeasurement[] = [];
  for (const rows of SYNC_ROWS) {
    syncs.push(await measureSyncs(rows));
    log(`syncs ${rows}: ${syncs[syncs.length - 1].syncs} syncs, ${syncs[syncs.length - 1].writeCalls} write calls`);
  }

  const merge = await measureMerge(sizes.mergeUnits, sizes.mergeDelegations, longRuns, (line) => log(`merge100: ${line}`));

  let bundle: BundleSizes | undefined;
  if (!options.smoke) {
    bundle = await buildAndMeasure(log);
    log(`bundle: ${bundle.initialGzipKb} KB gzipped initial JS`);
  }

  const scalingPoints = await scaling(sizes.scaling, longRuns, log);
  const large = await readLarge(sizes.largeRows, log);
  const hostile = await measureHostile(sizes.hostileUnits, sizes.hostilePerUnit, sizes.tinyCells, (line) => log(`hostile: ${line}`));
  const liveTiming = measureLiveUpdate(sizes.liveRows, sizes.liveEdits);
  log(`live: one edited row in ${liveTiming.rows} rows, ${liveTiming.ms.toFixed(1)} ms (median of ${liveTiming.edits})`);
  const liveSyncs = await measureLiveSyncs(sizes.liveRows);
  log(`live: ${liveSyncs.syncs} syncs per edit`);

  return {
    machine: startedOn,
    smoke: options.smoke,
    check10k_rows: sizes.checkRows,
    check10k_ms: round(of("check_ms")),
    read10k_ms: round(of("read_ms")),
    check_ratio: round(median(reads.map((r) => r.check_ms / r.read_ms)), 2),
    check10k_cpu_ms: round(of("check_cpu_ms")),
    read10k_cpu_ms: round(of("read_cpu_ms")),
    check_ratio_cpu: round(median(reads.map((r) => r.check_cpu_ms / r.read_cpu_ms)), 2),
    parse10k_ms: round(of("parse_ms")),
    check10k_findings: reads[0].findings,
    check10k_runs: runs,
    syncs_100: syncs[0].syncs,
    syncs_10000: syncs[1].syncs,
    write_calls_100: syncs[0].writeCalls,
    write_calls_10000: syncs[1].writeCalls,
    marked_findings_100: syncs[0].findings,
    marked_findings_10000: syncs[1].findings,
    merge100_ms: round(merge.total),
    merge100_cpu_ms: round(merge.cpu),
    merge100_read_ms: round(merge.read),
    merge100_consolidate_ms: round(merge.consolidate),
    merge100_write_ms: round(merge.write),
    merge100_units: merge.units,
    merge100_delegations: merge.delegations,
    merge100_runs: merge.runs,
    taskpane_js_gzip_kb: bundle ? bundle.initialGzipKb : null,
    exceljs_chunk_gzip_kb: bundle?.exceljsGzipKb ?? null,
    taskpane_js_files: bundle?.initialFiles ?? [],
    lazy_chunks_gzip_kb: bundle?.lazyChunks ?? {},
    scaling: scalingPoints,
    scaling_runs: longRuns,
    rows100k: large,
    hostile,
    live_rows: liveTiming.rows,
    live_update_ms: round(liveTiming.ms, 1),
    live_update_cpu_ms: round(liveTiming.cpu_ms, 1),
    live_prepare_ms: round(liveTiming.prepare_ms, 1),
    live_first_update_ms: round(liveTiming.first_ms, 1),
    live_edits: liveTiming.edits,
    live_syncs: liveSyncs.syncs,
  };
}

/** The human-readable report of `npm run bench` (without --json). */
export function formatReport(result: BenchResult): string {
  const m = result.machine;
  const target = (ok: boolean) => (ok ? "ok" : "MISSED");
  const lines = [
    `Machine: ${m.cores} cores (${m.cpu}), Node ${m.node}, ${m.platform}, ${m.memoryGb} GB, load ${m.load}${result.smoke ? "  [SMOKE: tiny sizes]" : ""}`,
    "",
    `check10k   ${result.check10k_rows} delegations, median of ${result.check10k_runs} fresh processes`,
    `           check ${result.check10k_ms} ms (CPU ${result.check10k_cpu_ms}) vs read ${result.read10k_ms} ms (CPU ${result.read10k_cpu_ms}); recognise+parse ${result.parse10k_ms} ms`,
    `           ratio ${result.check_ratio} wall, ${result.check_ratio_cpu} CPU (target ≤ 1.5: ${target(result.check_ratio <= 1.5)}); ${result.check10k_findings} findings`,
    `syncs      100 rows: ${result.syncs_100} syncs, ${result.write_calls_100} write calls (${result.marked_findings_100} findings); ` +
      `10,000 rows: ${result.syncs_10000} syncs, ${result.write_calls_10000} write calls (${result.marked_findings_10000} findings) ` +
      `(target same constant ≤ 3: ${target(result.syncs_100 === result.syncs_10000 && result.syncs_10000 <= 3)})`,
    `merge100   ${result.merge100_units} units × ${result.merge100_delegations}: ${result.merge100_ms} ms (CPU ${result.merge100_cpu_ms}; read ${result.merge100_read_ms}, ` +
      `consolidate ${result.merge100_consolidate_ms}, write ${result.merge100_write_ms}), median of ${result.merge100_runs} (target < 5000: ${target(result.merge100_ms < 5000)})`,
    result.taskpane_js_gzip_kb === null
      ? "bundle     skipped (smoke: no production build)"
      : `bundle     task pane initial JS ${result.taskpane_js_gzip_kb} KB gzipped (${result.taskpane_js_files.join(", ")}) (target < 250: ${target(result.taskpane_js_gzip_kb < 250)}); ` +
        `exceljs chunk ${result.exceljs_chunk_gzip_kb ?? "none"} KB gzipped`,
    `rows100k   ${result.rows100k.rows} rows (${result.rows100k.file_mb} MB .xlsx): read ${result.rows100k.read_ms} ms, recognise+parse ${result.rows100k.parse_ms} ms, ` +
      `check ${result.rows100k.check_ms} ms, peak memory ${result.rows100k.max_rss_mb} MB, ${result.rows100k.findings} findings (no crash)`,
    `hostile    far cell (${result.hostile.far_cell_file_kb} KB, a cell at XFD1048576): read ${result.hostile.far_cell_read_ms} ms, peak ${result.hostile.far_cell_max_rss_mb} MB; ` +
      `${result.hostile.tiny_cells} tiny cells (${result.hostile.tiny_cells_file_kb} KB): read ${result.hostile.tiny_cells_read_ms} ms, peak ${result.hostile.tiny_cells_max_rss_mb} MB; ` +
      `merge of ${result.hostile.merge_units} units (${result.hostile.merge_delegations} delegations): ${result.hostile.merge_ms} ms, peak ${result.hostile.merge_max_rss_mb} MB`,
    `live       one edited row in ${result.live_rows} rows: ${result.live_update_ms} ms domain time (CPU ${result.live_update_cpu_ms}), median of ${result.live_edits} edits ` +
      `(target < 20: ${target(result.live_update_ms < 20)}); first edit ${result.live_first_update_ms} ms after building the clusters when idle ` +
      `(${result.live_prepare_ms} ms); ${result.live_syncs} syncs per edit (target ≤ 2: ${target(result.live_syncs <= 2)})`,
    `scaling    ${result.scaling.map((p) => `${p.rows} → ${p.ms} ms (CPU ${p.cpu_ms}, ${(p.cpu_ms / p.rows * 1000).toFixed(0)} µs/row)`).join("; ")}, median of ${result.scaling_runs}`,
  ];
  return lines.join("\n");
}
