import { masterColumn, viewMaster } from "../support/masterDocument";
import { MESSAGES } from "../../src/app/consolidation";
import { SENT_PLAN_PREFIX } from "../../src/app/sentPlans";
import { MASTER_SHEET_NAMES, STATISTICS_SHEET_NAME } from "../../src/domain/merge";
import type { CheckResult } from "../../src/taskpane/services";
import { isUnitConflictError, type ReadProgress, type UnitConflictError } from "../../src/taskpane/consolidationServices";
import type { CellValue, SheetGrid, TableWrite } from "../../src/workbook/types";
import { READ_MESSAGES } from "../../src/xlsx/readWorkbook";
import { BAD_FILES } from "../fixtures/badFiles";
import { day, specToGrid } from "../fixtures/generate";
import { travellingLeaderUnits, dataRow, trip, unitSpec, visit, type UnitSpecInput } from "../domain/merge/units";
import { MemoryHost } from "../support/memoryHost";
import { storageOver } from "../../src/excel/storage";
import { fakeRuntimeStorage, STORAGE_QUOTA_BYTES } from "../excel/fakeExcel/runtimeStorage";
import { memoryPlanStorage, SETTINGS, unitBytes, unitFile, wire } from "./consolidationSupport";

jest.setTimeout(30_000);

const A: UnitSpecInput = { file: "so-y-te.xlsx", unit: "Sở Y tế", outbound: [trip(1), trip(2), trip(3)], inbound: [visit(1)] };
const B: UnitSpecInput = { file: "so-gd.xlsx", unit: "Sở Giáo dục và Đào tạo", outbound: [trip(4), trip(5)] };
const C: UnitSpecInput = { file: "UBND xã Tân Lập.xlsx", outbound: [trip(6)], inbound: [visit(2), visit(3)] };
/** Its second delegation has no funding: it stays out of the master. */
const INCOMPLETE: UnitSpecInput = { file: "so-tc.xlsx", unit: "Sở Tài chính", outbound: [trip(7), trip(8, { funding: null }), trip(9)] };

/** The master workbook: an empty sheet to start with. */
const masterHost = () => new MemoryHost([{ name: "Sheet1", originRow: 1, originCol: 1, values: [], merges: [] }], "Tổng hợp 2025.xlsx");

function table(host: MemoryHost, sheet: string): TableWrite {
  const found = host.tables.find((t) => t.sheet === sheet);
  if (!found) throw new Error(`no table ${sheet}: ${host.tables.map((t) => t.sheet).join(", ")}`);
  return found;
}

function column(written: TableWrite, title: string): CellValue[] {
  return masterColumn(written.rows, title);
}

describe("consolidation: the plan year", () => {
  it("is the units' titles' year, as dplan merge takes it, not the year in Cài đặt: a 2026 plan's trips are not outside the plan year", async () => {
    const host = masterHost();
    const { consolidation } = await wire(host);
    const unit: UnitSpecInput = { file: "so-tp.xlsx", unit: "Sở Tư pháp", year: 2026, outbound: [trip(1, { start: "Tháng 4/2026" }), trip(2, { start: "Tháng 5" })] };
    await consolidation.addFiles([await unitFile(unit)]);
    expect(await consolidation.planYear()).toEqual({ settingsYear: 2025, titles: [{ year: 2026, units: ["Sở Tư pháp"] }], proposed: 2026, source: "titles", needsChoice: true });
    const summary = await consolidation.merge();
    expect(summary.planYear).toEqual({ year: 2026, source: "titles" });
    const outbound = table(host, MASTER_SHEET_NAMES.outbound);
    expect(outbound.rows.some((row) => row[0] === "KẾ HOẠCH ĐOÀN RA NĂM 2026")).toBe(true);
    const statistics = table(host, STATISTICS_SHEET_NAME);
    expect(statistics.rows.some((row) => row[0] === "Ngoài năm kế hoạch")).toBe(false);
    // A year chosen by the person merging wins.
    expect((await consolidation.merge(undefined, { year: 2025 })).planYear).toEqual({ year: 2025, source: "chosen" });
    expect(table(host, STATISTICS_SHEET_NAME).rows.some((row) => row[0] === "Ngoài năm kế hoạch")).toBe(true);
  });
});

describe("consolidation: the agency block from Cài đặt", () => {
  it("names the agency on the master and on a blank template inserted from the pane", async () => {
    const host = masterHost();
    const { pane, consolidation } = await wire(host);
    await pane.saveSettings({ ...SETTINGS, agency: { parent: "UBND thành phố Hải Phòng", name: "Sở Ngoại vụ" } });
    await consolidation.addFiles([await unitFile(B)]);
    await consolidation.merge();
    const master = table(host, MASTER_SHEET_NAMES.outbound);
    expect(master.rows[0][0]).toBe("UBND THÀNH PHỐ HẢI PHÒNG");
    expect(master.rows[1][0]).toBe("SỞ NGOẠI VỤ");
    expect(master.rows.some((row) => row[0] === "Đơn vị: Sở Ngoại vụ")).toBe(true);
    const sheet = await pane.insertTemplate("inbound");
    expect(table(host, sheet).rows[1][0]).toBe("SỞ NGOẠI VỤ");
  });
});

describe("consolidation: files into the open workbook", () => {
  it("merges N units with the right row counts and provenance, writes Thống kê, and reports per sheet", async () => {
    const host = masterHost();
    const { consolidation } = await wire(host);
    const sources = await consolidation.addFiles([await unitFile(A), await unitFile(B), await unitFile(C)]);
    expect(sources.map((s) => [s.fileName, s.preview?.unitName, s.preview?.nameSource, s.preview?.kept, s.problem])).toEqual([
      ["so-y-te.xlsx", "Sở Y tế", "title", 4, undefined],
      ["so-gd.xlsx", "Sở Giáo dục và Đào tạo", "title", 2, undefined],
      ["UBND xã Tân Lập.xlsx", "UBND xã Tân Lập", "file", 3, undefined],
    ]);
    expect(sources[0].preview?.sheets).toEqual([
      { sheet: "Đoàn ra", kind: "outbound", delegations: 3, kept: 3, excluded: 0 },
      { sheet: "Đoàn vào", kind: "inbound", delegations: 1, kept: 1, excluded: 0 },
    ]);

    const summary = await consolidation.merge();
    expect(host.tables.map((t) => t.sheet)).toEqual([MASTER_SHEET_NAMES.outbound, MASTER_SHEET_NAMES.inbound, STATISTICS_SHEET_NAME]);
    const outbound = table(host, MASTER_SHEET_NAMES.outbound);
    expect(viewMaster(outbound.rows).data).toHaveLength(6);
    expect(viewMaster(table(host, MASTER_SHEET_NAMES.inbound).rows).data).toHaveLength(3);
    expect(column(outbound, "Đơn vị")).toEqual(["Sở Y tế", "Sở Y tế", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", "UBND xã Tân Lập"]);
    expect(column(outbound, "Tệp")).toEqual(["so-y-te.xlsx", "so-y-te.xlsx", "so-y-te.xlsx", "so-gd.xlsx", "so-gd.xlsx", "UBND xã Tân Lập.xlsx"]);
    expect(column(outbound, "Dòng gốc")[0]).toBe(`dòng ${dataRow(A, 1)} (Đoàn ra)`);
    expect(summary.sheets).toEqual([
      { sheet: MASTER_SHEET_NAMES.outbound, kind: "outbound", fromUnits: 6, byHand: 0 },
      { sheet: MASTER_SHEET_NAMES.inbound, kind: "inbound", fromUnits: 3, byHand: 0 },
    ]);
    expect(summary.units.map((u) => [u.unit, u.files, u.kept])).toEqual([
      ["Sở Y tế", ["so-y-te.xlsx"], 4],
      ["Sở Giáo dục và Đào tạo", ["so-gd.xlsx"], 2],
      ["UBND xã Tân Lập", ["UBND xã Tân Lập.xlsx"], 3],
    ]);
    expect(summary.statisticsSheet).toBe(STATISTICS_SHEET_NAME);
    expect(summary.charts).toBe(0); // the memory host draws no charts
    expect(table(host, STATISTICS_SHEET_NAME).charts?.length).toBeGreaterThan(0);
  });

  it("lists the units of the master's “Danh sách đơn vị” sheet that sent nothing, and says how to keep a list when there is none", async () => {
    const units: SheetGrid = { name: "Danh sách đơn vị", originRow: 1, originCol: 1, merges: [], values: [["STT", "Tên đơn vị"], [1, "Sở Y tế"], [2, "Sở Tài chính"], [3, "UBND xã Tân Lập"]] };
    const host = new MemoryHost([{ name: "Sheet1", originRow: 1, originCol: 1, values: [], merges: [] }, units], "Tổng hợp 2025.xlsx");
    const { consolidation } = await wire(host);
    await consolidation.addFiles([await unitFile(A), await unitFile(B)]);
    const summary = await consolidation.merge();
    expect(summary.missingUnits).toEqual({ expected: 3, missing: ["Sở Tài chính", "UBND xã Tân Lập"] });
    expect(table(host, STATISTICS_SHEET_NAME).rows.map((row) => row[0])).toEqual(expect.arrayContaining(["Sở Tài chính", "UBND xã Tân Lập"]));

    const without = masterHost();
    const plain = await wire(without);
    await plain.consolidation.addFiles([await unitFile(A)]);
    const none = await plain.consolidation.merge();
    expect(none.missingUnits).toBeUndefined();
    expect(none.unitsSheet).toBe("Danh sách đơn vị");
  });

  it("keeps incomplete delegations out of the master and lists them with the reason, in the preview and the summary", async () => {
    const host = masterHost();
    const { consolidation } = await wire(host);
    const [source] = await consolidation.addFiles([await unitFile(INCOMPLETE)]);
    expect(source.preview?.excluded).toEqual([
      expect.objectContaining({ unit: "Sở Tài chính", sheet: "Đoàn ra", row: dataRow(INCOMPLETE, 2), label: "Đoàn công tác số 8", reason: "Thiếu: Nguồn kinh phí" }),
    ]);
    expect(source.preview?.sheets[0]).toMatchObject({ delegations: 3, kept: 2, excluded: 1 });
    const summary = await consolidation.merge();
    expect(column(table(host, MASTER_SHEET_NAMES.outbound), "Tên đoàn")).toEqual(["Đoàn công tác số 7", "Đoàn công tác số 9"]);
    expect(summary.excluded).toEqual([expect.objectContaining({ file: "so-tc.xlsx", row: dataRow(INCOMPLETE, 2), reason: "Thiếu: Nguồn kinh phí" })]);
  });

  it("is idempotent on re-import, replaces a unit's rows with its new file and keeps rows added by hand", async () => {
    const host = masterHost();
    const { consolidation } = await wire(host);
    await consolidation.addFiles([await unitFile(A), await unitFile(B)]);
    await consolidation.merge();
    const first = structuredClone(host.tables);
    await consolidation.merge();
    expect(host.tables).toEqual(first);

    // A row typed into the master by hand (no Đơn vị), at the bottom, above the Tổng cộng row.
    const grid = host.grids.find((g) => g.name === MASTER_SHEET_NAMES.outbound)!;
    const view = viewMaster(grid.values);
    const handRow: CellValue[] = view.titles.map(() => null);
    handRow[view.titles.indexOf("Tên đoàn")] = "Đoàn do Sở Ngoại vụ nhập tay";
    grid.values.splice(view.totalRow! - 1, 0, handRow);

    // Sở Y tế sends a new version with one outbound trip instead of three.
    await consolidation.addFiles([await unitFile({ ...A, outbound: [trip(11)] })]);
    expect(consolidation.sources()).toHaveLength(2); // the same file name replaced the earlier copy
    const summary = await consolidation.merge();
    const outbound = table(host, MASTER_SHEET_NAMES.outbound);
    expect(column(outbound, "Tên đoàn")).toEqual(["Đoàn công tác số 11", "Đoàn công tác số 4", "Đoàn công tác số 5", "Đoàn do Sở Ngoại vụ nhập tay"]);
    expect(column(outbound, "Đơn vị")).toEqual(["Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", null]);
    expect(summary.sheets[0]).toMatchObject({ fromUnits: 3, byHand: 1 });
  });

  it("names the unit as the user corrected it, and goes back to the title's name when the correction is cleared", async () => {
    const host = masterHost();
    const { consolidation } = await wire(host);
    const [source] = await consolidation.addFiles([await unitFile(C)]);
    let renamed = consolidation.renameUnit(source.id, "  UBND xã   Tân Lập, huyện Đông Hưng ");
    expect(renamed[0].preview).toMatchObject({ unitName: "UBND xã Tân Lập, huyện Đông Hưng", nameSource: "user" });
    await consolidation.merge();
    expect(new Set(column(table(host, MASTER_SHEET_NAMES.outbound), "Đơn vị"))).toEqual(new Set(["UBND xã Tân Lập, huyện Đông Hưng"]));
    renamed = consolidation.renameUnit(source.id, "");
    expect(renamed[0].preview).toMatchObject({ unitName: "UBND xã Tân Lập", nameSource: "file" });
  });

  it("flags a key leader with 2 trips in one unit and 1 in another, marks the master cells and publishes the findings", async () => {
    const { a, b } = travellingLeaderUnits();
    const host = masterHost();
    const { pane, consolidation } = await wire(host);
    const published: CheckResult[] = [];
    pane.subscribe((result) => published.push(result));
    const sources = await consolidation.addFiles([await unitFile(a), await unitFile(b)]);
    // Neither unit alone is over the limit.
    expect(sources.map((s) => s.preview?.errors)).toEqual([0, 0]);

    const summary = await consolidation.merge();
    const cells = host.marks.filter((mark) => mark.message.includes("3 lần")).map((mark) => [mark.sheet, mark.row, mark.column, mark.severity]);
    const rows = viewMaster(table(host, MASTER_SHEET_NAMES.outbound).rows).data.map((line) => line.row);
    expect(cells).toEqual([
      [MASTER_SHEET_NAMES.outbound, rows[0], 3, "error"],
      [MASTER_SHEET_NAMES.outbound, rows[2], 3, "error"],
      [MASTER_SHEET_NAMES.outbound, rows[3], 3, "error"],
    ]);
    expect(summary.findings.errors).toBeGreaterThanOrEqual(3);
    expect(published).toHaveLength(1);
    expect(published[0].origin).toBe("consolidation");
    expect(published[0].findings.filter((f) => f.rule === "key-leader-trips").map((f) => f.cell)).toEqual([rows[0], rows[2], rows[3]].map((row) => `C${row}`));
    expect(published[0].sheets).toEqual([{ sheet: MASTER_SHEET_NAMES.outbound, kind: "outbound", delegations: 4 }]);
    expect(pane.latestResult()).toBe(published[0]);
  });

  it("lists an unreadable file with its Vietnamese reason while the others merge; the files are only read", async () => {
    const host = masterHost();
    const { consolidation } = await wire(host);
    const xls = new Uint8Array(await BAD_FILES["old-format.xls"]());
    const truncated = new Uint8Array(await BAD_FILES["truncated.xlsx"]());
    const good = await unitBytes(B);
    const copies = [xls, truncated, good].map((bytes) => bytes.slice());
    const progress: ReadProgress[] = [];
    const sources = await consolidation.addFiles(
      [
        { name: "old-format.xls", data: xls },
        { name: "truncated.xlsx", data: truncated.buffer },
        { name: "so-gd.xlsx", data: good },
      ],
      (p) => progress.push(p),
    );
    expect(sources.map((s) => [s.fileName, s.problem])).toEqual([
      ["old-format.xls", READ_MESSAGES.xls],
      ["truncated.xlsx", READ_MESSAGES.corrupt],
      ["so-gd.xlsx", undefined],
    ]);
    expect(READ_MESSAGES.xls).toMatch(/^Tệp \.xls.*hãy mở trong Excel và Lưu thành \.xlsx/);
    expect(progress.map((p) => `${p.done}/${p.total} ${p.fileName}`)).toEqual(["0/3 old-format.xls", "1/3 truncated.xlsx", "2/3 so-gd.xlsx", "3/3 so-gd.xlsx"]);

    const summary = await consolidation.merge();
    expect(summary.sheets).toEqual([expect.objectContaining({ fromUnits: 2 })]);
    expect(summary.skipped).toEqual([
      { fileName: "old-format.xls", problem: READ_MESSAGES.xls, readReason: "xls" },
      { fileName: "truncated.xlsx", problem: READ_MESSAGES.corrupt, readReason: "corrupt" },
    ]);
    expect([xls, truncated, good]).toEqual(copies);
  });

  it("lists a workbook without any plan template with the reason, and refuses to merge when nothing can be merged", async () => {
    const host = masterHost();
    const { consolidation } = await wire(host);
    const notes = { file: "ghi-chu.xlsx", description: "", sheets: [{ name: "Ghi chú", rows: [["Danh sách cán bộ"], ["Nguyễn Văn A"]], expect: false as const }] };
    const { buildXlsx } = await import("../fixtures/generate");
    const [source] = await consolidation.addFiles([{ name: "ghi-chu.xlsx", data: new Uint8Array(await buildXlsx(notes)) }]);
    expect(source.problem).toMatch(/Không tìm thấy biểu mẫu kế hoạch/);
    await expect(consolidation.merge()).rejects.toThrow(MESSAGES.nothingToMerge);
    expect(host.tables).toEqual([]);
  });

  it("never replaces a sheet that only has a master sheet's name, or a Thống kê sheet it did not write", async () => {
    const own: SheetGrid = { name: STATISTICS_SHEET_NAME, originRow: 1, originCol: 1, values: [["Số liệu của phòng"], [1]], merges: [] };
    const host = new MemoryHost([own]);
    const { consolidation } = await wire(host);
    await consolidation.addFiles([await unitFile(B)]);
    await expect(consolidation.merge()).rejects.toThrow(MESSAGES.foreignStatisticsSheet(STATISTICS_SHEET_NAME));

    const lookalike: SheetGrid = { name: MASTER_SHEET_NAMES.outbound, originRow: 1, originCol: 1, values: [["STT", "Tên đoàn"], [1, "Đoàn A"]], merges: [] };
    host.grids = [lookalike];
    await expect(consolidation.merge()).rejects.toThrow(/không phải trang tổng hợp/);
    expect(host.tables).toEqual([]);
    expect(host.grids).toEqual([lookalike]);
  });

  it("removes a unit from the list", async () => {
    const { consolidation } = await wire(masterHost());
    const sources = await consolidation.addFiles([await unitFile(A), await unitFile(B)]);
    expect(consolidation.removeSource(sources[0].id).map((s) => s.fileName)).toEqual(["so-gd.xlsx"]);
  });
});

describe("consolidation: plans sent from other workbooks", () => {
  const unitWorkbook = (input: UnitSpecInput, name: string) => new MemoryHost(unitSpec(input).sheets.map(specToGrid), name);

  it("OfficeRuntime.storage full (10 MB per domain, shared): says so clearly; the earlier send of the same plan makes room", async () => {
    const runtime = fakeRuntimeStorage({ usedByOthers: STORAGE_QUOTA_BYTES - 2_000 });
    const storage = Object.assign(storageOver(runtime, "dplan:"), { data: runtime.data });
    const unitSide = await wire(unitWorkbook({ ...A, outbound: [trip(1), trip(2)] }, "KH Sở Y tế 2025.xlsx"), storage);
    await expect(unitSide.consolidation.sendToMaster()).rejects.toThrow(MESSAGES.storageFull);

    const roomy = fakeRuntimeStorage();
    const roomyStorage = Object.assign(storageOver(roomy, "dplan:"), { data: roomy.data });
    const times = ["2025-11-20T03:04:05.000Z", "2025-11-21T03:04:05.000Z"];
    const sender = await wire(unitWorkbook({ ...A, outbound: [trip(1), trip(2)] }, "KH Sở Y tế 2025.xlsx"), roomyStorage, () => new Date(times.shift() ?? "2025-11-22T00:00:00.000Z"));
    await sender.consolidation.sendToMaster();
    // Only room for one send of this plan now: the second replaces the first instead of failing.
    const one = roomy.usedBytes();
    const tight = fakeRuntimeStorage({ quota: one + one / 2 });
    for (const [key, value] of roomy.data) await tight.setItem(key, value);
    const tightSide = await wire(unitWorkbook({ ...A, outbound: [trip(1), trip(2)] }, "KH Sở Y tế 2025.xlsx"), Object.assign(storageOver(tight, "dplan:"), { data: tight.data }), () => new Date("2025-11-23T00:00:00.000Z"));
    const again = await tightSide.consolidation.sendToMaster();
    expect(again.replaced).toBe(1);
    expect([...tight.data.keys()].filter((key) => key.includes("sentPlan/"))).toEqual([`dplan:${again.entry.key}`]);
  });

  it("stores a compact plan: no trailing empty cells or rows, read back the same", async () => {
    const storage = memoryPlanStorage();
    const grids = unitSpec({ ...A, outbound: [trip(1)] }).sheets.map(specToGrid);
    // A used range running far past the plan: 200 empty rows, 20 empty columns.
    const padded = grids.map((grid) => ({ ...grid, values: [...grid.values.map((row) => [...row, ...new Array<CellValue>(20).fill(null)]), ...Array.from({ length: 200 }, () => new Array<CellValue>(30).fill(null))] }));
    const side = await wire(new MemoryHost(padded, "KH.xlsx"), storage);
    const sent = await side.consolidation.sendToMaster();
    const stored = JSON.parse(storage.data.get(sent.entry.key)!) as { grids: { values: unknown[][] }[] };
    expect(stored.grids[0].values.length).toBeLessThanOrEqual(grids[0].values.length);
    expect(Math.max(...stored.grids[0].values.map((row) => row.length))).toBeLessThanOrEqual(Math.max(...grids[0].values.map((row) => row.length)));
    const master = await wire(masterHost(), storage);
    expect((await master.consolidation.listSentPlans())[0]).toMatchObject({ delegations: sent.entry.delegations });
  });

  it("stores a unit's plan, lists it in the master, merges it like a file, and removes it", async () => {
    const storage = memoryPlanStorage();
    const unitHost = unitWorkbook({ ...A, outbound: [trip(1, { start: day(2025, 5, 4), end: day(2025, 5, 8) }), trip(2)] }, "KH Sở Y tế 2025.xlsx");
    const unitSide = await wire(unitHost, storage);
    const sent = await unitSide.consolidation.sendToMaster();
    expect(sent.replaced).toBe(0);
    expect(sent.entry).toMatchObject({ unitName: "Sở Y tế", workbookName: "KH Sở Y tế 2025.xlsx", sentAt: "2025-11-20T03:04:05.000Z", delegations: 3, kinds: ["outbound", "inbound"] });
    expect(sent.entry.key.startsWith(SENT_PLAN_PREFIX)).toBe(true);
    // Stored as JSON, next to the pane's settings, which the list never shows.
    expect([...storage.data.keys()].sort()).toEqual([sent.entry.key, "settings"].sort());

    const host = masterHost();
    const master = await wire(host, storage);
    expect(await master.consolidation.listSentPlans()).toEqual([{ ...sent.entry, included: false }]);
    const sources = await master.consolidation.includeSentPlan(sent.entry.key);
    expect(sources).toEqual([expect.objectContaining({ origin: "sent", fileName: "KH Sở Y tế 2025.xlsx", sentKey: sent.entry.key, sentAt: sent.entry.sentAt })]);
    expect(sources[0].preview).toMatchObject({ unitName: "Sở Y tế", nameSource: "title", delegations: 3, kept: 3 });
    expect((await master.consolidation.listSentPlans())[0].included).toBe(true);
    await master.consolidation.addFiles([await unitFile(B)]);

    const summary = await master.consolidation.merge();
    const outbound = table(host, MASTER_SHEET_NAMES.outbound);
    expect(column(outbound, "Tệp")).toEqual(["KH Sở Y tế 2025.xlsx", "KH Sở Y tế 2025.xlsx", "so-gd.xlsx", "so-gd.xlsx"]);
    // A real date in the unit's workbook is still a real date in the master.
    expect(column(outbound, "Từ ngày")[0]).toEqual(day(2025, 5, 4));
    expect(summary.units.map((u) => u.unit)).toEqual(["Sở Y tế", "Sở Giáo dục và Đào tạo"]);

    expect(await master.consolidation.deleteSentPlan(sent.entry.key)).toEqual([]);
    expect(master.consolidation.sources().map((s) => s.fileName)).toEqual(["so-gd.xlsx"]);
    expect([...storage.data.keys()]).toEqual(["settings"]);
  });

  it("a new send of the same unit and workbook replaces the earlier one; another unit's send stays", async () => {
    const storage = memoryPlanStorage();
    let clock = new Date("2025-11-20T03:00:00.000Z");
    const now = () => clock;
    const first = await wire(unitWorkbook(A, "a.xlsx"), storage, now);
    await first.consolidation.sendToMaster();
    const other = await wire(unitWorkbook(B, "b.xlsx"), storage, now);
    await other.consolidation.sendToMaster();
    clock = new Date("2025-11-21T08:00:00.000Z");
    const again = await first.consolidation.sendToMaster();
    expect(again.replaced).toBe(1);
    const listed = await first.consolidation.listSentPlans();
    expect(listed.map((e) => [e.unitName, e.sentAt])).toEqual([
      ["Sở Y tế", "2025-11-21T08:00:00.000Z"],
      ["Sở Giáo dục và Đào tạo", "2025-11-20T03:00:00.000Z"],
    ]);
  });

  it("refuses to send a workbook without a plan, and says so when the storage is full", async () => {
    const storage = memoryPlanStorage();
    const empty = await wire(new MemoryHost([{ name: "Ghi chú", originRow: 1, originCol: 1, values: [["Nháp"]], merges: [] }]), storage);
    await expect(empty.consolidation.sendToMaster()).rejects.toThrow(MESSAGES.noPlanToSend);

    const full = await wire(unitWorkbook(A, "a.xlsx"), storage);
    storage.set = async () => {
      throw new Error("QuotaExceededError");
    };
    await expect(full.consolidation.sendToMaster()).rejects.toThrow(MESSAGES.storageFull);
    storage.set = async () => {
      throw new Error("disk I/O error");
    };
    await expect(full.consolidation.sendToMaster()).rejects.toThrow(/Không lưu được kế hoạch vào bộ nhớ chung.*disk I\/O error/);
  });

  it("lists a damaged or foreign stored plan as unreadable, refuses to merge it and lets it be deleted", async () => {
    const storage = memoryPlanStorage();
    const key = `${SENT_PLAN_PREFIX}so%20y%20te/a.xlsx/2025-11-20T03:00:00.000Z`;
    storage.data.set(key, JSON.stringify({ version: 99, grids: "?" }));
    const { consolidation } = await wire(masterHost(), storage);
    const [entry] = await consolidation.listSentPlans();
    expect(entry).toMatchObject({ key, unitName: "so y te", workbookName: "a.xlsx", problem: MESSAGES.sentPlanUnreadable });
    await expect(consolidation.includeSentPlan(key)).rejects.toThrow(MESSAGES.sentPlanUnreadable);
    await expect(consolidation.includeSentPlan(`${SENT_PLAN_PREFIX}x/y/z`)).rejects.toThrow(MESSAGES.sentPlanGone);
    expect(await consolidation.deleteSentPlan(key)).toEqual([]);
  });
});

describe("unit identity in the pane (issue 11)", () => {
  it("stops and asks before a name that differs only by a tone mark, writes nothing, then merges both units when confirmed", async () => {
    const host = masterHost();
    const { consolidation } = await wire(host);
    await consolidation.addFiles([await unitFile({ file: "tan-hoa.xlsx", unit: "UBND xã Tân Hòa", outbound: [trip(1)] })]);
    await consolidation.merge();
    const written = structuredClone(host.tables);

    await consolidation.addFiles([await unitFile({ file: "tan-hoa-khac.xlsx", unit: "UBND xã Tân Hóa", outbound: [trip(2)] })]);
    const asked = await consolidation.merge().catch((error: unknown) => error);
    expect(isUnitConflictError(asked)).toBe(true);
    expect((asked as UnitConflictError).questions.join(" ")).toMatch(/chỉ khác nhau ở dấu(?=.*“UBND xã Tân Hòa”)(?=.*“UBND xã Tân Hóa”)/);
    expect(host.tables).toEqual(written);

    await consolidation.merge(undefined, { confirmUnits: true });
    expect(column(table(host, MASTER_SHEET_NAMES.outbound), "Đơn vị")).toEqual(["UBND xã Tân Hòa", "UBND xã Tân Hóa"]);
  });
});
