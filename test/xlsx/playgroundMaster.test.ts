/**
 * The playground's Tổng hợp: the consolidation use case over XlsxWorkbookHost (the playground's host, the
 * same code the browser runs) writes the master in the same layout as `dplan merge` and the Excel pane:
 * the inbound master names each visit's unit in its printed "Đơn vị chủ trì", coarse times stand under
 * "Thời gian dự kiến".
 */
import { MASTER_SHEET_NAMES } from "../../src/domain/merge";
import type { CellValue } from "../../src/workbook/types";
import { XlsxWorkbookHost } from "../../src/xlsx/XlsxWorkbookHost";
import { trip, visit } from "../domain/merge/units";
import { masterColumn, viewMaster } from "../support/masterDocument";
import { unitFile, wire } from "../app/consolidationSupport";

jest.setTimeout(60_000);

test("the playground's master: “Đơn vị chủ trì” printed on the inbound sheet, times where the form wants them", async () => {
  const host = await XlsxWorkbookHost.create("Tổng hợp.xlsx");
  const { consolidation } = await wire(host);
  await consolidation.addFiles([
    await unitFile({ file: "so-gd.xlsx", unit: "Sở Giáo dục và Đào tạo", outbound: [trip(1, { start: "Quý II/2025" })], inbound: [visit(1)] }),
    await unitFile({ file: "xa-tan-hoa.xlsx", unit: "UBND xã Tân Hòa", inbound: [visit(2, { period: "02-05/12/2025" })] }),
  ]);
  await consolidation.merge();
  const grids = await host.readSheets();
  const values = (name: string) => grids.find((grid) => grid.name === name)!.values as CellValue[][];
  const inbound = values(MASTER_SHEET_NAMES.inbound);
  expect(masterColumn(inbound, "Đơn vị chủ trì")).toEqual(["Sở Giáo dục và Đào tạo", "UBND xã Tân Hòa"]);
  expect(masterColumn(inbound, "Thời gian dự kiến")).toEqual(["Quý III/2025", null]);
  expect(masterColumn(inbound, "Từ ngày")[1]).toBeInstanceOf(Date);
  const sheet = host.workbook.getWorksheet(MASTER_SHEET_NAMES.inbound)!;
  const printedRight = /^A1:([A-Z]+)\d+$/.exec(sheet.pageSetup.printArea ?? "")![1];
  expect(viewMaster(inbound).titles.indexOf("Đơn vị chủ trì") + 1).toBeLessThanOrEqual(printedRight.charCodeAt(0) - 64);
  expect(masterColumn(values(MASTER_SHEET_NAMES.outbound), "Thời gian dự kiến")).toEqual(["Quý II/2025"]);
});
