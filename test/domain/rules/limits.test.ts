import { countries, findingsOf, makeDelegation, testContext, testProfile } from "./support";

const hanoi = () => testContext({ profile: testProfile({ params: { membersMax: 7, conferenceDaysPerCountry: null } }) });

describe("members-max", () => {
  it.each([
    [7, 0],
    [8, 1],
  ])("with a limit of 7, %i members gives %i finding", (members, count) => {
    expect(findingsOf("members-max", [makeDelegation({ members })], hanoi())).toHaveLength(count);
  });

  it("states the value and the limit at the members cell", () => {
    const delegation = makeDelegation({ members: 8 });
    const [finding] = findingsOf("members-max", [delegation], hanoi());
    expect(finding).toMatchObject({ severity: "error", cell: `E${delegation.row}`, message: "Đoàn có 8 người, vượt quá 7 người/đoàn" });
    expect(finding.source).toContain("4060-CV/BTCTU");
  });

  it("is off when the profile has no limit", () => {
    expect(findingsOf("members-max", [makeDelegation({ members: 40 })])).toEqual([]);
  });

  it.each([
    ["Đã xin ý kiến cấp có thẩm quyền", "warning"],
    ["Đã được Thường trực Thành ủy đồng ý", "warning"],
    ["Trình cấp có thẩm quyền xem xét, quyết định", "warning"],
    ["Chưa xin ý kiến cấp có thẩm quyền", "error"],
    ["Đoàn quan trọng", "error"],
  ])("notes %p give %s", (notes, severity) => {
    const [finding] = findingsOf("members-max", [makeDelegation({ members: 9, notes })], hanoi());
    expect(finding.severity).toBe(severity);
    if (severity === "warning") expect(finding.message).toContain("hạ từ lỗi xuống cảnh báo");
    else expect(finding.message).not.toContain("hạ từ");
  });
});

describe("countries-max", () => {
  it("accepts 3 countries", () => {
    expect(findingsOf("countries-max", [makeDelegation({ countries: countries("Nhật Bản", "Hàn Quốc", "Trung Quốc"), days: 11 })])).toEqual([]);
  });

  it("flags 4 countries naming them and the limit", () => {
    const delegation = makeDelegation({ countries: countries("Nhật Bản", "Hàn Quốc", "Trung Quốc", "Lào") });
    const [finding] = findingsOf("countries-max", [delegation]);
    expect(finding).toMatchObject({
      severity: "error",
      cell: `G${delegation.row}`,
      message: "Đoàn đi 4 nước (Nhật Bản, Hàn Quốc, Trung Quốc, Lào), vượt quá 3 nước/chuyến",
      messageEn: "The trip covers 4 countries (Nhật Bản, Hàn Quốc, Trung Quốc and Lào), more than 3 per trip",
    });
  });

  it("counts a country written twice once", () => {
    const twice = [...countries("Nhật Bản", "Hàn Quốc", "Trung Quốc"), { raw: "Nhật", name: "Nhật Bản", code: "JP", known: true }];
    expect(findingsOf("countries-max", [makeDelegation({ countries: twice })])).toEqual([]);
  });

  it("follows the profile's limit", () => {
    const context = testContext({ profile: testProfile({ params: { countriesMax: 1 } }) });
    expect(findingsOf("countries-max", [makeDelegation({ countries: countries("Nhật Bản", "Hàn Quốc") })], context)).toHaveLength(1);
  });
});
