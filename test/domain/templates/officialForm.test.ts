/**
 * Row heights of the official form: lines a text takes in a column, measured per character and wrapped
 * by words. The expectations are how LibreOffice wrapped these texts in the master's columns (rendered
 * with its fallback for Calibri, the widest of the fonts the form meets): an estimate below them cuts text
 * on paper, one far above wastes pages.
 */
import { lineCount, textPoints } from "../../../src/domain/templates/officialForm";

describe("lineCount: lines of wrapped text in a column of the form", () => {
  test.each([
    ["UBND xã Tân Hòa", 14, 2],
    ["Dịp Tết Nguyên đán 2026", 12, 3],
    ["Đoàn công tác của Sở Y tế số 2", 22, 2],
    ["Khảo sát mô hình xử lý rác thải sinh hoạt và kinh tế tuần hoàn", 24, 3],
    ["Giao lưu văn hóa nghệ thuật, quảng bá du lịch thành phố", 24, 2],
    ["Ngân sách thành phố và đối tác hỗ trợ", 14, 3],
    ["Phó Chủ tịch UBND thành phố", 16, 2],
    ["Nhật Bản", 12, 1],
    ["Tháng 9/2026", 12, 1],
  ])("%s in a column %i wide: %i lines", (text, width, lines) => {
    expect(lineCount(text, width, false)).toBe(lines);
  });

  test("wraps by words: a text that fits on one line as letters but not as words takes two", () => {
    // 11 + 1 + 11 letters in a column that holds about 20: the second word goes down whole.
    expect(lineCount("Aaaaaaaaaaa Bbbbbbbbbbb", 20, false)).toBe(2);
    expect(lineCount("Aaaaaaaaaaa", 20, false)).toBe(1);
  });

  test("a word wider than the column breaks inside it; a new line in the cell starts a line", () => {
    expect(lineCount("x".repeat(60), 10, false)).toBe(Math.ceil(textPoints("x".repeat(60)) / (10 * 6.75 - 1)));
    expect(lineCount("Nhật Bản\nHàn Quốc", 20, false)).toBe(2);
  });

  test("Vietnamese marks sit on the letter's width: the same lines as the text without them", () => {
    for (const text of ["Nguyễn Thị Hương", "Học tập kinh nghiệm quản lý đô thị thông minh", "Đoàn đại biểu Hội đồng nhân dân thành phố"]) {
      for (const width of [8, 12, 16, 24]) expect(lineCount(text, width, false)).toBe(lineCount(text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D"), width, false));
    }
  });

  test("narrow letters take less room than wide ones; bold takes more", () => {
    expect(textPoints("iiiiiiiiii")).toBeLessThan(textPoints("mmmmmmmmmm") / 2);
    expect(lineCount("Mục đích, nội dung", 10, true)).toBeGreaterThanOrEqual(lineCount("Mục đích, nội dung", 10, false));
    expect(textPoints("Tên đoàn", true)).toBeGreaterThan(textPoints("Tên đoàn"));
    expect(textPoints("Đ")).toBe(textPoints("D"));
  });
});
