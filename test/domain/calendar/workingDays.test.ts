import fc from "fast-check";
import {
  OFFICIAL_DAYS_OFF,
  addCalendarDays,
  addWorkingDays,
  computedDaysOff,
  daysOffOf,
  dueDate,
  isWorkingDay,
  isIsoDate,
  formatVietnameseDate,
} from "../../../src/domain/calendar";

const DAY = 86_400_000;
const isoOfDayNumber = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
const dayNumberOfIso = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
function range(first: string, last: string): string[] {
  const days: string[] = [];
  for (let n = dayNumberOfIso(first); n <= dayNumberOfIso(last); n++) days.push(isoOfDayNumber(n));
  return days;
}

describe("the DOMAIN.md example", () => {
  it("re-entry Friday 13/2/2026 → passports due Friday 27/2/2026 (5 working days)", () => {
    expect(addWorkingDays("2026-02-13", 5)).toBe("2026-02-27");
    expect(dueDate("2026-02-13", { days: 5, workingDays: true })).toBe("2026-02-27");
  });

  it("re-entry Friday 13/2/2026 → report due Friday 6/3/2026 (10 working days)", () => {
    expect(addWorkingDays("2026-02-13", 10)).toBe("2026-03-06");
    expect(dueDate("2026-02-13", { days: 10, workingDays: true })).toBe("2026-03-06");
  });
});

describe("official days off 2024–2026", () => {
  it.each([
    ["2024-01-01", "2024-01-01"],
    ["2024-02-08", "2024-02-14"],
    ["2024-04-18", "2024-04-18"],
    ["2024-04-27", "2024-05-01"],
    ["2024-08-31", "2024-09-03"],
    ["2025-01-01", "2025-01-01"],
    ["2025-01-25", "2025-02-02"],
    ["2025-04-07", "2025-04-07"],
    ["2025-04-30", "2025-05-04"],
    ["2025-08-30", "2025-09-02"],
    ["2026-01-01", "2026-01-04"],
    ["2026-02-14", "2026-02-22"],
    ["2026-04-27", "2026-04-27"],
    ["2026-04-30", "2026-05-01"],
    ["2026-08-29", "2026-09-02"],
  ])("%s – %s: no working day inside; working days either side", (first, last) => {
    for (const day of range(first, last)) expect([day, isWorkingDay(day)]).toEqual([day, false]);
    const before = addCalendarDays(first, -1);
    const after = addCalendarDays(last, 1);
    // Either side is a weekday that works, or a weekend (the block was extended by the weekend).
    for (const day of [before, after]) expect(isWorkingDay(day) || [0, 6].includes(weekday(day))).toBe(true);
    // Counting across the block skips all of it.
    expect(addWorkingDays(before, 1) > last).toBe(true);
  });

  it.each(["2024-05-04", "2025-04-26", "2026-01-10", "2026-08-22"])("make-up Saturday %s is a working day", (day) => {
    expect(weekday(day)).toBe(6);
    expect(isWorkingDay(day)).toBe(true);
    expect(addWorkingDays(addCalendarDays(day, -1), 1)).toBe(day);
  });

  it("ordinary weekends are not working days; ordinary weekdays are", () => {
    expect(isWorkingDay("2026-01-17")).toBe(false); // Saturday
    expect(isWorkingDay("2026-01-18")).toBe(false); // Sunday
    expect(isWorkingDay("2026-01-19")).toBe(true); // Monday
    expect(isWorkingDay("2025-08-23")).toBe(false); // a Saturday of 2025 that is not a make-up day
  });

  it("counts a make-up Saturday inside a count", () => {
    // Thu 8/1/2026 → Fri 9 (1), Sat 10 make-up (2), Mon 12 (3).
    expect(addWorkingDays("2026-01-08", 3)).toBe("2026-01-12");
    // Fri 21/8/2026 → Sat 22 make-up (1), then 31/8–2/9 off: Mon 24 (2) … Fri 28 (6), Thu 3/9 (7).
    expect(addWorkingDays("2026-08-21", 7)).toBe("2026-09-03");
  });

  it("lists each official year's weekday days off and make-up Saturdays", () => {
    expect(daysOffOf(2025)).toEqual({
      year: 2025,
      source: "official",
      daysOff: ["2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-04-07", "2025-04-30", "2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02"],
      makeUpSaturdays: ["2025-04-26"],
    });
  });

  it("has consistent data: real dates of their year, ordered ranges, make-up days are Saturdays and not days off", () => {
    for (const entry of OFFICIAL_DAYS_OFF) {
      for (const item of entry.daysOff) {
        const [first, last] = typeof item === "string" ? [item, item] : item;
        expect([first, last].every((d) => isIsoDate(d) && d.startsWith(`${entry.year}-`))).toBe(true);
        expect(first <= last).toBe(true);
      }
      for (const saturday of entry.makeUpSaturdays) {
        expect(weekday(saturday)).toBe(6);
        expect(daysOffOf(entry.year).daysOff).not.toContain(saturday);
      }
    }
  });
});

describe("year boundaries", () => {
  it.each([
    ["2024-12-31", 1, "2025-01-02"], // 1/1/2025 off
    ["2025-12-31", 1, "2026-01-05"], // 1/1–4/1/2026 off
    ["2025-12-26", 5, "2026-01-06"],
    ["2026-12-31", 1, "2027-01-04"], // computed 2027: 1/1 (Friday) off
    ["2029-12-28", 1, "2029-12-31"],
  ])("addWorkingDays(%s, %i) = %s", (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it("adds calendar days across months, leap days and years", () => {
    expect(addCalendarDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addCalendarDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addCalendarDays("2025-12-25", 10)).toBe("2026-01-04");
    expect(addCalendarDays("2026-01-04", -10)).toBe("2025-12-25");
    expect(addCalendarDays("2026-02-13", 0)).toBe("2026-02-13");
  });
});

describe("computed days off (years with no official table)", () => {
  const weekdaysOff = (year: number) => daysOffOf(year).daysOff;

  it("2027: Tết Đinh Mùi (6/2, a Saturday) with nghỉ bù; Giỗ Tổ 16/4; 30/4 + 1/5 (Saturday → 3/5); 2/9 + 3/9", () => {
    expect(daysOffOf(2027).source).toBe("computed");
    expect(weekdaysOff(2027)).toEqual([
      "2027-01-01",
      "2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10",
      "2027-04-16",
      "2027-04-30", "2027-05-03",
      "2027-09-02", "2027-09-03",
    ]);
    expect(daysOffOf(2027).makeUpSaturdays).toEqual([]);
  });

  it("2030: Tết Canh Tuất on 2/2 (Vietnam, a Saturday) with nghỉ bù; Giỗ Tổ 12/4; 2/9 (Monday) + 3/9", () => {
    expect(weekdaysOff(2030)).toEqual([
      "2030-01-01",
      "2030-01-31", "2030-02-01", "2030-02-04", "2030-02-05", "2030-02-06",
      "2030-04-12",
      "2030-04-30", "2030-05-01",
      "2030-09-02", "2030-09-03",
    ]);
  });

  it("names each day and marks nghỉ bù", () => {
    expect(computedDaysOff(2027).filter((d) => d.compensatory)).toEqual([
      { date: "2027-02-09", name: "Tết Nguyên đán (nghỉ bù)", compensatory: true },
      { date: "2027-02-10", name: "Tết Nguyên đán (nghỉ bù)", compensatory: true },
      { date: "2027-05-03", name: "Ngày Quốc tế Lao động (nghỉ bù)", compensatory: true },
    ]);
    expect(computedDaysOff(2026).find((d) => d.date === "2026-04-26")?.name).toBe("Giỗ Tổ Hùng Vương");
  });

  it("counts across computed Tết 2027: re-entry 3/2 → 5 working days → 17/2", () => {
    expect(addWorkingDays("2027-02-03", 5)).toBe("2027-02-17");
  });

  it.each([
    // 2/9 on each day of the week → the adjacent day chosen (the Government's choice in 2021–2026) and any nghỉ bù.
    [2021, ["2021-09-02", "2021-09-03"]], // Thursday → Friday 3/9
    [2022, ["2022-09-01", "2022-09-02"]], // Friday → Thursday 1/9
    [2023, ["2023-09-01", "2023-09-04"]], // Saturday → Friday 1/9, nghỉ bù Monday 4/9
    [2024, ["2024-09-02", "2024-09-03"]], // Monday → Tuesday 3/9
    [2025, ["2025-09-01", "2025-09-02"]], // Tuesday → Monday 1/9
    [2026, ["2026-09-01", "2026-09-02"]], // Wednesday → Tuesday 1/9
    [2029, ["2029-09-03", "2029-09-04"]], // Sunday → Monday 3/9, nghỉ bù Tuesday 4/9
  ])("Quốc khánh %i: weekdays off %j", (year, expected) => {
    const september = computedDaysOff(year)
      .map((d) => d.date)
      .filter((d) => d.slice(5, 7) === "09" && ![0, 6].includes(weekday(d)));
    expect(september).toEqual(expected);
  });

  it.each([2024, 2025, 2026])("%i: the computed days are official days off; the official extras are the swaps for make-up Saturdays", (year) => {
    const official = daysOffOf(year);
    const computed = computedDaysOff(year).map((d) => d.date).filter((d) => ![0, 6].includes(weekday(d)));
    for (const day of computed) expect(official.daysOff).toContain(day);
    expect(official.daysOff.filter((d) => !computed.includes(d))).toHaveLength(official.makeUpSaturdays.length);
  });

  it.each([
    // Weekday days off the Government announced before the table starts (no swaps those years).
    [2021, ["2021-01-01", "2021-02-10", "2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16", "2021-04-21", "2021-04-30", "2021-05-03", "2021-09-02", "2021-09-03"]],
    [2022, ["2022-01-03", "2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04", "2022-04-11", "2022-05-02", "2022-05-03", "2022-09-01", "2022-09-02"]],
    [2023, ["2023-01-02", "2023-01-20", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26", "2023-05-01", "2023-05-02", "2023-05-03", "2023-09-01", "2023-09-04"]],
  ])("%i: the computed rules reproduce the announced days off", (year, expected) => {
    expect(weekdaysOff(year)).toEqual(expected);
  });
});

describe("dueDate", () => {
  it("Hà Nội: 10 calendar days", () => {
    expect(dueDate("2026-02-13", { days: 10, workingDays: false })).toBe("2026-02-23");
  });

  it("a calendar deadline ending on a day off moves to the next working day (Bộ luật Dân sự, Điều 148.5)", () => {
    expect(dueDate("2025-06-04", { days: 10, workingDays: false })).toBe("2025-06-16"); // Sat 14/6 → Mon 16/6
    expect(dueDate("2026-02-06", { days: 10, workingDays: false })).toBe("2026-02-23"); // 16/2 is Tết
    expect(dueDate("2026-01-01", { days: 9, workingDays: false })).toBe("2026-01-10"); // a make-up Saturday works
  });
});

describe("bad input", () => {
  it("throws a Vietnamese RangeError for a date that does not exist", () => {
    expect(() => isWorkingDay("2026-02-30")).toThrow(new RangeError('Ngày không hợp lệ: "2026-02-30" (cần dạng YYYY-MM-DD, ví dụ 2026-02-13)'));
    expect(() => addWorkingDays("13/02/2026", 5)).toThrow(RangeError);
    expect(() => dueDate("", { days: 5, workingDays: true })).toThrow(/Ngày không hợp lệ/);
  });

  it("rejects negative or fractional counts", () => {
    expect(() => addWorkingDays("2026-02-13", -1)).toThrow("Số ngày làm việc phải từ 0 trở lên (đang là -1)");
    expect(() => addWorkingDays("2026-02-13", 1.5)).toThrow(RangeError);
    expect(() => addCalendarDays("2026-02-13", Number.NaN)).toThrow(RangeError);
  });

  it("addWorkingDays(d, 0) is d itself", () => {
    expect(addWorkingDays("2026-02-14", 0)).toBe("2026-02-14");
  });

  it("formats dates the Vietnamese way", () => {
    expect(formatVietnameseDate("2026-02-13")).toBe("13/02/2026");
  });
});

describe("properties of addWorkingDays", () => {
  const anyDay = fc.integer({ min: dayNumberOfIso("2020-01-01"), max: dayNumberOfIso("2035-12-31") }).map(isoOfDayNumber);
  const count = fc.integer({ min: 1, max: 40 });

  it("lands on a working day strictly after the start", () => {
    fc.assert(
      fc.property(anyDay, count, (day, n) => {
        const result = addWorkingDays(day, n);
        expect(isWorkingDay(result)).toBe(true);
        expect(result > day).toBe(true);
      }),
    );
  });

  it("is strictly increasing in n", () => {
    fc.assert(
      fc.property(anyDay, count, (day, n) => {
        expect(addWorkingDays(day, n + 1) > addWorkingDays(day, n)).toBe(true);
      }),
    );
  });

  it("skips exactly n working days: n of the days after the start up to the result are working days", () => {
    fc.assert(
      fc.property(anyDay, count, (day, n) => {
        const result = addWorkingDays(day, n);
        const between = range(addCalendarDays(day, 1), result).filter(isWorkingDay);
        expect(between).toHaveLength(n);
      }),
      { numRuns: 100 },
    );
  });

  it("composes: n + m working days = m working days after n working days", () => {
    fc.assert(
      fc.property(anyDay, count, count, (day, n, m) => {
        expect(addWorkingDays(day, n + m)).toBe(addWorkingDays(addWorkingDays(day, n), m));
      }),
    );
  });

  it("a working-day deadline is never earlier than the calendar one of the same length", () => {
    fc.assert(
      fc.property(anyDay, count, (day, n) => {
        expect(dueDate(day, { days: n, workingDays: true }) >= dueDate(day, { days: n, workingDays: false })).toBe(true);
      }),
    );
  });
});
