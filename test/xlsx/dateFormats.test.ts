/**
 * A date shown without its day: Excel turns "9/2026" typed by an officer into 1 Sep 2026 with a month
 * format. Both readers of .xlsx (our package reader for the CLI, exceljs for the playground) hand the
 * format of such cells to the domain, which then reads the month (or the year), not the first day.
 */
import ExcelJS from "exceljs";
import { readPlan } from "../../src/domain/templates";
import { loadXlsx } from "../../src/xlsx/editableWorkbook";
import { readXlsx, toGrid } from "../../src/xlsx/readWorkbook";
import type { SheetGrid } from "../../src/workbook/types";

const HEADER = ["STT", "Tên đoàn", "Trưởng đoàn", "Chức vụ", "Số lượng", "Nước đến", "Từ ngày", "Đến ngày", "Mục đích", "Nguồn kinh phí"];
/** Row → the start date's number format (null: a text "9/2026" typed into a Text cell). */
const ROWS: [string | null, string][] = [
  ["m/yyyy", "month"],
  ["mm/yyyy", "month"],
  ["[$-42A]mmmm yyyy", "month"],
  ["mmm-yy", "month"],
  ["yyyy", "year"],
  ["dd/mm/yyyy", "day"],
  ["[$-F800]dddd, mmmm dd, yyyy", "day"],
  [null, "month"],
];

async function workbookBytes(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Đoàn ra");
  sheet.addRow(["KẾ HOẠCH ĐOÀN RA NĂM 2026"]);
  sheet.addRow(HEADER);
  ROWS.forEach(([format], index) => {
    const start = format === null ? "9/2026" : new Date(Date.UTC(2026, 8, 1));
    const row = sheet.addRow([index + 1, `Đoàn ${index + 1}`, "Nguyễn Văn A", "Trưởng phòng", 3, "Nhật Bản", start, null, "Hợp tác", "Ngân sách thành phố"]);
    if (format !== null) row.getCell(7).numFmt = format;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function precisions(grids: SheetGrid[]): string[] {
  return readPlan(grids, { year: 2026 }).delegations.map((delegation) => `${delegation.period?.precision} ${delegation.period?.start}..${delegation.period?.end} «${delegation.raw.start}»`);
}

const EXPECTED = ROWS.map(([format, precision]) => {
  if (precision === "year") return "year 2026-01-01..2026-12-31 «2026»";
  if (precision === "day") return "day 2026-09-01..2026-09-01 «01/09/2026»";
  return `month 2026-09-01..2026-09-30 «${format === null ? "9/2026" : "09/2026"}»`;
});

describe("dates shown without their day", () => {
  it("the CLI's package reader lists the formats of month and year dates only", async () => {
    const [grid] = await readXlsx(await workbookBytes(), "dates.xlsx");
    expect(grid.dateFormats).toEqual([
      { row: 3, column: 7, format: "m/yyyy" },
      { row: 4, column: 7, format: "mm/yyyy" },
      { row: 5, column: 7, format: "[$-42A]mmmm yyyy" },
      { row: 6, column: 7, format: "mmm-yy" },
      { row: 7, column: 7, format: "yyyy" },
    ]);
    expect(precisions([grid])).toEqual(EXPECTED);
  });

  it("the playground's exceljs reader gives the same", async () => {
    const workbook = await loadXlsx(await workbookBytes(), "dates.xlsx");
    const grid = toGrid(workbook.worksheets[0]);
    expect(grid.dateFormats?.map((cell) => cell.row)).toEqual([3, 4, 5, 6, 7]);
    expect(precisions([grid])).toEqual(EXPECTED);
  });
});
