/**
 * Reading unit workbooks as they really arrive (issue 13), capability by capability, with passing and
 * failing rows: status in the notes, one trip over several rows (merged or blank STT), line breaks as
 * separators, stacked plans, a month where a day belongs.
 */
import type { Delegation } from "../../../src/domain/model";
import { planStatusInText } from "../../../src/domain/templates/parseRows";
import { readPlan } from "../../../src/domain/templates";
import { day, specToGrid, type SpecValue } from "../../fixtures/generate";
import { gridOf } from "./helpers";

// A STT, B Tên đoàn, C Trưởng đoàn, D Chức vụ, E Số lượng, F Nước đến, G Từ ngày, H Đến ngày, I Mục đích, J Nguồn kinh phí, K Ghi chú.
const HEADER = ["STT", "Tên đoàn", "Trưởng đoàn", "Chức vụ", "Số lượng", "Nước đến", "Từ ngày", "Đến ngày", "Mục đích", "Nguồn kinh phí", "Ghi chú"];
const trip = (seq: number | null, country: SpecValue, start: SpecValue, end: SpecValue, notes: SpecValue = null): SpecValue[] => [
  seq,
  seq === null ? null : `Đoàn ${seq}`,
  seq === null ? null : `Nguyễn Văn ${String.fromCharCode(64 + seq)}`,
  seq === null ? null : "Trưởng phòng",
  seq === null ? null : 4,
  country,
  start,
  end,
  seq === null ? null : `Hợp tác đào tạo đợt ${seq}`,
  seq === null ? null : "Ngân sách thành phố",
  notes,
];
const only = (country: SpecValue, start: SpecValue = null, end: SpecValue = null, notes: SpecValue = null) => trip(null, country, start, end, notes);

function read(rows: SpecValue[][], merges: string[] = []): Delegation[] {
  return readPlan([gridOf([HEADER, ...rows], { merges })], { year: 2026 }).delegations;
}

describe("1. plan status written only in Ghi chú (or the purpose, the name)", () => {
  it.each([
    ["Phát sinh", "out"],
    ["Ngoài KH", "out"],
    ["ngoài kế hoạch", "out"],
    ["Đoàn phát sinh", "out"],
    ["Bổ sung ngoài kế hoạch", "out"],
    ["Đoàn phát sinh,\nchờ phê duyệt", "out"],
    ["NKH", "out"],
    ["Chưa có trong kế hoạch", "out"],
    ["Trong kế hoạch", "in"],
    ["Trong KH; không phát sinh thêm kinh phí", "in"],
    ["Không phát sinh", undefined],
    ["Chi phí phát sinh do đối tác chịu", undefined],
    ["Kinh phí phát sinh (nếu có) do đơn vị bố trí", undefined],
    ["Xúc tiến thương mại ngoài nước", undefined],
    ["Kế hoạch bổ sung", undefined],
  ])("%j → %s", (text, status) => {
    expect(planStatusInText(text)).toBe(status);
  });

  it("marks the cell it was read from; a status column, when there is one, is the only source", () => {
    const [fromNotes, fromName, clean] = read([
      trip(1, "Lào", day(2026, 3, 2), day(2026, 3, 6), "Ngoài KH"),
      [2, "Đoàn phát sinh làm việc với JICA", "Lê Văn B", "Trưởng phòng", 4, "Nhật Bản", day(2026, 4, 6), day(2026, 4, 9), "Hợp tác", "Ngân sách thành phố", null],
      trip(3, "Úc", day(2026, 5, 4), day(2026, 5, 8), "Không phát sinh"),
    ]);
    expect([fromNotes.planStatus, fromNotes.cells.planStatus]).toEqual(["out", { row: 2, column: 11 }]);
    expect([fromName.planStatus, fromName.cells.planStatus]).toEqual(["out", { row: 3, column: 2 }]);
    expect(clean.planStatus).toBeUndefined();

    const withColumn = readPlan([gridOf([[...HEADER, "Trong/ngoài kế hoạch"], [...trip(1, "Lào", "Tháng 3/2026", null, "Phát sinh"), "Trong kế hoạch"]])], { year: 2026 }).delegations;
    expect(withColumn[0].planStatus).toBe("in");
  });
});

describe("2. one delegation over several physical rows", () => {
  const merged = ["A2:A5", "B2:B5", "C2:C5", "D2:D5", "E2:E5", "I2:I5", "J2:J5"];
  const rows = [
    trip(1, "Pháp", day(2026, 5, 4), day(2026, 5, 6)),
    only("Đức", day(2026, 5, 7), day(2026, 5, 8)),
    only("Hà Lan", day(2026, 5, 9), day(2026, 5, 10)),
    only("Bỉ", day(2026, 5, 11), day(2026, 5, 13), "Phát sinh"),
    trip(2, "Lào", day(2026, 6, 1), day(2026, 6, 5)),
  ];

  it.each([
    ["merged STT, name, leader, purpose", merged],
    ["blank STT below the first row, no merges", []],
  ])("%s: one trip with every country, the whole period and the notes", (_label, merges) => {
    const delegations = read(rows, merges);
    expect(delegations.map((d) => d.row)).toEqual([2, 6]);
    const [first] = delegations;
    expect(first.countries.map((c) => c.name)).toEqual(["Pháp", "Đức", "Hà Lan", "Bỉ"]);
    expect(first.period).toEqual({ start: "2026-05-04", end: "2026-05-13", precision: "day" });
    expect(first.raw.countries).toBe("Pháp\nĐức\nHà Lan\nBỉ");
    expect(first.raw.end).toBe("13/05/2026");
    expect(first.cells.countries).toEqual({ row: 2, column: 6 });
    expect(first.planStatus).toBe("out");
    expect(first.continuation?.map((part) => [part.row, Object.keys(part.cells).sort()])).toEqual([
      [3, ["countries", "end", "start"]],
      [4, ["countries", "end", "start"]],
      [5, ["countries", "end", "notes", "start"]],
    ]);
    expect(first.leaderName).toBe("Nguyễn Văn A");
  });

  it("days written per row add up; a days cell merged over the trip counts once", () => {
    const header = [...HEADER.slice(0, 8), "Số ngày", ...HEADER.slice(8)];
    const withDays = (seq: number | null, country: string, days: number | null) => {
      const row = trip(seq, country, null, null);
      return [...row.slice(0, 8), days, ...row.slice(8)];
    };
    const perRow = readPlan([gridOf([header, withDays(1, "Pháp", 3), withDays(null, "Đức", 4)])], { year: 2026 }).delegations;
    expect(perRow.map((d) => d.days)).toEqual([7]);
    const mergedDays = readPlan([gridOf([header, withDays(1, "Pháp", 6), withDays(null, "Đức", null)], { merges: ["A2:A3", "I2:I3"] })], { year: 2026 }).delegations;
    expect(mergedDays.map((d) => d.days)).toEqual([6]);
  });

  it.each([
    ["a blank-STT row with its own name is another delegation", [null, "Đoàn khác", "Lê Văn B", "Trưởng phòng", 3, "Đức", day(2026, 5, 7), day(2026, 5, 8), "Hợp tác", "Ngân sách thành phố", null]],
    ["a blank-STT row with a purpose is another delegation", [null, null, null, null, null, "Đức", day(2026, 5, 7), day(2026, 5, 8), "Học tập mô hình", null, null]],
    ["a numbered row is another delegation", trip(2, "Đức", day(2026, 5, 7), day(2026, 5, 8))],
  ])("%s", (_label, second) => {
    expect(read([trip(1, "Pháp", day(2026, 5, 4), day(2026, 5, 6)), second]).map((d) => d.row)).toEqual([2, 3]);
  });

  it("a cell merged over two numbered delegations (one funding for both) joins nothing", () => {
    const rows2 = [trip(1, "Pháp", day(2026, 5, 4), day(2026, 5, 6)), trip(2, "Đức", day(2026, 6, 7), day(2026, 6, 8))];
    rows2[1][9] = null;
    const delegations = read(rows2, ["J2:J3"]);
    expect(delegations.map((d) => [d.row, d.funding?.raw])).toEqual([
      [2, "Ngân sách thành phố"],
      [3, "Ngân sách thành phố"],
    ]);
  });

  it("an unreadable date on a continuation row is reported on that row's cell", () => {
    const [first] = read([trip(1, "Pháp", day(2026, 5, 4), day(2026, 5, 6)), only("Đức", "31/06/2026", null)]);
    expect(first.periodError).toMatch(/31\/6\/2026 không có trong lịch/);
    expect(first.cells.start).toEqual({ row: 3, column: 7 });
  });
});

describe("3. line breaks inside a cell are separators", () => {
  it.each([
    ["Pháp\nĐức\nHà Lan\nBỉ", ["Pháp", "Đức", "Hà Lan", "Bỉ"]],
    ["Singapore\nMalaysia", ["Singapore", "Malaysia"]],
    ["Singapore\r\nMalaysia", ["Singapore", "Malaysia"]],
    ["Nhật Bản, Hàn Quốc\nTrung Quốc; Mông Cổ", ["Nhật Bản", "Hàn Quốc", "Trung Quốc", "Mông Cổ"]],
    ["Nhật Bản (Tokyo,\nOsaka)", ["Nhật Bản"]],
  ])("countries %j", (cell, names) => {
    expect(read([trip(1, cell, "Tháng 5/2026", null)])[0].countries.map((c) => c.name)).toEqual(names);
  });

  it.each([
    ["Đ/c Nguyễn Văn A\nPhó Chủ tịch UBND huyện", "Nguyễn Văn A", "pho-chu-tich-ubnd-xa"],
    ["Đ/c Lê Văn B\nTrưởng phòng Kinh tế", "Lê Văn B", "truong-phong"],
    ["Ông Trần Văn C Giám đốc Sở", "Trần Văn C", "giam-doc-so"],
    ["Bà Lò Thị E\nChủ tịch UBND xã", "Lò Thị E", "chu-tich-ubnd-xa"],
    ["Đ/c Nguyễn Văn A - PCT UBND huyện\nĐ/c Trần Văn B - Trưởng phòng", "Nguyễn Văn A", "pho-chu-tich-ubnd-xa"],
  ])("leader cell %j", (cell, name, roleId) => {
    const row = trip(1, "Lào", "Tháng 5/2026", null);
    row[2] = cell;
    row[3] = null;
    const [delegation] = read([row]);
    expect(delegation.leaderName).toBe(name);
    expect(delegation.leaderRole?.id).toBe(roleId);
  });
});

describe("4. several plans on one sheet", () => {
  const outbound = ["STT", "Tên đoàn", "Trưởng đoàn", "Chức vụ", "Số lượng", "Nước đến", "Thời gian", "Mục đích", "Nguồn kinh phí"];
  const outRow = (seq: number, country: string): SpecValue[] => [seq, `Đoàn ${seq}`, "Nguyễn Văn A", "Trưởng phòng", 4, country, "Tháng 5/2026", "Hợp tác đào tạo", "Ngân sách thành phố"];
  const inbound = ["STT", "Tên đoàn khách", "Quốc tịch", "Trưởng đoàn", "Số lượng khách", "Thời gian", "Mục đích", "Đơn vị đón tiếp", "Kinh phí đón tiếp"];
  const inRow = (seq: number, country: string): SpecValue[] => [seq, `Đoàn khách ${seq}`, country, "Bounmy", 5, "Quý III", "Trao đổi văn hóa", "Sở Văn hóa", "Ngân sách thành phố"];

  it.each([
    ["blank rows and a label row between", [[], [], ["Biểu mẫu 05 – Kế hoạch đoàn vào"]], [7], 8],
    ["a label row straight under the last delegation", [["Biểu mẫu 05 – Kế hoạch đoàn vào"]], [5], 6],
    ["a label row in the name column", [[], [null, "KẾ HOẠCH ĐOÀN VÀO NĂM 2026"]], [6], 7],
    ["no label at all", [[]], [], 6],
  ])("%s: both tables, each row in its plan", (_label, between, labelRows, inboundHeader) => {
    const rows: SpecValue[][] = [["KẾ HOẠCH ĐOÀN RA NĂM 2026"], outbound, outRow(1, "Nhật Bản"), outRow(2, "Lào"), ...between, inbound, inRow(1, "Lào"), inRow(2, "Thái Lan")];
    const plan = readPlan([gridOf(rows, { name: "KH" })], { year: 2026 });
    expect(plan.sheets.map((s) => (s.template ? `${s.kind}@${s.headerRow}` : "none"))).toEqual(["outbound@2", `inbound@${inboundHeader}`]);
    expect(plan.delegations.map((d) => `${d.kind}:${d.row}`)).toEqual(["outbound:3", "outbound:4", `inbound:${inboundHeader + 1}`, `inbound:${inboundHeader + 2}`]);
    for (const label of labelRows) expect(plan.delegations.some((d) => d.row === label)).toBe(false);
    expect(plan.delegations.filter((d) => d.kind === "inbound").map((d) => d.countries[0]?.name)).toEqual(["Lào", "Thái Lan"]);
  });

  it("the same header printed again on a second page is not a second plan", () => {
    const rows: SpecValue[][] = [outbound, outRow(1, "Nhật Bản"), [], outbound, outRow(2, "Lào")];
    const plan = readPlan([gridOf(rows)], { year: 2026 });
    expect(plan.sheets).toHaveLength(1);
    expect(plan.delegations.map((d) => d.row)).toEqual([2, 5]);
  });
});

describe("5. a month typed where a day belongs", () => {
  it.each([
    ["Tháng 9/2026", null, { start: "2026-09-01", end: "2026-09-30", precision: "month" }],
    ["Tháng 9/2026", "Tháng 9/2026", { start: "2026-09-01", end: "2026-09-30", precision: "month" }],
    ["Tháng 9", day(2026, 9, 16), { start: "2026-09-01", end: "2026-09-16", precision: "month" }],
    ["Quý IV/2026", null, { start: "2026-10-01", end: "2026-12-31", precision: "quarter" }],
    [day(2026, 9, 14), day(2026, 9, 16), { start: "2026-09-14", end: "2026-09-16", precision: "day" }],
  ])("Từ ngày %j, Đến ngày %j", (start, end, period) => {
    expect(read([trip(1, "Hàn Quốc", start, end)])[0].period).toEqual(period);
  });

  it.each<[string, SpecValue, SpecValue, Record<string, string>, object]>([
    ["a date shown 'mm/yyyy' (Excel's reading of '9/2026')", day(2026, 9, 1), null, { G2: "mm/yyyy" }, { start: "2026-09-01", end: "2026-09-30", precision: "month" }],
    ["an Office.js serial shown 'm/yyyy'", 46266, null, { G2: "m/yyyy" }, { start: "2026-09-01", end: "2026-09-30", precision: "month" }],
    ["a month start and a day end", day(2026, 9, 1), day(2026, 9, 16), { G2: "m/yyyy" }, { start: "2026-09-01", end: "2026-09-16", precision: "month" }],
    ["a date shown 'yyyy'", day(2026, 1, 1), null, { G2: "yyyy" }, { start: "2026-01-01", end: "2026-12-31", precision: "year" }],
    ["a date shown to the day", day(2026, 9, 1), null, { G2: "dd/mm/yyyy" }, { start: "2026-09-01", end: "2026-09-01", precision: "day" }],
  ])("%s", (_label, start, end, numberFormats, period) => {
    const grid = specToGrid({ name: "Sheet1", rows: [HEADER, trip(1, "Hàn Quốc", start, end)], numberFormats, expect: false });
    if (typeof start === "number") grid.dateFormats = [{ row: 2, column: 7, format: numberFormats.G2 }];
    const [delegation] = readPlan([grid], { year: 2026 }).delegations;
    expect(delegation.period).toEqual(period);
  });

  it("a date in the Thời gian column shown as a month is a month, and its text is what the cell shows", () => {
    const header = ["STT", "Tên đoàn", "Trưởng đoàn", "Chức vụ", "Số lượng", "Nước đến", "Thời gian", "Mục đích", "Nguồn kinh phí"];
    const grid = specToGrid({ name: "S", rows: [header, [1, "Đoàn 1", "Lê Văn B", "Trưởng phòng", 3, "Lào", day(2026, 10, 1), "Hợp tác", "Ngân sách thành phố"]], numberFormats: { G2: "[$-42A]mmmm yyyy" }, expect: false });
    const [delegation] = readPlan([grid], { year: 2026 }).delegations;
    expect([delegation.period, delegation.raw.period]).toEqual([{ start: "2026-10-01", end: "2026-10-31", precision: "month" }, "10/2026"]);
  });

  it.each([
    ["31/06/2026", /31\/6\/2026 không có trong lịch/],
    ["sau Tết", /Ngày bắt đầu: Không đọc được/],
  ])("Từ ngày %j is period-invalid with the reason", (start, reason) => {
    const [delegation] = read([trip(1, "Hàn Quốc", start, null)]);
    expect(delegation.period).toBeUndefined();
    expect(delegation.periodError).toMatch(reason);
  });
});
