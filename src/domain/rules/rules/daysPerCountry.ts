/**
 * days-per-country: "1 nước không quá 3 ngày (không tính thời gian quá cảnh và đi, về; trừ trường hợp
 * tham dự các Hội nghị quy mô lớn nhưng cũng không quá 5 ngày)" [S1]; Hà Nội: 3 days, no exception [S2].
 */
import type { Delegation, FieldId } from "../../model";
import { formatNumber } from "../messages";
import { distinctCountries } from "../lib/countries";
import { findPhrase, foldCached } from "../lib/text";
import { periodLength } from "../lib/time";
import { S1, S2, cite } from "../sources";
import type { RowRule } from "../types";

const CONFERENCE_WORDS = ["hoi nghi", "hoi thao", "dien dan", "conference", "forum", "summit", "hoi nghi thuong dinh"];

/** A conference, by purpose or name. */
export function isConference(delegation: Delegation): boolean {
  return [delegation.purpose, delegation.name].some((text) => text !== undefined && findPhrase(foldCached(text), CONFERENCE_WORDS) !== undefined);
}

/** Days of the trip as written (days column) or from a day-precise period; where they came from. */
function tripDays(delegation: Delegation): { days: number; at: FieldId[] } | undefined {
  if (delegation.days !== undefined) return { days: delegation.days, at: ["days"] };
  if (delegation.period?.precision === "day") return { days: periodLength(delegation.period), at: ["end", "period", "start"] };
  return undefined;
}

export const daysPerCountry: RowRule = {
  id: "days-per-country",
  defaultSeverity: "error",
  kinds: ["outbound"],
  fields: ["days", "period", "start", "end", "countries", "purpose", "name"],
  parameters: { profileParams: ["daysPerCountry", "conferenceDaysPerCountry", "travelDays"] },
  source: cite(S1, S2),
  checkRow(delegation, context) {
    const { daysPerCountry: perCountry, conferenceDaysPerCountry, travelDays } = context.profile.params;
    const trip = tripDays(delegation);
    const countries = distinctCountries(delegation).length;
    if (!trip || countries === 0) return [];
    const conferenceTrip = isConference(delegation);
    const conference = conferenceDaysPerCountry !== null && conferenceTrip;
    const limitPerCountry = conference ? conferenceDaysPerCountry : perCountry;
    const abroad = Math.max(0, trip.days - travelDays);
    const limit = limitPerCountry * countries;
    if (abroad <= limit) return [];

    const n = (value: number) => formatNumber(value);
    const abroadVi = `${n(abroad).vi} ngày (${n(trip.days).vi} ngày − ${n(travelDays).vi} ngày đi, về, quá cảnh)`;
    const abroadEn = `${n(abroad).en} days (${n(trip.days).en} days − ${n(travelDays).en} travel days)`;
    const limitVi = `${n(limitPerCountry).vi} ngày/nước × ${countries} nước = ${n(limit).vi} ngày`;
    const limitEn = `${n(limitPerCountry).en} days/country × ${countries} = ${n(limit).en} days`;
    return [
      {
        delegation,
        at: trip.at,
        message: `Đoàn ở nước ngoài ${abroadVi}, vượt quá ${limitVi}${conference ? " (mức cho hội nghị, hội thảo)" : conferenceTrip ? " (quy định áp dụng không có ngoại lệ cho hội nghị)" : ""}`,
        messageEn: `${abroadEn} abroad, more than ${limitEn}${conference ? " (conference limit)" : conferenceTrip ? " (this profile has no conference exception)" : ""}`,
      },
    ];
  },
};
