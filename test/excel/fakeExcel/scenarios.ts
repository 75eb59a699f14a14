/**
 * Ready-made workbooks and the sync-count measurement shared by the tests and the benchmark
 * (`countSyncs(rows)`, reported as syncs_100 / syncs_10000): a realistic outbound-plan sheet of N
 * delegations, checked, re-checked, marked and cleared through the real ExcelWorkbookHost over the fake.
 */
import type { CellMark, Severity, SheetGrid } from "../../../src/workbook/types";
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
  /** readSheets of the first check. */
  read: number;
  /** applyMarks right after it (its preload fresh). */
  mark: number;
  /** The whole first check: read → check → mark (the check itself is no Excel call). */
  checkAndMark: number;
  /** Excel API write calls queued by that check (the write commands of its batches). */
  writeCalls: number;
  /** A second check over the first one's marks (its notes now tracked): read → check → mark. */
  recheck: number;
  /** applyMarks with no read before it (no preload). */
  markAlone: number;
  /** clearMarks with no read before it. */
  clear: number;
  /** Marks the check produced. */
  marks: number;
}

export interface CountOptions extends FakeExcelOptions {
  /** The check between read and mark; by default the typical findings of planMarks(rows). */
  check?: (grids: SheetGrid[]) => CellMark[];
}

/**
 * Syncs of a check (readSheets → check → applyMarks), a re-check, a mark alone and a clear on a plan of
 * `rows` delegations, through the real ExcelWorkbookHost over the fake (ExcelApi 1.20 by default).
 */
export async function countSyncs(rows: number, options: CountOptions = {}): Promise<SyncCounts> {
  const { check = () => planMarks(rows), ...fakeOptions } = options;
  const fake = installFakeExcel(createWorkbook(planWorkbook(rows)), fakeOptions);
  try {
    const host = new ExcelWorkbookHost();
    const measure = async <T>(operation: () => Promise<T>): Promise<{ syncs: number; writes: number; result: T }> => {
      const before = { syncs: fake.stats.syncs, writes: fake.stats.queuedWrites };
      const result = await operation();
      return { syncs: fake.stats.syncs - before.syncs, writes: fake.stats.queuedWrites - before.writes, result };
    };
    const runCheck = () =>
      measure(async () => {
        const read = await measure(() => host.readSheets());
        const marks = check(read.result);
        const mark = await measure(() => host.applyMarks(marks));
        return { read: read.syncs, mark: mark.syncs, marks };
      });
    const first = await runCheck();
    const second = await runCheck();
    const markAlone = await measure(() => host.applyMarks(second.result.marks));
    const clear = await measure(() => host.clearMarks());
    return {
      rows,
      read: first.result.read,
      mark: first.result.mark,
      checkAndMark: first.syncs,
      writeCalls: first.writes,
      recheck: second.syncs,
      markAlone: markAlone.syncs,
      clear: clear.syncs,
      marks: first.result.marks.length,
    };
  } finally {
    fake.uninstall();
  }
}
