import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import { cellKey, createWorkbook, installFakeExcel, sheetByName, type FakeExcel } from "./fakeExcel";

let fake: FakeExcel;
afterEach(() => fake?.uninstall());

function setup() {
  fake = installFakeExcel(
    createWorkbook({
      sheets: [
        {
          name: "Đoàn ra",
          values: [
            ["TT", "Nước đến", "Chức vụ", "Ngày đi", "Mã"],
            [1, "Nhat Ban", "Bo truong", 45717, "A1"],
            [2, "Lao", "Thu truong", 45718, "B2"],
          ],
          numberFormats: { E2: "@" },
        },
      ],
    }),
  );
  return new ExcelWorkbookHost();
}

const cell = (row: number, column: number) => sheetByName(fake.workbook, "Đoàn ra").cells.get(cellKey(row, column));

describe("ExcelWorkbookHost.editCells", () => {
  it("writes the cells still holding the expected value and skips the ones the user changed since", async () => {
    const host = setup();
    sheetByName(fake.workbook, "Đoàn ra").cells.set(cellKey(3, 2), { value: "Lào (đã sửa tay)" });
    const written = await host.editCells([
      { sheet: "Đoàn ra", row: 2, column: 2, expected: "Nhat Ban", value: "Nhật Bản" },
      { sheet: "Đoàn ra", row: 3, column: 2, expected: "Lao", value: "Lào" },
      { sheet: "Đoàn ra", row: 2, column: 3, expected: "Bo truong", value: "Bộ trưởng" },
    ]);
    expect(written).toBe(2);
    expect(cell(2, 2)?.value).toBe("Nhật Bản");
    expect(cell(3, 2)?.value).toBe("Lào (đã sửa tay)");
    expect(cell(2, 3)?.value).toBe("Bộ trưởng");
    expect(fake.stats.syncs).toBe(2);
  });

  it("keeps text starting with = + - @ as text, without an apostrophe in a Text-formatted cell", async () => {
    const host = setup();
    await host.editCells([
      { sheet: "Đoàn ra", row: 2, column: 3, expected: "Bo truong", value: "=Bộ trưởng" },
      { sheet: "Đoàn ra", row: 3, column: 3, expected: "Thu truong", value: "-Thứ trưởng" },
      { sheet: "Đoàn ra", row: 2, column: 5, expected: "A1", value: "@A2" },
    ]);
    expect(cell(2, 3)).toEqual({ value: "=Bộ trưởng", textPrefix: true });
    expect(cell(3, 3)).toEqual({ value: "-Thứ trưởng", textPrefix: true });
    expect(cell(2, 5)).toEqual({ value: "@A2", numberFormat: "@" });
  });

  it("compares dates with Excel's serial numbers", async () => {
    const host = setup();
    const written = await host.editCells([
      { sheet: "Đoàn ra", row: 2, column: 4, expected: new Date(Date.UTC(2025, 2, 1)), value: new Date(Date.UTC(2025, 2, 3)) },
      { sheet: "Đoàn ra", row: 3, column: 4, expected: new Date(Date.UTC(2025, 2, 1)), value: new Date(Date.UTC(2025, 2, 9)) },
    ]);
    expect(written).toBe(1);
    expect(cell(2, 4)?.value).toBe(45719);
    expect(cell(3, 4)?.value).toBe(45718);
  });

  it("treats edits on a sheet that is gone as stale", async () => {
    const host = setup();
    const written = await host.editCells([
      { sheet: "Không còn", row: 2, column: 2, expected: "x", value: "y" },
      { sheet: "Đoàn ra", row: 2, column: 2, expected: "Nhat Ban", value: "Nhật Bản" },
    ]);
    expect(written).toBe(1);
    expect(cell(2, 2)?.value).toBe("Nhật Bản");
  });

  it("does nothing, and opens no batch, when nothing is asked or nothing still matches", async () => {
    const host = setup();
    expect(await host.editCells([])).toBe(0);
    expect(fake.stats.runs).toHaveLength(0);
    expect(await host.editCells([{ sheet: "Đoàn ra", row: 2, column: 2, expected: "khác", value: "Nhật Bản" }])).toBe(0);
    expect(fake.stats.syncs).toBe(1);
    expect(cell(2, 2)?.value).toBe("Nhat Ban");
  });
});
