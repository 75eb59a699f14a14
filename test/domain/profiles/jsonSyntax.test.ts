import fc from "fast-check";
import { findJsonSyntaxError } from "../../../src/domain/profiles/jsonSyntax";

describe("findJsonSyntaxError", () => {
  it.each([
    ['{"a": 1,\n "b": 2,\n}', 3, 1, "dấu phẩy thừa trước dấu }"],
    ['{"a": [1, 2,]}', 1, 13, "dấu phẩy thừa trước dấu ]"],
    ['{"a": 1\n "b": 2}', 2, 2, "thiếu dấu phẩy giữa hai trường hoặc dấu } đóng đối tượng"],
    ['{"a" 1}', 1, 6, "thiếu dấu hai chấm : sau tên trường"],
    ["{a: 1}", 1, 2, "cần tên trường trong dấu nháy kép"],
    ["{'a': 1}", 1, 2, "cần tên trường trong dấu nháy kép"],
    ['{"a": \'x\'}', 1, 7, "dùng dấu nháy kép \" thay cho nháy đơn '"],
    ['{"a": có}', 1, 7, "giá trị không hợp lệ: chữ phải đặt trong dấu nháy kép; số viết dấu chấm thập phân; true, false, null viết thường"],
    ['{"a": 0,5}', 1, 9, "cần tên trường trong dấu nháy kép"],
    ['{"a": True}', 1, 7, "giá trị không hợp lệ: chữ phải đặt trong dấu nháy kép; số viết dấu chấm thập phân; true, false, null viết thường"],
    ['{"a": "x\n"}', 1, 7, "chuỗi chưa đóng dấu nháy kép trước khi xuống dòng"],
    ['{"a": "C:\\tai lieu\\x"}', 1, 19, "ký tự thoát \\ không hợp lệ (viết \\\\ cho dấu gạch ngược)"],
    ['{"a": 1', 1, 8, "tệp kết thúc giữa chừng (thiếu dấu })"],
    ['{"a": [1', 1, 9, "tệp kết thúc giữa chừng (thiếu dấu ])"],
    ["", 1, 1, "tệp kết thúc giữa chừng (thiếu giá trị ở đầu tệp)"],
    ['{"a": 1} x', 1, 10, "có nội dung thừa sau khi đối tượng đã đóng"],
    ['{\n  // ghi chú\n  "a": 1}', 2, 3, "JSON không cho phép chú thích (// hoặc /* */)"],
  ])("%j → line %i column %i: %s", (text, line, column, reason) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toEqual({ line, column, reason });
  });

  it("finds nothing wrong in any JSON.stringify output", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        expect(findJsonSyntaxError(JSON.stringify(value, null, pretty ? 2 : undefined))).toBeUndefined();
      }),
    );
  });

  it("agrees with JSON.parse on whether a mangled text is valid", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom("", ",", "}", "]", ":", '"', "'", "x", " ", "\n", "1", "[", "{"), (value, at, insert) => {
        const text = JSON.stringify(value) ?? "null";
        const position = at % (text.length + 1);
        const mangled = text.slice(0, position) + insert + text.slice(position);
        let parses = true;
        try {
          JSON.parse(mangled);
        } catch {
          parses = false;
        }
        expect(findJsonSyntaxError(mangled) === undefined).toBe(parses);
      }),
      { numRuns: 500 },
    );
  });
});
