import { consolidate, describeUnitConflict, findUnitConflicts, latestFilePerUnit, makeUnitPlan, masterLayout, readMaster, MASTER_SHEET_NAMES, STATISTICS_SHEET_NAME } from "../../../src/domain/merge";
import type { MasterPlan, MasterSheetRows, UnitPlan } from "../../../src/domain/merge";
import { PLAN_STATUS } from "../../../src/domain/lists/planStatus";
import { getProfile } from "../../../src/domain/profiles";
import { checkPlan } from "../../../src/domain/rules/engine";
import { readPlan } from "../../../src/domain/templates";
import { TEMPLATES } from "../../../src/domain/templates/definitions";
import type { CellValue, SheetGrid, TableWrite } from "../../../src/workbook/types";
import { day, outboundAbbreviated, specToGrid, unitWorkbook } from "../../fixtures/generate";
import { masterColumn, viewMaster } from "../../support/masterDocument";
import { travellingLeaderUnits, dataRow, gridsOf, trip, unitPlan, unitSpec, visit, type UnitSpecInput } from "./units";

const hp = { profile: getProfile("hai-phong"), year: 2025 };

function sheetOf(plan: MasterPlan, name: string): TableWrite {
  const sheet = plan.sheets.find((s) => s.sheet === name);
  if (!sheet) throw new Error(`no sheet ${name} in ${plan.sheets.map((s) => s.sheet).join(", ")}`);
  return sheet;
}

/** The master as a host reads it back: each written table becomes a grid. */
function readBack(plan: MasterPlan, edit?: (sheet: string, rows: CellValue[][]) => CellValue[][]): MasterSheetRows {
  const grids: SheetGrid[] = plan.sheets.map((table) => {
    const rows = table.rows.map((row) => [...row]);
    return { name: table.sheet, originRow: 1, originCol: 1, values: edit ? edit(table.sheet, rows) : rows, merges: [] };
  });
  const master = readMaster(grids);
  if (!master) throw new Error("not a master");
  return master;
}

function column(table: TableWrite, title: string): CellValue[] {
  return masterColumn(table.rows, title);
}

/** Sheet rows of the delegation rows. */
function dataRows(table: TableWrite): number[] {
  return viewMaster(table.rows).data.map((line) => line.row);
}

const A: UnitSpecInput = { file: "so-y-te.xlsx", unit: "Sở Y tế", outbound: [trip(1), trip(2), trip(3)], inbound: [visit(1)] };
const B: UnitSpecInput = { file: "so-gd.xlsx", unit: "Sở Giáo dục và Đào tạo", outbound: [trip(4), trip(5)] };
const C: UnitSpecInput = { file: "UBND xã Tân Lập.xlsx", outbound: [trip(6)], inbound: [visit(2), visit(3)] };

describe("consolidate: N units into master sheets", () => {
  const plan = consolidate([unitPlan(A), unitPlan(B), unitPlan(C)], undefined, hp);
  const outbound = sheetOf(plan, MASTER_SHEET_NAMES.outbound);
  const inbound = sheetOf(plan, MASTER_SHEET_NAMES.inbound);

  test("one sheet per kind with rows, then the statistics sheet", () => {
    expect(plan.sheets.map((s) => s.sheet)).toEqual([MASTER_SHEET_NAMES.outbound, MASTER_SHEET_NAMES.inbound, STATISTICS_SHEET_NAME]);
    expect(viewMaster(outbound.rows).data).toHaveLength(6);
    expect(viewMaster(inbound.rows).data).toHaveLength(3);
  });

  test("columns: canonical TEMPLATES order and titles, then provenance, then computed deadlines (outbound)", () => {
    expect(viewMaster(outbound.rows).titles).toEqual([...TEMPLATES.outbound.fields.map((f) => f.title), "Đơn vị", "Tệp", "Dòng gốc", "Giá trị gốc", "Hạn báo cáo", "Hạn nộp hộ chiếu"]);
    expect(viewMaster(inbound.rows).titles).toEqual([...TEMPLATES.inbound.fields.map((f) => f.title), "Đơn vị", "Tệp", "Dòng gốc", "Giá trị gốc"]);
  });

  test("provenance: unit from the title row, else the file name without extension; file; source row", () => {
    expect(column(outbound, "Đơn vị")).toEqual(["Sở Y tế", "Sở Y tế", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", "UBND xã Tân Lập"]);
    expect(column(outbound, "Tệp")).toEqual(["so-y-te.xlsx", "so-y-te.xlsx", "so-y-te.xlsx", "so-gd.xlsx", "so-gd.xlsx", "UBND xã Tân Lập.xlsx"]);
    expect(column(outbound, "Dòng gốc")).toEqual([
      `dòng ${dataRow(A, 1)} (Đoàn ra)`,
      `dòng ${dataRow(A, 2)} (Đoàn ra)`,
      `dòng ${dataRow(A, 3)} (Đoàn ra)`,
      `dòng ${dataRow(B, 1)} (Đoàn ra)`,
      `dòng ${dataRow(B, 2)} (Đoàn ra)`,
      `dòng ${dataRow(C, 1)} (Đoàn ra)`,
    ]);
    expect(column(inbound, "Đơn vị")).toEqual(["Sở Y tế", "UBND xã Tân Lập", "UBND xã Tân Lập"]);
  });

  test("values come from the unit's cells; STT is the master's running number", () => {
    expect(column(outbound, "STT")).toEqual([1, 2, 3, 4, 5, 6]);
    expect(column(outbound, "Tên đoàn")).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Đoàn công tác số ${n}`));
    expect(column(outbound, "Chức vụ trưởng đoàn")).toEqual(Array(6).fill("Trưởng phòng"));
    expect(column(inbound, "Đơn vị mời, đón tiếp")).toEqual(Array(3).fill("Sở Ngoại vụ"));
  });

  test("per-unit summaries: kinds, counts, check results", () => {
    expect(plan.units.map((u) => [u.unit, u.file, u.delegations, u.kept, u.excluded.length])).toEqual([
      ["Sở Y tế", "so-y-te.xlsx", 4, 4, 0],
      ["Sở Giáo dục và Đào tạo", "so-gd.xlsx", 2, 2, 0],
      ["UBND xã Tân Lập", "UBND xã Tân Lập.xlsx", 3, 3, 0],
    ]);
    expect(plan.units[0].sheets).toEqual([
      { sheet: "Đoàn ra", kind: "outbound", delegations: 3, kept: 3, excluded: 0 },
      { sheet: "Đoàn vào", kind: "inbound", delegations: 1, kept: 1, excluded: 0 },
    ]);
    expect(plan.units[2].unitFromTitle).toBeUndefined();
    for (const unit of plan.units) expect(unit.errors).toBe(unit.findings.filter((f) => f.severity === "error").length);
  });

  test("the master's delegations are addressed to master cells", () => {
    expect(plan.delegations).toHaveLength(9);
    const rows = dataRows(outbound);
    expect(plan.delegations.filter((d) => d.sheet === MASTER_SHEET_NAMES.outbound).map((d) => d.row)).toEqual(rows);
    expect(plan.delegations.find((d) => d.row === rows[3] && d.kind === "outbound")?.unit).toBe("Sở Giáo dục và Đào tạo");
  });
});

describe("unit names", () => {
  test.each([
    ["the “Đơn vị:” title", { file: "a.xlsx", unit: "Sở Tư pháp", outbound: [trip(1)] }, undefined, "Sở Tư pháp"],
    ["the file name without extension", { file: "Phường Hồng Bàng.xlsx", outbound: [trip(1)] }, undefined, "Phường Hồng Bàng"],
    ["the caller's correction", { file: "a.xlsx", unit: "Sở Tư pháp", outbound: [trip(1)] }, "Sở Tư pháp Hải Phòng", "Sở Tư pháp Hải Phòng"],
  ] as [string, UnitSpecInput, string | undefined, string][])("named by %s", (_, input, override, expected) => {
    const unit = unitPlan(input, override ? { unitName: override } : {});
    expect(unit.unitName).toBe(expected);
    const plan = consolidate([unit], undefined, hp);
    expect(column(sheetOf(plan, MASTER_SHEET_NAMES.outbound), "Đơn vị")).toEqual([expected]);
  });
});

describe("delegations missing required information are kept out and listed", () => {
  const input: UnitSpecInput = {
    file: "thieu.xlsx",
    unit: "Sở Nội vụ",
    outbound: [trip(1), trip(2, { leader: null, role: null, funding: null }), trip(3, { countries: null }), trip(4, { members: "nhiều" })],
    inbound: [visit(1, { host: null })],
  };
  const plan = consolidate([unitPlan(input)], undefined, hp);

  test("only complete delegations reach the master", () => {
    expect(column(sheetOf(plan, MASTER_SHEET_NAMES.outbound), "Tên đoàn")).toEqual(["Đoàn công tác số 1"]);
    expect(plan.sheets.map((s) => s.sheet)).not.toContain(MASTER_SHEET_NAMES.inbound);
  });

  test("each is listed with its place and a Vietnamese reason", () => {
    expect(plan.excluded.map((e) => [e.sheet, e.row, e.label, e.reason])).toEqual([
      ["Đoàn ra", dataRow(input, 2), "Đoàn công tác số 2", "Thiếu: Trưởng đoàn, Nguồn kinh phí"],
      ["Đoàn ra", dataRow(input, 3), "Đoàn công tác số 3", "Thiếu: Nước đến"],
      ["Đoàn ra", dataRow(input, 4), "Đoàn công tác số 4", "Không đọc được: Số lượng “nhiều”"],
      ["Đoàn vào", dataRow(input, 1), "Đoàn khách số 1", "Thiếu: Đơn vị mời, đón tiếp"],
    ]);
    expect(plan.excluded[0]).toMatchObject({ unit: "Sở Nội vụ", file: "thieu.xlsx", kind: "outbound", missing: ["leader", "funding"], unreadable: [] });
    expect(plan.units[0]).toMatchObject({ delegations: 5, kept: 1 });
    expect(plan.units[0].sheets.map((s) => [s.sheet, s.kept, s.excluded])).toEqual([
      ["Đoàn ra", 1, 3],
      ["Đoàn vào", 0, 1],
    ]);
  });

  test("the profile decides what is required: Lai Châu's people-to-people plan requires nothing extra", () => {
    const laiChau = { profile: getProfile("lai-chau"), year: 2025 };
    const loose = consolidate([unitPlan(input)], undefined, { profile: { ...laiChau.profile, requiredFields: { outbound: ["countries"], inbound: [], people: [] } }, year: 2025 });
    expect(loose.excluded.map((e) => e.row)).toEqual([dataRow(input, 3)]);
  });
});

describe("values keep their types; nothing the unit wrote is changed", () => {
  const input: UnitSpecInput = {
    file: "kieu.xlsx",
    unit: "Sở Tài chính",
    outbound: [
      trip(1, { members: 5, start: day(2025, 5, 15), end: day(2025, 5, 20), notes: "=HYPERLINK(\"http://x\")" }),
      trip(2, { members: "05 người", start: "15/06/2025", end: "20/06/2025", purpose: "+ Học tập kinh nghiệm", notes: "@chú ý" }),
      trip(3, { leader: "-Lê Văn Dấu", start: "Quý III/2025", funding: "-" + "Ngân sách thành phố" }),
    ],
  };
  const plan = consolidate([unitPlan(input)], undefined, hp);
  const outbound = sheetOf(plan, MASTER_SHEET_NAMES.outbound);

  test("normalised: members as numbers, dates typed as text as real dates, a quarter as written under Thời gian dự kiến; what the unit wrote kept", () => {
    expect(column(outbound, "Số lượng (người)")).toEqual([5, 5, 3]);
    expect(column(outbound, "Từ ngày")).toEqual([day(2025, 5, 15), day(2025, 6, 15), null]);
    expect(column(outbound, "Thời gian dự kiến")).toEqual([null, null, "Quý III/2025"]);
    expect(column(outbound, "Đến ngày")).toEqual([day(2025, 5, 20), day(2025, 6, 20), null]);
    expect(column(outbound, "Giá trị gốc")).toEqual([null, "Số lượng (người): 05 người; Từ ngày: 15/06/2025; Đến ngày: 20/06/2025", null]);
    const formats = outbound.columnFormats ?? [];
    const { titles } = viewMaster(outbound.rows);
    expect(formats[titles.indexOf("Từ ngày")]).toBe("dd/mm/yyyy");
    expect(formats[titles.indexOf("Hạn báo cáo")]).toBe("dd/mm/yyyy");
  });

  test("text starting with = + - @ is written as it is and flagged as text for the writers", () => {
    expect(column(outbound, "Ghi chú")).toEqual(["=HYPERLINK(\"http://x\")", "@chú ý", null]);
    expect(column(outbound, "Mục đích, nội dung")[1]).toBe("+ Học tập kinh nghiệm");
    const flagged = (outbound.textCells ?? []).map(({ row, column: c }) => outbound.rows[row - 1][c - 1]);
    expect(flagged.sort()).toEqual(["+ Học tập kinh nghiệm", "-Lê Văn Dấu", "-Ngân sách thành phố", "=HYPERLINK(\"http://x\")", "@chú ý"].sort());
  });

  test("Office.js hands dates over as serial numbers: a serial in a date column becomes a date", () => {
    const spec = unitSpec({ file: "office.xlsx", unit: "Sở Công Thương", outbound: [trip(1, { start: 45792, end: 45797 })] });
    const plan = consolidate([makeUnitPlan(spec.file, spec.sheets.map(specToGrid), { year: 2025 })], undefined, hp);
    const table = sheetOf(plan, MASTER_SHEET_NAMES.outbound);
    expect(column(table, "Từ ngày")).toEqual([day(2025, 5, 15)]);
    expect(column(table, "Đến ngày")).toEqual([day(2025, 5, 20)]);
  });

  test("without the unit's grids (a plan sent from another workbook) the written text is used", () => {
    const unit = unitPlan(input);
    const plan = consolidate([{ ...unit, grids: undefined }], undefined, hp);
    const table = sheetOf(plan, MASTER_SHEET_NAMES.outbound);
    expect(column(table, "Số lượng (người)")).toEqual([5, 5, 3]);
    expect(column(table, "Từ ngày")).toEqual([day(2025, 5, 15), day(2025, 6, 15), null]);
    expect(column(table, "Thời gian dự kiến")).toEqual([null, null, "Quý III/2025"]);
  });

  test("countries by their standard names; a name that cannot be resolved is kept as written and marked; statistics count the standard name once", () => {
    const spelled = consolidate(
      [
        unitPlan({
          file: "nuoc.xlsx",
          unit: "Sở Du lịch",
          outbound: [trip(1, { countries: "Han Quoc" }), trip(2, { countries: "Hàn Quốc" }), trip(3, { countries: "han quoc, Xứ Sở Thần Tiên" }), trip(4, { role: "giam doc so" })],
        }),
      ],
      undefined,
      hp,
    );
    const table = sheetOf(spelled, MASTER_SHEET_NAMES.outbound);
    expect(column(table, "Nước đến")).toEqual(["Hàn Quốc", "Hàn Quốc", "Hàn Quốc, Xứ Sở Thần Tiên", "Nhật Bản"]);
    expect(column(table, "Chức vụ trưởng đoàn")).toEqual(["Trưởng phòng", "Trưởng phòng", "Trưởng phòng", "Giám đốc Sở"]);
    expect(column(table, "Giá trị gốc")).toEqual(["Nước đến: Han Quoc", null, "Nước đến: han quoc, Xứ Sở Thần Tiên", "Chức vụ trưởng đoàn: giam doc so"]);
    const rows = viewMaster(table.rows).data.map((line) => line.row);
    expect(spelled.findings.filter((f) => f.rule === "country-unknown").map((f) => [f.row, f.cell])).toEqual([[rows[2], `G${rows[2]}`]]);
    const byCountry = spelled.statistics.find((t) => t.title.startsWith("Theo nước"))!;
    expect(byCountry.rows.filter((row) => row[0] === "Hàn Quốc")).toHaveLength(1);
    expect(byCountry.rows.find((row) => row[0] === "Hàn Quốc")?.[1]).toBe(3);
  });

  test("a unit's “Phát sinh” flag column is written as the status it means, not as a bare “x”", () => {
    const spec = outboundAbbreviated();
    const plan = consolidate([makeUnitPlan(spec.file, spec.sheets.map(specToGrid))], undefined, { ...hp, year: 2026 });
    const table = sheetOf(plan, MASTER_SHEET_NAMES.outbound);
    expect(column(table, "Trong/ngoài kế hoạch")).toEqual([null, "Ngoài kế hoạch (phát sinh)", null]);
    expect(plan.delegations.map((d) => d.planStatus)).toEqual([undefined, "out", undefined]);
  });
});

describe("the time of each delegation where the official form wants it", () => {
  const input: UnitSpecInput = {
    file: "xa.xlsx",
    unit: "UBND xã Tân Hòa",
    outbound: [
      trip(1, { start: "Quý II/2025", end: null }),
      trip(2, { start: "Tháng 9/2025", end: "Tháng 10/2025" }),
      trip(3, { start: "15-20/5/2025", end: null }),
      trip(4, { start: day(2025, 7, 1), end: day(2025, 7, 4) }),
      trip(5, { start: "sau Tết", end: null }),
    ],
    inbound: [visit(1, { period: "Quý III/2025" }), visit(2, { period: "02-05/12/2025" }), visit(3, { period: "15/08/2025" })],
  };
  const plan = consolidate([unitPlan(input)], undefined, hp);
  const outbound = sheetOf(plan, MASTER_SHEET_NAMES.outbound);
  const inbound = sheetOf(plan, MASTER_SHEET_NAMES.inbound);

  test("a coarse time goes under “Thời gian dự kiến”, exact days under “Từ ngày | Đến ngày” as real dates", () => {
    expect(column(outbound, "Thời gian dự kiến")).toEqual(["Quý II/2025", "Tháng 9/2025 - Tháng 10/2025", null, null, null]);
    expect(column(outbound, "Từ ngày")).toEqual([null, null, day(2025, 5, 15), day(2025, 7, 1), "sau Tết"]);
    expect(column(outbound, "Đến ngày")).toEqual([null, null, day(2025, 5, 20), day(2025, 7, 4), null]);
    expect(column(inbound, "Thời gian dự kiến")).toEqual(["Quý III/2025", null, null]);
    expect(column(inbound, "Từ ngày")).toEqual([null, day(2025, 12, 2), day(2025, 8, 15)]);
    expect(column(inbound, "Đến ngày")).toEqual([null, day(2025, 12, 5), null]);
  });

  test("what the unit wrote is kept where the master turned it into dates; a time moved as written needs no record", () => {
    expect(column(outbound, "Giá trị gốc")).toEqual([null, null, "Từ ngày: 15-20/5/2025", null, null]);
    expect(column(inbound, "Giá trị gốc")).toEqual([null, "Thời gian dự kiến: 02-05/12/2025", "Thời gian dự kiến: 15/08/2025"]);
  });

  test("the master read back, and read as a plan by the next level, gives the same periods and deadlines", () => {
    const periods = (delegations: readonly { period?: unknown; periodError?: string }[]) => delegations.map((d) => [d.period, d.periodError]);
    const units = unitPlan(input).plan.delegations;
    expect(periods(plan.delegations)).toEqual(periods(units));
    const reread = consolidate([], readBack(plan), hp);
    expect(periods(reread.delegations)).toEqual(periods(units));
    expect(reread.sheets).toEqual(plan.sheets);
    const asPlan = readPlan(plan.sheets.slice(0, 2).map((table) => ({ name: table.sheet, originRow: 1, originCol: 1, values: table.rows, merges: table.merges ?? [] })), { year: 2025 });
    expect(periods(asPlan.delegations)).toEqual(periods(units));
  });
});

describe("a time coarser than a day keeps its precision in the master", () => {
  const input: UnitSpecInput = {
    file: "vh.xlsx",
    unit: "Phòng Văn hóa",
    year: 2026,
    outbound: [
      trip(1, { start: day(2026, 9, 1), end: null, countries: "Hàn Quốc", purpose: "Giao lưu văn hóa nghệ thuật dân tộc tại lễ hội Chuncheon" }),
      trip(2, { start: day(2026, 9, 14), end: day(2026, 9, 16), countries: "Hàn Quốc", purpose: "Giao lưu văn hóa nghệ thuật dân tộc tại lễ hội Chuncheon" }),
      trip(3, { start: "dịp 2/9", end: null }),
    ],
  };
  const spec = unitSpec(input);
  const grids = gridsOf(spec);
  // "9/2026" typed into Từ ngày: Excel stores the date 1/9/2026 and shows it by the format m/yyyy.
  const sheet = grids.find((grid) => grid.values.some((line) => line.includes("Từ ngày")))!;
  const headerIndex = sheet.values.findIndex((line) => line.includes("Từ ngày"));
  const startColumn = sheet.values[headerIndex].indexOf("Từ ngày") + sheet.originCol;
  sheet.dateFormats = [{ row: dataRow(input, 1), column: startColumn, format: "m/yyyy" }];
  const plan = consolidate([makeUnitPlan(spec.file, grids, { year: 2026 })], undefined, { ...hp, year: 2026 });
  const outbound = sheetOf(plan, MASTER_SHEET_NAMES.outbound);

  test("a month shown in a date cell goes under “Thời gian dự kiến” as a month, the unit's “9/2026” kept", () => {
    expect(column(outbound, "Thời gian dự kiến")[0]).toBe("Tháng 9/2026");
    expect(column(outbound, "Từ ngày")[0]).toBeNull();
    expect(column(outbound, "Giá trị gốc")[0]).toBe("Từ ngày: 9/2026");
  });

  test("a festival (“dịp 2/9”) stays as written under “Thời gian dự kiến”, not a day", () => {
    expect(column(outbound, "Thời gian dự kiến")[2]).toBe("dịp 2/9");
    expect(column(outbound, "Từ ngày")[2]).toBeNull();
  });

  test("the master, checked again, still reads the month and finds the merge candidates", () => {
    const reread = consolidate([], readBack(plan), { ...hp, year: 2026 });
    expect(reread.delegations[0].period).toEqual({ start: "2026-09-01", end: "2026-09-30", precision: "month" });
    const asPlan = readPlan(plan.sheets.slice(0, 1).map((table) => ({ name: table.sheet, originRow: 1, originCol: 1, values: table.rows, merges: table.merges ?? [] })), { year: 2026 });
    const candidates = checkPlan(asPlan.delegations, { ...hp, year: 2026 }).filter((finding) => finding.rule === "merge-candidate");
    expect(candidates.length).toBeGreaterThan(0);
  });
});

describe("the plan status of a unit without a status column", () => {
  test("the master's “Trong/ngoài kế hoạch” gets the standard status; the unit's words stay in “Giá trị gốc”", () => {
    const input: UnitSpecInput = {
      file: "vh.xlsx",
      unit: "Sở Văn hóa",
      outbound: [trip(1, { notes: "Đoàn phát sinh" }), trip(2, { name: "Đoàn E (bổ sung ngoài kế hoạch)" }), trip(3, { notes: "trong kế hoạch đã duyệt" }), trip(4)],
    };
    const plan = consolidate([unitPlan(input)], undefined, hp);
    const outbound = sheetOf(plan, MASTER_SHEET_NAMES.outbound);
    const names = (id: "in" | "out") => PLAN_STATUS.find((status) => status.id === id)!.name;
    expect(column(outbound, "Trong/ngoài kế hoạch")).toEqual([names("out"), names("out"), names("in"), null]);
    expect(column(outbound, "Giá trị gốc")).toEqual([
      "Trong/ngoài kế hoạch: Đoàn phát sinh",
      "Trong/ngoài kế hoạch: Đoàn E (bổ sung ngoài kế hoạch)",
      "Trong/ngoài kế hoạch: trong kế hoạch đã duyệt",
      null,
    ]);
    expect(column(outbound, "Tên đoàn")[1]).toBe("Đoàn E (bổ sung ngoài kế hoạch)");
    expect(readBack(plan).sheets.outbound!.rows.length).toBe(4);
  });
});

describe("computed deadlines (from the return date, profile deadlines, working days)", () => {
  const cases: [string, Partial<Parameters<typeof trip>[1]>, string, CellValue, CellValue][] = [
    ["re-entry Fri 13/2/2026 (DOMAIN example), Hải Phòng", { start: day(2026, 2, 9), end: day(2026, 2, 13) }, "hai-phong", day(2026, 3, 6), day(2026, 2, 27)],
    ["re-entry Fri 13/2/2026, default profile: 10 calendar days", { start: day(2026, 2, 9), end: day(2026, 2, 13) }, "default", day(2026, 2, 23), day(2026, 2, 27)],
    ["a month only: no deadline rather than a guess", { start: "Tháng 5/2026", end: null }, "hai-phong", null, null],
    ["a departure date only: the return is unknown", { start: day(2026, 5, 4), end: null }, "hai-phong", null, null],
  ];
  test.each(cases)("%s", (_, over, profileId, report, passport) => {
    const plan = consolidate([unitPlan({ file: "d.xlsx", unit: "Sở X", outbound: [trip(1, over)], year: 2026 })], undefined, { profile: getProfile(profileId), year: 2026 });
    const table = sheetOf(plan, MASTER_SHEET_NAMES.outbound);
    expect(column(table, "Hạn báo cáo")).toEqual([report]);
    expect(column(table, "Hạn nộp hộ chiếu")).toEqual([passport]);
  });
});

describe("hidden and unrecognised sheets", () => {
  test("a hidden template sheet (an old plan) is not merged and the unit is told", () => {
    const spec = unitWorkbook();
    const plan = consolidate([makeUnitPlan(spec.file, spec.sheets.map(specToGrid))], undefined, hp);
    expect(column(sheetOf(plan, MASTER_SHEET_NAMES.outbound), "Tên đoàn")).toEqual(["Đoàn học tập mô hình bệnh viện thông minh", "Đoàn dự hội thảo y tế"]);
    expect(plan.units[0].notes.some((n) => n.includes("Trang ẩn “Đoàn ra 2024 (cũ)”"))).toBe(true);
    expect(plan.units[0].notes.some((n) => n.includes("Trang “Danh sách cán bộ” không được tổng hợp"))).toBe(true);
  });
});

describe("re-import", () => {
  const first = consolidate([unitPlan(A), unitPlan(B)], undefined, hp);

  test("importing the same units again gives the same master (idempotent)", () => {
    const again = consolidate([unitPlan(A), unitPlan(B)], readBack(first), hp);
    expect(again.sheets).toEqual(first.sheets);
    const thrice = consolidate([unitPlan(B)], readBack(again), hp);
    expect(thrice.sheets).toEqual(first.sheets);
  });

  test("a unit's rows are replaced by its new rows, in place; other units are untouched", () => {
    const A2: UnitSpecInput = { ...A, outbound: [trip(7), trip(8)], inbound: undefined };
    const next = consolidate([unitPlan(A2)], readBack(first), hp);
    const outbound = sheetOf(next, MASTER_SHEET_NAMES.outbound);
    expect(column(outbound, "Tên đoàn")).toEqual(["Đoàn công tác số 7", "Đoàn công tác số 8", "Đoàn công tác số 4", "Đoàn công tác số 5"]);
    expect(column(outbound, "STT")).toEqual([1, 2, 3, 4]);
    // A2 has no inbound sheet: the unit's earlier inbound rows stay.
    expect(column(sheetOf(next, MASTER_SHEET_NAMES.inbound), "Tên đoàn (cơ quan/tổ chức nước ngoài)")).toEqual(["Đoàn khách số 1"]);
  });

  test("a unit is its exact name: one differing only by case or a tone mark never replaces its rows, and is asked about", () => {
    for (const other of ["SỞ Y TẾ", "Sở Y tê"]) {
      const unit = unitPlan({ ...A, outbound: [trip(9)] }, { unitName: other });
      const next = consolidate([unit], readBack(first), hp);
      expect(column(sheetOf(next, MASTER_SHEET_NAMES.outbound), "Tên đoàn")).toEqual(["Đoàn công tác số 1", "Đoàn công tác số 2", "Đoàn công tác số 3", "Đoàn công tác số 4", "Đoàn công tác số 5", "Đoàn công tác số 9"]);
      expect(findUnitConflicts([unit], readBack(first))).toEqual([{ kind: "similar-names", unit: other, other: "Sở Y tế" }]);
    }
  });

  test("the same name written in another Unicode form or with other spaces is the same unit", () => {
    const decomposed = "Sở Y tế".normalize("NFD").replace(" ", "  ");
    const unit = unitPlan({ ...A, outbound: [trip(9)] }, { unitName: decomposed });
    expect(findUnitConflicts([unit], readBack(first))).toEqual([]);
    const next = consolidate([unit], readBack(first), hp);
    expect(column(sheetOf(next, MASTER_SHEET_NAMES.outbound), "Tên đoàn")).toEqual(["Đoàn công tác số 9", "Đoàn công tác số 4", "Đoàn công tác số 5"]);
  });

  test("a re-import from another file than the one the unit's rows came from is asked about", () => {
    const renamed = { ...unitPlan({ ...A, outbound: [trip(9)] }), fileName: "so-y-te-ban-sao.xlsx" };
    const [conflict] = findUnitConflicts([renamed], readBack(first));
    expect(conflict).toMatchObject({ kind: "other-file", unit: "Sở Y tế", file: "so-y-te-ban-sao.xlsx" });
    expect(describeUnitConflict(conflict)).toMatch(/đã có trong sổ tổng hợp.*so-y-te-ban-sao\.xlsx.*xác nhận/);
    expect(findUnitConflicts([unitPlan({ ...A, outbound: [trip(9)] })], readBack(first))).toEqual([]);
  });

  test("two files of the same unit in one merge are asked about; once confirmed, the later file is the one merged", () => {
    const older = unitPlan({ ...A, outbound: [trip(1)] });
    const newer = { ...unitPlan({ ...A, outbound: [trip(9)] }), fileName: "so-y-te-v2.xlsx" };
    const [conflict] = findUnitConflicts([older, newer], undefined);
    expect(conflict).toEqual({ kind: "several-files", unit: "Sở Y tế", files: ["so-y-te.xlsx", "so-y-te-v2.xlsx"] });
    expect(describeUnitConflict(conflict)).toMatch(/2 tệp.*chỉ tổng hợp tệp sau cùng «so-y-te-v2\.xlsx» \(bỏ «so-y-te\.xlsx»\)/);
    const { kept, superseded } = latestFilePerUnit([older, unitPlan(B), newer]);
    expect(kept.map((unit) => unit.fileName)).toEqual(["so-gd.xlsx", "so-y-te-v2.xlsx"]);
    expect(superseded).toEqual([{ unit: older, by: newer }]);
  });

  test("a unit whose new sheet has only incomplete rows loses its earlier rows of that kind", () => {
    const next = consolidate([unitPlan({ ...A, outbound: [trip(1, { purpose: null })], inbound: undefined })], readBack(first), hp);
    expect(column(sheetOf(next, MASTER_SHEET_NAMES.outbound), "Đơn vị")).toEqual(["Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"]);
    expect(next.excluded).toHaveLength(1);
  });

  test("new units go after the last unit block", () => {
    const next = consolidate([unitPlan(C)], readBack(first), hp);
    expect(column(sheetOf(next, MASTER_SHEET_NAMES.outbound), "Đơn vị")).toEqual([...Array(3).fill("Sở Y tế"), ...Array(2).fill("Sở Giáo dục và Đào tạo"), "UBND xã Tân Lập"]);
  });

  describe("rows added by hand are kept, in place, unchanged", () => {
    const handMiddle: CellValue[] = ["a", "Đoàn bổ sung của Văn phòng", "Trần Văn Tay", "Chánh Văn phòng", 2, null, "Lào", "Tháng 8/2025", null, null, null, "Làm việc với tỉnh Luang Prabang", null, "Ngân sách thành phố"];
    const handBottom: CellValue[] = [null, "Đoàn tự túc của Văn phòng", null, null, 1];
    const width = masterLayout("outbound").columns.length;
    const padded = (values: CellValue[]) => [...values, ...Array(width - values.length).fill(null)];
    const edited = readBack(first, (sheet, rows) => {
      if (sheet !== MASTER_SHEET_NAMES.outbound) return rows;
      // Inserted by hand after Sở Y tế's three rows, and one right above the Tổng cộng row.
      const view = viewMaster(rows);
      const afterThird = view.data[2].row;
      const total = view.totalRow! - 1;
      return [...rows.slice(0, afterThird), padded(handMiddle), ...rows.slice(afterThird, total), padded(handBottom), ...rows.slice(total)];
    });

    test("read back without provenance, under the section they were typed in", () => {
      const rows = edited.sheets.outbound!.rows;
      expect(rows.map((r) => r.provenance?.unit ?? "tay")).toEqual(["Sở Y tế", "Sở Y tế", "Sở Y tế", "tay", "Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", "tay"]);
      expect(rows[3].section).toBe("II. Đoàn cấp sở, ngành, địa phương");
    });

    test("re-importing units keeps them where they were relative to the unit blocks", () => {
      const next = consolidate([unitPlan({ ...A, outbound: [trip(7)] }), unitPlan(C)], edited, hp);
      const table = sheetOf(next, MASTER_SHEET_NAMES.outbound);
      expect(column(table, "Tên đoàn")).toEqual([
        "Đoàn công tác số 7",
        "Đoàn bổ sung của Văn phòng",
        "Đoàn công tác số 4",
        "Đoàn công tác số 5",
        "Đoàn công tác số 6",
        "Đoàn tự túc của Văn phòng",
      ]);
      const view = viewMaster(table.rows);
      expect(view.data[1].values).toEqual(padded(handMiddle));
      expect(view.data[5].values).toEqual(padded(handBottom));
      // Every delegation row is numbered in order; the hand row's "a" stays (and holds its place), the row
      // without a country is not counted by Tổng cộng and gets no number.
      expect(column(table, "STT")).toEqual([1, "a", 3, 4, 5, null]);
      // And again: the same master.
      const again = consolidate([unitPlan({ ...A, outbound: [trip(7)] }), unitPlan(C)], readBack(next), hp);
      expect(again.sheets).toEqual(next.sheets);
    });
  });

  test("STT: every delegation row 1…n; a hand row's STT is written only where it was empty or a plain number", () => {
    const hand = (stt: CellValue, name: string, country: CellValue, notes: CellValue = null): CellValue[] =>
      [stt, name, "Trần Văn Tay", "Chánh Văn phòng", 2, null, country, "Tháng 8/2025", null, null, null, "Làm việc", null, "Ngân sách thành phố", null, null, null, notes];
    const width = masterLayout("outbound").columns.length;
    const padded = (values: CellValue[]) => [...values, ...Array(width - values.length).fill(null)];
    const edited = readBack(first, (sheet, rows) => {
      if (sheet !== MASTER_SHEET_NAMES.outbound) return rows;
      const total = viewMaster(rows).totalRow! - 1;
      const typed = [hand(null, "Tay trống", "Lào"), hand(99, "Tay số", "Lào"), hand("7.", "Tay số chấm", "Lào"), hand("Bổ sung", "Tay chữ", "Lào"), [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, "Ghi chú của Văn phòng"]];
      return [...rows.slice(0, total), ...typed.map(padded), ...rows.slice(total)];
    });
    const next = consolidate([], edited, hp);
    const table = sheetOf(next, MASTER_SHEET_NAMES.outbound);
    expect(column(table, "STT")).toEqual([1, 2, 3, 4, 5, 6, 7, 8, "Bổ sung", null]);
    expect(column(table, "Ghi chú").at(-1)).toBe("Ghi chú của Văn phòng");
    // The last number is the Tổng cộng's count of delegations.
    const count = table.formulas!.find((formula) => formula.formula.startsWith("=COUNTA"))!;
    expect(count.result).toBe(9);
    // Written once, the numbers stay the same on the next merge.
    expect(consolidate([], readBack(next), hp).sheets).toEqual(next.sheets);
  });

  test("columns a user added to the master are kept, printed after the plan's columns", () => {
    const edited = readBack(first, (sheet, rows) => {
      if (sheet !== MASTER_SHEET_NAMES.outbound) return rows;
      const view = viewMaster(rows);
      return rows.map((row, i) => [...row, i === view.headerRow - 1 ? "Ý kiến của Sở" : i === view.data[3].row - 1 ? "Đồng ý" : null]);
    });
    const next = consolidate([unitPlan(A)], edited, hp);
    const table = sheetOf(next, MASTER_SHEET_NAMES.outbound);
    const { titles } = viewMaster(table.rows);
    expect(titles.indexOf("Ý kiến của Sở")).toBe(TEMPLATES.outbound.fields.length);
    expect(table.print?.area?.right).toBe(TEMPLATES.outbound.fields.length + 1);
    expect(column(table, "Ý kiến của Sở")).toEqual([null, null, null, "Đồng ý", null]);
    expect(next.warnings.some((w) => w.includes("Ý kiến của Sở"))).toBe(true);
  });
});

/** A written master as the next level reads it: a unit workbook named by its "Đơn vị:" line. */
function masterAsUnit(plan: MasterPlan, file: string): UnitPlan {
  const grids: SheetGrid[] = plan.sheets.map((table) => ({ name: table.sheet, originRow: 1, originCol: 1, values: table.rows.map((row) => [...row]), merges: table.merges ?? [] }));
  return makeUnitPlan(file, grids, { year: 2025 });
}

describe("two levels: masters of units merged into a master of masters", () => {
  // Two leaders of each first-level unit go to Japan: within the limit of 3 per agency, over it if a
  // first-level master's agency were taken as the agency of its units' leaders.
  const japan = (n: number, role: string) => trip(n, { leader: `Lê Văn Số ${n}`, role, countries: "Nhật Bản", start: `Tháng ${1 + (n % 12)}/2025` });
  const units = ["Sở Y tế", "Sở Giáo dục và Đào tạo", "UBND xã Tân Hòa", "UBND phường Lê Chân"];
  const spec = (unit: string, i: number): UnitSpecInput => ({
    file: `don-vi-${i}.xlsx`,
    unit,
    outbound: [japan(10 * i + 1, "Giám đốc Sở"), japan(10 * i + 2, "Phó Giám đốc Sở")],
    // Units 0 and 1 receive the same visiting delegation (one each: not a duplicate); unit 2 lists its own twice.
    inbound: i < 2 ? [visit(1)] : i === 2 ? [visit(7), visit(7)] : [visit(20 + i)],
  });
  const masterA = consolidate([unitPlan(spec(units[0], 0)), unitPlan(spec(units[1], 1))], undefined, hp, { agency: { name: "Sở A" } });
  const masterB = consolidate([unitPlan(spec(units[2], 2)), unitPlan(spec(units[3], 3))], undefined, hp, { agency: { name: "Sở B" } });
  const masterC = consolidate([masterAsUnit(masterA, "so-a.xlsx"), masterAsUnit(masterB, "so-b.xlsx")], undefined, hp, { agency: { name: "Sở Ngoại vụ" } });

  test("every kind's master names the unit of each row in “Đơn vị chủ trì”, printed", () => {
    expect(column(sheetOf(masterA, MASTER_SHEET_NAMES.inbound), "Đơn vị chủ trì")).toEqual(["Sở Y tế", "Sở Giáo dục và Đào tạo"]);
    const inbound = sheetOf(masterA, MASTER_SHEET_NAMES.inbound);
    const printedRight = inbound.print!.area!.right;
    expect(viewMaster(inbound.rows).titles.indexOf("Đơn vị chủ trì")).toBeLessThan(printedRight);
  });

  test("the master of masters keeps the first level's units, each row's sender is the first-level master", () => {
    for (const kind of ["outbound", "inbound"] as const) {
      const sheet = sheetOf(masterC, MASTER_SHEET_NAMES[kind]);
      expect(new Set(column(sheet, "Đơn vị chủ trì"))).toEqual(new Set(units));
      expect(new Set(column(sheet, "Đơn vị"))).toEqual(new Set(["Sở A", "Sở B"]));
    }
    expect(masterC.units.flatMap((unit) => unit.notes).filter((note) => note.includes("trang tổng hợp của cấp dưới"))).toEqual(
      expect.arrayContaining([expect.stringContaining("được giữ ở cột “Đơn vị chủ trì”")]),
    );
    expect(masterC.units.flatMap((unit) => unit.notes).some((note) => note.includes("không có cột"))).toBe(false);
  });

  test("cross-unit rules on the master of masters use the first level's units", () => {
    expect(masterC.delegations.map((d) => d.unit).filter((u) => u !== undefined).sort()).toEqual(
      units.flatMap((unit, i) => [unit, unit, ...(i === 2 ? [unit, unit] : [unit])]).sort(),
    );
    // Two leaders per unit to Japan: no unit has three.
    expect(masterC.findings.filter((f) => f.rule === "leaders-same-destination")).toEqual([]);
    // The same visit listed by two units is not a duplicate; the one a unit listed twice is.
    const duplicates = masterC.findings.filter((f) => f.rule === "duplicate-delegation");
    const inbound = sheetOf(masterC, MASTER_SHEET_NAMES.inbound);
    const hosts = column(inbound, "Đơn vị chủ trì");
    const rows = dataRows(inbound);
    expect(duplicates.map((f) => f.row).sort()).toEqual(rows.filter((_, i) => hosts[i] === "UBND xã Tân Hòa").sort());
  });
});

describe("cross-unit rules on the master", () => {
  test("a key leader with 2 trips in one unit and 1 in another is flagged on all three master rows", () => {
    const { a, b } = travellingLeaderUnits();
    const unitA = unitPlan(a);
    const unitB = unitPlan(b);
    const plan = consolidate([unitA, unitB], undefined, hp);

    // Neither unit alone goes over the limit of 2.
    for (const unit of plan.units) expect(unit.findings.filter((f) => f.rule === "key-leader-trips")).toEqual([]);
    const flagged = plan.findings.filter((f) => f.rule === "key-leader-trips");
    const rows = dataRows(sheetOf(plan, MASTER_SHEET_NAMES.outbound));
    const leader = rows.map((row) => `C${row}`);
    expect(flagged.map((f) => [f.sheet, f.cell, f.severity])).toEqual([
      [MASTER_SHEET_NAMES.outbound, leader[0], "error"],
      [MASTER_SHEET_NAMES.outbound, leader[2], "error"],
      [MASTER_SHEET_NAMES.outbound, leader[3], "error"],
    ]);
    expect(flagged[0].message).toContain("3 lần");
    expect(flagged[0].related?.map((r) => r.row)).toEqual([rows[2], rows[3]]);
  });

  test("rows read back from an earlier master are checked the same as rows imported now", () => {
    const leader = { leader: "Nguyễn Văn Chủ", role: "Giám đốc Sở" };
    const units = [
      unitPlan({ file: "a.xlsx", unit: "Sở A", outbound: [trip(1, { ...leader, start: "Tháng 3/2025" }), trip(2, { ...leader, countries: "Pháp", start: "Tháng 6/2025" }), trip(3, { countries: "Lào", purpose: "Khảo sát mô hình du lịch cộng đồng" })] }),
      unitPlan({ file: "b.xlsx", unit: "Sở B", outbound: [trip(4, { ...leader, countries: "Úc", start: "Tháng 9/2025" }), trip(5, { countries: "Lào", purpose: "Khảo sát mô hình du lịch cộng đồng bản" })] }),
    ];
    const fresh = consolidate(units, undefined, hp);
    expect(new Set(fresh.findings.map((f) => f.rule))).toEqual(new Set(["key-leader-trips", "merge-candidate"]));
    const master = fresh.sheets.map((t) => ({ name: t.sheet, originRow: 1, originCol: 1, values: t.rows.map((r) => [...r]), merges: [] }));
    const reread = consolidate([], readMaster(master), hp);
    expect(reread.findings).toEqual(fresh.findings);
    expect(reread.sheets).toEqual(fresh.sheets);
  });

  test("a unit renamed by the user is the agency of its people, as it will be when the master is read back", () => {
    const unit = unitPlan({ file: "a.xlsx", unit: "Sở A", outbound: [trip(1)] }, { unitName: "Sở Văn hóa" });
    const plan = consolidate([unit], undefined, hp);
    expect(plan.delegations[0].unit).toBe("Sở Văn hóa");
  });

  test("the same delegation sent twice by one unit is a duplicate on the master", () => {
    const same = trip(1, { leader: "Phạm Thị Lặp", start: day(2025, 4, 7), end: day(2025, 4, 10) });
    const plan = consolidate(
      [unitPlan({ file: "a.xlsx", unit: "Sở Nội vụ", outbound: [same] }), unitPlan({ file: "a-bo-sung.xlsx", unit: "Sở Nội vụ", outbound: [same] })],
      undefined,
      hp,
    );
    expect(plan.findings.filter((f) => f.rule === "duplicate-delegation").map((f) => f.row)).toEqual(dataRows(sheetOf(plan, MASTER_SHEET_NAMES.outbound)));
  });

  test("leaders of different units going to one country are each unit's leaders, on the master and when the master is checked as a plan", () => {
    const japan = (n: number, leader: string, role: string) => trip(n, { leader, role, countries: "Nhật Bản", start: `Tháng ${n}/2025` });
    const units = [
      unitPlan({ file: "a.xlsx", unit: "Sở A", outbound: [japan(1, "Lê Văn Một", "Giám đốc Sở"), japan(2, "Lê Văn Hai", "Phó Giám đốc Sở")] }),
      unitPlan({ file: "b.xlsx", unit: "Sở B", outbound: [japan(3, "Trần Văn Ba", "Giám đốc Sở"), japan(4, "Trần Văn Bốn", "Phó Giám đốc Sở")] }),
    ];
    const plan = consolidate(units, undefined, hp);
    expect(plan.findings.filter((f) => f.rule === "leaders-same-destination")).toEqual([]);
    // Read as `dplan check` reads any plan: each row's unit is in Đơn vị chủ trì, not the master's own "Đơn vị:" line.
    const outbound = sheetOf(plan, MASTER_SHEET_NAMES.outbound);
    const read = readPlan([{ name: outbound.sheet, originRow: 1, originCol: 1, values: outbound.rows, merges: outbound.merges ?? [] }], { year: 2025 });
    expect(read.delegations.map((d) => d.unit)).toEqual(["Sở A", "Sở A", "Sở B", "Sở B"]);
    expect(checkPlan(read.delegations, hp).filter((f) => f.rule === "leaders-same-destination")).toEqual([]);
    // Four leaders of one unit to one country are still too many.
    const one = consolidate([unitPlan({ file: "c.xlsx", unit: "Sở C", outbound: [japan(1, "A Một", "Giám đốc Sở"), japan(2, "A Hai", "Phó Giám đốc Sở"), japan(3, "A Ba", "Phó Giám đốc Sở"), japan(4, "A Bốn", "Phó Giám đốc Sở")] })], undefined, hp);
    expect(one.findings.filter((f) => f.rule === "leaders-same-destination")).toHaveLength(4);
  });

  test("only the cross-unit rules run on the master", () => {
    const plan = consolidate([unitPlan({ file: "x.xlsx", unit: "Sở X", outbound: [trip(1, { funding: "Khác" })] })], undefined, hp);
    expect(plan.units[0].findings.some((f) => f.rule === "funding-unclear")).toBe(true);
    expect(plan.findings).toEqual([]);
  });
});

describe("no existing master and no template", () => {
  test("a unit without any template contributes nothing and says why", () => {
    const empty: UnitPlan = makeUnitPlan("ghi-chu.xlsx", [{ name: "Ghi chú", originRow: 1, originCol: 1, values: [["Chỉ là ghi chú"]], merges: [] }]);
    const plan = consolidate([empty], undefined, hp);
    expect(plan.sheets.map((s) => s.sheet)).toEqual([STATISTICS_SHEET_NAME]);
    expect(plan.units[0].sheets).toEqual([]);
    expect(plan.units[0].notes[0]).toMatch(/Không tìm thấy biểu mẫu/);
  });
});

describe("a leader cell holding the name and the role (no Chức vụ column in the unit's form)", () => {
  const grid: SheetGrid = {
    name: "Đoàn ra",
    originRow: 1,
    originCol: 1,
    merges: [],
    values: [
      ["KẾ HOẠCH ĐOÀN RA NĂM 2026", null, null, null, null, null, null, null],
      ["STT", "Tên đoàn", "Trưởng đoàn", "Số lượng", "Nước đến", "Thời gian", "Mục đích", "Nguồn kinh phí"],
      [1, "Đoàn xúc tiến đầu tư", "Nguyễn Văn An - Phó Chủ tịch UBND thành phố", 5, "Nhật Bản", "15-18/9/2026", "Xúc tiến đầu tư vào khu công nghệ cao", "Ngân sách thành phố"],
    ],
  };

  test("the master shows the name under Trưởng đoàn, the role under Chức vụ, and keeps the cell in Giá trị gốc", () => {
    const plan = consolidate([makeUnitPlan("so-ke-hoach.xlsx", [grid], { unitName: "Sở Kế hoạch và Đầu tư", year: 2026 })], undefined, { profile: getProfile("default"), year: 2026 });
    const master = plan.sheets.find((sheet) => sheet.sheet === MASTER_SHEET_NAMES.outbound)!;
    const view = viewMaster(master.rows);
    const column = (start: string) => view.titles.findIndex((title) => typeof title === "string" && title.startsWith(start));
    const [row] = view.data;
    expect(row.values[column("Trưởng đoàn")]).toBe("Nguyễn Văn An");
    expect(String(row.values[column("Chức vụ")])).toContain("Phó Chủ tịch UBND thành phố");
    expect(String(row.values[column("Giá trị gốc")])).toContain("Nguyễn Văn An - Phó Chủ tịch UBND thành phố");
  });
});

describe("a unit imported again without a plan kind it sent before", () => {
  test("its earlier rows of that kind stay, and the officer is told how many and where", () => {
    const first = consolidate([unitPlan(A)], undefined, hp);
    const again = consolidate([unitPlan({ ...A, inbound: undefined })], readBack(first), hp);
    const inbound = sheetOf(again, MASTER_SHEET_NAMES.inbound);
    expect(viewMaster(inbound.rows).data).toHaveLength(1);
    expect(again.warnings.join("\n")).toMatch(/Đơn vị “Sở Y tế” nhập lại từ tệp «so-y-te.xlsx» không có kế hoạch đoàn vào: 1 đoàn vào cũ/);
  });

  test("a unit that sends both kinds again gets no such warning", () => {
    const first = consolidate([unitPlan(A)], undefined, hp);
    const again = consolidate([unitPlan(A)], readBack(first), hp);
    expect(again.warnings.join("\n")).not.toMatch(/nhập lại từ tệp/);
  });
});
