import { localTime } from "../../src/app/selfTest";

describe("the self-test's time", () => {
  it.each([
    ["Asia/Ho_Chi_Minh", "vi", "03:43:05 ngày 06/12/2026 (UTC+7)"],
    ["Asia/Ho_Chi_Minh", "en", "06/12/2026 03:43:05 (UTC+7)"],
    ["UTC", "vi", "20:43:05 ngày 05/12/2026 (UTC+0)"],
    ["Asia/Kolkata", "vi", "02:13:05 ngày 06/12/2026 (UTC+5:30)"],
    ["America/New_York", "vi", "15:43:05 ngày 05/12/2026 (UTC-5)"],
  ] as const)("in %s (%s) reads %s, not the UTC instant", (timeZone, locale, expected) => {
    expect(localTime("2026-12-05T20:43:05.120Z", locale, timeZone)).toBe(expected);
  });

  it("uses the computer's own zone by default", () => {
    const at = new Date("2026-12-05T20:43:05Z");
    const two = (n: number) => String(n).padStart(2, "0");
    expect(localTime(at.toISOString(), "vi")).toMatch(new RegExp(`^${two(at.getHours())}:${two(at.getMinutes())}:05 ngày ${two(at.getDate())}/12/2026 \\(UTC[+-]`));
  });

  it("keeps text it cannot read as it is", () => {
    expect(localTime("không rõ", "vi")).toBe("không rõ");
  });
});
