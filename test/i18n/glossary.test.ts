/**
 * One term per concept (src/i18n/glossary.ts) in everything users read: the string dictionaries, every
 * Vietnamese text in the source (findings, CLI, written sheets), the manifest's ribbon strings, the
 * pages (help, playground, task pane).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { stringsFor } from "../../src/i18n";
import { GLOSSARY, glossaryViolations, type GlossaryViolation } from "../../src/i18n/glossary";

const ROOT = join(__dirname, "..", "..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

/** A letter only Vietnamese uses: the literal is Vietnamese text. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýãõĩũ]/iu;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** String and template literals of a source file, comments removed first. */
function literals(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:\\])\/\/.*$/gm, "$1");
  return (code.match(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g) ?? []).map((literal) => literal.slice(1, -1));
}

/** Text of an HTML page, without the parts marked as English (lang="en"). */
function htmlText(html: string, locale: "vi" | "en"): string {
  const english = /<(\w+)[^>]*\blang="en"[^>]*>[\s\S]*?<\/\1>/g;
  const part = locale === "vi" ? html.replace(english, " ") : (html.match(english) ?? []).join(" ");
  return part
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z]+;/g, " ");
}

function report(violations: GlossaryViolation[], where: string): string[] {
  return violations.map((v) => {
    const at = Math.max(0, v.text.indexOf(v.found));
    const context = v.text.slice(Math.max(0, at - 60), at + v.found.length + 60).replace(/\s+/g, " ");
    return `${where}: “${v.found}” for ${v.concept} (use “${v.use}”) in: …${context}…`;
  });
}

describe("the glossary", () => {
  it("names each concept once and flags its variants", () => {
    expect(new Set(GLOSSARY.map((entry) => entry.vi)).size).toBe(GLOSSARY.length);
    expect(glossaryViolations("Mở sổ tính, chọn sheet Đoàn ra của tiện ích", "vi").map((v) => v.use)).toEqual(["phần bổ trợ", "sổ làm việc", "trang tính"]);
    expect(glossaryViolations("Kiểm tra: 1 lỗi, 2 cảnh báo, {infos} lưu ý; tổng hợp 3, loại {excluded}", "vi").map((v) => v.use)).toEqual(["thông tin", "bỏ qua"]);
    expect(glossaryViolations("Lưu ý về sổ tổng hợp cũ: các profile, tabulator", "vi")).toEqual([]);
    // The Tab key, named as a key, is not a tab.
    expect(glossaryViolations("Phím Tab sang phải, Shift+Tab sang trái", "vi")).toEqual([]);
    expect(glossaryViolations("Mở tab Kiểm tra rồi bấm phím Tab", "vi").map((v) => v.found)).toEqual(["tab"]);
    expect(glossaryViolations("Tổng hợp vào bảng tổng hợp; Gửi sang Bảng tổng hợp", "vi").map((v) => v.use)).toEqual(["sổ tổng hợp"]);
    // A term never flags itself.
    for (const entry of GLOSSARY) expect(glossaryViolations(entry.vi, "vi")).toEqual([]);
  });

  it("is followed by every string dictionary, in both languages", () => {
    const problems: string[] = [];
    for (const locale of ["vi", "en"] as const) {
      for (const [area, dictionary] of Object.entries(stringsFor(locale))) {
        for (const [key, text] of Object.entries(dictionary as Record<string, string>)) {
          problems.push(...report(glossaryViolations(text, locale), `${locale}.${area}.${key}`));
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("is followed by every Vietnamese text in the source (findings, CLI, written sheets)", () => {
    const problems: string[] = [];
    for (const file of sourceFiles("src")) {
      // The dictionaries are read through stringsFor above, each text with its language.
      if (file.startsWith(join("src", "i18n"))) continue;
      for (const literal of literals(read(file))) {
        if (VIETNAMESE.test(literal)) problems.push(...report(glossaryViolations(literal, "vi"), relative(ROOT, join(ROOT, file))));
      }
    }
    expect(problems).toEqual([]);
  });

  it("is followed by the manifest's ribbon strings", () => {
    const manifest = read("manifest.xml");
    const vietnamese = [...manifest.matchAll(/DefaultValue="([^"]*)"/g)].map((m) => m[1]).filter((text) => !text.startsWith("http"));
    const english = [...manifest.matchAll(/<(?:bt:)?Override Locale="en-US" Value="([^"]*)"/g)].map((m) => m[1]).filter((text) => !text.startsWith("http"));
    expect(vietnamese.length).toBeGreaterThan(10);
    expect(english.length).toBeGreaterThan(10);
    const problems = [
      ...vietnamese.flatMap((text) => report(glossaryViolations(text, "vi"), "manifest.xml (vi)")),
      ...english.flatMap((text) => report(glossaryViolations(text, "en"), "manifest.xml (en-US)")),
    ];
    expect(problems).toEqual([]);
  });

  it.each(["assets/help.html", "src/playground/index.html", "src/taskpane/taskpane.html"])("is followed by %s", (page) => {
    const html = read(page);
    const problems = [
      ...report(glossaryViolations(htmlText(html, "vi"), "vi"), `${page} (vi)`),
      ...report(glossaryViolations(htmlText(html, "en"), "en"), `${page} (en)`),
    ];
    expect(problems).toEqual([]);
  });
});
