/**
 * The two checks only one letter asks for: Hà Nội's "bố trí các nước đi thăm gần nhau, thuận tiện, trong
 * cùng một khu vực" [S2] and Lai Châu's partners, "các địa phương của tỉnh Vân Nam - Trung Quốc, các địa
 * phương của các tỉnh phía Bắc nước CHDCND Lào" [S4].
 */
import type { Delegation } from "../../../src/domain/model";
import { getProfile } from "../../../src/domain/profiles";
import { SUB_REGIONS, subRegionOf } from "../../../src/domain/rules/data/regions";
import { countries, findingsOf, makeDelegation, testContext, testProfile, unknownCountry } from "./support";

describe("trip-one-region (Hà Nội)", () => {
  const hanoi = testContext({ profile: getProfile("ha-noi") });
  it.each<[string, Partial<Delegation>, number]>([
    ["one country", { countries: countries("Nhật Bản") }, 0],
    ["Japan and Korea: Eastern Asia", { countries: countries("Nhật Bản", "Hàn Quốc", "Trung Quốc") }, 0],
    ["Thailand, Laos, Cambodia: South-eastern Asia", { countries: countries("Thái Lan", "Lào", "Campuchia"), days: 11 }, 0],
    ["France and Germany: Western Europe", { countries: countries("Pháp", "Đức"), days: 8 }, 0],
    ["Japan and Singapore: Eastern and South-eastern Asia", { countries: countries("Nhật Bản", "Singapore") }, 1],
    ["Korea and France", { countries: countries("Hàn Quốc", "Pháp") }, 1],
    ["Germany and Russia: Western and Eastern Europe", { countries: countries("Đức", "Nga") }, 1],
    ["an unknown country is left out", { countries: [...countries("Nhật Bản"), unknownCountry("Xứ Wakanda")] }, 0],
  ])("%s → %i", (_, input, count) => {
    const findings = findingsOf("trip-one-region", [makeDelegation(input)], hanoi);
    expect(findings).toHaveLength(count);
    for (const finding of findings) expect(finding.severity).toBe("warning");
  });

  it("names each country's region and quotes the letter", () => {
    const delegation = makeDelegation({ countries: countries("Nhật Bản", "Hàn Quốc", "Pháp") });
    const [finding] = findingsOf("trip-one-region", [delegation], hanoi);
    expect(finding.cell).toBe(`G${delegation.row}`);
    expect(finding.message).toBe(
      "Các nước của chuyến đi thuộc 2 khu vực (Nhật Bản, Hàn Quốc: Đông Á; Pháp: Tây Âu): cần bố trí các nước đi thăm gần nhau, thuận tiện, trong cùng một khu vực",
    );
    expect(finding.source).toContain("4060-CV/BTCTU");
  });

  it.each(["default", "hai-phong", "lai-chau"])("is silent under %s, whose letters ask nothing of the kind", (id) => {
    expect(findingsOf("trip-one-region", [makeDelegation({ countries: countries("Hàn Quốc", "Pháp") })], testContext({ profile: getProfile(id) }))).toEqual([]);
  });

  it("the M49 data places every country once, in a continent", () => {
    expect(subRegionOf("VN")?.vi).toBe("Đông Nam Á");
    expect(subRegionOf("TW")?.m49).toBe("030");
    expect(subRegionOf("AQ")).toBeUndefined();
    const all = SUB_REGIONS.flatMap((region) => region.countries.split(" "));
    expect(new Set(all).size).toBe(all.length);
  });
});

describe("partner-outside-area (Lai Châu)", () => {
  const laiChau = testContext({ profile: getProfile("lai-chau") });
  const people = (partner: string | undefined) =>
    makeDelegation({
      kind: "people",
      sheet: "Đối ngoại nhân dân",
      locality: "Xã Ma Ly Pho",
      activity: "Giao lưu văn hóa – thể thao dịp Tết Nguyên đán",
      partner,
      funding: undefined,
      columns: ["seq", "locality", "activity", "partner", "form", "period", "venue", "members", "notes"],
    });

  it.each<[string, number]>([
    ["Thôn Bản Sen, huyện Kim Bình, tỉnh Vân Nam", 0],
    ["Trấn Mãn Mỗ, huyện Kim Bình, châu Hồng Hà (Trung Quốc)", 0],
    ["Yunnan province, China", 0],
    ["Bản Pa Nậm, huyện Mường Khoa, tỉnh Phông Sa Lỳ (Lào)", 0],
    ["Huyện Nậm Bạc, tỉnh Luông Pha Băng", 0],
    ["Bản Huổi Hốc, tỉnh Luang Namtha, CHDCND Lào", 0],
    ["Oudomxay", 0],
    ["Tỉnh Hủa Phăn, Lào", 0],
    ["Bò Kẹo", 0],
    ["Xay-nha-bu-ly", 0],
    ["Tỉnh Quảng Tây, Trung Quốc", 1],
    ["Thủ đô Viêng Chăn, Lào", 1],
    ["Tỉnh Chăm-pa-xắc (Nam Lào)", 1],
    ["Bản Nà Hừa", 1],
  ])("%p → %i", (partner, count) => {
    const findings = findingsOf("partner-outside-area", [people(partner)], laiChau);
    expect(findings.map((f) => f.severity)).toEqual(count === 0 ? [] : ["warning"]);
  });

  it("says where partners should be, at the partner cell", () => {
    const delegation = people("Tỉnh Quảng Tây, Trung Quốc");
    const [finding] = findingsOf("partner-outside-area", [delegation], laiChau);
    expect(finding.cell).toBe(`X${delegation.row}`);
    expect(finding.message).toContain("Đối tác “Tỉnh Quảng Tây, Trung Quốc” không nêu địa phương thuộc Vân Nam (Trung Quốc) hay các tỉnh phía Bắc Lào (Phông Sa Lỳ");
  });

  it("leaves an empty partner to required-field and is silent where the profile names no provinces", () => {
    expect(findingsOf("partner-outside-area", [people(undefined)], laiChau)).toEqual([]);
    expect(findingsOf("partner-outside-area", [people("Tỉnh Quảng Tây")], testContext({ profile: testProfile() }))).toEqual([]);
  });
});
