/**
 * The lock beside the master names its process, host and start time. A lock left by a merge that
 * crashed (its process gone, on this host) is taken over with a note; a lock of a live process, of
 * another host, or one that cannot be read, is refused as before.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runMerge } from "../../src/cli/merge";
import { buildXlsx } from "../fixtures/generate";
import { trip, unitSpec } from "../domain/merge/units";
import { diskIO } from "../robustness/support";

jest.setTimeout(60_000);
let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-lock-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function unitFile(): Promise<string> {
  const file = path.join(dir, "a.xlsx");
  fs.writeFileSync(file, await buildXlsx(unitSpec({ file: "a.xlsx", unit: "Sở Y tế", outbound: [trip(1)] })));
  return file;
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  const pid = Number(child.stdout);
  expect(() => process.kill(pid, 0)).toThrow();
  return pid;
}

const output = () => path.join(dir, "tong-hop.xlsx");
const lockFile = () => path.join(dir, ".tong-hop.xlsx.dplan-lock");
const lockOf = (pid: number, host = os.hostname()) => JSON.stringify({ pid, host, started: "2026-12-01T08:00:00.000Z" });

test("the lock a merge holds names its pid, host and start time", async () => {
  const unit = await unitFile();
  let seen = "";
  const io = { ...diskIO(), readFile: async (file: string) => ((seen ||= fs.readFileSync(lockFile(), "utf8")), new Uint8Array(fs.readFileSync(file))) };
  expect(await runMerge([unit, "-o", output()], io)).toBe(0);
  expect(JSON.parse(seen)).toEqual({ pid: process.pid, host: os.hostname(), started: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  expect(fs.existsSync(lockFile())).toBe(false);
});

test("a lock naming a process that is gone on this host is taken over, with a note", async () => {
  const unit = await unitFile();
  const pid = deadPid();
  fs.writeFileSync(lockFile(), lockOf(pid));
  const io = diskIO();
  expect(await runMerge([unit, "-o", output()], io)).toBe(0);
  expect(io.err).toMatch(new RegExp(`tệp khóa cũ .*tiến trình ${pid} .*không còn chạy`));
  expect(fs.existsSync(output())).toBe(true);
  expect(fs.existsSync(lockFile())).toBe(false);
});

test.each([
  ["a live process on this host", () => lockOf(process.pid)],
  ["a process on another host", () => lockOf(deadPid(), `${os.hostname()}-khac`)],
  ["an old lock without a host", () => `${process.pid} 2026-01-01T00:00:00Z\n`],
])("a lock of %s is refused and nothing is written", async (_label, content) => {
  const unit = await unitFile();
  const text = content();
  fs.writeFileSync(lockFile(), text);
  const io = diskIO();
  expect(await runMerge([unit, "-o", output()], io)).toBe(2);
  expect(io.err).toMatch(/đang được một lệnh dplan merge khác ghi.*dplan-lock.*chờ/);
  expect(fs.existsSync(output())).toBe(false);
  expect(fs.readFileSync(lockFile(), "utf8")).toBe(text);
});
