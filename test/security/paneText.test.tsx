/** @jest-environment jsdom */
/**
 * Workbook text is shown as text in the task pane, never as HTML: findings, sheet names, suggestions,
 * a sheet's "not a template" reason and the quick-fix preview all carry markup here, and no element of
 * that markup may appear in the page.
 */
import { createTestStyleRenderer } from "../support/jsdomPolyfills";
import "@testing-library/jest-dom";
import { FluentProvider, RendererProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { Finding } from "../../src/domain/model";
import { App } from "../../src/taskpane/App";
import type { CheckResult } from "../../src/taskpane/services";
import { createFakeServices } from "../taskpane/fakeServices";

jest.setTimeout(30_000);

const styleRenderer = createTestStyleRenderer();

function Providers({ children }: { children: ReactNode }) {
  return (
    <RendererProvider renderer={styleRenderer} targetDocument={document}>
      <FluentProvider theme={webLightTheme}>{children}</FluentProvider>
    </RendererProvider>
  );
}

const IMG = "<img src=x onerror=alert(1)>";
const SHEET = `Đoàn ra <b>2025</b><img src=y onerror=alert(2)>`;
const SUGGESTION = "<img src=z onerror=alert(3)>Hàn Quốc";
const CELL_TEXT = "<svg onload=alert(4)>Han Quoc";
const REASON = "<script>alert(5)</script>Không tìm thấy dòng tiêu đề";

function finding(row: number, column: number, rule: Finding["rule"], message: string, suggestion?: string): Finding {
  const cell = `${String.fromCharCode(64 + column)}${row}`;
  return {
    sheet: SHEET,
    row,
    column,
    cell,
    rule,
    severity: "warning",
    message,
    messageEn: message,
    ...(suggestion ? { suggestion } : {}),
    source: `<a href="javascript:alert(6)">Công văn</a>`,
    delegationId: `${SHEET}!${row}`,
  };
}

const RESULT: CheckResult = {
  sheets: [
    { sheet: SHEET, kind: "outbound", delegations: 2 },
    { sheet: "<i>Hướng dẫn</i>", delegations: 0, reason: REASON },
  ],
  findings: [finding(5, 6, "country-unknown", `Nước “${IMG}” không có trong danh mục`, SUGGESTION), finding(6, 9, "purpose-unclear", IMG)],
  checkedAt: "2025-03-12T07:00:00.000Z",
};

/** No element the markup above would create, anywhere in the document. */
function expectNoInjectedElements() {
  expect(document.querySelectorAll("img, script, b, i:not([data-tabster-dummy]), a[href^='javascript']")).toHaveLength(0);
  expect(document.querySelectorAll("[onerror], [onload]")).toHaveLength(0);
  // Fluent draws its icons as <svg> without handlers; none may come from the cell text.
  for (const svg of document.querySelectorAll("svg")) expect(svg.getAttribute("onload")).toBeNull();
}

test("findings, sheet names, reasons, suggestions and the fix preview render markup as literal text", async () => {
  const services = createFakeServices({ result: RESULT, cells: { [`${SHEET}!F5`]: CELL_TEXT } });
  render(<App services={services} />, { wrapper: Providers });
  await act(async () => {});
  await waitFor(() => expect(screen.getByRole("button", { name: "Kiểm tra" })).toBeEnabled(), { timeout: 5000 });
  fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
  await screen.findByText(/^Kiểm tra lúc/);

  // The texts are on screen, as typed.
  expect(document.body.textContent).toContain(`Nước “${IMG}” không có trong danh mục`);
  expect(document.body.textContent).toContain(SHEET);
  expect(document.body.textContent).toContain(REASON);
  expect(document.body.textContent).toContain("<i>Hướng dẫn</i>");
  expectNoInjectedElements();

  // The quick-fix preview shows the cell's text and the suggestion, also as text.
  const fixButton = screen.getAllByRole("button").find((button) => /^Sửa ô F5/.test(button.getAttribute("aria-label") ?? button.textContent ?? ""));
  expect(fixButton).toBeDefined();
  fireEvent.click(fixButton!);
  const dialog = await screen.findByRole("dialog", { hidden: true });
  const items = within(dialog).queryAllByRole("listitem", { hidden: true }).map((item) => item.textContent ?? "");
  expect(items.join(" ")).toContain(CELL_TEXT);
  expect(items.join(" ")).toContain(SUGGESTION);
  expectNoInjectedElements();
});
