import { stringsFor } from "../../src/i18n";
import { consolidation } from "../../src/i18n/consolidation";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("consolidation strings", () => {
  it("are registered for both locales", () => {
    expect(stringsFor("vi").consolidation.merge).toBe("Tổng hợp vào sổ này");
    expect(stringsFor("en").consolidation.merge).toBe("Consolidate into this workbook");
    expect(stringsFor("vi").consolidation.send).toBe("Gửi sang sổ tổng hợp");
  });

  it("heads the merge's notes without speaking of an earlier master: a new master has none, and texts cut to a cell's limit come from the units", () => {
    expect(stringsFor("vi").consolidation.summaryWarningsTitle).toBe("Lưu ý khi tổng hợp:");
    expect(stringsFor("en").consolidation.summaryWarningsTitle).toBe("Notes on this consolidation:");
  });

  it.each(Object.keys(consolidation.vi) as (keyof typeof consolidation.vi)[])("%s has the same placeholders in vi and en, and no empty text", (key) => {
    expect(consolidation.vi[key].trim()).not.toBe("");
    expect(consolidation.en[key].trim()).not.toBe("");
    expect(placeholders(consolidation.en[key])).toEqual(placeholders(consolidation.vi[key]));
  });
});
