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
      { id: "undoGroup", unavailable: "ExcelApi 1.20" },
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
    expect(within(row("Gộp thành một bước hoàn tác")).getByText("ExcelApi 1.20")).toBeInTheDocument();
    const environment = screen.getByRole("list");
    expect(environment).toHaveTextContent("Nền tảng: Excel · PC");
    expect(environment).toHaveTextContent("Bộ yêu cầu hỗ trợ: ExcelApi 1.9, ExcelApi 1.18");
    expect(screen.getByRole("status")).toHaveTextContent("1/10 chức năng đạt, 1 không đạt, 8 không áp dụng.");
    expect(removed).toEqual(["dplan tự kiểm tra"]);

    fireEvent.click(screen.getByRole("button", { name: "Sao chép kết quả" }));
    expect(await screen.findByText("Đã sao chép kết quả.")).toBeInTheDocument();
    const copied = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(copied).toContain("Thêm, sửa, xóa ghi chú | Không đạt |");
    expect(copied).toContain("AccessDenied (Access denied)");
  });
});
