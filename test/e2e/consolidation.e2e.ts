/**
 * Consolidation in the playground: a new master workbook, the "Tổng hợp" tab's file picker with three unit
 * files and a corrupt one, the master and "Thống kê" sheets in the grid, and the master downloaded.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { MASTER_SHEET_NAMES, STATISTICS_SHEET_NAME } from "../../src/domain/merge";
import { stringsFor } from "../../src/i18n";
import { READ_MESSAGES } from "../../src/xlsx/readWorkbook";
import { launchBrowser, type Browser } from "./support/browser";
import { cell, openPlayground, pane, paneButton, paneTab, sheetTab } from "./support/playground";
import { screenshot } from "./support/screenshots";
import { COMPLETE_ROWS, CORRUPT_FILE, UNIT_SPECS, writeUnitFiles, type UnitFiles } from "./support/unitFiles";

const pg = stringsFor("vi").playground;
const t = stringsFor("vi").pane;
const c = stringsFor("vi").consolidation;
const MASTER = MASTER_SHEET_NAMES.outbound;

let browser: Browser;
let page: Page;
let errors: string[];
let files: UnitFiles;

beforeAll(async () => {
  files = await writeUnitFiles();
  browser = await launchBrowser();
  ({ page, errors } = await openPlayground(browser.context));
  await cell(page, "E16").waitFor();
});

afterAll(async () => {
  await browser?.close();
  files?.remove();
});

afterEach(() => {
  expect(errors).toEqual([]);
});

describe("consolidating unit files in the playground", () => {
  test("a new master workbook, three unit files and a corrupt one: the corrupt one gets the Vietnamese error, the others are previewed", async () => {
    await page.getByRole("button", { name: pg.newWorkbook, exact: true }).click();
    await page.locator(".pg-file").getByText(pg.newWorkbookName).waitFor();
    await expect(page.locator(".pg-tabs").getByRole("tab").allInnerTexts()).resolves.toEqual(["Sheet1"]);

    await paneTab(page, t.tabConsolidate).click();
    await pane(page).getByLabel(c.chooseFiles).setInputFiles([...files.units, files.corrupt]);
    const units = pane(page).getByRole("list", { name: c.unitsListLabel });
    await units.getByText(READ_MESSAGES.corrupt).waitFor();
    const cards = await units.locator(":scope > li").allInnerTexts();
    expect(cards).toHaveLength(4);
    expect(cards.find((text) => text.includes(CORRUPT_FILE))).toContain(READ_MESSAGES.corrupt);
    for (const spec of UNIT_SPECS) expect(cards.find((text) => text.includes(spec.file))).not.toContain(READ_MESSAGES.corrupt);
    // The unit without funding is named with its reason.
    expect(cards.find((text) => text.includes("so-giao-duc.xlsx"))).toContain("Nguồn kinh phí");
    await screenshot(page, "08-consolidation-units");
  });

  test("merging writes the master with one row per complete delegation, and the statistics, shown in the grid", async () => {
    await paneButton(page, c.merge).click();
    await sheetTab(page, STATISTICS_SHEET_NAME).waitFor({ timeout: 60_000 });
    await expect(page.locator(".pg-tabs").getByRole("tab").allInnerTexts()).resolves.toEqual(expect.arrayContaining(["Sheet1", MASTER, STATISTICS_SHEET_NAME]));
    await pane(page).getByText(c.summaryTitle).waitFor();

    await sheetTab(page, MASTER).click();
    await expect(cell(page, "A1").innerText()).resolves.not.toBe("");
    // Header row, then the delegations: the row after the last one is empty.
    const firstColumn = await Promise.all(Array.from({ length: COMPLETE_ROWS + 3 }, (_, i) => cell(page, `A${i + 1}`).innerText()));
    expect(firstColumn.slice(1, COMPLETE_ROWS + 1).every((text) => text.trim() !== "")).toBe(true);
    expect(firstColumn.slice(COMPLETE_ROWS + 1).every((text) => text.trim() === "")).toBe(true);
    await screenshot(page, "09-master-sheet");

    await sheetTab(page, STATISTICS_SHEET_NAME).click();
    await expect(cell(page, "A1").innerText()).resolves.toMatch(/THỐNG KÊ/i);
    await screenshot(page, "10-statistics-sheet");
  });

  test("Tải xuống gives the master workbook: the master's rows, the units' names, nothing of the corrupt file", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: pg.download, exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(pg.newWorkbookName);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dplan-e2e-master-")), download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });

    const visible = workbook.worksheets.filter((sheet) => sheet.state === "visible").map((sheet) => sheet.name);
    expect(visible).toEqual(expect.arrayContaining([MASTER, STATISTICS_SHEET_NAME]));
    const master = workbook.getWorksheet(MASTER)!;
    expect(master.actualRowCount).toBe(1 + COMPLETE_ROWS);
    const header = (master.getRow(1).values as unknown[]).map((value) => String(value ?? ""));
    const unitColumn = header.indexOf("Đơn vị");
    const fileColumn = header.indexOf("Tệp");
    expect(unitColumn).toBeGreaterThan(0);
    const units = new Set<string>();
    const sources = new Set<string>();
    for (let row = 2; row <= 1 + COMPLETE_ROWS; row++) {
      units.add(String(master.getRow(row).getCell(unitColumn).value));
      sources.add(String(master.getRow(row).getCell(fileColumn).value));
    }
    expect(units).toEqual(new Set(["Sở Y tế", "Sở Giáo dục và Đào tạo", "UBND xã An Lão"]));
    expect(sources.has(CORRUPT_FILE)).toBe(false);
  });
});
