import fc from "fast-check";
import * as values from "../../../src/domain/values";
import { isRealDate, toIso } from "../../../src/domain/values/dates";
import type { CellValue } from "../../../src/workbook/types";

const { matchCountry, matchFunding, matchRole, parseCountries, parseDateCell, parseMembers, parsePeriod, splitLeader, standardCountryNames } = values;

const RUNS = { numRuns: 300 };

/** Pieces units really type, so that random text often looks like a cell and reaches deep branches. */
const FRAGMENTS = [
  "Nhật Bản", "Hàn Quốc", "Hoa Kỳ", "Ô-xtrây-li-a", "Cam-pu-chia", "Lào", "(", ")", ",", ";", "-", " - ", "–", "/", "và", "\n",
  "Tháng", "Quý", "II", "T5", "năm", "từ", "đến", "15", "5", "2025", "31/4", "12", "0", "-", ".", "Đ/c", "Ông", "PCT", "UBND",
  "TP", "xã", "Phó", "Giám đốc", "Sở", "Nguyễn Văn A", "người", "LĐ", "gồm", "đài thọ", "Doanh nghiệp", "Phía", "ngân sách", " ",
];

const cellLikeText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join(""));
const anyText = fc.oneof(fc.string(), fc.string({ unit: "grapheme", maxLength: 40 }), cellLikeText);
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  anyText,
  fc.double(),
  fc.integer({ min: -10, max: 3_000_000 }),
  fc.date({ noInvalidDate: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom({ error: "#REF!" }, { error: "#N/A" }, { error: "#VALUE!" }),
);

const isIso = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
};

describe("properties: nothing throws", () => {
  it("cell parsers accept any cell value", () => {
    fc.assert(
      fc.property(anyCell, fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: undefined }), (value, planYear) => {
        parsePeriod(value, planYear);
        parseMembers(value);
        parseDateCell(value);
      }),
      RUNS,
    );
  });

  it("text parsers accept any text, and any value handed over by mistake", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, anyCell as fc.Arbitrary<unknown>), (value) => {
        const text = value as string;
        matchCountry(text);
        parseCountries(text);
        matchRole(text);
        splitLeader(text);
        matchFunding(text);
      }),
      RUNS,
    );
  });
});

describe("properties: countries", () => {
  it("parseCountries never returns an empty name nor the same country twice", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const found = parseCountries(text);
        for (const country of found) expect(country.name.trim()).not.toBe("");
        const keys = found.map((c) => c.code ?? c.name);
        expect(new Set(keys).size).toBe(keys.length);
        for (const country of found) expect(country.known).toBe(country.code !== undefined);
      }),
      RUNS,
    );
  });

  it("a list of standard names joined by any separator reads back as those countries", () => {
    const names = standardCountryNames();
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(", ", "; ", "\n", " - ", " và ", " / ", " + "),
        (chosen, separator) => {
          expect(parseCountries(chosen.join(separator)).map((c) => c.name)).toEqual(chosen);
        },
      ),
      RUNS,
    );
  });
});

describe("properties: periods", () => {
  it("a period without an error has real ISO dates and start <= end", () => {
    fc.assert(
      fc.property(anyCell, fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: undefined }), (value, planYear) => {
        const { period, error } = parsePeriod(value, planYear);
        if (period === undefined) return;
        expect(isIso(period.start)).toBe(true);
        expect(isIso(period.end)).toBe(true);
        if (error === undefined) expect(period.start <= period.end).toBe(true);
        else expect(period.start > period.end).toBe(true);
      }),
      RUNS,
    );
  });

  const realDate = fc
    .record({ year: fc.integer({ min: 1000, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .filter(({ year, month, day }) => isRealDate(year, month, day));

  it("any real date written d/m/yyyy, dd-mm-yyyy or yyyy-mm-dd reads as that day", () => {
    fc.assert(
      fc.property(realDate, fc.constantFrom("/", "-", "."), fc.boolean(), ({ year, month, day }, separator, pad) => {
        const two = (n: number) => (pad ? String(n).padStart(2, "0") : String(n));
        const iso = toIso(year, month, day);
        const text = `${two(day)}${separator}${two(month)}${separator}${year}`;
        expect(parsePeriod(text)).toEqual({ period: { start: iso, end: iso, precision: "day" } });
        expect(parseDateCell(text)).toBe(iso);
        expect(parseDateCell(iso)).toBe(iso);
        expect(parseDateCell(new Date(Date.UTC(year, month - 1, day)))).toBe(iso);
      }),
      RUNS,
    );
  });

  it("a day range d1-d2/m/yyyy covers exactly d1..d2 or says the end is before the start", () => {
    fc.assert(
      fc.property(realDate, fc.integer({ min: 1, max: 28 }), ({ year, month, day }, other) => {
        const result = parsePeriod(`${other}-${day}/${month}/${year}`);
        const start = toIso(year, month, other);
        const end = toIso(year, month, day);
        if (other <= day) expect(result).toEqual({ period: { start, end, precision: "day" } });
        else expect(result).toEqual({ period: { start, end, precision: "day" }, error: expect.stringContaining("trước ngày bắt đầu") });
      }),
      RUNS,
    );
  });

  it("month and quarter texts cover whole months inside their year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const byMonth = parsePeriod(`Tháng ${month}/${year}`).period;
        expect(byMonth?.start).toBe(toIso(year, month, 1));
        expect(byMonth?.end.slice(0, 7)).toBe(toIso(year, month, 1).slice(0, 7));
        const quarter = Math.ceil(month / 3);
        const byQuarter = parsePeriod(`Quý ${["I", "II", "III", "IV"][quarter - 1]}/${year}`).period;
        expect(byQuarter).toMatchObject({ precision: "quarter" });
        expect(byQuarter && byQuarter.start <= toIso(year, month, 1) && byQuarter.end >= toIso(year, month, 28)).toBe(true);
      }),
      RUNS,
    );
  });

  it("serials and the Dates they stand for give the same day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), (serial) => {
        const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
        expect(parseDateCell(serial)).toBe(parseDateCell(date));
      }),
      RUNS,
    );
  });
});

describe("properties: members", () => {
  it("any positive count, as a number or as text with a unit, reads back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.constantFrom("", " người", " thành viên", " đồng chí"), fc.boolean(), (n, unit, pad) => {
        const text = `${pad ? String(n).padStart(2, "0") : n}${unit}`;
        expect(parseMembers(text)).toEqual({ members: n });
        expect(parseMembers(n)).toEqual({ members: n });
      }),
      RUNS,
    );
  });

  it("returns either a positive integer count or an error", () => {
    fc.assert(
      fc.property(anyCell, (value) => {
        const { members, error } = parseMembers(value);
        if (members !== undefined) expect(Number.isInteger(members) && members > 0).toBe(true);
        else if (value !== null && !(typeof value === "string" && value.trim() === "")) expect(error).toEqual(expect.any(String));
      }),
      RUNS,
    );
  });
});

describe("properties: deterministic", () => {
  it("the same input gives the same result, with or without the memo of an earlier call", () => {
    let fresh: typeof values | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      fresh = require("../../../src/domain/values") as typeof values;
    });
    const other = fresh as typeof values;
    fc.assert(
      fc.property(anyText, anyCell, (text, cell) => {
        expect(parseCountries(text)).toEqual(parseCountries(text));
        expect(other.parseCountries(text)).toEqual(parseCountries(text));
        expect(other.matchRole(text)).toEqual(matchRole(text));
        expect(other.splitLeader(text)).toEqual(splitLeader(text));
        expect(other.matchFunding(text)).toEqual(matchFunding(text));
        expect(other.parsePeriod(cell, 2025)).toEqual(parsePeriod(cell, 2025));
        expect(other.parseMembers(cell)).toEqual(parseMembers(cell));
      }),
      RUNS,
    );
  });

  it("results are copies: changing one does not change the next answer", () => {
    const first = matchCountry("Nhật Bản");
    first.name = "changed";
    expect(matchCountry("Nhật Bản").name).toBe("Nhật Bản");
    const role = matchRole("PCT UBND TP");
    if (role) role.cityLeader = false;
    expect(matchRole("PCT UBND TP")?.cityLeader).toBe(true);
  });
});
