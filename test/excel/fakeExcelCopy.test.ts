/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read --
   one test reads before loading on purpose, to show the fake fails it as Office.js does. */
/**
 * The fake's Worksheet.copy and Range.copyFrom (behaviours.ts cites the reference): what the Excel host's
 * carry relies on, and the harsher readings it must cope with.
 */
import { cellKey, createWorkbook, installFakeExcel, sheetByName, type FakeExcel } from "./fakeExcel";

let fake: FakeExcel;
afterEach(() => fake.uninstall());

function setup(apiVersion = "1.20") {
  fake = installFakeExcel(
    createWorkbook({
      sheets: [
        { name: "Tổng hợp", values: [["Tên", "Số"], ["Đoàn A", 3], ["Đoàn B", 4]], notes: { A2: "ghi chú" }, validations: [{ address: "B2", rule: { list: { source: "1,2,3" } } }] },
        { name: "Khác", values: [["x"]] },
      ],
    }),
    { apiVersion },
  );
  const master = sheetByName(fake.workbook, "Tổng hợp");
  master.cells.set(cellKey(2, 3), { formula: "=B2*10+$B$3", fill: "#FFFF00" });
  master.conditionalFormats.push({ id: "{CF-1}", type: "Custom", formula: "=C2>20", fill: "#FFC7CE", areas: [{ top: 2, left: 3, bottom: 3, right: 3 }] });
  return master;
}

describe("Worksheet.copy (ExcelApi 1.7)", () => {
  it("copies the sheet at the asked position under a name of Excel's; the copy is used through the returned proxy", async () => {
    setup();
    await Excel.run(async (context) => {
      const copy = context.workbook.worksheets.getItem("Tổng hợp").copy("End");
      copy.load("name");
      await context.sync();
      expect(copy.name).toBe("Tổng hợp (2)");
    });
    const copy = sheetByName(fake.workbook, "Tổng hợp (2)");
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Tổng hợp", "Khác", "Tổng hợp (2)"]);
    expect(copy.cells.get(cellKey(2, 3))).toEqual({ formula: "=B2*10+$B$3", fill: "#FFFF00" });
    expect(copy.notes.get("A2")?.content).toBe("ghi chú");
    expect(copy.conditionalFormats.map((format) => format.formula)).toEqual(["=C2>20"]);
  });

  it("inserts at the beginning by default, and is refused under a protected workbook structure or below ExcelApi 1.7", async () => {
    setup();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Khác").copy();
      await context.sync();
    });
    expect(fake.workbook.sheets[0].name).toBe("Khác (2)");
    fake.workbook.structureProtected = true;
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Khác").copy("End");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    fake.uninstall();
    setup("1.6");
    await expect(Excel.run(async (context) => void context.workbook.worksheets.getItem("Khác").copy("End"))).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("Range.copyFrom (ExcelApi 1.9)", () => {
  it("pastes from another sheet: values, formulas moved by the offset ($ kept), formats, validation and conditional formats — not notes", async () => {
    setup();
    await Excel.run(async (context) => {
      const copy = context.workbook.worksheets.getItem("Tổng hợp").copy("End");
      context.workbook.worksheets.getItem("Tổng hợp").getRange("A5:C5").copyFrom(copy.getRange("A2:C2"), "All");
      await context.sync();
    });
    const master = sheetByName(fake.workbook, "Tổng hợp");
    expect(master.cells.get(cellKey(5, 1))?.value).toBe("Đoàn A");
    expect(master.cells.get(cellKey(5, 3))).toEqual({ formula: "=B5*10+$B$3", fill: "#FFFF00" });
    expect(master.validations.get(cellKey(5, 2))?.rule).toEqual({ list: { source: "1,2,3" } });
    expect(master.conditionalFormats[0]).toEqual(expect.objectContaining({ formula: "=C5>20", areas: [{ top: 5, left: 3, bottom: 5, right: 3 }] }));
    expect(master.notes.has("A5")).toBe(false);
  });

  it("an empty source cell empties the destination; a single destination cell grows to the source's size", async () => {
    const master = setup();
    master.cells.set(cellKey(7, 2), { value: "cũ", bold: true });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Tổng hợp").getRange("A6").copyFrom("A3:B4");
      await context.sync();
    });
    expect(master.cells.get(cellKey(6, 1))?.value).toBe("Đoàn B");
    expect(master.cells.has(cellKey(7, 2))).toBe(false);
  });

  it("fails when the source's sheet was deleted before the request ran; reads still need load + sync", async () => {
    setup();
    await expect(
      Excel.run(async (context) => {
        const copy = context.workbook.worksheets.getItem("Tổng hợp").copy("End");
        const target = context.workbook.worksheets.getItem("Tổng hợp").getRange("A9:B9");
        copy.delete();
        target.copyFrom(copy.getRange("A2:B2"));
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Tổng hợp").getRange("C2");
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("formulas");
      await context.sync();
      expect(range.formulas).toEqual([["=B2*10+$B$3"]]);
    });
  });

  it("models only what it was told: another copy type or a destination of another shape fails the test", async () => {
    setup();
    await expect(Excel.run(async (context) => void context.workbook.worksheets.getItem("Tổng hợp").getRange("A5").copyFrom("A2", "Values"))).rejects.toThrow(/not modelled/);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Tổng hợp").getRange("A5:A6").copyFrom("A2:B2");
        await context.sync();
      }),
    ).rejects.toThrow(/not modelled/);
  });
});
