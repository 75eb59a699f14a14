/**
 * days-per-country stop by stop: a trip whose rows (or whose countries cell) give each country its own
 * days or dates is checked per country, on that country's cell, and countries-max still sees the whole
 * trip. Read from sheets as units write them, then checked by the engine (profile hai-phong: 3 days per
 * country, 5 for a large conference's country, travel Europe 3 / Asia 2).
 */
import { DelegationSchema } from "../../../src/domain/model";
import { getProfile } from "../../../src/domain/profiles";
import { checkPlan } from "../../../src/domain/rules/engine";
import { readPlan } from "../../../src/domain/templates";
import { parseCountryStops } from "../../../src/domain/values";
import { day, type SpecValue } from "../../fixtures/generate";
import { gridOf } from "../templates/helpers";

// A STT, B Tên đoàn, C Trưởng đoàn, D Chức vụ, E Số lượng, F Nước đến, G Từ ngày, H Đến ngày, I Số ngày, J Mục đích, K Nguồn kinh phí.
const HEADER = ["STT", "Tên đoàn", "Trưởng đoàn", "Chức vụ", "Số lượng", "Nước đến", "Từ ngày", "Đến ngày", "Số ngày", "Mục đích", "Nguồn kinh phí"];
const CONFERENCE = "Tham dự Hội nghị thượng đỉnh thành phố thông minh tại Pháp, làm việc với các đối tác tại Đức và Bỉ";
const VISIT = "Làm việc với các đối tác về hợp tác phát triển đô thị";

function first(country: SpecValue, start: SpecValue, end: SpecValue, days: SpecValue, purpose = CONFERENCE): SpecValue[] {
  return [1, "Đoàn công tác châu Âu", "Nguyễn Văn An", "Phó Giám đốc Sở", 4, country, start, end, days, purpose, "Ngân sách thành phố"];
}
function next(country: SpecValue, start: SpecValue, end: SpecValue, days: SpecValue): SpecValue[] {
  return [null, null, null, null, null, country, start, end, days, null, null];
}
const MERGED = (rows: number) => ["A", "B", "C", "D", "E", "J", "K"].map((column) => `${column}2:${column}${rows + 1}`);

/** "rule cell" of every days-per-country and countries-max finding. */
function check(rows: SpecValue[][], merges: string[] = []): string[] {
  const plan = readPlan([gridOf([HEADER, ...rows], { merges, name: "Đoàn ra" })], { year: 2026 });
  return checkPlan(plan.delegations, { profile: getProfile("hai-phong"), year: 2026 })
    .filter((finding) => finding.rule === "days-per-country" || finding.rule === "countries-max")
    .map((finding) => `${finding.rule} ${finding.cell} ${finding.severity}`);
}

describe("a trip over several rows, each country with its own days", () => {
  it.each<[string, SpecValue[][], string[], string[]]>([
    [
      "conference in Pháp (3), Đức 8 days: Đức over 3, on Đức's days cell",
      [first("Pháp", null, null, 3), next("Đức", null, null, 8), next("Bỉ", null, null, 3)],
      MERGED(3),
      ["days-per-country I3 error"],
    ],
    [
      "the same without merges (blank STT rows)",
      [first("Pháp", null, null, 3), next("Đức", null, null, 8), next("Bỉ", null, null, 3)],
      [],
      ["days-per-country I3 error"],
    ],
    ["conference in Pháp, 3 + 3 + 3 days: clean", [first("Pháp", null, null, 3), next("Đức", null, null, 3), next("Bỉ", null, null, 3)], MERGED(3), []],
    [
      "conference named nowhere: the longest stay (Đức) gets 5 days; 6 days there is 1 over, a warning",
      [first("Pháp", null, null, 2, "Tham dự Hội nghị quốc tế về đô thị thông minh"), next("Đức", null, null, 6), next("Bỉ", null, null, 3)],
      MERGED(3),
      ["days-per-country I3 warning"],
    ],
    [
      "a visit: the first stop carries the outbound travel (2 of Europe's 3 days), 6 days in Pháp is 4 abroad: a warning",
      [first("Pháp", null, null, 6, VISIT), next("Đức", null, null, 3)],
      MERGED(2),
      ["days-per-country I2 warning"],
    ],
    [
      "dates per row: Đức 7–14/5 is 8 days in the middle of the trip",
      [first("Pháp", day(2026, 5, 4), day(2026, 5, 6), null), next("Đức", day(2026, 5, 7), day(2026, 5, 14), null), next("Bỉ", day(2026, 5, 15), day(2026, 5, 17), null)],
      MERGED(3),
      ["days-per-country H3 error"],
    ],
    [
      "four countries, each within its days: countries-max on the first row only",
      [first("Pháp", null, null, 3, VISIT), next("Đức", null, null, 2), next("Hà Lan", null, null, 2), next("Bỉ", null, null, 3)],
      MERGED(4),
      ["countries-max F2 error"],
    ],
    [
      "a row without its own days: the whole trip is checked as one (15 days − 3 travel > 3 × 3), on the first row",
      [first("Pháp", null, null, 3, VISIT), next("Đức", null, null, 12), next("Bỉ", null, null, null)],
      MERGED(3),
      ["days-per-country I2 error"],
    ],
  ])("%s", (_label, rows, merges, expected) => {
    expect(check(rows, merges)).toEqual(expected);
  });

  it("keeps each stop's countries, days and cells on the joined delegation", () => {
    const plan = readPlan([gridOf([HEADER, first("Pháp", null, null, 3), next("Đức", null, null, 8), next("Bỉ", null, null, 3)], { merges: MERGED(3) })], { year: 2026 });
    const [trip] = plan.delegations;
    expect(trip.countries.map((country) => country.name)).toEqual(["Pháp", "Đức", "Bỉ"]);
    expect(trip.days).toBe(14);
    expect(trip.stops?.map((stop) => [stop.countries.map((country) => country.name).join(), stop.days, stop.cells.days?.row])).toEqual([
      ["Pháp", 3, 2],
      ["Đức", 8, 3],
      ["Bỉ", 3, 4],
    ]);
  });

  it("a single-row trip has no stops; a 'Số ngày/nước' column joined over rows adds each row's days × its countries", () => {
    const single = readPlan([gridOf([HEADER, first("Pháp, Đức", null, null, 6, VISIT)])], { year: 2026 }).delegations[0];
    expect(single.stops).toBeUndefined();
    const perCountry = [...HEADER.slice(0, 8), "Số ngày/nước", ...HEADER.slice(9)];
    const joined = readPlan([gridOf([perCountry, first("Pháp, Đức", null, null, 2, VISIT), next("Bỉ", null, null, 3)], { merges: MERGED(2) })], { year: 2026 }).delegations[0];
    expect([joined.days, joined.daysPerCountry, joined.stops?.map((stop) => stop.days)]).toEqual([7, undefined, [4, 3]]);
  });
});

describe("one countries cell giving each country its days", () => {
  it.each<[string, [string[], number][] | undefined]>([
    ["Pháp (3 ngày), Đức (8 ngày)", [[["Pháp"], 3], [["Đức"], 8]]],
    ["Pháp: 3 ngày; Đức: 8 ngày", [[["Pháp"], 3], [["Đức"], 8]]],
    ["Pháp 3 ngày\nĐức 8 ngày\nBỉ 3 ngày", [[["Pháp"], 3], [["Đức"], 8], [["Bỉ"], 3]]],
    ["Hàn Quốc (5 ngày)", [[["Hàn Quốc"], 5]]],
    ["Pháp, Đức (8 ngày)", undefined],
    ["Nhật Bản (Tokyo, Osaka)", undefined],
    ["Pháp (3 ngày), (5 ngày)", undefined],
  ])("%j", (cell, stops) => {
    expect(parseCountryStops(cell)?.map((stop) => [stop.countries.map((country) => country.name), stop.days])).toEqual(stops);
  });

  it.each<[string, string, string[]]>([
    ["Đức 8 days after a conference in Pháp", "Pháp (3 ngày), Đức (8 ngày), Bỉ (3 ngày)", ["days-per-country F2 error"]],
    ["every country within its days", "Pháp (3 ngày), Đức (3 ngày), Bỉ (3 ngày)", []],
    ["four countries", "Pháp (2 ngày), Đức (2 ngày), Hà Lan (2 ngày), Bỉ (2 ngày)", ["countries-max F2 error"]],
  ])("%s: %j", (_label, cell, expected) => {
    expect(check([first(cell, null, null, null)])).toEqual(expected);
  });

  it("reads the countries without the days (no unknown country «Pháp: 3 ngày»)", () => {
    const [trip] = readPlan([gridOf([HEADER, first("Pháp: 3 ngày; Đức: 8 ngày", null, null, null)])], { year: 2026 }).delegations;
    expect(trip.countries.map((country) => [country.name, country.known])).toEqual([
      ["Pháp", true],
      ["Đức", true],
    ]);
  });
});

describe("a stop whose own dates run backwards", () => {
  it("gives that stop no days (period-invalid reports the dates), and the delegation stays valid", () => {
    // Found by the recogniser's property test: "07/08/2026 → 05/08/2026" on a continuation row made a stop of −1 days.
    const rows = [first("Pháp", day(2026, 8, 1), day(2026, 8, 3), null, VISIT), next("Đức", day(2026, 8, 7), day(2026, 8, 5), null)];
    const plan = readPlan([gridOf([HEADER, ...rows], { merges: MERGED(2), name: "Đoàn ra" })], { year: 2026 });
    for (const delegation of plan.delegations) {
      expect(DelegationSchema.safeParse(delegation).success).toBe(true);
      for (const stop of delegation.stops ?? []) expect(stop.days ?? 0).toBeGreaterThanOrEqual(0);
    }
    expect(check(rows, MERGED(2)).filter((finding) => finding.startsWith("days-per-country"))).toEqual([]);
  });
});
