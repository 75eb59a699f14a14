/**
 * Live check in the playground: after one Kiểm tra, typing a 4th country into a delegation's cell marks
 * it, and fixing it removes the mark, without pressing Kiểm tra again; the pane's count and status follow.
 */
import type { Page } from "playwright-core";
import { stringsFor } from "../../src/i18n";
import { launchBrowser, type Browser } from "./support/browser";
import { cell, openPlayground, pane, paneButton, severityCounts } from "./support/playground";

const t = stringsFor("vi").pane;

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page, errors } = await openPlayground(browser.context));
});

afterAll(async () => {
  await browser?.close();
});

afterEach(() => {
  expect(errors).toEqual([]);
});

const errorCount = async (): Promise<number> => Number((await severityCounts(page))[0].split(": ")[1]);

/** Double-clicks the cell, types the text and presses Enter, as an officer would. */
async function typeInto(address: string, text: string): Promise<void> {
  await cell(page, address).dblclick();
  const editor = cell(page, address).locator("input");
  await editor.fill(text);
  await editor.press("Enter");
}

const titleOf = (address: string) => cell(page, address).getAttribute("title");

test("a 4th country typed into a delegation is marked at once, and the mark goes when it is fixed", async () => {
  await cell(page, "E16").waitFor();
  await paneButton(page, t.checkButton).click();
  await page.waitForFunction(() => document.querySelectorAll(".pg-grid td[data-mark]").length > 0);
  await expect(pane(page).getByRole("switch", { name: t.liveToggle }).isChecked()).resolves.toBe(true);

  const target = page.locator(".pg-grid td[data-cell^='E']", { hasText: /^Hàn Quốc, Nhật Bản$/ }).first();
  const address = (await target.getAttribute("data-cell"))!;
  expect((await titleOf(address)) ?? "").not.toContain("vượt quá 3 nước");
  const errorsBefore = await errorCount();

  await typeInto(address, "Hàn Quốc, Nhật Bản, Trung Quốc, Lào");
  await page.waitForFunction((a) => document.querySelector(`.pg-grid td[data-cell="${a}"]`)?.getAttribute("data-mark") === "error", address);
  expect(await titleOf(address)).toContain("vượt quá 3 nước/chuyến");
  expect(await errorCount()).toBe(errorsBefore + 1);
  await pane(page).getByText(/Đã kiểm tra lại 1 dòng lúc \d\d:\d\d/).waitFor();

  await typeInto(address, "Hàn Quốc, Nhật Bản");
  await page.waitForFunction((a) => !document.querySelector(`.pg-grid td[data-cell="${a}"]`)?.hasAttribute("data-mark"), address);
  expect((await titleOf(address)) ?? "").not.toContain("vượt quá 3 nước");
  expect(await errorCount()).toBe(errorsBefore);
  await expect(cell(page, address).innerText()).resolves.toBe("Hàn Quốc, Nhật Bản");
});
