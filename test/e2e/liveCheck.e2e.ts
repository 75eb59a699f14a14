/**
 * Live check in the playground: after one Kiểm tra, typing a 4th country into a delegation's cell marks
 * it, and fixing it removes the mark, without pressing Kiểm tra again; the pane's count and status follow.
 */
import { stringsFor } from "../../src/i18n";
import { cell, playgroundForFile, pane, paneButton, severityCounts } from "./support/playground";

const t = stringsFor("vi").pane;

const session = playgroundForFile();

const errorCount = async (): Promise<number> => Number((await severityCounts(session.page))[0].split(": ")[1]);

/** Double-clicks the cell, types the text and presses Enter, as an officer would. */
async function typeInto(address: string, text: string): Promise<void> {
  await cell(session.page, address).dblclick();
  const editor = cell(session.page, address).locator("input");
  await editor.fill(text);
  await editor.press("Enter");
}

const titleOf = (address: string) => cell(session.page, address).getAttribute("title");

test("a 4th country typed into a delegation is marked at once, and the mark goes when it is fixed", async () => {
  await cell(session.page, "E16").waitFor();
  await paneButton(session.page, t.checkButton).click();
  await session.page.waitForFunction(() => document.querySelectorAll(".pg-grid td[data-mark]").length > 0);
  await expect(pane(session.page).getByRole("switch", { name: t.liveToggle }).isChecked()).resolves.toBe(true);

  const target = session.page.locator(".pg-grid td[data-cell^='E']", { hasText: /^Hàn Quốc, Nhật Bản$/ }).first();
  const address = (await target.getAttribute("data-cell"))!;
  expect((await titleOf(address)) ?? "").not.toContain("vượt quá 3 nước");
  const errorsBefore = await errorCount();

  await typeInto(address, "Hàn Quốc, Nhật Bản, Trung Quốc, Lào");
  await session.page.waitForFunction((a) => document.querySelector(`.pg-grid td[data-cell="${a}"]`)?.getAttribute("data-mark") === "error", address);
  expect(await titleOf(address)).toContain("vượt quá 3 nước/chuyến");
  expect(await errorCount()).toBe(errorsBefore + 1);
  await pane(session.page).getByText(/Đã kiểm tra lại 1 dòng lúc \d\d:\d\d/).waitFor();

  await typeInto(address, "Hàn Quốc, Nhật Bản");
  await session.page.waitForFunction((a) => !document.querySelector(`.pg-grid td[data-cell="${a}"]`)?.hasAttribute("data-mark"), address);
  expect((await titleOf(address)) ?? "").not.toContain("vượt quá 3 nước");
  expect(await errorCount()).toBe(errorsBefore);
  await expect(cell(session.page, address).innerText()).resolves.toBe("Hàn Quốc, Nhật Bản");
});
