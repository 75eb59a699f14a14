import { format, stringsFor } from "../src/i18n";

describe("i18n", () => {
  it("gives Vietnamese by default and English as the second locale", () => {
    expect(stringsFor("vi").shell.appName).toBe("Kế hoạch đoàn ra, đoàn vào");
    expect(stringsFor("en").shell.appName).toBe("Delegation plans");
  });
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("{n} lỗi, {m}", { n: 3 })).toBe("3 lỗi, {m}");
  });
});
