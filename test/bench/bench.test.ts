/**
 * `npm run bench -- --smoke` in the test run: every benchmark still runs, at tiny sizes, and its JSON has
 * the documented shape. Counts are asserted (the sync budget); times never are.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { formatReport, runBenchmarks, type BenchResult } from "./benchmarks";
import { measureBuild, pageScripts } from "./bundle";
import { median } from "./measure";

jest.setTimeout(300_000);

let result: BenchResult;
beforeAll(async () => {
  result = await runBenchmarks({ smoke: true });
}, 300_000);

test("the JSON document has every documented key, with numbers where figures belong", () => {
  const json = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
  for (const key of ["check10k_ms", "read10k_ms", "check_ratio", "syncs_100", "syncs_10000", "merge100_ms", "live_update_ms", "live_syncs"]) {
    expect({ key, type: typeof json[key] }).toEqual({ key, type: "number" });
    expect(Number.isFinite(json[key] as number)).toBe(true);
  }
  expect(json).toHaveProperty("taskpane_js_gzip_kb", null); // smoke: no production build
  expect(result.machine.cores).toBeGreaterThan(0);
  expect(result.machine.node).toBe(process.version);
  expect(result.scaling.map((point) => point.rows)).toEqual([100, 300]);
  for (const point of result.scaling) expect(Object.keys(point).sort()).toEqual(["cpu_ms", "findings", "ms", "rows"]);
  expect(result.check_ratio).toBeGreaterThan(0);
  expect(result.check_ratio_cpu).toBeGreaterThan(0);
  expect(result.rows100k.delegations).toBe(result.rows100k.rows);
  expect(formatReport(result)).toContain("Machine:");
  expect(result.hostile.merge_units).toBe(5);
  expect(result.hostile.far_cell_max_rss_mb).toBeGreaterThan(0);
  expect(result.hostile.tiny_cells).toBe(20_000);
  expect(result.hostile.tiny_cells_max_rss_mb).toBeGreaterThan(0);
  expect(formatReport(result)).toContain("20000 tiny cells");
});

test("one officer's edit through the live check takes at most 2 syncs", () => {
  expect(result.live_syncs).toBeGreaterThan(0);
  expect(result.live_syncs).toBeLessThanOrEqual(2);
});

test("a check takes the same number of syncs at 100 and 10,000 rows, within the budget of 5 (read 3, mark 2)", () => {
  expect(result.syncs_100).toBe(result.syncs_10000);
  expect(result.syncs_10000).toBeLessThanOrEqual(5);
  // The findings really were marked: write calls grow with them, the syncs do not.
  expect(result.marked_findings_10000).toBeGreaterThan(result.marked_findings_100);
  expect(result.write_calls_10000).toBeGreaterThan(result.write_calls_100);
});

test("the workloads are what they claim: every delegation read, merged units checked", () => {
  expect(result.check10k_findings).toBeGreaterThan(0);
  expect(result.merge100_units * result.merge100_delegations).toBeGreaterThan(0);
});

describe("bundle measurement (on a small stand-in build folder)", () => {
  test("counts every local script taskpane.html loads, not office.js from the CDN; lists the lazy chunks", () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-bundle-test-"));
    try {
      fs.mkdirSync(path.join(folder, "chunks"));
      fs.writeFileSync(
        path.join(folder, "taskpane.html"),
        '<html><head><script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><script defer src="runtime.1.js"></script><script defer src=taskpane.2.js></script></head></html>',
      );
      fs.writeFileSync(path.join(folder, "runtime.1.js"), "a".repeat(10_000));
      fs.writeFileSync(path.join(folder, "taskpane.2.js"), "b".repeat(10_000));
      fs.writeFileSync(path.join(folder, "chunks", "exceljs.3.js"), "c".repeat(5_000));
      const sizes = measureBuild(folder);
      expect(sizes.initialFiles).toEqual(["runtime.1.js", "taskpane.2.js"]);
      expect(sizes.initialRawKb).toBeCloseTo(19.5, 1);
      expect(sizes.initialGzipKb).toBeGreaterThan(0);
      expect(sizes.initialGzipKb).toBeLessThan(1);
      expect(Object.keys(sizes.lazyChunks)).toEqual(["chunks/exceljs.3.js"]);
      expect(sizes.exceljsGzipKb).toBe(sizes.lazyChunks["chunks/exceljs.3.js"]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  test("pageScripts reads quoted and unquoted src, skips absolute and protocol-relative URLs", () => {
    expect(pageScripts(`<script src="a.js"></script><script src='./b.js?v=1'></script><script defer src=c.js></script><script src="//cdn.x/y.js"></script>`)).toEqual(["a.js", "b.js", "c.js"]);
  });
});

test("median", () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 2, 3])).toBe(2.5);
  expect(median([])).toBeNaN();
});
