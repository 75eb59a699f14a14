/** Calendar arithmetic on ISO dates ("YYYY-MM-DD") for periods; no time zones involved. */
import type { Delegation, Period } from "../../model";

const DAY_MS = 86_400_000;

export function dayNumber(iso: string): number {
  const [year, month, day] = iso.split("-").map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** Inclusive length of a period in days. */
export function periodLength(period: Period): number {
  return dayNumber(period.end) - dayNumber(period.start) + 1;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** A trip belongs to the year it starts in; one with no readable time is taken to be in the plan year. */
export function inPlanYear(delegation: Delegation, year: number): boolean {
  return !delegation.period || yearOf(delegation.period.start) === year;
}

export function periodsOverlap(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Longest run of months a period is bucketed into; longer periods are unusual and get capped. */
const MAX_MONTHS = 24;

/** "2025-05", "2025-06", … for every month the period touches. */
export function monthsCovered(period: Period): string[] {
  let year = yearOf(period.start);
  let month = Number(period.start.slice(5, 7));
  const lastYear = yearOf(period.end);
  const lastMonth = Number(period.end.slice(5, 7));
  const months: string[] = [];
  while ((year < lastYear || (year === lastYear && month <= lastMonth)) && months.length < MAX_MONTHS) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** dd/mm/yyyy, as the unit writes dates. */
export function displayDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
