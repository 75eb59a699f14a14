/** A master hand row whose Chức vụ starts with "Constructor" does not crash merge (issue 11, prototype keys). */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runMerge } from "../../src/cli/merge";
import type { CliIO } from "../../src/cli/main";
import { MASTER_SHEET_NAMES } from "../../src/domain/merge";
import { buildXlsx } from "../fixtures/generate";
import { trip, unitSpec } from "../domain/merge/units";
import { masterColumn, sheetRows, viewMaster } from "../support/masterDocument";

jest.setTimeout(60_000);

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-reserved-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function io(): CliIO & { err: string } {
  const captured = { err: "", stdout: () => undefined, stderr: (text: string) => void (captured.err += text), readFile: (file: string) => fs.promises.readFile(file) };
  return captured;
}

test.each(["Constructor của Sở", "__proto__", "toString"])("a hand row with Chức vụ %j is kept and merge still runs", async (role) => {
  const unit = path.join(dir, "so-y-te.xlsx");
  fs.writeFileSync(unit, await buildXlsx(unitSpec({ file: "so-y-te.xlsx", unit: "Sở Y tế", outbound: [trip(1)], inbound: [] })));
  const master = path.join(dir, "tong-hop.xlsx");
  expect(await runMerge([unit, "-o", master], io())).toBe(0);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(master);
  const sheet = workbook.getWorksheet(MASTER_SHEET_NAMES.outbound)!;
  // The hand row goes where a person adds one: among the delegation rows, above Tổng cộng.
  const view = viewMaster(sheetRows(sheet));
  const roleColumn = view.titles.findIndex((title) => title?.startsWith("Chức vụ")) + 1;
  const nameColumn = view.titles.indexOf("Tên đoàn") + 1;
  expect(roleColumn).toBeGreaterThan(0);
  expect(view.totalRow).toBeDefined();
  const handRow: unknown[] = [];
  handRow[nameColumn] = "Đoàn do Văn phòng bổ sung";
  handRow[roleColumn] = role;
  sheet.insertRow(view.totalRow!, handRow, "i");
  await workbook.xlsx.writeFile(master);

  const again = io();
  const code = await runMerge([unit, "-o", master], again);
  expect(again.err).not.toMatch(/is not a function|Cannot read/);
  expect([0, 1]).toContain(code);
  const after = new ExcelJS.Workbook();
  await after.xlsx.readFile(master);
  const values = masterColumn(sheetRows(after.getWorksheet(MASTER_SHEET_NAMES.outbound)!), view.titles[roleColumn - 1]!);
  expect(values).toContain(role);
});
