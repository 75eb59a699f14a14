import { parseMembers } from "../../../src/domain/values";
import type { CellValue } from "../../../src/workbook/types";

describe("parseMembers: readable counts", () => {
  it.each<[CellValue, { members: number; leaders?: number }]>([
    [5, { members: 5 }],
    [12, { members: 12 }],
    ["5", { members: 5 }],
    ["05", { members: 5 }],
    ["05 người", { members: 5 }],
    ["5 người", { members: 5 }],
    [" 7 thành viên ", { members: 7 }],
    ["Đoàn gồm 7 đồng chí", { members: 7 }],
    ["Khoảng 10 người", { members: 10 }],
    ["Dự kiến: 04 người", { members: 4 }],
    ["6 (gồm 2 lãnh đạo)", { members: 6, leaders: 2 }],
    ["6 người (02 LĐ)", { members: 6, leaders: 2 }],
    ["6 người, trong đó 2 lãnh đạo", { members: 6, leaders: 2 }],
    ["2 LĐ + 4 CV", { members: 6, leaders: 2 }],
    ["5 người + 1 phiên dịch", { members: 6 }],
    ["5-7 người", { members: 7 }],
    ["5 - 7", { members: 7 }],
    ["5 đến 7 người", { members: 7 }],
    ["7–5 người", { members: 7 }],
  ])("%j → %j", (value, expected) => {
    expect(parseMembers(value)).toEqual(expected);
  });
});

describe("parseMembers: errors in Vietnamese", () => {
  it.each<[CellValue, RegExp]>([
    ["năm người", /Không đọc được số thành viên «năm người»/],
    ["chưa xác định", /Không đọc được số thành viên/],
    ["-3", /phải lớn hơn 0/],
    [-3, /phải lớn hơn 0/],
    [0, /phải lớn hơn 0/],
    ["0 người", /phải lớn hơn 0/],
    [5.5, /phải là số nguyên/],
    ["5,5 người", /phải là số nguyên/],
    [123456, /quá lớn/],
    [Number.NaN, /Không đọc được/],
    [true, /đúng\/sai/],
    [new Date(Date.UTC(2025, 6, 5)), /ngày tháng/],
    [{ error: "#REF!" }, /lỗi công thức \(#REF!\)/],
  ])("%j → error", (value, message) => {
    const result = parseMembers(value);
    expect(result.members).toBeUndefined();
    expect(result.error).toMatch(message);
  });

  it("keeps both numbers when more leaders than members are written", () => {
    expect(parseMembers("3 (gồm 5 lãnh đạo)")).toEqual({ members: 3, leaders: 5, error: "Số lãnh đạo (5) lớn hơn tổng số thành viên (3)" });
  });

  it.each<CellValue>([null, "", "   "])("treats %j as empty", (value) => {
    expect(parseMembers(value)).toEqual({});
  });
});
