import { DelegationSchema, type Delegation } from "../../../src/domain/model";
import { parseNumber, parseSheet } from "../../../src/domain/templates/parseRows";
import { readPlan } from "../../../src/domain/templates/readPlan";
import { recognizeSheet } from "../../../src/domain/templates/recognize";
import type { SheetGrid } from "../../../src/workbook/types";
import { day, FIXTURES, outboundAbbreviated, outboundNoDiacritics, outboundTwoRowMerged, specToGrid, unitWorkbook, type SpecValue } from "../../fixtures/generate";
import { gridOf, recognized } from "./helpers";

function parse(grid: SheetGrid, file?: string, year?: number): Delegation[] {
  return parseSheet(grid, recognized(recognizeSheet(grid)), file, { year });
}

function byRow(delegations: Delegation[], row: number): Delegation {
  const found = delegations.find((d) => d.row === row);
  if (!found) throw new Error(`no delegation on row ${row}`);
  return found;
}

describe("every fixture delegation is a valid Delegation", () => {
  test.each(FIXTURES.map((make) => [make().file, make] as const))("%s", (file, make) => {
    const plan = readPlan(make().sheets.map(specToGrid), { file });
    for (const delegation of plan.delegations) {
      const parsed = DelegationSchema.safeParse(delegation);
      expect(parsed.success ? "ok" : `${delegation.id}: ${parsed.error.message}`).toBe("ok");
      expect(delegation.file).toBe(file);
      expect(delegation.id).toBe(`${file}|${delegation.sheet}!${delegation.row}`);
    }
  });
});

describe("Hải Phòng two-row template (fixture outbound-two-row-merged)", () => {
  const delegations = parse(specToGrid(outboundTwoRowMerged().sheets[0]));

  test("one delegation per data row, with its section", () => {
    expect(delegations.map((d) => [d.row, d.section?.label])).toEqual([
      [11, "I"],
      [14, "II"],
      [15, "II"],
    ]);
    expect(delegations.every((d) => d.kind === "outbound" && d.sheet === "Đoàn ra" && d.firstColumn === 1)).toBe(true);
    expect(delegations[0].id).toBe("Đoàn ra!11");
    expect(delegations[0].file).toBeUndefined();
  });

  test("leader and role from one cell; typed values; raw text as written", () => {
    const first = byRow(delegations, 11);
    expect(first.leaderName).toBe("Nguyễn Văn An");
    expect(first.leaderRole).toMatchObject({ raw: "PCT UBND TP", id: "pho-chu-tich-ubnd", cityLeader: true });
    expect(first.members).toBe(5);
    expect(first.countries.map((c) => c.code)).toEqual(["JP", "KR"]);
    expect(first.period).toEqual({ start: "2025-05-15", end: "2025-05-20", precision: "day" });
    expect(first.days).toBe(6);
    expect(first.cost).toBe(350);
    expect(first.funding?.id).toBe("ngan-sach");
    expect(first.planStatus).toBe("in");
    expect(first.unit).toBe("Sở Giáo dục và Đào tạo");
    expect(first.raw).toMatchObject({ members: "05 người", start: "15/05/2025", end: "20/05/2025", leader: "Nguyễn Văn An - PCT UBND TP", cost: "350" });
  });

  test("text dates, members with leaders, a formula's cached result, 'Phát sinh' as text", () => {
    const second = byRow(delegations, 14);
    expect(second.members).toBe(5);
    expect(second.membersLeaders).toBe(2);
    expect(second.countries.map((c) => c.name)).toEqual(["Hoa Kỳ", "Canada"]);
    expect(second.period).toEqual({ start: "2025-05-15", end: "2025-05-25", precision: "day" });
    expect(second.cost).toBe(200);
    expect(second.raw.cost).toBe("200");
    expect(second.planStatus).toBe("out");
    expect(second.notes).toBe("Chờ phê duyệt");
  });

  test("a #REF! cell: raw keeps the error, no typed value; a quarter in the start column", () => {
    const third = byRow(delegations, 15);
    expect(third.raw.members).toBe("#REF!");
    expect(third.members).toBeUndefined();
    expect(third.period).toEqual({ start: "2025-04-01", end: "2025-06-30", precision: "quarter" });
    expect(third.funding).toEqual({ raw: "Khác" });
    expect(third.cost).toBeUndefined();
    expect(third.raw.cost).toBeUndefined();
  });

  test("cells: every recognised field, empty or not, points at its own cell of the row", () => {
    const third = byRow(delegations, 15);
    expect(Object.keys(third.cells).sort()).toEqual(["countries", "cost", "days", "end", "funding", "inviter", "leader", "members", "notes", "planStatus", "purpose", "seq", "start", "name"].sort());
    expect(third.cells.members).toEqual({ row: 15, column: 4 });
    expect(third.cells.notes).toEqual({ row: 15, column: 14 });
  });
});

describe("other layouts", () => {
  test("no-diacritics fixture: role column, month and range periods, first column B", () => {
    const delegations = parse(specToGrid(outboundNoDiacritics().sheets[0]));
    expect(delegations.map((d) => d.row)).toEqual([4, 5, 8, 9]);
    expect(delegations.every((d) => d.firstColumn === 2)).toBe(true);
    expect(byRow(delegations, 4)).toMatchObject({ leaderName: "Pham Van Dung", leaderRole: { id: "giam-doc-so" }, period: { start: "2025-05-01", end: "2025-05-31", precision: "month" } });
    expect(byRow(delegations, 5)).toMatchObject({ members: 6, leaderRole: { id: "pho-giam-doc-so" } });
    expect(byRow(delegations, 8).period).toEqual({ start: "2025-05-15", end: "2025-05-20", precision: "day" });
    expect(byRow(delegations, 8).countries.map((c) => c.code)).toEqual(["TH", "LA"]);
    expect(byRow(delegations, 9).countries.map((c) => c.code)).toEqual(["CN", "TW"]);
    expect(byRow(delegations, 9).funding?.id).toBe("doanh-nghiep-dai-tho");
  });

  test("abbreviated fixture: a merged funding cell counts for both rows; an 'x' in 'Phát sinh' means out of plan", () => {
    const delegations = parse(specToGrid(outboundAbbreviated().sheets[0]));
    const [first, second, third] = delegations;
    expect(first.funding?.id).toBe("ngan-sach");
    expect(second.funding?.id).toBe("ngan-sach");
    expect(second.cells.funding).toEqual({ row: 8, column: 9 });
    expect(second.raw.funding).toBe("Ngân sách thành phố");
    expect(first.planStatus).toBeUndefined();
    expect(second.planStatus).toBe("out");
    expect(third.period).toEqual({ start: "2026-10-01", end: "2026-10-31", precision: "month" });
    expect(third.countries[0]).toMatchObject({ raw: "Xinh-ga-po", code: "SG" });
    expect(delegations.every((d) => d.unit === "UBND phường Lê Chân")).toBe(true);
  });

  test("inbound sheet: host, receiving leader, venue", () => {
    const inbound = parse(specToGrid(unitWorkbook().sheets[1]));
    expect(inbound[0]).toMatchObject({ kind: "inbound", name: "Đoàn Bộ Y tế Lào", host: "Sở Y tế", receivingLeader: "Giám đốc Sở", venue: "Bệnh viện Việt Tiệp", members: 7 });
    expect(inbound[0].countries.map((c) => c.code)).toEqual(["LA"]);
  });
});

describe("field readers", () => {
  const header = ["STT", "Tên đoàn", "Trưởng đoàn", "Chức vụ", "Nước đến", "Thời gian", "Từ ngày", "Đến ngày", "Số ngày", "Mục đích", "Kinh phí dự kiến", "Trong/ngoài kế hoạch"];
  function one(row: SpecValue[], year?: number): Delegation {
    const delegations = parse(gridOf([header, row]), undefined, year);
    expect(delegations).toHaveLength(1);
    return delegations[0];
  }
  const base: SpecValue[] = [1, "Đoàn A", "Nguyễn Văn A", null, "Nhật Bản", null, null, null, null, "Hợp tác"];

  test("role from its own column wins over a role inside the leader cell", () => {
    const d = one([1, "Đoàn", "Nguyễn Văn A - Trưởng phòng", "Giám đốc Sở", "Lào", null, null, null, null, "Học tập"]);
    expect(d.leaderName).toBe("Nguyễn Văn A");
    expect(d.leaderRole?.id).toBe("giam-doc-so");
  });

  test("a role with no name", () => {
    const d = one([1, "Đoàn", null, "Phó Giám đốc Sở", "Lào", null, null, null, null, "Học tập"]);
    expect(d.leaderName).toBeUndefined();
    expect(d.leaderRole?.id).toBe("pho-giam-doc-so");
  });

  test.each([
    ["period column only", ["Tháng 5", null, null], 2025, { start: "2025-05-01", end: "2025-05-31", precision: "month" }, undefined],
    ["dates win over the period text", ["Quý II/2025", day(2025, 5, 3), day(2025, 5, 9)], undefined, { start: "2025-05-03", end: "2025-05-09", precision: "day" }, undefined],
    ["readable dates make an unreadable period text harmless", ["sẽ báo sau", day(2025, 5, 3), day(2025, 5, 9)], undefined, { start: "2025-05-03", end: "2025-05-09", precision: "day" }, undefined],
    ["start only", [null, "15/05/2025", null], undefined, { start: "2025-05-15", end: "2025-05-15", precision: "day" }, undefined],
    ["month start, exact end", [null, "Tháng 5/2025", "20/5/2025"], undefined, { start: "2025-05-01", end: "2025-05-20", precision: "month" }, undefined],
    ["end before start", [null, day(2025, 5, 9), day(2025, 5, 3)], undefined, { start: "2025-05-09", end: "2025-05-03", precision: "day" }, /trước ngày bắt đầu/],
  ] as const)("period: %s", (_label, times, year, period, error) => {
    const d = one([...base.slice(0, 5), ...times, null, "Hợp tác"], year);
    expect(d.period).toEqual(period);
    if (error) expect(d.periodError).toMatch(error);
    else expect(d.periodError).toBeUndefined();
  });

  test.each([
    ["unreadable text", ["chưa xác định", null, null]],
    ["unreadable start date", [null, "sau Tết", day(2025, 5, 9)]],
    ["end without start", [null, null, day(2025, 5, 9)]],
  ] as const)("period error: %s", (_label, times) => {
    const d = one([...base.slice(0, 5), ...times, null, "Hợp tác"]);
    expect(d.period).toBeUndefined();
    expect(d.periodError).toEqual(expect.any(String));
    expect(d.periodError!.length).toBeGreaterThan(5);
  });

  test("title year beats the option year for times without one", () => {
    const grid = gridOf([["KẾ HOẠCH ĐOÀN RA NĂM 2026"], header, [1, "Đoàn", "A", null, "Lào", "Tháng 5", null, null, null, "Học tập"]]);
    expect(parse(grid, undefined, 2025)[0].period?.start).toBe("2026-05-01");
  });

  test("days, cost and plan status as typed", () => {
    const d = one([1, "Đoàn", "A", null, "Lào", "Tháng 5/2025", null, null, "5 ngày", "Học tập", "1.500", "Ngoài kế hoạch"]);
    expect(d.days).toBe(5);
    expect(d.cost).toBe(1500);
    expect(d.planStatus).toBe("out");
    expect(one([1, "Đoàn", "A", null, "Lào", "Tháng 5/2025", null, null, 4, "Học tập", 12.5, "Trong KH"]).planStatus).toBe("in");
  });
});

describe("plan status from a flag column", () => {
  test.each([
    ["x", "out"],
    ["X", "out"],
    ["✓", "out"],
    [1, "out"],
    [true, "out"],
    ["không", undefined],
    [0, undefined],
    [null, undefined],
  ] as const)("'Phát sinh' = %s → %s", (mark, status) => {
    const grid = gridOf([["STT", "Tên đoàn", "Trưởng đoàn", "Nước đến", "Mục đích", "Phát sinh"], [1, "Đoàn", "A", "Lào", "Học tập", mark]]);
    expect(parse(grid)[0].planStatus).toBe(status);
  });
});

test.each([
  [350, 350],
  ["350", 350],
  ["1.500", 1500],
  ["1.500.000", 1500000],
  ["1,5", 1.5],
  ["1.500,5", 1500.5],
  ["1,500.5", 1500.5],
  ["200 triệu", 200],
  ["khoảng 7 ngày", 7],
  ["chưa rõ", undefined],
  [null, undefined],
] as const)("parseNumber(%p) = %p", (value, expected) => {
  expect(parseNumber(value)).toBe(expected);
});

describe("readPlan", () => {
  test("recognises every sheet and parses the templates, keeping the not-templates with their reasons", () => {
    const plan = readPlan(unitWorkbook().sheets.map(specToGrid), { file: "so-y-te.xlsx" });
    expect(plan.sheets.map((s) => [s.sheet, s.template])).toEqual([
      ["Đoàn ra", true],
      ["Đoàn vào", true],
      ["Đoàn ra 2024 (cũ)", true],
      ["Danh sách cán bộ", false],
    ]);
    expect(plan.delegations.map((d) => d.id)).toEqual(["so-y-te.xlsx|Đoàn ra!4", "so-y-te.xlsx|Đoàn ra!5", "so-y-te.xlsx|Đoàn vào!5", "so-y-te.xlsx|Đoàn vào!6", "so-y-te.xlsx|Đoàn ra 2024 (cũ)!2"]);
  });

  test("odd input does not throw", () => {
    const odd = [{ name: "x", originRow: 0, originCol: -3, values: [[null], "oops"], merges: [{ top: 5, left: 5, bottom: 1, right: 1 }, null] }] as unknown as SheetGrid[];
    expect(() => readPlan(odd)).not.toThrow();
    expect(readPlan(undefined as unknown as SheetGrid[])).toEqual({ sheets: [], delegations: [] });
  });
});
