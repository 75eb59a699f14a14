import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import { MARK_STATE_KEY } from "../../src/excel/markState";
import { MAX_ADDRESS_LENGTH, SEVERITY_COLORS, isMarkFormula, planMarks, taggedNote } from "../../src/excel/marks";
import type { CellMark } from "../../src/workbook/types";
import { createWorkbook, installFakeExcel, sheetByName, snapshot, type FakeExcel, type WorkbookSpec } from "./fakeExcel";

let fake: FakeExcel;
afterEach(() => fake?.uninstall());

const USER_FORMAT = { type: "CellValue", address: "D2:D20", fill: "#00FF00" };
const USER_CUSTOM_FORMAT = { type: "Custom", address: "A1:A50", formula: "=ISTEXT(A1)", fill: "#EEEEEE" };

function spec(): WorkbookSpec {
  return {
    sheets: [
      {
        name: "Đoàn ra",
        values: [["TT", "Tên đoàn", "Trưởng đoàn", "Số người", "Nước đến"], ...Array.from({ length: 20 }, (_, i) => [i + 1, `Đoàn ${i + 1}`, "Bộ trưởng", 5, "Nhat Ban"])],
        conditionalFormats: [USER_FORMAT, USER_CUSTOM_FORMAT],
        notes: { E3: "Ghi chú của người dùng" },
      },
      { name: "Đoàn vào", values: [["TT", "Tên đoàn"], [1, "Đoàn A"]] },
    ],
  };
}

function setup(options: Parameters<typeof installFakeExcel>[1] = {}, workbook: WorkbookSpec = spec()) {
  fake = installFakeExcel(createWorkbook(workbook), options);
  return new ExcelWorkbookHost();
}

const MARKS: CellMark[] = [
  { sheet: "Đoàn ra", row: 2, column: 5, severity: "error", message: "Tên nước không chuẩn: “Nhat Ban”." },
  { sheet: "Đoàn ra", row: 2, column: 5, severity: "warning", message: "Nên ghi rõ thành phố." },
  { sheet: "Đoàn ra", row: 3, column: 5, severity: "error", message: "Tên nước không chuẩn." },
  { sheet: "Đoàn ra", row: 4, column: 3, severity: "warning", message: "Chức vụ không có trong danh mục." },
  { sheet: "Đoàn ra", row: 5, column: 2, severity: "info", message: "Tên đoàn ngắn." },
  { sheet: "Đoàn vào", row: 2, column: 2, severity: "error", message: "Thiếu thời gian." },
];

function ourFormats(sheetName: string) {
  return sheetByName(fake.workbook, sheetName).conditionalFormats.filter((cf) => isMarkFormula(cf.formula));
}

describe("ExcelWorkbookHost.applyMarks", () => {
  it("colours cells by their most severe finding with conditional formats over RangeAreas", async () => {
    const host = setup();
    const valuesBefore = JSON.stringify(snapshot(fake.workbook), (key, value) => (key === "conditionalFormats" || key === "notes" || key === "settings" ? undefined : value));
    await host.applyMarks(MARKS);

    const formats = ourFormats("Đoàn ra");
    const bySeverity = (fill: string) => formats.filter((cf) => cf.fill === fill).flatMap((cf) => cf.areas);
    expect(bySeverity(SEVERITY_COLORS.error.fill)).toEqual([{ top: 2, left: 5, bottom: 3, right: 5 }]);
    expect(bySeverity(SEVERITY_COLORS.warning.fill)).toEqual([{ top: 4, left: 3, bottom: 4, right: 3 }]);
    expect(bySeverity(SEVERITY_COLORS.info.fill)).toEqual([{ top: 5, left: 2, bottom: 5, right: 2 }]);
    expect(formats.map((cf) => cf.type)).toEqual(["Custom", "Custom", "Custom"]);
    expect(formats.find((cf) => cf.fill === SEVERITY_COLORS.error.fill)).toMatchObject({ formula: '=ISTEXT("dplan-mark:error")', fontColor: SEVERITY_COLORS.error.font });
    expect(ourFormats("Đoàn vào")).toHaveLength(1);

    const valuesAfter = JSON.stringify(snapshot(fake.workbook), (key, value) => (key === "conditionalFormats" || key === "notes" || key === "settings" ? undefined : value));
    expect(valuesAfter).toBe(valuesBefore);
    await host.clearMarks();
    expect(new Set(fake.stats.writes)).toEqual(
      new Set(["ConditionalFormatCollection.add", "ConditionalFormatRule.formula", "Fill.color", "Font.color", "NoteCollection.add", "ConditionalFormat.delete", "Note.delete"]),
    );
  });

  it("writes the messages as notes (ExcelApi 1.18), never over a user's note", async () => {
    const host = setup();
    await host.applyMarks(MARKS);
    const notes = sheetByName(fake.workbook, "Đoàn ra").notes;
    expect(notes.get("E2")?.content).toBe(taggedNote("Tên nước không chuẩn: “Nhat Ban”.\nNên ghi rõ thành phố."));
    expect(notes.get("E3")).toEqual({ content: "Ghi chú của người dùng", author: "Người dùng" });
    expect(notes.get("C4")?.content).toBe(taggedNote("Chức vụ không có trong danh mục."));
    expect(sheetByName(fake.workbook, "Đoàn vào").notes.get("B2")?.content).toBe(taggedNote("Thiếu thời gian."));
  });

  it("adds no notes and uses no newer API on ExcelApi 1.9", async () => {
    const host = setup({ apiVersion: "1.9" });
    expect(host.capabilities).toEqual({ notes: false, undoGroup: false, charts: true });
    await host.applyMarks(MARKS);
    expect(ourFormats("Đoàn ra")).toHaveLength(3);
    expect([...sheetByName(fake.workbook, "Đoàn ra").notes.keys()]).toEqual(["E3"]);
    expect(fake.stats.runs.every((run) => Object.keys(run.options).length === 0)).toBe(true);
    await host.clearMarks();
    expect(ourFormats("Đoàn ra")).toHaveLength(0);
  });

  it("makes a check one undo step with ExcelApi 1.20, and one step per writing sync before", async () => {
    let host = setup();
    await host.applyMarks(MARKS);
    expect(fake.stats.runs[0].options).toMatchObject({ mergeUndoGroup: true });
    expect(fake.stats.undoSteps).toBe(1);
    fake.uninstall();

    host = setup({ apiVersion: "1.19" });
    await host.applyMarks(MARKS);
    expect(fake.stats.runs[0].options.mergeUndoGroup).toBeUndefined();
    expect(fake.stats.undoSteps).toBe(1); // its single writing sync
  });

  it("splits long address lists into several RangeAreas, each address under 8,192 characters", async () => {
    const scattered: CellMark[] = [];
    for (let row = 2; row <= 4_000; row += 2) for (const column of [2, 5, 9]) scattered.push({ sheet: "Đoàn ra", row, column, severity: "error", message: "Lỗi." });
    const plans = planMarks(scattered);
    expect(plans[0].areas.length).toBeGreaterThan(1);
    expect(plans[0].areas.every((area) => area.address.length < MAX_ADDRESS_LENGTH)).toBe(true);

    const host = setup();
    await host.applyMarks(scattered);
    const formats = ourFormats("Đoàn ra");
    expect(formats).toHaveLength(plans[0].areas.length);
    const cells = formats.flatMap((cf) => cf.areas).reduce((sum, a) => sum + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
    expect(cells).toBe(scattered.length);
    expect(fake.stats.syncs).toBe(2);
  });

  it("re-checking replaces the previous marks", async () => {
    const host = setup();
    await host.applyMarks(MARKS);
    await host.applyMarks([{ sheet: "Đoàn ra", row: 10, column: 2, severity: "warning", message: "Mới." }]);
    const formats = ourFormats("Đoàn ra");
    expect(formats.map((cf) => cf.areas)).toEqual([[{ top: 10, left: 2, bottom: 10, right: 2 }]]);
    expect(ourFormats("Đoàn vào")).toHaveLength(0);
    const notes = sheetByName(fake.workbook, "Đoàn ra").notes;
    expect([...notes.keys()].sort()).toEqual(["B10", "E3"]);
    expect(sheetByName(fake.workbook, "Đoàn vào").notes.size).toBe(0);
  });

  it("replaces its own note when the same cell is marked again", async () => {
    const host = setup();
    await host.applyMarks(MARKS);
    await host.applyMarks([{ sheet: "Đoàn ra", row: 2, column: 5, severity: "error", message: "Thông điệp mới." }]);
    expect(sheetByName(fake.workbook, "Đoàn ra").notes.get("E2")?.content).toBe(taggedNote("Thông điệp mới."));
  });
});

describe("ExcelWorkbookHost.clearMarks", () => {
  it("restores the workbook exactly, the user's formats and note included", async () => {
    const host = setup();
    const before = snapshot(fake.workbook);
    await host.applyMarks(MARKS);
    expect(snapshot(fake.workbook)).not.toEqual(before);
    await host.clearMarks();
    expect(snapshot(fake.workbook)).toEqual(before);
  });

  it("survives closing and reopening the workbook (a new host over the same file)", async () => {
    const first = setup();
    const before = snapshot(fake.workbook);
    await first.applyMarks(MARKS);
    expect(fake.workbook.settings[MARK_STATE_KEY]).toBeDefined();

    fake.reopen();
    const second = new ExcelWorkbookHost();
    await second.clearMarks();
    expect(snapshot(fake.workbook)).toEqual(before);
  });

  it("keeps a note of ours the user has edited since (it is theirs now)", async () => {
    const host = setup();
    await host.applyMarks(MARKS);
    sheetByName(fake.workbook, "Đoàn ra").notes.get("C4")!.content = "Đã kiểm tra lại với Vụ Tổ chức.";
    await host.clearMarks();
    const notes = sheetByName(fake.workbook, "Đoàn ra").notes;
    expect(notes.get("C4")?.content).toBe("Đã kiểm tra lại với Vụ Tổ chức.");
    expect(notes.has("E2")).toBe(false);
    expect(ourFormats("Đoàn ra")).toHaveLength(0);
  });

  it("still clears when a marked sheet was deleted, and finds a renamed one by its id", async () => {
    const host = setup();
    await host.applyMarks(MARKS);
    fake.workbook.sheets = fake.workbook.sheets.filter((sheet) => sheet.name !== "Đoàn vào");
    sheetByName(fake.workbook, "Đoàn ra").name = "Đoàn ra (sửa)";
    fake.resetStats();
    await host.clearMarks();
    expect(ourFormats("Đoàn ra (sửa)")).toHaveLength(0);
    expect([...sheetByName(fake.workbook, "Đoàn ra (sửa)").notes.keys()]).toEqual(["E3"]);
    expect(fake.stats.syncs).toBe(4); // refused optimistic read + list of sheets + read again + write
    expect(fake.workbook.settings[MARK_STATE_KEY]).toBeUndefined();
  });

  it("removes marks a user copied along with a cell (recognised by the formula marker)", async () => {
    const host = setup();
    await host.applyMarks(MARKS);
    const sheet = sheetByName(fake.workbook, "Đoàn ra");
    const copied = { ...sheet.conditionalFormats.find((cf) => isMarkFormula(cf.formula))!, id: "{copy}", areas: [{ top: 30, left: 1, bottom: 30, right: 1 }] };
    sheet.conditionalFormats.push(copied);
    await host.clearMarks();
    expect(ourFormats("Đoàn ra")).toHaveLength(0);
    expect(sheet.conditionalFormats.map((cf) => cf.fill)).toEqual([USER_FORMAT.fill, USER_CUSTOM_FORMAT.fill]);
  });

  it("leaves its notes for a newer Excel when reopened in one without notes, which then removes them", async () => {
    const host = setup();
    const before = snapshot(fake.workbook);
    await host.applyMarks(MARKS);

    fake.reopen();
    fake.env.apiVersion = "1.9";
    await new ExcelWorkbookHost().clearMarks();
    expect(ourFormats("Đoàn ra")).toHaveLength(0);
    expect(sheetByName(fake.workbook, "Đoàn ra").notes.has("E2")).toBe(true);

    fake.reopen();
    fake.env.apiVersion = "1.18";
    await new ExcelWorkbookHost().clearMarks();
    expect(snapshot(fake.workbook)).toEqual(before);
  });

  it("does nothing at all when there is nothing of its own to clear", async () => {
    const host = setup();
    await host.clearMarks();
    expect(fake.stats.syncs).toBe(0);
    expect(fake.settingsSaves).toBe(0);
  });

  it("reports a failure to save its state in Vietnamese", async () => {
    const host = setup({ failSettingsSave: true });
    await expect(host.applyMarks(MARKS)).rejects.toMatchObject({ code: "markFailed", message: expect.stringContaining("Không đánh dấu được các ô có lỗi") });
  });
});
