/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import "@testing-library/jest-dom";
import { fireEvent, render, screen } from "@testing-library/react";
import { stringsFor } from "../../src/i18n";
import { WorkbookGrid } from "../../src/playground/WorkbookGrid";
import type { CellRef } from "../../src/xlsx/XlsxWorkbookHost";
import { XlsxWorkbookHost } from "../../src/xlsx/XlsxWorkbookHost";

const t = stringsFor("vi").playground;

async function renderGrid() {
  const host = await XlsxWorkbookHost.create("grid.xlsx", "KH");
  const sheet = host.workbook.getWorksheet("KH")!;
  sheet.getCell("B13").value = "cũ";
  const edits: Array<{ cell: CellRef; text: string }> = [];
  render(
    <WorkbookGrid
      host={host}
      sheet={sheet}
      version={0}
      revealKey={0}
      onSelect={() => undefined}
      onFollowLink={() => undefined}
      onPickListItem={() => undefined}
      onEditCell={(cell, text) => edits.push({ cell, text })}
      t={t}
    />,
  );
  fireEvent.doubleClick(screen.getByText("cũ"));
  const input = screen.getByLabelText("Nội dung ô B13");
  fireEvent.change(input, { target: { value: "Q" } });
  return { input, edits };
}

describe("playground grid editing", () => {
  it("Escape discards the typed text, even though leaving the input blurs it", async () => {
    const { input, edits } = await renderGrid();
    fireEvent.keyDown(input, { key: "Escape" });
    fireEvent.blur(input);
    expect(edits).toEqual([]);
    expect(screen.queryByLabelText("Nội dung ô B13")).not.toBeInTheDocument();
  });

  it("Enter saves the typed text once", async () => {
    const { input, edits } = await renderGrid();
    fireEvent.keyDown(input, { key: "Enter" });
    fireEvent.blur(input);
    expect(edits).toEqual([{ cell: { sheet: "KH", row: 13, column: 2 }, text: "Q" }]);
  });

  it("leaving the cell (blur) saves the typed text", async () => {
    const { input, edits } = await renderGrid();
    fireEvent.blur(input);
    expect(edits).toEqual([{ cell: { sheet: "KH", row: 13, column: 2 }, text: "Q" }]);
  });
});
