import type { CellValue, SheetGrid } from "../../src/workbook/types";
import { fillGrid, keptArea, MAX_GRID_CELLS, SparseCells } from "../../src/xlsx/sheetCells";

function cellsOf(entries: [row: number, column: number, value: CellValue][]): SparseCells {
  const cells = new SparseCells();
  for (const [row, column, value] of entries) cells.add(row, column, value);
  return cells;
}

/** A 20 × 10 block of values at A1 (a plan's size). */
const block = (top = 1, left = 1): [number, number, CellValue][] =>
  Array.from({ length: 20 * 10 }, (_, i) => [top + Math.floor(i / 10), left + (i % 10), `v${i}`]);

const emptyGrid = (): SheetGrid => ({ name: "Đoàn ra", originRow: 1, originCol: 1, values: [], merges: [] });

describe("keptArea: the grid bounded by where the values are", () => {
  test("values whose extent fits are kept whole, however sparse", () => {
    expect(keptArea(cellsOf([...block(), [150_000, 11, "ghi chú"]]))).toEqual({ top: 1, left: 1, bottom: 150_000, right: 11 });
  });

  test.each([
    ["the far corner", 1_048_576, 16_384],
    ["the same rows, the last column", 5, 16_384],
    ["the same columns, the last row", 1_048_576, 3],
  ])("a stray cell at %s is cut off when the whole extent does not fit", (_, row, column) => {
    // 20 rows × 16,384 columns would fit the real limit: a smaller one shows the cut.
    expect(keptArea(cellsOf([...block(), [row, column, "x"]]), 100_000)).toEqual({ top: 1, left: 1, bottom: 20, right: 10 });
  });

  test("several strays in different directions go one by one; the plan is kept wherever it starts", () => {
    const cells = cellsOf([[1, 16_000, "a"], ...block(500, 30), [1_000_000, 1, "b"], [1_048_576, 16_384, "c"], [900_000, 9000, "d"]]);
    expect(keptArea(cells)).toEqual({ top: 500, left: 30, bottom: 519, right: 39 });
  });

  test("of two blocks far apart, the one with more values is kept", () => {
    const small = Array.from({ length: 5 }, (_, i): [number, number, CellValue] => [1, i + 1, i]);
    expect(keptArea(cellsOf([...small, ...block(900_000, 200)]))).toEqual({ top: 900_000, left: 200, bottom: 900_019, right: 209 });
  });

  test("values spread everywhere with no empty gap are truly too large", () => {
    const spread: [number, number, CellValue][] = [];
    for (let row = 1; row <= 3000; row++) spread.push([row, 1, row]);
    for (let column = 2; column <= 1000; column++) spread.push([1, column, column]);
    expect(3000 * 1000).toBeGreaterThan(MAX_GRID_CELLS);
    expect(keptArea(cellsOf(spread))).toBeUndefined();
    const grid = emptyGrid();
    expect(fillGrid(grid, cellsOf(spread))).toMatch(/Trang «Đoàn ra» quá lớn để đọc: dữ liệu trải từ ô A1 đến ô ALL3000 \(3\.000\.000 ô/);
    expect(grid.values).toEqual([]);
  });
});

describe("fillGrid", () => {
  test("far cells are counted and the first five named, with their values; merges clipped to the kept area", () => {
    const strays = Array.from({ length: 7 }, (_, i): [number, number, CellValue] => [1_048_570 + i, 16_384, `xa ${i}`]);
    const cells = cellsOf([...block(), ...strays]);
    cells.merges = [{ top: 1, left: 1, bottom: 1, right: 16_384 }, { top: 30, left: 1, bottom: 1_048_576, right: 16_384 }];
    const grid = emptyGrid();
    expect(fillGrid(grid, cells)).toBeUndefined();
    expect(grid.values).toHaveLength(20);
    expect(grid.values[0]).toEqual(["v0", null, null, null, null, null, null, null, null, null]);
    expect(grid.values[19][9]).toBe("v199");
    expect(grid.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 10 }]);
    expect(grid.farCells?.count).toBe(7);
    expect(grid.farCells?.cells.map((cell) => cell.value)).toEqual(["xa 0", "xa 1", "xa 2", "xa 3", "xa 4"]);
    expect(grid.farCells?.note).toMatch(/7 ô có dữ liệu nằm rất xa bảng \(XFD1048570: “xa 0”, .*XFD1048574: “xa 4”, …\), ngoài vùng được đọc A1:J20/);
  });

  test("an ordinary merge reaching past the last value (a title over A4:C4, value in A4) is read whole, as Office.js gives it", () => {
    // Found by the playground's self-test: the merge was cut to A4:B4 because column C holds no value.
    const cells = cellsOf([[4, 1, "KẾ HOẠCH ĐOÀN RA"], [5, 1, "STT"], [5, 2, "Tên đoàn"]]);
    cells.merges = [{ top: 4, left: 1, bottom: 4, right: 3 }, { top: 900, left: 1, bottom: 901, right: 2 }];
    const grid = emptyGrid();
    expect(fillGrid(grid, cells)).toBeUndefined();
    expect(grid.merges).toEqual([{ top: 4, left: 1, bottom: 4, right: 3 }]);
    expect(grid.values).toEqual([
      ["KẾ HOẠCH ĐOÀN RA", null, null],
      ["STT", "Tên đoàn", null],
    ]);
  });

  test("a sheet without far cells has no farCells", () => {
    const grid = emptyGrid();
    fillGrid(grid, cellsOf(block(3, 2)));
    expect(grid).toMatchObject({ originRow: 3, originCol: 2 });
    expect(grid.farCells).toBeUndefined();
  });
});
