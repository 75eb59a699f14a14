/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "../support/jsdomPolyfills";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { CommandError } from "../../src/taskpane/CommandError";

describe("CommandError", () => {
  it("shows a ribbon command's failure as it happens and hides it when dismissed", () => {
    let message: string | undefined;
    const listeners = new Set<(m: string | undefined) => void>();
    const publish = (next: string | undefined) => {
      message = next;
      listeners.forEach((listener) => listener(next));
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <CommandError
          current={() => message}
          subscribe={(listener) => {
            listeners.add(listener);
            return () => listeners.delete(listener);
          }}
          dismiss={() => publish(undefined)}
          dismissLabel="Đóng thông báo"
        />
      </FluentProvider>,
    );
    expect(screen.queryByRole("alert")).toBeNull();
    act(() => publish("Không đọc được bảng tính: tệp đang được chỉnh sửa."));
    expect(screen.getByRole("alert")).toHaveTextContent("Không đọc được bảng tính");
    fireEvent.click(screen.getByRole("button", { name: "Đóng thông báo" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
