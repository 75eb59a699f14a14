/**
 * The playground's grid with the keyboard alone, in Chromium: Tab into the grid and out to the pane's Kiểm tra,
 * back with Shift+Tab, arrows to a delegation's country cell, a typed value saved with Enter (the live check
 * marks it and the pane's count follows), a 2×2 TSV pasted (one batch: the live check reports both rows at
 * once), copied back as TSV and deleted; axe finds nothing on the page after all that.
 */
import type { Page } from "playwright-core";
import { stringsFor } from "../../src/i18n";
import { axeViolations } from "./support/axe";
import { baseUrl, cell, isInGridView, pane, playgroundForFile, severityCounts } from "./support/playground";
import { screenshot } from "./support/screenshots";

const t = stringsFor("vi").pane;
const pg = stringsFor("vi").playground;

const session = playgroundForFile();

const errorCount = async (): Promise<number> => Number((await severityCounts(session.page))[0].split(": ")[1]);
const grid = (page: Page) => page.locator(".pg-grid");
const activeAddress = (page: Page) => grid(page).getAttribute("data-active");
const announcement = (page: Page) => page.getByTestId("grid-announcement").innerText();
/** What has the focus: "grid", or role and text ("button:Kiểm tra"; the pane's tab "tab:Kiểm tra" has the same name). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return "";
    const role = element.getAttribute("role") ?? element.tagName.toLowerCase();
    return role === "grid" ? "grid" : `${role}:${(element.textContent ?? "").trim()}`;
  });

/** Presses `key` until `done` holds (at most `limit` times); how many presses it took. */
async function pressUntil(page: Page, key: string, done: () => Promise<boolean>, limit: number): Promise<number> {
  for (let presses = 0; presses <= limit; presses++) {
    if (await done()) return presses;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} pressed ${limit} times without reaching the goal`);
}

test("with the keyboard alone: into the grid, to a cell, type, Enter, the live check, paste 2×2, copy, delete; axe finds nothing", async () => {
  const { page } = session;
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl() });
  await cell(page, "E16").waitFor();
  // Found by its text once, then held by its address: the text is what the test changes.
  const address = (await page.locator(".pg-grid td[data-cell^='E']", { hasText: /^Hàn Quốc, Nhật Bản$/ }).first().getAttribute("data-cell"))!;
  const target = cell(page, address);
  const targetRow = Number(address.slice(1));

  // Into the grid with Tab: one stop, on the active cell (A1 until one is chosen).
  await pressUntil(page, "Tab", async () => (await focused(page)) === "grid", 20);
  expect(await activeAddress(page)).toBe("A1");
  // On with Tab: cell by cell along the row (as in Excel), then out of the grid at its last column, on to Kiểm tra.
  await page.keyboard.press("Tab");
  // A1:E1 is merged in the sample (the unit's name): Tab crosses it as one cell.
  expect(await activeAddress(page)).toBe("F1");
  await pressUntil(page, "Tab", async () => (await focused(page)) === `button:${t.checkButton}`, 80);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelectorAll(".pg-grid td[data-mark]").length > 0);
  const errorsBefore = await errorCount();

  // Back into the grid with Shift+Tab, then to the cell with the arrows.
  await pressUntil(page, "Shift+Tab", async () => (await focused(page)) === "grid", 80);
  await page.keyboard.press("Control+Home");
  expect(await activeAddress(page)).toBe("A1");
  await pressUntil(page, "ArrowDown", async () => (await activeAddress(page)) === `A${targetRow}`, 40);
  await pressUntil(page, "ArrowRight", async () => (await activeAddress(page)) === address, 10);
  const cellId = await target.getAttribute("id");
  await expect(grid(page).getAttribute("aria-activedescendant")).resolves.toBe(cellId);
  await expect(target.getAttribute("aria-selected")).resolves.toBe("true");
  await expect(announcement(page)).resolves.toBe(`${address}: Hàn Quốc, Nhật Bản`);
  expect(await isInGridView(page, target)).toBe(true);
  // The focus ring: the active cell's outline while the grid has the focus.
  await expect(target.evaluate((td) => getComputedStyle(td).outlineStyle)).resolves.toBe("solid");

  // Typing replaces the text; Enter saves it and moves down; the live check marks it and the count follows.
  await page.keyboard.type("Hàn Quốc, Nhật Bản, Trung Quốc, Lào");
  await page.keyboard.press("Enter");
  await page.waitForFunction((a) => document.querySelector(`.pg-grid td[data-cell="${a}"]`)?.getAttribute("data-mark") === "error", address);
  await expect(target.innerText()).resolves.toBe("Hàn Quốc, Nhật Bản, Trung Quốc, Lào");
  expect(await errorCount()).toBe(errorsBefore + 1);
  expect(await activeAddress(page)).toBe(`E${targetRow + 1}`);
  expect(await focused(page)).toBe("grid");

  // A 2×2 paste from the notes column (Ghi chú, N: End goes to the last used column) on two delegations' rows:
  // written at once, so the live check re-reads both rows in one batch and says so.
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("End");
  const start = (await activeAddress(page))!;
  expect(start).toBe(`N${targetRow}`);
  const [column, next] = [start[0], String.fromCharCode(start.charCodeAt(0) + 1)];
  const rows = [targetRow, targetRow + 1];
  await page.evaluate(() => navigator.clipboard.writeText("x1\ty1\r\nx2\ty2\r\n"));
  await page.keyboard.press("Control+V");
  await page.waitForFunction((a) => (document.querySelector(`.pg-grid td[data-cell="${a}"]`) as HTMLElement | null)?.innerText === "y2", `${next}${rows[1]}`);
  const pastedCells = [`${column}${rows[0]}`, `${next}${rows[0]}`, `${column}${rows[1]}`, `${next}${rows[1]}`];
  await expect(Promise.all(pastedCells.map((a) => cell(page, a).innerText()))).resolves.toEqual(["x1", "y1", "x2", "y2"]);
  await pane(page).getByText(/Đã kiểm tra lại 2 dòng lúc \d\d:\d\d/).waitFor();
  await expect(announcement(page)).resolves.toBe(pg.cellsPasted.replace("{count}", "4").replace("{cell}", `${pastedCells[0]}:${pastedCells[3]}`));
  expect(await errorCount()).toBe(errorsBefore + 1);
  await screenshot(page, "grid-keyboard-pasted-range");

  // What was pasted is selected: Ctrl+C copies it back as TSV, Delete clears it (nothing else).
  await page.keyboard.press("Control+C");
  await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe("x1\ty1\r\nx2\ty2");
  await page.keyboard.press("Delete");
  await page.waitForFunction((a) => (document.querySelector(`.pg-grid td[data-cell="${a}"]`) as HTMLElement | null)?.innerText === "", `${next}${rows[1]}`);
  await expect(Promise.all(pastedCells.map((a) => cell(page, a).innerText()))).resolves.toEqual(["", "", "", ""]);
  await expect(announcement(page)).resolves.toBe(pg.cellsCleared.replace("{count}", "4"));
  await expect(target.innerText()).resolves.toBe("Hàn Quốc, Nhật Bản, Trung Quốc, Lào");
  expect(await errorCount()).toBe(errorsBefore + 1);

  // Escape while editing keeps the cell as it was.
  await page.keyboard.press("Control+Home");
  await pressUntil(page, "ArrowDown", async () => (await activeAddress(page)) === `A${targetRow}`, 40);
  await pressUntil(page, "ArrowRight", async () => (await activeAddress(page)) === address, 10);
  await page.keyboard.type("Lào");
  await page.keyboard.press("Escape");
  await expect(target.innerText()).resolves.toBe("Hàn Quốc, Nhật Bản, Trung Quốc, Lào");
  expect(await focused(page)).toBe("grid");

  expect(await axeViolations(page)).toEqual([]);
  // The keys' help, opened, is clean too.
  await page.locator(".pg-keys summary").click();
  await page.locator(`#pg-grid-keys`).getByText(pg.keysTab).waitFor();
  expect(await axeViolations(page)).toEqual([]);
});
