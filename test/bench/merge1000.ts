/**
 * Issue 11's 1,000-unit merge through the shipped entry point (`node bin/dplan.js merge`), each run a real
 * CLI process timed with its peak memory (the child that bin/dplan.js starts included):
 *
 *   (a) 1,000 unit workbooks (5–10 delegations each, as merge100.ts builds them) into a new master;
 *   (b) 10 of those units, edited, re-imported into that 1,000-unit master (the package-level carry path).
 *
 * Opt-in (over a minute with building the files): `npm run bench -- --merge1000`, or by hand:
 *
 *   npx tsx test/bench/merge1000.ts [units] [--keep DIR]
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { buildXlsx } from "../fixtures/generate";
import { unitSpec } from "../domain/merge/units";
import { unitRows } from "./merge100";
import { round } from "./measure";
import { seededRandom } from "./random";

export interface Merge1000Figures {
  units: number;
  delegations: number;
  /** (a) into a new master: wall ms of the whole `dplan merge` process, its peak resident memory in MB. */
  new_master_ms: number;
  new_master_cpu_ms: number;
  new_master_max_rss_mb: number;
  new_master_exit: number;
  master_mb: number;
  /** (b) REIMPORTED units re-imported into the master of (a). */
  reimported_units: number;
  reimport_ms: number;
  reimport_cpu_ms: number;
  reimport_max_rss_mb: number;
  reimport_exit: number;
}

const REIMPORTED = 10;

/** Delegations of unit n: 5 to 10, fixed by the unit's number. */
export function delegationsOf(unit: number): number {
  return 5 + Math.floor(seededRandom(unit * 7919)() * 6);
}

export function unitFileName(unit: number): string {
  return `don-vi-${String(unit).padStart(4, "0")}.xlsx`;
}

/** Writes unit n's workbook into `folder`; `edited` adds a delegation and changes the first one's purpose (a re-sent plan). */
export async function writeUnitFile(folder: string, unit: number, edited = false): Promise<string> {
  const count = delegationsOf(unit) + (edited ? 1 : 0);
  const rows = unitRows(unit, count);
  if (edited) rows.outbound[0] = { ...rows.outbound[0], purpose: "Khảo sát mô hình bổ sung sau khi rà soát" };
  const name = unitFileName(unit);
  const file = path.join(folder, name);
  fs.writeFileSync(file, await buildXlsx(unitSpec({ file: name, unit: `Đơn vị số ${unit}`, ...rows })));
  return file;
}

export interface CliRun {
  ms: number;
  /** CPU time of the run (user + system, the CLI child included): steadier than wall time on a shared machine. */
  cpuMs: number;
  maxRssMb: number;
  exit: number;
  stdout: string;
  stderr: string;
}

/** `node bin/dplan.js ARGS` under /usr/bin/time (peak memory of the largest process of the run, the CLI child). */
export function runCli(args: string[], cwd: string): Promise<CliRun> {
  const root = path.resolve(__dirname, "../..");
  const timeFile = path.join(os.tmpdir(), `dplan-time-${process.pid}-${Date.now()}.txt`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("/usr/bin/time", ["-o", timeFile, "-f", "%U %S %M", process.execPath, path.join(root, "bin", "dplan.js"), ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    // Decoded once at the end: a chunk may end inside a character.
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      try {
        const [user, system, kb] = fs.readFileSync(timeFile, "utf8").trim().split(/\s+/).slice(-3).map(Number);
        resolve({ ms, cpuMs: (user + system) * 1000, maxRssMb: Math.round(kb / 1024), exit: code ?? -1, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      } finally {
        fs.rmSync(timeFile, { force: true });
      }
    });
  });
}

/** Builds the unit files (untimed) in `folder`, then runs (a) and (b). */
export async function measureMerge1000(units = 1_000, log: (line: string) => void = console.log, folder?: string): Promise<Merge1000Figures> {
  const work = folder ?? fs.mkdtempSync(path.join(os.tmpdir(), "dplan-merge1000-"));
  try {
    fs.mkdirSync(path.join(work, "units"), { recursive: true });
    fs.mkdirSync(path.join(work, "reimport"), { recursive: true });
    const built = performance.now();
    const files: string[] = [];
    let delegations = 0;
    for (let unit = 1; unit <= units; unit++) {
      const file = path.join(work, "units", unitFileName(unit));
      if (!fs.existsSync(file)) await writeUnitFile(path.join(work, "units"), unit);
      files.push(path.relative(work, file));
      delegations += delegationsOf(unit);
    }
    const step = Math.max(1, Math.floor(units / REIMPORTED));
    const again: string[] = [];
    for (let unit = 1; unit <= units && again.length < REIMPORTED; unit += step) {
      await writeUnitFile(path.join(work, "reimport"), unit, true);
      again.push(path.join("reimport", unitFileName(unit)));
    }
    log(`${units} tệp đơn vị (${delegations} đoàn) dựng trong ${((performance.now() - built) / 1000).toFixed(1)} s (không tính giờ)`);

    const master = "tong-hop.xlsx";
    fs.rmSync(path.join(work, master), { force: true });
    const fresh = await runCli(["merge", ...files, "-o", master], work);
    if (fresh.exit > 1) throw new Error(`merge1000 (a): exit ${fresh.exit}: ${fresh.stderr.slice(0, 2000)}`);
    log(`(a) ${units} đơn vị vào sổ mới: ${(fresh.ms / 1000).toFixed(1)} s (CPU ${(fresh.cpuMs / 1000).toFixed(1)} s), đỉnh ${fresh.maxRssMb} MB, mã ${fresh.exit}`);
    const masterMb = fs.statSync(path.join(work, master)).size / 1e6;
    // A kept folder keeps each run's master and report too, to compare runs (before/after a change).
    if (folder) {
      fs.copyFileSync(path.join(work, master), path.join(work, "a-tong-hop.xlsx"));
      fs.writeFileSync(path.join(work, "a-stdout.txt"), fresh.stdout);
      fs.writeFileSync(path.join(work, "a-stderr.txt"), fresh.stderr);
    }
    const reimport = await runCli(["merge", ...again, "-o", master], work);
    if (reimport.exit > 1) throw new Error(`merge1000 (b): exit ${reimport.exit}: ${reimport.stderr.slice(0, 2000)}`);
    if (folder) {
      fs.writeFileSync(path.join(work, "b-stdout.txt"), reimport.stdout);
      fs.writeFileSync(path.join(work, "b-stderr.txt"), reimport.stderr);
    }
    log(`(b) nhập lại ${again.length} đơn vị vào sổ ${units} đơn vị: ${(reimport.ms / 1000).toFixed(1)} s (CPU ${(reimport.cpuMs / 1000).toFixed(1)} s), đỉnh ${reimport.maxRssMb} MB, mã ${reimport.exit}`);
    return {
      units,
      delegations,
      new_master_ms: round(fresh.ms),
      new_master_cpu_ms: round(fresh.cpuMs),
      new_master_max_rss_mb: fresh.maxRssMb,
      new_master_exit: fresh.exit,
      master_mb: round(masterMb, 1),
      reimported_units: again.length,
      reimport_ms: round(reimport.ms),
      reimport_cpu_ms: round(reimport.cpuMs),
      reimport_max_rss_mb: reimport.maxRssMb,
      reimport_exit: reimport.exit,
    };
  } finally {
    if (!folder) fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The figures as one report line, with the targets (issue 11: new master ≤ 30 s and ≤ 500 MB; re-import ≤ 15 s). */
export function formatMerge1000(f: Merge1000Figures): string {
  // The targets are for 1,000 units; a smaller run (--smoke) only shows that the benchmark runs.
  const target = (ok: boolean) => (f.units < 1_000 ? "n/a below 1,000 units" : ok ? "ok" : "MISSED");
  return (
    `merge1000  ${f.units} units (${f.delegations} delegations) into a new master through dplan merge: ${f.new_master_ms} ms (CPU ${f.new_master_cpu_ms}), peak ${f.new_master_max_rss_mb} MB ` +
    `(target ≤ 30000 ms, ≤ 500 MB: ${target(f.new_master_ms <= 30_000 && f.new_master_max_rss_mb <= 500)}); master ${f.master_mb} MB\n` +
    `           ${f.reimported_units} units re-imported into it: ${f.reimport_ms} ms (CPU ${f.reimport_cpu_ms}), peak ${f.reimport_max_rss_mb} MB (target ≤ 15000 ms: ${target(f.reimport_ms <= 15_000)})`
  );
}

async function main(argv: string[]): Promise<void> {
  const keepAt = argv.indexOf("--keep");
  const keep = keepAt >= 0 ? argv[keepAt + 1] : undefined;
  const units = Number(argv.find((arg, i) => /^\d+$/.test(arg) && argv[i - 1] !== "--keep") ?? 1_000);
  if (keep) fs.mkdirSync(keep, { recursive: true });
  console.log(JSON.stringify(await measureMerge1000(units, console.log, keep && path.resolve(keep))));
}

if (process.argv[1] && /merge1000\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
