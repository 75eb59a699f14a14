/** @jest-environment jsdom */
import { createTestStyleRenderer } from "../support/jsdomPolyfills";
import "@testing-library/jest-dom";
import { FluentProvider, RendererProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App, type AppProps } from "../../src/taskpane/App";
import type { CheckResult } from "../../src/taskpane/services";
import { createFakeServices, SAMPLE_FINDINGS, SAMPLE_RESULT, type FakeServices } from "./fakeServices";

// Generous: the machine running the suite is shared, and Fluent in jsdom is not fast.
jest.setTimeout(30_000);

const styleRenderer = createTestStyleRenderer();

function Providers({ children }: { children: ReactNode }) {
  return (
    <RendererProvider renderer={styleRenderer} targetDocument={document}>
      <FluentProvider theme={webLightTheme}>{children}</FluentProvider>
    </RendererProvider>
  );
}

/** Renders the pane and lets the saved settings load (the fake answers at once). */
async function renderPane(fake: FakeServices = createFakeServices(), props: Partial<AppProps> = {}) {
  const view = render(<App services={fake} {...props} />, { wrapper: Providers });
  await act(async () => {});
  const rerender = (next: Partial<AppProps>) => view.rerender(<App services={fake} {...props} {...next} />);
  return { fake, rerender };
}

/** Resolves once the saved settings are in (the check button is enabled then). */
async function settingsLoaded(name = "Kiểm tra") {
  await waitFor(() => expect(screen.getByRole("button", { name })).toBeEnabled(), { timeout: 5000 });
}

async function runCheck() {
  await settingsLoaded();
  fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
  await screen.findByText(/^Kiểm tra lúc/);
}

function openTab(name: string) {
  fireEvent.click(screen.getByRole("tab", { name }));
}

const findingButton = (cell: string) => screen.getByRole("button", { name: new RegExp(`^Ô ${cell} `) });
const queryFindingButton = (cell: string) => screen.queryByRole("button", { name: new RegExp(`^Ô ${cell} `) });

/**
 * The open preview dialog. In jsdom, Fluent's focus manager (tabster) marks the modal surface itself
 * aria-hidden after it opens (it does not in browsers), so queries inside it include hidden nodes.
 */
async function previewDialog() {
  const dialog = await screen.findByRole("dialog", { hidden: true });
  return {
    dialog,
    items: () => within(dialog).queryAllByRole("listitem", { hidden: true }).map((item) => item.textContent),
    button: (name: string) => within(dialog).getByRole("button", { name, hidden: true }),
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe("task pane: check and results", () => {
  it("checks with the saved settings and shows counts per severity, the sheets and the groups", async () => {
    const { fake } = await renderPane();
    await settingsLoaded();
    expect(screen.getByText(/Bấm “Kiểm tra”/)).toBeInTheDocument();
    await runCheck();

    expect(fake.callsOf("check")).toEqual([[{ profileId: "hai-phong", year: 2025, locale: "vi" }]]);
    expect(screen.getByText(/5 lỗi, 4 cảnh báo, 1 thông tin/)).toBeInTheDocument();

    const counts = within(screen.getByRole("list", { name: "Số phát hiện theo mức độ" }));
    expect(counts.getByText("Lỗi: 5")).toBeInTheDocument();
    expect(counts.getByText("Cảnh báo: 4")).toBeInTheDocument();
    expect(counts.getByText("Thông tin: 1")).toBeInTheDocument();

    const recognised = within(screen.getByRole("list", { name: "Trang biểu mẫu đã nhận dạng" }));
    expect(recognised.getByText("Đoàn ra 2025: Kế hoạch đoàn ra, 5 đoàn")).toBeInTheDocument();
    expect(recognised.getByText("Đoàn vào 2025: Kế hoạch đoàn vào, 2 đoàn")).toBeInTheDocument();
    const others = within(screen.getByRole("list", { name: "Trang không phải biểu mẫu" }));
    expect(others.getByText("Hướng dẫn: Không tìm thấy dòng tiêu đề cột của biểu mẫu")).toBeInTheDocument();

    // Grouped by sheet, then by rule (errors first), each group with its count.
    const sheetHeaders = screen.getAllByRole("heading", { level: 4 }).map((heading) => heading.textContent);
    expect(sheetHeaders).toEqual(["Đoàn ra 2025 (8)", "Đoàn vào 2025 (2)"]);
    const ruleHeaders = screen.getAllByRole("heading", { level: 5 }).map((heading) => heading.textContent);
    expect(ruleHeaders).toEqual([
      "Vượt số thành viên tối đa (1)",
      "Quá số nước trong một chuyến (1)",
      "Nguồn kinh phí không được phép (1)",
      "Thời gian không hợp lệ (1)",
      "Tên nước chưa chuẩn (2)",
      "Chức vụ chưa chuẩn (1)",
      "Đoàn ngoài kế hoạch (1)",
      "Thiếu thông tin bắt buộc (1)",
      "Tên nước chưa chuẩn (1)",
    ]);

    // Each finding: its cell, message and suggestion.
    const f8 = findingButton("F8");
    expect(f8).toHaveTextContent("Nước đến “Han Quoc” không có trong danh mục chuẩn; có phải “Hàn Quốc”?");
    expect(f8).toHaveTextContent("Gợi ý: Hàn Quốc");
    expect(findingButton("E9")).toHaveTextContent("Đoàn có 9 thành viên, vượt quá mức tối đa 7 người/đoàn.");
  });

  it("collapses a sheet's group and opens it again", async () => {
    await renderPane();
    await runCheck();
    const header = screen.getByRole("button", { name: "Đoàn vào 2025 (2)" });
    expect(header).toHaveAttribute("aria-expanded", "true");
    fireEvent.click(header);
    expect(header).toHaveAttribute("aria-expanded", "false");
    await waitFor(() => expect(queryFindingButton("J7")).not.toBeInTheDocument());
    fireEvent.click(header);
    expect(await screen.findByRole("button", { name: /^Ô J7 / })).toBeInTheDocument();
  });

  it("shows a spinner while checking and disables the actions", async () => {
    const fake = createFakeServices();
    const gate = deferred<CheckResult>();
    jest.spyOn(fake, "check").mockReturnValue(gate.promise);
    await renderPane(fake);
    await settingsLoaded();
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
    expect(await screen.findByText("Đang kiểm tra…")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Kiểm tra" })).toBeDisabled();
    await act(async () => gate.resolve(SAMPLE_RESULT));
    expect(screen.queryByText("Đang kiểm tra…")).not.toBeInTheDocument();
    expect(screen.getByText(/5 lỗi, 4 cảnh báo, 1 thông tin/)).toBeInTheDocument();
  });

  it("filters by severity and by rule", async () => {
    await renderPane();
    await runCheck();
    const severity = screen.getByRole("combobox", { name: "Lọc theo mức độ" });
    const rule = screen.getByRole("combobox", { name: "Lọc theo quy tắc" });
    // The rule filter offers only the rules that occur, with their counts.
    expect(within(rule).getAllByRole("option").map((option) => option.textContent)).toEqual([
      "Tất cả quy tắc",
      "Thiếu thông tin bắt buộc (1)",
      "Vượt số thành viên tối đa (1)",
      "Quá số nước trong một chuyến (1)",
      "Nguồn kinh phí không được phép (1)",
      "Thời gian không hợp lệ (1)",
      "Tên nước chưa chuẩn (3)",
      "Chức vụ chưa chuẩn (1)",
      "Đoàn ngoài kế hoạch (1)",
    ]);

    fireEvent.change(severity, { target: { value: "error" } });
    expect(screen.getAllByRole("button", { name: /^Ô / })).toHaveLength(5);
    expect(queryFindingButton("F8")).not.toBeInTheDocument();
    expect(findingButton("J7")).toBeInTheDocument();

    fireEvent.change(severity, { target: { value: "" } });
    fireEvent.change(rule, { target: { value: "country-unknown" } });
    expect(screen.getAllByRole("button", { name: /^Ô / }).map((button) => button.textContent?.slice(0, 5))).toEqual(["Ô F8C", "Ô F11", "Ô D8C"]);
    expect(screen.getByRole("button", { name: "Sửa tất cả (3)" })).toBeInTheDocument();

    fireEvent.change(severity, { target: { value: "info" } });
    expect(screen.getByText("Không có phát hiện nào khớp bộ lọc.")).toBeInTheDocument();
    expect(screen.queryAllByRole("button", { name: /^Ô / })).toHaveLength(0);
  });

  it("selects a finding's cell on click and on Enter", async () => {
    const { fake } = await renderPane();
    await runCheck();
    fireEvent.click(findingButton("I10"));
    expect(fake.callsOf("goToCell")).toEqual([[{ sheet: "Đoàn ra 2025", row: 10, column: 9 }]]);

    const inbound = findingButton("D8");
    inbound.focus();
    expect(inbound).toHaveFocus();
    fireEvent.keyDown(inbound, { key: "Enter" });
    expect(fake.callsOf("goToCell")[1]).toEqual([{ sheet: "Đoàn vào 2025", row: 8, column: 4 }]);
    fireEvent.keyDown(inbound, { key: "a" });
    expect(fake.callsOf("goToCell")).toHaveLength(2);
  });

  it("says why a cell could not be selected", async () => {
    const { fake } = await renderPane();
    await runCheck();
    fake.failures.goToCell = "Trang “Đoàn ra 2025” đã bị xóa hoặc đổi tên.";
    fireEvent.click(findingButton("E9"));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Không chọn được ô");
    expect(alert).toHaveTextContent("Trang “Đoàn ra 2025” đã bị xóa hoặc đổi tên.");
  });

  it("folds a rule group with its findings out of the tab order, without React's warning about `inert`", async () => {
    const errors = jest.spyOn(console, "error");
    try {
      await renderPane();
      await runCheck();
      const header = screen.getByRole("button", { name: "Quá số nước trong một chuyến (1)" });
      // The rule's id is its tooltip.
      expect(header.closest("[title]")).toHaveAttribute("title", "countries-max");
      fireEvent.click(header);
      await waitFor(() => expect(header).toHaveAttribute("aria-expanded", "false"));
      const closing = document.querySelectorAll("[inert]");
      // Closed at once (no animation in jsdom) or still closing: either way nothing in it takes focus.
      for (const panel of closing) expect(panel.getAttribute("inert")).toBe("");
      expect(errors.mock.calls.flat().join("\n")).not.toMatch(/inert/);
    } finally {
      errors.mockRestore();
    }
  });

  it("names the protected sheets a check could not mark, and still lists their findings", async () => {
    await renderPane(createFakeServices({ result: { ...SAMPLE_RESULT, protectedSheets: ["Đoàn vào"] } }));
    await runCheck();
    expect(await screen.findByText(/Không tô màu được trang tính đang được bảo vệ: “Đoàn vào”/)).toBeInTheDocument();
  });

  it("clears the marks", async () => {
    const { fake } = await renderPane();
    await runCheck();
    fireEvent.click(screen.getByRole("button", { name: "Xóa đánh dấu" }));
    expect(await screen.findByText(/^Đã xóa mọi đánh dấu của phần bổ trợ trên sổ làm việc và danh sách phát hiện/)).toBeInTheDocument();
    expect(fake.callsOf("clearMarks")).toHaveLength(1);
    // The findings went with their marks: the list no longer shows them.
    expect(screen.queryByRole("heading", { name: "Các phát hiện" })).not.toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Số phát hiện theo mức độ" })).not.toBeInTheDocument();
    expect(screen.getByText(/^Bấm “Kiểm tra” để kiểm tra/)).toBeInTheDocument();
  });

  it("exports every finding to a report sheet and names it", async () => {
    const { fake } = await renderPane();
    await runCheck();
    // Even with a filter on, the report lists every finding.
    fireEvent.change(screen.getByRole("combobox", { name: "Lọc theo mức độ" }), { target: { value: "info" } });
    fireEvent.click(screen.getByRole("button", { name: "Xuất báo cáo" }));
    expect(await screen.findByText("Đã xuất báo cáo ra trang “Kết quả kiểm tra”.")).toBeInTheDocument();
    expect(fake.callsOf("exportReport")).toEqual([[SAMPLE_FINDINGS]]);
  });

  it("cannot export before a check", async () => {
    await renderPane();
    await settingsLoaded();
    expect(screen.getByRole("button", { name: "Xuất báo cáo" })).toBeDisabled();
  });

  it("shows the result of a check run from the ribbon, and the latest result on opening", async () => {
    const fake = createFakeServices();
    const { rerender } = await renderPane(fake, { initialTab: "lists" });
    await settingsLoaded("Gắn danh sách thả xuống");
    await act(async () => {
      await fake.check({ profileId: "ha-noi", year: 2025, locale: "vi" });
    });
    expect(screen.getByRole("tab", { name: "Kiểm tra" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByText(/5 lỗi, 4 cảnh báo, 1 thông tin/)).toBeInTheDocument();
    rerender({ initialTab: "settings" });
    expect(screen.getByRole("tab", { name: "Cài đặt" })).toHaveAttribute("aria-selected", "true");
  });

  it("opens on a result the ribbon produced before the pane existed", async () => {
    const fake = createFakeServices();
    await fake.check({ profileId: "hai-phong", year: 2025, locale: "vi" });
    await renderPane(fake);
    expect(screen.getByText(/5 lỗi, 4 cảnh báo, 1 thông tin/)).toBeInTheDocument();
  });
});

describe("task pane: quick fixes", () => {
  it("previews one fix and applies it only on confirmation, then checks again", async () => {
    const { fake } = await renderPane();
    await runCheck();
    fireEvent.click(screen.getByRole("button", { name: "Sửa ô D10 thành “Phó Giám đốc Sở”" }));

    const preview = await previewDialog();
    expect(within(preview.dialog).getByText("Xem trước sửa đổi")).toBeInTheDocument();
    expect(preview.items()).toEqual(["Đoàn ra 2025!D10: P.GĐ Sờ → Phó Giám đốc Sở"]);
    expect(fake.callsOf("applyFixes")).toHaveLength(0);

    // Cancel: nothing written.
    fireEvent.click(preview.button("Hủy"));
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).not.toBeInTheDocument());
    expect(fake.callsOf("applyFixes")).toHaveLength(0);
    expect(fake.cells["Đoàn ra 2025!D10"]).toBe("P.GĐ Sờ");

    fireEvent.click(screen.getByRole("button", { name: "Sửa ô D10 thành “Phó Giám đốc Sở”" }));
    fireEvent.click((await previewDialog()).button("Áp dụng (1)"));
    expect(await screen.findByText("Đã sửa 1 ô; bỏ qua 0 ô vì nội dung đã thay đổi sau lần kiểm tra.")).toBeInTheDocument();
    expect(fake.callsOf("applyFixes")).toHaveLength(1);
    expect(fake.cells["Đoàn ra 2025!D10"]).toBe("Phó Giám đốc Sở");
    // Checked again: the fixed finding is gone, the others stay.
    expect(fake.callsOf("check")).toHaveLength(2);
    expect(queryFindingButton("D10")).not.toBeInTheDocument();
    expect(findingButton("F8")).toBeInTheDocument();
    expect(screen.queryByRole("dialog", { hidden: true })).not.toBeInTheDocument();
  });

  it("a double click on “Sửa tất cả” opens the preview once and leaves it open", async () => {
    await renderPane();
    await runCheck();
    const fixAll = screen.getByRole("button", { name: "Sửa tất cả (4)" });
    fireEvent.click(fixAll, { detail: 1 });
    const { dialog } = await previewDialog();
    // The second click of the double click: on the button (if it is still reachable) and on the dimmed page.
    fireEvent.click(fixAll, { detail: 2 });
    const backdrop = document.querySelector(".fui-DialogSurface__backdrop");
    expect(backdrop).not.toBeNull();
    fireEvent.click(backdrop!, { detail: 2 });
    await act(async () => {});
    expect(screen.getByRole("dialog", { hidden: true })).toBe(dialog);

    // A later, deliberate click on the dimmed page still closes it, as Escape does.
    const now = Date.now();
    const clock = jest.spyOn(Date, "now").mockReturnValue(now + 5_000);
    try {
      fireEvent.click(backdrop!, { detail: 1 });
      await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).not.toBeInTheDocument());
    } finally {
      clock.mockRestore();
    }
  });

  it("keeps the rule filter after a fix empties it", async () => {
    await renderPane();
    await runCheck();
    const rule = screen.getByRole("combobox", { name: "Lọc theo quy tắc" });
    fireEvent.change(rule, { target: { value: "role-unknown" } });
    fireEvent.click(screen.getByRole("button", { name: "Sửa tất cả (1)" }));
    fireEvent.click((await previewDialog()).button("Áp dụng (1)"));
    await screen.findByText(/^Đã sửa 1 ô/);
    expect(screen.getByRole("combobox", { name: "Lọc theo quy tắc" })).toHaveValue("role-unknown");
    expect(screen.getByRole("option", { name: "Chức vụ chưa chuẩn (0)" })).toBeInTheDocument();
    expect(screen.getByText("Không có phát hiện nào khớp bộ lọc.")).toBeInTheDocument();
  });

  it("fixes all in one go, replacing only the unknown name in a cell of several countries", async () => {
    const { fake } = await renderPane();
    await runCheck();
    expect(screen.queryByRole("button", { name: /^Sửa ô E9/ })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Sửa tất cả (4)" }));
    const preview = await previewDialog();
    expect(preview.items()).toEqual([
      "Đoàn ra 2025!F8: Nhật Bản, Han Quoc → Nhật Bản, Hàn Quốc",
      "Đoàn ra 2025!D10: P.GĐ Sờ → Phó Giám đốc Sở",
      "Đoàn ra 2025!F11: Xingapo → Singapore",
      "Đoàn vào 2025!D8: Hoa Ky → Hoa Kỳ",
    ]);
    // The user edits a cell while the preview is open: that fix is skipped, not forced.
    fake.cells["Đoàn vào 2025!D8"] = "Mỹ";
    fireEvent.click(preview.button("Áp dụng (4)"));
    expect(await screen.findByText("Đã sửa 3 ô; bỏ qua 1 ô vì nội dung đã thay đổi sau lần kiểm tra.")).toBeInTheDocument();
    expect(fake.cells["Đoàn ra 2025!F8"]).toBe("Nhật Bản, Hàn Quốc");
    expect(fake.cells["Đoàn vào 2025!D8"]).toBe("Mỹ");
    expect(screen.getByRole("button", { name: "Sửa tất cả (1)" })).toBeInTheDocument();
  });

  it("reports a failed fix without writing anything", async () => {
    const { fake } = await renderPane();
    await runCheck();
    fake.failures.applyFixes = "Trang “Đoàn ra 2025” đang được bảo vệ, không ghi được.";
    fireEvent.click(screen.getByRole("button", { name: "Sửa ô F11 thành “Singapore”" }));
    fireEvent.click((await previewDialog()).button("Áp dụng (1)"));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Không sửa được");
    expect(alert).toHaveTextContent("Trang “Đoàn ra 2025” đang được bảo vệ, không ghi được.");
    expect(fake.cells["Đoàn ra 2025!F11"]).toBe("Xingapo");
    expect(fake.callsOf("check")).toHaveLength(1);
  });

  it("says so when nothing can be fixed", async () => {
    const fake = createFakeServices();
    delete fake.cells["Đoàn ra 2025!F11"];
    await renderPane(fake);
    await runCheck();
    fireEvent.click(screen.getByRole("button", { name: "Sửa ô F11 thành “Singapore”" }));
    expect(await screen.findByText("Không có ô nào sửa được tự động.")).toBeInTheDocument();
    expect(screen.queryByRole("dialog", { hidden: true })).not.toBeInTheDocument();
  });
});

describe("task pane: dropdowns and templates", () => {
  it("attaches the dropdowns and says how many columns on which sheets", async () => {
    const { fake } = await renderPane();
    openTab("Danh mục");
    fireEvent.click(screen.getByRole("button", { name: "Gắn danh sách thả xuống" }));
    expect(await screen.findByText("Đã gắn danh sách thả xuống cho 7 cột trên trang: Đoàn ra 2025, Đoàn vào 2025.")).toBeInTheDocument();
    expect(fake.callsOf("attachDropdowns")).toHaveLength(1);
  });

  it("says plainly when there was no column to attach to", async () => {
    await renderPane(createFakeServices({ dropdowns: { columns: 0, sheets: [] } }));
    openTab("Danh mục");
    fireEvent.click(screen.getByRole("button", { name: "Gắn danh sách thả xuống" }));
    expect(await screen.findByText("Không có cột nào được gắn: chưa nhận dạng được trang biểu mẫu nào.")).toBeInTheDocument();
  });

  it("inserts the chosen template and names the new sheet", async () => {
    const { fake } = await renderPane();
    openTab("Danh mục");
    fireEvent.click(screen.getByRole("radio", { name: "Kế hoạch đoàn vào" }));
    fireEvent.click(screen.getByRole("button", { name: "Tạo biểu mẫu" }));
    expect(await screen.findByText("Đã tạo trang “Đoàn vào”.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("radio", { name: "Đối ngoại nhân dân" }));
    fireEvent.click(screen.getByRole("button", { name: "Tạo biểu mẫu" }));
    expect(await screen.findByText("Đã tạo trang “Đối ngoại nhân dân”.")).toBeInTheDocument();
    expect(fake.callsOf("insertTemplate")).toEqual([["inbound"], ["people"]]);
  });

  it("shows why a template could not be created", async () => {
    const { fake } = await renderPane();
    fake.failures.insertTemplate = "Sổ làm việc đang được bảo vệ cấu trúc, không thêm được trang.";
    openTab("Danh mục");
    fireEvent.click(screen.getByRole("button", { name: "Tạo biểu mẫu" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Không tạo được biểu mẫu");
    expect(alert).toHaveTextContent("Sổ làm việc đang được bảo vệ cấu trúc, không thêm được trang.");
  });
});

describe("task pane: settings", () => {
  async function openSettings() {
    await settingsLoaded();
    openTab("Cài đặt");
  }

  it("shows the saved settings and the selected profile's summary", async () => {
    const fake = createFakeServices({
      settings: { profileId: "ha-noi", year: 2026, locale: "vi", keyLeaderNames: ["Nguyễn Văn An", "Trần Thị Bình"], leadershipSize: 5 },
    });
    await renderPane(fake);
    await openSettings();
    // Radios: every profile's whole name stays readable at the pane's 320 px.
    expect(within(screen.getByRole("radiogroup", { name: "Bộ quy định áp dụng" })).getByRole("radio", { name: "Hà Nội" })).toBeChecked();
    expect(screen.getByText("Tối đa 7 thành viên mỗi đoàn")).toBeInTheDocument();
    expect(screen.getByRole("spinbutton", { name: "Năm kế hoạch" })).toHaveValue(2026);
    expect(screen.getByRole("textbox", { name: "Họ tên lãnh đạo chủ chốt (mỗi dòng một người)" })).toHaveValue("Nguyễn Văn An\nTrần Thị Bình");
    expect(screen.getByRole("spinbutton", { name: "Số thành viên tập thể lãnh đạo của cơ quan" })).toHaveValue(5);
    expect(screen.getByRole("radio", { name: "Tiếng Việt" })).toBeChecked();
  });

  it("puts the plan year and the rule set first, folds the rule details, and says what “(suy luận)” means", async () => {
    const fake = createFakeServices({
      profiles: [{ id: "default", name: "Mặc định", summary: ["Tối đa 3 nước/chuyến", "Căn cứ: Hạn báo cáo kết quả chuyến đi (suy luận): 10 ngày theo lịch"] }],
      settings: { profileId: "default", year: 2026, locale: "vi" },
    });
    await renderPane(fake);
    await openSettings();
    const panel = screen.getByRole("tabpanel");
    const labels = within(panel).getAllByText(/^(Năm kế hoạch|Bộ quy định áp dụng|Họ tên lãnh đạo chủ chốt)/);
    expect(labels.map((label) => label.textContent)).toEqual(["Năm kế hoạch", "Bộ quy định áp dụng", "Họ tên lãnh đạo chủ chốt (mỗi dòng một người)"]);
    const details = panel.querySelector("details")!;
    expect(details).not.toHaveAttribute("open");
    expect(within(details).getByText("Chi tiết bộ quy định: giới hạn, thông tin bắt buộc, căn cứ")).toBeInTheDocument();
    expect(within(details).getByText(/^“\(suy luận\)”: không văn bản nào nêu rõ giá trị này.*Sở có thể đổi/)).toBeInTheDocument();
  });

  it("saves the settings through the services and checks with them", async () => {
    const { fake } = await renderPane();
    await openSettings();
    fireEvent.click(within(screen.getByRole("radiogroup", { name: "Bộ quy định áp dụng" })).getByRole("radio", { name: "Lai Châu" }));
    expect(screen.getByText("Có biểu mẫu đối ngoại nhân dân (mẫu số 02)")).toBeInTheDocument();
    fireEvent.change(screen.getByRole("spinbutton", { name: "Năm kế hoạch" }), { target: { value: "2026" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Họ tên lãnh đạo chủ chốt (mỗi dòng một người)" }), {
      target: { value: "  Giàng A Páo \n\nLò Văn Tiến\n" },
    });
    fireEvent.change(screen.getByRole("spinbutton", { name: "Số thành viên tập thể lãnh đạo của cơ quan" }), { target: { value: "9" } });
    fireEvent.click(screen.getByRole("button", { name: "Lưu cài đặt" }));
    expect(await screen.findByText("Đã lưu cài đặt.")).toBeInTheDocument();
    const saved = { profileId: "lai-chau", year: 2026, locale: "vi", keyLeaderNames: ["Giàng A Páo", "Lò Văn Tiến"], leadershipSize: 9 };
    expect(fake.callsOf("saveSettings")).toEqual([[saved]]);

    openTab("Kiểm tra");
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
    await screen.findByText(/^Kiểm tra lúc/);
    expect(fake.callsOf("check")).toEqual([[saved]]);
  });

  it("refuses an invalid year or leadership size and saves nothing", async () => {
    const { fake } = await renderPane();
    await openSettings();
    fireEvent.change(screen.getByRole("spinbutton", { name: "Năm kế hoạch" }), { target: { value: "25" } });
    fireEvent.change(screen.getByRole("spinbutton", { name: "Số thành viên tập thể lãnh đạo của cơ quan" }), { target: { value: "0" } });
    fireEvent.click(screen.getByRole("button", { name: "Lưu cài đặt" }));
    expect(await screen.findByText("Năm kế hoạch phải là số nguyên từ 2000 đến 2100.")).toBeInTheDocument();
    expect(screen.getByText("Số thành viên phải là số nguyên dương (hoặc để trống).")).toBeInTheDocument();
    expect(fake.callsOf("saveSettings")).toHaveLength(0);
    // An empty leadership size is fine: the rule is then silent.
    fireEvent.change(screen.getByRole("spinbutton", { name: "Năm kế hoạch" }), { target: { value: "2025" } });
    fireEvent.change(screen.getByRole("spinbutton", { name: "Số thành viên tập thể lãnh đạo của cơ quan" }), { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "Lưu cài đặt" }));
    await screen.findByText("Đã lưu cài đặt.");
    expect(fake.callsOf("saveSettings")).toEqual([[{ profileId: "hai-phong", year: 2025, locale: "vi" }]]);
  });

  function chooseProfileFile(text: string) {
    const input = screen.getByLabelText("Nạp cấu hình riêng (JSON)", { selector: "input" });
    fireEvent.change(input, { target: { files: [new File([text], "cau-hinh.json", { type: "application/json" })] } });
  }

  it("chooses a profile file with a button in the pane's language and names the file chosen", async () => {
    await renderPane();
    await openSettings();
    const group = screen.getByRole("group", { name: "Nạp cấu hình riêng (JSON)" });
    const button = within(group).getByRole("button", { name: "Chọn tệp JSON…" });
    expect(button).toHaveAccessibleDescription(/^Chưa chọn tệp nào Tệp \.json theo mẫu/);
    // The native input (whose own texts follow the browser's language) is neither shown nor tabbable.
    const input = screen.getByLabelText("Nạp cấu hình riêng (JSON)", { selector: "input" });
    expect(input).not.toBeVisible();
    expect(input).toHaveAttribute("tabindex", "-1");
    const opened = jest.fn();
    input.addEventListener("click", opened);
    fireEvent.click(button);
    expect(opened).toHaveBeenCalledTimes(1);
    chooseProfileFile("{}");
    expect(await within(group).findByText("Tệp đã chọn: cau-hinh.json")).toBeInTheDocument();
    expect(button).toHaveAccessibleDescription(/^Tệp đã chọn: cau-hinh\.json/);
  });

  it("says the profile file button in English", async () => {
    await renderPane(createFakeServices({ settings: { profileId: "default", year: 2025, locale: "en" } }));
    fireEvent.click(await screen.findByRole("tab", { name: "Settings" }));
    expect(screen.getByRole("button", { name: "Choose a JSON file…" })).toHaveAccessibleDescription(/^No file chosen yet/);
  });

  it("lists every error of an invalid profile file", async () => {
    const { fake } = await renderPane();
    await openSettings();
    chooseProfileFile(JSON.stringify({ id: "Sở Ngoại vụ", name: "", sources: [] }));
    const alert = await screen.findByRole("alert");
    const errors = fake.loadProfileJson(JSON.stringify({ id: "Sở Ngoại vụ", name: "", sources: [] }));
    if (errors.ok) throw new Error("the sample profile should be invalid");
    expect(errors.errors.length).toBeGreaterThan(3);
    expect(alert).toHaveTextContent(`Tệp cấu hình có ${errors.errors.length} lỗi, chưa được nạp:`);
    expect(within(alert).getAllByRole("listitem").map((item) => item.textContent)).toEqual(errors.errors);
    expect(within(alert).getByText(/^id: chỉ gồm chữ thường không dấu/)).toBeInTheDocument();

    chooseProfileFile("{ id: hai-phong");
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("Tệp cấu hình có 1 lỗi, chưa được nạp:"));
    expect(screen.getByRole("alert")).toHaveTextContent("Tệp không phải JSON hợp lệ");
  });

  it("loads a valid profile file and selects it", async () => {
    const { fake } = await renderPane();
    await openSettings();
    const profile = {
      id: "so-ngoai-vu-hp",
      name: "Sở Ngoại vụ Hải Phòng 2026",
      sources: ["S1: Công văn Sở Ngoại vụ Hải Phòng"],
      requiredFields: { outbound: ["leader", "countries"], inbound: ["name"], people: ["activity"] },
      keyLeaderRoles: ["giam-doc-so"],
      forbiddenFunding: [],
      params: {
        membersMax: 6,
        countriesMax: 2,
        daysPerCountry: 3,
        conferenceDaysPerCountry: 5,
        travelDays: 2,
        keyLeaderTripsMax: 2,
        leadersSameDestinationMax: 3,
        mergeSimilarity: 0.6,
      },
      deadlines: { report: { days: 10, workingDays: true }, passport: { days: 5, workingDays: true } },
    };
    chooseProfileFile(JSON.stringify(profile));
    expect(await screen.findByText("Đã nạp cấu hình “Sở Ngoại vụ Hải Phòng 2026”. Bấm “Lưu cài đặt” để dùng lâu dài.")).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Sở Ngoại vụ Hải Phòng 2026" })).toBeChecked();
    expect(screen.getByText("Tối đa 6 thành viên mỗi đoàn")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Lưu cài đặt" }));
    await screen.findByText("Đã lưu cài đặt.");
    expect(fake.savedSettings.profileId).toBe("so-ngoai-vu-hp");
  });

  it("keeps working on defaults when the saved settings cannot be read", async () => {
    const fake = createFakeServices();
    fake.failures.loadSettings = "Không đọc được cài đặt lưu trong sổ làm việc.";
    await renderPane(fake);
    await settingsLoaded();
    expect(screen.getByText("Không tải được cài đặt đã lưu; đang dùng cài đặt mặc định")).toBeInTheDocument();
    expect(screen.getByText("Không đọc được cài đặt lưu trong sổ làm việc.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
    await screen.findByText(/^Kiểm tra lúc/);
    expect(fake.callsOf("check")[0][0]).toEqual({ profileId: "default", year: new Date().getFullYear(), locale: "vi" });
  });

  it("reports a failed save", async () => {
    const { fake } = await renderPane();
    await openSettings();
    fake.failures.saveSettings = "Không lưu được: sổ làm việc đang ở chế độ chỉ đọc.";
    fireEvent.click(screen.getByRole("button", { name: "Lưu cài đặt" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Không lưu được cài đặt");
    expect(alert).toHaveTextContent("Không lưu được: sổ làm việc đang ở chế độ chỉ đọc.");
  });
});

describe("task pane: failures, language and frame", () => {
  it("shows a failing check's Vietnamese message and stays usable", async () => {
    const fake = createFakeServices();
    fake.failures.check = "Không đọc được trang “Đoàn ra 2025”: vùng dữ liệu quá lớn.";
    await renderPane(fake);
    await settingsLoaded();
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Kiểm tra không thành công");
    expect(alert).toHaveTextContent("Không đọc được trang “Đoàn ra 2025”: vùng dữ liệu quá lớn.");
    expect(screen.queryByText("Đang kiểm tra…")).not.toBeInTheDocument();

    delete fake.failures.check;
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
    await screen.findByText(/^Kiểm tra lúc/);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows a generic message when a service fails without one", async () => {
    const fake = createFakeServices();
    jest.spyOn(fake, "clearMarks").mockRejectedValue({});
    await renderPane(fake);
    fireEvent.click(screen.getByRole("button", { name: "Xóa đánh dấu" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Đã xảy ra lỗi không xác định.");
  });

  it("switches to English from the settings and saves the choice", async () => {
    const { fake } = await renderPane();
    await settingsLoaded();
    openTab("Cài đặt");
    fireEvent.click(screen.getByRole("radio", { name: "English" }));
    fireEvent.click(screen.getByRole("button", { name: "Lưu cài đặt" }));
    expect(await screen.findByText("Settings saved.")).toBeInTheDocument();
    expect(fake.savedSettings.locale).toBe("en");
    for (const name of ["Check", "Lists", "Consolidate", "Settings"]) expect(screen.getByRole("tab", { name })).toBeInTheDocument();

    openTab("Check");
    fireEvent.click(screen.getByRole("button", { name: "Check" }));
    await screen.findByText(/^Checked at/);
    expect(screen.getByText(/5 errors, 4 warnings, 1 info/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /^Cell F8 / })).toHaveTextContent("Country “Han Quoc” is not in the standard list");
    expect(screen.getByRole("heading", { name: "Non-standard country name (2)" })).toBeInTheDocument();
  });

  it("uses the locale prop until the settings load, then the settings' language", async () => {
    const fake = createFakeServices({ settings: { profileId: "default", year: 2025, locale: "vi" } });
    let release!: () => void;
    const gate = new Promise<void>((done) => (release = done));
    const load = fake.loadSettings.bind(fake);
    jest.spyOn(fake, "loadSettings").mockImplementation(async () => {
      await gate;
      return load();
    });
    await renderPane(fake, { locale: "en" });
    expect(screen.getByRole("tab", { name: "Settings" })).toBeInTheDocument();
    expect(screen.getByText("Loading settings, please wait.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Check" })).toBeDisabled();
    await act(async () => release());
    await settingsLoaded("Kiểm tra");
    expect(screen.getByRole("tab", { name: "Cài đặt" })).toBeInTheDocument();
  });

  it("follows a host's language switch (the playground's button), saves it and tells the host the pane's language", async () => {
    const told: string[] = [];
    const fake = createFakeServices({ settings: { profileId: "default", year: 2025, locale: "en" } });
    const { rerender } = await renderPane(fake, { locale: "vi", onLocaleChange: (locale) => told.push(locale) });
    await settingsLoaded("Check");
    // The saved language wins on mount, and the host hears it.
    expect(told).toEqual(["en"]);
    await act(async () => rerender({ locale: "en", onLocaleChange: (locale) => told.push(locale) }));
    expect(fake.callsOf("saveSettings")).toEqual([]);

    await act(async () => rerender({ locale: "vi", onLocaleChange: (locale) => told.push(locale) }));
    await settingsLoaded("Kiểm tra");
    for (const name of ["Kiểm tra", "Danh mục", "Tổng hợp", "Cài đặt"]) expect(screen.getByRole("tab", { name })).toBeInTheDocument();
    expect(fake.savedSettings.locale).toBe("vi");
    openTab("Cài đặt");
    expect(screen.getByRole("radio", { name: "Tiếng Việt" })).toBeChecked();

    // And the other way: a language saved in Cài đặt reaches the host.
    fireEvent.click(screen.getByRole("radio", { name: "English" }));
    fireEvent.click(screen.getByRole("button", { name: "Lưu cài đặt" }));
    expect(await screen.findByText("Settings saved.")).toBeInTheDocument();
    expect(told.at(-1)).toBe("en");
  });

  it("opens on the consolidation tab with its note, or with the content given", async () => {
    await renderPane(createFakeServices(), { initialTab: "consolidate" });
    expect(screen.getByRole("tab", { name: "Tổng hợp" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel")).toHaveTextContent(/Tổng hợp kế hoạch của các đơn vị sẽ có ở đây/);
  });

  it("renders the consolidation slot when given", async () => {
    await renderPane(createFakeServices(), { initialTab: "consolidate", consolidation: <button type="button">Chọn tệp của đơn vị</button> });
    expect(within(screen.getByRole("tabpanel")).getByRole("button", { name: "Chọn tệp của đơn vị" })).toBeInTheDocument();
  });

  it("keeps a crashing tab from blanking the pane", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => {});
    function Broken(): never {
      throw new Error("Không dựng được giao diện tổng hợp.");
    }
    await renderPane(createFakeServices(), { initialTab: "consolidate", consolidation: <Broken /> });
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Phần này của bảng tác vụ gặp sự cố");
    expect(alert).toHaveTextContent("Không dựng được giao diện tổng hợp.");
    expect(within(alert).getByRole("button", { name: "Thử lại" })).toBeInTheDocument();
    openTab("Kiểm tra");
    await runCheck();
    spy.mockRestore();
  });

  it("labels every input and names every button", async () => {
    await renderPane();
    await runCheck();
    openTab("Cài đặt");
    for (const input of document.querySelectorAll("input, select, textarea")) {
      if ((input as HTMLElement).closest("[hidden]")) continue;
      expect(input).toHaveAccessibleName();
    }
    for (const button of screen.getAllByRole("button")) expect(button).toHaveAccessibleName();
  });
});
