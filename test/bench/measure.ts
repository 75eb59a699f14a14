/** Timing helpers of the benchmarks: wall and CPU time of one call, medians, the machine. */
import * as os from "node:os";
import { performance } from "node:perf_hooks";

export interface Timing {
  /** Wall-clock milliseconds. */
  ms: number;
  /** CPU milliseconds of this process (user + system; steadier than wall time on a shared machine). */
  cpuMs: number;
}

export async function timed<T>(run: () => T | Promise<T>): Promise<{ result: T } & Timing> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { result, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export interface Machine {
  cores: number;
  cpu: string;
  node: string;
  platform: string;
  memoryGb: number;
  /** 1-minute load average when the benchmark started: other work on the machine skews wall times. */
  load: number;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? "unknown",
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    load: round(os.loadavg()[0], 2),
  };
}
