/**
 * A fixture workbook spec (test/fixtures/generate.ts) as the fake Excel's workbook, with what Office.js
 * would give for it: dates as serial numbers, formulas as their cached results, errors as error values.
 */
import type { SheetSpec as FakeSheetSpec, FakeValue, WorkbookSpec as FakeWorkbookSpec } from "../excel/fakeExcel";
import type { SpecValue, WorkbookSpec } from "../fixtures/generate";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Excel's serial day number of a date (UTC midnight): 45658 is 1 January 2025. */
export function excelSerial(date: Date): number {
  return Math.round((date.getTime() - EXCEL_EPOCH_MS) / DAY_MS);
}

export function fakeValue(value: SpecValue): FakeValue | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return excelSerial(value);
  if (typeof value === "object" && "formula" in value) return fakeValue(value.result);
  return value;
}

export function fakeSpecOf(spec: WorkbookSpec): FakeWorkbookSpec {
  return {
    name: spec.file,
    sheets: spec.sheets.map((sheet): FakeSheetSpec => {
      const fake: FakeSheetSpec = {
        name: sheet.name,
        values: sheet.rows.map((row) => row.map(fakeValue)),
        origin: { row: sheet.startRow ?? 1, column: sheet.startCol ?? 1 },
      };
      if (sheet.hidden) fake.visibility = "Hidden";
      if (sheet.merges) fake.merges = sheet.merges;
      return fake;
    }),
  };
}
