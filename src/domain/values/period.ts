/**
 * The "Thời gian" cell → a period with its precision (day, month, quarter, year), or a Vietnamese
 * reason why it cannot be read. Text is read as a list of points ("15", "20/5/2025", "Tháng 5",
 * "II/2025") joined by range dashes or list commas; missing parts are taken from the point to the right.
 */
import type { Period } from "../model";
import type { CellValue } from "../../workbook/types";
import { isCellError } from "../../workbook/types";
import { dateObjectToIso, daysInMonth, isRealDate, isoToVietnamese, parseDateText, serialToIso, toIso } from "./dates";
import { memoize, plainLower } from "./textKeys";
import { computedDaysOff } from "../calendar/computedDaysOff";
import { lunarToSolar } from "../calendar/lunar";

export interface PeriodResult {
  period?: Period;
  /** Vietnamese. With `period` too when the text was read but is inconsistent (end before start). */
  error?: string;
}

type Precision = Period["precision"];
type Kind = Precision | "bare" | "monthYear";

/** One point of time as written, before the missing parts are filled in. */
interface Point {
  kind: Kind;
  year?: number;
  month?: number;
  day?: number;
  quarter?: number;
  /** A bare number or Roman numeral whose meaning comes from its neighbours ("15" in "15-20/5/2025"). */
  bare?: number;
  roman?: boolean;
}

type Parsed = Point | { error: string } | undefined;

const PRECISION_ORDER: Precision[] = ["day", "month", "quarter", "year"];
const ROMAN: ReadonlyMap<string, number> = new Map([
  ["i", 1],
  ["ii", 2],
  ["iii", 3],
  ["iv", 4],
]);
const MAX_TEXT_LENGTH = 120;

const messages = {
  unreadable: (raw: string) =>
    `Không đọc được thời gian «${raw}»: ghi theo dạng 15/5/2025, 15-20/5/2025, Tháng 5/2025, Quý II/2025 hoặc Năm 2025`,
  noYear: (raw: string) => `Thời gian «${raw}» thiếu năm: ghi rõ năm, ví dụ Tháng 5/2025`,
  badMonth: (month: number) => `Tháng ${month} không hợp lệ (chỉ có tháng 1 đến tháng 12)`,
  badQuarter: (quarter: number) => `Quý ${quarter} không hợp lệ (chỉ có Quý I đến Quý IV)`,
  badDay: (day: number, month: number, year: number) => `Ngày ${day}/${month}/${year} không có trong lịch`,
  badYear: (year: number) => `Năm ${year} không hợp lệ`,
  endBeforeStart: (start: string, end: string) =>
    `Ngày kết thúc (${isoToVietnamese(end)}) trước ngày bắt đầu (${isoToVietnamese(start)})`,
  cellError: (code: string) => `Ô thời gian có lỗi công thức (${code}): nhập lại thời gian`,
  boolean: () => "Thời gian không thể là giá trị đúng/sai (TRUE/FALSE)",
  badNumber: (value: number) => `Số ${value} không phải là ngày, tháng hay năm hợp lệ`,
  tooLong: () => "Ô thời gian quá dài: chỉ ghi thời gian dự kiến, ví dụ Tháng 5/2025",
};

// ---------------------------------------------------------------------------------------------
// Text normalisation

/** Words that qualify a time without changing it ("dự kiến", "khoảng", "đầu", "từ ngày" …), folded. */
const FILLERS = /\b(?:du kien|khoang|trong|vao|thoi gian|thoi diem|dip|tu|ngay|het|ca|hang|giua|cuoi|dau|nua)\b/g;
const SPOKEN_QUARTERS: [RegExp, string][] = [
  [/\bquy (?:mot|nhat)\b/g, "quy i"],
  [/\bquy hai\b/g, "quy ii"],
  [/\bquy ba\b/g, "quy iii"],
  [/\bquy tu\b/g, "quy iv"],
];
/** "6 tháng đầu năm 2025", "nửa cuối năm". */
const HALF_YEAR = /\b(?:6 thang|nua) (dau|cuoi) nam(?:\s*(\d{4}))?$/;

function normalize(text: string): string {
  let s = plainLower(text)
    .replace(/\([^)]*\)/g, " ")
    .replace(/\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm|sa|ch))?\b/g, " ")
    .replace(/[–—~→]/g, "-")
    .replace(/:/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (const [spoken, roman] of SPOKEN_QUARTERS) s = s.replace(spoken, roman);
  s = s.replace(/\b(?:den|toi|to)\b/g, " - ");
  return s;
}

function stripFillers(text: string): string {
  return text
    .replace(FILLERS, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s.,;-]+|[\s.,;-]+$/g, "")
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Points

const PARTIAL_DAY = /^(\d{1,2})\s*[/.]\s*(\d{1,2})$/;
const PARTIAL_DAY_WORDS = /^(\d{1,2})\s+thang\s+(\d{1,2})$/;
const YEAR_SUFFIX = String.raw`(?:(?:\s*(?:[/.-]|,?\s*nam)\s*|\s+)(\d{4}))?`;
const MONTH = new RegExp(String.raw`^(?:thang|t)\s*\.?\s*(\d{1,2})${YEAR_SUFFIX}$`);
const MONTH_YEAR = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const QUARTER = new RegExp(String.raw`^(?:quy|q)\s*\.?\s*(iv|iii|ii|i|\d{1,2})${YEAR_SUFFIX}$`);
const YEAR = /^(?:nam\s*)?(\d{4})$/;
const BARE = new RegExp(String.raw`^(\d{1,2}|iv|iii|ii|i)${YEAR_SUFFIX}$`);

function numeral(text: string): { value: number; roman: boolean } {
  const roman = ROMAN.get(text);
  return roman !== undefined ? { value: roman, roman: true } : { value: Number(text), roman: false };
}

function optionalYear(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text);
}

/** One point as written; undefined when the text is no point at all. */
function parsePoint(text: string): Parsed {
  const s = stripFillers(text);
  if (s === "") return undefined;
  const date = parseDateText(s);
  if (date !== undefined) return "error" in date ? date : { kind: "day", ...date };
  let m = PARTIAL_DAY.exec(s) ?? PARTIAL_DAY_WORDS.exec(s);
  if (m) return { kind: "day", day: Number(m[1]), month: Number(m[2]) };
  if ((m = MONTH.exec(s))) return { kind: "month", month: Number(m[1]), year: optionalYear(m[2]) };
  if ((m = MONTH_YEAR.exec(s))) return { kind: "monthYear", month: Number(m[1]), year: Number(m[2]) };
  if ((m = QUARTER.exec(s))) return { kind: "quarter", quarter: numeral(m[1]).value, year: optionalYear(m[2]) };
  if ((m = YEAR.exec(s))) return { kind: "year", year: Number(m[1]) };
  if (s === "nam") return { kind: "year" };
  if ((m = BARE.exec(s))) {
    const { value, roman } = numeral(m[1]);
    return { kind: "bare", bare: value, roman, year: optionalYear(m[2]) };
  }
  return undefined;
}

/** A list part → one point, or two joined by a range dash ("15-20/5/2025", "15-05-2025 - 20-05-2025"). */
function parsePart(part: string): Point[] | { error: string } | undefined {
  const whole = parsePoint(part);
  if (whole !== undefined) return "error" in whole ? whole : [whole];
  for (let i = part.indexOf("-"); i >= 0; i = part.indexOf("-", i + 1)) {
    const left = parsePoint(part.slice(0, i));
    const right = parsePoint(part.slice(i + 1));
    if (left === undefined || right === undefined) continue;
    if ("error" in left) return left;
    if ("error" in right) return right;
    return [left, right];
  }
  return undefined;
}

/** A list of months or quarters ("Tháng 5, 6/2025", "Quý II hoặc Quý III"): the period spans them all. */
const LIST_SEPARATOR = /\s*(?:,|;|&|\+|\bva\b|\bhoac\b)\s*/;

interface Sequence {
  points: Point[];
  /** rangeAfter[i]: points i and i+1 are joined by a range dash (so order matters). */
  rangeAfter: boolean[];
}

function splitPoints(text: string): Sequence | { error: string } | undefined {
  const parts = text.split(LIST_SEPARATOR).filter((p) => stripFillers(p) !== "");
  const points: Point[] = [];
  const rangeAfter: boolean[] = [];
  for (const part of parts) {
    const parsed = parsePart(part);
    if (parsed === undefined || "error" in parsed) return parsed;
    if (points.length > 0) rangeAfter.push(false);
    points.push(parsed[0]);
    if (parsed.length === 2) {
      rangeAfter.push(true);
      points.push(parsed[1]);
    }
  }
  return points.length === 0 ? undefined : { points, rangeAfter };
}

// ---------------------------------------------------------------------------------------------
// Filling in and resolving

const STRONG_KINDS: Kind[] = ["day", "month", "quarter", "year"];

/** Bare numbers and "5/2025" take the kind of the nearest explicit point, left first. */
function assignKinds(points: Point[]): void {
  const strong = points.map((p) => (STRONG_KINDS.includes(p.kind) ? p.kind : undefined));
  points.forEach((point, i) => {
    if (strong[i] !== undefined) return;
    let kind: Kind | undefined;
    for (let j = i - 1; j >= 0 && kind === undefined; j--) kind = strong[j];
    for (let j = i + 1; j < points.length && kind === undefined; j++) kind = strong[j];
    kind ??= point.kind === "monthYear" || !point.roman ? "month" : "quarter";
    if (point.kind === "monthYear") {
      if (kind === "quarter") Object.assign(point, { kind, quarter: point.month, month: undefined });
      else point.kind = kind === "day" ? "month" : kind;
      return;
    }
    const value = point.bare;
    point.kind = kind;
    if (kind === "day") point.day = value;
    else if (kind === "month") point.month = value;
    else if (kind === "quarter") point.quarter = value;
  });
}

/** First month a point covers, to see whether a range crosses New Year ("28/12-3/1/2026"). */
function firstMonth(point: Point): number {
  if (point.kind === "quarter") return (point.quarter ?? 0) * 3 - 2;
  return point.month ?? 0;
}

/**
 * A range whose left end lies later in the year than its right end crosses New Year only when the
 * wrap is short ("Tháng 11 - 2/2026", "28/12-3/1/2026"); "25/5-20/5/2025" is an end before its start.
 */
const MAX_NEW_YEAR_WRAP_MONTHS = 3;

function crossesNewYear(point: Point, next: Point): boolean {
  if (point.kind !== next.kind || point.kind === "year") return false;
  const from = firstMonth(point);
  const to = firstMonth(next);
  return from > to && to + 12 - from <= MAX_NEW_YEAR_WRAP_MONTHS;
}

/** Years (and the month of day points) come from the point to the right; the last from the plan year. */
function fillFromRight(points: Point[], planYear: number | undefined): "noYear" | "unreadable" | undefined {
  for (let i = points.length - 1; i >= 0; i--) {
    const point = points[i];
    const next = points[i + 1];
    if (point.kind === "day" && point.month === undefined) {
      if (next?.kind !== "day" || next.month === undefined) return "unreadable";
      point.month = next.month;
    }
    if (point.year !== undefined) continue;
    if (next === undefined) {
      if (planYear === undefined) return "noYear";
      point.year = planYear;
    } else {
      point.year = (next.year as number) - (crossesNewYear(point, next) ? 1 : 0);
    }
  }
  return undefined;
}

interface Span {
  start: string;
  end: string;
  precision: Precision;
}

function toSpan(point: Point): Span | { error: string } {
  const year = point.year as number;
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return { error: messages.badYear(year) };
  switch (point.kind) {
    case "day": {
      const day = point.day as number;
      const month = point.month as number;
      if (!isRealDate(year, month, day)) return { error: messages.badDay(day, month, year) };
      const iso = toIso(year, month, day);
      return { start: iso, end: iso, precision: "day" };
    }
    case "month": {
      const month = point.month as number;
      if (month < 1 || month > 12) return { error: messages.badMonth(month) };
      return { start: toIso(year, month, 1), end: toIso(year, month, daysInMonth(year, month)), precision: "month" };
    }
    case "quarter": {
      const quarter = point.quarter as number;
      if (quarter < 1 || quarter > 4) return { error: messages.badQuarter(quarter) };
      const last = quarter * 3;
      return { start: toIso(year, last - 2, 1), end: toIso(year, last, daysInMonth(year, last)), precision: "quarter" };
    }
    default:
      return { start: toIso(year, 1, 1), end: toIso(year, 12, 31), precision: "year" };
  }
}

function combine(spans: Span[], rangeAfter: boolean[]): PeriodResult {
  const precision = spans.reduce<Precision>(
    (coarsest, span) => (PRECISION_ORDER.indexOf(span.precision) > PRECISION_ORDER.indexOf(coarsest) ? span.precision : coarsest),
    "day",
  );
  for (let i = 0; i < rangeAfter.length; i++) {
    if (rangeAfter[i] && spans[i].start > spans[i + 1].end) {
      const period = { start: spans[0].start, end: spans[spans.length - 1].end, precision };
      return { period, error: messages.endBeforeStart(spans[i].start, spans[i + 1].end) };
    }
  }
  const start = spans.map((s) => s.start).reduce((a, b) => (b < a ? b : a));
  const end = spans.map((s) => s.end).reduce((a, b) => (b > a ? b : a));
  return { period: { start, end, precision } };
}

// ---------------------------------------------------------------------------------------------
// Occasions and parts of the year ("Dịp Tết Nguyên đán 2026", "cuối năm 2026")

/** Words before an occasion that do not change it ("dự kiến vào dịp", "nhân dịp lễ"); "trước/sau Tết" is no time. */
const OCCASION_LEAD = /^(?:(?:du kien|khoang|vao|trong|nhan|dip|le|cac ngay|ngay)\s+)*/;
const YEAR_TAIL = String.raw`(?:\s*(?:[/.-]|,)?\s*(?:nam\s+)?(\d{4}))?$`;

type Occasion = (year: number) => { start: string; end: string; precision: Precision } | undefined;

/** The Tết Nguyên đán days off of that year (with their nghỉ bù), from the calendar module. */
const tetDays: Occasion = (year) => {
  const days = computedDaysOff(year)
    .filter((day) => day.name.startsWith("Tết Nguyên đán"))
    .map((day) => day.date);
  if (days.length === 0) return undefined;
  // Coarse: the unit named the holiday season, not the days of the trip.
  return { start: days[0], end: days[days.length - 1], precision: "month" };
};

function lunarDay(month: number, day: number): Occasion {
  return (year) => {
    const iso = lunarToSolar({ year, month, day, leap: false });
    return iso === undefined ? undefined : { start: iso, end: iso, precision: "day" };
  };
}

const OCCASIONS: { pattern: RegExp; period: Occasion }[] = [
  { pattern: new RegExp(`^tet (?:duong lich|tay)${YEAR_TAIL}`), period: (year) => ({ start: toIso(year, 1, 1), end: toIso(year, 1, 1), precision: "day" }) },
  { pattern: new RegExp(`^tet(?: (?:nguyen dan|am lich|co truyen|ta))?${YEAR_TAIL}`), period: tetDays },
  { pattern: new RegExp(`^(?:tet )?trung thu${YEAR_TAIL}`), period: lunarDay(8, 15) },
  { pattern: new RegExp(`^gio to hung vuong${YEAR_TAIL}`), period: lunarDay(3, 10) },
  { pattern: new RegExp(`^quoc khanh${YEAR_TAIL}`), period: (year) => ({ start: toIso(year, 9, 2), end: toIso(year, 9, 2), precision: "day" }) },
];

/** "Đầu năm" = the first quarter, "giữa năm" = May to August, "cuối năm" = the last quarter (coarse). */
const PART_OF_YEAR = new RegExp(`^(dau|giua|cuoi) nam${YEAR_TAIL}`);
const PART_MONTHS: ReadonlyMap<string, [number, number]> = new Map([
  ["dau", [1, 3]],
  ["giua", [5, 8]],
  ["cuoi", [10, 12]],
]);

function occasionPeriod(normal: string, raw: string, planYear: number | undefined): PeriodResult | undefined {
  const text = normal.replace(OCCASION_LEAD, "");
  const part = PART_OF_YEAR.exec(text);
  if (part) {
    const year = part[2] !== undefined ? Number(part[2]) : planYear;
    if (year === undefined) return { error: messages.noYear(raw) };
    const [first, last] = PART_MONTHS.get(part[1]) ?? [1, 12];
    return { period: { start: toIso(year, first, 1), end: toIso(year, last, daysInMonth(year, last)), precision: "quarter" } };
  }
  for (const occasion of OCCASIONS) {
    const match = occasion.pattern.exec(text);
    if (!match) continue;
    const year = match[1] !== undefined ? Number(match[1]) : planYear;
    if (year === undefined) return { error: messages.noYear(raw) };
    if (year < 1900 || year > 2199) return { error: messages.badYear(year) };
    const period = occasion.period(year);
    return period ? { period } : { error: messages.unreadable(raw) };
  }
  return undefined;
}

function parsePeriodText(text: string, planYear: number | undefined): PeriodResult {
  const raw = text.replace(/\s+/g, " ").trim();
  if (raw === "") return {};
  if (raw.length > MAX_TEXT_LENGTH) return { error: messages.tooLong() };
  const normal = normalize(raw);

  const occasion = occasionPeriod(normal, raw, planYear);
  if (occasion) return occasion;

  const half = HALF_YEAR.exec(normal);
  if (half && stripFillers(normal.replace(half[0], "")) === "") {
    const year = half[2] !== undefined ? Number(half[2]) : planYear;
    if (year === undefined) return { error: messages.noYear(raw) };
    const first = half[1] === "dau" ? 1 : 7;
    return { period: { start: toIso(year, first, 1), end: toIso(year, first + 5, daysInMonth(year, first + 5)), precision: "month" } };
  }

  const sequence = splitPoints(normal);
  if (sequence === undefined) return { error: messages.unreadable(raw) };
  if ("error" in sequence) return { error: sequence.error };
  const { points, rangeAfter } = sequence;
  assignKinds(points);
  const missing = fillFromRight(points, planYear);
  if (missing) return { error: missing === "noYear" ? messages.noYear(raw) : messages.unreadable(raw) };
  const spans: Span[] = [];
  for (const point of points) {
    const span = toSpan(point);
    if ("error" in span) return { error: span.error };
    spans.push(span);
  }
  return combine(spans, rangeAfter);
}

/** Memo key "planYear|text": the same text recurs across rows and units. */
const memoPeriodText = memoize((key: string) => {
  const bar = key.indexOf("|");
  const year = key.slice(0, bar);
  return parsePeriodText(key.slice(bar + 1), year === "" ? undefined : Number(year));
});

function copy(result: PeriodResult): PeriodResult {
  return result.period ? { ...result, period: { ...result.period } } : { ...result };
}

function dayPeriod(iso: string): PeriodResult {
  return { period: { start: iso, end: iso, precision: "day" } };
}

function parsePeriodNumber(value: number, planYear: number | undefined): PeriodResult {
  if (!Number.isFinite(value)) return { error: messages.badNumber(value) };
  // A bare 1..12 in a "Tháng/Quý" column is a month; 1900..2100 is a year (as serials both would be
  // days of 1900-1905, which no plan means).
  if (Number.isInteger(value) && value >= 1 && value <= 12) {
    if (planYear === undefined) return { error: messages.noYear(String(value)) };
    return { period: { start: toIso(planYear, value, 1), end: toIso(planYear, value, daysInMonth(planYear, value)), precision: "month" } };
  }
  if (Number.isInteger(value) && value >= 1900 && value <= 2100) {
    return { period: { start: toIso(value, 1, 1), end: toIso(value, 12, 31), precision: "year" } };
  }
  const iso = serialToIso(value);
  return iso === undefined ? { error: messages.badNumber(value) } : dayPeriod(iso);
}

/**
 * A period cell → `{ period }`, `{ error }` (Vietnamese), `{ period, error }` when it was read but is
 * inconsistent (end before start), or `{}` when the cell is empty. `planYear` supplies a missing year.
 */
export function parsePeriod(value: CellValue, planYear?: number): PeriodResult {
  if (value === null || value === undefined) return {};
  if (value instanceof Date) {
    const iso = dateObjectToIso(value);
    return iso === undefined ? { error: messages.unreadable(String(value)) } : dayPeriod(iso);
  }
  if (typeof value === "number") return parsePeriodNumber(value, planYear);
  if (typeof value === "boolean") return { error: messages.boolean() };
  if (isCellError(value)) return { error: messages.cellError(value.error) };
  if (typeof value === "string") return copy(memoPeriodText(`${planYear ?? ""}|${value}`));
  return { error: messages.unreadable(String(value)) };
}
