/**
 * A jurisdiction profile: the parameters of every rule, required fields, key-leader roles,
 * forbidden funding and deadlines. Plain JSON, validated here; departments may load their own.
 */
import { z } from "zod";
import { FIELD_IDS, IsoDateSchema, RULE_IDS, SEVERITIES } from "../model";
import { CONTINENTS, type Continent } from "../rules/data/regions";

const FieldList = z.array(z.enum(FIELD_IDS));

/** A deadline counted from the day after re-entry. */
export const DeadlineSchema = z.object({
  days: z.number().int().positive(),
  /** true: working days (skipping weekends and official days off); false: calendar days. */
  workingDays: z.boolean(),
});

/**
 * Travel days (đi, về, quá cảnh) not counted as days abroad, by the region of the farthest country:
 * the letters give none ("không tính thời gian quá cảnh và đi, về" [S1]), so these are estimates.
 */
const DEFAULT_TRAVEL_DAYS_BY_REGION: Record<Continent, number> = { asia: 2, europe: 3, africa: 3, oceania: 3, americas: 3 };
const TravelDaysByRegionSchema = z
  .object(Object.fromEntries(CONTINENTS.map((continent) => [continent, z.number().nonnegative()])) as Record<Continent, z.ZodNumber>)
  .strict();

export const ProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "chỉ gồm chữ thường không dấu, số và dấu gạch ngang"),
    name: z.string().min(1),
    /** The letters and regulations this profile comes from (e.g. "S1: Công văn Sở Ngoại vụ Hải Phòng 12/2024"). */
    sources: z.array(z.string()).min(1),
    planYear: z.number().int().min(2000).max(2100).optional(),
    /** The department's units, whose plans it expects: the master lists those that sent nothing. */
    units: z.array(z.string().min(1)).optional(),
    /** The last day on which a unit's plan is on time ("trước ngày 25/9" → 24/9). */
    submissionDeadline: IsoDateSchema.optional(),
    /**
     * Fields that must not be empty, per plan kind. As in DOMAIN.md, `leader` is met by a leader's name
     * or role and `period` by a period or a start date.
     */
    requiredFields: z.object({ outbound: FieldList, inbound: FieldList, people: FieldList }),
    /** Role ids (lists/roles) that count as key leaders (lãnh đạo chủ chốt). */
    keyLeaderRoles: z.array(z.string()),
    /** Funding ids (lists/funding) that are forbidden. */
    forbiddenFunding: z.array(z.string()),
    params: z.object({
      /** members-max: null = no limit (rule off). */
      membersMax: z.number().int().positive().nullable(),
      countriesMax: z.number().int().positive(),
      daysPerCountry: z.number().positive(),
      /** Days per country for conferences; null = no exception. */
      conferenceDaysPerCountry: z.number().positive().nullable(),
      /** Days of travel (đi, về, quá cảnh) not counted as days abroad, for a country of no known region. */
      travelDays: z.number().nonnegative(),
      /** Travel days by the region (continent) of the trip's farthest country. */
      travelDaysByRegion: TravelDaysByRegionSchema.default(DEFAULT_TRAVEL_DAYS_BY_REGION),
      /** trip-one-region: a trip's countries must lie in one UN M49 sub-region ("trong cùng một khu vực" [S2]). */
      oneRegionPerTrip: z.boolean().default(false),
      /** partner-outside-area: provinces people-to-people partners belong to (rules/data/partnerAreas); empty = rule silent. */
      peoplePartnerAreas: z.array(z.string()).default([]),
      keyLeaderTripsMax: z.number().int().positive(),
      /** leaders-same-destination: how many leaders of one agency to one country before warning. */
      leadersSameDestinationMax: z.number().int().positive(),
      /** merge-candidate: purpose similarity (0..1) above which two delegations are candidates. */
      mergeSimilarity: z.number().min(0).max(1),
    }),
    deadlines: z.object({ report: DeadlineSchema, passport: DeadlineSchema }),
    /** The letter says delegations with missing information "sẽ không được tổng hợp" [S0]: required-field says so only then. */
    incompleteNotConsolidated: z.boolean().default(false),
    /**
     * The sentence each value comes from, by the value's path ("params.daysPerCountry"); a value we
     * inferred says "(suy luận)" and a department may change it in its own profile.
     */
    citations: z.record(z.string(), z.string()).optional(),
    /** Per-rule severity overrides; "off" disables a rule. */
    severities: z.partialRecord(z.enum(RULE_IDS), z.union([z.enum(SEVERITIES), z.literal("off")])).optional(),
  })
  .strict();

export type Profile = z.infer<typeof ProfileSchema>;
