/**
 * The benchmark's master plan as a real workbook: the rules helper's generated plan (test/bench/checkScaling.ts)
 * written as an outbound sheet with the official headers, so reading, recognising and checking all work on
 * the same realistic rows (many units, shared leaders, overlapping trips, a few city leaders).
 */
import type { Delegation, FieldId } from "../../src/domain/model";
import { TEMPLATES } from "../../src/domain/templates";
import { buildXlsx, day, type SpecValue, type WorkbookSpec } from "../fixtures/generate";
import { generatePlan } from "./checkScaling";

const FIELDS: FieldId[] = ["seq", "name", "leader", "leaderRole", "members", "composition", "countries", "start", "end", "purpose", "inviter", "funding", "unit", "notes"];

function title(field: FieldId): string {
  const definition = TEMPLATES.outbound.fields.find((candidate) => candidate.id === field);
  if (!definition) throw new Error(`outbound template has no field ${field}`);
  return definition.title;
}

function isoToDate(iso: string): Date {
  const [year, month, date] = iso.split("-").map(Number);
  return day(year, month, date);
}

/** One sheet row as a unit types it: real dates for day-precise trips, "Tháng 5/2025" for month-precise ones. */
function rowOf(delegation: Delegation, index: number): SpecValue[] {
  const period = delegation.period;
  const byMonth = period?.precision === "month";
  const values: Record<string, SpecValue> = {
    seq: index + 1,
    name: `Đoàn công tác số ${index + 1}`,
    leader: delegation.leaderName,
    leaderRole: delegation.leaderRole?.name,
    members: delegation.members,
    composition: delegation.composition,
    countries: delegation.countries?.map((country) => country.name).join(", "),
    start: period ? (byMonth ? `Tháng ${Number(period.start.slice(5, 7))}/${period.start.slice(0, 4)}` : isoToDate(period.start)) : undefined,
    end: period && !byMonth ? isoToDate(period.end) : undefined,
    purpose: delegation.purpose,
    inviter: delegation.inviter,
    funding: delegation.funding?.name,
    unit: delegation.unit,
    notes: delegation.notes,
  };
  return FIELDS.map((field) => values[field] ?? null);
}

export const PLAN_YEAR = 2025;

/** A master plan of `rows` outbound delegations: title, blank row, header on row 3, data from row 4. */
export function planSpec(rows: number, seed = rows): WorkbookSpec {
  const plan = generatePlan(rows, seed);
  return {
    file: `ke-hoach-${rows}.xlsx`,
    description: `${rows} generated outbound delegations`,
    sheets: [
      {
        name: "Đoàn ra",
        rows: [[`KẾ HOẠCH ĐOÀN RA NĂM ${PLAN_YEAR}`], [], FIELDS.map(title), ...plan.map(rowOf)],
        expect: false,
      },
    ],
  };
}

export async function planXlsx(rows: number, seed = rows): Promise<Buffer> {
  return buildXlsx(planSpec(rows, seed));
}
