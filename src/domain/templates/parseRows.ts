/**
 * Turns the data rows of a recognised sheet into Delegations: where each field came from (`cells`),
 * what the unit wrote (`raw`) and the typed values read by the value parsers (src/domain/values).
 * Cell values are never changed; what cannot be read stays in `raw` (and `periodError`) for the rules.
 */
import type { CellRef, CountryMatch, Delegation, FieldId, Period, TripStop } from "../model";
import { tidy, fold } from "../text";
import { isCellError, type CellValue, type SheetGrid } from "../../workbook/types";
import { matchFunding, matchRole, parseCountries, parseCountryStops, parseDateCell, parseMembers, parsePeriod, splitLeader } from "../values";
import { datePrecisionOfFormat, daysInMonth } from "../values/dates";
import { PLAN_STATUS } from "../lists/planStatus";
import { plainLower } from "../values/textKeys";
import { formatDate, GridReader } from "./grid";
import type { RecognizedTemplate } from "./types";

export interface ParseOptions {
  /** Plan year for times written without one ("Tháng 5"), when the sheet's title names none. */
  year?: number;
}

/** Fields stored as tidied text on the Delegation under the same name. */
const TEXT_FIELDS = ["name", "composition", "purpose", "inviter", "unit", "notes", "host", "receivingLeader", "venue", "locality", "activity", "partner", "form"] as const;

export function parseSheet(grid: SheetGrid, recognition: RecognizedTemplate, file?: string, options: ParseOptions = {}): Delegation[] {
  const sheet = new GridReader(grid);
  const columns = Object.entries(recognition.columns).filter((entry): entry is [FieldId, number] => typeof entry[1] === "number");
  if (columns.length === 0) return [];
  const firstColumn = Math.min(...columns.map(([, column]) => column));
  const planYear = recognition.titleYear ?? options.year;
  const planStatusReader = planStatusReaderFor(recognition.fieldHeaders?.planStatus);
  // "Số ngày/nước", "Số ngày mỗi nước": the days column counts one country, not the whole trip.
  const perCountryDays = /\b(?:ngay nuoc|moi nuoc|ngay 1 nuoc|ngay mot nuoc)\b/.test(fold(recognition.fieldHeaders?.days ?? ""));

  /** Each row's stops (countries with their own days or dates), joined when rows make one trip. */
  const stopsOf = new Map<Delegation, TripStop[]>();
  const rows = recognition.dataRows.map(({ row, section }) => {
    const cells: Record<string, CellRef> = {};
    const raw: Record<string, string> = {};
    const values: Partial<Record<FieldId, CellValue>> = {};
    /** How precisely each date cell is shown (its number format): "9/2026" typed and turned into a date is a month. */
    const shown: Partial<Record<FieldId, DatePrecision>> = {};
    for (const [field, column] of columns) {
      const source = sourceCell(sheet, recognition.headerRow, row, column);
      const value = sheet.value(source.row, source.column);
      cells[field] = source;
      values[field] = value;
      const precision = datePrecisionOfFormat(sheet.dateFormat(source.row, source.column));
      if (precision !== "day") shown[field] = precision;
      const written = rawText(value, precision);
      if (written !== "") raw[field] = written;
    }

    const delegation: Delegation = {
      id: `${file ? `${file}|` : ""}${recognition.sheet}!${row}`,
      kind: recognition.kind,
      sheet: recognition.sheet,
      row,
      firstColumn,
      cells,
      raw,
      countries: [],
    };
    if (file !== undefined) delegation.file = file;
    if (section) delegation.section = { ...section };

    const text = (field: FieldId) => typedText(values[field]);
    assign(delegation, "seq", text("seq"));
    for (const field of TEXT_FIELDS) assign(delegation, field, text(field));
    if (delegation.unit === undefined && recognition.unitName) delegation.unit = recognition.unitName;

    // Leader and countries keep the cell's line breaks (Alt+Enter): they separate a name from a role
    // ("Đ/c Nguyễn Văn A⏎Phó Chủ tịch UBND huyện") and one country from the next ("Pháp⏎Đức").
    readLeader(delegation, multilineText(values.leader), text("leaderRole"));

    if (!isBlankValue(values.members)) {
      const members = parseMembers(values.members ?? null);
      assign(delegation, "members", members.members);
      assign(delegation, "membersLeaders", members.leaders);
    }

    const countries = multilineText(values.countries);
    const writtenStops = countries ? parseCountryStops(countries) : undefined;
    if (writtenStops) delegation.countries = uniqueCountries(writtenStops.flatMap((stop) => stop.countries));
    else if (countries) delegation.countries = parseCountries(countries);

    readPeriod(delegation, values, planYear, shown);
    assign(delegation, "days", nonNegative(parseNumber(values.days)));
    if (delegation.days !== undefined && perCountryDays) delegation.daysPerCountry = true;
    const stops = rowStops(delegation, writtenStops);
    if (stops.length > 0) stopsOf.set(delegation, stops);
    assign(delegation, "cost", parseNumber(values.cost));

    const funding = text("funding");
    if (funding) delegation.funding = matchFunding(funding);

    assign(delegation, "planStatus", planStatusReader(values.planStatus));
    if (columns.every(([field]) => field !== "planStatus")) statusFromText(delegation);
    return delegation;
  });
  const joined = joinContinuationRows(sheet, recognition, rows);
  const byRow = new Map(rows.map((delegation) => [delegation.row, delegation]));
  for (const delegation of joined) {
    // A trip over several rows, or one row whose countries cell gives each country its days ("Pháp (3 ngày),
    // Đức (8 ngày)"). Stops only when every row names its own countries; a single stop is the trip itself.
    const parts = [byRow.get(delegation.row), ...(delegation.continuation ?? []).map((part) => byRow.get(part.row))];
    const stops = parts.every((part) => part !== undefined && stopsOf.has(part)) ? parts.flatMap((part) => (part ? (stopsOf.get(part) ?? []) : [])) : [];
    if (stops.length > 1) delegation.stops = stops;
  }
  return joined;
}

const STOP_FIELDS = ["countries", "days", "start", "end", "period"] as const;

/**
 * A row's stops: the countries written with their own days in the cell, else the row's own countries with
 * the row's own days or dates to the day. None when the countries are not the row's own (merged from above).
 */
function rowStops(delegation: Delegation, written: ReturnType<typeof parseCountryStops>): TripStop[] {
  const countriesCell = delegation.cells.countries;
  if (!countriesCell || countriesCell.row !== delegation.row || delegation.countries.length === 0) return [];
  if (written) return written.map((stop) => ({ countries: stop.countries, days: stop.days, cells: { countries: countriesCell } }));
  const cells: Record<string, CellRef> = {};
  for (const field of STOP_FIELDS) {
    const cell = delegation.cells[field];
    if (cell && cell.row === delegation.row && delegation.raw[field] !== undefined) cells[field] = cell;
  }
  const stop: TripStop = { countries: delegation.countries, cells };
  // A row whose dates cannot be read as one period (end before start) gives its stop no dates or days:
  // period-invalid reports it, and a negative stay must not reach the per-country limit.
  const ownPeriod =
    delegation.period?.precision === "day" && delegation.periodError === undefined && (cells.start ?? cells.end ?? cells.period) !== undefined && periodDays(delegation.period) >= 1
      ? delegation.period
      : undefined;
  if (ownPeriod) stop.period = ownPeriod;
  if (delegation.days !== undefined && delegation.days >= 0 && cells.days) stop.days = delegation.daysPerCountry ? delegation.days * delegation.countries.length : delegation.days;
  else if (ownPeriod) stop.days = periodDays(ownPeriod);
  return [stop];
}

function periodDays(period: Period): number {
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((day(period.end) - day(period.start)) / 86_400_000) + 1;
}

function uniqueCountries(countries: CountryMatch[]): CountryMatch[] {
  const seen = new Set<string>();
  return countries.filter((country) => !seen.has(countryKey(country)) && seen.add(countryKey(country)) !== undefined);
}

// ---------------------------------------------------------------- one delegation over several rows

/** Cells that say which delegation a row is: blank or merged from above on a continuation row. */
const IDENTITY_FIELDS: readonly FieldId[] = ["seq", "name", "leader", "locality", "activity"];
/** What a blank-STT row may carry and still be the trip above it: one more country, its dates and days. */
const TRIP_DETAIL_FIELDS: ReadonlySet<FieldId> = new Set<FieldId>(["countries", "period", "start", "end", "days", "notes", "venue", "inviter", "cost", "partner"]);
const TRIP_KEY_FIELDS: readonly FieldId[] = ["countries", "period", "start", "end", "days"];

/**
 * Units list a multi-country trip one country per row, with the STT, name, leader and purpose merged
 * down (or left blank below the first row). Such rows are one delegation: the first row's, with the
 * countries, days, dates and notes of all rows, and `continuation` naming the other rows' cells.
 */
function joinContinuationRows(sheet: GridReader, recognition: RecognizedTemplate, rows: Delegation[]): Delegation[] {
  const identity = IDENTITY_FIELDS.map((field) => recognition.columns[field]).filter((column): column is number => column !== undefined);
  if (identity.length === 0) return rows;
  const joined: Delegation[] = [];
  let group: Delegation[] = [];
  const flush = () => {
    if (group.length > 0) joined.push(group.length === 1 ? group[0] : combine(group));
    group = [];
  };
  for (const row of rows) {
    const first = group[0];
    if (first && row.section?.label === first.section?.label && continuesTrip(sheet, recognition, identity, first.row, row)) group.push(row);
    else {
      flush();
      group.push(row);
    }
  }
  flush();
  return joined;
}

function continuesTrip(sheet: GridReader, recognition: RecognizedTemplate, identity: number[], groupFirst: number, delegation: Delegation): boolean {
  const row = delegation.row;
  if (identity.some((column) => !isBlankValue(sheet.value(row, column)))) return false;
  const mergedFromGroup = identity.some((column) => {
    const merge = sheet.mergeAt(row, column);
    return merge !== undefined && merge.top >= groupFirst && merge.top < row && merge.top > recognition.headerRow;
  });
  if (mergedFromGroup) return true;
  // Without merges: a blank STT row that carries only details of the trip above.
  let carriesTrip = false;
  for (const [field, column] of Object.entries(recognition.columns) as [FieldId, number][]) {
    if (isBlankValue(sheet.value(row, column))) continue;
    if (!TRIP_DETAIL_FIELDS.has(field)) return false;
    if (TRIP_KEY_FIELDS.includes(field)) carriesTrip = true;
  }
  return carriesTrip;
}

/** Fields of a continuation row read from its own cells (not a merge from above). */
function ownFields(delegation: Delegation): FieldId[] {
  return (Object.entries(delegation.cells) as [FieldId, CellRef][]).filter(([, cell]) => cell.row === delegation.row).map(([field]) => field);
}

function combine(group: Delegation[]): Delegation {
  const [first, ...rest] = group;
  const result: Delegation = { ...first, cells: { ...first.cells }, raw: { ...first.raw }, countries: [...first.countries] };
  result.continuation = rest.map((part) => {
    const cells: Record<string, CellRef> = {};
    for (const field of ownFields(part)) if (part.raw[field] !== undefined) cells[field] = part.cells[field];
    return { row: part.row, cells };
  });

  const seenCountries = new Set(result.countries.map(countryKey));
  const countryTexts = first.raw.countries !== undefined ? [first.raw.countries] : [];
  const noteTexts = first.raw.notes !== undefined ? [first.raw.notes] : [];
  // A "Số ngày/nước" row counts each of its countries: the joined trip's days are the total.
  const rowDays = (part: Delegation) => (part.days !== undefined && part.daysPerCountry ? part.days * Math.max(1, part.countries.length) : part.days);
  let days = rowDays(first);
  let summed = false;
  let cost = first.cost;
  for (const part of rest) {
    const own = new Set(ownFields(part));
    for (const country of own.has("countries") ? part.countries : []) {
      if (seenCountries.has(countryKey(country))) continue;
      seenCountries.add(countryKey(country));
      result.countries.push(country);
    }
    if (own.has("countries") && part.raw.countries !== undefined) {
      countryTexts.push(part.raw.countries);
      result.cells.countries ??= part.cells.countries;
    }
    if (own.has("notes") && part.raw.notes !== undefined && !noteTexts.includes(part.raw.notes)) noteTexts.push(part.raw.notes);
    if (own.has("days") && part.days !== undefined) {
      days = (days ?? 0) + (rowDays(part) ?? 0);
      summed = true;
    }
    if (own.has("cost") && part.cost !== undefined) cost = (cost ?? 0) + part.cost;
    if (part.planStatus === "out" && result.planStatus !== "out") {
      result.planStatus = "out";
      if (part.cells.planStatus) result.cells.planStatus = part.cells.planStatus;
    }
    // Text fields the first row left empty (a funding source written on the second row).
    for (const field of TEXT_FIELDS) {
      if (result[field] === undefined && part[field] !== undefined && own.has(field)) {
        result[field] = part[field];
        result.cells[field] = part.cells[field];
        if (part.raw[field] !== undefined) result.raw[field] = part.raw[field];
      }
    }
    joinPeriod(result, part, own);
  }
  if (countryTexts.length > 1) result.raw.countries = countryTexts.join("\n");
  if (noteTexts.length > 0) {
    result.raw.notes = noteTexts.join("\n");
    result.notes = noteTexts.map(tidy).join("; ");
  }
  if (summed && days !== undefined) {
    result.days = days;
    result.raw.days = String(days);
    delete result.daysPerCountry;
  }
  if (cost !== undefined) {
    result.cost = cost;
    result.raw.cost = String(cost);
  }
  return result;
}

/** The trip runs from the earliest start to the latest end of its rows, at the coarsest precision written. */
function joinPeriod(result: Delegation, part: Delegation, own: Set<FieldId>): void {
  const fields = (["period", "start", "end"] as const).filter((field) => own.has(field));
  if (fields.length === 0) return;
  if (part.periodError !== undefined && result.periodError === undefined) {
    result.periodError = part.periodError;
    for (const field of fields) result.cells[field] = part.cells[field];
  }
  if (!part.period) return;
  if (!result.period) {
    result.period = { ...part.period };
  } else {
    result.period = {
      start: part.period.start < result.period.start ? part.period.start : result.period.start,
      end: part.period.end > result.period.end ? part.period.end : result.period.end,
      precision: coarser(result.period.precision, part.period.precision),
    };
  }
  // The return is the last row's (the master writes it from `raw`); findings stay on the first row's cells.
  if (own.has("end") && part.period.end === result.period.end && part.raw.end !== undefined) result.raw.end = part.raw.end;
}

function countryKey(country: Delegation["countries"][number]): string {
  return country.code ?? `?${fold(country.name)}`;
}

function assign<K extends keyof Delegation>(delegation: Delegation, key: K, value: Delegation[K] | undefined): void {
  if (value !== undefined) delegation[key] = value;
}

/**
 * The cell a field's value comes from: the cell itself, or, when it is covered by a cell merged
 * down over several delegations (one funding source for three rows), the top cell of that merge.
 */
function sourceCell(sheet: GridReader, headerRow: number, row: number, column: number): CellRef {
  if (!isBlankValue(sheet.value(row, column))) return { row, column };
  const merge = sheet.mergeAt(row, column);
  if (merge && merge.left === column && merge.top < row && merge.top > headerRow && sheet.contains(merge.top, column)) return { row: merge.top, column };
  return { row, column };
}

function isBlankValue(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

type DatePrecision = "day" | "month" | "year";

/**
 * The text as written: strings trimmed (line breaks kept), dates dd/mm/yyyy (mm/yyyy or yyyy when the
 * cell shows only the month or year), errors "#REF!".
 */
function rawText(value: CellValue | undefined, shown: DatePrecision = "day"): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (shown !== "day" && (value instanceof Date || typeof value === "number")) {
    const iso = parseDateCell(value);
    if (iso) return shown === "month" ? `${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso.slice(0, 4);
  }
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return formatDate(value);
  if (isCellError(value)) return value.error;
  return "";
}

/** A field's value as one line of text; formula errors are not values. */
function typedText(value: CellValue | undefined): string | undefined {
  if (value === undefined || value === null || isCellError(value)) return undefined;
  const text = tidy(rawText(value));
  return text === "" ? undefined : text;
}

/** A field's value as text with its line breaks kept (each line tidied); formula errors are not values. */
function multilineText(value: CellValue | undefined): string | undefined {
  if (value === undefined || value === null || isCellError(value)) return undefined;
  const text = rawText(value)
    .split(/\r\n|\r|\n|\u2028/)
    .map(tidy)
    .filter((line) => line !== "")
    .join("\n");
  return text === "" ? undefined : text;
}

/** Leader and role from one cell ("Nguyễn Văn A - PCT UBND TP") or two. */
function readLeader(delegation: Delegation, leaderText: string | undefined, roleText: string | undefined): void {
  let roleWritten = roleText;
  if (leaderText) {
    const parts = splitLeader(leaderText);
    assign(delegation, "leaderName", parts.name);
    if (!roleWritten && parts.role) roleWritten = parts.role;
  }
  if (roleWritten) delegation.leaderRole = matchRole(roleWritten) ?? { raw: roleWritten, cityLeader: false, keyLeader: false };
}

const PRECISION_ORDER: Period["precision"][] = ["day", "month", "quarter", "year"];

function coarser(a: Period["precision"], b: Period["precision"]): Period["precision"] {
  return PRECISION_ORDER.indexOf(a) >= PRECISION_ORDER.indexOf(b) ? a : b;
}

/** A date as precisely as its cell shows it: the day, its whole month ("9/2026"), or its whole year. */
function shownPeriod(iso: string, shown: DatePrecision): Period {
  if (shown === "day") return { start: iso, end: iso, precision: "day" };
  const year = Number(iso.slice(0, 4));
  if (shown === "year") return { start: `${year}-01-01`, end: `${year}-12-31`, precision: "year" };
  const month = Number(iso.slice(5, 7));
  return { start: `${iso.slice(0, 7)}-01`, end: `${iso.slice(0, 7)}-${String(daysInMonth(year, month)).padStart(2, "0")}`, precision: "month" };
}

/** A start or end cell: an exact date, or failing that a coarser time ("Tháng 10/2026"). */
function readBoundary(value: CellValue | undefined, planYear: number | undefined, shown: DatePrecision = "day"): { period?: Period; error?: string } {
  if (isBlankValue(value)) return {};
  const iso = parseDateCell(value ?? null);
  if (iso) return { period: shownPeriod(iso, shown) };
  return parsePeriod(value ?? null, planYear);
}

/** The period from a "Thời gian" column, from "Từ ngày | Đến ngày" columns, or both (the dates win). */
function readPeriod(delegation: Delegation, values: Partial<Record<FieldId, CellValue>>, planYear: number | undefined, shown: Partial<Record<FieldId, DatePrecision>> = {}): void {
  /** Why the start/end columns could not be read. */
  const errors: string[] = [];
  let fromBoundaries: Period | undefined;
  const hasStart = !isBlankValue(values.start);
  const hasEnd = !isBlankValue(values.end);
  if (hasStart || hasEnd) {
    const start = readBoundary(values.start, planYear, shown.start);
    const end = readBoundary(values.end, planYear, shown.end);
    if (hasStart && !start.period) errors.push(`Ngày bắt đầu: ${start.error ?? `không đọc được «${rawText(values.start)}»`}`);
    if (hasEnd && !end.period) errors.push(`Ngày kết thúc: ${end.error ?? `không đọc được «${rawText(values.end)}»`}`);
    if (start.period && end.period) {
      fromBoundaries = { start: start.period.start, end: end.period.end, precision: coarser(start.period.precision, end.period.precision) };
    } else if (start.period && !hasEnd) {
      fromBoundaries = start.period;
    } else if (end.period && !hasStart) {
      errors.push("Có ngày kết thúc nhưng thiếu ngày bắt đầu");
    }
  }

  let fromPeriod: Period | undefined;
  let periodColumnError: string | undefined;
  const periodDate = shown.period !== undefined && !isBlankValue(values.period) ? parseDateCell(values.period ?? null) : undefined;
  if (periodDate) {
    fromPeriod = shownPeriod(periodDate, shown.period ?? "day");
  } else if (!isBlankValue(values.period)) {
    const result = parsePeriod(values.period ?? null, planYear);
    fromPeriod = result.period;
    periodColumnError = result.error;
  }

  // Exact dates win over a "Thời gian" text; a time read from either makes the other's
  // unreadable text harmless. Without any period, the first reason is kept for the rules.
  if (fromBoundaries) {
    delegation.period = fromBoundaries;
    if (fromBoundaries.end < fromBoundaries.start) {
      delegation.periodError = `Ngày kết thúc (${isoToText(fromBoundaries.end)}) trước ngày bắt đầu (${isoToText(fromBoundaries.start)})`;
    }
  } else if (fromPeriod) {
    delegation.period = fromPeriod;
    if (periodColumnError) delegation.periodError = periodColumnError;
  } else {
    const reason = errors[0] ?? periodColumnError;
    if (reason) delegation.periodError = reason;
  }
}

function isoToText(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

/**
 * A number as units type it: 350, "350", "1.500" (thousands), "1,5" (decimal), "200 triệu", "5 ngày".
 * The first number in the text; undefined when there is none.
 */
export function parseNumber(value: CellValue | undefined): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const match = /\d[\d.,\s]*\d|\d/.exec(value.replace(/\u00a0/g, " "));
  if (!match) return undefined;
  let digits = match[0].replace(/\s/g, "");
  const hasDot = digits.includes(".");
  const hasComma = digits.includes(",");
  if (hasDot && hasComma) {
    // The separator that comes last is the decimal one: "1.500,5" or "1,500.5".
    const decimal = digits.lastIndexOf(",") > digits.lastIndexOf(".") ? "," : ".";
    const thousands = decimal === "," ? "." : ",";
    digits = digits.split(thousands).join("").replace(decimal, ".");
  } else if (hasDot || hasComma) {
    const separator = hasDot ? "." : ",";
    const groups = digits.split(separator);
    const thousandsGroups = groups.length > 1 && groups.slice(1).every((g) => g.length === 3);
    digits = thousandsGroups ? groups.join("") : groups.length === 2 ? `${groups[0]}.${groups[1]}` : groups[0];
  }
  const number = Number(digits);
  return Number.isFinite(number) ? number : undefined;
}

function nonNegative(value: number | undefined): number | undefined {
  return value === undefined || value < 0 ? undefined : value;
}

const OUT_WORDS = ["ngoai", "phat sinh", "nkh"];

/**
 * Reads the plan-status column. A column headed "Trong/ngoài kế hoạch" holds the status as text;
 * a column headed "Phát sinh" / "Ngoài kế hoạch" is a flag: any mark ("x", "có", 1) means out of plan.
 */
function planStatusReaderFor(header: string | undefined): (value: CellValue | undefined) => "in" | "out" | undefined {
  const folded = ` ${fold(header ?? "")} `;
  const namesOut = OUT_WORDS.some((w) => folded.includes(` ${w} `) || folded.includes(` ${w}`));
  const namesIn = folded.includes(" trong ");
  if (header !== undefined && namesOut && !namesIn) return (value) => (isMark(value) ? "out" : undefined);
  return (value) => {
    const text = typedText(value);
    if (!text) return undefined;
    const valueFolded = fold(text);
    if (OUT_WORDS.some((w) => ` ${valueFolded} `.includes(` ${w} `)) || valueFolded.includes("ngoai")) return "out";
    if (valueFolded.includes("trong")) return "in";
    for (const status of PLAN_STATUS) if ([status.name, ...status.aliases].some((a) => fold(a) === valueFolded)) return status.id;
    return undefined;
  };
}

/**
 * Without a status column, units write the status in the notes ("Phát sinh", "Ngoài KH", "Đoàn phát
 * sinh, bổ sung ngoài kế hoạch") or in the purpose or name. Read from the first of those that says it;
 * the finding then points at that cell. "Trong kế hoạch" says in-plan; a negation ("không phát sinh")
 * or a cost that "phát sinh" ("chi phí phát sinh") says nothing.
 */
const STATUS_SOURCES = ["notes", "purpose", "name"] as const;
const OUT_OF_PLAN = /(?:^|[^a-z]{1})(?:(?:bo sung )?ngoai (?:ke hoach|kh)|nkh|(?:doan )?phat sinh)(?=$|[^a-z])/;
const IN_PLAN = /(?:^|[^a-z])(?:trong (?:ke hoach|kh)|tkh)(?=$|[^a-z])/;
/** "Chưa có trong kế hoạch", "không nằm trong kế hoạch": out of plan. */
const NOT_IN_BEFORE = /(?:khong|chua)(?: co| nam| thuoc)?\s*$/;
const NEGATION_BEFORE = /(?:khong|chua|khong phai|khong co|chi phi|kinh phi|van de|neu|truong hop)\s*$/;

const STATUS_WORDS = /ngoai|nkh|phat|trong|tkh/;

export function planStatusInText(text: string): "in" | "out" | undefined {
  // Clause by clause, so "trong kế hoạch" in one clause does not hide "phát sinh" negated in another.
  const lower = plainLower(text);
  // Both patterns need one of these words (most texts hold none): the clauses are only split when one is there.
  if (!STATUS_WORDS.test(lower)) return undefined;
  for (const clause of lower.split(/[.;,\n()\-–:]+/)) {
    const words = clause.replace(/[^a-z0-9]+/g, " ").trim();
    if (words === "") continue;
    const out = OUT_OF_PLAN.exec(words);
    if (out && !NEGATION_BEFORE.test(words.slice(0, out.index + (out[0].startsWith(" ") ? 1 : 0)))) return "out";
    const inPlan = IN_PLAN.exec(words);
    if (inPlan) return NOT_IN_BEFORE.test(words.slice(0, inPlan.index + 1)) ? "out" : "in";
  }
  return undefined;
}

function statusFromText(delegation: Delegation): void {
  for (const field of STATUS_SOURCES) {
    const text = delegation.raw[field];
    if (text === undefined) continue;
    const status = planStatusInText(text);
    if (status === undefined) continue;
    delegation.planStatus = status;
    const cell = delegation.cells[field];
    if (cell) delegation.cells.planStatus = cell;
    return;
  }
}

/** A filled flag cell: "x", "X", "✓", "có", 1, TRUE (but not "không", 0, FALSE). */
function isMark(value: CellValue | undefined): boolean {
  if (value === null || value === undefined || isCellError(value)) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (value instanceof Date) return true;
  const folded = fold(value);
  if (folded === "" && value.trim() === "") return false;
  return !["khong", "0", "false", "no"].includes(folded);
}
