import { findingsOf, funding, makeDelegation, testContext, testProfile, unrecognisedFunding } from "./support";

type Input = Parameters<typeof makeDelegation>[0];

describe("funding-forbidden", () => {
  const failing: [string, Input, string][] = [
    ["funding id: enterprise pays", { funding: funding("doanh-nghiep-dai-tho", "DN đài thọ") }, "N"],
    ["funding id: foreign enterprise invites", { funding: funding("doanh-nghiep-nuoc-ngoai-moi") }, "N"],
    ["funding text names a company", { funding: unrecognisedFunding("Công ty CP Thép Hòa Phát hỗ trợ") }, "N"],
    ["notes: organised and paid by a company", { notes: "Đoàn do Công ty TNHH ABC tổ chức và đài thọ" }, "R"],
    ["purpose: sponsored by an enterprise", { purpose: "Tham dự hội chợ quốc tế, được tài trợ bởi doanh nghiệp đối tác" }, "L"],
    ["inviter: a foreign corporation", { inviter: "Tập đoàn Samsung (Hàn Quốc)" }, "M"],
    ["inviter: a foreign company by its legal form", { inviter: "Toyota Tsusho Co., Ltd" }, "M"],
    ["notes: invited by name by a company", { inviter: undefined, notes: "Công ty Daikin mời đích danh Giám đốc Sở" }, "R"],
  ];
  it.each(failing)("flags %s", (_, input, column) => {
    const delegation = makeDelegation(input);
    const findings = findingsOf("funding-forbidden", [delegation]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", cell: `${column}${delegation.row}` });
    expect(findings[0].source).toContain("Chỉ thị 38-CT/TW");
  });

  const passing: [string, Input][] = [
    ["the city budget", {}],
    ["a foreign university inviting", { inviter: "Đại học Quốc gia Seoul" }],
    ["a Vietnamese company inviting", { inviter: "Công ty CP Cảng Hải Phòng Việt Nam" }],
    ["a business association inviting", { inviter: "Hiệp hội doanh nghiệp Nhật Bản tại Osaka" }],
    ["working with enterprises and international organisations", { purpose: "Làm việc với các doanh nghiệp, tổ chức quốc tế về xúc tiến đầu tư" }],
    ["a state company paying its own staff's trip", { unit: "Công ty TNHH MTV Cấp nước Hải Phòng", funding: unrecognisedFunding("Kinh phí của công ty") }],
    ["foreign loans where the profile allows them", { funding: funding("von-vay-nuoc-ngoai") }],
  ];
  it.each(passing)("accepts %s", (_, input) => {
    expect(findingsOf("funding-forbidden", [makeDelegation(input)])).toEqual([]);
  });

  it("states the funding written and the standard source", () => {
    const delegation = makeDelegation({ funding: funding("doanh-nghiep-dai-tho", "DN đài thọ") });
    expect(findingsOf("funding-forbidden", [delegation])[0].message).toBe(
      "Nguồn kinh phí “DN đài thọ” (Doanh nghiệp tổ chức, đài thọ) không được sử dụng cho đoàn đi nước ngoài",
    );
  });

  it("reports an enterprise-paid row once even when both the id and the text say so", () => {
    const delegation = makeDelegation({ funding: funding("doanh-nghiep-dai-tho", "Doanh nghiệp tài trợ") });
    expect(findingsOf("funding-forbidden", [delegation])).toHaveLength(1);
  });

  it("uses the profile's forbidden set (Hà Nội: foreign loans and other sponsorship)", () => {
    const hanoi = testContext({
      profile: testProfile({ forbiddenFunding: ["doanh-nghiep-dai-tho", "doanh-nghiep-nuoc-ngoai-moi", "von-vay-nuoc-ngoai", "tai-tro-khac"] }),
    });
    expect(findingsOf("funding-forbidden", [makeDelegation({ funding: funding("von-vay-nuoc-ngoai") })], hanoi)).toHaveLength(1);
    expect(findingsOf("funding-forbidden", [makeDelegation({ funding: funding("tai-tro-khac") })], hanoi)).toHaveLength(1);
    const none = testContext({ profile: testProfile({ forbiddenFunding: [] }) });
    expect(findingsOf("funding-forbidden", [makeDelegation({ funding: funding("doanh-nghiep-dai-tho") })], none)).toEqual([]);
  });

  it("does not apply to inbound rows", () => {
    expect(findingsOf("funding-forbidden", [makeDelegation({ kind: "inbound", host: "Sở Ngoại vụ", funding: funding("doanh-nghiep-dai-tho") })])).toEqual([]);
  });
});

describe("funding-unclear", () => {
  it.each(["Khác", "Nguồn khác", "Nguồn hợp pháp khác", "Chưa xác định", "?", "Ngân sách?", "Tự túc", "Kinh phí tự túc", "Xã hội hóa", "Nguồn xã hội hóa", "Đang xin kinh phí"])(
    "flags %p",
    (text) => {
      const delegation = makeDelegation({ funding: unrecognisedFunding(text) });
      const findings = findingsOf("funding-unclear", [delegation]);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ severity: "error", cell: `N${delegation.row}` });
      expect(findings[0].message).toBe(`Nguồn kinh phí “${text}” không rõ ràng: cần ghi cụ thể nguồn (ngân sách, kinh phí của đơn vị, phía mời đài thọ…)`);
    },
  );

  it.each(["Tự túc (kinh phí của đơn vị)", "Cá nhân tự túc", "Xã hội hóa từ Quỹ Hỗ trợ nông dân thành phố", "Kinh phí Hội Nông dân thành phố"])("accepts %p", (text) => {
    expect(findingsOf("funding-unclear", [makeDelegation({ funding: unrecognisedFunding(text) })])).toEqual([]);
  });

  it("accepts a recognised source and leaves empty funding to required-field", () => {
    expect(findingsOf("funding-unclear", [makeDelegation({ funding: funding("chi-thuong-xuyen") })])).toEqual([]);
    expect(findingsOf("funding-unclear", [makeDelegation({ funding: undefined })])).toEqual([]);
  });

  it("checks inbound and people-to-people rows too (S4)", () => {
    const inbound = makeDelegation({ kind: "inbound", host: "Sở Ngoại vụ", funding: unrecognisedFunding("Khác") });
    expect(findingsOf("funding-unclear", [inbound])).toHaveLength(1);
  });
});
