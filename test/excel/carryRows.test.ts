/** Which cells the Excel host pastes back, as blocks, and where notes go (carryRows.ts). */
import { carryBlocks, notesLostAuthor, noteTarget } from "../../src/excel/carryRows";
import type { CarryPlan } from "../../src/workbook/types";

/** Header at row 5; unit rows 6-7 stay, 8 was replaced; hand rows 9-10 move down two; columns 1-3 known, 4 moves to 6 (added). */
const plan: CarryPlan = {
  rows: new Map([
    [5, 5],
    [6, 6],
    [7, 7],
    [9, 11],
    [10, 12],
  ]),
  handRows: new Set([9, 10]),
  columns: new Map([
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 6],
  ]),
  addedColumns: new Set([4]),
  headerRow: { old: 5, new: 5 },
};

describe("carryBlocks", () => {
  it("joins cells whose old and new places are both consecutive: hand rows by their columns, the added column down the kept rows", () => {
    expect(carryBlocks(plan)).toEqual([
      { from: { row: 5, column: 4, rows: 3, columns: 1 }, to: { row: 5, column: 6 } },
      { from: { row: 9, column: 1, rows: 2, columns: 3 }, to: { row: 11, column: 1 } },
      { from: { row: 9, column: 4, rows: 2, columns: 1 }, to: { row: 11, column: 6 } },
    ]);
  });

  it("carries a kept unit's rows as blocks of their own (marked kept), apart from the added column's cells on them", () => {
    const kept: CarryPlan = { ...plan, rows: new Map([...plan.rows, [8, 13]]), keptRows: new Set([6, 7, 8]) };
    expect(carryBlocks(kept)).toEqual([
      { from: { row: 5, column: 4, rows: 3, columns: 1 }, to: { row: 5, column: 6 } },
      { from: { row: 6, column: 1, rows: 2, columns: 3 }, to: { row: 6, column: 1 }, kept: true },
      { from: { row: 8, column: 1, rows: 1, columns: 3 }, to: { row: 13, column: 1 }, kept: true },
      { from: { row: 8, column: 4, rows: 1, columns: 1 }, to: { row: 13, column: 6 } },
      { from: { row: 9, column: 1, rows: 2, columns: 3 }, to: { row: 11, column: 1 } },
      { from: { row: 9, column: 4, rows: 2, columns: 1 }, to: { row: 11, column: 6 } },
    ]);
  });

  it("carries nothing without hand rows or added columns", () => {
    expect(carryBlocks({ ...plan, handRows: new Set(), addedColumns: new Set() })).toEqual([]);
  });
});

describe("noteTarget", () => {
  it("moves a note with its row and column, drops one on a replaced row, leaves the title block's", () => {
    expect(noteTarget(plan, "'Tổng hợp đoàn ra'!A9")).toBe("A11");
    expect(noteTarget(plan, "D6")).toBe("F6");
    expect(noteTarget(plan, "B8")).toBeNull();
    expect(noteTarget(plan, "A2")).toBeUndefined();
  });
});

describe("notesLostAuthor", () => {
  it("names each moved note's cells and first author, and counts those past the first twenty", () => {
    const moves = Array.from({ length: 23 }, (_, i) => `B${i + 6} → B${i + 8} (Cán bộ ${i + 1})`);
    const text = notesLostAuthor("Tổng hợp đoàn ra", moves);
    expect(text).toContain("23 ghi chú");
    expect(text).toContain("B25 → B27 (Cán bộ 20); và 3 ghi chú khác");
    expect(text).not.toContain("Cán bộ 21");
  });
});
