/**
 * The mark preload: readSheets loads what the next applyMarks/clearMarks would read first, so a check
 * is read (2 syncs) + mark (1). The result must be exactly the two-sync path's; a preload that is no
 * longer true is either not used or, when Excel refuses the write, retried the two-sync way without
 * the user seeing a failure.
 */
import { ExcelWorkbookHost, type ExcelHostOptions } from "../../src/excel/ExcelWorkbookHost";
import { MARK_STATE_KEY, contentHash, parseMarkState } from "../../src/excel/markState";
import { isMarkFormula } from "../../src/excel/marks";
import { PRELOAD_BUDGET_BYTES, preloadBytes } from "../../src/excel/markPreload";
import { PRELOAD_MAY_TIP_BYTES } from "../../src/excel/readSheets";
import type { CellMark } from "../../src/workbook/types";
import { createWorkbook, installFakeExcel, sheetByName, snapshot, type FakeExcel, type FakeExcelOptions, type WorkbookSpec } from "./fakeExcel";

let fake: FakeExcel;
afterEach(() => fake?.uninstall());

const OUT = "Đoàn ra";
const IN = "Đoàn vào";

function spec(options: { userNote?: string } = {}): WorkbookSpec {
  return {
    sheets: [
      {
        name: OUT,
        values: [["TT", "Tên đoàn", "Trưởng đoàn", "Số người", "Nước đến"], ...Array.from({ length: 30 }, (_, i) => [i + 1, `Đoàn ${i + 1}`, "Bộ trưởng", 5, "Nhat Ban"])],
        conditionalFormats: [
          { type: "CellValue", address: "D2:D20", fill: "#00FF00" },
          { type: "Custom", address: "A1:A50", formula: "=ISTEXT(A1)", fill: "#EEEEEE" },
        ],
        ...(options.userNote ? { notes: { [options.userNote]: "Ghi chú của người dùng" } } : {}),
      },
      { name: IN, values: [["TT", "Tên đoàn"], [1, "Đoàn A"], [2, "Đoàn B"]] },
    ],
  };
}

const FIRST: CellMark[] = [
  { sheet: OUT, row: 2, column: 5, severity: "error", message: "Tên nước không chuẩn: “Nhat Ban”." },
  { sheet: OUT, row: 2, column: 5, severity: "warning", message: "Nên ghi rõ thành phố." },
  { sheet: OUT, row: 4, column: 3, severity: "warning", message: "Chức vụ không có trong danh mục." },
  { sheet: OUT, row: 7, column: 2, severity: "info", message: "Tên đoàn ngắn." },
  { sheet: IN, row: 2, column: 2, severity: "error", message: "Thiếu thời gian." },
];

/** A re-check: one cell kept with a new message, one kept as it was, one gone, one new, a sheet cleared. */
const SECOND: CellMark[] = [
  { sheet: OUT, row: 2, column: 5, severity: "error", message: "Thông điệp mới." },
  { sheet: OUT, row: 4, column: 3, severity: "warning", message: "Chức vụ không có trong danh mục." },
  { sheet: OUT, row: 9, column: 5, severity: "error", message: "Thiếu nước đến." },
];

function install(workbook: WorkbookSpec, options: FakeExcelOptions = {}, hostOptions: ExcelHostOptions = {}) {
  fake = installFakeExcel(createWorkbook(workbook), options);
  return new ExcelWorkbookHost(hostOptions);
}

async function syncsOf(operation: () => Promise<unknown>): Promise<number> {
  const before = fake.stats.syncs;
  await operation();
  return fake.stats.syncs - before;
}

function ourFormats(sheet: string) {
  return sheetByName(fake.workbook, sheet).conditionalFormats.filter((cf) => isMarkFormula(cf.formula));
}

function savedState() {
  return parseMarkState(fake.workbook.settings[MARK_STATE_KEY]);
}

describe("a check with the preload", () => {
  const userEditsC4 = () => (sheetByName(fake.workbook, OUT).notes.get("C4")!.content = "Đã hỏi Vụ Tổ chức.");
  // Each case: the marks already there (applied the two-sync way), a change of the user's, the check's marks.
  const cases: [string, string, CellMark[], (() => void) | undefined, CellMark[]][] = [
    ["first check", "1.20", [], undefined, FIRST],
    ["re-check over tracked notes", "1.20", FIRST, undefined, SECOND],
    ["re-check after the user edited one of the add-in's notes (theirs now)", "1.20", FIRST, userEditsC4, SECOND],
    ["clearing check (no findings)", "1.20", FIRST, undefined, []],
    ["clearing check after the user edited a note", "1.20", FIRST, userEditsC4, []],
    ["first check without notes", "1.9", [], undefined, FIRST],
    ["re-check without notes", "1.9", FIRST, undefined, SECOND],
  ];

  it.each(cases)("%s (ExcelApi %s) leaves exactly what the two-sync path leaves, in read 2 + mark 1 syncs", async (_name, apiVersion, before, change, marks) => {
    // The two-sync path, as before the preload.
    let host = install(spec(), { apiVersion });
    if (before.length > 0) await host.applyMarks(before);
    change?.();
    await host.readSheets();
    await host.readSheets(); // a second read replaces the first's preload: still one preload, still fresh
    host = new ExcelWorkbookHost(); // … but a new host knows none
    expect(await syncsOf(() => host.applyMarks(marks))).toBe(marks.length === 0 && before.length === 0 ? 0 : 2);
    const expected = snapshot(fake.workbook);
    fake.uninstall();

    host = install(spec(), { apiVersion });
    if (before.length > 0) await host.applyMarks(before);
    change?.();
    expect(await syncsOf(() => host.readSheets())).toBe(2);
    expect(await syncsOf(() => host.applyMarks(marks))).toBe(1);
    expect(snapshot(fake.workbook)).toEqual(expected);
  });

  it("clears exactly after a read, in one sync", async () => {
    const host = install(spec({ userNote: "A1" }));
    const before = snapshot(fake.workbook);
    await host.applyMarks(FIRST);
    await host.readSheets();
    expect(await syncsOf(() => host.clearMarks())).toBe(1);
    expect(snapshot(fake.workbook)).toEqual(before);
  });

  it("keeps the state across reopening: a new host clears what the preloaded mark wrote", async () => {
    const host = install(spec());
    const before = snapshot(fake.workbook);
    await host.readSheets();
    await host.applyMarks(FIRST);
    fake.reopen();
    await new ExcelWorkbookHost().clearMarks();
    expect(snapshot(fake.workbook)).toEqual(before);
  });
});

describe("a preload that is no longer true", () => {
  it("a note the user put, between read and mark, on a cell to be noted: kept, no failure, marks complete", async () => {
    const host = install(spec());
    const before = snapshot(fake.workbook);
    await host.readSheets();
    sheetByName(fake.workbook, OUT).notes.set("C4", { content: "Người dùng ghi vào lúc kiểm tra.", author: "Người dùng" });

    // 1 refused write + the two-sync path
    expect(await syncsOf(() => host.applyMarks(FIRST))).toBe(3);
    const notes = sheetByName(fake.workbook, OUT).notes;
    expect(notes.get("C4")).toEqual({ content: "Người dùng ghi vào lúc kiểm tra.", author: "Người dùng" });
    expect(notes.get("E2")?.content).toBe("Tên nước không chuẩn: “Nhat Ban”.\nNên ghi rõ thành phố.");
    expect(notes.get("B7")?.content).toBe("Tên đoàn ngắn.");
    expect(sheetByName(fake.workbook, IN).notes.get("B2")?.content).toBe("Thiếu thời gian.");
    expect(ourFormats(OUT)).toHaveLength(3);
    expect(ourFormats(IN)).toHaveLength(1);
    expect(Object.keys(savedState().sheets.find((s) => s.name === OUT)?.notes ?? {}).sort()).toEqual(["B7", "E2"]);
    expect(fake.stats.runs.at(-1)?.syncs).toBe(3); // one Excel.run: with ExcelApi 1.20 still one undo step
    expect(fake.stats.undoSteps).toBe(1);

    await host.clearMarks();
    sheetByName(fake.workbook, OUT).notes.delete("C4");
    expect(snapshot(fake.workbook)).toEqual(before);
  });

  it.each([
    ["deleted one of the add-in's notes", () => sheetByName(fake.workbook, OUT).notes.delete("E2")],
    ["deleted one of the add-in's formats", () => sheetByName(fake.workbook, OUT).conditionalFormats.splice(sheetByName(fake.workbook, OUT).conditionalFormats.findIndex((cf) => isMarkFormula(cf.formula)), 1)],
    ["deleted a marked sheet", () => (fake.workbook.sheets = fake.workbook.sheets.filter((sheet) => sheet.name !== IN))],
  ])("the user %s between read and re-check: retried, no failure, the marks as asked", async (_name, change) => {
    const host = install(spec());
    await host.applyMarks(FIRST);
    await host.readSheets();
    change();
    await expect(host.applyMarks(SECOND)).resolves.toBeUndefined();
    const notes = sheetByName(fake.workbook, OUT).notes;
    expect(Object.fromEntries([...notes].map(([address, note]) => [address, note.content]))).toEqual({
      E2: "Thông điệp mới.",
      C4: "Chức vụ không có trong danh mục.",
      E9: "Thiếu nước đến.",
    });
    expect(ourFormats(OUT).map((cf) => cf.areas)).toHaveLength(2);
    expect(savedState().sheets.map((s) => s.name)).toEqual([OUT]);
  });

  it("a sheet renamed between read and mark: written in one sync, saved under its new name", async () => {
    const host = install(spec());
    await host.readSheets();
    sheetByName(fake.workbook, IN).name = "Đoàn vào (sửa)";
    expect(await syncsOf(() => host.applyMarks(FIRST))).toBe(1);
    expect(ourFormats("Đoàn vào (sửa)")).toHaveLength(1);
    expect(savedState().sheets.map((s) => s.name)).toEqual([OUT, "Đoàn vào (sửa)"]);
    expect(await syncsOf(() => host.clearMarks())).toBe(2); // found by name at once
  });

  it("a user's note elsewhere on the sheet: the preload cannot place it, so new notes take the two-sync path", async () => {
    const host = install(spec({ userNote: "A1" }));
    await host.readSheets();
    expect(await syncsOf(() => host.applyMarks(FIRST))).toBe(2);
    expect(sheetByName(fake.workbook, OUT).notes.get("A1")?.content).toBe("Ghi chú của người dùng");
    expect(sheetByName(fake.workbook, OUT).notes.get("E2")).toBeDefined();
  });

  it("marks written by another host (another runtime) since the read: not used", async () => {
    const host = install(spec());
    await host.readSheets();
    await new ExcelWorkbookHost().applyMarks(FIRST);
    expect(await syncsOf(() => host.applyMarks(SECOND))).toBe(2);
    expect([...sheetByName(fake.workbook, OUT).notes.keys()].sort()).toEqual(["C4", "E2", "E9"]);
    expect(sheetByName(fake.workbook, IN).notes.size).toBe(0);
  });

  it("marks on a sheet the read did not see: not used", async () => {
    const host = install(spec());
    await host.readSheets();
    fake.workbook.sheets.push({ ...sheetByName(fake.workbook, IN), id: "{new}", name: "Mới", notes: new Map(), conditionalFormats: [] });
    expect(await syncsOf(() => host.applyMarks([{ sheet: "Mới", row: 2, column: 2, severity: "error", message: "Lỗi." }]))).toBe(2);
    expect(ourFormats("Mới")).toHaveLength(1);
  });
});

describe("the preload's lifetime", () => {
  it("serves one applyMarks or clearMarks only", async () => {
    const host = install(spec());
    await host.readSheets();
    expect(await syncsOf(() => host.applyMarks(FIRST))).toBe(1);
    expect(await syncsOf(() => host.applyMarks(SECOND))).toBe(2);
    await host.readSheets();
    expect(await syncsOf(() => host.clearMarks())).toBe(1);
    expect(await syncsOf(() => host.applyMarks(FIRST))).toBe(2);
  });

  it("expires after the maximum age (60 s by default)", async () => {
    let now = 1_000_000;
    const host = install(spec(), {}, { now: () => now });
    await host.readSheets();
    now += 60_000;
    expect(await syncsOf(() => host.applyMarks(FIRST))).toBe(1);
    await host.readSheets();
    now += 60_001;
    expect(await syncsOf(() => host.applyMarks(SECOND))).toBe(2);

    const quick = new ExcelWorkbookHost({ now: () => now, markPreloadMaxAgeMs: 10 });
    await quick.readSheets();
    now += 11;
    expect(await syncsOf(() => quick.applyMarks(FIRST))).toBe(2);
  });

  it.each([
    ["editCells", (host: ExcelWorkbookHost) => host.editCells([{ sheet: OUT, row: 2, column: 2, expected: "Đoàn 1", value: "Đoàn một" }])],
    ["writeTable", (host: ExcelWorkbookHost) => host.writeTable({ sheet: "Kết quả kiểm tra", rows: [["Ô", "Lỗi"]], headerRows: 1 })],
    ["setDropdowns", (host: ExcelWorkbookHost) => host.setDropdowns([{ id: "countries", title: "Quốc gia", items: ["Lào"] }], [{ sheet: OUT, column: 5, firstRow: 2, lastRow: 31, list: "countries" }])],
  ])("is dropped by any other write of the host (%s)", async (_name, write) => {
    const host = install(spec());
    await host.readSheets();
    await write(host);
    expect(await syncsOf(() => host.applyMarks(FIRST))).toBe(2);
  });

  it("is dropped when a write starts while the read runs (nothing stale is kept)", async () => {
    const host = install(spec());
    const reading = host.readSheets();
    await host.editCells([{ sheet: OUT, row: 2, column: 2, expected: "Đoàn 1", value: "Đoàn một" }]);
    await reading;
    expect(await syncsOf(() => host.applyMarks(FIRST))).toBe(2);
  });

  it("is not kept from a failed read", async () => {
    const host = install(spec());
    await host.readSheets();
    const run = (globalThis as unknown as { Excel: { run: unknown } }).Excel.run;
    (globalThis as unknown as { Excel: { run: () => Promise<never> } }).Excel.run = () => Promise.reject(new Error("Excel is busy"));
    await expect(host.readSheets()).rejects.toMatchObject({ code: "readFailed" });
    (globalThis as unknown as { Excel: { run: unknown } }).Excel.run = run;
    expect(await syncsOf(() => host.applyMarks(FIRST))).toBe(2);
  });
});

describe("the preload's payload", () => {
  it("is estimated from the saved notes' lengths; past the budget nothing is preloaded", async () => {
    const note = (length: number) => contentHash("x".repeat(length));
    const state = (count: number, length: number) => ({
      version: 1 as const,
      sheets: [{ name: OUT, notes: Object.fromEntries(Array.from({ length: count }, (_, i) => [`A${i + 1}`, note(length)])) }],
    });
    expect(preloadBytes(state(0, 0), 3, true)).toBe(preloadBytes(state(0, 0), 1, true) * 3);
    expect(preloadBytes(state(10, 50), 1, true)).toBe(preloadBytes(state(0, 0), 1, true) + 10 * (100 + 2 * 50));
    expect(preloadBytes(state(10, 50), 1, false)).toBe(preloadBytes(state(0, 0), 1, false));

    // A state whose notes exceed the budget: the read does not preload, the mark reads first.
    const count = Math.ceil(PRELOAD_BUDGET_BYTES / (100 + 2 * 200)) + 1;
    const notes = Object.fromEntries(Array.from({ length: count }, (_, i) => [`F${i + 1}`, note(200)]));
    const host = install({ ...spec(), settings: { [MARK_STATE_KEY]: JSON.stringify({ version: 1, sheets: [{ name: OUT, notes }] }) } });
    expect(preloadBytes(savedState(), 2, true)).toBeGreaterThan(PRELOAD_BUDGET_BYTES);
    const requestBytes = () => fake.stats.log.at(-1)?.requestBytes ?? 0;
    await host.readSheets();
    expect(requestBytes()).toBeLessThan(5_000);
    expect(await syncsOf(() => host.applyMarks(FIRST))).toBe(2);
  });

  it("a preload that tips the values' request over the limit: the values alone are read once more, not in chunks", async () => {
    // Marks with long notes, then a limit the values fit under but not values + preload.
    const long = (i: number) => `Ghi chú dài số ${i}: `.padEnd(400, "ư");
    const marks: CellMark[] = Array.from({ length: 100 }, (_, i) => ({ sheet: OUT, row: 2 + (i % 20), column: 1 + Math.floor(i / 20), severity: "error", message: long(i) }));
    let host = install(spec());
    await host.applyMarks(marks);
    const expected = await host.readSheets();
    const [, valuesSync] = fake.stats.log.slice(-2);
    fake.uninstall();

    host = install(spec());
    await host.applyMarks(marks);
    expect(preloadBytes(savedState(), 2, true)).toBeGreaterThanOrEqual(PRELOAD_MAY_TIP_BYTES);
    fake.env.payloadLimitBytes = valuesSync.responseBytes - 1; // values + preload refused …
    const valuesAlone = expected.reduce((sum, grid) => sum + JSON.stringify(grid.values).length, 0);
    expect(valuesAlone).toBeLessThan(fake.env.payloadLimitBytes); // … the values alone fit
    const before = fake.stats.syncs;
    const grids = await host.readSheets();
    expect(grids).toEqual(expected);
    expect(fake.stats.syncs - before).toBe(3); // list, refused values + preload, values alone
  });
});
