import { formatFindings } from "../../src/cli/formatFindings";
import type { Finding } from "../../src/domain/model";

function finding(partial: Partial<Finding>): Finding {
  return {
    sheet: "Đoàn ra",
    row: 5,
    column: 7,
    cell: "G5",
    rule: "countries-max",
    severity: "error",
    message: "Đoàn đi 4 nước (Nhật Bản, Hàn Quốc, Trung Quốc, Lào), vượt quá 3 nước/chuyến",
    messageEn: "The trip covers 4 countries, more than 3 per trip",
    delegationId: "Đoàn ra!5",
    ...partial,
  };
}

describe("formatFindings", () => {
  it("lists 250,000 findings of one sheet (a 100,000-row plan) without overflowing the stack", () => {
    const findings = Array.from({ length: 250_000 }, (_, i) => finding({ row: i + 5, cell: `G${i + 5}` }));
    const lines = formatFindings(findings).split("\n");
    expect(lines).toContain("    G250004  Lỗi     Quá số nước trong một chuyến  Đoàn đi 4 nước (Nhật Bản, Hàn Quốc, Trung Quốc, Lào), vượt quá 3 nước/chuyến");
    expect(lines.filter((line) => line.startsWith("    G"))).toHaveLength(250_000);
  });

  it("says there is nothing to report", () => {
    expect(formatFindings([])).toBe("Không có phát hiện nào.\n");
    expect(formatFindings([], { locale: "en" })).toBe("No findings.\n");
  });

  it("groups by file and sheet with counts per severity, in Vietnamese", () => {
    const findings = [
      finding({ file: "b.xlsx" }),
      finding({ file: "a.xlsx", sheet: "Đoàn vào", row: 9, cell: "L9", column: 12, rule: "purpose-unclear", severity: "warning", message: "Mục đích “Công tác” quá ngắn" }),
      finding({ file: "a.xlsx", row: 12, cell: "Q12", column: 17, rule: "unplanned", severity: "info", message: "Đoàn ngoài kế hoạch (phát sinh)" }),
      finding({ file: "a.xlsx", row: 7, cell: "AA7", column: 27, rule: "country-unknown", severity: "warning", message: "Nước “Nhựt” không có trong danh mục", suggestion: "Nhật Bản" }),
    ];
    expect(formatFindings(findings)).toBe(
      [
        "Tệp: a.xlsx — 0 lỗi, 2 cảnh báo, 1 thông tin",
        "  Trang tính “Đoàn ra”: 0 lỗi, 1 cảnh báo, 1 thông tin",
        "    Ô    Mức độ     Quy tắc              Nội dung",
        "    AA7  Cảnh báo   Tên nước chưa chuẩn  Nước “Nhựt” không có trong danh mục",
        "                                         → Gợi ý: Nhật Bản",
        "    Q12  Thông tin  Đoàn ngoài kế hoạch  Đoàn ngoài kế hoạch (phát sinh)",
        "  Trang tính “Đoàn vào”: 0 lỗi, 1 cảnh báo, 0 thông tin",
        "    Ô   Mức độ    Quy tắc           Nội dung",
        "    L9  Cảnh báo  Mục đích chưa rõ  Mục đích “Công tác” quá ngắn",
        "",
        "Tệp: b.xlsx — 1 lỗi, 0 cảnh báo, 0 thông tin",
        "  Trang tính “Đoàn ra”: 1 lỗi, 0 cảnh báo, 0 thông tin",
        "    Ô   Mức độ  Quy tắc                       Nội dung",
        "    G5  Lỗi     Quá số nước trong một chuyến  Đoàn đi 4 nước (Nhật Bản, Hàn Quốc, Trung Quốc, Lào), vượt quá 3 nước/chuyến",
        "",
        "Tổng cộng: 1 lỗi, 2 cảnh báo, 1 thông tin (4 phát hiện)",
        "",
      ].join("\n"),
    );
  });

  it("uses the English messages and headings on request", () => {
    const text = formatFindings([finding({})], { locale: "en" });
    expect(text).toContain("File: (no file) — 1 error, 0 warnings, 0 info");
    expect(text).toContain("Cell  Severity  Rule                            Message");
    expect(text).toContain("G5    Error     Too many countries in one trip  The trip covers 4 countries, more than 3 per trip");
    // The rule's id is for --json: the table names the rule.
    expect(text).not.toContain("countries-max");
    expect(text).toMatch(/Total: 1 error, 0 warnings, 0 info \(1 finding\)\n$/);
  });

  it("agrees in number in English: 1 error, 2 errors, 0 warnings", () => {
    const two = formatFindings([finding({ row: 3, cell: "G3" }), finding({ row: 4, cell: "G4" }), finding({ row: 5, cell: "G5", severity: "warning" })], { locale: "en" });
    expect(two).toMatch(/Total: 2 errors, 1 warning, 0 info \(3 findings\)\n$/);
    expect(two).not.toMatch(/\b1 (errors|warnings|findings)\b/);
  });

  it("is the same whatever order the findings come in", () => {
    const findings = [finding({ row: 3, cell: "G3" }), finding({ row: 1, cell: "G1" }), finding({ sheet: "A", row: 9, cell: "G9" })];
    expect(formatFindings([...findings].reverse())).toBe(formatFindings(findings));
  });
});
