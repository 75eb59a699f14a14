/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import "@testing-library/jest-dom";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import type { Worksheet } from "exceljs";
import { cutMarker, EXCEL_CELL_TEXT_LIMIT } from "../../src/domain/merge/consolidate";
import { stringsFor } from "../../src/i18n";
import type { CellEdit } from "../../src/playground/gridModel";
import { WorkbookGrid, type GridNotice } from "../../src/playground/WorkbookGrid";
import type { CellRef } from "../../src/xlsx/XlsxWorkbookHost";
import { XlsxWorkbookHost } from "../../src/xlsx/XlsxWorkbookHost";

const t = stringsFor("vi").playground;

interface EditCall {
  sheet: string;
  edits: CellEdit[];
}

/** The grid as the playground holds it: the selection in state, edits written to the sheet (and recorded, one entry per call). */
function Harness({
  host,
  sheet,
  calls,
  notices = [],
  onFollowLink = () => undefined,
}: {
  host: XlsxWorkbookHost;
  sheet: Worksheet;
  calls: EditCall[];
  notices?: GridNotice[];
  onFollowLink?: (cell: CellRef) => void;
}) {
  const [selected, setSelected] = useState<CellRef>();
  const [version, setVersion] = useState(0);
  return (
    <>
      <button type="button">before</button>
      <WorkbookGrid
        host={host}
        sheet={sheet}
        version={version}
        selected={selected}
        revealKey={0}
        onSelect={setSelected}
        onFollowLink={onFollowLink}
        onPickListItem={() => undefined}
        onEditCells={(name, edits) => {
          calls.push({ sheet: name, edits });
          host.typeCells(name, edits.map((edit) => ({ row: edit.row, column: edit.column, value: edit.text === "" ? null : edit.text })));
          setVersion((n) => n + 1);
        }}
        onNotice={(notice) => notices.push(notice)}
        t={t}
      />
      <button type="button">after</button>
    </>
  );
}

async function renderGrid(fill: (sheet: Worksheet) => void = () => undefined) {
  const host = await XlsxWorkbookHost.create("grid.xlsx", "KH");
  const sheet = host.workbook.getWorksheet("KH")!;
  sheet.getCell("B13").value = "cũ";
  fill(sheet);
  const calls: EditCall[] = [];
  const notices: GridNotice[] = [];
  render(<Harness host={host} sheet={sheet} calls={calls} notices={notices} />);
  const grid = screen.getByRole("grid");
  act(() => grid.focus());
  const key = (name: string, init: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(document.activeElement ?? grid, { key: name, ...init });
  const active = () => grid.getAttribute("data-active");
  const announced = () => screen.getByTestId("grid-announcement").textContent;
  const text = (address: string) => sheet.getCell(address).text;
  return { host, sheet, grid, calls, notices, key, active, announced, text };
}

/** Moves from A1 to the cell by arrow keys. */
function goTo(key: (name: string) => void, row: number, column: number) {
  key("Home");
  for (let i = 1; i < row; i++) key("ArrowDown");
  for (let i = 1; i < column; i++) key("ArrowRight");
}

describe("playground grid editing", () => {
  async function editB13() {
    const grid = await renderGrid();
    fireEvent.doubleClick(screen.getByText("cũ"));
    const input = screen.getByLabelText("Nội dung ô B13");
    fireEvent.change(input, { target: { value: "Q" } });
    return { ...grid, input };
  }

  it("Escape discards the typed text, even though leaving the input blurs it", async () => {
    const { input, calls, text } = await editB13();
    fireEvent.keyDown(input, { key: "Escape" });
    fireEvent.blur(input);
    expect(calls).toEqual([]);
    expect(text("B13")).toBe("cũ");
    expect(screen.queryByLabelText("Nội dung ô B13")).not.toBeInTheDocument();
    expect(screen.getByRole("grid")).toHaveFocus();
  });

  it("Enter saves the typed text once", async () => {
    const { input, calls } = await editB13();
    fireEvent.keyDown(input, { key: "Enter" });
    fireEvent.blur(input);
    expect(calls).toEqual([{ sheet: "KH", edits: [{ row: 13, column: 2, text: "Q" }] }]);
  });

  it("leaving the cell (blur) saves the typed text", async () => {
    const { input, calls } = await editB13();
    fireEvent.blur(input);
    expect(calls).toEqual([{ sheet: "KH", edits: [{ row: 13, column: 2, text: "Q" }] }]);
  });
});

describe("playground grid by keyboard", () => {
  it("is one tab stop: the grid, never its dropdowns or links", async () => {
    const { grid } = await renderGrid((sheet) => {
      sheet.getCell("C3").dataValidation = { type: "list", allowBlank: true, formulae: ['"Có,Không"'] };
      sheet.getCell("D3").value = { text: "Đi tới", hyperlink: "#'KH'!$B$13" };
    });
    expect(grid).toHaveAttribute("tabindex", "0");
    const reachable = [...document.querySelectorAll<HTMLElement>("a, button, input, select, [tabindex]")].filter((element) => element.tabIndex >= 0);
    expect(reachable.map((element) => (element.tagName === "BUTTON" ? element.textContent : element.tagName))).toEqual(["before", "TABLE", "after"]);
    expect(screen.getByLabelText("Chọn giá trị cho ô C3 từ danh sách")).toHaveAttribute("tabindex", "-1");
  });

  it("arrows, Home, End, Ctrl+Home and Ctrl+End move the active cell, named by aria-activedescendant and announced with its address", async () => {
    const { grid, key, active, announced } = await renderGrid((sheet) => {
      sheet.getCell("F20").value = "cuối";
    });
    expect(active()).toBe("A1");
    key("ArrowDown");
    key("ArrowRight");
    expect(active()).toBe("B2");
    expect(grid.getAttribute("aria-activedescendant")).toBe(document.querySelector('td[data-cell="B2"]')!.id);
    expect(document.querySelector('td[data-cell="B2"]')).toHaveAttribute("aria-selected", "true");
    expect(document.querySelector('td[data-cell="B2"]')).toHaveAttribute("aria-colindex", "3");
    expect(document.querySelector('td[data-cell="B2"]')!.closest("tr")).toHaveAttribute("aria-rowindex", "3");
    expect(announced()).toBe("B2: trống");
    key("End", { ctrlKey: true });
    expect(active()).toBe("F20");
    expect(announced()).toBe("F20: cuối");
    key("Home");
    expect(active()).toBe("A20");
    key("Home", { ctrlKey: true });
    expect(active()).toBe("A1");
  });

  it("reaches rows far below the rendered ones (the grid renders only some rows)", async () => {
    const { grid, key, active, announced } = await renderGrid((sheet) => {
      sheet.getCell("C400").value = "xa";
    });
    expect(document.querySelector('td[data-cell="C400"]')).toBeNull();
    key("End", { ctrlKey: true });
    expect(active()).toBe("C400");
    expect(announced()).toBe("C400: xa");
    expect(grid).toHaveAttribute("aria-rowcount", String(410 + 1));
    key("PageUp");
    expect(active()).toBe("C380");
  });

  it("typing a character replaces the cell's text; Enter saves and moves down", async () => {
    const { key, active, calls, text } = await renderGrid();
    goTo(key, 13, 2);
    key("N");
    const input = screen.getByLabelText("Nội dung ô B13");
    expect(input).toHaveValue("N");
    expect(input).toHaveFocus();
    fireEvent.change(input, { target: { value: "Nhật Bản" } });
    key("Enter");
    expect(calls).toEqual([{ sheet: "KH", edits: [{ row: 13, column: 2, text: "Nhật Bản" }] }]);
    expect(text("B13")).toBe("Nhật Bản");
    expect(active()).toBe("B14");
    expect(screen.getByRole("grid")).toHaveFocus();
  });

  it("an input method's first key (Process) opens an empty text box, so the composed word lands in it", async () => {
    const { key } = await renderGrid();
    goTo(key, 13, 2);
    key("Process");
    const input = screen.getByLabelText("Nội dung ô B13");
    expect(input).toHaveValue("");
    expect(input).toHaveFocus();
  });

  it("F2 edits the current text; Tab saves and moves right; Escape after typing saves nothing", async () => {
    const { key, active, calls, text } = await renderGrid();
    goTo(key, 13, 2);
    key("F2");
    const input = screen.getByLabelText("Nội dung ô B13");
    expect(input).toHaveValue("cũ");
    fireEvent.change(input, { target: { value: "cũ hơn" } });
    key("Tab");
    expect(text("B13")).toBe("cũ hơn");
    expect(active()).toBe("C13");
    key("x");
    key("Escape");
    expect(calls).toHaveLength(1);
    expect(text("C13")).toBe("");
    expect(active()).toBe("C13");
  });

  it("Tab and Shift+Tab move within the row; the grid lets the focus go at the row's ends", async () => {
    const { key, active } = await renderGrid();
    expect(key("Tab")).toBe(false); // handled: default (leaving) prevented
    expect(active()).toBe("B1");
    key("Tab", { shiftKey: true });
    expect(active()).toBe("A1");
    expect(key("Tab", { shiftKey: true })).toBe(true); // not handled: the browser moves the focus out
    key("ArrowRight", { ctrlKey: true });
    expect(active()).toBe("J1");
    expect(key("Tab")).toBe(true);
  });

  it("Delete clears the cell, and a Shift+arrow range in one batch", async () => {
    const { key, calls, text, announced } = await renderGrid((sheet) => {
      sheet.getCell("C13").value = "một";
      sheet.getCell("B14").value = 2;
    });
    goTo(key, 13, 2);
    key("ArrowRight", { shiftKey: true });
    key("ArrowDown", { shiftKey: true });
    expect(announced()).toBe("Đã chọn B13:C14 (4 ô)");
    expect(document.querySelectorAll('td[aria-selected="true"]')).toHaveLength(4);
    key("Delete");
    expect(calls).toEqual([
      {
        sheet: "KH",
        edits: [
          { row: 13, column: 2, text: "" },
          { row: 13, column: 3, text: "" },
          { row: 14, column: 2, text: "" },
          { row: 14, column: 3, text: "" },
        ],
      },
    ]);
    expect([text("B13"), text("C13"), text("B14")]).toEqual(["", "", ""]);
    expect(announced()).toBe("Đã xóa nội dung 4 ô.");
  });

  it("Ctrl+C copies the range as TSV; a paste writes from the active cell in one batch and selects what it wrote", async () => {
    const { grid, key, calls, text, announced, active } = await renderGrid((sheet) => {
      sheet.getCell("C13").value = "a\tb";
    });
    goTo(key, 13, 2);
    key("ArrowRight", { shiftKey: true });
    const copied = new Map<string, string>();
    const copyEvent = new Event("copy", { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown };
    copyEvent.clipboardData = { setData: (type: string, value: string) => copied.set(type, value) };
    fireEvent(grid, copyEvent);
    expect(copyEvent.defaultPrevented).toBe(true);
    expect(copied.get("text/plain")).toBe('cũ\t"a\tb"');
    expect(announced()).toBe("Đã sao chép B13:C13 (2 ô).");

    key("ArrowDown");
    key("Home");
    expect(active()).toBe("A14");
    const pasteEvent = new Event("paste", { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown };
    pasteEvent.clipboardData = { getData: (type: string) => (type === "text/plain" ? "x\ty\r\nz\tw\r\n" : "") };
    fireEvent(grid, pasteEvent);
    expect(calls).toEqual([
      {
        sheet: "KH",
        edits: [
          { row: 14, column: 1, text: "x" },
          { row: 14, column: 2, text: "y" },
          { row: 15, column: 1, text: "z" },
          { row: 15, column: 2, text: "w" },
        ],
      },
    ]);
    expect([text("A14"), text("B14"), text("A15"), text("B15")]).toEqual(["x", "y", "z", "w"]);
    expect(announced()).toBe("Đã dán 4 ô vào A14:B15.");
    expect(active()).toBe("A14");
    key("Delete");
    expect(calls[1].edits).toHaveLength(4);
    expect([text("A14"), text("B14"), text("A15"), text("B15")]).toEqual(["", "", "", ""]);
  });

  it("a paste that would write into a merged title's hidden cells is refused: nothing written, a visible message says why", async () => {
    const { grid, key, calls, notices, text, active } = await renderGrid((sheet) => {
      sheet.getCell("A3").value = "KẾ HOẠCH ĐOÀN RA NĂM 2027";
      sheet.mergeCells("A3:E3");
    });
    goTo(key, 3, 1);
    expect(active()).toBe("A3");
    const pasteEvent = new Event("paste", { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown };
    pasteEvent.clipboardData = { getData: (type: string) => (type === "text/plain" ? "a\tb\tc\r\nd\te\tf\r\n" : "") };
    fireEvent(grid, pasteEvent);
    expect(calls).toEqual([]);
    expect([text("A3"), text("A4"), text("B4")]).toEqual(["KẾ HOẠCH ĐOÀN RA NĂM 2027", "", ""]);
    expect(notices).toHaveLength(1);
    expect(notices[0].kind).toBe("error");
    expect(notices[0].text).toContain("Không dán");
    expect(notices[0].text).toContain("A3:E3");
  });

  it("a typed text longer than an Excel cell holds is cut with the visible marker, and the cell is named", async () => {
    const { calls, notices, text } = await renderGrid();
    fireEvent.doubleClick(screen.getByText("cũ"));
    const input = screen.getByLabelText("Nội dung ô B13");
    fireEvent.change(input, { target: { value: "X".repeat(40_000) } });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(calls[0].edits[0].text).toHaveLength(EXCEL_CELL_TEXT_LIMIT);
    expect(text("B13")).toHaveLength(EXCEL_CELL_TEXT_LIMIT);
    expect(text("B13").endsWith(cutMarker(40_000))).toBe(true);
    expect(notices).toEqual([{ kind: "info", text: expect.stringContaining("B13 (dài 40.000 ký tự)") }]);
  });

  it("Enter on a link cell follows the link; Escape drops a range", async () => {
    const followed: CellRef[] = [];
    const host = await XlsxWorkbookHost.create("grid.xlsx", "KH");
    const sheet = host.workbook.getWorksheet("KH")!;
    sheet.getCell("A1").value = { text: "Đi tới", hyperlink: "#'KH'!$B$13" };
    render(<Harness host={host} sheet={sheet} calls={[]} onFollowLink={(cell) => followed.push(cell)} />);
    const grid = screen.getByRole("grid");
    act(() => grid.focus());
    fireEvent.keyDown(grid, { key: "Enter" });
    expect(followed).toEqual([{ sheet: "KH", row: 13, column: 2 }]);
    fireEvent.keyDown(grid, { key: "ArrowDown", shiftKey: true });
    expect(document.querySelectorAll('td[aria-selected="true"]')).toHaveLength(2);
    fireEvent.keyDown(grid, { key: "Escape" });
    expect(document.querySelectorAll('td[aria-selected="true"]')).toHaveLength(1);
  });
});
