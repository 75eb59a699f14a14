/** The rules under each shipped profile: where jurisdictions disagree, the profile decides. */
import type { Delegation } from "../../../src/domain/model";
import { PROFILES, getProfile } from "../../../src/domain/profiles";
import { checkPlan } from "../../../src/domain/rules/engine";
import type { CheckContext } from "../../../src/domain/rules/types";
import { countries, findingsOf, funding, makeDelegation, period, unrecognisedFunding } from "./support";

const contextFor = (id: string): CheckContext => ({ profile: getProfile(id), year: 2025 });
const conference = (days: number) => makeDelegation({ purpose: "Tham dự Hội nghị quốc tế về thành phố thông minh", days });
const trip = (month: number) => makeDelegation({ period: period(`2025-${String(month).padStart(2, "0")}-10`, `2025-${String(month).padStart(2, "0")}-14`) });

describe.each(PROFILES.map((profile) => profile.id))("profile %s", (id) => {
  const context = contextFor(id);

  it("passes a complete, compliant row", () => {
    expect(checkPlan([makeDelegation()], context)).toEqual([]);
  });

  it("allows 3 countries, not 4", () => {
    expect(findingsOf("countries-max", [makeDelegation({ countries: countries("Nhật Bản", "Hàn Quốc", "Trung Quốc"), days: 11 })], context)).toEqual([]);
    expect(findingsOf("countries-max", [makeDelegation({ countries: countries("Nhật Bản", "Hàn Quốc", "Trung Quốc", "Lào"), days: 11 })], context)).toHaveLength(1);
  });

  it("allows 3 days per country plus travel, not one more", () => {
    expect(findingsOf("days-per-country", [makeDelegation({ days: 5 })], context)).toEqual([]);
    expect(findingsOf("days-per-country", [makeDelegation({ days: 6 })], context)).toHaveLength(1);
  });

  it("allows a key leader 2 trips a year, not 3", () => {
    expect(findingsOf("key-leader-trips", [trip(3), trip(6)], context)).toEqual([]);
    expect(findingsOf("key-leader-trips", [trip(3), trip(6), trip(9)], context)).toHaveLength(3);
  });

  it("forbids enterprise-paid trips", () => {
    expect(findingsOf("funding-forbidden", [makeDelegation({ funding: funding("doanh-nghiep-dai-tho") })], context)).toHaveLength(1);
  });

  it("flags two key leaders of one department in one delegation", () => {
    expect(findingsOf("key-leaders-together", [makeDelegation({ composition: "Giám đốc Sở, Bí thư Đảng ủy Sở" })], context)).toHaveLength(1);
  });
});

describe("Hà Nội (S2)", () => {
  const context = contextFor("ha-noi");
  it.each([
    [7, 0],
    [8, 1],
  ])("%i members → %i finding", (members, count) => {
    expect(findingsOf("members-max", [makeDelegation({ members })], context)).toHaveLength(count);
  });

  it("has no conference exception", () => {
    expect(findingsOf("days-per-country", [conference(6)], context)).toHaveLength(1);
  });

  it.each(["von-vay-nuoc-ngoai", "tai-tro-khac"])("forbids %s", (id) => {
    expect(findingsOf("funding-forbidden", [makeDelegation({ funding: funding(id) })], context)).toHaveLength(1);
  });
});

describe("Hải Phòng (S1)", () => {
  const context = contextFor("hai-phong");
  it("has no member limit", () => {
    expect(findingsOf("members-max", [makeDelegation({ members: 15 })], context)).toEqual([]);
  });

  it.each([
    [7, 0],
    [8, 1],
  ])("gives conferences 5 days a country: %i days → %i", (days, count) => {
    expect(findingsOf("days-per-country", [conference(days)], context)).toHaveLength(count);
  });

  it("allows foreign loans (only Hà Nội forbids them)", () => {
    expect(findingsOf("funding-forbidden", [makeDelegation({ funding: funding("von-vay-nuoc-ngoai") })], context)).toEqual([]);
  });
});

describe("Lai Châu (S4)", () => {
  const context = contextFor("lai-chau");
  const people = (extra: Partial<Delegation>) =>
    makeDelegation({
      kind: "people",
      sheet: "Đối ngoại nhân dân",
      locality: "Xã Ma Ly Pho",
      activity: "Giao lưu văn hóa – thể thao dịp Tết Nguyên đán",
      partner: "Thôn Bản Sen, huyện Kim Bình, tỉnh Vân Nam",
      columns: ["seq", "locality", "activity", "partner", "form", "period", "venue", "members", "funding", "notes"],
      ...extra,
    });

  it("requires the funding of people-to-people activities", () => {
    expect(findingsOf("required-field", [people({})], context)).toEqual([]);
    const [finding] = findingsOf("required-field", [people({ funding: undefined })], context);
    expect(finding.message).toContain("Nguồn kinh phí");
  });

  it("wants the funding source named", () => {
    expect(findingsOf("funding-unclear", [people({ funding: unrecognisedFunding("Tự túc") })], context)).toHaveLength(1);
  });
});

describe("default profile", () => {
  it("has the central conference exception (5 days) and no member limit", () => {
    const context = contextFor("default");
    expect(findingsOf("days-per-country", [conference(7)], context)).toEqual([]);
    expect(findingsOf("days-per-country", [conference(9)], context)).toHaveLength(1);
    expect(findingsOf("members-max", [makeDelegation({ members: 30 })], context)).toEqual([]);
  });
});
