/**
 * Ready-made workbooks and the sync-count measurement shared by the tests and the benchmark
 * (`countSyncs(rows)`): a realistic outbound-plan sheet of N delegations, read, marked and cleared
 * through the real ExcelWorkbookHost over the fake.
 */
import type { CellMark, Severity } from "../../../src/workbook/types";
import { ExcelWorkbookHost } from "../../../src/excel/ExcelWorkbookHost";
import { createWorkbook, type FakeValue, type WorkbookSpec } from "./model";
import { installFakeExcel, type FakeExcelOptions } from "./install";

export const PLAN_SHEET = "KH đoàn ra 2025";
export const PLAN_HEADER_ROW = 3;
export const PLAN_HEADER = [
  "TT",
  "Tên đoàn / nội dung",
  "Trưởng đoàn (họ tên, chức vụ)",
  "Số thành viên",
  "Nước đến",
  "Thời gian dự kiến",
  "Thời gian (ngày)",
  "Mục đích chuyến đi",
  "Nguồn kinh phí",
  "Đơn vị chủ trì",
  "Văn bản mời",
  "Ghi chú",
];

const COUNTRIES = ["Nhật Bản", "Hàn Quốc", "Lào", "Campuchia", "Cộng hòa Liên bang Đức", "Hoa Kỳ", "Pháp", "Trung Quốc"];
const ROLES = ["Bộ trưởng", "Thứ trưởng", "Vụ trưởng Vụ Hợp tác quốc tế", "Giám đốc Sở Ngoại vụ", "Phó Chủ tịch UBND tỉnh"];
const FUNDS = ["Ngân sách nhà nước", "Phía mời đài thọ", "Dự án ODA", "Nguồn xã hội hóa"];

/** Rows of an outbound plan sheet: a title, a blank line, the header, then `count` delegations. */
export function planRows(count: number): FakeValue[][] {
  const rows: FakeValue[][] = [["KẾ HOẠCH ĐOÀN RA NĂM 2025"], [""], PLAN_HEADER];
  for (let i = 1; i <= count; i++) {
    rows.push([
      i,
      `Đoàn công tác khảo sát, trao đổi kinh nghiệm số ${i}`,
      `Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}, ${ROLES[i % ROLES.length]}`,
      3 + (i % 7),
      COUNTRIES[i % COUNTRIES.length],
      `Quý ${1 + (i % 4)}/2025`,
      5 + (i % 5),
      "Làm việc, trao đổi hợp tác song phương",
      FUNDS[i % FUNDS.length],
      "Vụ Hợp tác quốc tế",
      i % 3 === 0 ? { error: "#REF!" } : `Thư mời số ${i}/TM`,
      i % 5 === 0 ? "" : "Đề nghị phê duyệt",
    ]);
  }
  return rows;
}

export function planWorkbook(count: number): WorkbookSpec {
  return { sheets: [{ name: PLAN_SHEET, values: planRows(count) }, { name: "Ghi chú", values: [["Bản nháp"]] }] };
}

/** Marks of a typical check: an error on every 4th delegation, a warning on every 7th, an info on every 11th. */
export function planMarks(count: number): CellMark[] {
  const marks: CellMark[] = [];
  const at = (i: number, column: number, severity: Severity, message: string) =>
    marks.push({ sheet: PLAN_SHEET, row: PLAN_HEADER_ROW + i, column, severity, message });
  for (let i = 1; i <= count; i++) {
    if (i % 4 === 0) at(i, 5, "error", `Dòng ${PLAN_HEADER_ROW + i}: tên nước “${COUNTRIES[i % COUNTRIES.length]}” không có trong danh mục chuẩn.`);
    if (i % 7 === 0) at(i, 9, "warning", "Nguồn kinh phí chưa ghi rõ; đề nghị bổ sung.");
    if (i % 11 === 0) at(i, 6, "info", "Thời gian dự kiến theo quý; nên ghi tháng cụ thể.");
  }
  return marks;
}

export interface SyncCounts {
  rows: number;
  read: number;
  mark: number;
  clear: number;
  marks: number;
}

/** Syncs of readSheets, applyMarks and clearMarks on a plan of `rows` delegations (fake Excel, ExcelApi 1.20 by default). */
export async function countSyncs(rows: number, options: FakeExcelOptions = {}): Promise<SyncCounts> {
  const fake = installFakeExcel(createWorkbook(planWorkbook(rows)), options);
  try {
    const host = new ExcelWorkbookHost();
    const measure = async (operation: () => Promise<unknown>) => {
      const before = fake.stats.syncs;
      await operation();
      return fake.stats.syncs - before;
    };
    const read = await measure(() => host.readSheets());
    const marks = planMarks(rows);
    const mark = await measure(() => host.applyMarks(marks));
    const clear = await measure(() => host.clearMarks());
    return { rows, read, mark, clear, marks: marks.length };
  } finally {
    fake.uninstall();
  }
}
