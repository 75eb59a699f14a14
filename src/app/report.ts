/** "Xuất báo cáo": a "Kết quả kiểm tra" sheet listing every finding with a link to its cell. */
import type { Finding, Severity } from "../domain/model";
import { stringsFor } from "../i18n";
import type { CellValue, TableWrite } from "../workbook/types";

export const REPORT_SHEET = "Kết quả kiểm tra";

const HEADERS = {
  vi: ["STT", "Mức độ", "Trang tính", "Ô", "Quy tắc", "Nội dung", "Gợi ý", "Căn cứ"],
  en: ["No.", "Severity", "Sheet", "Cell", "Rule", "Message", "Suggestion", "Source"],
};
const SEVERITY_LABEL: Record<"vi" | "en", Record<Severity, string>> = {
  vi: { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" },
  en: { error: "Error", warning: "Warning", info: "Info" },
};
const CELL_COLUMN = 4;

export function reportTable(findings: readonly Finding[], locale: "vi" | "en", sheetName = REPORT_SHEET): TableWrite {
  const rows: CellValue[][] = [HEADERS[locale]];
  const links: TableWrite["links"] = [];
  findings.forEach((finding, index) => {
    rows.push([
      index + 1,
      SEVERITY_LABEL[locale][finding.severity],
      finding.sheet,
      finding.cell,
      // The rule's name, as the pane shows it: ids are for --json and tooltips only.
      stringsFor(locale).ruleNames[finding.rule] ?? finding.rule,
      locale === "en" ? finding.messageEn : finding.message,
      finding.suggestion ?? null,
      finding.source ?? null,
    ]);
    links.push({ row: index + 2, column: CELL_COLUMN, target: { sheet: finding.sheet, row: finding.row, column: finding.column } });
  });
  return { sheet: sheetName, rows, headerRows: 1, links, columnWidths: [6, 11, 20, 8, 30, 70, 24, 40] };
}
