/**
 * Issue 11 in Chromium: hostile files opened in the playground go through the package reader's guards
 * (editableWorkbook.ts). A merge to the end of the sheet beside a plan is clipped to the values and named;
 * one still too large once clipped is refused in Vietnamese and the tab lives on; a
 * stray cell at XFD1048576 no longer builds a 17-billion-cell grid; broken chart and drawing parts are
 * named, not a reason to refuse the file.
 */
import { stringsFor } from "../../src/i18n";
import { HOSTILE_PACKAGES } from "../fixtures/badFiles";
import { cellValue, playgroundForFile, pane, paneButton } from "./support/playground";
import { screenshot } from "./support/screenshots";

const pg = stringsFor("vi").playground;
const t = stringsFor("vi").pane;

const session = playgroundForFile();

async function openHostile(file: string): Promise<void> {
  await session.page.locator('input[data-testid="open-file"]').setInputFiles({ name: file, mimeType: "application/octet-stream", buffer: HOSTILE_PACKAGES[file].build() });
}

test("a merge M5:XFD1048576 beside a plan: the file opens, the plan is there and the clipped merge is named", async () => {
  await session.page.locator(".pg-file").waitFor();
  await openHostile("gop-ghi-chu.xlsx");
  await session.page.locator(".pg-file").getByText("gop-ghi-chu.xlsx").waitFor({ timeout: 30_000 });
  await expect(cellValue(session.page, "B4")).resolves.toBe("Đoàn công tác số 1");
  await expect(cellValue(session.page, "M5")).resolves.toBe("Ghi chú: số liệu tạm tính");
  await session.page.getByText(/vùng gộp M5:XFD1048576 trải tới tận cuối trang tính; bản xem thử chỉ giữ phần M5:M6 có dữ liệu/).first().waitFor({ timeout: 10_000 });
  await screenshot(session.page, "hostile-merge-clipped");
});

test("a merge still over a million cells once clipped: refused with a Vietnamese message naming the sheet; the tab is alive and the open workbook stays", async () => {
  const before = await session.page.locator(".pg-file").innerText();
  await openHostile("gop-van-qua-lon.xlsx");
  const alert = session.page.getByRole("alert");
  await alert.waitFor({ timeout: 30_000 });
  await expect(alert.innerText()).resolves.toContain(pg.openFailed.replace("{file}", "gop-van-qua-lon.xlsx").replace(": {reason}", ""));
  await expect(alert.innerText()).resolves.toMatch(/Trang «Ghi chú» có quá nhiều ô gộp/);
  await expect(session.page.evaluate(() => 1 + 1)).resolves.toBe(2);
  await expect(session.page.locator(".pg-file").innerText()).resolves.toBe(before);
  await screenshot(session.page, "hostile-merge-refused");
});

test("a plan with one cell at XFD1048576: opens, the plan is checked and the far cell is named", async () => {
  await openHostile("o-xa-nhat.xlsx");
  await session.page.locator(".pg-file").getByText("o-xa-nhat.xlsx").waitFor({ timeout: 30_000 });
  await expect(cellValue(session.page, "B4")).resolves.toBe("Đoàn công tác số 1");
  await paneButton(session.page, t.checkButton).click();
  await pane(session.page).getByText(/1 ô có dữ liệu nằm rất xa bảng \(XFD1048576: “x”\)/).waitFor({ timeout: 60_000 });
  await expect(session.page.evaluate(() => 1 + 1)).resolves.toBe(2);
  await screenshot(session.page, "hostile-far-cell");
});

test("broken drawing, chart and chart sheet: the file opens and the skipped parts are named in Vietnamese", async () => {
  await openHostile("bieu-do-hong.xlsx");
  await session.page.locator(".pg-file").getByText("bieu-do-hong.xlsx").waitFor({ timeout: 30_000 });
  await expect(session.page.getByRole("status").first().innerText()).resolves.toMatch(/Phần «xl\/drawings\/drawing1\.xml» của tệp bị hỏng/);
  await expect(cellValue(session.page, "B4")).resolves.toBe("Đoàn công tác số 1");
});
