import { format, stringsFor } from "../../src/i18n";

/** Placeholders that hold a number of things. Every placeholder of the English dictionary is classed below. */
const COUNTS = new Set(["count", "total", "errors", "warnings", "infos", "rows", "applied", "skipped", "columns", "passed", "failed", "na", "ready", "units", "kept", "excluded", "expected", "done"]);
const NOT_COUNTS = new Set([
  "versions", "requirement", "detail", "sheet", "sheets", "list", "time", "kind", "reason", "name", "cell", "value", "file", "target",
  "workbook", "row", "label", "year", "titles", "settings", "problem", "kinds", "unit", "set", "next", "merges", "cells",
  // A text's length and Excel's cell limit: always above 32,767 (never one), written with digit grouping.
  "length", "limit",
]);
/** The nouns English counts name: singular form → plural form. */
const NOUNS: Record<string, string> = {
  error: "errors", warning: "warnings", finding: "findings", cell: "cells", row: "rows", column: "columns", delegation: "delegations",
  unit: "units", file: "files", chart: "charts", send: "sends", capability: "capabilities",
};

const english = Object.entries(stringsFor("en")).flatMap(([area, dictionary]) =>
  Object.entries(dictionary as Record<string, string>).map(([key, text]) => [`${area}.${key}`, text] as const),
);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)[|}]/g)].map((match) => match[1]);
const countStrings = english.filter(([, text]) => placeholders(text).some((name) => COUNTS.has(name)));

describe("English count strings", () => {
  it("every placeholder is known to be a count or not", () => {
    const unknown = english.flatMap(([key, text]) => placeholders(text).filter((name) => !COUNTS.has(name) && !NOT_COUNTS.has(name)).map((name) => `${key}: {${name}}`));
    expect(unknown).toEqual([]);
    expect(countStrings.length).toBeGreaterThan(15);
  });

  it.each(countStrings.flatMap(([key, text]) => [0, 1, 2].map((n) => [key, n, text] as const)))("%s at %i agrees in number", (_, n, text) => {
    const values = Object.fromEntries(placeholders(text).map((name) => [name, COUNTS.has(name) ? n : "X"]));
    const shown = format(text, values);
    expect(shown).not.toMatch(/[{}|]/);
    // A number followed (perhaps after "more", "earlier") by a noun: singular after 1, plural otherwise.
    for (const match of shown.matchAll(/\b(\d+) (?:more |earlier )?([a-z]+)/g)) {
      const [, number, word] = match;
      const singular = Object.keys(NOUNS).find((noun) => noun === word || NOUNS[noun] === word);
      if (singular === undefined) continue;
      expect(`${number} ${word}`).toBe(`${number} ${number === "1" ? singular : NOUNS[singular]}`);
    }
  });

  it("chooses the form by the number, keeping placeholders inside a form", () => {
    expect(format("{n} {n|finding|findings}", { n: 1 })).toBe("1 finding");
    expect(format("{n} {n|finding|findings}", { n: 0 })).toBe("0 findings");
    expect(format("{n|The one unit has|All {n} units have} sent", { n: 2 })).toBe("All 2 units have sent");
    expect(format("{n|one|other}", {})).toBe("{n|one|other}");
  });
});
