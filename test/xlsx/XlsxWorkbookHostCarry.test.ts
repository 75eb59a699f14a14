/**
 * The playground's re-import (XlsxWorkbookHost, exceljs) keeps the officer's work in a master sheet as the
 * CLI does: a hand row's formula, note, fill, validation and conditional format, and an added column, at
 * their new rows (src/xlsx/sheetCarry.ts through TableWrite.carry).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runMerge } from "../../src/cli/merge";
import { MASTER_SHEET_NAMES } from "../../src/domain/merge";
import { XlsxWorkbookHost } from "../../src/xlsx/XlsxWorkbookHost";
import { unitFile, wire } from "../app/consolidationSupport";
import { buildXlsx } from "../fixtures/generate";
import { trip, unitSpec } from "../domain/merge/units";
import { diskIO } from "../robustness/support";
import { sheetRows, viewMaster } from "../support/masterDocument";
import { ADDED, addOfficerWork, expectOfficerWork, YELLOW } from "../support/officerWork";

jest.setTimeout(90_000);
let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-playground-carry-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a re-import in the playground keeps the hand row's and the added column's formulas, formats, notes, validation and conditional formats", async () => {
  const a = path.join(dir, "a.xlsx");
  const b = path.join(dir, "b.xlsx");
  fs.writeFileSync(a, await buildXlsx(unitSpec({ file: "a.xlsx", unit: "Sở Y tế", outbound: [trip(1), trip(2)] })));
  fs.writeFileSync(b, await buildXlsx(unitSpec({ file: "b.xlsx", unit: "Sở Xây dựng", outbound: [trip(3)] })));
  const output = path.join(dir, "tong-hop.xlsx");
  expect(await runMerge([a, b, "-o", output], diskIO())).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  const places = addOfficerWork(workbook.getWorksheet(MASTER_SHEET_NAMES.outbound)!);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

  const host = await XlsxWorkbookHost.open(bytes, "tong-hop.xlsx");
  const { consolidation } = await wire(host);
  await consolidation.addFiles([await unitFile({ file: "b.xlsx", unit: "Sở Xây dựng", outbound: [trip(3), trip(4), trip(5)] })]);
  await consolidation.merge();

  // As saved: what the person downloads from the playground.
  const saved = new ExcelJS.Workbook();
  await saved.xlsx.load(await host.workbook.xlsx.writeBuffer());
  expectOfficerWork(saved.getWorksheet(MASTER_SHEET_NAMES.outbound)!, places, 2);
});

test("a re-import in the playground keeps another unit's row's fill, note, validation and formula at its new row; the merge's new STT wins over a stale formula, said", async () => {
  const a = path.join(dir, "a.xlsx");
  const b = path.join(dir, "b.xlsx");
  fs.writeFileSync(a, await buildXlsx(unitSpec({ file: "a.xlsx", unit: "Sở Y tế", outbound: [trip(1), trip(2)] })));
  fs.writeFileSync(b, await buildXlsx(unitSpec({ file: "b.xlsx", unit: "Sở Xây dựng", outbound: [trip(3)] })));
  const output = path.join(dir, "tong-hop.xlsx");
  expect(await runMerge([a, b, "-o", output], diskIO())).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  const master = workbook.getWorksheet(MASTER_SHEET_NAMES.outbound)!;
  const view = viewMaster(sheetRows(master));
  const column = (title: string) => view.titles.indexOf(title) + 1;
  // Sở Xây dựng's row, kept as it is when Sở Y tế is re-imported: the officer coloured, annotated and checked it.
  const kept = view.data.find((line) => line.values[column("Đơn vị") - 1] === "Sở Xây dựng")!.row;
  master.getCell(kept, column("Tên đoàn")).fill = { type: "pattern", pattern: "solid", fgColor: { argb: YELLOW } };
  master.getCell(kept, column("Nước đến")).note = "Đã hỏi lại Sở";
  master.getCell(kept, column("Trong/ngoài kế hoạch")).dataValidation = { type: "list", allowBlank: true, formulae: ['"Có,Không"'] };
  master.getCell(kept, column("Số lượng (người)")).value = { formula: "1+2", result: 3 } as ExcelJS.CellFormulaValue;
  master.getCell(kept, column("STT")).value = { formula: "1+2", result: 3 } as ExcelJS.CellFormulaValue;
  const host = await XlsxWorkbookHost.open(new Uint8Array(await workbook.xlsx.writeBuffer()), "tong-hop.xlsx");
  const { consolidation } = await wire(host);
  // Sở Y tế sends two more trips: Sở Xây dựng's row moves down two, and its STT becomes 5.
  await consolidation.addFiles([await unitFile({ file: "a.xlsx", unit: "Sở Y tế", outbound: [trip(1), trip(2), trip(4), trip(5)] })]);
  const summary = await consolidation.merge();

  const saved = new ExcelJS.Workbook();
  await saved.xlsx.load(await host.workbook.xlsx.writeBuffer());
  const after = saved.getWorksheet(MASTER_SHEET_NAMES.outbound)!;
  const newView = viewMaster(sheetRows(after));
  const at = (title: string) => newView.titles.indexOf(title) + 1;
  const moved = newView.data.find((line) => line.values[at("Đơn vị") - 1] === "Sở Xây dựng")!.row;
  expect(moved).toBe(kept + 2);
  expect((after.getCell(moved, at("Tên đoàn")).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe(YELLOW);
  expect(after.getCell(moved, at("Nước đến")).note).toBe("Đã hỏi lại Sở");
  expect(after.getCell(moved, at("Trong/ngoài kế hoạch")).dataValidation).toEqual(expect.objectContaining({ type: "list", formulae: ['"Có,Không"'] }));
  expect(after.getCell(moved, at("Số lượng (người)")).formula).toBe("1+2");
  // Its old place now holds a re-imported row: none of the officer's work stays there.
  expect((after.getCell(kept, at("Tên đoàn")).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe(YELLOW);
  expect(after.getCell(kept, at("Trong/ngoài kế hoạch")).dataValidation?.type).toBeUndefined();
  // The STT formula said 3; the merge writes 5: the value wins and the summary says which cell.
  expect(after.getCell(moved, at("STT")).value).toBe(5);
  expect(summary.warnings.join("\n")).toContain(`Ô A${kept} của trang “${MASTER_SHEET_NAMES.outbound}”: công thức =1+2 không được giữ`);
});

test("a re-import in the playground keeps an added column's width at its new place", async () => {
  const a = path.join(dir, "a.xlsx");
  fs.writeFileSync(a, await buildXlsx(unitSpec({ file: "a.xlsx", unit: "Sở Y tế", outbound: [trip(1), trip(2)] })));
  const output = path.join(dir, "tong-hop.xlsx");
  expect(await runMerge([a, "-o", output], diskIO())).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  const places = addOfficerWork(workbook.getWorksheet(MASTER_SHEET_NAMES.outbound)!);
  const addedBefore = viewMaster(sheetRows(workbook.getWorksheet(MASTER_SHEET_NAMES.outbound)!)).titles.indexOf(ADDED) + 1;
  workbook.getWorksheet(MASTER_SHEET_NAMES.outbound)!.getColumn(addedBefore).width = 37;
  const host = await XlsxWorkbookHost.open(new Uint8Array(await workbook.xlsx.writeBuffer()), "tong-hop.xlsx");
  const { consolidation } = await wire(host);
  await consolidation.addFiles([await unitFile({ file: "b.xlsx", unit: "Sở Xây dựng", outbound: [trip(3)] })]);
  await consolidation.merge();

  const saved = new ExcelJS.Workbook();
  await saved.xlsx.load(await host.workbook.xlsx.writeBuffer());
  const after = saved.getWorksheet(MASTER_SHEET_NAMES.outbound)!;
  const addedAfter = viewMaster(sheetRows(after)).titles.indexOf(ADDED) + 1;
  expect(addedAfter).toBeGreaterThan(0);
  expect(after.getColumn(addedAfter).width).toBe(37);
  expect(places.hand).toBeGreaterThan(0);
});

test("a re-import in the playground: the officer's added-column cell and note follow a re-imported unit's unchanged delegation; a removed delegation's are named", async () => {
  const a = path.join(dir, "a.xlsx");
  fs.writeFileSync(a, await buildXlsx(unitSpec({ file: "a.xlsx", unit: "Sở Y tế", outbound: [trip(1), trip(2)] })));
  const output = path.join(dir, "tong-hop.xlsx");
  expect(await runMerge([a, "-o", output], diskIO())).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  const master = workbook.getWorksheet(MASTER_SHEET_NAMES.outbound)!;
  const view = viewMaster(sheetRows(master));
  const column = (title: string) => view.titles.indexOf(title) + 1;
  const rowOf = (name: string) => view.data.find((line) => line.values[column("Tên đoàn") - 1] === name)!.row;
  const [one, two] = [rowOf("Đoàn công tác số 1"), rowOf("Đoàn công tác số 2")];
  const opinion = master.columnCount + 1;
  master.getCell(view.headerRow, opinion).value = "Ý kiến của Sở";
  master.getCell(one, opinion).value = "Đồng ý";
  master.getCell(two, opinion).value = "Xem lại";
  master.getCell(one, column("Tên đoàn")).note = "Đã xác nhận";
  master.getCell(two, column("Tên đoàn")).note = "Chờ công văn";
  workbook.addWorksheet("Báo cáo").getCell("B1").value = { formula: `COUNTA('${MASTER_SHEET_NAMES.outbound}'!B${one}:B${two})`, result: 2 } as ExcelJS.CellFormulaValue;
  const host = await XlsxWorkbookHost.open(new Uint8Array(await workbook.xlsx.writeBuffer()), "tong-hop.xlsx");
  const { consolidation } = await wire(host);
  // Sở Y tế keeps trip 1 and replaces trip 2 by trip 3.
  await consolidation.addFiles([await unitFile({ file: "a.xlsx", unit: "Sở Y tế", outbound: [trip(1), trip(3)] })]);
  const summary = await consolidation.merge();

  const saved = new ExcelJS.Workbook();
  await saved.xlsx.load(await host.workbook.xlsx.writeBuffer());
  const after = saved.getWorksheet(MASTER_SHEET_NAMES.outbound)!;
  const newView = viewMaster(sheetRows(after));
  const at = (title: string) => newView.titles.indexOf(title) + 1;
  const oneNow = newView.data.find((line) => line.values[at("Tên đoàn") - 1] === "Đoàn công tác số 1")!.row;
  expect(after.getCell(oneNow, at("Ý kiến của Sở")).value).toBe("Đồng ý");
  expect(after.getCell(oneNow, at("Tên đoàn")).note).toBe("Đã xác nhận");
  const said = summary.warnings.join("\n");
  expect(said).toContain(`Ô ${master.getColumn(opinion).letter}${two} «Xem lại» (cột “Ý kiến của Sở”)`);
  expect(said).toContain(`Ghi chú ở ô ${master.getColumn(column("Tên đoàn")).letter}${two} của trang “${MASTER_SHEET_NAMES.outbound}” («Chờ công văn»)`);
  // The report's formula reads the master, whose added column moved: named, and recalculated on opening.
  expect(said).toContain("công thức ở ô 'Báo cáo'!B1");
  const zip = await JSZip.loadAsync(await host.workbook.xlsx.writeBuffer());
  expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
});
