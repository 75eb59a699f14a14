/**
 * One word per concept in everything users read (the pane, the playground, the ribbon, the help page,
 * the written sheets, the CLI, the findings). Every string file follows this list; test/i18n/glossary.test.ts
 * reads them all and flags the variants below. To rename a concept, change it here and in the strings.
 */
export interface GlossaryEntry {
  /** What the word stands for. */
  concept: string;
  /** The Vietnamese word to use. */
  vi: string;
  /** The English word to use. */
  en: string;
  /** Words users saw for the same thing, in Vietnamese text: never to be used again. */
  viVariants: readonly RegExp[];
  /** The same for English text. */
  enVariants?: readonly RegExp[];
}

// \b does not know Vietnamese letters: a word edge is "not a letter" on each side.
const word = (text: string, flags = "iu") => new RegExp(`(?<!\\p{L})${text}(?!\\p{L})`, flags);

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    concept: "the add-in itself",
    // Vietnamese Office's own word ("Chèn › Phần bổ trợ").
    vi: "phần bổ trợ",
    en: "add-in",
    viVariants: [word("tiện ích"), word("add-in"), word("addin")],
  },
  {
    concept: "an Excel file",
    vi: "sổ làm việc",
    en: "workbook",
    viVariants: [word("sổ tính"), word("workbook")],
  },
  {
    concept: "the workbook the units' plans are merged into",
    // A workbook ("sổ làm việc"), not one table: "bảng" reads as a single sheet or the pane.
    vi: "sổ tổng hợp",
    en: "master workbook",
    viVariants: [word("bảng tổng hợp")],
  },
  {
    concept: "one tab of a workbook",
    vi: "trang tính",
    en: "sheet",
    viVariants: [word("sheets?")],
  },
  {
    concept: "the mildest severity",
    vi: "thông tin",
    en: "info",
    // "Lưu ý:" as a heading is fine; as the level next to "lỗi" and "cảnh báo" it is not.
    viVariants: [/(?:\}|\d) lưu ý/iu, /^Lưu ý$/u],
    enVariants: [/(?:\}|\d) notes\b/u],
  },
  {
    concept: "delegations kept out of the master",
    // "loại" also means a plan's kind ("Loại kế hoạch"): "loại 0" beside it reads as "kind 0".
    vi: "bỏ qua",
    en: "left out",
    viVariants: [/loại (?:\{|\$\{|\d)/u],
  },
  {
    concept: "other rows a finding involves",
    vi: "cùng các dòng",
    en: "with rows",
    viVariants: [/dòng này và/u],
    enVariants: [/this row and/u],
  },
  {
    concept: "the pane beside the sheet",
    vi: "bảng tác vụ",
    en: "task pane",
    viVariants: [word("ngăn tác vụ"), word("task ?pane")],
  },
  {
    concept: "a tab of the pane or of the ribbon",
    vi: "thẻ",
    en: "tab",
    // The Tab key is named as a key ("phím Tab", "Shift+Tab"), not as a tab.
    viVariants: [/(?<!\p{L})(?<!phím |Shift\+)tab(?!\p{L})/iu],
  },
  {
    concept: "a file of the units",
    vi: "tệp",
    en: "file",
    viVariants: [word("file")],
  },
];

export interface GlossaryViolation {
  concept: string;
  use: string;
  found: string;
  text: string;
}

/** The variants `text` uses instead of the glossary's words. */
export function glossaryViolations(text: string, locale: "vi" | "en"): GlossaryViolation[] {
  const found: GlossaryViolation[] = [];
  // Placeholders ({sheet}, ${file}) are filled with names, not words: only their braces stay.
  let words = text;
  for (let previous = ""; previous !== words; ) {
    previous = words;
    words = words.replace(/\$\{[^{}]*\}/g, "{}");
  }
  words = words.replace(/\{\w+\}/g, "{}");
  for (const entry of GLOSSARY) {
    const variants = (locale === "vi" ? entry.viVariants : entry.enVariants) ?? [];
    for (const variant of variants) {
      const match = variant.exec(words);
      if (match) found.push({ concept: entry.concept, use: locale === "vi" ? entry.vi : entry.en, found: match[0], text });
    }
  }
  return found;
}
