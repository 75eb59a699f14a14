/**
 * The playground's re-import (XlsxWorkbookHost, exceljs) keeps the officer's work in a master sheet as the
 * CLI does: a hand row's formula, note, fill, validation and conditional format, and an added column, at
 * their new rows (src/xlsx/sheetCarry.ts through TableWrite.carry).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runMerge } from "../../src/cli/merge";
import { MASTER_SHEET_NAMES } from "../../src/domain/merge";
import { XlsxWorkbookHost } from "../../src/xlsx/XlsxWorkbookHost";
import { unitFile, wire } from "../app/consolidationSupport";
import { buildXlsx } from "../fixtures/generate";
import { trip, unitSpec } from "../domain/merge/units";
import { diskIO } from "../robustness/support";
import { addOfficerWork, expectOfficerWork } from "../support/officerWork";

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
