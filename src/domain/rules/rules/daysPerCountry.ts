/**
 * days-per-country: "1 nước không quá 3 ngày (không tính thời gian quá cảnh và đi, về; trừ trường hợp
 * tham dự các Hội nghị quy mô lớn nhưng cũng không quá 5 ngày)" [S1]; Hà Nội: 3 days, no exception [S2].
 *
 * - The conference exception raises the limit of the conference's country only: 3 countries with one
 *   conference allow 3 + 3 + 5 = 11 days.
 * - Courses (đào tạo, bồi dưỡng, khóa học…) are not visits: the limit does not apply; a course longer
 *   than it gets an info line saying why. Study tours ("học tập kinh nghiệm", "khảo sát") are visits.
 * - The letters give no number of travel days: the allowance is an estimate by the region of the
 *   farthest country (profile data), so an excess within one day of it is only a warning.
 * - A "Số ngày/nước" column gives the days of each country: the trip lasts that × the countries.
 * - A trip whose stops give their own days (one row per country, or "Pháp (3 ngày), Đức (8 ngày)") is
 *   checked stop by stop, on the stop's own cell: the outbound travel is taken from the first stop and the
 *   return from the last (half the allowance each, rounded up), a stop in the middle has none. The
 *   conference's country is the one its purpose names with the conference, else the longest stay. When no
 *   stop is over, the whole trip is still checked as one.
 */
import type { Delegation, FieldId, TripStop } from "../../model";
import { mentionedCountryCodes } from "../../values/countries";
import type { Profile } from "../../profiles/schema";
import { CONTINENT_NAMES, subRegionOf, type Continent } from "../data/regions";
import { formatNumber, joinList, quote, type Text } from "../messages";
import { countryKey, distinctCountries } from "../lib/countries";
import { findPhrase, foldCached } from "../lib/text";
import { periodLength } from "../lib/time";
import { CT38, S1, S2, cite } from "../sources";
import type { RowRule, Violation } from "../types";

/** A large conference: "Hội nghị", an international "hội thảo", a forum, a summit. */
const CONFERENCE_WORDS = ["hoi nghi", "hoi thao quoc te", "dien dan", "conference", "forum", "summit", "quy mo lon"];
/**
 * Courses and training: staff going to study, not a delegation visiting [S0 "học tập, đào tạo, bồi
 * dưỡng"]. "khóa học" is told from "khoa học" (science) by its diacritics, so it is matched unfolded.
 */
const COURSE_WORDS = [
  "boi duong",
  "tap huan",
  "khoa dao tao",
  "lop dao tao",
  "du hoc",
  "hoc tap dai han",
  "thuc tap",
  "nghien cuu sinh",
  "training course",
];
const COURSE_UNFOLDED = /kh(?:óa|oá) học|khóa học/;
/** "đào tạo" on its own is a course, but not in "hợp tác đào tạo", "về đào tạo" (a visit about training). */
const TRAINING = /(?<!\b(?:hop tac|ve|linh vuc|trong|nganh|cong tac|chat luong) )\bdao tao\b/;
/** Visits that learn: still visits ("học tập kinh nghiệm", "khảo sát"). */
const STUDY_TOUR_WORDS = ["hoc tap kinh nghiem", "khao sat", "tham quan hoc tap", "trao doi kinh nghiem"];

function textOf(delegation: Delegation): string {
  return [delegation.purpose, delegation.name]
    .filter((text) => text !== undefined)
    .map((text) => foldCached(text))
    .join(" | ");
}

/** A large conference, by purpose or name. */
export function isConference(delegation: Delegation, text = textOf(delegation)): boolean {
  return findPhrase(text, CONFERENCE_WORDS) !== undefined;
}

/** The course wording that makes the row a course; undefined for visits, study tours and conferences. */
/** `text`: the row's textOf, when the caller has it already. */
export function courseWord(delegation: Delegation, text = textOf(delegation)): string | undefined {
  if (findPhrase(text, STUDY_TOUR_WORDS) !== undefined || findPhrase(text, CONFERENCE_WORDS) !== undefined) return undefined;
  const word = findPhrase(text, COURSE_WORDS);
  if (word !== undefined) return word;
  const unfolded = [delegation.purpose, delegation.name].join(" ").normalize("NFC").toLowerCase();
  if (COURSE_UNFOLDED.test(unfolded)) return "khoa hoc";
  return text.split(" | ").some((part) => TRAINING.test(part)) ? "dao tao" : undefined;
}

/** Days of the trip: the days column (× countries when it is per country) or a day-precise period. */
function tripDays(delegation: Delegation, countries: number): { days: number; at: FieldId[]; perCountry?: number } | undefined {
  if (delegation.days !== undefined) {
    return delegation.daysPerCountry
      ? {
          days: delegation.days * countries,
          at: ["days"],
          perCountry: delegation.days,
        }
      : { days: delegation.days, at: ["days"] };
  }
  if (delegation.period?.precision === "day")
    return {
      days: periodLength(delegation.period),
      at: ["end", "period", "start"],
    };
  const stops = delegation.stops;
  if (stops && stops.every((stop) => stop.days !== undefined)) return { days: stops.reduce((sum, stop) => sum + (stop.days ?? 0), 0), at: ["countries"] };
  return undefined;
}

/** Where a stop's days are written: its days cell, its dates, else its countries cell. */
const STOP_CELL_ORDER = ["days", "end", "period", "start", "countries"] as const;

/** The stop the conference is held in: the one named with the conference in the purpose, else the longest stay. */
function conferenceStop(delegation: Delegation, stops: readonly TripStop[]): TripStop {
  const named = new Set<string>();
  for (const text of [delegation.purpose, delegation.name]) {
    // The clause that names the conference: "Dự Hội nghị … tại Pháp, làm việc tại Đức và Bỉ" → Pháp.
    for (const clause of (text ?? "").split(/[,;.]|\s(?:và|kết hợp|sau đó)\s/u)) {
      if (findPhrase(foldCached(clause), CONFERENCE_WORDS) !== undefined) for (const code of mentionedCountryCodes(clause)) named.add(code);
    }
  }
  const hosts = stops.filter((stop) => stop.countries.some((country) => country.code !== undefined && named.has(country.code)));
  const candidates = hosts.length > 0 ? hosts : stops;
  return candidates.reduce((longest, stop) => ((stop.days ?? 0) > (longest.days ?? 0) ? stop : longest));
}

/** Stops over their limit, each at its own cell; empty when the stops' days are not all known. */
function stopViolations(delegation: Delegation, params: Profile["params"], travel: { days: number; region?: Continent }, conference: boolean): Violation[] {
  const stops = delegation.stops;
  if (!stops || stops.length < 2 || stops.some((stop) => stop.days === undefined)) return [];
  const { daysPerCountry: perCountry, conferenceDaysPerCountry } = params;
  const hostStop = conference && conferenceDaysPerCountry !== null ? conferenceStop(delegation, stops) : undefined;
  const endShare = Math.ceil(travel.days / 2);
  const where = travel.region ? CONTINENT_NAMES[travel.region] : { vi: "khu vực chưa rõ", en: "unknown region" };
  const n = (value: number) => formatNumber(value);
  const violations: Violation[] = [];
  stops.forEach((stop, index) => {
    const days = stop.days ?? 0;
    const count = new Set(stop.countries.map(countryKey)).size;
    const isHost = stop === hostStop && conferenceDaysPerCountry !== null;
    const limit = isHost ? perCountry * (count - 1) + Math.max(perCountry, conferenceDaysPerCountry) : perCountry * count;
    const ends = (index === 0 ? 1 : 0) + (index === stops.length - 1 ? 1 : 0);
    const allowance = Math.min(days, endShare * ends);
    const abroad = days - allowance;
    if (abroad <= limit) return;
    const names = joinList(stop.countries.map((country) => country.name));
    const excess = abroad - limit;
    const travelText: Text =
      allowance > 0
        ? {
            vi: ` (${n(days).vi} ngày − ${n(allowance).vi} ngày ${ends === 2 ? "đi, về" : index === 0 ? "đi" : "về"} ước tính cho ${where.vi})`,
            en: ` (${n(days).en} days − ${n(allowance).en} travel days estimated for ${where.en})`,
          }
        : { vi: "", en: "" };
    const hostNames = hostStop && !isHost ? joinList(hostStop.countries.map((country) => country.name)) : undefined;
    const hostText: Text = hostNames
      ? { vi: ` (ngoại lệ Hội nghị quy mô lớn chỉ áp dụng cho ${hostNames.vi})`, en: ` (the conference exception applies to ${hostNames.en} only)` }
      : { vi: "", en: "" };
    const limitText: Text = isHost
      ? { vi: `${n(limit).vi} ngày cho nước có Hội nghị quy mô lớn`, en: `${n(limit).en} days for the large conference's country` }
      : { vi: `${n(perCountry).vi} ngày/nước${count > 1 ? ` × ${count} nước` : ""}`, en: `${n(perCountry).en} days/country${count > 1 ? ` × ${count}` : ""}` };
    const cell = STOP_CELL_ORDER.map((field) => stop.cells[field]).find((ref) => ref !== undefined);
    const violation: Violation = {
      delegation,
      at: ["days", "end", "period", "start", "countries"],
      message:
        `Đoàn ở ${names.vi} ${n(abroad).vi} ngày${travelText.vi}, vượt quá ${limitText.vi}${hostText.vi}` +
        (excess <= 1 ? `; chỉ vượt ${n(excess).vi} ngày, trong phạm vi sai số của số ngày đi, về ước tính: kiểm tra lại lịch trình` : ""),
      messageEn:
        `${n(abroad).en} days in ${names.en}${travelText.en}, more than ${limitText.en}${hostText.en}` +
        (excess <= 1 ? `; only ${n(excess).en} day(s) over, within the margin of the estimated travel days: check the itinerary` : ""),
    };
    if (cell) violation.cell = cell;
    if (excess <= 1) violation.lowerTo = "warning";
    violations.push(violation);
  });
  return violations;
}

/** The travel allowance: by the farthest country's region, else the profile's default. */
function travelAllowance(delegation: Delegation, params: Profile["params"]): { days: number; region?: Continent } {
  let best: { days: number; region?: Continent } | undefined;
  for (const country of distinctCountries(delegation)) {
    const region = subRegionOf(country.code)?.continent;
    const days = region ? params.travelDaysByRegion[region] : params.travelDays;
    if (!best || days > best.days) best = region ? { days, region } : { days };
  }
  return best ?? { days: params.travelDays };
}

export const daysPerCountry: RowRule = {
  id: "days-per-country",
  defaultSeverity: "error",
  kinds: ["outbound"],
  fields: ["days", "period", "start", "end", "countries", "purpose", "name"],
  parameters: {
    profileParams: ["daysPerCountry", "conferenceDaysPerCountry", "travelDays", "travelDaysByRegion"],
  },
  source: cite(CT38, S1, S2),
  checkRow(delegation, context) {
    const { params } = context.profile;
    const { daysPerCountry: perCountry, conferenceDaysPerCountry } = params;
    const countries = distinctCountries(delegation).length;
    const trip = tripDays(delegation, countries);
    if (!trip || countries === 0) return [];
    // Purpose and name folded once for both tests.
    const text = textOf(delegation);
    const conferenceTrip = isConference(delegation, text);
    const conference = conferenceDaysPerCountry !== null && conferenceTrip;
    // The exception is for the conference's country; the others keep the ordinary limit.
    const limit = conference ? perCountry * (countries - 1) + Math.max(perCountry, conferenceDaysPerCountry) : perCountry * countries;
    const travel = travelAllowance(delegation, params);
    const abroad = Math.max(0, trip.days - travel.days);
    const course = courseWord(delegation, text);
    // Stop by stop first: a stay over its limit is reported on its own row even when the total is within.
    const byStop = course === undefined ? stopViolations(delegation, params, travel, conferenceTrip) : [];
    if (byStop.length > 0) return byStop;
    if (abroad <= limit) return [];

    const n = (value: number) => formatNumber(value);
    const trip_: Text =
      trip.perCountry !== undefined
        ? {
            vi: `${n(trip.perCountry).vi} ngày/nước × ${countries} nước = ${n(trip.days).vi} ngày`,
            en: `${n(trip.perCountry).en} days/country × ${countries} = ${n(trip.days).en} days`,
          }
        : { vi: `${n(trip.days).vi} ngày`, en: `${n(trip.days).en} days` };
    const where = travel.region ? CONTINENT_NAMES[travel.region] : { vi: "khu vực chưa rõ", en: "unknown region" };
    const travelVi = `${n(travel.days).vi} ngày đi, về, quá cảnh — ước tính cho ${where.vi}`;
    const travelEn = `${n(travel.days).en} travel days, an estimate for ${where.en}`;

    if (course !== undefined) {
      const written = quote(delegation.purpose ?? delegation.name ?? "");
      return [
        {
          delegation,
          at: trip.at,
          lowerTo: "info",
          message: `Khóa học, đào tạo “${written}” dài ${trip_.vi}: quy định ${n(perCountry).vi} ngày/nước áp dụng cho đoàn công tác, không áp dụng cho học tập, đào tạo, bồi dưỡng`,
          messageEn: `Course "${written}" lasts ${trip_.en}: the ${n(perCountry).en} days/country limit is for working visits, not for study or training`,
        },
      ];
    }

    const limitText: Text = !conference
      ? {
          vi: `${n(perCountry).vi} ngày/nước × ${countries} nước = ${n(limit).vi} ngày`,
          en: `${n(perCountry).en} days/country × ${countries} = ${n(limit).en} days`,
        }
      : countries === 1
        ? { vi: `${n(limit).vi} ngày cho nước có Hội nghị quy mô lớn`, en: `${n(limit).en} days for a large conference's country` }
        : {
            vi: `${n(perCountry).vi} ngày/nước × ${countries - 1} nước + ${n(conferenceDaysPerCountry).vi} ngày cho nước có Hội nghị quy mô lớn = ${n(limit).vi} ngày`,
            en: `${n(perCountry).en} days/country × ${countries - 1} + ${n(conferenceDaysPerCountry).en} days for the large conference's country = ${n(limit).en} days`,
          };
    const excess = abroad - limit;
    const nearAllowance = excess <= 1;
    const violation: Violation = {
      delegation,
      at: trip.at,
      message:
        `Đoàn ở nước ngoài ${n(abroad).vi} ngày (${trip_.vi} − ${travelVi}), vượt quá ${limitText.vi}` +
        (conferenceTrip && !conference ? " (quy định áp dụng không có ngoại lệ cho hội nghị)" : "") +
        (nearAllowance ? `; chỉ vượt ${n(excess).vi} ngày, trong phạm vi sai số của số ngày đi, về ước tính: kiểm tra lại lịch trình` : ""),
      messageEn:
        `${n(abroad).en} days abroad (${trip_.en} − ${travelEn}), more than ${limitText.en}` +
        (conferenceTrip && !conference ? " (this profile has no conference exception)" : "") +
        (nearAllowance ? `; only ${n(excess).en} day(s) over, within the margin of the estimated travel days: check the itinerary` : ""),
    };
    if (nearAllowance) violation.lowerTo = "warning";
    return [violation];
  },
};
