/**
 * A unit imported again without a plan kind it sent before: its old rows of that kind stay (the file may
 * simply leave that plan out) and the message says how to remove them; `--confirm` removes them and says
 * how many.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runMerge } from "../../src/cli/merge";
import { MASTER_SHEET_NAMES } from "../../src/domain/merge";
import { buildXlsx } from "../fixtures/generate";
import { trip, unitSpec, visit } from "../domain/merge/units";
import { diskIO } from "../robustness/support";
import { masterColumn, sheetRows } from "../support/masterDocument";

jest.setTimeout(60_000);
let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-dropped-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function inboundUnits(output: string): Promise<unknown[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  return masterColumn(sheetRows(workbook.getWorksheet(MASTER_SHEET_NAMES.inbound)!), "Đơn vị");
}

async function masterWithTwoKinds(): Promise<{ unit: string; output: string }> {
  const unit = path.join(dir, "so-y-te.xlsx");
  const other = path.join(dir, "so-xay-dung.xlsx");
  fs.writeFileSync(unit, await buildXlsx(unitSpec({ file: "so-y-te.xlsx", unit: "Sở Y tế", outbound: [trip(1)], inbound: [visit(1), visit(2)] })));
  fs.writeFileSync(other, await buildXlsx(unitSpec({ file: "so-xay-dung.xlsx", unit: "Sở Xây dựng", outbound: [trip(2)], inbound: [visit(3)] })));
  const output = path.join(dir, "tong-hop.xlsx");
  expect(await runMerge([unit, other, "-o", output], diskIO())).toBe(0);
  // The unit's new file has no inbound table.
  fs.writeFileSync(unit, await buildXlsx(unitSpec({ file: "so-y-te.xlsx", unit: "Sở Y tế", outbound: [trip(1), trip(3)] })));
  return { unit, output };
}

test("without --confirm the old rows stay and the message says how to remove them", async () => {
  const { unit, output } = await masterWithTwoKinds();
  const io = diskIO();
  expect(await runMerge([unit, "-o", output], io)).toBe(0);
  expect(io.out).toMatch(/Đơn vị “Sở Y tế” nhập lại từ tệp «so-y-te.xlsx» không có kế hoạch đoàn vào: 2 đoàn vào cũ/);
  expect(io.out).toMatch(/chạy lại lệnh với --confirm/);
  expect(await inboundUnits(output)).toEqual(["Sở Y tế", "Sở Y tế", "Sở Xây dựng"]);
});

test("with --confirm the old rows of the dropped kind are removed and counted; other units' rows stay", async () => {
  const { unit, output } = await masterWithTwoKinds();
  const io = diskIO();
  expect(await runMerge([unit, "-o", output, "--confirm"], io)).toBe(0);
  expect(io.out).toMatch(/Đã xóa 2 đoàn vào cũ của đơn vị “Sở Y tế”/);
  expect(io.out).not.toMatch(/vẫn được giữ/);
  expect(await inboundUnits(output)).toEqual(["Sở Xây dựng"]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  expect(masterColumn(sheetRows(workbook.getWorksheet(MASTER_SHEET_NAMES.outbound)!), "Đơn vị")).toEqual(["Sở Y tế", "Sở Y tế", "Sở Xây dựng"]);
});
