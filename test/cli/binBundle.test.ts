/**
 * bin/dplan.js runs a cached esbuild bundle of the sources in-process, and falls back to tsx when it cannot:
 * the same output either way, a bundle rebuilt after any source changes (never stale code), and a cache
 * folder that cannot be written costs speed, not the run.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildXlsx, unitWorkbook } from "../fixtures/generate";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "dplan.js");

jest.setTimeout(180_000);

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-bundle-"));
  fs.writeFileSync(path.join(dir, "unit.xlsx"), await buildXlsx(unitWorkbook()));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function dplan(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", timeout: 170_000, env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const bundles = (cache: string) => (fs.existsSync(cache) ? fs.readdirSync(cache).filter((name) => name.endsWith(".cjs")) : []);

test("the bundle is built once, reused, and gives what tsx on the sources gives", () => {
  const cache = path.join(dir, "cache");
  const first = dplan(["check", "unit.xlsx", "--json"], { DPLAN_CACHE_DIR: cache });
  expect(bundles(cache)).toHaveLength(1);
  const [bundle] = bundles(cache);
  const builtAt = fs.statSync(path.join(cache, bundle)).mtimeMs;
  expect(fs.existsSync(path.join(cache, `${bundle}.map`))).toBe(true);

  // The first run left V8's code cache beside the bundle; the second runs from it.
  expect(fs.existsSync(path.join(cache, `${bundle}.v8`))).toBe(true);
  const second = dplan(["check", "unit.xlsx", "--json"], { DPLAN_CACHE_DIR: cache });
  expect(bundles(cache)).toEqual([bundle]);
  // Source maps on: the bundle is required instead (Node maps its stack traces); the same result.
  expect(dplan(["check", "unit.xlsx", "--json"], { DPLAN_CACHE_DIR: cache, NODE_OPTIONS: "--enable-source-maps" })).toEqual(first);
  expect(fs.statSync(path.join(cache, bundle)).mtimeMs).toBe(builtAt);

  const withTsx = dplan(["check", "unit.xlsx", "--json"], { DPLAN_RUN_WITH_TSX: "1", DPLAN_CACHE_DIR: cache });
  expect(first.status).toBe(withTsx.status);
  expect(second).toEqual(first);
  expect(first.stderr).toBe(withTsx.stderr);
  // The report names no time or path that differs between runs: the same bytes.
  expect(first.stdout).toBe(withTsx.stdout);
});

test("a source whose modification time changes gets a new bundle, and the old one is removed", () => {
  const cache = path.join(dir, "cache-stale");
  dplan(["--help"], { DPLAN_CACHE_DIR: cache });
  const [before] = bundles(cache);
  const source = path.join(ROOT, "src", "cli", "entry.ts");
  const { atime, mtime } = fs.statSync(source);
  try {
    fs.utimesSync(source, atime, new Date(mtime.getTime() + 1000));
    const run = dplan(["--help"], { DPLAN_CACHE_DIR: cache });
    expect(run.stdout + run.stderr).toContain("Cách dùng");
    const after = bundles(cache);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
  } finally {
    fs.utimesSync(source, atime, mtime);
  }
});

test("a cache folder that cannot be created: the run still works (tsx), with the same output", () => {
  const blocker = path.join(dir, "not-a-folder");
  fs.writeFileSync(blocker, "");
  const blocked = dplan(["check", "unit.xlsx", "--json"], { DPLAN_CACHE_DIR: path.join(blocker, "cache") });
  const normal = dplan(["check", "unit.xlsx", "--json"], { DPLAN_CACHE_DIR: path.join(dir, "cache") });
  expect(blocked).toEqual(normal);
  expect(blocked.stdout).toContain('"files"');
});

test("the bundle's source map points at the TypeScript sources (stack traces of an unexpected error)", () => {
  const cache = path.join(dir, "cache");
  const [bundle] = bundles(cache);
  const map = JSON.parse(fs.readFileSync(path.join(cache, `${bundle}.map`), "utf8")) as { sources: string[] };
  const sources = map.sources.map((source) => path.resolve(fs.realpathSync(cache), source));
  expect(sources).toContain(path.join(ROOT, "src", "cli", "main.ts"));
  // The sources, and the few packages bundled with them (zod, the country names).
  expect(sources.every((source) => source.startsWith(path.join(ROOT, "src") + path.sep) || source.includes(`${path.sep}node_modules${path.sep}`))).toBe(true);
});
