/**
 * The sync budget on the harsher simulator: a check (read → check → mark) takes 5 syncs (read: sheets,
 * values, merged areas; mark: find the marks again, write), the same at 100 and 10,000 delegations;
 * 4 below ExcelApi 1.13 (no merged areas). A mark or clear, 2 (the benchmark reuses countSyncs).
 * Not a timing test.
 */
import { countSyncs, type SyncCounts } from "./fakeExcel";

jest.setTimeout(60_000);

const EXPECTED: Record<string, ReturnType<typeof syncsOf>> = {
  "1.20": { read: 3, mark: 2, checkAndMark: 5, recheck: 5, markAlone: 2, clear: 2 },
  "1.9": { read: 2, mark: 2, checkAndMark: 4, recheck: 4, markAlone: 2, clear: 2 },
};

function syncsOf(counts: SyncCounts) {
  const { read, mark, checkAndMark, recheck, markAlone, clear } = counts;
  return { read, mark, checkAndMark, recheck, markAlone, clear };
}

describe("sync counts", () => {
  it.each(["1.20", "1.9"])("are the same constants at 100 and 10,000 rows (ExcelApi %s)", async (apiVersion) => {
    const small = await countSyncs(100, { apiVersion });
    const large = await countSyncs(10_000, { apiVersion });
    expect(large.marks).toBeGreaterThan(100 * small.marks);
    expect(syncsOf(small)).toEqual(EXPECTED[apiVersion]);
    expect(syncsOf(large)).toEqual(EXPECTED[apiVersion]);
    // Write calls grow with the marks (notes are one call each), never the syncs.
    expect(large.writeCalls).toBeGreaterThan(small.writeCalls);
  });

  it("counts the write calls a check issues: per colour format 4, per note 1, nothing else", async () => {
    const withNotes = await countSyncs(100, { apiVersion: "1.20" });
    const colourOnly = await countSyncs(100, { apiVersion: "1.9" });
    // 100 rows: one RangeAreas per severity (error, warning, info) → 3 × (add + formula + fill + font).
    expect(colourOnly.writeCalls).toBe(12);
    // Notes: one per marked cell (every 4th, 7th and 11th delegation, cells sharing none).
    const notedCells = new Set<string>();
    for (let i = 1; i <= 100; i++) {
      if (i % 4 === 0) notedCells.add(`${i},5`);
      if (i % 7 === 0) notedCells.add(`${i},9`);
      if (i % 11 === 0) notedCells.add(`${i},6`);
    }
    expect(withNotes.writeCalls).toBe(12 + notedCells.size);
  });

  it("runs a custom check between read and mark", async () => {
    const counts = await countSyncs(100, { check: (grids) => [{ sheet: grids[0].name, row: 4, column: 2, severity: "info", message: "x" }] });
    expect(counts.marks).toBe(1);
    expect(counts.checkAndMark).toBe(5);
  });
});
