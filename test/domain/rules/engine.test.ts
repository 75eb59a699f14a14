import fc from "fast-check";
import { FUNDING } from "../../../src/domain/lists/funding";
import { ROLES } from "../../../src/domain/lists/roles";
import { FIELD_IDS, FindingSchema, RULE_IDS, type Delegation, type Finding } from "../../../src/domain/model";
import { checkPlan, compareFindings } from "../../../src/domain/rules/engine";
import { RULES } from "../../../src/domain/rules/registry";
import { isRowRule } from "../../../src/domain/rules/types";
import { COLUMN, OUTBOUND_COLUMNS, countries, funding, makeDelegation, period, role, testContext, testProfile, unknownCountry, unknownRole, unrecognisedFunding } from "./support";

describe("registry", () => {
  it("holds exactly the 18 rules of DOMAIN.md, once each", () => {
    expect(RULES.map((rule) => rule.id).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))("%s declares what it reads and where it comes from", (_, rule) => {
    expect(rule.kinds.length).toBeGreaterThan(0);
    expect(rule.fields.length).toBeGreaterThan(0);
    for (const field of rule.fields) expect(FIELD_IDS).toContain(field);
    expect(rule.source.length).toBeGreaterThan(5);
    expect(isRowRule(rule) ? typeof rule.checkRow : typeof rule.checkAll).toBe("function");
  });

  it("lets the letters' approval exception lower exactly the rules they allow it for", () => {
    expect(RULES.filter((rule) => rule.approvalException).map((rule) => rule.id).sort()).toEqual(["key-leaders-together", "leadership-half", "members-max"]);
  });

  it("runs the cross-row rules on the whole plan", () => {
    expect(RULES.filter((rule) => !isRowRule(rule)).map((rule) => rule.id).sort()).toEqual([
      "duplicate-delegation",
      "key-leader-trips",
      "leaders-same-destination",
      "merge-candidate",
    ]);
  });
});

describe("checkPlan", () => {
  const fourCountries = () => makeDelegation({ countries: countries("Nhật Bản", "Hàn Quốc", "Trung Quốc", "Lào"), days: 14 });

  it("applies the profile's severity overrides and turns rules off", () => {
    const asWarning = testContext({ profile: testProfile({ severities: { "countries-max": "warning" } }) });
    expect(checkPlan([fourCountries()], asWarning).map((f) => [f.rule, f.severity])).toEqual([["countries-max", "warning"]]);
    const off = testContext({ profile: testProfile({ severities: { "countries-max": "off" } }) });
    expect(checkPlan([fourCountries()], off)).toEqual([]);
  });

  it("lowers an overridden severity one step under the approval exception", () => {
    const context = testContext({ profile: testProfile({ params: { membersMax: 7 }, severities: { "members-max": "warning" } }) });
    const [finding] = checkPlan([makeDelegation({ members: 9, notes: "Đã xin ý kiến cấp có thẩm quyền" })], context);
    expect(finding.severity).toBe("info");
    expect(finding.source).toContain("4060-CV/BTCTU");
  });

  it("addresses the offending cell in A1 form, beyond column Z too", () => {
    const base = makeDelegation({ countries: countries("Nhật Bản", "Hàn Quốc", "Trung Quốc", "Lào"), days: 14 });
    const delegation: Delegation = { ...base, row: 12, cells: { ...base.cells, countries: { row: 12, column: 27 } } };
    expect(checkPlan([delegation], testContext())).toEqual([expect.objectContaining({ row: 12, column: 27, cell: "AA12" })]);
  });

  it("puts the file, the source and the delegation id on findings", () => {
    const delegation = makeDelegation({ file: "so-y-te.xlsx", countries: countries("Nhật Bản", "Hàn Quốc", "Trung Quốc", "Lào"), days: 14 });
    const [finding] = checkPlan([delegation], testContext());
    expect(finding).toMatchObject({ file: "so-y-te.xlsx", sheet: "Đoàn ra", delegationId: delegation.id });
    expect(finding.source).toContain("Chỉ thị 38-CT/TW");
    expect(FindingSchema.safeParse(finding).success).toBe(true);
  });

  it("orders findings by file, sheet, row, column, rule, message", () => {
    const rows = [
      makeDelegation({ file: "b.xlsx", row: 3, leaderName: "A", purpose: "Công tác", countries: [unknownCountry("Nhựt")] }),
      makeDelegation({ file: "a.xlsx", sheet: "Z", row: 9, leaderName: "B", period: period("2025-09-01", "2025-09-03"), funding: unrecognisedFunding("Khác") }),
      makeDelegation({ file: "a.xlsx", sheet: "A", row: 20, leaderName: "C", planStatus: "out" }),
      makeDelegation({ file: "a.xlsx", sheet: "A", row: 7, leaderName: "D", leaderRole: unknownRole("Cố vấn"), purpose: "Học tập" }),
    ];
    const findings = checkPlan(rows, testContext());
    expect(findings.map((f) => `${f.file}|${f.sheet}|${f.cell}|${f.rule}`)).toEqual([
      "a.xlsx|A|D7|role-unknown",
      "a.xlsx|A|L7|purpose-unclear",
      "a.xlsx|A|Q20|unplanned",
      "a.xlsx|Z|N9|funding-unclear",
      "b.xlsx|Đoàn ra|G3|country-unknown",
      "b.xlsx|Đoàn ra|L3|purpose-unclear",
    ]);
  });

  it("gives every row the rules of its kind only", () => {
    const inbound = makeDelegation({ kind: "inbound", host: "Sở Ngoại vụ", countries: countries("Nhật Bản", "Hàn Quốc", "Trung Quốc", "Lào"), days: 30, members: 40 });
    expect(checkPlan([inbound], testContext({ profile: testProfile({ params: { membersMax: 7 } }) }))).toEqual([]);
  });
});

/** Random but plausible delegations: the kind of mess units really write, plus arbitrary text. */
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("Tham quan", "Hội nghị quốc tế về y tế", "Khác", "?", "Công ty ABC đài thọ", "Đã xin ý kiến cấp có thẩm quyền", ""));
const isoDate = fc.record({ y: fc.integer({ min: 2024, max: 2026 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) }).map(
  ({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
);
const delegationArb = fc
  .record({
    kind: fc.constantFrom("outbound", "outbound", "inbound", "people"),
    file: fc.constantFrom(undefined, "a.xlsx", "b.xlsx"),
    sheet: fc.constantFrom("Đoàn ra", "Đoàn vào"),
    columns: fc.subarray(OUTBOUND_COLUMNS, { minLength: 1 }),
    leaderName: fc.constantFrom(undefined, "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"),
    leaderRole: fc.oneof(fc.constantFrom(...ROLES.map((r) => r.id)).map((id) => role(id)), fc.constant(undefined), fc.constant(unknownRole("Cố vấn", "Chuyên viên"))),
    members: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    membersLeaders: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    composition: fc.oneof(text, fc.constantFrom("Giám đốc Sở, Bí thư Đảng ủy Sở, 02 chuyên viên", "Nguyễn Văn An, Phó Chủ tịch UBND thành phố")),
    countries: fc.subarray([...countries("Nhật Bản", "Hàn Quốc", "Trung Quốc", "Lào", "Pháp"), unknownCountry("Nhựt", "Nhật Bản")]),
    start: isoDate,
    length: fc.integer({ min: -3, max: 40 }),
    precision: fc.constantFrom("day", "month", "quarter", "year"),
    hasPeriod: fc.boolean(),
    periodError: fc.option(fc.constant("không hiểu"), { nil: undefined }),
    days: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    purpose: fc.oneof(text, fc.constantFrom("Hợp tác đào tạo nhân lực y tế với Đại học Osaka", "Hợp tác đào tạo nhân lực y tế tại Osaka")),
    funding: fc.oneof(fc.constantFrom(...FUNDING.map((f) => f.id)).map((id) => funding(id)), text.map(unrecognisedFunding), fc.constant(undefined)),
    unit: fc.constantFrom(undefined, "Sở Y tế", "Sở Tài chính", "Công ty TNHH ABC"),
    inviter: fc.option(text, { nil: undefined }),
    notes: fc.option(text, { nil: undefined }),
    planStatus: fc.constantFrom(undefined, "in", "out"),
    section: fc.constantFrom(undefined, { label: "I", title: "Đoàn do Lãnh đạo thành phố làm Trưởng đoàn" }, { label: "B", title: "" }),
  })
  .map(({ start, length, precision, hasPeriod, ...rest }) => {
    const end = new Date(Date.parse(`${start}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10);
    return { ...rest, period: hasPeriod ? period(start, end, precision) : undefined } as Parameters<typeof makeDelegation>[0];
  });

/** Unique rows, as a parser produces them. */
const planArb = fc.array(delegationArb, { maxLength: 40 }).map((inputs) => inputs.map((input, index) => makeDelegation({ ...input, row: index + 2 })));

function shuffled<T>(items: T[], keys: number[]): T[] {
  return items.map((item, index) => ({ item, key: keys[index % keys.length] ?? 0, index })).sort((a, b) => a.key - b.key || a.index - b.index).map((x) => x.item);
}

describe("checkPlan properties", () => {
  const context = testContext({ leadershipSize: 4, keyLeaderNames: ["Trần Thị Bình"], profile: testProfile({ params: { membersMax: 7 } }) });

  it("never throws, returns valid findings that point into their own row, in sorted order", () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const findings = checkPlan(plan, context);
        const byId = new Map(plan.map((d) => [d.id, d]));
        const places = new Set(plan.map((d) => `${d.file}|${d.sheet}|${d.row}`));
        for (const finding of findings) {
          expect(FindingSchema.safeParse(finding).success).toBe(true);
          const own = byId.get(finding.delegationId)!;
          const cells = [...Object.values(own.cells), { row: own.row, column: own.firstColumn }];
          expect(cells).toContainEqual({ row: finding.row, column: finding.column });
          expect(finding.sheet).toBe(own.sheet);
          for (const other of finding.related ?? []) expect(places.has(`${other.file}|${other.sheet}|${other.row}`)).toBe(true);
        }
        expect([...findings].sort(compareFindings)).toEqual(findings);
      }),
      { numRuns: 150 },
    );
  });

  it("is idempotent and independent of the rows' order", () => {
    fc.assert(
      fc.property(planArb, fc.array(fc.integer(), { minLength: 1, maxLength: 40 }), (plan, keys) => {
        const first: Finding[] = checkPlan(plan, context);
        expect(checkPlan(plan, context)).toEqual(first);
        expect(checkPlan(shuffled(plan, keys), context)).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });

  it("gives the same findings for a shuffled plan with every rule firing", () => {
    const trip = (month: number, extra: Parameters<typeof makeDelegation>[0] = {}) =>
      makeDelegation({ period: period(`2025-${String(month).padStart(2, "0")}-10`, `2025-${String(month).padStart(2, "0")}-20`), ...extra });
    const plan = [
      trip(3),
      trip(3, { leaderName: "Trần Thị Bình", leaderRole: role("pho-giam-doc-so"), composition: "Phó Giám đốc Sở", unit: "Sở Tài chính" }),
      trip(6, { countries: countries("Nhật Bản", "Hàn Quốc", "Trung Quốc", "Lào"), purpose: "Tham quan" }),
      trip(9, { composition: "Giám đốc Sở, Bí thư Đảng ủy Sở", notes: "Đã xin ý kiến cấp có thẩm quyền" }),
      trip(9, { composition: "Giám đốc Sở, Bí thư Đảng ủy Sở", notes: "Đã xin ý kiến cấp có thẩm quyền" }),
      makeDelegation({ planStatus: "out", funding: unrecognisedFunding("Khác"), period: period("2026-01-01") }),
    ];
    const expected = checkPlan(plan, testContext());
    expect(new Set(expected.map((f) => f.rule)).size).toBeGreaterThanOrEqual(8);
    expect(checkPlan([...plan].reverse(), testContext())).toEqual(expected);
    expect(checkPlan([plan[3], plan[0], plan[5], plan[1], plan[4], plan[2]], testContext())).toEqual(expected);
  });
});

it("COLUMN lays fields out in canonical order", () => {
  expect(COLUMN.seq).toBe(1);
  expect(COLUMN.countries).toBe(7);
});
