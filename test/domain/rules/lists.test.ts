import { countries, findingsOf, makeDelegation, role, unknownCountry, unknownRole } from "./support";

describe("country-unknown", () => {
  it("warns with the nearest standard name as suggestion", () => {
    const delegation = makeDelegation({ countries: [...countries("Hàn Quốc"), unknownCountry("Nhật Bổn", "Nhật Bản")] });
    const findings = findingsOf("country-unknown", [delegation]);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: "warning",
        cell: `G${delegation.row}`,
        suggestion: "Nhật Bản",
        message: "Nước “Nhật Bổn” không có trong danh mục quốc gia chuẩn; có phải “Nhật Bản”?",
      }),
    ]);
  });

  it("reports each unknown country, with or without a suggestion", () => {
    const delegation = makeDelegation({ countries: [unknownCountry("Xứ Wales"), unknownCountry("Nhựt", "Nhật Bản")] });
    const findings = findingsOf("country-unknown", [delegation]);
    // Same cell: ordered by message.
    expect(findings.map((f) => [f.message, f.suggestion])).toEqual([
      ["Nước “Nhựt” không có trong danh mục quốc gia chuẩn; có phải “Nhật Bản”?", "Nhật Bản"],
      ["Nước “Xứ Wales” không có trong danh mục quốc gia chuẩn", undefined],
    ]);
  });

  it("accepts standard countries", () => {
    expect(findingsOf("country-unknown", [makeDelegation({ countries: countries("Nhật Bản", "Hàn Quốc") })])).toEqual([]);
  });
});

describe("role-unknown", () => {
  it("warns with the nearest standard role as suggestion", () => {
    const delegation = makeDelegation({ leaderRole: unknownRole("Phó GĐ phụ trách", "Phó Giám đốc Sở") });
    const [finding] = findingsOf("role-unknown", [delegation]);
    expect(finding).toMatchObject({
      severity: "warning",
      cell: `D${delegation.row}`,
      suggestion: "Phó Giám đốc Sở",
      message: "Chức vụ “Phó GĐ phụ trách” không có trong danh mục chức vụ chuẩn; có phải “Phó Giám đốc Sở”?",
    });
  });

  it("points at the leader cell when the role is written inside it", () => {
    const delegation = makeDelegation({ leaderRole: unknownRole("Cố vấn"), columns: ["seq", "name", "leader", "members", "countries", "period", "purpose", "funding"] });
    expect(findingsOf("role-unknown", [delegation])[0].cell).toBe(`C${delegation.row}`);
  });

  it("accepts standard roles and ignores inbound heads (foreign titles)", () => {
    expect(findingsOf("role-unknown", [makeDelegation()])).toEqual([]);
    expect(findingsOf("role-unknown", [makeDelegation({ kind: "inbound", host: "Sở Ngoại vụ", leaderRole: unknownRole("Thống đốc") })])).toEqual([]);
  });
});

describe("tier-mismatch", () => {
  const sectionI = { label: "I", title: "Đoàn do Lãnh đạo thành phố làm Trưởng đoàn" };
  const sectionII = { label: "II", title: "Đoàn cấp sở, ngành, địa phương" };
  it.each([
    ["section I, department director", sectionI, "giam-doc-so", 1],
    ["section I, city vice-chair", sectionI, "pho-chu-tich-ubnd", 0],
    ["section II, city vice-chair", sectionII, "pho-chu-tich-ubnd", 1],
    ["section II, department director", sectionII, "giam-doc-so", 0],
    ["section A (first), department director", { label: "A", title: "" }, "giam-doc-so", 1],
    ["section B (second), city party secretary", { label: "B", title: "" }, "bi-thu-tinh-uy", 1],
    ["title decides over label", { label: "1", title: "Đoàn do lãnh đạo tỉnh làm trưởng đoàn" }, "pho-chu-tich-hdnd", 0],
    ["section III says nothing", { label: "III", title: "Đoàn học tập" }, "giam-doc-so", 0],
  ])("%s → %i", (_, section, roleId, count) => {
    const findings = findingsOf("tier-mismatch", [makeDelegation({ section, leaderRole: role(roleId) })]);
    expect(findings).toHaveLength(count);
    if (count) expect(findings[0].severity).toBe("warning");
  });

  it("explains the mismatch", () => {
    const delegation = makeDelegation({ section: sectionI });
    expect(findingsOf("tier-mismatch", [delegation])[0].message).toBe(
      "Đoàn thuộc mục “I. Đoàn do Lãnh đạo thành phố làm Trưởng đoàn” (Lãnh đạo thành phố/tỉnh làm Trưởng đoàn) nhưng trưởng đoàn là Giám đốc Sở",
    );
  });

  it("leaves rows without a section or with an unknown role alone", () => {
    expect(findingsOf("tier-mismatch", [makeDelegation({ section: undefined })])).toEqual([]);
    expect(findingsOf("tier-mismatch", [makeDelegation({ section: sectionI, leaderRole: unknownRole("Cố vấn") })])).toEqual([]);
  });
});

describe("unplanned", () => {
  it("notes an out-of-plan delegation at the plan status cell", () => {
    const delegation = makeDelegation({ planStatus: "out" });
    const [finding] = findingsOf("unplanned", [delegation]);
    expect(finding).toMatchObject({ severity: "info", cell: `Q${delegation.row}` });
    expect(finding.message).toContain("cần làm hồ sơ riêng");
  });

  it.each([["in" as const], [undefined]])("is silent for plan status %p", (planStatus) => {
    expect(findingsOf("unplanned", [makeDelegation({ planStatus })])).toEqual([]);
  });
});
