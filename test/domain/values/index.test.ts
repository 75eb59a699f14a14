import { matchCountry, matchFunding, matchRole, parseCountries, parseDateCell, parseMembers, parsePeriod, splitLeader, standardCountryNames } from "../../../src/domain/values";

describe("values: every parser answers on a typical cell", () => {
  it("reads one value of each family", () => {
    expect(matchCountry("Mỹ")).toMatchObject({ name: "Hoa Kỳ", code: "US", known: true });
    expect(parseCountries("Hoa Kỳ - Canada").map((c) => c.code)).toEqual(["US", "CA"]);
    expect(standardCountryNames()).toContain("Hàn Quốc");
    expect(matchRole("PCT UBND TP")).toMatchObject({ id: "pho-chu-tich-ubnd", cityLeader: true });
    expect(splitLeader("Nguyễn Văn A - PCT UBND TP")).toEqual({ name: "Nguyễn Văn A", role: "PCT UBND TP" });
    expect(matchFunding("Ngân sách nhà nước cấp")).toMatchObject({ id: "ngan-sach" });
    expect(parseMembers("6 (gồm 2 lãnh đạo)")).toEqual({ members: 6, leaders: 2 });
    expect(parsePeriod("15-20/5/2025")).toEqual({ period: { start: "2025-05-15", end: "2025-05-20", precision: "day" } });
    expect(parseDateCell(new Date(Date.UTC(2025, 4, 15)))).toBe("2025-05-15");
  });
});
