import { blankTemplate, uniqueSheetName } from "../../src/app/blankTemplate";
import { checkWorkbook } from "../../src/app/checkWorkbook";
import { checkContext } from "../../src/app/context";
import { dropdownTargets, EMPTY_ROWS_WITH_DROPDOWNS } from "../../src/app/dropdowns";
import { findingsToMarks } from "../../src/app/marks";
import { fixesToEdits, previewFixes } from "../../src/app/quickFixes";
import { REPORT_SHEET, reportTable } from "../../src/app/report";
import { standardLists } from "../../src/app/standardLists";
import type { Finding } from "../../src/domain/model";
import { recognizeSheet, readPlan, TEMPLATES } from "../../src/domain/templates";
import type { CellValue, SheetGrid } from "../../src/workbook/types";
import { MemoryHost } from "../support/memoryHost";

const HEADER = ["STT", "Tên đoàn", "Trưởng đoàn", "Chức vụ", "Số lượng", "Nước đến", "Thời gian", "Mục đích, nội dung", "Nguồn kinh phí", "Ghi chú"];

function outboundSheet(rows: CellValue[][]): SheetGrid {
  return {
    name: "Đoàn ra",
    originRow: 1,
    originCol: 1,
    values: [["KẾ HOẠCH ĐOÀN RA NĂM 2026", ...Array(9).fill(null)], ["Đơn vị: Sở Y tế", ...Array(9).fill(null)], HEADER, ...rows],
    merges: [],
  };
}

const CLEAN: CellValue[] = [1, "Đoàn học tập mô hình y tế cơ sở", "Nguyễn Văn An", "Phó Giám đốc Sở", "5 người", "Nhật Bản", "Tháng 5/2026", "Học tập kinh nghiệm quản lý bệnh viện tuyến tỉnh", "Ngân sách thành phố", null];
const FOUR_COUNTRIES: CellValue[] = [2, "Đoàn xúc tiến đầu tư", "Trần Văn Bình", "Phó Giám đốc Sở", 6, "Nhật Bản, Hàn Quôc, Trung Quốc, Lào", "Tháng 9/2026", "Xúc tiến đầu tư vào khu công nghiệp của thành phố", "Ngân sách thành phố", null];

const settings = { profileId: "hai-phong", year: 2026, locale: "vi" as const };

describe("checkWorkbook", () => {
  it("reads once, finds the violations at the right cells and marks them", async () => {
    const host = new MemoryHost([outboundSheet([CLEAN, FOUR_COUNTRIES])]);
    const result = await checkWorkbook(host, checkContext(settings), "vi");
    expect(host.reads).toBe(1);
    expect(result.plan.delegations).toHaveLength(2);
    const countriesMax = result.findings.find((finding) => finding.rule === "countries-max");
    expect(countriesMax).toMatchObject({ sheet: "Đoàn ra", row: 5, column: 6, cell: "F5", severity: "error" });
    expect(result.findings.filter((finding) => finding.row === 4 && finding.severity === "error")).toEqual([]);
    const mark = host.marks.find((candidate) => candidate.row === 5 && candidate.column === 6);
    expect(mark?.severity).toBe("error");
    expect(mark?.message).toContain("vượt quá 3 nước");
  });
});

describe("findingsToMarks", () => {
  const base = { sheet: "S", row: 2, column: 3, cell: "C2", delegationId: "S!2", messageEn: "en" };
  it("keeps one mark per cell with the worst severity and every message", () => {
    const findings: Finding[] = [
      { ...base, rule: "country-unknown", severity: "warning", message: "a" },
      { ...base, rule: "countries-max", severity: "error", message: "b" },
      { ...base, row: 3, cell: "C3", rule: "unplanned", severity: "info", message: "c" },
    ];
    expect(findingsToMarks(findings, "vi")).toEqual([
      { sheet: "S", row: 2, column: 3, severity: "error", message: "a\nb" },
      { sheet: "S", row: 3, column: 3, severity: "info", message: "c" },
    ]);
  });
});

describe("quick fixes", () => {
  it("previews the cell's whole text before and after, and edits only a cell still holding it", async () => {
    const host = new MemoryHost([outboundSheet([FOUR_COUNTRIES])]);
    const result = await checkWorkbook(host, checkContext(settings), "vi");
    const fixes = previewFixes(result.findings, result.plan.delegations);
    expect(fixes).toHaveLength(1);
    expect(fixes[0]).toMatchObject({ row: 4, column: 6, cell: "F4", from: "Nhật Bản, Hàn Quôc, Trung Quốc, Lào", to: "Nhật Bản, Hàn Quốc, Trung Quốc, Lào" });
    expect(await host.editCells(fixesToEdits(fixes))).toBe(1);
    expect(host.grids[0].values[3][5]).toBe("Nhật Bản, Hàn Quốc, Trung Quốc, Lào");
    // A second apply of the same (now stale) preview writes nothing.
    expect(await host.editCells(fixesToEdits(fixes))).toBe(0);
  });
});

describe("dropdowns and blank templates", () => {
  it("targets only the recognised list columns, over the data rows and 200 empty rows below them", () => {
    const plan = readPlan([outboundSheet([CLEAN, FOUR_COUNTRIES])]);
    const targets = dropdownTargets(plan.sheets);
    expect(targets.map((target) => [target.list, target.column, target.firstRow, target.lastRow])).toEqual([
      ["countries", 6, 4, 5 + EMPTY_ROWS_WITH_DROPDOWNS],
      ["roles", 4, 4, 5 + EMPTY_ROWS_WITH_DROPDOWNS],
      ["funding", 9, 4, 5 + EMPTY_ROWS_WITH_DROPDOWNS],
      ["purposes", 8, 4, 5 + EMPTY_ROWS_WITH_DROPDOWNS],
    ]);
  });

  it("stops the dropdowns at the row before “Tổng cộng” (a section's subtotal does not stop them), else at the signature", () => {
    const blank: CellValue[] = Array(10).fill(null);
    const total = (label: string): CellValue[] => [null, label, ...Array(8).fill(null)];
    const withTotal = readPlan([outboundSheet([CLEAN, total("Cộng I"), FOUR_COUNTRIES, blank, blank, total("Tổng cộng"), blank, total("NGƯỜI LẬP BIỂU")])]);
    // Rows: header 3, CLEAN 4, subtotal 5, FOUR_COUNTRIES 6, empty 7-8, Tổng cộng 9.
    expect(new Set(dropdownTargets(withTotal.sheets).map((target) => `${target.firstRow}-${target.lastRow}`))).toEqual(new Set(["4-8"]));
    const signatureOnly = readPlan([outboundSheet([CLEAN, blank, blank, blank, total("NGƯỜI LẬP BIỂU")])]);
    expect(new Set(dropdownTargets(signatureOnly.sheets).map((target) => `${target.firstRow}-${target.lastRow}`))).toEqual(new Set(["4-7"]));
    // A template with no delegation yet still gets them, from its first entry row.
    const empty = readPlan([outboundSheet([blank, blank, total("Tổng cộng")])]);
    expect(new Set(dropdownTargets(empty.sheets).map((target) => `${target.firstRow}-${target.lastRow}`))).toEqual(new Set(["4-5"]));
  });

  it("gives an inserted blank template's every entry row a dropdown, and so does attaching them again later", () => {
    const { table, entryRows } = blankTemplate("outbound", 2026, []);
    const recognition = readPlan([{ name: table.sheet, originRow: 1, originCol: 1, values: table.rows, merges: table.merges ?? [] }]).sheets;
    const again = dropdownTargets(recognition);
    expect(again.length).toBeGreaterThan(0);
    // Issue 14: the dropdowns cover the empty rows up to the Tổng cộng row (which sits above the signature).
    const totalRow = table.rows.findIndex((row) => row.includes("Tổng cộng")) + 1;
    const signatureRow = table.rows.findIndex((row) => row.includes("NGƯỜI LẬP BIỂU")) + 1;
    expect(totalRow).toBeGreaterThan(entryRows.last);
    expect(totalRow).toBeLessThan(signatureRow);
    for (const target of again) {
      expect(target.firstRow).toBe(entryRows.first);
      expect(target.lastRow).toBeGreaterThanOrEqual(entryRows.last);
      expect(target.lastRow).toBe(totalRow - 1);
    }
  });

  it("never offers forbidden funding in the list", () => {
    const funding = standardLists(checkContext({ ...settings, profileId: "ha-noi" }).profile).find((list) => list.id === "funding")!;
    expect(funding.items).not.toContain("Doanh nghiệp tổ chức, đài thọ");
    expect(funding.items).not.toContain("Vốn vay nước ngoài");
    expect(funding.items).toContain("Ngân sách thành phố/tỉnh");
  });

  it.each(["outbound", "inbound", "people"] as const)("makes a %s template that the recogniser recognises", (kind) => {
    const { table, entryRows } = blankTemplate(kind, 2026, []);
    const recognition = recognizeSheet({ name: table.sheet, originRow: 1, originCol: 1, values: table.rows, merges: table.merges ?? [] });
    expect(recognition).toMatchObject({ template: true, kind, titleYear: 2026 });
    if (!recognition.template) return;
    expect(Object.keys(recognition.columns).sort()).toEqual([...TEMPLATES[kind].templateFields].sort());
    expect(entryRows.first).toBe(recognition.columnNumberRow! + 1);
    expect(entryRows.last - entryRows.first + 1).toBe(100);
  });

  it("never reuses an existing sheet name", () => {
    expect(uniqueSheetName("Đoàn ra", ["đoàn ra", "Đoàn ra (2)"])).toBe("Đoàn ra (3)");
  });
});

describe("report", () => {
  it("lists every finding with a link to its cell", () => {
    const finding: Finding = { sheet: "Đoàn ra", row: 5, column: 6, cell: "F5", rule: "countries-max", severity: "error", message: "Đoàn đi 4 nước", messageEn: "4 countries", delegationId: "x" };
    const table = reportTable([finding], "vi");
    expect(table.sheet).toBe(REPORT_SHEET);
    expect(table.rows[1]).toEqual([1, "Lỗi", "Đoàn ra", "F5", "Quá số nước trong một chuyến", "Đoàn đi 4 nước", null, null]);
    expect(reportTable([finding], "en").rows[1][4]).toBe("Too many countries in one trip");
    expect(table.links).toEqual([{ row: 2, column: 4, target: { sheet: "Đoàn ra", row: 5, column: 6 } }]);
  });
});
