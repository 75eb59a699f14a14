/**
 * Issue 11, round trip losses inside the master sheets: an officer's hand row (a formula, a note, a fill,
 * a list validation, a conditional format) and a column the officer added ("Ghi chú của Sở") survive a
 * re-import through the CLI, at their new rows, with formulas following the rows; the Tổng cộng stays a
 * formula over the rows; every part the add-in does not own stays byte for byte.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { CliIO } from "../../src/cli/main";
import { runMerge } from "../../src/cli/merge";
import { packageParts, sheetPartNames } from "../../src/cli/packageEdit";
import { MASTER_SHEET_NAMES, STATISTICS_SHEET_NAME } from "../../src/domain/merge";
import { buildXlsx } from "../fixtures/generate";
import { trip, unitSpec } from "../domain/merge/units";
import { addOfficerWork, expectOfficerWork } from "../support/officerWork";

const io = (): CliIO => ({ stdout: () => undefined, stderr: () => undefined, readFile: async (file) => fs.promises.readFile(file) });

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-roundtrip-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
jest.setTimeout(90_000);

/** The parts the edit may change: workbook-level parts and the master sheets with what hangs off them. */
function ownedParts(before: Uint8Array): Set<string> {
  const owned = new Set(["xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/calcChain.xml"]);
  const parts = packageParts(before);
  for (const [sheet, part] of sheetPartNames(before)) {
    if (![...Object.values(MASTER_SHEET_NAMES), STATISTICS_SHEET_NAME].includes(sheet)) continue;
    const rels = part.replace(/([^/]+)$/, "_rels/$1.rels");
    owned.add(part).add(rels);
    for (const match of (parts.get(rels)?.toString("utf8") ?? "").matchAll(/Target="\.\.\/([^"]+)"/g)) owned.add(`xl/${match[1]}`);
  }
  return owned;
}

test("a hand row's formula, note, fill, validation and conditional format, and an added column, survive a re-import at their new rows", async () => {
  const a = path.join(dir, "a.xlsx");
  const b = path.join(dir, "b.xlsx");
  fs.writeFileSync(a, await buildXlsx(unitSpec({ file: "a.xlsx", unit: "Sở Y tế", outbound: [trip(1), trip(2)] })));
  fs.writeFileSync(b, await buildXlsx(unitSpec({ file: "b.xlsx", unit: "Sở Xây dựng", outbound: [trip(3)] })));
  const output = path.join(dir, "tong-hop.xlsx");
  expect(await runMerge([a, b, "-o", output], io())).toBe(0);

  // The officer's work in the master: a hand row under the last unit row, and a column of their own.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  const places = addOfficerWork(workbook.getWorksheet(MASTER_SHEET_NAMES.outbound)!);
  workbook.addWorksheet("Theo dõi").getCell("A1").value = 1;
  await workbook.xlsx.writeFile(output);

  // Sở Xây dựng sends a longer plan: every row below its block moves down two.
  fs.writeFileSync(b, await buildXlsx(unitSpec({ file: "b.xlsx", unit: "Sở Xây dựng", outbound: [trip(3), trip(4), trip(5)] })));
  const before = new Uint8Array(fs.readFileSync(output));
  expect(await runMerge([b, "-o", output], io())).toBe(0);
  const after = new Uint8Array(fs.readFileSync(output));

  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load(after as unknown as ArrayBuffer);
  const written = reread.getWorksheet(MASTER_SHEET_NAMES.outbound)!;
  const moved = expectOfficerWork(written, places, 2);
  // The conditional format as written: its rule and its own dxf style.
  const sheetXml = packageParts(after).get(sheetPartNames(after).get(MASTER_SHEET_NAMES.outbound)!)!.toString("utf8");
  expect(sheetXml).toMatch(new RegExp(`<conditionalFormatting sqref="[A-Z]+${moved}"><cfRule type="cellIs"[^>]*dxfId="\\d+"[^>]*operator="greaterThan"[^>]*>\\s*<formula>20</formula>`));

  // Every part the add-in does not own, byte for byte.
  const owned = ownedParts(before);
  const partsBefore = packageParts(before);
  const partsAfter = packageParts(after);
  const kept = [...partsBefore.keys()].filter((name) => !owned.has(name));
  expect(kept).toEqual(expect.arrayContaining(["xl/sharedStrings.xml", "xl/theme/theme1.xml"]));
  for (const name of kept) expect([name, partsAfter.get(name)?.equals(partsBefore.get(name)!)]).toEqual([name, true]);
});
