/**
 * One measurement in a fresh Node process, so every run starts with cold JIT and empty memo caches (the
 * value parsers and rules memoise texts: a second check in the same process would look faster than a
 * user's first). Prints one JSON line. Started by benchmarks.ts; by hand:
 *
 *   npx tsx test/bench/freshRun.ts read-check FILE.xlsx     read, recognise+parse, check one workbook
 *   npx tsx test/bench/freshRun.ts check ROWS                check a generated plan of ROWS delegations
 *   node --cpu-prof --import tsx test/bench/freshRun.ts …     the same with a CPU profile
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { getProfile } from "../../src/domain/profiles";
import { checkPlan, type CheckContext } from "../../src/domain/rules";
import { readPlan } from "../../src/domain/templates";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { generatePlan } from "./checkScaling";
import { timed } from "./measure";
import { PLAN_YEAR } from "./planWorkbook";

/** The context of every timed check: Hải Phòng's profile (all rules on), a 5-person leadership. */
export function benchContext(): CheckContext {
  return { profile: getProfile("hai-phong"), year: PLAN_YEAR, leadershipSize: 5 };
}

export interface ReadCheckRun {
  read_ms: number;
  read_cpu_ms: number;
  parse_ms: number;
  check_ms: number;
  check_cpu_ms: number;
  delegations: number;
  findings: number;
  /** Peak resident memory of the process, MB. */
  max_rss_mb: number;
}

export interface CheckRun {
  rows: number;
  check_ms: number;
  check_cpu_ms: number;
  findings: number;
}

async function readCheck(file: string): Promise<ReadCheckRun> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const read = await timed(() => readXlsx(bytes, path.basename(file)));
  const parse = await timed(() => readPlan(read.result, { file: path.basename(file) }));
  const check = await timed(() => checkPlan(parse.result.delegations, benchContext()));
  return {
    read_ms: read.ms,
    read_cpu_ms: read.cpuMs,
    parse_ms: parse.ms,
    check_ms: check.ms,
    check_cpu_ms: check.cpuMs,
    delegations: parse.result.delegations.length,
    findings: check.result.length,
    max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

async function checkGenerated(rows: number): Promise<CheckRun> {
  const plan = generatePlan(rows, rows);
  const check = await timed(() => checkPlan(plan, benchContext()));
  return { rows, check_ms: check.ms, check_cpu_ms: check.cpuMs, findings: check.result.length };
}

/** Runs this script in a new process and returns what it printed. `CPU_PROF_DIR` adds a CPU profile there. */
export function runFresh<T>(args: string[]): Promise<T> {
  const root = path.resolve(__dirname, "../..");
  const profile = process.env.CPU_PROF_DIR ? ["--cpu-prof", "--cpu-prof-dir", process.env.CPU_PROF_DIR] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...profile, "--import", "tsx", path.join(__dirname, "freshRun.ts"), ...args], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = stdout.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) reject(new Error(`freshRun ${args.join(" ")} failed (exit ${code}): ${stderr.trim() || stdout.trim()}`));
      else resolve(JSON.parse(line) as T);
    });
  });
}

export interface MergeRun {
  merge_ms: number;
  exit_code: number;
  max_rss_mb: number;
}

/** `dplan merge FILES… -o OUTPUT` in this process, timed, with the peak memory of the process. */
async function mergeFiles(output: string, files: string[]): Promise<MergeRun> {
  const { runMerge } = await import("../../src/cli/merge");
  const io = { stdout: () => undefined, stderr: () => undefined, readFile: async (file: string) => new Uint8Array(fs.readFileSync(file)) };
  const run = await timed(() => runMerge([...files, "-o", output], io));
  return { merge_ms: run.ms, exit_code: run.result, max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

async function main(argv: string[]): Promise<void> {
  const [mode, argument] = argv;
  if (mode === "read-check" && argument) console.log(JSON.stringify(await readCheck(argument)));
  else if (mode === "merge" && argument) console.log(JSON.stringify(await mergeFiles(argument, argv.slice(2))));
  else if (mode === "check" && Number(argument) > 0) console.log(JSON.stringify(await checkGenerated(Number(argument))));
  else throw new Error("usage: freshRun.ts read-check FILE | check ROWS");
}

if (process.argv[1]?.endsWith("freshRun.ts")) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  });
}
