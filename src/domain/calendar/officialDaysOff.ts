/**
 * Official days off for civil servants (cán bộ, công chức, viên chức), year by year, as the
 * Government announces them: holidays, compensatory days (nghỉ bù) and swapped days, plus the
 * Saturdays worked in exchange (ngày làm bù). To add a year, append an entry; years without one
 * fall back to computedDaysOff.ts.
 */

/** One day "YYYY-MM-DD" or an inclusive range [first, last]; weekends inside a range are harmless. */
export type DayOrRange = string | readonly [string, string];

export interface OfficialYear {
  year: number;
  /** Where the table comes from. */
  source: string;
  daysOff: readonly DayOrRange[];
  /** Saturdays that are working days (làm bù for a swapped weekday). */
  makeUpSaturdays: readonly string[];
}

export const OFFICIAL_DAYS_OFF: readonly OfficialYear[] = [
  {
    year: 2024,
    source: "Lịch nghỉ lễ, Tết năm 2024 của cán bộ, công chức, viên chức (DOMAIN.md)",
    daysOff: [
      "2024-01-01",
      ["2024-02-08", "2024-02-14"], // Tết Giáp Thìn
      "2024-04-18", // Giỗ Tổ Hùng Vương
      ["2024-04-27", "2024-05-01"], // 29/4 swapped with Saturday 4/5
      ["2024-08-31", "2024-09-03"],
    ],
    makeUpSaturdays: ["2024-05-04"],
  },
  {
    year: 2025,
    source: "Lịch nghỉ lễ, Tết năm 2025 của cán bộ, công chức, viên chức (DOMAIN.md)",
    daysOff: [
      "2025-01-01",
      ["2025-01-25", "2025-02-02"], // Tết Ất Tỵ
      "2025-04-07", // Giỗ Tổ Hùng Vương
      ["2025-04-30", "2025-05-04"], // 2/5 swapped with Saturday 26/4
      ["2025-08-30", "2025-09-02"],
    ],
    makeUpSaturdays: ["2025-04-26"],
  },
  {
    year: 2026,
    source: "Lịch nghỉ lễ, Tết năm 2026 của cán bộ, công chức, viên chức (DOMAIN.md)",
    daysOff: [
      ["2026-01-01", "2026-01-04"], // 2/1 swapped with Saturday 10/1
      ["2026-02-14", "2026-02-22"], // Tết Bính Ngọ
      "2026-04-27", // Giỗ Tổ (26/4, a Sunday) compensated
      ["2026-04-30", "2026-05-01"],
      ["2026-08-29", "2026-09-02"], // 31/8 swapped with Saturday 22/8
    ],
    makeUpSaturdays: ["2026-01-10", "2026-08-22"],
  },
];

export function officialYear(year: number): OfficialYear | undefined {
  return OFFICIAL_DAYS_OFF.find((entry) => entry.year === year);
}
