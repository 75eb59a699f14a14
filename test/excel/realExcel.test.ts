/**
 * The add-in against Excel as documented (test/excel/fakeExcel/behaviours.ts and userActions.ts cite
 * each behaviour's source). Each test is a situation real Excel produces and the code must survive.
 */
import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import { isMarkFormula, isTaggedNote, taggedNote } from "../../src/excel/marks";
import { LISTS_SHEET, type CellMark, type StandardList } from "../../src/workbook/types";
import { createWorkbook, installFakeExcel, sheetByName, type FakeExcel, type WorkbookSpec } from "./fakeExcel";
import { MAX_MERGED_AREAS } from "./fakeExcel/behaviours";
import { noteAddresses, protectSheet, shiftRows, sortRows, undoLastRun } from "./fakeExcel/userActions";

let fake: FakeExcel;
afterEach(() => fake?.uninstall());

const SHEET = "Đoàn ra";

function plan(rows = 12): WorkbookSpec {
  return {
    sheets: [
      {
        name: SHEET,
        values: [["TT", "Tên đoàn", "Trưởng đoàn", "Số người", "Nước đến"], ...Array.from({ length: rows }, (_, i) => [i + 1, `Đoàn ${String.fromCharCode(76 - i)}`, "Bộ trưởng", 5, "Nhat Ban"])],
        notes: { A1: "Ghi chú của người dùng" },
      },
      { name: "Đoàn vào", values: [["TT", "Tên đoàn"], [1, "Đoàn A"]] },
    ],
  };
}

function setup(workbook: WorkbookSpec = plan(), options: Parameters<typeof installFakeExcel>[1] = {}) {
  fake = installFakeExcel(createWorkbook(workbook), options);
  return new ExcelWorkbookHost();
}

const mark = (row: number, message: string, sheet = SHEET): CellMark => ({ sheet, row, column: 5, severity: "error", message });

function ourFormats(name = SHEET) {
  return sheetByName(fake.workbook, name).conditionalFormats.filter((format) => isMarkFormula(format.formula));
}

function ourNotes(name = SHEET) {
  return [...sheetByName(fake.workbook, name).notes].filter(([, note]) => isTaggedNote(note.content)).map(([address]) => address);
}

describe("undo groups (UndoNotSupported on Windows and Mac)", () => {
  const LISTS: StandardList[] = [{ id: "countries", title: "Nước", items: ["Lào", "Nhật Bản"] }];

  it.each(["Windows", "Mac", "Web"] as const)("dropdowns create and hide the lists sheet on %s", async (platform) => {
    const host = setup(plan(), { platform });
    await host.setDropdowns(LISTS, [{ sheet: SHEET, column: 5, firstRow: 2, lastRow: 13, list: "countries" }]);
    expect(sheetByName(fake.workbook, LISTS_SHEET).visibility).toBe("VeryHidden");
  });

  it("a check's marks are still one undo step", async () => {
    const host = setup();
    await host.applyMarks([mark(2, "Sai tên nước."), mark(3, "Sai tên nước.", "Đoàn vào")]);
    expect(fake.stats.runs.at(-1)?.options.mergeUndoGroup).toBe(true);
    expect(fake.stats.undoSteps).toBe(1);
  });

  it("the simulator refuses a sheet deletion inside an undo group", async () => {
    setup();
    const run = Excel.run as unknown as (options: object, batch: (context: Excel.RequestContext) => Promise<void>) => Promise<void>;
    await expect(
      run({ mergeUndoGroup: true }, async (context) => {
        context.workbook.worksheets.getItem("Đoàn vào").delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "UndoNotSupported" });
  });
});

describe("merged areas (more than 512 fail, losing their whole sync)", () => {
  it("reads the values anyway and keeps the header's merges", async () => {
    const workbook = plan(700);
    // Two header merges, then one merged pair of cells per data row further down: over the limit.
    workbook.sheets[0].merges = ["A1:B1", "C1:D1", ...Array.from({ length: MAX_MERGED_AREAS + 50 }, (_, i) => `F${100 + i}:G${100 + i}`)];
    const host = setup(workbook);
    const [grid] = await host.readSheets();
    expect(grid.values).toHaveLength(701);
    expect(grid.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 1, left: 3, bottom: 1, right: 4 },
    ]);
  });
});

describe("Range.values null above the cell limit (office-js-docs-pr#5821)", () => {
  it("falls back to chunks instead of crashing", async () => {
    const host = setup(plan(40), { maxCellsPerRead: 60 });
    const [grid] = await host.readSheets();
    expect(grid.values).toHaveLength(41);
    expect(grid.values[40][1]).toBe(`Đoàn ${String.fromCharCode(76 - 39)}`);
  });
});

describe("conditional formats: id = priority, unreadable rules, ItemNotFound", () => {
  it("a format the user adds between read and mark shifts the ids: the user's survives, ours are replaced", async () => {
    const host = setup();
    await host.applyMarks([mark(2, "a"), mark(4, "b")]);
    await host.readSheets();
    // The user adds a rule (at the top priority) before the add-in marks again.
    sheetByName(fake.workbook, SHEET).conditionalFormats.unshift({ id: "user", type: "CellValue", areas: [{ top: 2, left: 1, bottom: 20, right: 1 }], fill: "#00FF00" });
    await host.applyMarks([mark(3, "c")]);
    const formats = sheetByName(fake.workbook, SHEET).conditionalFormats;
    expect(formats.filter((format) => format.id === "user")).toHaveLength(1);
    expect(ourFormats().flatMap((format) => format.areas)).toEqual([{ top: 3, left: 5, bottom: 3, right: 5 }]);
  });

  it("a user's rule Excel cannot read never fails the check, and is kept", async () => {
    const workbook = plan();
    workbook.sheets[0].conditionalFormats = [
      { type: "CellValue", address: "D2:D13", fill: "#FF0000", unreadable: true },
      { type: "Custom", address: "B2:B13", formula: "=LEN(B2)>20", fill: "#EEEEEE", unreadable: true },
    ];
    const host = setup(workbook);
    await host.applyMarks([mark(2, "a")]);
    await host.applyMarks([mark(5, "b")]);
    expect(ourFormats().flatMap((format) => format.areas)).toEqual([{ top: 5, left: 5, bottom: 5, right: 5 }]);
    await host.clearMarks();
    expect(ourFormats()).toHaveLength(0);
    expect(sheetByName(fake.workbook, SHEET).conditionalFormats).toHaveLength(2);
  });

  it("a delete refused with ItemNotFound (office-js#5222) is retried: no duplicate marks, the user's rule kept", async () => {
    const workbook = plan();
    workbook.sheets[0].conditionalFormats = [{ type: "CellValue", address: "E2:E13", fill: "#00FF00" }];
    const host = setup(workbook);
    await host.applyMarks([mark(2, "a")]);
    await host.applyMarks([mark(2, "a"), mark(3, "b")]);
    expect(ourFormats()).toHaveLength(1);
    expect(ourFormats()[0].areas).toEqual([{ top: 2, left: 5, bottom: 3, right: 5 }]);
    await host.clearMarks();
    expect(sheetByName(fake.workbook, SHEET).conditionalFormats.map((format) => format.type)).toEqual(["CellValue"]);
  });
});

describe("notes move with their cells; undo brings them back", () => {
  it("rows inserted above a noted cell: the re-check leaves no orphan note and clear removes every one", async () => {
    const host = setup();
    await host.applyMarks([mark(3, "Sai tên nước.")]);
    shiftRows(sheetByName(fake.workbook, SHEET), 2, 2); // the user inserts two rows above
    expect(ourNotes()).toEqual(["E5"]);
    await host.applyMarks([mark(5, "Sai tên nước."), mark(8, "Thiếu thời gian.")]);
    expect(ourNotes().sort()).toEqual(["E5", "E8"]);
    await host.clearMarks();
    expect(ourNotes()).toEqual([]);
    expect(noteAddresses(sheetByName(fake.workbook, SHEET))).toEqual(["A1"]);
  });

  it("a deleted row takes its note; a sort moves notes: the next clear finds every note where it went", async () => {
    const host = setup();
    await host.applyMarks([mark(2, "một"), mark(4, "hai"), mark(6, "ba")]);
    shiftRows(sheetByName(fake.workbook, SHEET), 4, -1);
    sortRows(sheetByName(fake.workbook, SHEET), 2, 12, 2);
    expect(ourNotes()).toHaveLength(2);
    expect(ourNotes()).not.toEqual(["E2", "E5"]);
    await host.clearMarks();
    expect(ourNotes()).toEqual([]);
  });

  it("undo after a clear brings notes the state no longer lists: the next check or clear removes them", async () => {
    const host = setup();
    await host.applyMarks([mark(2, "một"), mark(3, "hai")]);
    await host.clearMarks();
    undoLastRun(fake);
    expect(ourNotes()).toEqual(["E2", "E3"]);
    await host.applyMarks([mark(4, "bốn")]);
    expect(ourNotes()).toEqual(["E4"]);
  });

  it("recognises its note whatever line ends the platform hands back, and not a user's copy of the tag", () => {
    const note = taggedNote("Sai tên nước.\nNên ghi rõ thành phố.");
    expect(isTaggedNote(note.replace(/\n/g, "\r\n"))).toBe(true);
    expect(isTaggedNote(note.replace("Sai", "Đúng"))).toBe(false);
  });

  it("a note of ours the user edited is theirs: kept by the clear", async () => {
    const host = setup();
    await host.applyMarks([mark(2, "Sai tên nước.")]);
    const note = sheetByName(fake.workbook, SHEET).notes.get("E2");
    expect(note?.content).toBe(taggedNote("Sai tên nước."));
    note!.content = note!.content.replace("Sai tên nước.", "Đã xác minh với Vụ Tổng hợp.");
    await host.clearMarks();
    expect(sheetByName(fake.workbook, SHEET).notes.get("E2")?.content).toContain("Đã xác minh");
  });
});

describe("protected sheets (AccessDenied)", () => {
  it("one protected sheet stops no other: it is skipped and named", async () => {
    const host = setup();
    protectSheet(fake.workbook, "Đoàn vào");
    const outcome = await host.applyMarks([mark(2, "a"), { sheet: "Đoàn vào", row: 2, column: 2, severity: "error", message: "b" }]);
    expect(outcome).toEqual({ protectedSheets: ["Đoàn vào"] });
    expect(ourFormats()).toHaveLength(1);
    expect(ourFormats("Đoàn vào")).toHaveLength(0);
    // Unprotected later, its marks come on the next check.
    protectSheet(fake.workbook, "Đoàn vào", false);
    await host.applyMarks([{ sheet: "Đoàn vào", row: 2, column: 2, severity: "error", message: "b" }]);
    expect(ourFormats("Đoàn vào")).toHaveLength(1);
    expect(ourFormats()).toHaveLength(0);
  });

  it("a protected workbook structure: writing a table says so in Vietnamese", async () => {
    const host = setup();
    fake.workbook.structureProtected = true;
    await expect(host.writeTable({ sheet: "Thống kê", headerRows: 1, rows: [["a"]] })).rejects.toMatchObject({ code: "accessDenied", message: expect.stringContaining("bỏ bảo vệ") });
  });
});

describe("another workbook has the focus", () => {
  it("select says to click into this workbook, not a generic failure", async () => {
    const host = setup();
    fake.env.otherWorkbookFocused = true;
    await expect(host.selectCell(SHEET, 2, 5)).rejects.toMatchObject({ code: "otherWorkbookFocused", message: expect.stringContaining("bấm vào sổ làm việc này rồi thử lại") });
    fake.env.otherWorkbookFocused = false;
    await host.selectCell(SHEET, 2, 5);
    expect(fake.workbook.selection).toEqual({ sheet: SHEET, address: "E2" });
  });
});

describe("sheet replacement keeps the user's references", () => {
  it("rewriting a master sheet in place leaves formulas and list sources that point at it intact", async () => {
    const host = setup();
    await host.writeTable({ sheet: "Tổng hợp đoàn ra", headerRows: 1, rows: [["TT", "Tên đoàn"], [1, "Đoàn A"]] });
    const other = sheetByName(fake.workbook, "Đoàn vào");
    other.cells.set("5,1", { formula: "='Tổng hợp đoàn ra'!B2" });
    other.validations.set("5,2", { rule: { list: { source: "='Tổng hợp đoàn ra'!$B$2:$B$50" } } });
    await host.writeTable({ sheet: "Tổng hợp đoàn ra", headerRows: 1, rows: [["TT", "Tên đoàn"], [1, "Đoàn B"], [2, "Đoàn C"]] });
    expect(other.cells.get("5,1")?.formula).toBe("='Tổng hợp đoàn ra'!B2");
    expect(other.validations.get("5,2")?.rule).toEqual({ list: { source: "='Tổng hợp đoàn ra'!$B$2:$B$50" } });
    expect(sheetByName(fake.workbook, "Tổng hợp đoàn ra").cells.get("3,2")?.value).toBe("Đoàn C");
  });
});
