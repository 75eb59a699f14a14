import fc from "fast-check";
import { DelegationSchema } from "../../../src/domain/model";
import { readPlan } from "../../../src/domain/templates/readPlan";
import { recognizeSheet, recognizeSheetTables } from "../../../src/domain/templates/recognize";
import type { CellArea, CellValue, SheetGrid } from "../../../src/workbook/types";
import { FIXTURES, specToGrid } from "../../fixtures/generate";

const HEADER_WORDS = [
  "STT",
  "Tên đoàn",
  "Trưởng đoàn",
  "Chức vụ",
  "SL",
  "Nước đến",
  "Thời gian",
  "Từ ngày",
  "Đến ngày",
  "Mục đích",
  "Nguồn KP",
  "Ghi chú",
  "Quốc tịch",
  "Xã",
  "Hoạt động",
  "Đối tác",
  "I",
  "II.",
  "A",
  "Tổng cộng",
  "Cộng",
  "NGƯỜI LẬP BIỂU",
  "KT. GIÁM ĐỐC",
  "Đơn vị: Sở Nội vụ",
  "KẾ HOẠCH ĐOÀN RA NĂM 2025",
  "(1)",
  "x",
  "Tháng 5/2025",
  "Nhật Bản, Hàn Quốc",
  "Nguyễn Văn A - PGĐ",
];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...HEADER_WORDS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 150, maxLength: 400 }) },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -5, max: 100000 }), fc.double({ noNaN: false })) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.constantFrom("#REF!", "#N/A", "#VALUE!", "#DIV/0!").map((error) => ({ error })) },
);

const area: fc.Arbitrary<CellArea> = fc
  .tuple(fc.integer({ min: -2, max: 40 }), fc.integer({ min: -2, max: 20 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }))
  .map(([top, left, height, width]) => ({ top, left, bottom: top + height, right: left + width }));

const grid: fc.Arbitrary<SheetGrid> = fc.record({
  name: fc.string({ maxLength: 20 }),
  originRow: fc.integer({ min: 1, max: 20 }),
  originCol: fc.integer({ min: 1, max: 10 }),
  // Ragged rows on purpose: hosts and hand-made grids are not always rectangular.
  values: fc.array(fc.array(cellValue, { maxLength: 14 }), { maxLength: 40 }),
  merges: fc.array(area, { maxLength: 8 }),
  hidden: fc.option(fc.boolean(), { nil: undefined }),
});

/** Fixture sheets with random cells overwritten: realistic structure, hostile content. */
const damagedFixture: fc.Arbitrary<SheetGrid> = fc
  .tuple(
    fc.constantFrom(...FIXTURES.flatMap((make) => make().sheets).map(specToGrid)),
    fc.array(fc.tuple(fc.nat(30), fc.nat(15), cellValue), { maxLength: 25 }),
  )
  .map(([original, edits]) => {
    const values = original.values.map((row) => [...row]);
    for (const [r, c, value] of edits) if (values[r % Math.max(1, values.length)]) values[r % values.length][c] = value;
    return { ...original, values };
  });

const anyGrid = fc.oneof(grid, damagedFixture);

function insideGrid(g: SheetGrid, row: number, column: number): boolean {
  const width = Math.max(0, ...g.values.map((r) => r.length));
  return row >= g.originRow && row < g.originRow + g.values.length && column >= g.originCol && column < g.originCol + width;
}

describe("recogniser and parser properties", () => {
  test("recognizeSheet never throws and always answers template or reason", () => {
    fc.assert(
      fc.property(anyGrid, (g) => {
        const result = recognizeSheet(g);
        if (!result.template) return typeof result.reason === "string" && result.reason.length > 0;
        return result.headerRows.length >= 1 && result.headerRow === result.headerRows[result.headerRows.length - 1];
      }),
      { numRuns: 300 },
    );
  });

  test("readPlan never throws and is deterministic", () => {
    fc.assert(
      fc.property(fc.array(anyGrid, { maxLength: 3 }), fc.option(fc.string({ maxLength: 10 }), { nil: undefined }), (grids, file) => {
        const first = readPlan(grids, { file });
        const second = readPlan(grids, { file });
        expect(second).toEqual(first);
        // One recognition per plan table: a sheet may stack several (issue 13), never none.
        expect(first.sheets).toHaveLength(grids.reduce((count, grid) => count + recognizeSheetTables(grid).length, 0));
      }),
      { numRuns: 300 },
    );
  });

  test("every recognised row, field cell and header lies inside the grid; delegations are valid", () => {
    fc.assert(
      fc.property(anyGrid, (g) => {
        const result = recognizeSheet(g);
        if (!result.template) return;
        for (const row of [...result.headerRows, ...result.dataRows.map((d) => d.row)]) expect(row >= g.originRow && row < g.originRow + g.values.length).toBe(true);
        for (const column of Object.values(result.columns)) expect(insideGrid(g, result.headerRow, column as number) || insideGrid(g, result.headerRows[0], column as number)).toBe(true);
        for (const delegation of readPlan([g]).delegations) {
          expect(DelegationSchema.safeParse(delegation).success).toBe(true);
          expect(insideGrid(g, delegation.row, delegation.firstColumn)).toBe(true);
          for (const cell of Object.values(delegation.cells)) expect(insideGrid(g, cell.row, cell.column)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("a data row is never a header, column-number, section or the signature row", () => {
    fc.assert(
      fc.property(damagedFixture, (g) => {
        const result = recognizeSheet(g);
        if (!result.template) return;
        const rows = result.dataRows.map((d) => d.row);
        expect(new Set(rows).size).toBe(rows.length);
        expect(rows.every((r) => r > result.headerRow && r !== result.columnNumberRow)).toBe(true);
        expect([...rows].sort((a, b) => a - b)).toEqual(rows);
      }),
      { numRuns: 200 },
    );
  });
});
