/** A finding is reported once per cell and rule (issue 13, item 8): the reasons are joined, not repeated. */
import { getProfile } from "../../../src/domain/profiles";
import { checkPlan } from "../../../src/domain/rules";
import { readPlan } from "../../../src/domain/templates";
import { gridOf } from "../templates/helpers";

const HEADER = ["STT", "Tên đoàn", "Trưởng đoàn", "Chức vụ", "Số lượng", "Nước đến", "Thời gian", "Mục đích", "Nguồn kinh phí"];

function findingsFor(period: string, countriesCell = "Nhật Bản") {
  const grid = gridOf([HEADER, [1, "Đoàn A", "Nguyễn Văn An", "Trưởng phòng", 4, countriesCell, period, "Làm việc với Đại học Osaka về hợp tác đào tạo", "Ngân sách thành phố"]]);
  return checkPlan(readPlan([grid], { year: 2026 }).delegations, { profile: getProfile("hai-phong"), year: 2026 });
}

test.each([
  // End before start: the reading and the rule's own check both say so, at the same cell.
  ["20/11/2026 - 15/11/2026", /trước ngày bắt đầu.*; .*trước ngày đi|trước ngày đi.*; .*trước ngày bắt đầu/],
  // End before start and outside the plan year.
  ["20/11/2025 - 15/11/2025", /không thuộc năm kế hoạch 2026/],
])("%s: one period-invalid on G2 with every reason", (period, message) => {
  const found = findingsFor(period).filter((f) => f.rule === "period-invalid");
  expect(found.map((f) => f.cell)).toEqual(["G2"]);
  expect(found[0].message).toMatch(message);
});

test("two unknown countries in one cell stay two findings, each with its own suggestion", () => {
  const found = findingsFor("Tháng 5/2026", "Nhựt, Xứ Wales").filter((f) => f.rule === "country-unknown");
  expect(found).toHaveLength(2);
  expect(found.map((f) => f.suggestion).sort()).toEqual(["Nhật Bản", undefined].sort());
});
