/** axe-core in the page, and what the pane shows past its right edge (it must never scroll sideways). */
import * as fs from "node:fs";
import type { Page } from "playwright-core";

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe's violations on the whole page, one line each. Fluent's Tabster adds focus-redirecting `<i>`
 * elements that are focusable and aria-hidden by design (they hand focus on at once and must stay
 * silent for screen readers): axe cannot tell them from a real hidden control, so they are left out of
 * the scan, as Microsoft's own Accessibility Insights does (microsoft/tabster#288,
 * microsoft/accessibility-insights-web#7605). Everything else on the page is scanned.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: Axe }).axe;
    const result = await axe.run({ include: [["html"]], exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return result.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")} — ${(node.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 200)}`),
    );
  });
}

interface Axe {
  run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[] }>;
}

/** Elements of the pane whose right edge passes the pane's (beyond half a pixel), and the pane's own sideways scroll. */
export async function paneOverflow(page: Page): Promise<{ scroll: number; wide: string[] }> {
  return page.evaluate(() => {
    const pane = document.querySelector("aside.pg-pane");
    if (!pane) return { scroll: -1, wide: ["no pane"] };
    const right = pane.getBoundingClientRect().right;
    const wide = [...pane.querySelectorAll<HTMLElement>("*")]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && box.right > right + 0.5 && element.closest("[hidden]") === null;
      })
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""} “${(element.textContent ?? "").slice(0, 40)}” +${Math.round(element.getBoundingClientRect().right - right)}px`);
    return { scroll: pane.scrollWidth - pane.clientWidth, wide };
  });
}
