/** Screenshots of the main states, for a reviewer (test/e2e/screenshots/, gitignored). */
import * as path from "node:path";
import type { Page } from "playwright-core";

export const SCREENSHOTS = path.resolve(__dirname, "..", "screenshots");

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
