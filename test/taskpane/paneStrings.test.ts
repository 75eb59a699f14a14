import { RULE_IDS } from "../../src/domain/model";
import { format, stringsFor } from "../../src/i18n";
import { pane, ruleNames } from "../../src/i18n/pane";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("pane strings", () => {
  it("are registered for both locales", () => {
    expect(stringsFor("vi").pane.tabCheck).toBe("Kiểm tra");
    expect(stringsFor("en").pane.tabCheck).toBe("Check");
    expect(stringsFor("vi").ruleNames["country-unknown"]).toBe("Tên nước chưa chuẩn");
  });

  it.each(Object.keys(pane.vi) as (keyof typeof pane.vi)[])("%s has the same placeholders in vi and en, and no empty text", (key) => {
    expect(pane.vi[key].trim()).not.toBe("");
    expect(pane.en[key].trim()).not.toBe("");
    expect(placeholders(pane.en[key])).toEqual(placeholders(pane.vi[key]));
  });

  it("names every rule of DOMAIN.md, each differently, in both languages", () => {
    for (const locale of ["vi", "en"] as const) {
      const names = RULE_IDS.map((rule) => ruleNames[locale][rule]);
      expect(names.every((name) => typeof name === "string" && name.trim() !== "")).toBe(true);
      expect(new Set(names).size).toBe(RULE_IDS.length);
      expect(Object.keys(ruleNames[locale]).sort()).toEqual([...RULE_IDS].sort());
    }
  });

  it("fills the counts of a quick-fix outcome", () => {
    expect(format(pane.vi.fixOutcome, { applied: 3, skipped: 1 })).toBe("Đã sửa 3 ô; bỏ qua 1 ô vì nội dung đã thay đổi sau lần kiểm tra.");
  });
});
