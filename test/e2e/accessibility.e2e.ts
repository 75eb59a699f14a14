/**
 * Every tab of the pane, in both languages, at Excel's narrowest task pane (320 px) and at desktop width:
 * axe-core finds nothing on the page and the pane never scrolls sideways, before and after a check and a
 * merge. Screenshots of each state go to test/e2e/screenshots (a11y-*).
 */
import * as path from "node:path";
import type { Page } from "playwright-core";
import { stringsFor, type Locale } from "../../src/i18n";
import { axeViolations, paneOverflow } from "./support/axe";
import { launchBrowser, type Browser } from "./support/browser";
import { baseUrl, cell, openPlayground, pane, paneButton, paneTab } from "./support/playground";
import { SCREENSHOTS, screenshot } from "./support/screenshots";
import { writeUnitFiles, type UnitFiles } from "./support/unitFiles";

const WIDTHS = [
  { name: "320px", viewport: { width: 320, height: 900 } },
  { name: "desktop", viewport: { width: 1400, height: 860 } },
] as const;
const LOCALES: readonly Locale[] = ["vi", "en"];
const TABS = ["check", "lists", "consolidate", "settings"] as const;

let browser: Browser;
let files: UnitFiles;

beforeAll(async () => {
  files = await writeUnitFiles();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  files?.remove();
});

function tabName(tab: (typeof TABS)[number], locale: Locale): string {
  const t = stringsFor(locale).pane;
  return { check: t.tabCheck, lists: t.tabLists, consolidate: t.tabConsolidate, settings: t.tabSettings }[tab];
}

/** The playground's language button switches the whole pane (and stays switched for the next pages). */
async function useLanguage(page: Page, locale: Locale): Promise<void> {
  const wanted = paneTab(page, tabName("settings", locale));
  await paneTab(page, tabName("check", "vi")).or(paneTab(page, tabName("check", "en"))).first().waitFor();
  if ((await wanted.count()) === 0) await page.getByRole("toolbar").getByRole("button", { name: stringsFor(locale === "vi" ? "en" : "vi").playground.language }).click();
  await wanted.waitFor();
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(locale);
}

/** Every tab: axe at 0 and nothing past the pane's right edge. */
async function everyTabIsClean(page: Page, locale: Locale, shot: string, narrow: boolean): Promise<void> {
  for (const tab of TABS) {
    await paneTab(page, tabName(tab, locale)).click();
    await expect(paneTab(page, tabName(tab, locale)).getAttribute("aria-selected")).resolves.toBe("true");
    // Let Fluent's transitions end before measuring.
    await page.waitForTimeout(250);
    expect({ tab, violations: await axeViolations(page) }).toEqual({ tab, violations: [] });
    expect({ tab, overflow: await paneOverflow(page) }).toEqual({ tab, overflow: { scroll: 0, wide: [] } });
    // At 320 px the pane sits under the grid: the pane itself is what to look at.
    if (narrow) await pane(page).screenshot({ path: path.join(SCREENSHOTS, `${shot}-${tab}.png`) });
    else await screenshot(page, `${shot}-${tab}`);
  }
}

describe.each(WIDTHS)("at $name", ({ name, viewport }) => {
  const narrow = viewport.width <= 320;
  describe.each(LOCALES)("in %s", (locale) => {
    const t = stringsFor(locale).pane;
    const c = stringsFor(locale).consolidation;
    const pg = stringsFor(locale).playground;
    let page: Page;
    let errors: string[];

    beforeAll(async () => {
      ({ page, errors } = await openPlayground(browser.context));
      await page.setViewportSize(viewport);
      await cell(page, "E16").waitFor();
      await useLanguage(page, locale);
      // Stacked under the grid at this width, the pane scrolls within half the window: let it show whole.
      if (narrow) await pane(page).evaluate((aside) => void (aside.style.maxHeight = "none"));
    });

    afterAll(async () => {
      await page?.close();
    });

    afterEach(() => {
      expect(errors).toEqual([]);
    });

    test("every tab, before any check", async () => {
      const width = (await pane(page).boundingBox())?.width ?? 0;
      if (narrow) expect(width).toBeLessThanOrEqual(320);
      else expect(width).toBeGreaterThanOrEqual(320);
      await everyTabIsClean(page, locale, `a11y-${name}-${locale}-1-start`, narrow);
    });

    test("every tab, after a check with findings", async () => {
      await paneTab(page, tabName("check", locale)).click();
      await paneButton(page, t.checkButton).click();
      await pane(page).getByRole("heading", { name: t.findingsTitle }).waitFor();
      await everyTabIsClean(page, locale, `a11y-${name}-${locale}-2-checked`, narrow);
    });

    test("every tab, after a merge of unit files into a new master", async () => {
      await page.getByRole("button", { name: pg.newWorkbook, exact: true }).click();
      await page.locator(".pg-file").getByText(pg.newWorkbookName).waitFor();
      await paneTab(page, tabName("consolidate", locale)).click();
      await pane(page).getByLabel(c.chooseFiles).setInputFiles(files.units);
      await pane(page).getByRole("list", { name: c.unitsListLabel }).locator(":scope > li").nth(files.units.length - 1).waitFor();
      await paneButton(page, c.merge).click();
      await pane(page).getByRole("heading", { name: c.summaryTitle }).waitFor({ timeout: 60_000 });
      await everyTabIsClean(page, locale, `a11y-${name}-${locale}-3-merged`, narrow);
    });
  });
});

describe.each(LOCALES)("at 320 px in %s, what used to be cut or wrapped", (locale) => {
  test("the rule sets' names are whole, the sheet tabs stay on one row, and the page never scrolls sideways", async () => {
    const { page, errors } = await openPlayground(browser.context);
    try {
      await page.setViewportSize({ width: 320, height: 900 });
      await cell(page, "E16").waitFor();
      await useLanguage(page, locale);
      const t = stringsFor(locale).pane;
      await paneTab(page, t.tabSettings).click();
      const ruleSets = pane(page).getByRole("radiogroup", { name: t.profile });
      const labels = ruleSets.locator("label");
      expect(await labels.count()).toBeGreaterThanOrEqual(4);
      // A label whose text is wider than its box, or that is clipped, would show a cut name.
      const cut = await labels.evaluateAll((all) => all.filter((label) => label.scrollWidth > label.clientWidth + 0.5 || getComputedStyle(label).textOverflow === "ellipsis").map((label) => label.textContent));
      expect(cut).toEqual([]);
      await ruleSets.screenshot({ path: path.join(SCREENSHOTS, `a11y-320px-${locale}-rule-sets.png`) });

      const tabs = page.getByRole("tablist", { name: stringsFor(locale).playground.sheetTabs }).getByRole("tab");
      expect(await tabs.count()).toBeGreaterThanOrEqual(2);
      const tops = await tabs.evaluateAll((all) => all.map((tab) => Math.round(tab.getBoundingClientRect().top)));
      expect(new Set(tops).size).toBe(1);
      await expect(page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).resolves.toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.locator(".pg-tabs-row").screenshot({ path: path.join(SCREENSHOTS, `a11y-320px-${locale}-sheet-tabs.png`) });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe.each(LOCALES)("taskpane.html opened outside Excel, in %s, at 320 px", (locale) => {
  test("says why, links to the setup guide and the preview, and axe finds nothing", async () => {
    const { page, errors } = await openPlayground(browser.context);
    try {
      await page.setViewportSize({ width: 320, height: 700 });
      // office.js cannot load here (no Office, no Internet): the pane says so.
      await page.goto(`${baseUrl()}/taskpane.html${locale === "en" ? "?lang=en" : ""}`);
      const s = stringsFor(locale).shell;
      const message = page.getByRole("alert");
      await message.waitFor({ timeout: 30_000 });
      await expect(message.getByRole("heading", { level: 1 }).innerText()).resolves.toMatch(new RegExp(`^(${s.officeJsMissingTitle}|${s.noOfficeTitle})$`));
      const guide = page.getByRole("link", { name: s.setupGuideLink });
      if ((await guide.count()) > 0) await expect(guide.getAttribute("href")).resolves.toBe("assets/help.html#cai-dat");
      expect(await axeViolations(page)).toEqual([]);
      await expect(page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).resolves.toBeLessThanOrEqual(0);
      await screenshot(page, `a11y-taskpane-outside-excel-${locale}`);
      // A blocked CDN script is the expected state here, not a page error.
      expect(errors.filter((error) => !/office\.js|appsforoffice|ERR_|Failed to load resource/i.test(error))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe("the help page", () => {
  test("Vietnamese first with the English menu paths beside, at 320 px with nothing sideways, and axe finds nothing", async () => {
    const { page } = await openPlayground(browser.context);
    try {
      await page.setViewportSize({ width: 320, height: 700 });
      await page.goto(`${baseUrl()}/assets/help.html`);
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("vi");
      await expect(page.locator("#cai-dat").innerText()).resolves.toMatch(/^Cài đặt phần bổ trợ/);
      await expect(page.getByText("Chèn › Phần bổ trợ › Phần bổ trợ của tôi", { exact: true }).count()).resolves.toBeGreaterThan(0);
      await expect(page.locator('[lang="en"]').getByText("Insert › Add-ins › My Add-ins", { exact: true }).count()).resolves.toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await expect(page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).resolves.toBeLessThanOrEqual(0);
      await screenshot(page, "a11y-help-320px");
    } finally {
      await page.close();
    }
  });
});
