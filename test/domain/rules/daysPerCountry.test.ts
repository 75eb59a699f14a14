/**
 * days-per-country as the letters word it: "1 nước không quá 3 ngày (không tính thời gian quá cảnh và
 * đi, về; trừ trường hợp tham dự các Hội nghị quy mô lớn nhưng cũng không quá 5 ngày)" [S1]; Hà Nội
 * "Mỗi nước thăm không quá 03 ngày" with no exception [S2]; courses ("học tập, đào tạo, bồi dưỡng" [S0])
 * are not visits. Test profile: 3 days/country, conference 5, travel Asia 2 / Europe 3.
 */
import type { Delegation, Severity } from "../../../src/domain/model";
import { readPlan } from "../../../src/domain/templates";
import { getProfile } from "../../../src/domain/profiles";
import { countries, findingsOf, makeDelegation, period, testContext, testProfile } from "./support";

const hanoi = () => testContext({ profile: testProfile({ params: { conferenceDaysPerCountry: null } }) });
const severities = (input: Partial<Delegation>, context = testContext()): Severity[] =>
  findingsOf("days-per-country", [makeDelegation(input)], context).map((finding) => finding.severity);

const JP_KR = countries("Nhật Bản", "Hàn Quốc");
const JP_KR_CN = countries("Nhật Bản", "Hàn Quốc", "Trung Quốc");
const conference = "Tham dự Hội nghị quy mô lớn về thành phố thông minh";

describe("days-per-country: visits, with the travel allowance by region", () => {
  it.each<[string, Partial<Delegation>, Severity[]]>([
    ["Asia, 1 country, 5 days from the dates (3 + 2 travel)", { period: period("2025-05-10", "2025-05-14") }, []],
    ["Asia, 1 country, 6 days: 1 day over the estimate", { period: period("2025-05-10", "2025-05-15") }, ["warning"]],
    ["Asia, 1 country, 7 days: 2 days over", { period: period("2025-05-10", "2025-05-16") }, ["error"]],
    ["Asia, 2 countries, 8 days", { countries: JP_KR, days: 8 }, []],
    ["Asia, 2 countries, 9 days", { countries: JP_KR, days: 9 }, ["warning"]],
    ["Asia, 2 countries, 10 days", { countries: JP_KR, days: 10 }, ["error"]],
    ["Asia, 3 countries, 11 days", { countries: JP_KR_CN, days: 11 }, []],
    ["Asia, 3 countries, 13 days", { countries: JP_KR_CN, days: 13 }, ["error"]],
    ["Europe, 1 country, 6 days (3 + 3 travel)", { countries: countries("Pháp"), days: 6 }, []],
    ["Europe, 1 country, 7 days", { countries: countries("Pháp"), days: 7 }, ["warning"]],
    ["Europe, 1 country, 8 days", { countries: countries("Pháp"), days: 8 }, ["error"]],
    ["the Americas, 1 country, 6 days", { countries: countries("Hoa Kỳ"), days: 6 }, []],
    ["Oceania, 1 country, 6 days", { countries: countries("Úc"), days: 6 }, []],
    ["Asia and Europe: the farthest country's 3 days, 9 days", { countries: countries("Nhật Bản", "Pháp"), days: 9 }, []],
    ["a month, no days", { period: period("2025-05-01", "2025-05-31", "month") }, []],
    ["no countries", { countries: [], days: 30 }, []],
  ])("%s → %p", (_, input, expected) => {
    expect(severities(input)).toEqual(expected);
  });

  it("says the travel days are an estimate and shows the arithmetic, at the end date", () => {
    const delegation = makeDelegation({ period: period("2025-05-10", "2025-05-16") });
    const [finding] = findingsOf("days-per-country", [delegation]);
    expect(finding.cell).toBe(`J${delegation.row}`);
    expect(finding.message).toBe(
      "Đoàn ở nước ngoài 5 ngày (7 ngày − 2 ngày đi, về, quá cảnh — ước tính cho châu Á), vượt quá 3 ngày/nước × 1 nước = 3 ngày",
    );
    expect(finding.messageEn).toBe("5 days abroad (7 days − 2 travel days, an estimate for Asia), more than 3 days/country × 1 = 3 days");
  });

  it("within one day of the estimate it asks to check the itinerary", () => {
    const [finding] = findingsOf("days-per-country", [makeDelegation({ countries: JP_KR, days: 9 })]);
    expect(finding.cell).toMatch(/^K/);
    expect(finding.message).toContain("3 ngày/nước × 2 nước = 6 ngày; chỉ vượt 1 ngày, trong phạm vi sai số của số ngày đi, về ước tính");
  });

  it("uses the profile's allowance, which a department may change", () => {
    const longHaul = testContext({ profile: testProfile({ params: { travelDaysByRegion: { asia: 2, europe: 4, africa: 3, oceania: 3, americas: 3 } } }) });
    expect(severities({ countries: countries("Pháp"), days: 7 }, longHaul)).toEqual([]);
    expect(getProfile("hai-phong").params.travelDaysByRegion).toEqual({ asia: 2, europe: 3, africa: 3, oceania: 3, americas: 3 });
  });
});

describe("days-per-country: the large-conference exception is for the conference's country", () => {
  it.each<[string, Partial<Delegation>, Severity[]]>([
    ["1 country: 5 + 2 travel = 7 days", { purpose: conference, days: 7 }, []],
    ["1 country: 8 days", { purpose: conference, days: 8 }, ["warning"]],
    ["1 country: 9 days", { purpose: conference, days: 9 }, ["error"]],
    ["3 countries: 3 + 3 + 5 = 11, + 2 travel = 13 days", { purpose: conference, countries: JP_KR_CN, days: 13 }, []],
    ["3 countries: 14 days", { purpose: conference, countries: JP_KR_CN, days: 14 }, ["warning"]],
    ["3 countries: 3 × 5 = 15 days abroad is not allowed", { purpose: conference, countries: JP_KR_CN, days: 17 }, ["error"]],
    ["named by the delegation: Diễn đàn", { name: "Đoàn dự Diễn đàn Kinh tế Việt - Nhật", days: 7 }, []],
    ["an international workshop", { purpose: "Dự Hội thảo quốc tế về y tế dự phòng", days: 7 }, []],
    ["a plain workshop is a visit", { purpose: "Hội thảo chuyên đề với Đại học Osaka", days: 7 }, ["error"]],
  ])("%s → %p", (_, input, expected) => {
    expect(severities(input)).toEqual(expected);
  });

  it("quotes “Hội nghị quy mô lớn” and adds 5 days for one country only", () => {
    const [finding] = findingsOf("days-per-country", [makeDelegation({ purpose: conference, countries: JP_KR_CN, days: 17 })]);
    expect(finding.message).toContain("vượt quá 3 ngày/nước × 2 nước + 5 ngày cho nước có Hội nghị quy mô lớn = 11 ngày");
    expect(finding.message).not.toContain("hội thảo");
  });

  it("Hà Nội states no exception [S2]", () => {
    const [finding] = findingsOf("days-per-country", [makeDelegation({ purpose: conference, days: 7 })], hanoi());
    expect(finding.message).toContain("3 ngày/nước × 1 nước = 3 ngày (quy định áp dụng không có ngoại lệ cho hội nghị)");
    expect(getProfile("ha-noi").params.conferenceDaysPerCountry).toBeNull();
    expect(getProfile("default").params.conferenceDaysPerCountry).toBe(5);
    expect(getProfile("lai-chau").params.conferenceDaysPerCountry).toBe(5);
  });
});

describe("days-per-country: courses are not visits", () => {
  const fourMonths = period("2025-03-01", "2025-06-28"); // 120 days
  it.each<[string, string, Severity[]]>([
    ["S0/S3's wording", "Học tập, đào tạo, bồi dưỡng", ["info"]],
    ["a training course", "Tham gia khóa đào tạo quản lý bệnh viện", ["info"]],
    ["a course (khóa học)", "Khóa học tiếng Anh chuyên ngành", ["info"]],
    ["tập huấn", "Tập huấn nghiệp vụ lãnh sự", ["info"]],
    ["du học", "Du học thạc sĩ theo Đề án 89", ["info"]],
    ["thực tập", "Thực tập sinh tại bệnh viện Osaka", ["info"]],
    ["long-term study", "Học tập dài hạn tại Đại học Quốc gia Seoul", ["info"]],
    ["a study tour is a visit", "Học tập kinh nghiệm quản lý đô thị", ["error"]],
    ["a survey is a visit", "Khảo sát mô hình nông nghiệp công nghệ cao", ["error"]],
    ["cooperation on training is a visit", "Làm việc về hợp tác đào tạo nguồn nhân lực", ["error"]],
    ["science (khoa học) is not a course", "Hợp tác nghiên cứu khoa học", ["error"]],
  ])("%s, 120 days → %p", (_, purpose, expected) => {
    expect(severities({ purpose, period: fourMonths })).toEqual(expected);
  });

  it("a course of 120 days gets an info line saying why", () => {
    const [finding] = findingsOf("days-per-country", [makeDelegation({ purpose: "Học tập, đào tạo, bồi dưỡng", period: fourMonths })]);
    expect(finding.message).toBe(
      "Khóa học, đào tạo “Học tập, đào tạo, bồi dưỡng” dài 120 ngày: quy định 3 ngày/nước áp dụng cho đoàn công tác, không áp dụng cho học tập, đào tạo, bồi dưỡng",
    );
  });

  it("a course within the limit says nothing", () => {
    expect(severities({ purpose: "Tập huấn nghiệp vụ", period: period("2025-05-10", "2025-05-12") })).toEqual([]);
  });
});

describe("days-per-country: a “Số ngày/nước” column is per country", () => {
  it.each<[string, Partial<Delegation>, Severity[]]>([
    ["3 countries × 3 days = 9, + 2 travel", { countries: JP_KR_CN, days: 3, daysPerCountry: true }, []],
    ["3 countries × 4 days = 12", { countries: JP_KR_CN, days: 4, daysPerCountry: true }, ["warning"]],
    ["3 countries × 5 days = 15", { countries: JP_KR_CN, days: 5, daysPerCountry: true }, ["error"]],
    ["the same 5 read as the trip's total", { countries: JP_KR_CN, days: 5 }, []],
  ])("%s → %p", (_, input, expected) => {
    expect(severities(input)).toEqual(expected);
  });

  it("shows the multiplication", () => {
    const [finding] = findingsOf("days-per-country", [makeDelegation({ countries: JP_KR_CN, days: 5, daysPerCountry: true })]);
    expect(finding.message).toContain("5 ngày/nước × 3 nước = 15 ngày − 2 ngày đi, về, quá cảnh");
  });

  it.each([
    ["Số ngày/nước", true],
    ["Số ngày mỗi nước", true],
    ["Số ngày", undefined],
  ])("the header %p marks the days as per country: %p", (header, expected) => {
    const grid = {
      name: "Đoàn ra",
      originRow: 1,
      originCol: 1,
      merges: [],
      values: [
        ["STT", "Trưởng đoàn", "Nước đến", "Thời gian", header, "Mục đích", "Nguồn kinh phí", "Số lượng"],
        [1, "Giám đốc Sở Y tế", "Nhật Bản, Hàn Quốc", "Tháng 5/2025", 4, "Làm việc", "Ngân sách thành phố", 5],
      ],
    };
    const [delegation] = readPlan([grid]).delegations;
    expect(delegation.days).toBe(4);
    expect(delegation.daysPerCountry).toBe(expected);
  });
});
