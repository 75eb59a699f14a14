/**
 * Real workbooks with awkward content: each is read, recognised and checked without a crash; its content
 * is kept (nothing dropped or rewritten), every finding points into its own sheet and speaks Vietnamese,
 * and `dplan check` reports it (exit 0 or 1, never "unreadable") without touching the file.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main, type JsonReport } from "../../src/cli/main";
import type { Delegation, Finding } from "../../src/domain/model";
import { checkPlan } from "../../src/domain/rules";
import { readPlan } from "../../src/domain/templates";
import type { PlanRead } from "../../src/domain/templates";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import type { SheetGrid } from "../../src/workbook/types";
import { buildHostile, COLUMN, DATE_FORMS, FIRST_DATA_ROW, HOSTILE, longText, QUOTED_SHEET, QUOTED_SHEET_2, type HostileWorkbook } from "./corpus";
import { checkContext, diskIO, engineChecker, expectVietnamese, folderState, insideItsSheet } from "./support";

jest.setTimeout(60_000);

interface Read {
  input: HostileWorkbook;
  bytes: Buffer;
  grids: SheetGrid[];
  plan: PlanRead;
  findings: Finding[];
}

let folder: string;
const reads = new Map<string, Read>();

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-hostile-"));
  for (const input of HOSTILE) {
    const bytes = await buildHostile(input);
    fs.writeFileSync(path.join(folder, input.file), bytes);
    const copy = Buffer.from(bytes);
    const grids = await readXlsx(copy, input.file);
    // Reading never alters the bytes it was given.
    expect(Buffer.compare(copy, bytes)).toBe(0);
    const plan = readPlan(grids, { file: input.file });
    reads.set(input.file, { input, bytes, grids, plan, findings: checkPlan(plan.delegations, checkContext()) });
  }
});

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function read(file: string): Read {
  const result = reads.get(file);
  if (!result) throw new Error(`not in the corpus: ${file}`);
  return result;
}

function delegationAt(file: string, sheet: string, row: number): Delegation | undefined {
  return read(file).plan.delegations.find((d) => d.sheet === sheet && d.row === row);
}

describe.each(HOSTILE.map((input) => [input.file, input] as const))("%s", (file) => {
  test("every sheet is accounted for: recognised, or given a reason", () => {
    const { grids, plan } = read(file);
    expect(plan.sheets.map((s) => s.sheet)).toEqual(grids.map((g) => g.name));
    for (const sheet of plan.sheets) if (!sheet.template) expectVietnamese(sheet.reason);
    expect(plan.delegations.length).toBeGreaterThan(0);
  });

  test("findings lie inside their sheet's used range, speak Vietnamese, and are the same on a second check", () => {
    const { grids, plan, findings } = read(file);
    for (const finding of findings) {
      expect(insideItsSheet(finding, grids)).toBe(true);
      expectVietnamese(finding.message);
      // Long cell texts are quoted shortened: a note or pane line stays readable.
      expect(finding.message.length).toBeLessThan(600);
    }
    expect(checkPlan(plan.delegations, checkContext())).toEqual(findings);
  });

  test("dplan check reports it (exit 0 or 1) and leaves the file as it was", async () => {
    const before = folderState(folder);
    const io = diskIO();
    const code = await main(["check", path.join(folder, file), "--json"], io, engineChecker);
    expect([0, 1]).toContain(code);
    expect(io.err).toBe("");
    const report = JSON.parse(io.out) as JsonReport;
    expect(report.files[0].error).toBeUndefined();
    expect(report.findings).toHaveLength(read(file).findings.length);
    expect(folderState(folder)).toEqual(before);
  });
});

describe("what each input keeps", () => {
  test("5,000-character cells are kept whole; the countries cell is split and checked", () => {
    const file = "o-5000-ky-tu.xlsx";
    /** Compares long texts without printing 5,000 characters on failure. */
    const same = (actual: string | undefined, expected: string) => expect({ length: actual?.length, equal: actual === expected }).toEqual({ length: expected.length, equal: true });
    same(delegationAt(file, "Đoàn ra", FIRST_DATA_ROW)?.purpose, longText("Học tập kinh nghiệm quản lý đô thị").trim());
    same(delegationAt(file, "Đoàn ra", FIRST_DATA_ROW + 1)?.name, longText("Đoàn công tác"));
    same(delegationAt(file, "Đoàn ra", FIRST_DATA_ROW + 2)?.raw.leader, longText("Nguyễn Văn An"));
    same(delegationAt(file, "Đoàn ra", FIRST_DATA_ROW + 4)?.raw.funding, longText("Ngân sách thành phố"));
    same(delegationAt(file, "Đoàn ra", FIRST_DATA_ROW + 5)?.raw.leaderRole, longText("Phó Giám đốc Sở"));
    const fairyland = read(file).findings.filter((f) => f.row === FIRST_DATA_ROW + 6 && f.rule === "country-unknown");
    expect(fairyland.map((f) => f.message)).toContain("Nước “Xứ Sở Thần Tiên” không có trong danh mục quốc gia chuẩn");
  });

  // Known gaps, reported to the lead: each test states the right behaviour and fails today (test.failing
  // passes while it fails). When the owner fixes one, jest reports it: turn it into a plain test.
  test.failing("KNOWN GAP (templates): a column under a 5,000-character header is listed among extraColumns, not dropped", () => {
    const sheet = read("o-5000-ky-tu.xlsx").plan.sheets[0];
    expect(sheet.template).toBe(true);
    if (!sheet.template) return;
    const listed = sheet.columns.notes === COLUMN.notes || sheet.extraColumns.some((extra) => extra.column === COLUMN.notes);
    expect(listed).toBe(true);
  });

  test("#REF! in the countries cell and #N/A in the funding cell are reported at their cells", () => {
    const findings = read("cong-thuc-va-loi.xlsx").findings;
    expect(findings.filter((f) => f.cell === "F5").map((f) => f.message).join(" ")).toContain("#REF!");
    expect(findings.filter((f) => f.cell === "J5").map((f) => f.message).join(" ")).toContain("#N/A");
  });

  test("an English header row under the Vietnamese one is not read as a delegation", () => {
    const plan = read("hai-dong-tieu-de.xlsx").plan;
    expect(plan.delegations.filter((d) => d.sheet === "Song ngữ").map((d) => d.row)).toEqual([4, 5]);
  });

  test("formulas give their cached results; error values in numbers and dates are reported at their cell", () => {
    const file = "cong-thuc-va-loi.xlsx";
    expect(delegationAt(file, "Đoàn ra", 4)?.members).toBe(5);
    expect(delegationAt(file, "Đoàn ra", 4)?.period?.start).toBe("2025-02-06");
    expect(delegationAt(file, "Đoàn ra", 8)?.name).toBe("Đoàn số 5");
    // Text that looks like a formula is text, read as it was typed.
    expect(delegationAt(file, "Đoàn ra", 8)?.purpose).toBe("=SUM(A1:A3) là công thức gõ như chữ");
    expect(delegationAt(file, "Đoàn ra", 9)?.notes).toBe("+84 912 345 678");
    const at = (cell: string) => read(file).findings.filter((f) => f.cell === cell).map((f) => f.message);
    expect(at("E6").join(" ")).toContain("#VALUE!");
    expect(at("E7").join(" ")).toContain("#DIV/0!");
    expect(at("G6").join(" ")).toContain("#REF!");
  });

  test("merged cells over data rows apply to every row they span; merged section and note rows are not delegations", () => {
    const file = "o-gop-qua-dong.xlsx";
    const rows = read(file).plan.delegations.map((d) => d.row);
    expect(rows).toEqual([5, 6, 7, 9, 10]);
    for (const row of [6, 7]) {
      expect(delegationAt(file, "Đoàn ra", row)?.funding?.raw).toBe("Ngân sách thành phố");
      expect(delegationAt(file, "Đoàn ra", row)?.unit).toBe(delegationAt(file, "Đoàn ra", 5)?.unit);
    }
    expect(delegationAt(file, "Đoàn ra", 7)?.countries.map((c) => c.name)).toEqual(delegationAt(file, "Đoàn ra", 6)?.countries.map((c) => c.name));
    expect(delegationAt(file, "Đoàn ra", 10)?.countries.map((c) => c.name)).toEqual(delegationAt(file, "Đoàn ra", 9)?.countries.map((c) => c.name));
  });

  test("hidden rows and hidden or very hidden sheets are read, not dropped", () => {
    const file = "dong-va-trang-an.xlsx";
    const { grids, plan } = read(file);
    expect(plan.delegations.filter((d) => d.sheet === "Đoàn ra").map((d) => d.row)).toEqual([4, 5, 6, 7]);
    expect(grids.find((g) => g.name === "Đoàn ra (ẩn)")?.hidden).toBe(true);
    expect(grids.find((g) => g.name === "Lưu trữ")?.hidden).toBe(true);
    expect(plan.delegations.filter((d) => d.sheet !== "Đoàn ra").map((d) => `${d.sheet}!${d.row}`)).toEqual(["Đoàn ra (ẩn)!4", "Đoàn ra (ẩn)!5", "Lưu trữ!4"]);
  });

  test("sheet names with Vietnamese letters, quotes and ! come back exactly, in findings and in the CLI's JSON", async () => {
    const file = "ten-trang-co-dau-nhay.xlsx";
    const { findings } = read(file);
    expect(new Set(findings.map((f) => f.sheet))).toEqual(new Set([QUOTED_SHEET, QUOTED_SHEET_2]));
    expect(findings.filter((f) => f.sheet === QUOTED_SHEET).map((f) => `${f.cell} ${f.rule}`)).toEqual(
      expect.arrayContaining(["F5 country-unknown", "J6 funding-forbidden", "I7 purpose-unclear"]),
    );
    const io = diskIO();
    await main(["check", path.join(folder, file), "--json"], io, engineChecker);
    const report = JSON.parse(io.out) as JsonReport;
    expect(report.files[0].sheets.map((s) => s.sheet)).toEqual([QUOTED_SHEET, QUOTED_SHEET_2]);
    expect(new Set(report.findings.map((f) => f.sheet))).toEqual(new Set([QUOTED_SHEET, QUOTED_SHEET_2]));
  });

  test("a header typed twice or repeated at a page break is never read as a delegation", () => {
    const file = "hai-dong-tieu-de.xlsx";
    const plan = read(file).plan;
    expect(plan.delegations.filter((d) => d.sheet === "Đoàn ra").map((d) => d.row)).toEqual([4, 5, 7]);
    expect(plan.delegations.some((d) => d.name === "Tên đoàn" || d.leaderName === "Trưởng đoàn")).toBe(false);
  });

  test("dates before 1900 and text dates: each is read, or reported at its cell in Vietnamese", () => {
    const file = "ngay-thang-nhieu-kieu.xlsx";
    const { findings } = read(file);
    DATE_FORMS.forEach((form, index) => {
      const row = FIRST_DATA_ROW + index;
      const delegation = delegationAt(file, "Đoàn ra", row);
      expect(delegation).toBeDefined();
      const periodFindings = findings.filter((f) => f.row === row && f.rule === "period-invalid" && f.column === COLUMN.start);
      if (form.readable) expect({ row, start: form.start, period: delegation?.period !== undefined }).toEqual({ row, start: form.start, period: true });
      else expect({ row, start: form.start, reported: periodFindings.length > 0 }).toEqual({ row, start: form.start, reported: true });
      // Read or not, a date outside the plan year or a reversed period is never silently accepted.
      const period = delegation?.period;
      if (period && (!period.start.startsWith("2025") || period.end < period.start)) expect(periodFindings.length).toBeGreaterThan(0);
    });
  });
});
