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
import { axeViolations } from "./support/axe";
import { cell, openPlayground, pane, paneButton, paneTab, sheetTab } from "./support/playground";
import { screenshot } from "./support/screenshots";
import { masterColumn, viewMaster } from "../support/masterDocument";
import type { CellValue } from "../../src/workbook/types";
import { COMPLETE_ROWS, CORRUPT_FILE, UNIT_SPECS, writeUnitFiles, type UnitFiles } from "./support/unitFiles";

const pg = stringsFor("vi").playground;
const t = stringsFor("vi").pane;
const c = stringsFor("vi").consolidation;
const MASTER = MASTER_SHEET_NAMES.outbound;

function rowValues(row: ExcelJS.Row): CellValue[] {
  return Array.from({ length: row.cellCount }, (_, c) => cellValue(row.getCell(c + 1)));
}

/** A merged area's other cells hand back its first cell's value in exceljs: they are empty. */
function cellValue(sheetCell: ExcelJS.Cell): CellValue {
  return (sheetCell.type === ExcelJS.ValueType.Merge ? null : (sheetCell.value ?? null)) as CellValue;
}

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
    await expect(page.locator(".pg-tabs").getByRole("tab").allInnerTexts()).resolves.toEqual(["Trang tính1"]);

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
    await expect(page.locator(".pg-tabs").getByRole("tab").allInnerTexts()).resolves.toEqual(expect.arrayContaining(["Trang tính1", MASTER, STATISTICS_SHEET_NAME]));
    await pane(page).getByText(c.summaryTitle).waitFor();

    await sheetTab(page, MASTER).click();
    // The official form: title, column numbers, the delegations numbered 1…n under their sections, Tổng cộng.
    await cell(page, "A12").waitFor();
    // Cells under a merged area are not drawn: read the ones the grid shows.
    const shown = new Map(await page.locator(".pg-grid td[data-cell]").evaluateAll((tds) => tds.map((td) => [(td as HTMLElement).dataset.cell!, (td as HTMLElement).innerText] as const)));
    const rows = 12 + COMPLETE_ROWS + 4;
    const columnA = Array.from({ length: rows }, (_, i) => shown.get(`A${i + 1}`) ?? "");
    const columnB = Array.from({ length: rows }, (_, i) => shown.get(`B${i + 1}`) ?? "");
    expect(columnA.some((text) => /^KẾ HOẠCH ĐOÀN RA NĂM \d{4}$/.test(text.trim()))).toBe(true);
    const numbers = columnA.indexOf("(1)");
    expect(numbers).toBeGreaterThan(0);
    const below = columnA.slice(numbers + 1).map((text) => text.trim());
    expect(below.filter((text) => /^\d+$/.test(text)).map(Number)).toEqual(Array.from({ length: COMPLETE_ROWS }, (_, i) => i + 1));
    expect(below.some((text) => text.startsWith("II. "))).toBe(true);
    const total = columnB.findIndex((text) => text.trim() === "Tổng cộng");
    expect(total).toBeGreaterThan(numbers + COMPLETE_ROWS);
    await screenshot(page, "09-master-sheet");

    await sheetTab(page, STATISTICS_SHEET_NAME).click();
    await expect(cell(page, "A1").innerText()).resolves.toMatch(/THỐNG KÊ/i);
    await screenshot(page, "10-statistics-sheet");
  });

  test("opening another workbook over the merged master, not yet downloaded, asks first; Hủy and Escape keep the master", async () => {
    const shown = page.locator(".pg-file");
    await page.getByRole("button", { name: pg.openSample, exact: true }).click();
    const dialog = page.getByRole("dialog", { name: pg.unsavedTitle });
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toContain(`“${pg.newWorkbookName}” có thay đổi chưa tải xuống`);
    for (const answer of [pg.unsavedSave, pg.unsavedDiscard, pg.unsavedCancel]) await expect(dialog.getByRole("button", { name: answer, exact: true }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "11-unsaved-master-dialog");
    await dialog.getByRole("button", { name: pg.unsavedCancel, exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect(shown.innerText()).resolves.toContain(pg.newWorkbookName);
    // The page is hidden from the accessibility tree while the dialog is open: wait until it is back.
    await sheetTab(page, MASTER).waitFor({ timeout: 5_000 });

    await page.getByRole("button", { name: pg.newWorkbook, exact: true }).click();
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await sheetTab(page, MASTER).waitFor({ timeout: 5_000 });
    await expect(shown.innerText()).resolves.toContain(pg.newWorkbookName);
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
    // Every cell from A1 (a merged area's other cells empty, as Excel shows them), read as the document.
    const grid = Array.from({ length: master.rowCount }, (_, r) => rowValues(master.getRow(r + 1)));
    const view = viewMaster(grid);
    expect(view.data).toHaveLength(COMPLETE_ROWS);
    const units = new Set(masterColumn(grid, "Đơn vị").map(String));
    const sources = new Set(masterColumn(grid, "Tệp").map(String));
    // Printed as the official document: A4 landscape, one page wide, the header repeated.
    expect(master.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToWidth: 1 });
    expect(master.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    expect(units).toEqual(new Set(["Sở Y tế", "Sở Giáo dục và Đào tạo", "UBND xã An Lão"]));
    expect(sources.has(CORRUPT_FILE)).toBe(false);
  });
  test("once downloaded, another workbook opens without asking; later changes are asked about: download then open, or discard", async () => {
    const shown = page.locator(".pg-file");
    const dialog = page.getByRole("dialog", { name: pg.unsavedTitle });
    const typeInto = async (address: string, text: string) => {
      await cell(page, address).dblclick();
      await cell(page, address).locator("input").fill(text);
      await cell(page, address).locator("input").press("Enter");
    };
    const sample = "ke-hoach-don-vi-mau.xlsx";
    // Downloaded just before: the sample opens at once.
    await page.getByRole("button", { name: pg.openSample, exact: true }).click();
    await shown.getByText(sample).waitFor();
    await cell(page, "E16").waitFor();
    await expect(dialog.count()).resolves.toBe(0);

    // A typed cell is a change: "Tải xuống rồi mở" downloads it, then opens the new workbook.
    await typeInto("E16", "Nhật Bản");
    await page.getByRole("button", { name: pg.newWorkbook, exact: true }).click();
    await dialog.waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: pg.unsavedSave, exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(sample);
    await shown.getByText(pg.newWorkbookName).waitFor();

    // "Bỏ thay đổi và mở" opens the other workbook without downloading. (The new workbook's grid has an E16
    // too: wait for the sample itself, or the edit would start in the grid the sample then replaces.)
    await page.getByRole("button", { name: pg.openSample, exact: true }).click();
    await shown.getByText(sample).waitFor();
    await cell(page, "E16").waitFor();
    await typeInto("E16", "Hàn Quốc");
    await page.getByRole("button", { name: pg.newWorkbook, exact: true }).click();
    await dialog.getByRole("button", { name: pg.unsavedDiscard, exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await shown.getByText(pg.newWorkbookName).waitFor();
  });
});
