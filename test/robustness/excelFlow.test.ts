/**
 * The hostile workbooks inside Excel (the fake object model): the app's one-click check reads them,
 * marks every finding's cell on the right sheet without changing a value, and clearing restores the
 * workbook exactly. Sheet names with quotes reach selection, the report's links and the dropdowns intact.
 */
import { checkWorkbook } from "../../src/app/checkWorkbook";
import { dropdownTargets } from "../../src/app/dropdowns";
import { reportTable, REPORT_SHEET } from "../../src/app/report";
import { standardLists } from "../../src/app/standardLists";
import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import { isMarkFormula } from "../../src/excel/marks";
import { createWorkbook, installFakeExcel, sheetByName, snapshot, type FakeExcel, type FakeWorkbook } from "../excel/fakeExcel";
import { fakeSpecOf } from "../support/fakeFromSpec";
import { checkPlan } from "../../src/domain/rules";
import { readPlan } from "../../src/domain/templates";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { buildHostile, DATE_FORMS, FIRST_DATA_ROW, HOSTILE, QUOTED_SHEET, QUOTED_SHEET_2 } from "./corpus";
import { checkContext, insideItsSheet } from "./support";

let fake: FakeExcel | undefined;
afterEach(() => {
  fake?.uninstall();
  fake = undefined;
});

/** The workbook with a user's own conditional format and note on its first sheet: clearing must keep them. */
function install(file: string, apiVersion = "1.20"): ExcelWorkbookHost {
  const input = HOSTILE.find((candidate) => candidate.file === file)!;
  const spec = fakeSpecOf(input.spec());
  spec.sheets[0].conditionalFormats = [{ type: "Custom", address: "A4:L12", formula: "=MOD(ROW(),2)=0", fill: "#F2F2F2" }];
  spec.sheets[0].notes = { B4: "Ghi chú của người lập biểu" };
  fake = installFakeExcel(createWorkbook(spec), { apiVersion });
  return new ExcelWorkbookHost();
}

/** Cell values (and formulas, number formats) only: what checking must never change. */
function valuesOnly(workbook: FakeWorkbook): unknown {
  return workbook.sheets.map((sheet) => ({ name: sheet.name, cells: [...sheet.cells.entries()].map(([key, cell]) => [key, cell.value ?? null, cell.formula ?? null, cell.numberFormat ?? null]) }));
}

function markedCells(workbook: FakeWorkbook, sheetName: string): Set<string> {
  const cells = new Set<string>();
  for (const format of sheetByName(workbook, sheetName).conditionalFormats.filter((cf) => isMarkFormula(cf.formula))) {
    for (const area of format.areas) for (let row = area.top; row <= area.bottom; row++) for (let column = area.left; column <= area.right; column++) cells.add(`${row},${column}`);
  }
  return cells;
}

/** "'Đoàn ra ''mới'' 2025'!F5" → the sheet and the address it names. */
function resolveReference(reference: string): { sheet: string; address: string } {
  const match = /^'((?:[^']|'')+)'!([A-Z]+\d+)$/.exec(reference);
  if (!match) throw new Error(`not a quoted sheet reference: ${reference}`);
  return { sheet: match[1].replace(/''/g, "'"), address: match[2] };
}

describe.each(HOSTILE.map((input) => [input.file] as const))("%s in Excel", (file) => {
  test.each(["1.20", "1.9"])("ExcelApi %s: check marks every finding's cell, changes no value; clearing restores the workbook exactly", async (apiVersion) => {
    const host = install(file, apiVersion);
    const before = snapshot(fake!.workbook);
    const values = valuesOnly(fake!.workbook);

    const result = await checkWorkbook(host, checkContext(), "vi");
    const grids = await host.readSheets();
    expect(result.plan.delegations.length).toBeGreaterThan(0);
    expect(valuesOnly(fake!.workbook)).toEqual(values);
    for (const finding of result.findings) {
      expect(insideItsSheet(finding, grids)).toBe(true);
      expect(markedCells(fake!.workbook, finding.sheet).has(`${finding.row},${finding.column}`)).toBe(true);
      if (apiVersion === "1.20" && !(finding.sheet === spec0(file) && finding.cell === "B4")) {
        expect(sheetByName(fake!.workbook, finding.sheet).notes.get(finding.cell)?.content).toContain(finding.message);
      }
    }

    await host.clearMarks();
    expect(snapshot(fake!.workbook)).toEqual(before);
  });
});

test.each(HOSTILE.map((input) => [input.file, input] as const))("%s: Excel and the .xlsx reader give the same findings", async (_file, input) => {
  const host = install(input.file);
  const inExcel = (await checkWorkbook(host, checkContext(), "vi")).findings;
  const grids = await readXlsx(await buildHostile(input), input.file);
  const fromFile = checkPlan(readPlan(grids).delegations, checkContext());
  const where = (f: (typeof inExcel)[number]) => `${f.sheet}!${f.cell} ${f.rule}`;
  expect(inExcel.map(where)).toEqual(fromFile.map(where));
  // Excel has no dates before 1900: there the cell is a negative number, reported as such, not as a date.
  const realDatesBefore1900 = new Set(DATE_FORMS.flatMap((form, i) => (form.start instanceof Date && form.start.getUTCFullYear() < 1900 ? [FIRST_DATA_ROW + i] : [])));
  const comparable = (f: (typeof inExcel)[number]) => !(input.file === "ngay-thang-nhieu-kieu.xlsx" && realDatesBefore1900.has(f.row));
  expect(inExcel.filter(comparable).map((f) => f.message)).toEqual(fromFile.filter(comparable).map((f) => f.message));
});

function spec0(file: string): string {
  return HOSTILE.find((candidate) => candidate.file === file)!.spec().sheets[0].name;
}

describe("sheet names with quotes, Vietnamese letters and ! inside Excel", () => {
  const file = "ten-trang-co-dau-nhay.xlsx";

  test("the findings of both sheets are marked on those sheets", async () => {
    const host = install(file);
    const result = await checkWorkbook(host, checkContext(), "vi");
    expect(new Set(result.findings.map((f) => f.sheet))).toEqual(new Set([QUOTED_SHEET, QUOTED_SHEET_2]));
    expect(markedCells(fake!.workbook, QUOTED_SHEET).has("5,6")).toBe(true);
    expect(markedCells(fake!.workbook, QUOTED_SHEET_2).has("4,6")).toBe(true);
  });

  test("clicking a finding selects its cell on its sheet", async () => {
    const host = install(file);
    const { findings } = await checkWorkbook(host, checkContext(), "vi");
    for (const finding of findings.slice(0, 4)) {
      await host.selectCell(finding.sheet, finding.row, finding.column);
      expect(fake!.workbook.selection).toEqual({ sheet: finding.sheet, address: finding.cell });
    }
  });

  test("the report's links name the sheets quoted right (inner quotes doubled) and lead to the finding's cell", async () => {
    const host = install(file);
    const { findings } = await checkWorkbook(host, checkContext(), "vi");
    await host.writeTable(reportTable(findings, "vi"));
    const report = sheetByName(fake!.workbook, REPORT_SHEET);
    findings.forEach((finding, index) => {
      const link = report.cells.get(`${index + 2},4`)?.hyperlink;
      expect(link?.documentReference).toBe(`'${finding.sheet.replace(/'/g, "''")}'!${finding.cell}`);
      expect(resolveReference(link!.documentReference!)).toEqual({ sheet: finding.sheet, address: finding.cell });
      // The sheet name is written as a value, never parsed (a leading quote would be Excel's text prefix).
      expect(report.cells.get(`${index + 2},3`)?.value).toBe(finding.sheet);
    });
  });

  test("dropdowns land on the quoted sheets' recognised columns, sourced from the lists sheet", async () => {
    const host = install(file);
    const { plan } = await checkWorkbook(host, checkContext(), "vi");
    const targets = dropdownTargets(plan.sheets);
    expect(new Set(targets.map((t) => t.sheet))).toEqual(new Set([QUOTED_SHEET, QUOTED_SHEET_2]));
    await host.setDropdowns(standardLists(checkContext().profile), targets);
    for (const target of targets) {
      const validation = sheetByName(fake!.workbook, target.sheet).validations.get(`${target.firstRow},${target.column}`);
      expect(JSON.stringify(validation?.rule)).toMatch(/'_DanhMuc'!\$[A-Z]+\$2:\$[A-Z]+\$\d+/);
    }
  });
});
