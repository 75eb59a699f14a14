/**
 * Issue 3's acceptance test: a generated workbook with planted violations, checked by the real CLI;
 * every planted violation is found with its rule and cell, and nothing else (clean rows stay clean).
 * Issue 13 adds one workbook per capability of reading unit workbooks as offices really lay them out.
 */
import { runCheck, type CliIO, type JsonReport } from "../../src/cli/main";
import { buildXlsx } from "../fixtures/generate";
import { PLANTED, plantedWorkbook } from "../fixtures/planted";
import { REAL_LAYOUTS } from "../fixtures/realLayouts";

async function check(bytes: Buffer, file: string, profile: string, year: number): Promise<{ code: number; report: JsonReport }> {
  let out = "";
  const io: CliIO = { stdout: (text) => void (out += text), stderr: (text) => void (out += text), readFile: async () => bytes };
  const code = await runCheck([file, "--json", "--profile", profile, "--year", String(year)], io);
  return { code, report: JSON.parse(out) as JsonReport };
}

test("dplan check finds every planted violation at its cell, and nothing on the clean rows", async () => {
  const { code, report } = await check(await buildXlsx(plantedWorkbook()), "planted.xlsx", "hai-phong", 2026);
  expect(code).toBe(1);
  const found = report.findings.map((finding) => `${finding.rule} ${finding.sheet}!${finding.cell}`).sort();
  expect(found).toEqual(PLANTED.map((planted) => `${planted.rule} ${planted.sheet}!${planted.cell}`).sort());
  const cleanRows = [5, 19];
  expect(report.findings.filter((finding) => cleanRows.includes(finding.row))).toEqual([]);
});

describe.each(REAL_LAYOUTS.map((workbook) => [workbook.spec().file, workbook] as const))("unit workbooks as they really arrive: %s", (file, workbook) => {
  test("every planted violation at its cell, once, and nothing on the clean rows", async () => {
    const spec = workbook.spec();
    const { report } = await check(await buildXlsx(spec), file, workbook.profile, workbook.year);
    expect(report.files[0].sheets.length).toBe(spec.sheets.reduce((n, sheet) => n + (sheet.expect ? 1 + (sheet.also?.length ?? 0) : 0), 0));
    const found = report.findings.map((finding) => `${finding.rule} ${finding.sheet}!${finding.cell}`).sort();
    expect(found).toEqual(workbook.planted.map((planted) => `${planted.rule} ${planted.sheet}!${planted.cell}`).sort());
    for (const [sheet, rows] of Object.entries(workbook.cleanRows)) {
      expect(report.findings.filter((finding) => finding.sheet === sheet && rows.includes(finding.row))).toEqual([]);
    }
    for (const expected of workbook.messages ?? []) {
      const messages = report.findings.filter((finding) => finding.sheet === expected.sheet && finding.cell === expected.cell).map((finding) => finding.message);
      expect(messages).toHaveLength(1);
      if (expected.says !== undefined) expect(messages[0]).toContain(expected.says);
      if (expected.neverSays !== undefined) expect(messages[0]).not.toContain(expected.neverSays);
    }
  });
});
