import fc from "fast-check";
import { a1Address, columnLetter, columnNumber } from "../../../src/domain/cells";

describe("column letters", () => {
  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [53, "BA"],
    [702, "ZZ"],
    [703, "AAA"],
    [16384, "XFD"],
  ])("%i ↔ %s", (column, letters) => {
    expect(columnLetter(column)).toBe(letters);
    expect(columnNumber(letters)).toBe(column);
    expect(columnNumber(letters.toLowerCase())).toBe(column);
  });

  it("round-trips every column", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), (column) => columnNumber(columnLetter(column)) === column));
  });

  it.each([0, -1, 1.5])("refuses column %p", (column) => {
    expect(() => columnLetter(column)).toThrow(/Số cột không hợp lệ/);
  });

  it.each(["", "A1", "Ă"])("is not a column name: %p", (text) => {
    expect(columnNumber(text)).toBeUndefined();
  });

  it("addresses a cell", () => {
    expect(a1Address(12, 6)).toBe("F12");
    expect(a1Address(3, 27)).toBe("AA3");
  });
});
