/** @jest-environment jsdom */
import { createTestStyleRenderer } from "../support/jsdomPolyfills";
import "@testing-library/jest-dom";
import { FluentProvider, RendererProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { runSelfTest, type SelfTestTarget } from "../../src/app/selfTest";
import { SelfTestSection } from "../../src/taskpane/SelfTestSection";

jest.setTimeout(30_000);
const styleRenderer = createTestStyleRenderer();

function Providers({ children }: { children: ReactNode }) {
  return (
    <RendererProvider renderer={styleRenderer} targetDocument={document}>
      <FluentProvider theme={webLightTheme}>{children}</FluentProvider>
    </RendererProvider>
  );
}

/** A host whose notes fail with an Office error code, whose undo groups do not exist, the rest passing. */
function target(removed: string[]): SelfTestTarget {
  return {
    environment: async () => ({ platform: "Excel · PC", version: "16.0.19029.20000", requirementSets: ["ExcelApi 1.9", "ExcelApi 1.18"] }),
    createSheet: async () => "dplan tự kiểm tra",
    removeSheet: async (sheet) => void removed.push(sheet),
    capabilities: () => [
      { id: "readValues", run: async () => undefined },
      { id: "notes", run: async () => Promise.reject(Object.assign(new Error("Access denied"), { code: "AccessDenied" })) },
      { id: "undoGroup", unavailable: { requirementSet: "ExcelApi 1.20" } },
    ],
  };
}

describe("Tự kiểm tra in Cài đặt", () => {
  it("runs, shows each capability with its result and error code, the environment, and copies the text", async () => {
    const removed: string[] = [];
    const writeText = jest.fn(async () => undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    render(<SelfTestSection run={() => runSelfTest(target(removed))} />, { wrapper: Providers });
    fireEvent.click(screen.getByRole("button", { name: "Tự kiểm tra" }));
    const table = await screen.findByRole("table", { name: "Tự kiểm tra" });
    const row = (name: string) => within(table).getByText(name).closest("tr") as HTMLElement;
    expect(within(row("Đọc giá trị ô")).getByText("Đạt")).toBeInTheDocument();
    expect(within(row("Thêm, sửa, xóa ghi chú")).getByText("Không đạt")).toBeInTheDocument();
    expect(within(row("Thêm, sửa, xóa ghi chú")).getByText("AccessDenied")).toBeInTheDocument();
    // What did not run says why, in the Result column.
    expect(within(row("Gộp thành một bước hoàn tác")).getByText("Excel này chưa hỗ trợ ExcelApi 1.20")).toBeInTheDocument();
    expect(within(row("Chọn một ô")).getByText("Chỉ chạy trong Excel")).toBeInTheDocument();
    expect(screen.queryByText("Không áp dụng")).toBeNull();
    const environment = screen.getByRole("list");
    expect(environment).toHaveTextContent("Nền tảng: Excel · PC");
    expect(environment).toHaveTextContent("Bộ yêu cầu hỗ trợ: ExcelApi 1.9, ExcelApi 1.18");
    expect(screen.getByRole("status")).toHaveTextContent("1/10 chức năng đạt, 1 không đạt, 8 không chạy được ở đây (lý do ở cột Kết quả).");
    expect(removed).toEqual(["dplan tự kiểm tra"]);

    fireEvent.click(screen.getByRole("button", { name: "Sao chép kết quả" }));
    expect(await screen.findByText("Đã sao chép kết quả.")).toBeInTheDocument();
    // Seen where the eye is: the button itself says so.
    expect(screen.getByRole("button", { name: /Đã sao chép/ })).toBeInTheDocument();
    const copied = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(copied).toContain("Thêm, sửa, xóa ghi chú | Không đạt |");
    expect(copied).toContain("AccessDenied (Access denied)");
  });

  it("copies with the older copy command where the clipboard API is refused, and says when neither works", async () => {
    Object.assign(navigator, { clipboard: { writeText: jest.fn(async () => Promise.reject(new Error("NotAllowedError"))) } });
    const execCommand = jest.fn(() => true);
    Object.assign(document, { execCommand });
    render(<SelfTestSection run={() => runSelfTest(target([]))} />, { wrapper: Providers });
    fireEvent.click(screen.getByRole("button", { name: "Tự kiểm tra" }));
    await screen.findByRole("table", { name: "Tự kiểm tra" });
    fireEvent.click(screen.getByRole("button", { name: "Sao chép kết quả" }));
    expect(await screen.findByText("Đã sao chép kết quả.")).toBeInTheDocument();
    expect(execCommand).toHaveBeenCalledWith("copy");
    expect(screen.getByRole("textbox", { name: "Sao chép kết quả" })).toHaveFocus();

    execCommand.mockReturnValue(false);
    fireEvent.click(screen.getByRole("button", { name: /Đã sao chép/ }));
    expect(await screen.findByText(/^Không sao chép được tự động/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Sao chép kết quả" })).toBeInTheDocument();
  });

  it("shows when it ran in the computer's own time, written the Vietnamese way", async () => {
    const clock = () => new Date("2026-12-05T20:43:05Z");
    render(<SelfTestSection run={() => runSelfTest(target([]), undefined, clock)} />, { wrapper: Providers });
    fireEvent.click(screen.getByRole("button", { name: "Tự kiểm tra" }));
    await screen.findByRole("table", { name: "Tự kiểm tra" });
    const local = new Date("2026-12-05T20:43:05Z");
    const two = (n: number) => String(n).padStart(2, "0");
    const expected = `${two(local.getHours())}:43:05 ngày ${two(local.getDate())}/12/2026`;
    expect(screen.getByRole("list")).toHaveTextContent(`Thời điểm: ${expected}`);
    expect((screen.getByRole("textbox", { name: "Sao chép kết quả" }) as HTMLTextAreaElement).value).toContain(`Tự kiểm tra — ${expected}`);
  });
});
