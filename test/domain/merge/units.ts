/**
 * Unit workbooks for merge tests, built as fixture specs (test/fixtures/generate.ts) so the same unit
 * can be a grid (domain tests) or a real .xlsx (CLI tests).
 */
import type { SheetGrid } from "../../../src/workbook/types";
import { day, specToGrid, type SpecValue, type WorkbookSpec } from "../../fixtures/generate";
import { makeUnitPlan } from "../../../src/domain/merge";
import type { UnitPlan } from "../../../src/domain/merge";

export const OUTBOUND_HEADER = ["STT", "Tên đoàn", "Trưởng đoàn", "Chức vụ", "Số lượng", "Nước đến", "Từ ngày", "Đến ngày", "Mục đích", "Nguồn kinh phí", "Ghi chú"];
export const INBOUND_HEADER = ["STT", "Tên đoàn", "Quốc tịch", "Trưởng đoàn", "Số lượng khách", "Thời gian", "Mục đích, nội dung", "Đơn vị mời/đón tiếp", "Nguồn kinh phí đón tiếp"];

export interface OutboundRow {
  name?: SpecValue;
  leader?: SpecValue;
  role?: SpecValue;
  members?: SpecValue;
  countries?: SpecValue;
  start?: SpecValue;
  end?: SpecValue;
  purpose?: SpecValue;
  funding?: SpecValue;
  notes?: SpecValue;
}

export interface InboundRow {
  name?: SpecValue;
  countries?: SpecValue;
  leader?: SpecValue;
  members?: SpecValue;
  period?: SpecValue;
  purpose?: SpecValue;
  host?: SpecValue;
  funding?: SpecValue;
}

const SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"];
const MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quang", "Ngọc", "Xuân"];
const GIVEN = "An Bình Cường Dũng Giang Hải Hạnh Hòa Hùng Hương Khánh Lan Linh Long Mai Nam Nga Ngân Phong Phúc Phương Quân Quyên Sơn Tâm Thắng Thảo Thu Thủy Tiến Trang Trung Tú Tuấn Uyên Vân Việt Vinh Yến Hiền".split(" ");

/** A distinct Vietnamese name for each n below 5040 (surname, middle name, given name). */
export function personName(n: number): string {
  return `${SURNAMES[n % SURNAMES.length]} ${MIDDLE[Math.floor(n / SURNAMES.length) % MIDDLE.length]} ${GIVEN[Math.floor(n / (SURNAMES.length * MIDDLE.length)) % GIVEN.length]}`;
}

const PURPOSES = [
  "Học tập kinh nghiệm quản lý đô thị thông minh",
  "Xúc tiến đầu tư vào khu công nghiệp",
  "Tham dự hội thảo quốc tế về y tế dự phòng",
  "Ký kết thỏa thuận hợp tác đào tạo nghề",
  "Bồi dưỡng nghiệp vụ quản lý tài chính công",
  "Khảo sát mô hình xử lý rác thải sinh hoạt",
  "Giao lưu văn hóa nghệ thuật truyền thống",
  "Trao đổi kinh nghiệm cải cách hành chính",
];

/** A complete outbound row (every required field filled); override what the test is about. */
export function trip(n: number, over: OutboundRow = {}): OutboundRow {
  return {
    name: `Đoàn công tác số ${n}`,
    leader: personName(n),
    role: "Trưởng phòng",
    members: 3,
    countries: "Nhật Bản",
    start: "Tháng 5/2025",
    end: null,
    purpose: PURPOSES[n % PURPOSES.length],
    funding: "Ngân sách thành phố",
    ...over,
  };
}

export function visit(n: number, over: InboundRow = {}): InboundRow {
  return {
    name: `Đoàn khách số ${n}`,
    countries: "Hàn Quốc",
    leader: `Kim Min ${GIVEN[n % GIVEN.length]}`,
    members: 4,
    period: "Quý III/2025",
    purpose: `Trao đổi hợp tác lĩnh vực số ${n}`,
    host: "Sở Ngoại vụ",
    funding: "Kinh phí hoạt động đối ngoại",
    ...over,
  };
}

export interface UnitSpecInput {
  file: string;
  /** Written as "Đơn vị: …" under the title; omitted → the unit is named by the file. */
  unit?: string;
  outbound?: OutboundRow[];
  inbound?: InboundRow[];
  year?: number;
}

/** Sheet rows: title, "Đơn vị: …", header on row 3 (row 4 without the unit line), data below. */
export function unitSpec(input: UnitSpecInput): WorkbookSpec {
  const year = input.year ?? 2025;
  const titleRows = (title: string): SpecValue[][] => [[`${title} NĂM ${year}`], ...(input.unit ? [[`Đơn vị: ${input.unit}`]] : []), []];
  const sheets: WorkbookSpec["sheets"] = [];
  if (input.outbound) {
    sheets.push({
      name: "Đoàn ra",
      rows: [
        ...titleRows("KẾ HOẠCH ĐOÀN RA"),
        OUTBOUND_HEADER,
        ...input.outbound.map((r, i) => [i + 1, r.name, r.leader, r.role, r.members, r.countries, r.start, r.end, r.purpose, r.funding, r.notes]),
      ],
      expect: false,
    });
  }
  if (input.inbound) {
    sheets.push({
      name: "Đoàn vào",
      rows: [
        ...titleRows("KẾ HOẠCH ĐOÀN VÀO"),
        INBOUND_HEADER,
        ...input.inbound.map((r, i) => [i + 1, r.name, r.countries, r.leader, r.members, r.period, r.purpose, r.host, r.funding]),
      ],
      expect: false,
    });
  }
  return { file: input.file, description: input.unit ?? input.file, sheets };
}

/** Sheet row of the n-th data row (1-based) of a sheet made by unitSpec. */
export function dataRow(input: UnitSpecInput, n: number): number {
  return (input.unit ? 3 : 2) + 1 + n;
}

export function gridsOf(spec: WorkbookSpec): SheetGrid[] {
  return spec.sheets.map(specToGrid);
}

export function unitPlan(input: UnitSpecInput, options: { unitName?: string } = {}): UnitPlan {
  const spec = unitSpec(input);
  return makeUnitPlan(spec.file, gridsOf(spec), { year: input.year ?? 2025, ...options });
}

/**
 * The cross-unit scenario of issue 5: the same key leader heads 2 trips in one unit ("Sở Xây dựng",
 * rows of trips 1 and 3) and 1 in another ("Sở Quy hoạch", trip 4) — 3 trips in the year, over the limit
 * only when the units are seen together. `b` can be left without its "Đơn vị:" line.
 */
export function travellingLeaderUnits(names: { fileA?: string; fileB?: string; unitB?: string | null } = {}): { a: UnitSpecInput; b: UnitSpecInput } {
  const leader = { leader: "Nguyễn Văn Chủ", role: "Giám đốc Sở" };
  const a: UnitSpecInput = {
    file: names.fileA ?? "a.xlsx",
    unit: "Sở Xây dựng",
    outbound: [
      trip(1, { ...leader, countries: "Nhật Bản", start: day(2025, 3, 2), end: day(2025, 3, 6) }),
      trip(2, { countries: "Pháp" }),
      trip(3, { ...leader, countries: "Đức", start: day(2025, 6, 2), end: day(2025, 6, 6), purpose: "Khảo sát quy hoạch đô thị xanh" }),
    ],
  };
  const b: UnitSpecInput = { file: names.fileB ?? "b.xlsx", outbound: [trip(4, { ...leader, countries: "Úc", start: day(2025, 9, 8), end: day(2025, 9, 12), purpose: "Hội thảo kiến trúc" })] };
  if (names.unitB !== null) b.unit = names.unitB ?? "Sở Quy hoạch";
  return { a, b };
}
