/**
 * The shapes every part of the domain core shares: plan kinds, fields, parsed delegations, findings.
 * Pure TypeScript + zod; no host imports.
 */
import { z } from "zod";

export const PLAN_KINDS = ["outbound", "inbound", "people"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** Canonical fields of all three templates (DOMAIN.md, "The templates"). */
export const FIELD_IDS = [
  "seq",
  "name",
  "leader",
  "leaderRole",
  "members",
  "composition",
  "countries",
  "period",
  "start",
  "end",
  "days",
  "purpose",
  "inviter",
  "funding",
  "cost",
  "unit",
  "planStatus",
  "notes",
  "host",
  "receivingLeader",
  "venue",
  "locality",
  "activity",
  "partner",
  "form",
] as const;
export type FieldId = (typeof FIELD_IDS)[number];

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULE_IDS = [
  "required-field",
  "members-max",
  "countries-max",
  "trip-one-region",
  "days-per-country",
  "key-leader-trips",
  "key-leaders-together",
  "leadership-half",
  "funding-forbidden",
  "funding-unclear",
  "purpose-unclear",
  "period-invalid",
  "country-unknown",
  "role-unknown",
  "tier-mismatch",
  "unplanned",
  "merge-candidate",
  "leaders-same-destination",
  "duplicate-delegation",
  "partner-outside-area",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** A cell of a sheet, 1-based. */
export const CellRefSchema = z.object({ row: z.number().int().positive(), column: z.number().int().positive() });
export type CellRef = z.infer<typeof CellRefSchema>;

/** ISO calendar date "YYYY-MM-DD" (no time zone: plans are about days). */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PeriodSchema = z.object({
  /** First day the trip may start. */
  start: IsoDateSchema,
  /** Last day (inclusive); equals start for a one-day date. */
  end: IsoDateSchema,
  /** How precisely the unit stated the time. */
  precision: z.enum(["day", "month", "quarter", "year"]),
});
export type Period = z.infer<typeof PeriodSchema>;

export const CountryMatchSchema = z.object({
  /** As written in the cell (trimmed). */
  raw: z.string(),
  /** Standard Vietnamese name when recognised, else the text as written. */
  name: z.string(),
  /** ISO 3166 alpha-2 code when recognised. */
  code: z.string().optional(),
  known: z.boolean(),
  /** Nearest standard name when not recognised and one is close enough. */
  suggestion: z.string().optional(),
});
export type CountryMatch = z.infer<typeof CountryMatchSchema>;

export const RoleMatchSchema = z.object({
  raw: z.string(),
  /** Id from lists/roles when recognised. */
  id: z.string().optional(),
  /** Standard role name when recognised. */
  name: z.string().optional(),
  /** Tier I: a city/province leader (DOMAIN.md). */
  cityLeader: z.boolean(),
  /** Default key-leader flag from the list; profiles may override by role id. */
  keyLeader: z.boolean(),
  /** The agency part of the role text ("UBND TP", "Sở Y tế"), when present. */
  agency: z.string().optional(),
  suggestion: z.string().optional(),
});
export type RoleMatch = z.infer<typeof RoleMatchSchema>;

export const FundingMatchSchema = z.object({
  raw: z.string(),
  /** Id from lists/funding when recognised. */
  id: z.string().optional(),
  name: z.string().optional(),
});
export type FundingMatch = z.infer<typeof FundingMatchSchema>;

export const TripStopSchema = z.object({
  countries: z.array(CountryMatchSchema),
  /** Days in these countries, when written (a days cell, "(8 ngày)") or given by dates to the day. */
  days: z.number().nonnegative().optional(),
  /** The stop's own dates, when written to the day. */
  period: PeriodSchema.optional(),
  /** Where the stop's countries, days and dates are written. */
  cells: z.record(z.string(), CellRefSchema),
});
export type TripStop = z.infer<typeof TripStopSchema>;

export const DelegationSchema = z.object({
  /** Stable within one check: `${sheet}!${row}` (plus file for multi-workbook runs). */
  id: z.string(),
  kind: z.enum(PLAN_KINDS),
  file: z.string().optional(),
  sheet: z.string(),
  /** Sheet row of the delegation. */
  row: z.number().int().positive(),
  /** Column of the row's first data cell (whole-row findings point here). */
  firstColumn: z.number().int().positive(),
  /** Section the row sits under, e.g. { label: "I", title: "Đoàn do Lãnh đạo thành phố làm Trưởng đoàn" }. */
  section: z.object({ label: z.string(), title: z.string() }).optional(),
  /** Where each recognised field of this row came from. */
  cells: z.record(z.string(), CellRefSchema),
  /**
   * A delegation written over several rows (one country per row, the STT and name merged down or left
   * blank): each row after the first, with the cells it contributed. `cells` and `raw` hold the joined values.
   */
  continuation: z.array(z.object({ row: z.number().int().positive(), cells: z.record(z.string(), CellRefSchema) })).optional(),
  /**
   * The trip's stops when each gives its own days or dates: one row per country (a trip written over several
   * rows), or one cell "Pháp (3 ngày), Đức (8 ngày)". Each with the cells it came from, so a limit per country
   * is checked and marked on that country's row. Absent for a trip of one stop.
   */
  stops: z.array(TripStopSchema).optional(),
  /** Text of each recognised field as the unit wrote it (dates rendered dd/mm/yyyy). */
  raw: z.record(z.string(), z.string()),

  seq: z.string().optional(),
  name: z.string().optional(),
  leaderName: z.string().optional(),
  leaderRole: RoleMatchSchema.optional(),
  members: z.number().int().nonnegative().optional(),
  /** Leaders among the members when written ("6 (gồm 2 lãnh đạo)"). */
  membersLeaders: z.number().int().nonnegative().optional(),
  composition: z.string().optional(),
  countries: z.array(CountryMatchSchema),
  period: PeriodSchema.optional(),
  /** Why the time could not be read, in Vietnamese, when it was written but not understood. */
  periodError: z.string().optional(),
  days: z.number().nonnegative().optional(),
  /** The days column is per country ("Số ngày/nước"), not the trip's total. */
  daysPerCountry: z.boolean().optional(),
  purpose: z.string().optional(),
  inviter: z.string().optional(),
  funding: FundingMatchSchema.optional(),
  cost: z.number().optional(),
  unit: z.string().optional(),
  /** "in" = trong kế hoạch, "out" = ngoài kế hoạch / phát sinh. */
  planStatus: z.enum(["in", "out"]).optional(),
  notes: z.string().optional(),
  host: z.string().optional(),
  receivingLeader: z.string().optional(),
  venue: z.string().optional(),
  locality: z.string().optional(),
  activity: z.string().optional(),
  partner: z.string().optional(),
  form: z.string().optional(),
});
export type Delegation = z.infer<typeof DelegationSchema>;

export const FindingSchema = z.object({
  file: z.string().optional(),
  sheet: z.string(),
  row: z.number().int().positive(),
  column: z.number().int().positive(),
  /** A1 address of the cell, e.g. "F12". */
  cell: z.string(),
  rule: z.enum(RULE_IDS),
  severity: z.enum(SEVERITIES),
  /** Vietnamese: the rule, the value found and the limit. */
  message: z.string(),
  messageEn: z.string(),
  /** The letter or regulation the rule comes from. */
  source: z.string().optional(),
  /** A standard value that would fix it (country or role name). */
  suggestion: z.string().optional(),
  delegationId: z.string(),
  /** Other rows involved in a cross-row finding. */
  related: z.array(z.object({ file: z.string().optional(), sheet: z.string(), row: z.number() })).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;
