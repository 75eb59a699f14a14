/** Builders for rule tests: a complete, valid outbound row by default; override what the test is about. */
import { ROLES, ROLE_BY_ID } from "../../../src/domain/lists/roles";
import { FUNDING_BY_ID } from "../../../src/domain/lists/funding";
import { FIELD_IDS, type CountryMatch, type Delegation, type FieldId, type Finding, type Period, type RoleMatch, type RuleId } from "../../../src/domain/model";
import { ProfileSchema, type Profile } from "../../../src/domain/profiles/schema";
import { checkPlan } from "../../../src/domain/rules/engine";
import type { CheckContext } from "../../../src/domain/rules/types";

/** Column of each field in the test sheet: the canonical order, A = seq. */
export const COLUMN: Record<FieldId, number> = Object.fromEntries(FIELD_IDS.map((field, index) => [field, index + 1])) as Record<FieldId, number>;

export const OUTBOUND_COLUMNS: FieldId[] = [
  "seq", "name", "leader", "leaderRole", "members", "composition", "countries", "period", "start", "end", "days",
  "purpose", "inviter", "funding", "cost", "unit", "planStatus", "notes",
];

export function role(id: string, agency?: string): RoleMatch {
  const entry = ROLE_BY_ID.get(id);
  if (!entry) throw new Error(`unknown role id ${id}`);
  return { raw: agency ? `${entry.name} ${agency}` : entry.name, id, name: entry.name, cityLeader: entry.cityLeader, keyLeader: entry.keyLeader, agency };
}

export function unknownRole(raw: string, suggestion?: string): RoleMatch {
  return { raw, cityLeader: false, keyLeader: false, suggestion };
}

const CODES: Record<string, string> = {
  "Nhật Bản": "JP", "Hàn Quốc": "KR", "Trung Quốc": "CN", "Lào": "LA", "Pháp": "FR", "Đức": "DE", "Hoa Kỳ": "US",
  "Singapore": "SG", "Thái Lan": "TH", "Campuchia": "KH", "Úc": "AU", "Nga": "RU", "Anh": "GB",
};

export function country(name: string): CountryMatch {
  const code = CODES[name];
  if (!code) throw new Error(`add ${name} to CODES`);
  return { raw: name, name, code, known: true };
}

export function countries(...names: string[]): CountryMatch[] {
  return names.map(country);
}

export function unknownCountry(raw: string, suggestion?: string): CountryMatch {
  return { raw, name: raw, known: false, suggestion };
}

export function period(start: string, end: string = start, precision: Period["precision"] = "day"): Period {
  return { start, end, precision };
}

export function funding(id: string, raw?: string): NonNullable<Delegation["funding"]> {
  const entry = FUNDING_BY_ID.get(id);
  if (!entry) throw new Error(`unknown funding id ${id}`);
  return { raw: raw ?? entry.name, id, name: entry.name };
}

export function unrecognisedFunding(raw: string): NonNullable<Delegation["funding"]> {
  return { raw };
}

type DelegationInput = Partial<Delegation> & {
  /** Fields whose columns exist on the sheet (default: the outbound template's columns). */
  columns?: FieldId[];
};

/** What the unit would have written for each parsed value (raw text), unless the test gives raw itself. */
function writtenText(d: Delegation): Record<string, string> {
  const raw: Record<string, string> = {};
  const put = (field: FieldId, value: string | number | undefined) => {
    if (value !== undefined && value !== "") raw[field] = String(value);
  };
  put("seq", d.seq);
  put("name", d.name);
  put("leader", d.leaderName);
  put("leaderRole", d.leaderRole?.raw);
  put("members", d.members);
  put("composition", d.composition);
  put("countries", d.countries.map((c) => c.raw).join(", "));
  if (d.period) {
    const show = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    put("start", show(d.period.start));
    put("end", show(d.period.end));
  }
  put("days", d.days);
  for (const field of ["purpose", "inviter", "unit", "notes", "host", "receivingLeader", "venue", "locality", "activity", "partner", "form"] as const) put(field, d[field]);
  put("funding", d.funding?.raw);
  put("cost", d.cost);
  put("planStatus", d.planStatus === "out" ? "Ngoài kế hoạch" : d.planStatus === "in" ? "Trong kế hoạch" : undefined);
  return raw;
}

let counter = 0;

/** A delegation that passes every rule under testProfile() in 2025, with the given changes. */
export function makeDelegation(input: DelegationInput = {}): Delegation {
  const { columns = OUTBOUND_COLUMNS, ...partial } = input;
  const row = partial.row ?? 5 + counter++;
  const sheet = partial.sheet ?? "Đoàn ra";
  const base: Delegation = {
    id: `${partial.file ? `${partial.file}/` : ""}${sheet}!${row}`,
    kind: "outbound",
    sheet,
    row,
    firstColumn: 1,
    cells: {},
    raw: {},
    seq: "1",
    name: "Đoàn công tác Sở Y tế",
    leaderName: "Nguyễn Văn An",
    leaderRole: role("giam-doc-so"),
    members: 5,
    composition: "Giám đốc Sở, 02 chuyên viên phòng Kế hoạch",
    countries: countries("Nhật Bản"),
    period: period("2025-05-10", "2025-05-14"),
    purpose: "Làm việc với Đại học Osaka về hợp tác đào tạo nguồn nhân lực y tế",
    inviter: "Đại học Osaka",
    funding: funding("ngan-sach"),
    unit: "Sở Y tế",
    planStatus: "in",
    ...partial,
  };
  const cells: Delegation["cells"] = {};
  for (const field of columns) cells[field] = { row, column: COLUMN[field] };
  const delegation: Delegation = {
    ...base,
    row,
    sheet,
    cells: partial.cells ?? cells,
    firstColumn: partial.firstColumn ?? Math.min(...columns.map((field) => COLUMN[field])),
  };
  // Raw text only for fields whose column exists, like the parser.
  const written = writtenText(delegation);
  const raw: Record<string, string> = {};
  for (const field of columns) if (written[field] !== undefined) raw[field] = written[field];
  delegation.raw = { ...raw, ...(partial.raw ?? {}) };
  return delegation;
}

type ProfileOverrides = Partial<Omit<Profile, "params">> & { params?: Partial<Profile["params"]> };

/** A valid profile like Hải Phòng's (3 countries, 3 days, conference 5, 2 trips, no member limit). */
export function testProfile(overrides: ProfileOverrides = {}): Profile {
  const { params, ...rest } = overrides;
  return ProfileSchema.parse({
    id: "test",
    name: "Hồ sơ kiểm thử",
    sources: ["kiểm thử"],
    requiredFields: {
      outbound: ["leader", "leaderRole", "members", "countries", "period", "purpose", "funding"],
      inbound: ["name", "countries", "period", "purpose", "host", "funding"],
      people: ["locality", "activity", "partner", "period"],
    },
    keyLeaderRoles: ROLES.filter((r) => r.keyLeader).map((r) => r.id),
    forbiddenFunding: ["doanh-nghiep-dai-tho", "doanh-nghiep-nuoc-ngoai-moi"],
    params: {
      membersMax: null,
      countriesMax: 3,
      daysPerCountry: 3,
      conferenceDaysPerCountry: 5,
      travelDays: 2,
      keyLeaderTripsMax: 2,
      leadersSameDestinationMax: 3,
      mergeSimilarity: 0.5,
      ...params,
    },
    deadlines: { report: { days: 10, workingDays: true }, passport: { days: 5, workingDays: true } },
    ...rest,
  });
}

export function testContext(overrides: Partial<CheckContext> = {}): CheckContext {
  return { profile: testProfile(), year: 2025, ...overrides };
}

/** The findings of one rule when the whole engine runs. */
export function findingsOf(rule: RuleId, delegations: Delegation[], context: CheckContext = testContext()): Finding[] {
  return checkPlan(delegations, context).filter((finding) => finding.rule === rule);
}
