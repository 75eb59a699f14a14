/** Handles on the playground page: the grid, the pane, the toolbar. */
import type { BrowserContext, Locator, Page } from "playwright-core";
import { launchBrowser, type Browser } from "./browser";

/**
 * One browser and one playground page for a whole test file: opened before its tests, closed after them, and
 * no page error allowed after each test. Read `page` inside the tests (it is set in beforeAll).
 */
export function playgroundForFile(query = ""): { readonly page: Page } {
  let browser: Browser | undefined;
  const session = {} as { page: Page; errors: string[] };
  beforeAll(async () => {
    browser = await launchBrowser();
    Object.assign(session, await openPlayground(browser.context, query));
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    expect(session.errors).toEqual([]);
  });
  return session;
}

export function baseUrl(): string {
  const url = process.env.E2E_URL;
  if (!url) throw new Error("E2E_URL is not set: run the browser tests with `npm run test:e2e`");
  return url;
}

/** Opens the playground and waits for the bundled sample to be shown; page errors fail the test. */
export async function openPlayground(context: BrowserContext, query = ""): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(`${baseUrl()}/playground.html${query}`);
  return { page, errors };
}

export const cell = (page: Page, address: string): Locator => page.locator(`.pg-grid td[data-cell="${address}"]`);
/** What the cell shows: its dropdown's value, or its text. */
export const cellValue = (page: Page, address: string): Promise<string> =>
  cell(page, address).evaluate((td) => (td.querySelector("select") as HTMLSelectElement | null)?.value ?? (td as HTMLElement).innerText);
export const pane = (page: Page): Locator => page.locator("aside.pg-pane");
export const paneButton = (page: Page, name: string): Locator => pane(page).getByRole("button", { name, exact: true });
export const paneTab = (page: Page, name: string): Locator => pane(page).getByRole("tab", { name, exact: true });
export const sheetTab = (page: Page, name: string): Locator => page.locator(".pg-tabs").getByRole("tab", { name, exact: true });
export const markedCells = (page: Page): Locator => page.locator(".pg-grid td[data-mark]");

/** The pane's counts per severity, as the badges say them ("Lỗi: 8"). */
export async function severityCounts(page: Page): Promise<string[]> {
  const list = pane(page).getByRole("list", { name: "Số phát hiện theo mức độ" });
  await list.waitFor();
  return (await list.locator("li").allInnerTexts()).map((text) => text.trim());
}

/** Whether the element's box lies inside the grid's scrolling area (below the sticky header, right of the row numbers). */
export async function isInGridView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const view = await page.locator(".pg-scroller").boundingBox();
  if (!box || !view) return false;
  return box.y >= view.y + 20 && box.y + box.height <= view.y + view.height + 1 && box.x >= view.x + 40 && box.x < view.x + view.width;
}
