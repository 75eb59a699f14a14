/**
 * The official form as the exceljs writer stores it (the CLI's and the playground's master and blank
 * templates): print setup, frozen header, collapsed provenance, totals as formulas; and, where
 * LibreOffice is installed, the printed pages of a master of 35 outbound delegations.
 *
 * DPLAN_SCREENSHOTS=docs/screenshots npx jest test/xlsx/officialForm.test.ts also saves the pages as PNG.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { blankTemplate } from "../../src/app/blankTemplate";
import { consolidate, makeUnitPlan, MASTER_SHEET_NAMES, readMaster, STATISTICS_SHEET_NAME } from "../../src/domain/merge";
import { getProfile } from "../../src/domain/profiles";
import { readPlan } from "../../src/domain/templates";
import { TEMPLATES } from "../../src/domain/templates/definitions";
import type { TableWrite } from "../../src/workbook/types";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { writeWorkbook } from "../../src/xlsx/writeWorkbook";
import { gridsOf } from "../domain/merge/units";
import { masterScenarioUnits } from "../fixtures/masterScenario";
import { viewMaster } from "../support/masterDocument";

jest.setTimeout(180_000);

const context = { profile: getProfile("hai-phong"), year: 2026 };
const agency = { parent: "UBND thành phố Hải Phòng", name: "Sở Ngoại vụ" };

function scenarioMaster() {
  const units = masterScenarioUnits().map(({ input, spec }) => makeUnitPlan(input.file, gridsOf(spec), { year: 2026 }));
  return consolidate(units, undefined, context, { agency, place: "Hải Phòng" });
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

function expectPrintSetup(sheet: ExcelJS.Worksheet, table: TableWrite): void {
  const { pageSetup } = sheet;
  expect(pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  const print = table.print!;
  const area = print.area!;
  expect(pageSetup.printArea).toBe(`A1:${String.fromCharCode(64 + area.right)}${area.bottom}`);
  expect(pageSetup.printTitlesRow).toBe(`${print.repeatRows!.first}:${print.repeatRows!.last}`);
  expect(sheet.headerFooter.oddFooter).toBe("&CTrang &P/&N");
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: table.freezeRows });
}

describe("the official form in the .xlsx", () => {
  const plan = scenarioMaster();
  const outbound = plan.sheets.find((sheet) => sheet.sheet === MASTER_SHEET_NAMES.outbound)!;

  test("master: A4 landscape one page wide, header repeated, frozen, footer page numbers; provenance collapsed outside the print area", async () => {
    const book = await load(await writeWorkbook([outbound]));
    const sheet = book.getWorksheet(MASTER_SHEET_NAMES.outbound)!;
    expectPrintSetup(sheet, outbound);
    const printed = TEMPLATES.outbound.fields.length;
    expect(outbound.print!.area!.right).toBe(printed);
    for (let column = printed + 1; column <= printed + 6; column++) expect(sheet.getColumn(column)).toMatchObject({ hidden: true, outlineLevel: 1 });
    expect(sheet.getColumn(printed).hidden).toBe(false);
    // Rows whose text wraps get the height that shows it.
    const view = viewMaster(outbound.rows);
    expect(view.data.filter((line) => (sheet.getRow(line.row).height ?? 15) > 30).length).toBeGreaterThan(10);
  });

  test("master: Tổng cộng counts the delegations and adds the members, as formulas with their results", async () => {
    const book = await load(await writeWorkbook([outbound]));
    const sheet = book.getWorksheet(MASTER_SHEET_NAMES.outbound)!;
    const view = viewMaster(outbound.rows);
    expect(view.data).toHaveLength(35);
    const count = sheet.getCell(view.totalRow!, 3).value as ExcelJS.CellFormulaValue;
    expect(count.formula).toMatch(/^COUNTA\(G\d+:INDEX\(G:G,ROW\(\)-1\)\)$/);
    expect(count.result).toBe(35);
    const membersColumn = view.titles.indexOf("Số lượng (người)");
    const members = view.data.reduce((sum, line) => sum + (typeof line.values[membersColumn] === "number" ? (line.values[membersColumn] as number) : 0), 0);
    expect((sheet.getCell(view.totalRow!, membersColumn + 1).value as ExcelJS.CellFormulaValue).result).toBe(members);
  });

  test("Tổng cộng names what it counts: delegations for outbound and inbound, activities for people-to-people", async () => {
    for (const [kind, word] of [["outbound", "đoàn"], ["inbound", "đoàn"], ["people", "hoạt động"]] as const) {
      const { table } = blankTemplate(kind, 2026, [], { entryRows: 3 });
      const count = table.formulas!.find((formula) => formula.formula.startsWith("=COUNTA"))!;
      expect(count.format).toBe(`0 "${word}";-0;`);
      const book = await load(await writeWorkbook([table]));
      expect(book.getWorksheet(table.sheet)!.getCell(count.row, count.column).numFmt).toBe(`0 "${word}";-0;`);
    }
  });

  test("blank template: the same print setup and layout blocks", async () => {
    const { table } = blankTemplate("inbound", 2026, [], { entryRows: 10, agency });
    const book = await load(await writeWorkbook([table]));
    expectPrintSetup(book.getWorksheet(table.sheet)!, table);
    expect(table.rows[0]).toContain("UBND THÀNH PHỐ HẢI PHÒNG");
    expect(table.rows[0]).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    const recognised = readPlan([{ name: table.sheet, originRow: 1, originCol: 1, values: table.rows, merges: table.merges ?? [] }]).sheets[0];
    expect(recognised).toMatchObject({ template: true, kind: "inbound", titleYear: 2026, unitName: "Sở Ngoại vụ" });
  });

  test("master read back from the file: the same rows, sections kept", async () => {
    const grids = await readXlsx(await writeWorkbook(plan.sheets), "tong-hop.xlsx");
    const master = readMaster(grids)!;
    expect(master.sheets.outbound!.rows).toHaveLength(35);
    expect(new Set(master.sheets.outbound!.rows.map((row) => row.section))).toEqual(new Set(["I. Đoàn do Lãnh đạo thành phố làm Trưởng đoàn", "II. Đoàn cấp sở, ngành, địa phương"]));
    const reread = consolidate([], master, context, { agency, place: "Hải Phòng" });
    expect(reread.sheets).toEqual(plan.sheets);
    // Times moved to where the form wants them (coarse under Thời gian dự kiến, days as dates) read back the same.
    expect(reread.delegations.map((d) => d.period)).toEqual(plan.delegations.map((d) => d.period));
    expect(plan.delegations.filter((d) => d.period && d.period.precision !== "day").length).toBeGreaterThan(0);
  });
});

const hasLibreOffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0 && spawnSync("pdfinfo", ["-v"]).status === 0;

(hasLibreOffice ? describe : describe.skip)("printed with LibreOffice", () => {
  test("Thống kê: one page wide, the Tổng column beside the others, the title over the tables", async () => {
    const statistics = scenarioMaster().sheets.find((sheet) => sheet.sheet === STATISTICS_SHEET_NAME)!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-print-"));
    try {
      const file = path.join(dir, "thong-ke.xlsx");
      fs.writeFileSync(file, await writeWorkbook([statistics]));
      execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { stdio: "ignore", timeout: 150_000 });
      const pdf = path.join(dir, "thong-ke.pdf");
      expect(Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1])).toBe(1);
      const lines = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\n");
      // "Tổng" sits on the line of the other column titles (it printed alone on a second page before).
      expect(lines.some((line) => /Đoàn ra\s+Đoàn vào.*Tổng/.test(line))).toBe(true);
      expect(lines.some((line) => line.includes(`THỐNG KÊ KẾ HOẠCH ĐOÀN NĂM`))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("35 outbound delegations: at most 4 landscape A4 pages, every column and the header on each page", async () => {
    const plan = scenarioMaster();
    const outbound = plan.sheets.find((sheet) => sheet.sheet === MASTER_SHEET_NAMES.outbound)!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-print-"));
    try {
      const file = path.join(dir, "tong-hop-doan-ra.xlsx");
      fs.writeFileSync(file, await writeWorkbook([outbound]));
      // A profile of its own: a LibreOffice already running for the user is left alone.
      execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { stdio: "ignore", timeout: 150_000 });
      const pdf = path.join(dir, "tong-hop-doan-ra.pdf");
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(4);
      // A4 landscape: 842 × 595 points.
      expect(Math.round(width)).toBe(842);
      expect(Math.round(height)).toBe(595);
      const columns = TEMPLATES.outbound.fields.length;
      for (let page = 1; page <= pages; page++) {
        const text = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"], { encoding: "utf8" });
        // The header and its column numbers repeat on every page: every column is on the page.
        expect(text).toContain("Tên đoàn");
        for (let column = 1; column <= columns; column++) expect(text).toContain(`(${column})`);
        expect(text).toContain(`Trang ${page}/${pages}`);
        // Provenance stays off the paper.
        expect(text).not.toContain("Dòng gốc");
      }
      const last = execFileSync("pdftotext", ["-f", String(pages), "-l", String(pages), pdf, "-"], { encoding: "utf8" });
      expect(last).toContain("THỦ TRƯỞNG CƠ QUAN");
      expect(last).toContain("35 đoàn");
      const target = process.env.DPLAN_SCREENSHOTS;
      if (target) {
        fs.mkdirSync(target, { recursive: true });
        execFileSync("pdftoppm", ["-png", "-r", "80", pdf, path.join(target, "tong-hop-doan-ra-trang")]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
