/**
 * The Vietnamese lunisolar calendar (âm lịch), by Hồ Ngọc Đức's astronomical method: months begin
 * on the day of the new moon and the winter solstice falls in month 11, both reckoned in local time.
 * Vietnam uses UTC+7 (China UTC+8), so the same new moon can fall on different days and the two
 * calendars differ in some years: Tết 1985 (21/1 vs 20/2), 2007 (17/2 vs 18/2), 2030 (2/2 vs 3/2).
 * Astronomical formulas: J. Meeus, "Astronomical Algorithms" (new moon and sun longitude, low precision).
 */
import { dayNumberOf, fromDayNumber, parseIsoDate } from "./isoDate";

/** Vietnam's standard time offset from UTC, in hours. */
export const VIETNAM_TIME_ZONE = 7;

/** Julian day number of 1970-01-01 (day number 0 in isoDate). */
const JULIAN_DAY_OF_EPOCH = 2440588;
const SYNODIC_MONTH = 29.530588853;
/** Julian date of the new moon k = 0 (1900-01-01 13:51 UTC) counts from. */
const NEW_MOON_EPOCH = 2415021.076998695;
const RADIANS = Math.PI / 180;

export interface LunarDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..30 */
  day: number;
  /** A leap month (tháng nhuận) repeats the number of the month before it. */
  leap: boolean;
}

/** Julian date (UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * RADIANS);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const latitude = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  const sin = (degrees: number) => Math.sin(degrees * RADIANS);
  let correction = (0.1734 - 0.000393 * T) * sin(sunAnomaly) + 0.0021 * sin(2 * sunAnomaly);
  correction += -0.4068 * sin(moonAnomaly) + 0.0161 * sin(2 * moonAnomaly) - 0.0004 * sin(3 * moonAnomaly);
  correction += 0.0104 * sin(2 * latitude) - 0.0051 * sin(sunAnomaly + moonAnomaly);
  correction += -0.0074 * sin(sunAnomaly - moonAnomaly) + 0.0004 * sin(2 * latitude + sunAnomaly);
  correction += -0.0004 * sin(2 * latitude - sunAnomaly) - 0.0006 * sin(2 * latitude + moonAnomaly);
  correction += 0.001 * sin(2 * latitude - moonAnomaly) + 0.0005 * sin(2 * moonAnomaly + sunAnomaly);
  const deltaT =
    T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + correction - deltaT;
}

/** Sun's ecliptic longitude in radians [0, 2π) at a Julian date (UT). */
function sunLongitude(julianDate: number): number {
  const T = (julianDate - 2451545.0) / 36525;
  const T2 = T * T;
  const meanAnomaly = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const meanLongitude = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let center = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(RADIANS * meanAnomaly);
  center += (0.019993 - 0.000101 * T) * Math.sin(RADIANS * 2 * meanAnomaly) + 0.00029 * Math.sin(RADIANS * 3 * meanAnomaly);
  const longitude = (meanLongitude + center) * RADIANS;
  return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
}

/** Julian day number of the local day on which the k-th new moon falls. */
function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoon(k) + 0.5 + timeZone / 24);
}

/** Which of the 12 major solar terms (0..11, 30° each) the sun is in at the start of a local day. */
function sunSegment(julianDay: number, timeZone: number): number {
  return Math.floor((sunLongitude(julianDay - 0.5 - timeZone / 24) / Math.PI) * 6);
}

function julianDayOf(year: number, month: number, day: number): number {
  return dayNumberOf(year, month, day) + JULIAN_DAY_OF_EPOCH;
}

/** Julian day number on which month 11 (the month holding the winter solstice) of `year` begins. */
function lunarMonth11(year: number, timeZone: number): number {
  const k = Math.floor((julianDayOf(year, 12, 31) - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k, timeZone);
  // Past the winter solstice (segment 9 = 270°) already: month 11 began one new moon earlier.
  return sunSegment(start, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : start;
}

/**
 * In a leap year (13 new moons between two months 11), the offset after month 11 of the first month
 * with no major solar term: that month is the leap month.
 */
function leapMonthOffset(month11: number, timeZone: number): number {
  const k = Math.floor((month11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let offset = 1;
  let segment = sunSegment(newMoonDay(k + offset, timeZone), timeZone);
  let previous: number;
  do {
    previous = segment;
    offset++;
    segment = sunSegment(newMoonDay(k + offset, timeZone), timeZone);
  } while (segment !== previous && offset < 14);
  return offset - 1;
}

/**
 * ISO date of a lunar date; undefined when the date does not exist (a leap month the year lacks,
 * or day 30 of a 29-day month).
 */
export function lunarToSolar(lunar: LunarDate, timeZone = VIETNAM_TIME_ZONE): string | undefined {
  const { year, month, day, leap } = lunar;
  if (!Number.isInteger(day) || day < 1 || day > 30 || !Number.isInteger(month) || month < 1 || month > 12) return undefined;
  const [first11, next11] =
    month < 11 ? [lunarMonth11(year - 1, timeZone), lunarMonth11(year, timeZone)] : [lunarMonth11(year, timeZone), lunarMonth11(year + 1, timeZone)];
  const k = Math.floor(0.5 + (first11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let offset = (month - 11 + 12) % 12;
  if (next11 - first11 > 365) {
    const leapOffset = leapMonthOffset(first11, timeZone);
    const leapMonth = (leapOffset - 2 + 12) % 12;
    if (leap && month !== leapMonth) return undefined;
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    return undefined;
  }
  const monthStart = newMoonDay(k + offset, timeZone);
  const nextMonthStart = newMoonDay(k + offset + 1, timeZone);
  if (monthStart + day - 1 >= nextMonthStart) return undefined;
  return fromDayNumber(monthStart + day - 1 - JULIAN_DAY_OF_EPOCH);
}

/** Lunar date of an ISO date; undefined when the text is not a real date. */
export function solarToLunar(iso: string, timeZone = VIETNAM_TIME_ZONE): LunarDate | undefined {
  const parts = parseIsoDate(iso);
  if (!parts) return undefined;
  const julianDay = julianDayOf(parts.year, parts.month, parts.day);
  // The last new moon on or before the day (the mean-month estimate can be one month off either way).
  let k = Math.floor((julianDay - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k, timeZone) > julianDay) k--;
  const monthStart = newMoonDay(k, timeZone);
  let first11 = lunarMonth11(parts.year, timeZone);
  let next11 = first11;
  let year: number;
  if (first11 >= monthStart) {
    year = parts.year;
    first11 = lunarMonth11(parts.year - 1, timeZone);
  } else {
    year = parts.year + 1;
    next11 = lunarMonth11(parts.year + 1, timeZone);
  }
  const day = julianDay - monthStart + 1;
  const monthsSince11 = Math.floor((monthStart - first11) / 29);
  let leap = false;
  let month = monthsSince11 + 11;
  if (next11 - first11 > 365) {
    const leapOffset = leapMonthOffset(first11, timeZone);
    if (monthsSince11 >= leapOffset) {
      month = monthsSince11 + 10;
      leap = monthsSince11 === leapOffset;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && monthsSince11 < 4) year -= 1;
  return { year, month, day, leap };
}

/** ISO date of Tết Nguyên đán (1 tháng Giêng) of a year. */
export function lunarNewYear(year: number, timeZone = VIETNAM_TIME_ZONE): string {
  // Month 1 always exists and has day 1.
  return lunarToSolar({ year, month: 1, day: 1, leap: false }, timeZone) as string;
}
