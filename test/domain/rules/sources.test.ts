import { RULES } from "../../../src/domain/rules/registry";
import { ruleCitation } from "../../../src/domain/rules/sources";
import { PROFILES, getProfile, parseProfileJson, profileSummary } from "../../../src/domain/profiles";
import type { Profile } from "../../../src/domain/profiles";
import { checkPlan } from "../../../src/domain/rules/engine";
import { reportTable } from "../../../src/app/report";
import { countries, makeDelegation, testContext } from "./support";

/** DOMAIN.md's tags for the five letters: ours, never the officer's. */
const S_CODE = /\bS[0-4]\b/;
const LETTERS = /Hải Phòng|Hà Nội|Lai Châu/;
const CENTRAL_RULES = ["countries-max", "days-per-country", "key-leader-trips", "key-leaders-together", "funding-forbidden"];

function department(json: object): Profile {
  const parsed = parseProfileJson(JSON.stringify(json));
  if (!parsed.profile) throw new Error(parsed.errors?.join("\n"));
  return parsed.profile;
}
const ownProfile = department({ extends: "default", id: "so-ngoai-vu-x", name: "Sở Ngoại vụ X", params: { countriesMax: 2, membersMax: 9 } });
const everyProfile = [...PROFILES, ownProfile];

describe("what a finding cites", () => {
  it.each(everyProfile.flatMap((profile) => RULES.map((rule) => [profile.id, rule.id, profile, rule] as const)))(
    "%s × %s: plain Vietnamese, no S-code",
    (_, __, profile, rule) => {
      const citation = ruleCitation(rule, profile);
      expect(citation).not.toMatch(S_CODE);
      expect(citation.length).toBeGreaterThan(10);
    },
  );

  it.each(CENTRAL_RULES)("%s under the default rule set cites the central document, no local letter", (id) => {
    const citation = ruleCitation(RULES.find((rule) => rule.id === id)!, getProfile("default"));
    expect(citation).toContain("Chỉ thị 38-CT/TW");
    expect(citation).not.toMatch(LETTERS);
  });

  it("a shipped profile cites its own letter only for the rules it adds or changes", () => {
    const cites = (profileId: string, ruleId: string) => ruleCitation(RULES.find((rule) => rule.id === ruleId)!, getProfile(profileId));
    // Hà Nội: its limit of 7 people, no conference exception, loans forbidden.
    expect(cites("ha-noi", "members-max")).toContain("4060-CV/BTCTU");
    expect(cites("ha-noi", "days-per-country")).toContain("4060-CV/BTCTU");
    expect(cites("ha-noi", "funding-forbidden")).toContain("4060-CV/BTCTU");
    // Unchanged central rules: the central document alone.
    for (const profileId of ["ha-noi", "hai-phong", "lai-chau"]) expect(cites(profileId, "key-leader-trips")).not.toMatch(LETTERS);
    expect(cites("ha-noi", "countries-max")).not.toMatch(LETTERS);
    // Hải Phòng: incomplete delegations are not consolidated; Lai Châu: its people-to-people partners.
    expect(cites("hai-phong", "required-field")).toContain("Sở Ngoại vụ Hải Phòng (tháng 9/2023)");
    expect(cites("lai-chau", "partner-outside-area")).toContain("Sở Ngoại vụ Lai Châu");
    expect(cites("lai-chau", "funding-unclear")).not.toContain("Hải Phòng");
  });

  it("a department's own profile is named on the rules whose settings it changes", () => {
    const cites = (ruleId: string) => ruleCitation(RULES.find((rule) => rule.id === ruleId)!, ownProfile);
    expect(cites("countries-max")).toContain("Chỉ thị 38-CT/TW");
    expect(cites("countries-max")).toContain("«Sở Ngoại vụ X»");
    expect(cites("members-max")).toContain("«Sở Ngoại vụ X»");
    expect(cites("key-leader-trips")).not.toContain("Sở Ngoại vụ X");
  });

  it.each(everyProfile.map((profile) => [profile.id, profile] as const))("%s: findings and the report sheet carry the citation", (_, profile) => {
    const rows = [
      makeDelegation({ countries: countries("Nhật Bản", "Hàn Quốc", "Trung Quốc", "Lào"), days: 30, members: 12 }),
      makeDelegation({ row: 8, purpose: "Tham quan", planStatus: "out" }),
    ];
    const findings = checkPlan(rows, testContext({ profile }));
    expect(findings.length).toBeGreaterThan(2);
    for (const finding of findings) expect(finding.source).toBe(ruleCitation(RULES.find((rule) => rule.id === finding.rule)!, profile));
    for (const locale of ["vi", "en"] as const) {
      const sourceColumn = reportTable(findings, locale).rows.slice(1).map((row) => String(row[7]));
      for (const text of sourceColumn) expect(text).not.toMatch(S_CODE);
    }
  });

  it.each(everyProfile.map((profile) => [profile.id, profile] as const))("%s: the settings summary names no S-code", (_, profile) => {
    for (const line of profileSummary(profile)) expect(line).not.toMatch(S_CODE);
  });
});
