/**
 * Issue 11, round trip losses: re-importing into a master keeps every part the add-in does not own byte
 * for byte (another sheet's formulas, note, validation, conditional format and picture; a chart part;
 * defined names; shared strings), and writes only its own sheets. The test opens the written package
 * and compares parts.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CliIO } from "../../src/cli/main";
import { runMerge } from "../../src/cli/merge";
import { packageParts, sheetPartNames } from "../../src/cli/packageEdit";
import { MASTER_SHEET_NAMES, STATISTICS_SHEET_NAME } from "../../src/domain/merge";
import { buildXlsx } from "../fixtures/generate";
import { trip, unitSpec, visit } from "../domain/merge/units";
import { masterColumn, sheetRows, viewMaster } from "../support/masterDocument";

const io = (): CliIO => ({ stdout: () => undefined, stderr: () => undefined, readFile: async (file) => fs.promises.readFile(file) });
/** A 1×1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const CHART = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-package-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
jest.setTimeout(60_000);

test("a re-import replaces only the add-in's sheets; charts, pictures, formulas, notes, validation and names elsewhere stay byte-identical", async () => {
  const a = path.join(dir, "a.xlsx");
  const b = path.join(dir, "b.xlsx");
  fs.writeFileSync(a, await buildXlsx(unitSpec({ file: "a.xlsx", unit: "Sở Y tế", outbound: [trip(1), trip(2)] })));
  fs.writeFileSync(b, await buildXlsx(unitSpec({ file: "b.xlsx", unit: "Sở Xây dựng", outbound: [trip(3)] })));
  const output = path.join(dir, "tong-hop.xlsx");
  expect(await runMerge([a, "-o", output], io())).toBe(0);

  // The department's own sheet, with what exceljs' round trip used to lose or freeze.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  const own = workbook.addWorksheet("Theo dõi");
  own.getCell("A1").value = 3;
  own.getCell("A2").value = 4;
  own.getCell("A3").value = { formula: "SUM(A1:A2)", result: 7 };
  own.getCell("A1").note = "Số liệu của phòng";
  own.getCell("B1").dataValidation = { type: "list", allowBlank: true, formulae: ['"Có,Không"'] };
  own.addConditionalFormatting({ ref: "A1:A3", rules: [{ type: "cellIs", operator: "greaterThan", formulae: ["5"], priority: 1, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } } }] });
  own.addImage(workbook.addImage({ buffer: PNG, extension: "png" }), "C2:D4");
  workbook.definedNames.add("'Theo dõi'!$A$1:$A$3", "SoLieu");
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  // A chart part exceljs cannot make: carried as it is.
  zip.file("xl/charts/chart1.xml", CHART);
  fs.writeFileSync(output, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));

  const before = new Uint8Array(fs.readFileSync(output));
  expect(await runMerge([b, "-o", output], io())).toBe(0);
  const after = new Uint8Array(fs.readFileSync(output));

  const owned = new Set(["xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/calcChain.xml"]);
  for (const [sheet, part] of sheetPartNames(before)) {
    if ([...Object.values(MASTER_SHEET_NAMES), STATISTICS_SHEET_NAME].includes(sheet)) owned.add(part).add(part.replace(/([^/]+)$/, "_rels/$1.rels"));
  }
  const partsBefore = packageParts(before);
  const partsAfter = packageParts(after);
  const kept = [...partsBefore.keys()].filter((name) => !owned.has(name));
  expect(kept).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet3.xml", "xl/comments3.xml"]));
  expect(kept.some((name) => name.startsWith("xl/media/"))).toBe(true);
  expect(kept.some((name) => name.startsWith("xl/drawings/drawing"))).toBe(true);
  for (const name of kept) expect([name, partsAfter.get(name)?.equals(partsBefore.get(name)!)]).toEqual([name, true]);

  // The own sheet as Excel (here exceljs) sees it, and the master's new rows.
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load(after as unknown as ArrayBuffer);
  expect(reread.getWorksheet("Theo dõi")!.getCell("A3").formula).toBe("SUM(A1:A2)");
  expect(reread.getWorksheet("Theo dõi")!.getCell("A1").note).toBeTruthy();
  const outbound = reread.getWorksheet(MASTER_SHEET_NAMES.outbound)!;
  expect(masterColumn(sheetRows(outbound), "Đơn vị")).toEqual(["Sở Y tế", "Sở Y tế", "Sở Xây dựng"]);
  expect(masterColumn(sheetRows(outbound), "Tên đoàn")[0]).toBe("Đoàn công tác số 1");
});

test("a re-import carries the official form's print area and titles for the grown sheet and a new one; the user's names stay", async () => {
  const a = path.join(dir, "a.xlsx");
  const b = path.join(dir, "b.xlsx");
  fs.writeFileSync(a, await buildXlsx(unitSpec({ file: "a.xlsx", unit: "Sở Y tế", outbound: [trip(1)], inbound: [] })));
  fs.writeFileSync(b, await buildXlsx(unitSpec({ file: "b.xlsx", unit: "Sở Xây dựng", outbound: [trip(2), trip(3), trip(4)], inbound: [visit(1)] })));
  const output = path.join(dir, "tong-hop.xlsx");
  expect(await runMerge([a, "-o", output], io())).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  expect(workbook.getWorksheet(MASTER_SHEET_NAMES.inbound)).toBeUndefined();
  workbook.addWorksheet("Theo dõi").getCell("A1").value = 1;
  workbook.definedNames.add("'Theo dõi'!$A$1", "SoLieu");
  await workbook.xlsx.writeFile(output);

  expect(await runMerge([b, "-o", output], io())).toBe(0);
  const after = new ExcelJS.Workbook();
  await after.xlsx.readFile(output);
  for (const name of [MASTER_SHEET_NAMES.outbound, MASTER_SHEET_NAMES.inbound]) {
    const sheet = after.getWorksheet(name)!;
    const rows = sheetRows(sheet);
    // The print area reaches the signature's last line and the titles repeat the header and column numbers.
    const lastRow = rows.findIndex((row) => row.includes("(Ký tên, đóng dấu)")) + 1;
    const view = viewMaster(rows);
    const numbersRow = rows.findIndex((row) => row[0] === "(1)") + 1;
    expect([name, sheet.pageSetup.printArea?.replace(/\$/g, "")]).toEqual([name, expect.stringMatching(new RegExp(`^A1:[A-Z]+${lastRow}$`))]);
    expect([name, sheet.pageSetup.printTitlesRow?.replace(/\$/g, "")]).toEqual([name, `${view.headerRow}:${numbersRow}`]);
  }
  expect(masterColumn(sheetRows(after.getWorksheet(MASTER_SHEET_NAMES.outbound)!), "Đơn vị")).toHaveLength(4);
  expect(after.definedNames.getRanges("SoLieu").ranges).toEqual(["'Theo dõi'!$A$1"]);
});

test("LibreOffice opens the edited master", async () => {
  const a = path.join(dir, "a.xlsx");
  fs.writeFileSync(a, await buildXlsx(unitSpec({ file: "a.xlsx", unit: "Sở Y tế", outbound: [trip(1)] })));
  const output = path.join(dir, "tong-hop.xlsx");
  expect(await runMerge([a, "-o", output], io())).toBe(0);
  const b = path.join(dir, "b.xlsx");
  fs.writeFileSync(b, await buildXlsx(unitSpec({ file: "b.xlsx", unit: "Sở Xây dựng", outbound: [trip(3)] })));
  expect(await runMerge([b, "-o", output], io())).toBe(0);
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/lo-profile`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, output], { timeout: 50_000, stdio: "pipe" });
  } catch {
    return; // no LibreOffice on this machine
  }
  expect(fs.readFileSync(path.join(dir, "tong-hop.csv"), "utf8")).toMatch(/Đoàn công tác số 3/);
});
