import type { Delegation } from "../../../src/domain/model";
import { getProfile } from "../../../src/domain/profiles";
import { findingsOf, makeDelegation, role, testContext, testProfile, type COLUMN } from "./support";

type Input = Parameters<typeof makeDelegation>[0];

describe("required-field", () => {
  const failing: [string, Input, string, string][] = [
    ["no head at all", { leaderName: undefined, leaderRole: undefined }, "C", "Trưởng đoàn hoặc Chức vụ trưởng đoàn"],
    ["no countries", { countries: [] }, "G", "Nước đến"],
    ["no time", { period: undefined }, "H", "Thời gian"],
    ["no purpose", { purpose: undefined }, "L", "Mục đích, nội dung"],
    ["purpose is a dash", { purpose: undefined, raw: { purpose: " - " } }, "L", "Mục đích, nội dung"],
    ["no funding", { funding: undefined }, "N", "Nguồn kinh phí"],
    ["no members", { members: undefined }, "E", "Số lượng"],
  ];
  it.each(failing)("flags %s", (_, input, column, label) => {
    const delegation = makeDelegation(input);
    const findings = findingsOf("required-field", [delegation]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", cell: `${column}${delegation.row}`, delegationId: delegation.id });
    expect(findings[0].message).toBe(`Thiếu thông tin bắt buộc “${label}”`);
    expect(findings[0].messageEn).toMatch(/^Required information ".+" is missing/);
  });

  it.each([
    ["hai-phong", "Thiếu thông tin bắt buộc “Nguồn kinh phí”; đoàn thiếu thông tin theo quy định sẽ không được tổng hợp"],
    ["ha-noi", "Thiếu thông tin bắt buộc “Nguồn kinh phí”"],
    ["lai-chau", "Thiếu thông tin bắt buộc “Nguồn kinh phí”"],
    ["default", "Thiếu thông tin bắt buộc “Nguồn kinh phí”"],
  ])("under %s says “sẽ không được tổng hợp” only where the letter does (S0)", (id, message) => {
    const [finding] = findingsOf("required-field", [makeDelegation({ funding: undefined })], testContext({ profile: getProfile(id) }));
    expect(finding.message).toBe(message);
  });

  const passing: [string, Input][] = [
    ["a complete row", {}],
    ["name without role", { leaderRole: undefined }],
    ["role without name", { leaderName: undefined }],
    ["only a start date", { period: undefined, raw: { start: "15/05/2025" } }],
    ["time written but not understood (period-invalid's job)", { period: undefined, periodError: "Không đọc được “Quý V”" }],
    ["no composition (not required)", { composition: undefined }],
  ];
  it.each(passing)("accepts %s", (_, input) => {
    const delegation = makeDelegation(input);
    expect(findingsOf("required-field", [delegation])).toEqual([]);
  });

  it("says when members are written but are not a number", () => {
    const delegation = makeDelegation({ members: undefined, raw: { members: "vài người" } });
    const [finding] = findingsOf("required-field", [delegation]);
    expect(finding.cell).toBe(`E${delegation.row}`);
    expect(finding.message).toBe("Số lượng “vài người” không đọc được thành số người: cần ghi số người của đoàn");
  });

  it.each<["countries" | "funding", Input, string]>([
    ["countries", { countries: [], raw: { countries: "#REF!" } }, "#REF!"],
    ["funding", { funding: undefined, raw: { funding: "#N/A" } }, "#N/A"],
  ])("a formula error in the %s cell is reported there as unreadable", (field, input, error) => {
    const delegation = makeDelegation(input);
    const [finding] = findingsOf("required-field", [delegation]);
    expect(finding).toMatchObject({ row: delegation.cells[field]!.row, column: delegation.cells[field]!.column });
    expect(finding.message).toContain(`ô chứa lỗi công thức ${error}`);
  });

  it("points at the row's first column when the sheet has no such column", () => {
    const columns: (keyof typeof COLUMN)[] = ["seq", "name", "leader", "members", "countries", "period", "purpose"];
    const delegation = makeDelegation({ columns, funding: undefined });
    const [finding] = findingsOf("required-field", [delegation]);
    expect(finding.cell).toBe(`A${delegation.row}`);
    expect(finding.message).toContain("Nguồn kinh phí");
    expect(finding.message).toContain("(bảng không có cột này)");
  });

  it("reports each missing field once, the head group once", () => {
    const delegation = makeDelegation({ leaderName: undefined, leaderRole: undefined, countries: [], funding: undefined });
    const findings = findingsOf("required-field", [delegation]);
    expect(findings.map((f) => f.cell)).toEqual([`C${delegation.row}`, `G${delegation.row}`, `N${delegation.row}`]);
  });

  it("follows the profile's required fields per kind", () => {
    const context = testContext({ profile: testProfile({ requiredFields: { outbound: ["countries"], inbound: [], people: [] } }) });
    expect(findingsOf("required-field", [makeDelegation({ purpose: undefined, funding: undefined })], context)).toEqual([]);
    expect(findingsOf("required-field", [makeDelegation({ countries: [] })], context)).toHaveLength(1);
  });

  it("checks inbound rows against the inbound list: host, not head", () => {
    const inbound: Partial<Delegation> = { kind: "inbound", leaderName: undefined, leaderRole: undefined, host: "Sở Ngoại vụ" };
    expect(findingsOf("required-field", [makeDelegation({ ...inbound, columns: ["seq", "name", "countries", "period", "purpose", "host", "funding"] })])).toEqual([]);
    const noHost = makeDelegation({ ...inbound, host: undefined, columns: ["seq", "name", "countries", "period", "purpose", "host", "funding"] });
    const findings = findingsOf("required-field", [noHost]);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain("Đơn vị mời, đón tiếp");
  });

  it("names only the head field the profile requires", () => {
    const context = testContext({ profile: testProfile({ requiredFields: { outbound: ["leader"], inbound: [], people: [] } }) });
    const [finding] = findingsOf("required-field", [makeDelegation({ leaderName: undefined, leaderRole: undefined })], context);
    expect(finding.message).toContain("“Trưởng đoàn”");
    expect(findingsOf("required-field", [makeDelegation({ leaderName: undefined, leaderRole: role("giam-doc-so") })], context)).toEqual([]);
  });
});
