/**
 * The fake's special cells (behaviours.ts, "Special cells"): as the reference and the special-cells article
 * describe them, with the harsher readings where they are silent.
 */
import { createWorkbook, installFakeExcel, type FakeExcel } from "./fakeExcel";
import { cellKey } from "./fakeExcel/model";

let fake: FakeExcel;
afterEach(() => fake.uninstall());

function setup(options: Parameters<typeof installFakeExcel>[1] = {}) {
  const workbook = createWorkbook({ sheets: [{ name: "S", values: [["a", "b", null, "c"], [1, 2]] }, { name: "Trống" }] });
  workbook.sheets[0].cells.set(cellKey(3, 2), { formula: "=A2+B2" });
  fake = installFakeExcel(workbook, options);
}

describe("fake Excel: special cells", () => {
  it("gives constants and formulas as RangeAreas, one area per run of cells in a row", async () => {
    setup();
    await Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem("S").getUsedRangeOrNullObject(true);
      const constants = used.getSpecialCellsOrNullObject("Constants");
      const formulas = used.getSpecialCellsOrNullObject("Formulas");
      constants.load("address,areaCount");
      formulas.load("address");
      await context.sync();
      expect(constants.address).toBe("S!A1:B1, S!D1, S!A2:B2");
      expect(constants.areaCount).toBe(3);
      expect(formulas.address).toBe("S!B3");
    });
  });

  it("fails getSpecialCells with ItemNotFound at the sync when no cell matches, loaded or not; the OrNullObject variant is a null object", async () => {
    setup();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("F1:G9").getSpecialCells("Constants");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      const none = context.workbook.worksheets.getItem("S").getRange("F1:G9").getSpecialCellsOrNullObject("Formulas");
      await context.sync();
      expect(none.isNullObject).toBe(true);
    });
  });

  it("needs ExcelApi 1.9 and sends the address within the payload limit", async () => {
    setup({ apiVersion: "1.8" });
    await Excel.run(async (context) => {
      expect(() => context.workbook.worksheets.getItem("S").getRange().getSpecialCellsOrNullObject("Constants")).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
    });
    fake.uninstall();
    setup({ payloadLimitBytes: 1_000 });
    const sheet = fake.workbook.sheets[1];
    for (let row = 1; row <= 200; row += 2) sheet.cells.set(cellKey(row, 1), { value: row });
    await Excel.run(async (context) => {
      const found = context.workbook.worksheets.getItem("Trống").getRange().getSpecialCellsOrNullObject("Constants");
      found.load("address");
      await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    });
  });
});
