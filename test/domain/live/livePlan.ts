/**
 * A small plan for live-check tests: two outbound sheets (one with title, sections, a funding cell merged
 * down and a signature block), leaders, countries, months and purposes shared between rows, and the
 * values an officer types, drawn from small pools so random edits keep creating and breaking groups.
 */
import type { FieldId } from "../../../src/domain/model";
import { TEMPLATES } from "../../../src/domain/templates";
import type { CellValue, SheetGrid } from "../../../src/workbook/types";

export const LIVE_COLUMNS: FieldId[] = ["seq", "name", "leader", "leaderRole", "members", "composition", "countries", "start", "end", "purpose", "funding", "unit", "notes"];

const day = (month: number, date: number, year = 2025) => new Date(Date.UTC(year, month - 1, date));

const POOLS: Partial<Record<FieldId, CellValue[]>> = {
  seq: [1, 2, 3, null],
  name: ["Đoàn công tác", "Đoàn học tập kinh nghiệm", null],
  leader: ["Nguyễn Văn An", "Trần Thị Bình", "Lê Thị Cúc", "Phạm Văn Dũng", null],
  leaderRole: ["Chủ tịch UBND", "Phó Chủ tịch UBND", "Giám đốc Sở", "Phó Giám đốc Sở", "Chuyên viên", "Bí thư Thành ủy", null],
  members: [3, 5, "12 người", "6 (gồm 4 lãnh đạo)", null],
  composition: ["Giám đốc Sở, 02 chuyên viên", "Đ/c Lê Thị Cúc - Bí thư, Nguyễn Văn An", "Phó Giám đốc Sở, Trần Thị Bình", null],
  countries: ["Nhật Bản", "Hàn Quốc", "Nhật Bản, Hàn Quốc", "Lào, Campuchia, Thái Lan, Nhật Bản", "Xứ Lạ", null],
  start: [day(5, 10), day(5, 12), day(6, 2), day(12, 30, 2024), "Tháng 5/2025", null],
  end: [day(5, 15), day(5, 20), day(6, 9), null],
  purpose: [
    "Làm việc với Đại học Osaka về hợp tác đào tạo y tế",
    "Làm việc với Đại học Osaka về hợp tác đào tạo điều dưỡng",
    "Tham quan",
    "Hợp tác về nông nghiệp công nghệ cao với tỉnh Gyeonggi",
    null,
  ],
  funding: ["Ngân sách nhà nước", "Doanh nghiệp đài thọ", "Nguồn xã hội hóa", null],
  unit: ["Sở Y tế", "Sở Công Thương", null],
  notes: ["Đã xin ý kiến cấp có thẩm quyền", "x", null],
};

export function valuePool(field: FieldId): CellValue[] {
  return POOLS[field] ?? [null];
}

function header(): string[] {
  return LIVE_COLUMNS.map((field) => TEMPLATES.outbound.fields.find((definition) => definition.id === field)!.title);
}

type Row = Partial<Record<FieldId, CellValue>>;

function line(row: Row): CellValue[] {
  return LIVE_COLUMNS.map((field) => row[field] ?? null);
}

const CITY: Row[] = [
  { seq: 1, leader: "Nguyễn Văn An", leaderRole: "Chủ tịch UBND", members: 5, countries: "Nhật Bản", start: day(5, 10), end: day(5, 15), purpose: POOLS.purpose![0], funding: "Ngân sách nhà nước" },
  { seq: 2, leader: "Nguyễn Văn An", leaderRole: "Chủ tịch UBND", members: 5, countries: "Hàn Quốc", start: day(6, 2), end: day(6, 9), purpose: POOLS.purpose![3], funding: "Ngân sách nhà nước" },
  { seq: 3, leader: "Trần Thị Bình", leaderRole: "Phó Chủ tịch UBND", members: 4, countries: "Nhật Bản", start: day(5, 12), end: day(5, 20), purpose: POOLS.purpose![1], funding: "Ngân sách nhà nước" },
  { seq: 4, leaderRole: "Bí thư Thành ủy", members: 6, composition: "Đ/c Lê Thị Cúc - Bí thư, Nguyễn Văn An", countries: "Lào", start: day(6, 2), end: day(6, 9), purpose: "Hợp tác về nông nghiệp công nghệ cao với tỉnh Gyeonggi", funding: "Ngân sách nhà nước" },
];

const DEPARTMENTS: Row[] = [
  { seq: 1, leader: "Phạm Văn Dũng", leaderRole: "Giám đốc Sở", unit: "Sở Y tế", members: 3, countries: "Nhật Bản", start: day(5, 10), end: day(5, 15), purpose: POOLS.purpose![0], funding: "Ngân sách nhà nước" },
  { seq: 2, leader: "Phạm Văn Dũng", leaderRole: "Giám đốc Sở", unit: "Sở Y tế", members: 3, countries: "Nhật Bản", start: day(5, 10), end: day(5, 15), purpose: POOLS.purpose![0] },
  { seq: 3, leaderRole: "Giám đốc Sở", unit: "Sở Y tế", members: 3, countries: "Hàn Quốc", start: day(6, 2), end: day(6, 9), purpose: POOLS.purpose![1], funding: "Nguồn xã hội hóa" },
  { seq: 4, leader: "Trần Thị Bình", leaderRole: "Phó Giám đốc Sở", unit: "Sở Công Thương", members: "12 người", countries: "Nhật Bản, Hàn Quốc", start: "Tháng 5/2025", purpose: "Tham quan", funding: "Doanh nghiệp đài thọ" },
  { seq: 5, leader: "Lê Thị Cúc", leaderRole: "Phó Giám đốc Sở", unit: "Sở Công Thương", members: 3, composition: "Phó Giám đốc Sở, Trần Thị Bình", countries: "Nhật Bản", start: day(5, 12), end: day(5, 20), purpose: POOLS.purpose![1], funding: "Ngân sách nhà nước" },
  { seq: 6, leader: "Nguyễn Văn An", leaderRole: "Chuyên viên", unit: "Sở Y tế", members: 2, countries: "Xứ Lạ", start: day(12, 30, 2024), end: day(5, 15), purpose: null, funding: "Ngân sách nhà nước" },
];

/** Two outbound sheets: "Đoàn ra" with title, sections, a merged funding cell and a signature; "Bổ sung" bare. */
export function livePlanGrids(): SheetGrid[] {
  const fundingColumn = LIVE_COLUMNS.indexOf("funding") + 1;
  const main: CellValue[][] = [
    ["KẾ HOẠCH ĐOÀN RA NĂM 2025"],
    ["Đơn vị: Sở Ngoại vụ"],
    header(),
    ["I. Đoàn do Lãnh đạo thành phố làm Trưởng đoàn"],
    ...CITY.map(line),
    ["II. Đoàn của các sở, ngành"],
    ...DEPARTMENTS.map(line),
    [],
    [null, "NGƯỜI LẬP BIỂU"],
  ];
  // Row 10 (first department row) has its funding cell merged down over row 11, which leaves it blank.
  main[10][fundingColumn - 1] = null;
  const extra: CellValue[][] = [
    header(),
    line({ seq: 1, leader: "Nguyễn Văn An", leaderRole: "Chủ tịch UBND", members: 5, countries: "Pháp", start: day(9, 1), end: day(9, 6), purpose: POOLS.purpose![3], funding: "Ngân sách nhà nước" }),
    line({ seq: 2, leader: "Lê Thị Cúc", leaderRole: "Phó Giám đốc Sở", unit: "Sở Công Thương", members: 3, countries: "Nhật Bản", start: day(5, 12), end: day(5, 20), purpose: POOLS.purpose![0] }),
    line({ seq: 3, leader: "Phạm Văn Dũng", leaderRole: "Giám đốc Sở", unit: "Sở Y tế", members: 3, countries: "Hàn Quốc", start: day(6, 2), end: day(6, 9), purpose: POOLS.purpose![1] }),
  ];
  return [
    { name: "Đoàn ra", originRow: 1, originCol: 1, values: main, merges: [{ top: 4, left: 1, bottom: 4, right: LIVE_COLUMNS.length }, { top: 10, left: fundingColumn, bottom: 11, right: fundingColumn }] },
    { name: "Bổ sung", originRow: 1, originCol: 1, values: extra, merges: [] },
  ];
}

const INBOUND_HEADER = ["STT", "Tên đoàn khách", "Quốc tịch", "Trưởng đoàn", "Số lượng khách", "Thời gian", "Mục đích", "Đơn vị đón tiếp", "Kinh phí đón tiếp"];

/**
 * One sheet stacking an outbound and an inbound table (a label row between), where a trip spans rows 3–4
 * (STT, name and leader merged down) and another rows 5–6 (a blank-STT row carrying one more country).
 */
export function stackedPlanGrid(): SheetGrid {
  const trip = (row: Row): CellValue[] => line({ name: "Đoàn công tác", unit: "Sở Y tế", funding: "Ngân sách nhà nước", ...row });
  const values: CellValue[][] = [
    ["KẾ HOẠCH ĐOÀN RA NĂM 2025"],
    header(),
    trip({ seq: 1, leader: "Nguyễn Văn An", leaderRole: "Giám đốc Sở", members: 4, countries: "Nhật Bản", start: day(5, 10), end: day(5, 15), purpose: POOLS.purpose![0] }),
    line({ countries: "Hàn Quốc", start: day(5, 16), end: day(5, 20) }),
    trip({ seq: 2, leader: "Trần Thị Bình", leaderRole: "Phó Giám đốc Sở", members: 3, countries: "Lào, Campuchia", start: day(6, 2), end: day(6, 9), purpose: POOLS.purpose![3] }),
    line({ countries: "Thái Lan, Nhật Bản" }),
    trip({ seq: 3, leader: "Nguyễn Văn An", leaderRole: "Giám đốc Sở", members: 4, countries: "Nhật Bản", start: day(5, 12), end: day(5, 20), purpose: POOLS.purpose![1] }),
    [],
    ["Biểu mẫu 05 – Kế hoạch đoàn vào"],
    [...INBOUND_HEADER],
    [1, "Đoàn khách 1", "Lào", "Bounmy", 5, "Quý III", "Trao đổi văn hóa", "Sở Văn hóa", "Ngân sách nhà nước"],
    [2, "Đoàn khách 2", "Thái Lan", "Somchai", 4, "Tháng 5/2025", "Trao đổi văn hóa", "Sở Văn hóa", "Ngân sách nhà nước"],
  ];
  return { name: "Kế hoạch", originRow: 1, originCol: 1, values, merges: [1, 2, 3].map((column) => ({ top: 3, left: column, bottom: 4, right: column })) };
}
