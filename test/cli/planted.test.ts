/**
 * Issue 3's acceptance test: a generated workbook with planted violations, checked by the real CLI;
 * every planted violation is found with its rule and cell, and nothing else (clean rows stay clean).
 */
import { runCheck, type CliIO, type JsonReport } from "../../src/cli/main";
import { buildXlsx } from "../fixtures/generate";
import { PLANTED, plantedWorkbook } from "../fixtures/planted";

test("dplan check finds every planted violation at its cell, and nothing on the clean rows", async () => {
  const bytes = await buildXlsx(plantedWorkbook());
  let out = "";
  const io: CliIO = { stdout: (text) => void (out += text), stderr: (text) => void (out += text), readFile: async () => bytes };
  expect(await runCheck(["planted.xlsx", "--json", "--profile", "hai-phong", "--year", "2026"], io)).toBe(1);
  const report = JSON.parse(out) as JsonReport;
  const found = report.findings.map((finding) => `${finding.rule} ${finding.sheet}!${finding.cell}`).sort();
  expect(found).toEqual(PLANTED.map((planted) => `${planted.rule} ${planted.sheet}!${planted.cell}`).sort());
  const cleanRows = [5, 19];
  expect(report.findings.filter((finding) => cleanRows.includes(finding.row))).toEqual([]);
});
