/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, render, screen } from "@testing-library/react";
import type { HostEnvironment } from "../../src/excel/environment";
import { Shell } from "../../src/taskpane/Shell";
import { localeFromSearch } from "../../src/taskpane/shell/locale";

/** A detection the test settles by hand, so the waiting state can be observed. */
function pendingDetection() {
  let settle: (environment: HostEnvironment) => void = () => undefined;
  const promise = new Promise<HostEnvironment>((resolve) => {
    settle = resolve;
  });
  return { detect: () => promise, settle };
}

async function renderShell(environment: HostEnvironment, props: Partial<Parameters<typeof Shell>[0]> = {}) {
  const detection = pendingDetection();
  const result = render(<Shell detect={detection.detect} {...props} />);
  await act(async () => detection.settle(environment));
  return result;
}

const app = () => <main>the real pane</main>;

describe("task pane shell", () => {
  it("shows a spinner while Office is being detected, and not the app", () => {
    const detection = pendingDetection();
    render(<Shell detect={detection.detect} renderApp={app} />);
    expect(screen.getByText("Đang kết nối với Excel…")).toBeInTheDocument();
    expect(screen.queryByText("the real pane")).not.toBeInTheDocument();
  });

  it("renders the app once Excel is ready", async () => {
    await renderShell({ kind: "excel", apiOk: true }, { renderApp: app });
    expect(screen.getByText("the real pane")).toBeInTheDocument();
    // The page has its level-one heading (the pane's tabs use h2, their sections h3).
    expect(screen.getByRole("heading", { level: 1, name: "Kế hoạch đoàn ra, đoàn vào" })).toBeInTheDocument();
    expect(screen.queryByText("Đang kết nối với Excel…")).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("says it is connected when no app is plugged in yet", async () => {
    await renderShell({ kind: "excel", apiOk: true });
    expect(screen.getByText("Đã kết nối với Excel.")).toBeInTheDocument();
  });

  it("outside Excel: asks to open the pane from Excel's ribbon and links to the playground", async () => {
    await renderShell({ kind: "no-office", reason: "no-host" }, { renderApp: app });
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Hãy mở bảng này từ Excel");
    expect(alert).toHaveTextContent(/thẻ Kế hoạch đoàn trên thanh công cụ \(ribbon\)/);
    expect(screen.getByRole("link", { name: "Mở bản xem thử" })).toHaveAttribute("href", "playground.html");
    expect(screen.queryByText("the real pane")).not.toBeInTheDocument();
  });

  it("when office.js did not load: says so, rather than blaming the user", async () => {
    await renderShell({ kind: "no-office", reason: "office-js-missing" });
    expect(screen.getByRole("alert")).toHaveTextContent("Không tải được thư viện Office");
    expect(screen.getByRole("alert")).toHaveTextContent("office.js (xem hướng dẫn cài đặt).");
    // The setup steps are one click away, not only named.
    expect(screen.getByRole("link", { name: "xem hướng dẫn cài đặt" })).toHaveAttribute("href", "assets/help.html#cai-dat");
    expect(screen.getByRole("link", { name: "Mở bản xem thử" })).toBeInTheDocument();
  });

  it("in an Excel without the API set: names the missing set and the Office versions needed", async () => {
    await renderShell({ kind: "excel-too-old", needed: "ExcelApi 1.9", reason: "api-set" }, { renderApp: app });
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Phiên bản Excel này chưa dùng được");
    expect(alert).toHaveTextContent("ExcelApi 1.9");
    expect(alert).toHaveTextContent("Kế hoạch đoàn cần Office 2021, Microsoft 365 hoặc Excel trên web.");
    expect(screen.queryByText("the real pane")).not.toBeInTheDocument();
  });

  it("in an old webview: blames the browser engine and names the versions needed", async () => {
    await renderShell({ kind: "excel-too-old", needed: "ExcelApi 1.9", reason: "webview" });
    expect(screen.getByRole("alert")).toHaveTextContent("Internet Explorer");
    expect(screen.getByRole("alert")).toHaveTextContent("Office 2021, Microsoft 365");
  });

  it("treats a failed detection as not running in Excel", async () => {
    render(<Shell detect={() => Promise.reject(new Error("boom"))} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Hãy mở bảng này từ Excel");
  });

  it("speaks English when asked", async () => {
    await renderShell({ kind: "excel-too-old", needed: "ExcelApi 1.9", reason: "api-set" }, { locale: "en" });
    expect(screen.getByRole("alert")).toHaveTextContent("Delegation plans needs Office 2021, Microsoft 365 or Excel on the web.");
  });

  it.each([
    ["", "vi"],
    ["?lang=en", "en"],
    ["?lang=fr", "vi"],
    ["?x=1&lang=en", "en"],
  ])("picks the locale from the query %p → %s", (search, locale) => {
    expect(localeFromSearch(search)).toBe(locale);
  });
});
