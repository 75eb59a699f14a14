import { countries, findingsOf, makeDelegation, period, testContext, testProfile } from "./support";

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

describe("days-per-country", () => {
  // 3 days per country plus 2 travel days.
  it.each([
    ["1 country, 5 days from the dates", 0, { period: period("2025-05-10", "2025-05-14") }],
    ["1 country, 6 days from the dates", 1, { period: period("2025-05-10", "2025-05-15") }],
    ["2 countries, 8 days written", 0, { countries: countries("Nhật Bản", "Hàn Quốc"), days: 8 }],
    ["2 countries, 9 days written", 1, { countries: countries("Nhật Bản", "Hàn Quốc"), days: 9 }],
    ["3 countries, 11 days written", 0, { countries: countries("Nhật Bản", "Hàn Quốc", "Trung Quốc"), days: 11 }],
    ["3 countries, 12 days written", 1, { countries: countries("Nhật Bản", "Hàn Quốc", "Trung Quốc"), days: 12 }],
    ["a month, no days", 0, { period: period("2025-05-01", "2025-05-31", "month") }],
    ["no countries", 0, { countries: [], days: 30 }],
  ])("%s → %i findings", (_, count, input) => {
    expect(findingsOf("days-per-country", [makeDelegation(input)])).toHaveLength(count);
  });

  it("shows the arithmetic, at the end date when days come from the dates", () => {
    const delegation = makeDelegation({ period: period("2025-05-10", "2025-05-15") });
    const [finding] = findingsOf("days-per-country", [delegation]);
    expect(finding.cell).toBe(`J${delegation.row}`);
    expect(finding.message).toBe("Đoàn ở nước ngoài 4 ngày (6 ngày − 2 ngày đi, về, quá cảnh), vượt quá 3 ngày/nước × 1 nước = 3 ngày");
    expect(finding.messageEn).toBe("4 days (6 days − 2 travel days) abroad, more than 3 days/country × 1 = 3 days");
  });

  it("points at the days column when days are written", () => {
    const delegation = makeDelegation({ countries: countries("Nhật Bản", "Hàn Quốc"), days: 9 });
    const [finding] = findingsOf("days-per-country", [delegation]);
    expect(finding.cell).toBe(`K${delegation.row}`);
    expect(finding.message).toContain("3 ngày/nước × 2 nước = 6 ngày");
  });

  describe("conferences", () => {
    const conference = { purpose: "Tham dự Hội nghị thượng đỉnh các thành phố thông minh ASEAN" };
    it.each([
      [7, 0],
      [8, 1],
    ])("allow 5 days per country: %i days → %i", (days, count) => {
      expect(findingsOf("days-per-country", [makeDelegation({ ...conference, days })])).toHaveLength(count);
    });

    it("are recognised by the delegation's name too", () => {
      expect(findingsOf("days-per-country", [makeDelegation({ name: "Đoàn dự Diễn đàn Kinh tế Việt - Nhật", days: 7 })])).toEqual([]);
    });

    it("says it uses the conference limit", () => {
      const [finding] = findingsOf("days-per-country", [makeDelegation({ ...conference, days: 8 })]);
      expect(finding.message).toContain("vượt quá 5 ngày/nước × 1 nước = 5 ngày (mức cho hội nghị, hội thảo)");
    });

    it("have no exception where the profile has none (Hà Nội)", () => {
      const [finding] = findingsOf("days-per-country", [makeDelegation({ ...conference, days: 7 })], hanoi());
      expect(finding.message).toContain("3 ngày/nước × 1 nước = 3 ngày (quy định áp dụng không có ngoại lệ cho hội nghị)");
    });
  });
});
