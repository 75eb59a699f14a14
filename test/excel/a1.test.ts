import fc from "fast-check";
import {
  absoluteReference,
  areaAddress,
  cellAddress,
  cellsToAreas,
  chunkAddresses,
  columnLetters,
  columnNumber,
  parseArea,
  parseAreas,
  quoteSheetName,
} from "../../src/excel/a1";

describe("A1 addresses", () => {
  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [703, "AAA"],
    [16384, "XFD"],
  ])("column %i is %s", (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
    expect(columnNumber(letters)).toBe(column);
  });

  it("round-trips every column number", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (n) => columnNumber(columnLetters(n)) === n));
  });

  it("refuses coordinates outside the sheet", () => {
    expect(() => columnLetters(0)).toThrow(RangeError);
    expect(() => columnLetters(16385)).toThrow(RangeError);
    expect(() => cellAddress(0, 1)).toThrow(RangeError);
    expect(() => columnNumber("XFE")).toThrow(RangeError);
  });

  it.each([
    ["B5", { top: 5, left: 2, bottom: 5, right: 2 }],
    ["$B$5:$C$9", { top: 5, left: 2, bottom: 9, right: 3 }],
    ["Sheet1!C9:B5", { top: 5, left: 2, bottom: 9, right: 3 }],
    ["'Kế hoạch, 2025'!A1:B2", { top: 1, left: 1, bottom: 2, right: 2 }],
    ["'It''s'!D4", { top: 4, left: 4, bottom: 4, right: 4 }],
    ["A:C", { top: 1, left: 1, bottom: 1048576, right: 3 }],
    ["2:4", { top: 2, left: 1, bottom: 4, right: 16384 }],
  ])("parses %s", (text, area) => {
    expect(parseArea(text)).toEqual(area);
  });

  it("parses multi-area addresses, commas inside quoted sheet names included", () => {
    expect(parseAreas("'Kế hoạch, 2025'!A1:B2, 'Kế hoạch, 2025'!D4")).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 4, left: 4, bottom: 4, right: 4 },
    ]);
    expect(() => parseArea("not an address")).toThrow(RangeError);
  });

  it("quotes sheet names for formulas and builds absolute references", () => {
    expect(quoteSheetName("_DanhMuc")).toBe("'_DanhMuc'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
    expect(absoluteReference("_DanhMuc", { top: 2, left: 3, bottom: 40, right: 3 })).toBe("'_DanhMuc'!$C$2:$C$40");
    expect(absoluteReference("L", { top: 2, left: 1, bottom: 2, right: 1 })).toBe("'L'!$A$2");
  });

  it("joins addresses into chunks strictly shorter than the limit, losing none", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 1048576 }), fc.integer({ min: 1, max: 16384 })), { maxLength: 400 }), fc.integer({ min: 20, max: 300 }), (cells, max) => {
        const addresses = cells.map(([r, c]) => cellAddress(r, c));
        const chunks = chunkAddresses(addresses, max);
        return chunks.every((chunk) => chunk.length < max) && chunks.flatMap((chunk) => chunk.split(",")).join("|") === addresses.join("|");
      }),
    );
  });

  it("merges a column's consecutive cells into runs", () => {
    const areas = cellsToAreas([
      { row: 7, column: 2 },
      { row: 5, column: 2 },
      { row: 6, column: 2 },
      { row: 6, column: 2 },
      { row: 9, column: 2 },
      { row: 5, column: 1 },
    ]);
    expect(areas.map(areaAddress)).toEqual(["A5", "B5:B7", "B9"]);
  });
});
