/**
 * Properties over random input (fast-check), beyond the per-module ones: the whole pipeline (recognise →
 * parse → check) on random plan-like grids, and marks in Excel (fake) on random sheets.
 */
import fc from "fast-check";
import { FindingSchema, type Finding } from "../../src/domain/model";
import { checkPlan } from "../../src/domain/rules";
import { readPlan } from "../../src/domain/templates";
import { ExcelWorkbookHost } from "../../src/excel/ExcelWorkbookHost";
import type { CellArea, CellMark, CellValue, SheetGrid } from "../../src/workbook/types";
import { createWorkbook, installFakeExcel, snapshot, type FakeValue, type SheetSpec } from "../excel/fakeExcel";
import { OUTBOUND_HEADER } from "./corpus";
import { checkContext, insideItsSheet } from "./support";

jest.setTimeout(120_000);

// ---------------------------------------------------------------- plan-like grids

const SHEET_NAMES = ["Đoàn ra", "Đoàn vào", "KH 2025", "Đoàn ra 'mới' 2025", 'Vào! "khách"', "Sheet1", "Ẩn", "Tổng hợp (ĐNND)"];
const HEADER_VARIANTS = [...OUTBOUND_HEADER, "TT", "Họ tên trưởng đoàn", "Quốc gia", "Thời gian", "Mục đích", "Nguồn KP", "Quốc tịch", "Số người", "Cơ quan mời", "Trong/ngoài KH"];
const CELL_TEXTS = [
  "Nguyễn Văn An",
  "Trần Thị Bình - Phó Giám đốc Sở",
  "Giám đốc Sở",
  "Chủ tịch UBND thành phố",
  "Nhật Bản",
  "Hàn Quốc, Trung Quốc",
  "Nhật Bản, Hàn Quốc, Lào, Pháp",
  "Nhựt Bổn",
  "Tháng 5/2025",
  "Quý II/2025",
  "15-20/5/2025",
  "31/02/2025",
  "Học tập kinh nghiệm quản lý đô thị",
  "Tham quan",
  "Ngân sách thành phố",
  "Doanh nghiệp tài trợ",
  "Phía nước ngoài đài thọ",
  "Đã xin ý kiến cấp có thẩm quyền",
  "I",
  "II.",
  "Tổng cộng",
  "(1)",
  "=SUM(A1:A3)",
  "<img src=x onerror=alert(1)>",
  "05 người",
];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 6, arbitrary: fc.constantFrom(...CELL_TEXTS) },
  { weight: 1, arbitrary: fc.constantFrom(...HEADER_VARIANTS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 200, maxLength: 600 }) },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 60 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.integer({ min: 40_000, max: 50_000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.date({ min: new Date(Date.UTC(1850, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.constantFrom("#REF!", "#N/A", "#VALUE!", "#DIV/0!").map((error) => ({ error })) },
);

/** A sheet that looks like a plan: optional title rows, a header of real and odd titles, rows of plausible and hostile values. */
const planGrid: fc.Arbitrary<SheetGrid> = fc
  .record({
    name: fc.constantFrom(...SHEET_NAMES),
    originRow: fc.integer({ min: 1, max: 4 }),
    originCol: fc.integer({ min: 1, max: 3 }),
    titles: fc.array(fc.array(fc.oneof(fc.constant<CellValue>("KẾ HOẠCH ĐOÀN RA NĂM 2025"), fc.constant<CellValue>("Đơn vị: Sở Y tế"), cellValue), { maxLength: 2 }), { maxLength: 3 }),
    header: fc.shuffledSubarray(HEADER_VARIANTS, { minLength: 2, maxLength: 14 }),
    rows: fc.array(fc.array(cellValue, { maxLength: 15 }), { maxLength: 25 }),
    merges: fc.array(
      fc
        .tuple(fc.integer({ min: 1, max: 35 }), fc.integer({ min: 1, max: 18 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }))
        .map(([top, left, height, width]): CellArea => ({ top, left, bottom: top + height, right: left + width })),
      { maxLength: 5 },
    ),
    hidden: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ titles, header, rows, ...grid }) => ({ ...grid, values: [...titles, header, ...rows] }));

/** Several sheets with distinct names, as a workbook has them. */
const workbookGrids = fc.uniqueArray(planGrid, { minLength: 1, maxLength: 3, selector: (grid) => grid.name });

function checkAll(grids: SheetGrid[]): Finding[] {
  return checkPlan(readPlan(grids, { file: "don-vi.xlsx" }).delegations, checkContext());
}

describe("recognise → parse → check on random plan-like workbooks", () => {
  test("the generator makes real plans: most workbooks have delegations, many have findings", () => {
    const samples = fc.sample(workbookGrids, { numRuns: 200, seed: 42 });
    const withDelegations = samples.filter((grids) => readPlan(grids).delegations.length > 0).length;
    const withFindings = samples.filter((grids) => checkAll(grids).length > 0).length;
    expect(withDelegations).toBeGreaterThan(120);
    expect(withFindings).toBeGreaterThan(80);
  });

  test("never throws; every finding is valid and lies inside its own sheet's used range", () => {
    fc.assert(
      fc.property(workbookGrids, (grids) => {
        for (const finding of checkAll(grids)) {
          expect(FindingSchema.safeParse(finding).success).toBe(true);
          expect(insideItsSheet(finding, grids)).toBe(true);
          for (const other of finding.related ?? []) expect(grids.some((g) => g.name === other.sheet)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  test("is deterministic, and the order of the sheets does not change the findings", () => {
    fc.assert(
      fc.property(workbookGrids, (grids) => {
        const first = checkAll(grids);
        expect(checkAll(grids)).toEqual(first);
        expect(checkAll([...grids].reverse())).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });

  test("leaves the grids it reads untouched", () => {
    fc.assert(
      fc.property(workbookGrids, (grids) => {
        const before = structuredClone(grids);
        checkAll(grids);
        expect(grids).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------- marks in Excel (fake)

const fakeValue: fc.Arbitrary<FakeValue | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...CELL_TEXTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 15 }) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 50_000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom("#REF!", "#N/A").map((error) => ({ error })) },
);

const userSheet: fc.Arbitrary<SheetSpec> = fc.record({
  name: fc.constantFrom(...SHEET_NAMES),
  values: fc.array(fc.array(fakeValue, { maxLength: 10 }), { maxLength: 15 }),
  visibility: fc.constantFrom("Visible" as const, "Hidden" as const),
  // What the user made and clearing must keep: their own highlights and notes.
  conditionalFormats: fc.array(
    fc.record({
      type: fc.constantFrom("Custom", "CellValue"),
      address: fc.constantFrom("A1:C10", "B2", "D1:D40", "A5:J5"),
      formula: fc.constantFrom("=ISBLANK(A1)", "=A1>5", '=ISTEXT("dplan-other")'),
      fill: fc.constantFrom("#FFFF00", "#00FF00"),
    }),
    { maxLength: 2 },
  ),
  notes: fc.dictionary(fc.constantFrom("A1", "B2", "C3", "E7", "J12"), fc.string({ minLength: 1, maxLength: 40 }), { maxKeys: 3 }),
});

const userWorkbook = fc.uniqueArray(userSheet, { minLength: 1, maxLength: 3, selector: (sheet) => sheet.name });

function marksOn(sheets: string[]): fc.Arbitrary<CellMark[]> {
  return fc.array(
    fc.record({
      sheet: fc.constantFrom(...sheets),
      row: fc.integer({ min: 1, max: 60 }),
      column: fc.integer({ min: 1, max: 20 }),
      severity: fc.constantFrom("error" as const, "warning" as const, "info" as const),
      message: fc.oneof(fc.constantFrom("Nước “Nhựt Bổn” không có trong danh mục", "=HYPERLINK(\"x\")", "<b>đậm</b>"), fc.string({ minLength: 1, maxLength: 300 })),
    }),
    { maxLength: 40 },
  );
}

describe("marks in Excel (fake) on random sheets", () => {
  test("marking (once or twice over) then clearing restores the workbook exactly; marking never changes a value", async () => {
    await fc.assert(
      fc.asyncProperty(
        userWorkbook.chain((sheets) => fc.tuple(fc.constant(sheets), marksOn(sheets.map((s) => s.name)), marksOn(sheets.map((s) => s.name)), fc.constantFrom("1.9", "1.18", "1.20"))),
        async ([sheets, firstMarks, secondMarks, apiVersion]) => {
          const fake = installFakeExcel(createWorkbook({ sheets }), { apiVersion });
          try {
            const host = new ExcelWorkbookHost();
            const before = snapshot(fake.workbook);
            const values = JSON.stringify(fake.workbook.sheets.map((s) => [...s.cells.entries()]));
            await host.applyMarks(firstMarks);
            await host.applyMarks(secondMarks);
            expect(JSON.stringify(fake.workbook.sheets.map((s) => [...s.cells.entries()]))).toBe(values);
            await host.clearMarks();
            expect(snapshot(fake.workbook)).toEqual(before);
          } finally {
            fake.uninstall();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
