/**
 * A stray value far from the plan (XFD1048576) makes the used range 17 billion cells: Excel refuses its
 * values (or sends null). The read then locates the values with special cells, reads the plan the domain
 * keeps (as the CLI) and names the far cell, in a fixed number of syncs whatever the plan's rows.
 */
import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import { readPlan } from "../../src/domain/templates";
import { createWorkbook, installFakeExcel, planRows, PLAN_SHEET, type FakeExcel, type FakeExcelOptions } from "./fakeExcel";
import { cellKey, sheetByName, type FakeWorkbook } from "./fakeExcel/model";

jest.setTimeout(60_000);

let fake: FakeExcel;
afterEach(() => fake?.uninstall());

/** A plan of `rows` delegations on its sheet, a stray at XFD1048576 (a value, or a formula), and a small second sheet. */
function strayWorkbook(rows: number, stray: "value" | "formula" = "value"): FakeWorkbook {
  const workbook = createWorkbook({ sheets: [{ name: PLAN_SHEET, values: planRows(rows) }, { name: "Ghi chú", values: [["Bản nháp"]] }] });
  const sheet = sheetByName(workbook, PLAN_SHEET);
  sheet.cells.set(cellKey(1_048_576, 16_384), stray === "value" ? { value: "gõ nhầm" } : { formula: "=A1" });
  return workbook;
}

async function read(workbook: FakeWorkbook, options: FakeExcelOptions = {}) {
  fake = installFakeExcel(workbook, options);
  const grids = await new ExcelWorkbookHost().readSheets();
  return { grids, syncs: fake.stats.syncs };
}

describe("ExcelWorkbookHost.readSheets with a stray cell at XFD1048576", () => {
  it("reads the plan as without the stray, and names the far cell with the CLI's note", async () => {
    const { grids: clean } = await read(createWorkbook({ sheets: [{ name: PLAN_SHEET, values: planRows(200) }, { name: "Ghi chú", values: [["Bản nháp"]] }] }));
    fake.uninstall();
    const { grids } = await read(strayWorkbook(200));
    const [plan, notes] = grids;
    expect(plan.values).toEqual(clean[0].values);
    expect([plan.originRow, plan.originCol]).toEqual([1, 1]);
    expect(plan.unreadable).toBeUndefined();
    expect(plan.farCells).toMatchObject({ count: 1, cells: [{ row: 1_048_576, column: 16_384, value: "gõ nhầm" }] });
    expect(plan.farCells?.note).toBe(
      `Trang «${PLAN_SHEET}»: 1 ô có dữ liệu nằm rất xa bảng (XFD1048576: “gõ nhầm”), ngoài vùng được đọc A1:L203, nên không được kiểm tra. ` +
        "Nếu là ô gõ nhầm: trong Excel bấm Ctrl+End để đến ô đó, xóa rồi lưu lại.",
    );
    expect(notes).toEqual(clean[1]);
    // The domain reads the plan and carries the note to the pane and the CLI.
    const planRead = readPlan(grids);
    expect(planRead.delegations).toHaveLength(200);
    expect(planRead.sheets.find((sheet) => sheet.sheet === PLAN_SHEET)?.farCellsNote).toBe(plan.farCells?.note);
  });

  it("finds a stray formula too", async () => {
    const { grids } = await read(strayWorkbook(50, "formula"));
    expect(grids[0].values).toHaveLength(53);
    expect(grids[0].farCells).toMatchObject({ count: 1, cells: [{ row: 1_048_576, column: 16_384 }] });
    expect(grids[0].farCells?.note).toContain("XFD1048576");
  });

  it.each(["null", "throw"] as const)("takes the same fixed syncs at 100 and 10,000 rows (oversized read: %s)", async (oversizeRead) => {
    const small = await read(strayWorkbook(100), { oversizeRead });
    fake.uninstall();
    const large = await read(strayWorkbook(10_000), { oversizeRead });
    expect(large.grids[0].values).toHaveLength(10_003);
    expect(large.grids[0].farCells?.count).toBe(1);
    // sheets, whole read (refused), sizes, special cells, kept values, merged areas + date formats + far values
    expect(small.syncs).toBe(6);
    expect(large.syncs).toBe(small.syncs);
    // After the refused whole read, no sync reads more cells from one range than the plan holds.
    expect(Math.max(...fake.stats.log.slice(2).map((sync) => sync.largestRead))).toBe(10_003 * 12);
    expect(fake.stats.runs).toHaveLength(1);
  });

  it("leaves a plan without far cells at its three syncs", async () => {
    const { syncs, grids } = await read(createWorkbook({ sheets: [{ name: PLAN_SHEET, values: planRows(10_000) }] }));
    expect(syncs).toBe(3);
    expect(grids[0].farCells).toBeUndefined();
  });

  it("says a sheet whose values are spread everywhere is too large, and still reads the others", async () => {
    const workbook = createWorkbook({ sheets: [{ name: "Rải rác" }, { name: PLAN_SHEET, values: planRows(20) }] });
    const spread = sheetByName(workbook, "Rải rác");
    for (let i = 0; i < 3_000; i++) spread.cells.set(cellKey(1 + i * 349, 1 + ((i * 7) % 5_000)), { value: i });
    const { grids } = await read(workbook);
    expect(grids[0]).toMatchObject({ name: "Rải rác", values: [], merges: [] });
    expect(grids[0].unreadable).toMatch(/^Trang «Rải rác» quá lớn để đọc: dữ liệu trải từ ô A1 đến ô/);
    expect(grids[1].values).toHaveLength(23);
    expect(readPlan(grids).sheets.find((sheet) => sheet.sheet === "Rải rác")).toMatchObject({ unreadable: true });
  });

  it("says the sheet is too large when even the addresses of its values exceed a response (and reads the others)", async () => {
    const workbook = createWorkbook({ sheets: [{ name: "Ô cờ" }, { name: PLAN_SHEET, values: planRows(20) }] });
    const board = sheetByName(workbook, "Ô cờ");
    // 20,000 cells none of which touches another: 20,000 areas, about 300 KB of address.
    for (let row = 1; row <= 200; row++) for (let column = 1 + (row % 2); column <= 200; column += 2) board.cells.set(cellKey(row, column), { value: 1 });
    board.cells.set(cellKey(1_048_576, 16_384), { value: "xa" });
    const { grids } = await read(workbook, { payloadLimitBytes: 200_000 });
    expect(fake.stats.refusedSyncs).toBeGreaterThan(0);
    expect(grids[0].unreadable).toMatch(/^Trang «Ô cờ» quá lớn để đọc: dữ liệu trải từ ô A1 đến ô XFD1048576/);
    expect(grids[1].values).toHaveLength(23);
  });
});
