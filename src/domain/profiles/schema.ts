/**
 * A jurisdiction profile: the parameters of every rule, required fields, key-leader roles,
 * forbidden funding and deadlines. Plain JSON, validated here; departments may load their own.
 */
import { z } from "zod";
import { FIELD_IDS, IsoDateSchema, RULE_IDS, SEVERITIES } from "../model";

const FieldList = z.array(z.enum(FIELD_IDS));

/** A deadline counted from the day after re-entry. */
export const DeadlineSchema = z.object({
  days: z.number().int().positive(),
  /** true: working days (skipping weekends and official days off); false: calendar days. */
  workingDays: z.boolean(),
});

export const ProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "chỉ gồm chữ thường không dấu, số và dấu gạch ngang"),
    name: z.string().min(1),
    /** The letters and regulations this profile comes from (e.g. "S1: Công văn Sở Ngoại vụ Hải Phòng 12/2024"). */
    sources: z.array(z.string()).min(1),
    planYear: z.number().int().min(2000).max(2100).optional(),
    /** Date by which units must send their plans. */
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
      /** Days of travel (đi, về, quá cảnh) not counted as days abroad. */
      travelDays: z.number().nonnegative(),
      keyLeaderTripsMax: z.number().int().positive(),
      /** leaders-same-destination: how many leaders of one agency to one country before warning. */
      leadersSameDestinationMax: z.number().int().positive(),
      /** merge-candidate: purpose similarity (0..1) above which two delegations are candidates. */
      mergeSimilarity: z.number().min(0).max(1),
    }),
    deadlines: z.object({ report: DeadlineSchema, passport: DeadlineSchema }),
    /** Per-rule severity overrides; "off" disables a rule. */
    severities: z.partialRecord(z.enum(RULE_IDS), z.union([z.enum(SEVERITIES), z.literal("off")])).optional(),
  })
  .strict();

export type Profile = z.infer<typeof ProfileSchema>;
