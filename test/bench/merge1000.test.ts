/**
 * The opt-in 1,000-unit merge benchmark (merge1000.ts) at a tiny size: it runs the shipped CLI twice
 * (new master, re-import) and reports what each run did. Times are never asserted.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { delegationsOf, formatMerge1000, measureMerge1000 } from "./merge1000";

jest.setTimeout(120_000);

const withTime = fs.existsSync("/usr/bin/time") ? test : test.skip;

withTime("merges 3 units into a new master, then re-imports them, through bin/dplan.js", async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-merge1000-test-"));
  try {
    const figures = await measureMerge1000(3, () => undefined, folder);
    expect(figures.units).toBe(3);
    expect(figures.delegations).toBe(delegationsOf(1) + delegationsOf(2) + delegationsOf(3));
    expect(figures.new_master_exit).toBeLessThan(2);
    expect(figures.reimport_exit).toBeLessThan(2);
    expect(figures.reimported_units).toBe(3);
    expect(figures.new_master_max_rss_mb).toBeGreaterThan(20);
    expect(figures.reimport_max_rss_mb).toBeGreaterThan(20);
    // The re-import really replaced the units' rows: each sent one delegation more.
    const report = fs.readFileSync(path.join(folder, "b-stdout.txt"), "utf8");
    for (let unit = 1; unit <= 3; unit++) {
      const block = report.split("\n\n").find((lines) => lines.includes(`— Đơn vị: Đơn vị số ${unit}`)) ?? "";
      const sent = [...block.matchAll(/\): (\d+) đoàn,/g)].reduce((sum, match) => sum + Number(match[1]), 0);
      expect({ unit, sent }).toEqual({ unit, sent: delegationsOf(unit) + 1 });
    }
    expect(report).toMatch(/Đã ghi sổ tổng hợp: tong-hop\.xlsx/);
    expect(formatMerge1000(figures)).toContain("3 units re-imported");
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
