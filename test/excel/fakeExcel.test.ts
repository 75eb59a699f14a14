/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
   these tests commit the mistakes on purpose, to show the fake fails them as Office.js does. */
/**
 * The fake itself must be honest, or the host's tests prove nothing: reads need load + sync, commands
 * run only at sync and in order, null objects and newer APIs fail loudly, payloads are capped.
 */
import { createWorkbook, installFakeExcel, snapshot, type FakeExcel } from "./fakeExcel";

let fake: FakeExcel;
afterEach(() => fake.uninstall());

function setup(options: Parameters<typeof installFakeExcel>[1] = {}) {
  fake = installFakeExcel(createWorkbook({ sheets: [{ name: "S", values: [["a", 1], ["b", 2]] }] }), options);
}

describe("fake Excel", () => {
  it("throws PropertyNotLoaded for a property read without load, or loaded but not synced", async () => {
    setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:B2");
      expect(() => range.values).toThrow(/not available/);
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([["a", 1], ["b", 2]]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("runs commands only at sync, in order, and counts the syncs", async () => {
    setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1");
      range.values = [["x"]];
      expect(fake.workbook.sheets[0].cells.get("1,1")?.value).toBe("a");
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([["x"]]);
    });
    expect(fake.stats.syncs).toBe(1);
  });

  it("tells isNullObject only after a sync, and refuses to use a null object", async () => {
    setup();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Không có");
      expect(() => missing.isNullObject).toThrow(/not available/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      missing.getRange("A1").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "FakeNullObjectUsed" });
    });
  });

  it("fails getItem of a missing sheet with ItemNotFound at sync", async () => {
    setup();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Không có").load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("hands a method's result (getCount) only after a sync, and fails getItem of a missing note or format at sync", async () => {
    fake = installFakeExcel(
      createWorkbook({ sheets: [{ name: "S", values: [["a"]], notes: { A1: "n" }, conditionalFormats: [{ type: "Custom", address: "A1", formula: "=TRUE" }] }] }),
    );
    // A conditional format's id is its priority: "0" for the only one.
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      const count = sheet.notes.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheet.getRange().conditionalFormats.getItem("0").delete();
      await context.sync();
      expect(count.value).toBe(1);
      expect(fake.workbook.sheets[0].conditionalFormats).toHaveLength(0);

      sheet.notes.getItem("B2").delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      sheet.getRange().conditionalFormats.getItem("0").delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      sheet.notes.getItem("A1").content = "m";
      await context.sync();
    });
    expect(fake.workbook.sheets[0].notes.get("A1")?.content).toBe("m");
    // Write calls are counted when queued, even those whose sync then failed.
    expect(fake.stats.queuedWrites).toBe(4);
    expect(fake.stats.writes).toEqual(["ConditionalFormat.delete", "Note.content"]);
  });

  it("refuses APIs and run options above the configured requirement set", async () => {
    setup({ apiVersion: "1.12" });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      expect(() => sheet.notes).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
      expect(() => sheet.getRange().getMergedAreasOrNullObject()).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
    });
    await expect(Excel.run({ mergeUndoGroup: true }, async () => undefined)).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
  });

  it("refuses a response over the payload limit and hands out nothing from it", async () => {
    fake = installFakeExcel(createWorkbook({ sheets: [{ name: "S", values: Array.from({ length: 50 }, (_, i) => [`dòng ${i}`, i]) }] }), { payloadLimitBytes: 300 });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:B50");
      range.load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      expect(() => range.values).toThrow(/not available/);
    });
    expect(fake.stats.refusedSyncs).toBe(1);
  });

  it("parses typed input like Excel: apostrophe keeps text, = makes a formula, digits make numbers", async () => {
    setup();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:D1").values = [["'=1+1", "=1+1", "007", "'007"]];
      await context.sync();
    });
    const cells = fake.workbook.sheets[0].cells;
    expect(cells.get("1,1")).toEqual({ value: "=1+1", textPrefix: true });
    expect(cells.get("1,2")).toEqual({ formula: "=1+1" });
    expect(cells.get("1,3")).toEqual({ value: 7 });
    expect(cells.get("1,4")).toEqual({ value: "007", textPrefix: true });
  });

  it("keeps unsaved settings only until the workbook is reopened", async () => {
    setup();
    Office.context.document.settings.set("k", 1);
    fake.reopen();
    expect(Office.context.document.settings.get("k")).toBeNull();
    Office.context.document.settings.set("k", 2);
    await new Promise<void>((resolve) => Office.context.document.settings.saveAsync(() => resolve()));
    fake.reopen();
    expect(Office.context.document.settings.get("k")).toBe(2);
    expect((snapshot(fake.workbook) as { settings: unknown }).settings).toEqual({ k: 2 });
  });

  it("documented behaviours: a format's id is its priority, a deleted sheet's references become #REF!, values null past the cell limit", async () => {
    fake = installFakeExcel(
      createWorkbook({
        sheets: [
          { name: "S", values: [["a", 1], ["b", 2]], conditionalFormats: [{ type: "CellValue", address: "A1" }] },
          { name: "T", values: [["x"]] },
        ],
      }),
      { maxCellsPerRead: 3 },
    );
    fake.workbook.sheets[1].cells.set("2,1", { formula: "=S!A1+'S'!B2" });
    await Excel.run(async (context) => {
      const formats = context.workbook.worksheets.getItem("S").getRange().conditionalFormats;
      formats.add("Custom").custom.rule.formula = "=TRUE";
      formats.load("items/id,items/type");
      const values = context.workbook.worksheets.getItem("S").getRange("A1:B2");
      values.load("values");
      await context.sync();
      // The format added went to the top: the user's is now at priority 1.
      expect(formats.items.map((item) => [item.id, item.type])).toEqual([["0", "Custom"], ["1", "CellValue"]]);
      expect(values.values).toBeNull();
    });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").delete();
      await context.sync();
    });
    expect(fake.workbook.sheets[0].cells.get("2,1")?.formula).toBe("=#REF!+#REF!");
  });
});
