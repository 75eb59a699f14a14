/** The playground's bundled sample through the xlsx host and the app's use cases, as the page runs them. */
import * as fs from "node:fs";
import * as path from "node:path";
import { checkWorkbook } from "../../src/app/checkWorkbook";
import { checkContext } from "../../src/app/context";
import { dropdownTargets } from "../../src/app/dropdowns";
import { standardLists } from "../../src/app/standardLists";
import { getProfile } from "../../src/domain/profiles";
import type { CellArea, SheetGrid } from "../../src/workbook/types";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { XlsxWorkbookHost } from "../../src/xlsx/XlsxWorkbookHost";
import { buildSample } from "../../scripts/make-sample";
import { EXPECTED_COUNTS, EXPECTED_FINDINGS, SAMPLE_FILE, SAMPLE_UNIT, SAMPLE_YEAR, sampleWorkbookSpec } from "../../scripts/sample-workbook";
import { specToGrid } from "../fixtures/generate";

const ASSET = path.join(__dirname, "..", "..", "assets", "samples", SAMPLE_FILE);
const context = checkContext({ profileId: "default", year: SAMPLE_YEAR, locale: "vi" });

/** Grids with their merges in a fixed order (exceljs does not keep the order they were made in). */
function normalized(grids: SheetGrid[]): SheetGrid[] {
  const key = (area: CellArea) => [area.top, area.left, area.bottom, area.right].join(",");
  return grids.map((grid) => ({ ...grid, merges: [...grid.merges].sort((a, b) => key(a).localeCompare(key(b))) }));
}

async function openSample(): Promise<XlsxWorkbookHost> {
  return XlsxWorkbookHost.open(fs.readFileSync(ASSET), SAMPLE_FILE);
}

describe("the bundled sample workbook", () => {
  test("the committed file is what scripts/make-sample.ts writes (run `npm run sample` after changing the spec), and small", async () => {
    const committed = fs.readFileSync(ASSET);
    expect(committed.length).toBeLessThanOrEqual(100 * 1024);
    const grids = normalized(await readXlsx(committed, SAMPLE_FILE));
    expect(grids).toEqual(normalized(await readXlsx(await buildSample(), SAMPLE_FILE)));
    expect(grids).toEqual(normalized(sampleWorkbookSpec().sheets.map(specToGrid)));
  });

  test("both sheets are recognised, with the unit's name and the plan year", async () => {
    const result = await checkWorkbook(await openSample(), context, "vi");
    const sheets = result.plan.sheets.map((sheet) => (sheet.template ? { sheet: sheet.sheet, kind: sheet.kind, rows: sheet.dataRows.length } : sheet));
    expect(sheets).toEqual([
      { sheet: "Đoàn ra", kind: "outbound", rows: 10 },
      { sheet: "Đoàn vào", kind: "inbound", rows: 3 },
    ]);
    expect(result.plan.delegations).toHaveLength(13);
    expect(new Set(result.plan.delegations.map((delegation) => delegation.unit))).toEqual(new Set([SAMPLE_UNIT]));
  });

  test("checking finds exactly the planted violations, and marks their cells", async () => {
    const host = await openSample();
    const result = await checkWorkbook(host, context, "vi");
    expect(result.findings.map((finding) => ({ rule: finding.rule, cell: `${finding.sheet}!${finding.cell}`, severity: finding.severity }))).toEqual(EXPECTED_FINDINGS);
    const counts = { error: 0, warning: 0, info: 0 };
    for (const finding of result.findings) counts[finding.severity]++;
    expect(counts).toEqual(EXPECTED_COUNTS);
    expect(host.markAt("Đoàn ra", 16, 5)?.severity).toBe("error");
    expect(host.markAt("Đoàn ra", 18, 5)).toEqual({ severity: "warning", message: expect.stringContaining("Philippines") });
    expect(host.markCount()).toBe(EXPECTED_FINDINGS.length);
  });

  test("check, clear: the downloaded file is the sample again, cell for cell", async () => {
    const host = await openSample();
    const before = await readXlsx(await host.toBuffer(), "a.xlsx");
    const ownFill = structuredClone(host.workbook.getWorksheet("Đoàn ra")!.getCell("E16").fill);
    await checkWorkbook(host, context, "vi");
    await host.clearMarks();
    const after = await XlsxWorkbookHost.open(await host.toBuffer(), "b.xlsx");
    expect(await after.readSheets()).toEqual(before);
    const sheet = after.workbook.getWorksheet("Đoàn ra")!;
    expect(sheet.getCell("E16").fill).toEqual(ownFill);
    expect(sheet.getCell("E16").note).toBeUndefined();
    expect(sheet.getCell("A7").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } });
  });

  test("dropdowns land on the country, funding, purpose and plan-status columns' data rows", async () => {
    const host = await openSample();
    const result = await checkWorkbook(host, context, "vi");
    await host.setDropdowns(standardLists(getProfile("default")), dropdownTargets(result.plan.sheets));
    expect(host.listAt("Đoàn ra", 11, 5)).toContain("Nhật Bản");
    expect(host.listAt("Đoàn ra", 21, 5)).toContain("Philippines");
    expect(host.listAt("Đoàn ra", 9, 5)).toBeUndefined();
    expect(host.listAt("Đoàn ra", 22, 5)).toBeUndefined();
    expect(host.listAt("Đoàn ra", 11, 3)).toBeUndefined();
    expect(host.listAt("Đoàn vào", 5, 3)).toContain("Hàn Quốc");
  });
});
