/**
 * The playground in Chromium: the bundled sample, checking, marks, going to a finding's cell, clearing,
 * dropdowns, downloading; bad files; a sheet of 10,000 rows.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { stringsFor } from "../../src/i18n";
import { MARK_FILLS, XlsxWorkbookHost } from "../../src/xlsx/XlsxWorkbookHost";
import { READ_MESSAGES } from "../../src/xlsx/readWorkbook";
import { EXPECTED_COUNTS, EXPECTED_FINDINGS, SAMPLE_FILE } from "../../scripts/sample-workbook";
import { standardCountryNames } from "../../src/domain/values";
import { buildXlsx, type SpecValue } from "../fixtures/generate";
import { launchBrowser, type Browser } from "./support/browser";
import { UNIT_SPECS } from "./support/unitFiles";
import { cell, cellValue, isInGridView, markedCells, openPlayground, pane, paneButton, paneTab, severityCounts, sheetTab } from "./support/playground";
import { screenshot } from "./support/screenshots";

const pg = stringsFor("vi").playground;
const t = stringsFor("vi").pane;
const rules = stringsFor("vi").ruleNames;

/** Sheet!A1 → A1 of the expected findings, per severity of the cell (the worst wins). */
function expectedMarks(): Map<string, string> {
  const rank = { error: 0, warning: 1, info: 2 };
  const marks = new Map<string, "error" | "warning" | "info">();
  for (const finding of EXPECTED_FINDINGS) {
    const address = finding.cell.split("!")[1];
    const current = marks.get(address);
    if (!current || rank[finding.severity] < rank[current]) marks.set(address, finding.severity);
  }
  return marks;
}

let browser: Browser;
let page: Page;
let errors: string[];
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-e2e-downloads-"));

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page, errors } = await openPlayground(browser.context));
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(downloads, { recursive: true, force: true });
});

afterEach(() => {
  // A script error on the page fails the test that caused it.
  expect(errors).toEqual([]);
});

describe("the playground over the bundled sample", () => {
  test("the page says it is a preview, not Excel, and links to the sideload steps", async () => {
    const banner = page.locator("header.pg-banner");
    await expect(banner.innerText()).resolves.toContain(pg.banner);
    await expect(banner.getByRole("link", { name: pg.sideloadLink }).getAttribute("href")).resolves.toBe("assets/help.html#cai-dat");
  });

  test("the sample opens with its sheets, merged header and the task pane beside it", async () => {
    await cell(page, "E16").waitFor();
    await expect(page.locator(".pg-file").innerText()).resolves.toContain(SAMPLE_FILE);
    await expect(page.locator(".pg-tabs").getByRole("tab").allInnerTexts()).resolves.toEqual(["Đoàn ra", "Đoàn vào"]);
    await expect(cell(page, "F7").getAttribute("colspan")).resolves.toBe("2");
    await expect(cell(page, "A7").getAttribute("rowspan")).resolves.toBe("2");
    await expect(cell(page, "G7").count()).resolves.toBe(0);
    await expect(cell(page, "E16").innerText()).resolves.toBe("Đức, Áo, Séc, Hungary");
    await expect(cell(page, "F11").innerText()).resolves.toBe("12/04/2027");
    const paneBox = await pane(page).boundingBox();
    expect(paneBox?.width).toBeGreaterThanOrEqual(320);
    expect(paneBox?.width).toBeLessThanOrEqual(380);
    await expect(paneTab(page, t.tabCheck).getAttribute("aria-selected")).resolves.toBe("true");
    await screenshot(page, "01-sample-opened");
  });

  test("Kiểm tra shows the expected counts per severity and marks exactly the expected cells", async () => {
    await paneButton(page, t.checkButton).click();
    expect(await severityCounts(page)).toEqual([
      `${t.severityError}: ${EXPECTED_COUNTS.error}`,
      `${t.severityWarning}: ${EXPECTED_COUNTS.warning}`,
      `${t.severityInfo}: ${EXPECTED_COUNTS.info}`,
    ]);
    const expected = expectedMarks();
    await page.waitForFunction((count) => document.querySelectorAll(".pg-grid td[data-mark]").length === count, expected.size);
    const marked = await markedCells(page).evaluateAll((cells) => cells.map((td) => [td.getAttribute("data-cell"), td.getAttribute("data-mark")]));
    expect(new Map(marked as [string, string][])).toEqual(expected);
    await expect(cell(page, "E16").getAttribute("title")).resolves.toContain("vượt quá 3 nước/chuyến");
    await expect(cell(page, "E18").getAttribute("title")).resolves.toContain("Philippines");
    await expect(page.locator(".pg-marks").innerText()).resolves.toBe(pg.marksCount.replace("{count}", String(expected.size)));
    await screenshot(page, "02-sample-checked");
  });

  test("clicking a finding selects its cell in the grid", async () => {
    // From the other sheet: the grid switches to the finding's sheet.
    await sheetTab(page, "Đoàn vào").click();
    await cell(page, "C5").waitFor();
    await pane(page).getByTitle(t.goToCell.replace("{cell}", "K20").replace("{sheet}", "Đoàn ra")).click();
    await expect(sheetTab(page, "Đoàn ra").getAttribute("aria-selected")).resolves.toBe("true");
    await expect(cell(page, "K20").getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.locator(".pg-grid td.pg-selected").count()).resolves.toBe(1);
    expect(await isInGridView(page, cell(page, "K20"))).toBe(true);
    await screenshot(page, "03-finding-selected");

    await pane(page).getByTitle(t.goToCell.replace("{cell}", "H17").replace("{sheet}", "Đoàn ra")).click();
    await expect(cell(page, "H17").getAttribute("aria-selected")).resolves.toBe("true");
  });

  test("Xóa đánh dấu removes every mark, and the cells look as before", async () => {
    const before = await cell(page, "A7").evaluate((td) => getComputedStyle(td).backgroundColor);
    await paneButton(page, t.clearMarks).click();
    await pane(page).getByText(t.marksCleared).waitFor();
    await expect(markedCells(page).count()).resolves.toBe(0);
    // The findings went with their marks: the pane lists none of them any more.
    await expect(pane(page).getByRole("heading", { name: t.findingsTitle }).count()).resolves.toBe(0);
    await expect(pane(page).getByText(t.noResultYet).count()).resolves.toBe(1);
    await expect(cell(page, "E16").getAttribute("title")).resolves.not.toContain("vượt quá");
    await expect(page.locator(".pg-marks").count()).resolves.toBe(0);
    await expect(cell(page, "A7").evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.toBe(before);
    await screenshot(page, "04-marks-cleared");
  });

  test("Gắn danh sách thả xuống gives the country column a dropdown, on its data rows only", async () => {
    await paneTab(page, t.tabLists).click();
    await paneButton(page, t.attachDropdowns).click();
    await pane(page).getByText("Đã gắn danh sách thả xuống").waitFor();
    const select = cell(page, "E11").locator("select");
    await select.waitFor();
    await expect(select.inputValue()).resolves.toBe("Nhật Bản");
    const options = await select.locator("option").allInnerTexts();
    expect(options.length).toBeGreaterThan(150);
    expect(options).toEqual(expect.arrayContaining(["Nhật Bản", "Hàn Quốc", "Philippines", "Lào"]));
    for (const address of ["E13", "E16", "E21", "K20"]) await expect(cell(page, address).locator("select").count()).resolves.toBe(1);
    for (const address of ["E9", "E10", "E12", "E22", "C11", "B13"]) await expect(cell(page, address).locator("select").count()).resolves.toBe(0);
    await screenshot(page, "05-dropdowns");

    // Choosing from the list writes the cell; checking again no longer finds the unknown country.
    await cell(page, "E18").locator("select").selectOption("Philippines");
    await expect(cell(page, "E18").locator("select").inputValue()).resolves.toBe("Philippines");
    await paneTab(page, t.tabCheck).click();
    await paneButton(page, t.checkButton).click();
    await page.waitForFunction(() => document.querySelector('.pg-grid td[data-cell="E18"]')?.getAttribute("data-mark") === null);
    expect(await severityCounts(page)).toEqual([`${t.severityError}: ${EXPECTED_COUNTS.error}`, `${t.severityWarning}: 0`, `${t.severityInfo}: ${EXPECTED_COUNTS.info}`]);
  });

  test("Tải xuống gives a valid .xlsx with the marks as fills and notes, that the playground can clear again", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: pg.download, exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(SAMPLE_FILE);
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    expect(workbook.worksheets.filter((sheet) => sheet.state === "visible").map((sheet) => sheet.name)).toEqual(["Đoàn ra", "Đoàn vào"]);
    expect(workbook.getWorksheet("_DanhMuc")?.state).toBe("veryHidden");
    const outbound = workbook.getWorksheet("Đoàn ra")!;
    const e16 = outbound.findCell(16, 5)!;
    expect(e16.fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: MARK_FILLS.error } });
    expect(String(e16.note)).toContain("vượt quá 3 nước/chuyến");
    expect(outbound.findCell(18, 5)!.value).toBe("Philippines");

    const reopened = await XlsxWorkbookHost.open(fs.readFileSync(file), SAMPLE_FILE);
    expect(reopened.markAt("Đoàn ra", 16, 5)?.severity).toBe("error");
    await reopened.clearMarks();
    expect(reopened.markCount()).toBe(0);
    expect(reopened.workbook.getWorksheet("Đoàn ra")!.findCell(16, 5)!.note).toBeUndefined();
  });
});

describe("Tự kiểm tra in the playground", () => {
  test("runs the capabilities the preview has on a temporary sheet it removes, and shows the result to copy", async () => {
    await paneTab(page, t.tabSettings).click();
    await paneButton(page, t.selfTestRun).click();
    const table = pane(page).getByRole("table", { name: t.selfTestTitle });
    await table.waitFor();
    const statuses = await table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => [row.getAttribute("data-capability"), row.getAttribute("data-status")]));
    expect(Object.fromEntries(statuses)).toEqual({
      readValues: "pass",
      mergedAreas: "pass",
      conditionalFormat: "na",
      notes: "na",
      listValidation: "na",
      undoGroup: "na",
      documentSettings: "na",
      sharedStorage: "pass",
      selectCell: "pass",
      insertRow: "na",
    });
    const text = await pane(page).getByRole("textbox", { name: t.selfTestCopy }).inputValue();
    expect(text).toContain(`${t.selfTestPlatform}: ${t.selfTestPreviewPlatform}`);
    expect(text).toContain(`${t.capReadValues} | ${t.selfTestPass} |`);
    // The result as run, for the record (the closing note quotes it).
    fs.writeFileSync(path.join(os.tmpdir(), "dplan-self-test-playground.txt"), text);
    // The temporary sheet is gone; the user's sheets are as they were.
    await expect(page.locator(".pg-tabs").getByRole("tab").allInnerTexts()).resolves.toEqual(["Đoàn ra", "Đoàn vào"]);
    await screenshot(page, "09-self-test");
    await paneTab(page, t.tabCheck).click();
  });
});

describe("opening other files", () => {
  test("a file that is not a workbook gets a Vietnamese error and the open workbook stays", async () => {
    await page.locator('input[data-testid="open-file"]').setInputFiles({ name: "hong.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("PK\u0003\u0004 không phải zip thật") });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain(pg.openFailed.replace("{file}", "hong.xlsx").replace(": {reason}", ""));
    await expect(alert.innerText()).resolves.toContain(READ_MESSAGES.corrupt);
    await expect(cellValue(page, "E16")).resolves.toBe("Đức, Áo, Séc, Hungary");
    await expect(page.locator(".pg-file").innerText()).resolves.toContain(SAMPLE_FILE);
    await screenshot(page, "06-corrupt-file-error");

    await page.locator('input[data-testid="open-file"]').setInputFiles({ name: "cu.xls", mimeType: "application/vnd.ms-excel", buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]) });
    await page.getByRole("alert").getByText(READ_MESSAGES.xls).waitFor();
  });

  test("an .xlsx dropped on the page opens", async () => {
    const bytes = await buildXlsx(UNIT_SPECS[0]);
    const transfer = await page.evaluateHandle(
      ({ base64, name }) => {
        const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        const dropped = new DataTransfer();
        dropped.items.add(new File([data], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
        return dropped;
      },
      { base64: bytes.toString("base64"), name: UNIT_SPECS[0].file },
    );
    await page.dispatchEvent(".pg-app", "dragover", { dataTransfer: transfer });
    await page.locator(".pg-drop").waitFor();
    await page.dispatchEvent(".pg-app", "drop", { dataTransfer: transfer });
    await page.locator(".pg-file").getByText(UNIT_SPECS[0].file).waitFor();
    await expect(page.locator(".pg-drop").count()).resolves.toBe(0);
    await expect(cell(page, "F4").innerText()).resolves.toBe("Hàn Quốc");
  });

  test("text from a workbook is shown as text, never as HTML", async () => {
    const html = '<img src="x" onerror="document.title=\'hacked\'"><b>đậm</b>';
    const bytes = await buildXlsx({
      file: "html.xlsx",
      description: "",
      sheets: [{ name: "<script>", rows: [["Tên đoàn", html], ["=1+1", "<a href='javascript:alert(1)'>x</a>"]], expect: false }],
    });
    await page.locator('input[data-testid="open-file"]').setInputFiles({ name: "html.xlsx", mimeType: "application/octet-stream", buffer: bytes });
    await page.locator(".pg-file").getByText("html.xlsx").waitFor();
    await expect(cell(page, "B1").innerText()).resolves.toBe(html);
    await expect(page.locator(".pg-grid img, .pg-grid b, .pg-grid a").count()).resolves.toBe(0);
    await expect(sheetTab(page, "<script>").count()).resolves.toBe(1);
    await expect(page.title()).resolves.not.toBe("hacked");
  });

  test("a sheet of 10,000 rows renders only the rows in view, and a finding far down is brought into view", async () => {
    const rows: SpecValue[][] = [["KẾ HOẠCH ĐOÀN RA NĂM 2027"], ["Đơn vị: Sở Thử tải"], ["STT", "Tên đoàn", "Trưởng đoàn", "Số lượng", "Nước đến", "Từ ngày", "Đến ngày", "Mục đích", "Nguồn kinh phí"]];
    // Every country in turn, a new two-day trip every ~28 rows: one planted violation, no look-alike trips.
    const countries = standardCountryNames();
    for (let i = 1; i <= 10_000; i++) {
      const start = new Date(Date.UTC(2027, 0, 2 + Math.floor(i * 0.035)));
      const end = new Date(start.getTime() + 2 * 86_400_000);
      const country = i === 9_000 ? "Nhật Bản, Hàn Quốc, Pháp, Đức" : countries[i % countries.length];
      rows.push([i, `Đoàn số ${i}`, `Cán bộ ${i} - Chuyên viên`, 3, country, start, end, `Làm việc với đối tác số ${i}`, "Ngân sách thành phố"]);
    }
    const bytes = await buildXlsx({ file: "lon.xlsx", description: "", sheets: [{ name: "Đoàn ra", rows, expect: false }] });
    await page.locator('input[data-testid="open-file"]').setInputFiles({ name: "lon.xlsx", mimeType: "application/octet-stream", buffer: bytes });
    await page.locator(".pg-file").getByText("lon.xlsx").waitFor();
    await expect(cell(page, "B4").innerText()).resolves.toBe("Đoàn số 1");
    // The sheet's rows, 10 more drawn below them, and the column letters' row (aria-rowcount counts the header row too).
    await expect(page.locator(".pg-grid").getAttribute("aria-rowcount")).resolves.toBe(String(10_003 + 10 + 1));
    expect(await page.locator(".pg-grid tbody tr").count()).toBeLessThan(120);

    await paneButton(page, t.checkButton).click();
    await pane(page).getByRole("list", { name: t.countsLabel }).waitFor({ timeout: 60_000 });
    const ruleFilter = pane(page).getByLabel(t.filterRule);
    const label = (await ruleFilter.locator("option").allInnerTexts()).find((text) => text.startsWith(`${rules["countries-max"]} (`));
    expect(label).toBe(`${rules["countries-max"]} (1)`);
    await ruleFilter.selectOption({ label: label! });
    await pane(page).getByTitle(t.goToCell.replace("{cell}", "E9003").replace("{sheet}", "Đoàn ra")).click();
    await expect(cell(page, "E9003").getAttribute("aria-selected")).resolves.toBe("true");
    expect(await isInGridView(page, cell(page, "E9003"))).toBe(true);
    expect(await page.locator(".pg-grid tbody tr").count()).toBeLessThan(120);
    await screenshot(page, "07-large-sheet-finding");
  });
});
