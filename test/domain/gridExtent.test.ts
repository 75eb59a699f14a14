import { blocksOfAreas, cellsOutside, farCellsOf, keptArea, MAX_GRID_CELLS } from "../../src/domain/gridExtent";
import type { CellArea } from "../../src/workbook/types";

const plan: CellArea = { top: 1, left: 1, bottom: 10_000, right: 12 };
const far: CellArea = { top: 1_048_576, left: 16_384, bottom: 1_048_576, right: 16_384 };

/** The same positions as one block per cell. */
function asCells(areas: CellArea[]): CellArea[] {
  return areas.flatMap((area) => {
    const cells: CellArea[] = [];
    for (let row = area.top; row <= area.bottom; row++) for (let column = area.left; column <= area.right; column++) cells.push({ top: row, left: column, bottom: row, right: column });
    return cells;
  });
}

describe("gridExtent: the kept area from blocks of values (Excel's special cells)", () => {
  it("keeps a plan and cuts the stray cell at XFD1048576, naming it", () => {
    const blocks = blocksOfAreas([plan, far]);
    const kept = keptArea(blocks);
    expect(kept).toEqual(plan);
    expect(cellsOutside(blocks, kept!)).toEqual({ count: 1, first: [{ row: 1_048_576, column: 16_384 }] });
    const record = farCellsOf("KH 2025", 1, [{ row: 1_048_576, column: 16_384, value: "x" }], kept!);
    expect(record.note).toContain("XFD1048576: “x”");
    expect(record.note).toContain("A1:L10000");
  });

  it("gives the same area for rectangles as for their cells one by one", () => {
    const areas: CellArea[] = [
      { top: 3, left: 2, bottom: 40, right: 9 },
      { top: 42, left: 2, bottom: 45, right: 3 },
      { top: 900, left: 700, bottom: 902, right: 701 },
      { top: 5, left: 5_000, bottom: 6, right: 5_000 },
    ];
    const limit = 2_000;
    const byBlocks = keptArea(blocksOfAreas(areas), undefined, limit);
    expect(byBlocks).toEqual(keptArea(blocksOfAreas(asCells(areas)), undefined, limit));
    expect(byBlocks).toEqual({ top: 3, left: 2, bottom: 45, right: 9 });
    const outside = cellsOutside(blocksOfAreas(areas), byBlocks!);
    expect(outside.count).toBe(6 + 2);
    expect(outside.first).toHaveLength(5);
  });

  it("counts and lists only the part of a block outside the kept area", () => {
    // A row filled from CV5 to XFD5, past an empty gap; and a far block straddling the plan's rows.
    const row: CellArea = { top: 5, left: 100, bottom: 5, right: 16_384 };
    const blocks = blocksOfAreas([plan, row]);
    const kept = keptArea(blocks)!;
    expect(kept).toEqual(plan);
    const outside = cellsOutside(blocks, kept);
    expect(outside.count).toBe(16_384 - 99);
    expect(outside.first).toEqual([100, 101, 102, 103, 104].map((column) => ({ row: 5, column })));
    const straddling = blocksOfAreas([plan, { top: 9_999, left: 10, bottom: 20_000, right: 40 }]);
    expect(cellsOutside(straddling, plan)).toEqual({
      count: 10_002 * 31 - 2 * 3,
      first: [13, 14, 15, 16, 17].map((column) => ({ row: 9_999, column })),
    });
  });

  it("refuses values spread evenly over more than the budget", () => {
    const spread = Array.from({ length: 3_000 }, (_, i): CellArea => ({ top: i + 1, left: 1 + ((i * 7) % 1_000), bottom: i + 1, right: 1 + ((i * 7) % 1_000) }));
    expect(3_000 * 1_000).toBeGreaterThan(MAX_GRID_CELLS);
    expect(keptArea(blocksOfAreas([...spread, { top: 1, left: 1_000, bottom: 1, right: 1_000 }]))).toBeUndefined();
  });
});
