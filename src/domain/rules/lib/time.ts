/** Calendar arithmetic on ISO dates ("YYYY-MM-DD") for periods; no time zones involved. */
import type { Delegation, Period } from "../../model";
import { memoizeText } from "./memo";

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date; memoised, as a plan's dates repeat from row to row. */
export const dayNumber = memoizeText((iso: string): number => {
  const [year, month, day] = iso.split("-").map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
});

/** Inclusive length of a period in days. */
export function periodLength(period: Period): number {
  return dayNumber(period.end) - dayNumber(period.start) + 1;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/**
 * The year a trip counts in: the year it starts in, or the plan year when it has no readable time.
 * Per-year limits count each year's trips: trips of a plan titled for another year than the one set
 * are still counted (in their own year), never silently left out.
 */
export function tripYear(delegation: Delegation, planYear: number): number {
  return delegation.period ? yearOf(delegation.period.start) : planYear;
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

/** year × 12 + (month − 1) of an ISO date. */
export function monthIndex(iso: string): number {
  return yearOf(iso) * 12 + Number(iso.slice(5, 7)) - 1;
}

/** The month indexes a period touches (at most MAX_MONTHS; none when it ends before it starts). */
export function monthIndexesCovered(period: Period): number[] {
  const first = monthIndex(period.start);
  const last = Math.min(monthIndex(period.end), first + MAX_MONTHS - 1);
  const months: number[] = [];
  for (let month = first; month <= last; month++) months.push(month);
  return months;
}

/** dd/mm/yyyy, as the unit writes dates. */
export function displayDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
