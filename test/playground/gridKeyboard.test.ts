/** The playground grid's keyboard model (gridModel's pure functions): moves, selection, clipboard text, paste and clear. */
import ExcelJS from "exceljs";
import type { CellArea } from "../../src/workbook/types";
import { cutMarker, EXCEL_CELL_TEXT_LIMIT } from "../../src/domain/merge/consolidate";
import {
  changedEdits,
  clearEdits,
  cutOverlongEdits,
  MergeIndex,
  navigate,
  parseTsv,
  pasteEdits,
  rangeAddress,
  rangeCellCount,
  rangeToTsv,
  selectionRange,
  tabTarget,
  MAX_COLUMNS,
  type GridBounds,
  type GridPoint,
} from "../../src/playground/gridModel";

const area = (top: number, left: number, bottom: number, right: number): CellArea => ({ top, left, bottom, right });

function bounds(merges: CellArea[] = [], rows = 40, columns = 12): GridBounds {
  return { rows, columns, usedRows: 30, usedColumns: 10, merges: new MergeIndex(merges) };
}

const nothingFilled = () => false;
const move = (from: GridPoint, key: string, b = bounds(), ctrl = false, filled: (row: number, column: number) => boolean = nothingFilled) => navigate(from, { key, ctrl }, b, 10, filled);

describe("navigate", () => {
  it("moves one cell with the arrows and stops at the drawn extent's edges", () => {
    expect(move({ row: 5, column: 5 }, "ArrowDown")).toEqual({ row: 6, column: 5 });
    expect(move({ row: 5, column: 5 }, "ArrowLeft")).toEqual({ row: 5, column: 4 });
    expect(move({ row: 1, column: 1 }, "ArrowUp")).toEqual({ row: 1, column: 1 });
    expect(move({ row: 1, column: 1 }, "ArrowLeft")).toEqual({ row: 1, column: 1 });
    expect(move({ row: 40, column: 12 }, "ArrowDown")).toEqual({ row: 40, column: 12 });
    expect(move({ row: 40, column: 12 }, "ArrowRight")).toEqual({ row: 40, column: 12 });
  });

  it("crosses a merged area as one cell and lands on its top-left cell", () => {
    const merged = bounds([area(7, 6, 8, 7)]); // F7:G8
    expect(move({ row: 7, column: 6 }, "ArrowRight", merged)).toEqual({ row: 7, column: 8 });
    expect(move({ row: 7, column: 6 }, "ArrowDown", merged)).toEqual({ row: 9, column: 6 });
    expect(move({ row: 8, column: 8 }, "ArrowLeft", merged)).toEqual({ row: 7, column: 6 });
    expect(move({ row: 9, column: 7 }, "ArrowUp", merged)).toEqual({ row: 7, column: 6 });
  });

  it("Home, End, Ctrl+Home and Ctrl+End go to the row's start, the used range's last column, A1 and the used range's last cell", () => {
    expect(move({ row: 12, column: 7 }, "Home")).toEqual({ row: 12, column: 1 });
    expect(move({ row: 12, column: 3 }, "End")).toEqual({ row: 12, column: 10 });
    expect(move({ row: 12, column: 7 }, "Home", bounds(), true)).toEqual({ row: 1, column: 1 });
    expect(move({ row: 2, column: 2 }, "End", bounds(), true)).toEqual({ row: 30, column: 10 });
  });

  it("Page Down and Page Up move by the page's rows, within the sheet", () => {
    expect(move({ row: 5, column: 3 }, "PageDown")).toEqual({ row: 15, column: 3 });
    expect(move({ row: 35, column: 3 }, "PageDown")).toEqual({ row: 40, column: 3 });
    expect(move({ row: 15, column: 3 }, "PageUp")).toEqual({ row: 5, column: 3 });
    expect(move({ row: 4, column: 3 }, "PageUp")).toEqual({ row: 1, column: 3 });
  });

  it("Ctrl+arrow goes to the end of a run of data, or to the next filled cell, or to the edge", () => {
    const filledRows = new Set([3, 4, 5, 6, 12]);
    const filled = (row: number, column: number) => column === 2 && filledRows.has(row);
    expect(move({ row: 3, column: 2 }, "ArrowDown", bounds(), true, filled)).toEqual({ row: 6, column: 2 });
    expect(move({ row: 6, column: 2 }, "ArrowDown", bounds(), true, filled)).toEqual({ row: 12, column: 2 });
    expect(move({ row: 12, column: 2 }, "ArrowDown", bounds(), true, filled)).toEqual({ row: 40, column: 2 });
    expect(move({ row: 12, column: 2 }, "ArrowUp", bounds(), true, filled)).toEqual({ row: 6, column: 2 });
    expect(move({ row: 1, column: 2 }, "ArrowDown", bounds(), true, filled)).toEqual({ row: 3, column: 2 });
  });

  it("leaves other keys alone", () => {
    expect(move({ row: 5, column: 5 }, "Enter")).toBeUndefined();
    expect(move({ row: 5, column: 5 }, "a")).toBeUndefined();
    expect(move({ row: 5, column: 5 }, "Tab")).toBeUndefined();
  });
});

describe("tabTarget", () => {
  it("moves right and left within the row, past a merged area, and leaves the grid at the row's ends", () => {
    const merged = bounds([area(3, 2, 3, 4)]); // B3:D3
    expect(tabTarget({ row: 3, column: 1 }, false, merged)).toEqual({ row: 3, column: 2 });
    expect(tabTarget({ row: 3, column: 2 }, false, merged)).toEqual({ row: 3, column: 5 });
    expect(tabTarget({ row: 3, column: 5 }, true, merged)).toEqual({ row: 3, column: 2 });
    expect(tabTarget({ row: 3, column: 1 }, true, merged)).toBe("leave");
    expect(tabTarget({ row: 3, column: 12 }, false, merged)).toBe("leave");
  });
});

describe("selectionRange", () => {
  it("is the rectangle between anchor and active cell, whichever way it was drawn", () => {
    const merges = new MergeIndex([]);
    const range = selectionRange({ anchor: { row: 6, column: 4 }, active: { row: 3, column: 2 } }, merges);
    expect(range).toEqual({ top: 3, left: 2, bottom: 6, right: 4 });
    expect(rangeAddress(range)).toBe("B3:D6");
    expect(rangeCellCount(range)).toBe(12);
    expect(rangeAddress(selectionRange({ anchor: { row: 16, column: 5 }, active: { row: 16, column: 5 } }, merges))).toBe("E16");
  });

  it("grows to cover every merged area it cuts, also those reached by growing", () => {
    // B5:C5 cuts C4:D5 (→ B4:D5), which then cuts D2:E4 (→ B2:E5).
    const merges = new MergeIndex([area(4, 3, 5, 4), area(2, 4, 4, 5)]);
    expect(selectionRange({ anchor: { row: 5, column: 2 }, active: { row: 5, column: 3 } }, merges)).toEqual({ top: 2, left: 2, bottom: 5, right: 5 });
  });
});

describe("clipboard text", () => {
  const cells: Record<string, string> = { "1,1": "Đoàn A", "1,2": "Nhật Bản, Hàn Quốc", "2,1": 'Ghi chú "gấp"', "2,2": "dòng 1\ndòng 2" };
  const textAt = (row: number, column: number) => cells[`${row},${column}`] ?? "";

  it("copies as Excel does: tabs between cells, CRLF between rows, quotes around text with tabs, line breaks or quotes", () => {
    const tsv = rangeToTsv({ top: 1, left: 1, bottom: 2, right: 2 }, textAt);
    expect(tsv).toBe('Đoàn A\tNhật Bản, Hàn Quốc\r\n"Ghi chú ""gấp"""\t"dòng 1\ndòng 2"');
    expect(parseTsv(tsv)).toEqual([
      ["Đoàn A", "Nhật Bản, Hàn Quốc"],
      ['Ghi chú "gấp"', "dòng 1\ndòng 2"],
    ]);
  });

  it("reads Excel's clipboard: a final line break is not a row, empty cells are kept, a quote inside text stays", () => {
    expect(parseTsv("a\tb\r\nc\td\r\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(parseTsv("a\t\tc\n\tx")).toEqual([
      ["a", "", "c"],
      ["", "x"],
    ]);
    expect(parseTsv('12" màn hình\tb')).toEqual([['12" màn hình', "b"]]);
    expect(parseTsv("")).toEqual([]);
    expect(parseTsv("\r\n")).toEqual([[""]]);
  });
});

describe("pasteEdits and clearEdits", () => {
  it("pastes from the start cell, one edit per cell", () => {
    const pasted = pasteEdits({ row: 13, column: 15 }, [["x", "y"], ["z", "w"]], new MergeIndex([]));
    expect(pasted.edits).toEqual([
      { row: 13, column: 15, text: "x" },
      { row: 13, column: 16, text: "y" },
      { row: 14, column: 15, text: "z" },
      { row: 14, column: 16, text: "w" },
    ]);
    expect(pasted.skipped).toBe(0);
    expect(rangeAddress(pasted.range)).toBe("O13:P14");
  });

  it("refuses a paste that would write into a merged area's hidden cells: nothing written, the areas named", () => {
    const title = area(3, 1, 3, 5);
    const pasted = pasteEdits({ row: 3, column: 1 }, [["a", "b", "c"], ["d", "e", "f"]], new MergeIndex([title, area(20, 1, 20, 2)]));
    expect(pasted.edits).toEqual([]);
    expect(pasted.blockedBy).toEqual([title]);
    expect(rangeAddress(pasted.range)).toBe("A3:C4");
  });

  it("pastes onto a merged area's top-left cell when nothing falls in its hidden cells", () => {
    const pasted = pasteEdits({ row: 3, column: 1 }, [["a"], ["d"]], new MergeIndex([area(3, 1, 3, 5)]));
    expect(pasted.blockedBy).toEqual([]);
    expect(pasted.edits).toEqual([
      { row: 3, column: 1, text: "a" },
      { row: 4, column: 1, text: "d" },
    ]);
  });

  it("leaves out what would fall past the last column drawn", () => {
    const pasted = pasteEdits({ row: 1, column: MAX_COLUMNS }, [["a", "b", "c"]], new MergeIndex([]));
    expect(pasted.edits).toEqual([{ row: 1, column: MAX_COLUMNS, text: "a" }]);
    expect(pasted.skipped).toBe(2);
  });

  it("clears every cell of the range once, a merged area through its top-left cell", () => {
    const edits = clearEdits({ top: 1, left: 1, bottom: 2, right: 3 }, new MergeIndex([area(1, 2, 2, 3)]));
    expect(edits).toEqual([
      { row: 1, column: 1, text: "" },
      { row: 1, column: 2, text: "" },
      { row: 2, column: 1, text: "" },
    ]);
  });
});

describe("cutOverlongEdits", () => {
  it("cuts a text longer than an Excel cell holds to the limit, ending with the merge's marker, and names the cell", () => {
    const long = "X".repeat(40_000);
    const { edits, cut } = cutOverlongEdits([
      { row: 13, column: 2, text: long },
      { row: 13, column: 3, text: "ngắn" },
    ]);
    expect(edits[0].text).toHaveLength(EXCEL_CELL_TEXT_LIMIT);
    expect(edits[0].text.endsWith(cutMarker(40_000))).toBe(true);
    expect(edits[1]).toEqual({ row: 13, column: 3, text: "ngắn" });
    expect(cut).toEqual([{ address: "B13", length: 40_000 }]);
  });

  it("leaves a text of exactly the limit as it is", () => {
    const exact = "Y".repeat(EXCEL_CELL_TEXT_LIMIT);
    expect(cutOverlongEdits([{ row: 1, column: 1, text: exact }])).toEqual({ edits: [{ row: 1, column: 1, text: exact }], cut: [] });
  });
});

describe("changedEdits", () => {
  it("keeps only edits that change what the cell shows: a date, a formula or an empty cell left as shown is not written", () => {
    const sheet = new ExcelJS.Workbook().addWorksheet("KH");
    sheet.getCell("F11").value = new Date(Date.UTC(2027, 3, 12));
    sheet.getCell("D22").value = { formula: "SUM(D10:D21)", result: 67 };
    sheet.getCell("E14").value = "Hàn Quốc";
    const edits = [
      { row: 11, column: 6, text: "12/04/2027" },
      { row: 22, column: 4, text: "67" },
      { row: 30, column: 1, text: "" },
      { row: 14, column: 5, text: "Hàn Quốc, Lào" },
      { row: 22, column: 4, text: "" },
    ];
    expect(changedEdits(sheet, edits)).toEqual([
      { row: 14, column: 5, text: "Hàn Quốc, Lào" },
      { row: 22, column: 4, text: "" },
    ]);
    // Looking did not create the empty cell.
    expect(sheet.findCell(30, 1)).toBeUndefined();
  });
});
