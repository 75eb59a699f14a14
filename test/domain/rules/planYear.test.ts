/**
 * A title naming another year than the plan year set: one finding at the title cell says so and what was
 * counted; the trips are still checked, and per-year limits count each trip in its own year.
 */
import { getProfile } from "../../../src/domain/profiles";
import { checkPlan } from "../../../src/domain/rules/engine";
import { planYearFindings } from "../../../src/domain/rules/planYear";
import { readPlan } from "../../../src/domain/templates";
import { day, type SpecValue } from "../../fixtures/generate";
import { gridOf } from "../templates/helpers";
import { testProfile } from "./support";

const HEADER = ["STT", "Tên đoàn", "Trưởng đoàn", "Chức vụ", "Số lượng", "Nước đến", "Từ ngày", "Đến ngày", "Mục đích", "Nguồn kinh phí"];
const trip = (seq: number, leader: string, role: string, country: string, year: number, month: number): SpecValue[] => [
  seq,
  `Đoàn ${seq}`,
  leader,
  role,
  4,
  country,
  day(year, month, 4),
  day(year, month, 8),
  "Làm việc về hợp tác phát triển đô thị",
  "Ngân sách thành phố",
];
const DIRECTOR_2027 = [trip(1, "Phạm Văn Minh", "Giám đốc Sở", "Lào", 2027, 3), trip(2, "Phạm Văn Minh", "Giám đốc Sở", "Nhật Bản", 2027, 6), trip(3, "Phạm Văn Minh", "Giám đốc Sở", "Úc", 2027, 9)];

function plan(titleText: string | null, rows: SpecValue[][], tail: SpecValue[][] = []) {
  const top: SpecValue[][] = titleText === null ? [] : [[titleText], []];
  return readPlan([gridOf([...top, HEADER, ...rows, ...tail], { name: "Đoàn ra" })], { year: 2026 });
}

describe("the title's year against the plan year", () => {
  it.each<[string, string | null, number, string[]]>([
    ["titled 2027, checked for 2026: one finding at the title", "KẾ HOẠCH ĐOÀN RA NĂM 2027", 2026, ["A1 error"]],
    ["titled 2026, checked for 2026: nothing", "KẾ HOẠCH ĐOÀN RA NĂM 2026", 2026, []],
    ["titled 2027, checked for 2027: nothing", "KẾ HOẠCH ĐOÀN RA NĂM 2027", 2027, []],
    ["no year in the title: nothing", "KẾ HOẠCH ĐOÀN RA", 2026, []],
    ["no title: nothing", null, 2026, []],
  ])("%s", (_label, titleText, year, expected) => {
    const findings = planYearFindings(plan(titleText, DIRECTOR_2027), { profile: getProfile("hai-phong"), year });
    expect(findings.map((finding) => `${finding.cell} ${finding.severity}`)).toEqual(expected);
    expect(findings.every((finding) => finding.rule === "period-invalid")).toBe(true);
  });

  it("says which years differ, where the year is set, and what was counted (vi and en)", () => {
    const [finding] = planYearFindings(plan("KẾ HOẠCH ĐOÀN RA NĂM 2027", [...DIRECTOR_2027, trip(4, "Lê Văn B", "Trưởng phòng", "Lào", 2026, 5)]), { profile: getProfile("hai-phong"), year: 2026 });
    expect(finding.message).toMatch(/^Tiêu đề ghi năm 2027, khác năm kế hoạch 2026 trong Cài đặt\. /);
    expect(finding.message).toContain("(3 đoàn có thời gian ngoài năm 2026 bị báo lỗi thời gian)");
    expect(finding.message).toContain("số chuyến của lãnh đạo chủ chốt vẫn được đếm theo năm của từng chuyến");
    expect(finding.messageEn).toMatch(/^The title names 2027, not the plan year 2026 set in Settings/);
    const cli = planYearFindings(plan("KẾ HOẠCH ĐOÀN RA NĂM 2027", DIRECTOR_2027), { profile: getProfile("hai-phong"), year: 2026 }, { file: "a.xlsx", yearSetIn: "cli" });
    expect([cli[0].file, cli[0].message]).toEqual(["a.xlsx", expect.stringContaining("khác năm kế hoạch 2026 (tham số --year)")]);
  });

  it("two plans stacked under one title: one finding counting both", () => {
    const inbound = ["STT", "Tên đoàn khách", "Quốc tịch", "Trưởng đoàn", "Số lượng khách", "Thời gian", "Mục đích", "Đơn vị đón tiếp", "Kinh phí đón tiếp"];
    const read = plan("KẾ HOẠCH ĐOÀN RA, ĐOÀN VÀO NĂM 2027", DIRECTOR_2027, [[], inbound, [1, "Đoàn khách", "Lào", "Bounmy", 5, "Tháng 4/2027", "Trao đổi", "Sở Ngoại vụ", "Ngân sách thành phố"]]);
    expect(read.sheets.filter((sheet) => sheet.template)).toHaveLength(2);
    const findings = planYearFindings(read, { profile: getProfile("hai-phong"), year: 2026 });
    expect(findings.map((finding) => finding.cell)).toEqual(["A1"]);
    expect(findings[0].message).toContain("(4 đoàn");
  });

  it("follows period-invalid's severity in the profile: off silences it", () => {
    const profile = testProfile({ severities: { "period-invalid": "off" } });
    expect(planYearFindings(plan("KẾ HOẠCH ĐOÀN RA NĂM 2027", DIRECTOR_2027), { profile, year: 2026 })).toEqual([]);
  });
});

describe("per-year limits count each trip in its own year", () => {
  it.each<[string, SpecValue[][], string[]]>([
    ["three 2027 trips checked for 2026: over 2 in 2027", DIRECTOR_2027, ["C4", "C5", "C6"]],
    ["two in 2027 and one in 2026: within the limit each year", [DIRECTOR_2027[0], DIRECTOR_2027[1], trip(3, "Phạm Văn Minh", "Giám đốc Sở", "Úc", 2026, 9)], []],
    ["three in 2026", [trip(1, "Phạm Văn Minh", "Giám đốc Sở", "Lào", 2026, 3), trip(2, "Phạm Văn Minh", "Giám đốc Sở", "Nhật Bản", 2026, 6), trip(3, "Phạm Văn Minh", "Giám đốc Sở", "Úc", 2026, 9)], ["C4", "C5", "C6"]],
  ])("%s", (_label, rows, cells) => {
    const findings = checkPlan(plan("KẾ HOẠCH ĐOÀN RA", rows).delegations, { profile: getProfile("hai-phong"), year: 2026 }).filter((finding) => finding.rule === "key-leader-trips");
    expect(findings.map((finding) => finding.cell)).toEqual(cells);
    if (cells.length > 0) expect(findings[0].message).toContain(`3 lần trong năm ${rows[0][6] instanceof Date ? rows[0][6].getUTCFullYear() : ""}`);
  });
});
