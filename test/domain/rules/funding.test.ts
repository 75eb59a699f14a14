import { findingsOf, funding, makeDelegation, testContext, testProfile, unrecognisedFunding } from "./support";

type Input = Parameters<typeof makeDelegation>[0];

describe("funding-forbidden", () => {
  // "không tham gia các đoàn đi nước ngoài do các doanh nghiệp tổ chức và đài thọ hoặc do các doanh nghiệp
  // nước ngoài mời đích danh" [S1]: paying and named invitations are errors; what may be neither is a warning.
  const rows: [string, Input, "error" | "warning", string][] = [
    ["funding id: enterprise pays", { funding: funding("doanh-nghiep-dai-tho", "DN đài thọ") }, "error", "N"],
    ["funding id: foreign enterprise invites", { funding: funding("doanh-nghiep-nuoc-ngoai-moi") }, "error", "N"],
    ["funding text names a company", { funding: unrecognisedFunding("Công ty CP Thép Hòa Phát hỗ trợ") }, "error", "N"],
    ["notes: organised and paid by a company", { notes: "Đoàn do Công ty TNHH ABC tổ chức và đài thọ" }, "error", "R"],
    ["notes: a company sponsors (tài trợ)", { notes: "Tập đoàn Vingroup tài trợ toàn bộ chi phí" }, "error", "R"],
    ["purpose: sponsored by an enterprise", { purpose: "Tham dự hội chợ quốc tế, được tài trợ bởi doanh nghiệp đối tác" }, "error", "L"],
    ["notes: organised by a company, nothing about paying", { notes: "Chương trình do Công ty Du lịch Saigontourist tổ chức" }, "warning", "R"],
    ["inviter: a foreign corporation, nothing about naming or paying", { inviter: "Tập đoàn Samsung (Hàn Quốc)" }, "warning", "M"],
    ["inviter: a foreign company by its legal form", { inviter: "Toyota Tsusho Co., Ltd" }, "warning", "M"],
    ["inviter: a company of unknown origin", { inviter: "Công ty TNHH Sơn Hà" }, "warning", "M"],
    ["inviter: a foreign company that pays", { inviter: "Tập đoàn Samsung (Hàn Quốc)", funding: funding("nuoc-ngoai-dai-tho-toan-bo", "Phía mời đài thọ") }, "error", "M"],
    ["notes: invited by name by a company", { inviter: undefined, notes: "Công ty Daikin mời đích danh Giám đốc Sở" }, "error", "R"],
    ["notes: a foreign inviter names the officials", { inviter: "Tập đoàn Lotte (Hàn Quốc)", notes: "Phía bạn mời đích danh Giám đốc Sở" }, "error", "R"],
    ["notes: a Vietnamese company names the officials", { inviter: undefined, notes: "Công ty CP Cảng Hải Phòng Việt Nam mời đích danh" }, "warning", "R"],
  ];
  it.each(rows)("%s → %s", (_, input, severity, column) => {
    const delegation = makeDelegation(input);
    const findings = findingsOf("funding-forbidden", [delegation]);
    expect(findings.map((f) => [f.severity, f.cell])).toEqual([[severity, `${column}${delegation.row}`]]);
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

  it.each<[string, Input]>([
    ["a company of unknown origin inviting", { inviter: "Công ty TNHH Sơn Hà" }],
    ["a domestic company naming the officials", { inviter: undefined, notes: "Công ty CP Cảng Hải Phòng Việt Nam mời đích danh" }],
    ["a domestic company organising", { notes: "Chương trình do Công ty Du lịch Saigontourist tổ chức" }],
    ["a domestic company paying", { notes: "Đoàn do Công ty TNHH ABC tổ chức và đài thọ" }],
  ])("never calls a company not shown to be foreign “nước ngoài” in what it found: %s", (_, input) => {
    const [finding] = findingsOf("funding-forbidden", [makeDelegation(input)]);
    const found = finding.message.split(";")[0].split(" — ")[0];
    expect(found).not.toContain("nước ngoài");
  });

  it.each<[string, Input, string[]]>([
    ["a company of unknown origin invites, the funding says an enterprise pays: one finding, on the funding", { inviter: "Công ty Lữ hành Hoa Nam", funding: funding("doanh-nghiep-dai-tho", "Doanh nghiệp tổ chức và đài thọ") }, ["error@N"]],
    ["a foreign company invites and an enterprise pays: both cells", { inviter: "Công ty Lữ hành Hoa Nam (Trung Quốc)", funding: funding("doanh-nghiep-dai-tho", "Doanh nghiệp tổ chức và đài thọ") }, ["error@M", "error@N"]],
  ])("%s", (_, input, expected) => {
    const delegation = makeDelegation(input);
    expect(findingsOf("funding-forbidden", [delegation]).map((f) => `${f.severity}@${f.cell.replace(/\d+$/, "")}`)).toEqual(expected);
  });

  it("calls a company foreign when the row shows it, and asks to confirm", () => {
    const [finding] = findingsOf("funding-forbidden", [makeDelegation({ inviter: "Tập đoàn Samsung (Hàn Quốc)" })]);
    expect(finding.message).toBe(
      "Cơ quan mời “Tập đoàn Samsung (Hàn Quốc)”: doanh nghiệp nước ngoài mời — đề nghị xác nhận doanh nghiệp không mời đích danh và không đài thọ; không tham gia các đoàn do doanh nghiệp nước ngoài mời đích danh",
    );
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
  // "nguồn kinh phí cụ thể, rõ ràng" [S1]; "Xác định rõ nguồn kinh phí" [S4].
  it.each(["Khác", "Nguồn khác", "Nguồn hợp pháp khác", "Chưa xác định", "?", "Ngân sách?", "Đang xin kinh phí", "Tự túc, huy động khác"])(
    "flags %p as an error",
    (text) => {
      const delegation = makeDelegation({ funding: unrecognisedFunding(text) });
      const findings = findingsOf("funding-unclear", [delegation]);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ severity: "error", cell: `N${delegation.row}` });
      expect(findings[0].message).toBe(`Nguồn kinh phí “${text}” không rõ ràng: cần ghi cụ thể nguồn (ngân sách, kinh phí của đơn vị, phía mời đài thọ…)`);
    },
  );

  it.each(["Tự túc", "tự túc", "TỰ TÚC", "Tu tuc", "Kinh phí tự túc", "Nguồn tự túc", "Xã hội hóa", "Nguồn xã hội hóa", "Tự túc, xã hội hóa"])(
    "%p alone is a warning asking whose funds",
    (text) => {
      const findings = findingsOf("funding-unclear", [makeDelegation({ funding: unrecognisedFunding(text) })]);
      expect(findings.map((f) => f.severity)).toEqual(["warning"]);
      expect(findings[0].message).toContain("kinh phí của ai?");
    },
  );

  it.each(["Đơn vị tự túc", "Cá nhân tự túc", "Tự túc (kinh phí của đơn vị)", "Xã hội hóa từ Quỹ Hỗ trợ nông dân thành phố", "Kinh phí Hội Nông dân thành phố"])(
    "accepts %p",
    (text) => {
      expect(findingsOf("funding-unclear", [makeDelegation({ funding: unrecognisedFunding(text) })])).toEqual([]);
    },
  );

  it("accepts a recognised source and leaves empty funding to required-field", () => {
    expect(findingsOf("funding-unclear", [makeDelegation({ funding: funding("chi-thuong-xuyen") })])).toEqual([]);
    expect(findingsOf("funding-unclear", [makeDelegation({ funding: undefined })])).toEqual([]);
  });

  it("checks inbound and people-to-people rows too (S4)", () => {
    const inbound = makeDelegation({ kind: "inbound", host: "Sở Ngoại vụ", funding: unrecognisedFunding("Khác") });
    expect(findingsOf("funding-unclear", [inbound])).toHaveLength(1);
  });
});
