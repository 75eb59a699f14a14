/**
 * The live check equals a full re-check after every edit: random sequences of typed cells, pastes, cleared
 * rows, inserted rows and renamed sheets over a plan whose rows share leaders, countries, months and
 * purposes (so every cross-row rule has groups to keep up to date).
 */
import fc from "fast-check";
import { LiveCheck, type CellChange, type LiveUpdate } from "../../../src/domain/live/liveCheck";
import type { Finding } from "../../../src/domain/model";
import { getProfile } from "../../../src/domain/profiles";
import { checkPlan, compareFindings, planYearFindings, type CheckContext } from "../../../src/domain/rules";
import { RULES } from "../../../src/domain/rules/registry";
import { mergeCandidate } from "../../../src/domain/rules/rules/mergeCandidate";
import type { PlanRule, Rule } from "../../../src/domain/rules/types";
import { readPlan } from "../../../src/domain/templates";
import type { CellValue, SheetGrid } from "../../../src/workbook/types";
import { livePlanGrids, LIVE_COLUMNS, stackedPlanGrid, valuePool } from "./livePlan";

const CONTEXT: CheckContext = { profile: getProfile("hai-phong"), year: 2025, leadershipSize: 4, keyLeaderNames: ["Lê Thị Cúc"] };

/** The rules, with merge-candidate noting each cluster whose part it works out (into `worked`). */
function rulesCountingClusters(worked: string[]): Rule[] {
  const parts = mergeCandidate.locality!.parts!;
  const spied: PlanRule = {
    ...mergeCandidate,
    locality: { ...mergeCandidate.locality!, parts: { ...parts, part: (key, rows, context) => (worked.push(key), parts.part(key, rows, context)) } },
  };
  return RULES.map((rule) => (rule.id === mergeCandidate.id ? spied : rule));
}

/** A full check as the pane and the CLI make it: the rules, and the plan-year findings at the titles. */
function fullCheck(grids: SheetGrid[]): Finding[] {
  const plan = readPlan(grids);
  return [...checkPlan(plan.delegations, CONTEXT), ...planYearFindings(plan, CONTEXT)].sort(compareFindings);
}

function setCell(grid: SheetGrid, row: number, column: number, value: CellValue): void {
  const r = row - grid.originRow;
  const c = column - grid.originCol;
  while (grid.values.length <= r) grid.values.push([]);
  const line = grid.values[r];
  while (line.length < c) line.push(null);
  line[c] = value;
}

function key(finding: Finding): string {
  return JSON.stringify(finding);
}

/** The previous findings, less the removed, plus the added, must be the new findings. */
function expectConsistentDiff(before: Finding[], update: LiveUpdate, after: Finding[]): void {
  const counts = new Map<string, number>();
  const bump = (finding: Finding, by: number) => counts.set(key(finding), (counts.get(key(finding)) ?? 0) + by);
  before.forEach((f) => bump(f, 1));
  update.removed.forEach((f) => bump(f, -1));
  update.added.forEach((f) => bump(f, 1));
  after.forEach((f) => bump(f, -1));
  expect([...counts.entries()].filter(([, n]) => n !== 0)).toEqual([]);
}

type Edit =
  | { type: "cells"; sheet: number; row: number; column: number; values: CellValue[][] }
  | { type: "insertRow"; sheet: number; row: number }
  | { type: "rename"; sheet: number };

const SHEETS = 2;

/** What an officer may type over a title, header or label row: each can change how the sheet is recognised. */
const STRUCTURAL_VALUES: CellValue[] = [
  "KẾ HOẠCH ĐOÀN RA NĂM 2026",
  "Đơn vị: Sở Y tế",
  "Nước đến",
  "Ghi chú khác",
  "Trưởng đoàn",
  "III. Các đơn vị khác",
  "Biểu mẫu 05 – Kế hoạch đoàn vào",
  "Tổng cộng",
  null,
];

function editArbitrary(sheets = SHEETS, rows = 26, structuralRows: number[] = [1, 2, 3, 4]): fc.Arbitrary<Edit> {
  const cellValue = (column: number) => fc.constantFrom(...valuePool(LIVE_COLUMNS[(column - 1) % LIVE_COLUMNS.length]));
  const typed = fc
    .record({ sheet: fc.nat(sheets - 1), row: fc.integer({ min: 1, max: rows }), column: fc.integer({ min: 1, max: LIVE_COLUMNS.length + 1 }) })
    .chain(({ sheet, row, column }) =>
      fc.oneof(
        { weight: 8, arbitrary: cellValue(column) },
        { weight: 1, arbitrary: fc.constantFrom<CellValue>("II. Các sở, ngành", "NGƯỜI LẬP BIỂU", "Tổng cộng", "Nước đến", "KẾ HOẠCH ĐOÀN RA NĂM 2026", null, "(1)", "Biểu mẫu 05 – Kế hoạch đoàn vào", "Quốc tịch") },
      ).map((value): Edit => ({ type: "cells", sheet, row, column, values: [[value]] })),
    );
  // A paste: a block of rows and columns at once.
  const pasted = fc
    .record({ sheet: fc.nat(sheets - 1), row: fc.integer({ min: 3, max: rows - 2 }), column: fc.integer({ min: 2, max: 8 }), height: fc.integer({ min: 1, max: 4 }), width: fc.integer({ min: 1, max: 4 }) })
    .chain(({ sheet, row, column, height, width }) =>
      fc
        .array(fc.tuple(...Array.from({ length: width }, (_, i) => cellValue(column + i))), { minLength: height, maxLength: height })
        .map((values): Edit => ({ type: "cells", sheet, row, column, values })),
    );
  // Title, header and label rows edited: the kept recognition cannot stand, the sheet is recognised again.
  const structural = fc
    .record({ sheet: fc.nat(sheets - 1), row: fc.constantFrom(...structuralRows), column: fc.integer({ min: 1, max: LIVE_COLUMNS.length }), value: fc.constantFrom(...STRUCTURAL_VALUES) })
    .map(({ sheet, row, column, value }): Edit => ({ type: "cells", sheet, row, column, values: [[value]] }));
  return fc.oneof(
    { weight: 10, arbitrary: typed },
    { weight: 3, arbitrary: pasted },
    { weight: 2, arbitrary: structural },
    { weight: 1, arbitrary: fc.record({ type: fc.constant("insertRow" as const), sheet: fc.nat(sheets - 1), row: fc.integer({ min: 2, max: rows - 4 }) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant("rename" as const), sheet: fc.nat(sheets - 1) }) },
  );
}

/** Applies one edit to the model grids and to the live check, in the way each host reports it. */
function apply(edit: Edit, grids: SheetGrid[], live: LiveCheck, step: number): LiveUpdate {
  const grid = grids[edit.sheet];
  if (edit.type === "cells") {
    const changes: CellChange[] = [];
    edit.values.forEach((line, dr) => line.forEach((value, dc) => changes.push({ row: edit.row + dr, column: edit.column + dc, value })));
    for (const change of changes) setCell(grid, change.row, change.column, change.value);
    return live.applyCells(grid.name, changes);
  }
  if (edit.type === "insertRow") {
    const index = edit.row - grid.originRow;
    grid.values.splice(Math.min(index, grid.values.length), 0, []);
    grid.merges = grid.merges.map((merge) =>
      merge.top >= edit.row ? { ...merge, top: merge.top + 1, bottom: merge.bottom + 1 } : merge.bottom >= edit.row ? { ...merge, bottom: merge.bottom + 1 } : merge,
    );
    return live.replaceSheet(grid.name, grid);
  }
  const oldName = grid.name;
  grid.name = `${oldName.replace(/ \d+$/, "")} ${step}`;
  return live.replaceSheet(oldName, grid);
}

describe("live check", () => {
  it.each([
    ["two plan sheets with sections", livePlanGrids, SHEETS, 26, [1, 2, 3, 4, 9]],
    ["stacked outbound and inbound tables with trips over several rows", () => [stackedPlanGrid()], 1, 16, [1, 2, 7, 8, 9, 10]],
  ])("equals a full re-check after every edit of a random sequence: %s", (_label, makeGrids, sheets, rows, structuralRows) => {
    fc.assert(
      fc.property(fc.array(editArbitrary(sheets, rows, structuralRows), { minLength: 1, maxLength: 12 }), fc.boolean(), (edits, prepared) => {
        const grids = makeGrids();
        const live = LiveCheck.start(grids, CONTEXT);
        // A host may build the kept parts while idle before the first edit: the same findings either way.
        if (prepared) live.prepare();
        expect(live.findings()).toEqual(fullCheck(grids));
        edits.forEach((edit, step) => {
          const before = live.findings();
          const update = apply(edit, grids, live, step);
          const expected = fullCheck(grids);
          const actual = live.findings();
          expect(actual).toEqual(expected);
          expectConsistentDiff(before, update, actual);
          expect(live.plan().delegations.map((d) => d.id).sort()).toEqual(readPlan(grids).delegations.map((d) => d.id).sort());
        });
      }),
      { numRuns: Number(process.env.LIVE_PROPERTY_RUNS) || 40 },
    );
  });

  it("re-checks only the edited row when a data cell is typed", () => {
    const grids = livePlanGrids();
    const live = LiveCheck.start(grids, CONTEXT);
    const update = live.applyCells(grids[0].name, [{ row: 7, column: 4, value: "Phó Giám đốc Sở" }]);
    expect(update.fullSheets).toEqual([]);
    expect(update.rowsRechecked).toBe(1);
  });

  it("re-reads a whole trip when one of its continuation rows is edited, without reading the sheet again", () => {
    const grids = [stackedPlanGrid()];
    const live = LiveCheck.start(grids, CONTEXT);
    const countriesColumn = LIVE_COLUMNS.indexOf("countries") + 1;
    const countriesOfTrip = () => live.plan().delegations.find((delegation) => delegation.row === 3)!.countries.map((country) => country.name);
    expect(countriesOfTrip()).toEqual(["Nhật Bản", "Hàn Quốc"]);
    const change = { row: 4, column: countriesColumn, value: "Pháp, Đức" };
    setCell(grids[0], change.row, change.column, change.value);
    const update = live.applyCells(grids[0].name, [change]);
    expect(update.fullSheets).toEqual([]);
    expect(update.rowsRechecked).toBe(1);
    expect(countriesOfTrip()).toEqual(["Nhật Bản", "Pháp", "Đức"]);
    expect(live.findings()).toEqual(fullCheck(grids));
    expect(live.plan().sheets.map((sheet) => (sheet.template ? sheet.kind : "none"))).toEqual(["outbound", "inbound"]);
  });

  it("keeps the recognition when a data row is typed, and recognises the sheet again when a title, label or empty row is", () => {
    const grids = livePlanGrids();
    const live = LiveCheck.start(grids, CONTEXT);
    const sheet = grids[0].name;
    const paste = (row: number, values: CellValue[], column = 1) => {
      const changes = values.map((value, offset) => ({ row, column: column + offset, value }));
      for (const change of changes) setCell(grids[0], change.row, change.column, change.value);
      const before = live.recognitions;
      live.applyCells(sheet, changes);
      expect(live.findings()).toEqual(fullCheck(grids));
      return live.recognitions - before;
    };
    const type = (row: number, column: number, value: CellValue) => paste(row, [value], column);
    const countriesColumn = LIVE_COLUMNS.indexOf("countries") + 1;
    // Data rows (a city trip, a department trip): re-parsed with the kept column map.
    expect(type(7, countriesColumn, "Nhật Bản, Hàn Quốc")).toBe(0);
    expect(type(12, LIVE_COLUMNS.indexOf("purpose") + 1, "Tham quan")).toBe(0);
    // The title's year (it dates every period), a data row turned into a section label, a row under the table.
    expect(type(1, 1, "KẾ HOẠCH ĐOÀN RA NĂM 2026")).toBeGreaterThan(0);
    expect(type(13, 1, "III. Các đơn vị khác")).toBe(0); // still a delegation: its other cells are filled
    expect(paste(13, ["III. Các đơn vị khác", ...LIVE_COLUMNS.slice(1).map(() => null)])).toBeGreaterThan(0);
    expect(type(16, countriesColumn, "Lào")).toBeGreaterThan(0);
  });

  it("keeps the plan-year finding at a title naming another year up to date from the edited rows alone", () => {
    const grids = livePlanGrids();
    grids[0].values[0][0] = "KẾ HOẠCH ĐOÀN RA NĂM 2026";
    const live = LiveCheck.start(grids, CONTEXT);
    const titleFinding = () => live.findings().filter((finding) => finding.delegationId.endsWith("!title:1") && finding.sheet === grids[0].name);
    expect(titleFinding()).toHaveLength(1);
    const before = titleFinding()[0];
    const recognitions = live.recognitions;
    const startColumn = LIVE_COLUMNS.indexOf("start") + 1;
    // A trip moved into 2024: one more outside the plan year 2025, counted without reading the sheet again.
    for (const [row, value] of [[7, new Date(Date.UTC(2024, 11, 30))], [7, new Date(Date.UTC(2025, 4, 10))]] as const) {
      const previous = live.findings();
      setCell(grids[0], row, startColumn, value);
      const update = live.applyCells(grids[0].name, [{ row, column: startColumn, value }]);
      expect(live.findings()).toEqual(fullCheck(grids));
      expectConsistentDiff(previous, update, live.findings());
      expect(update.titleSheets).toEqual([grids[0].name]);
      expect(live.findingsAt(grids[0].name, before.row, before.column)).toEqual(titleFinding());
    }
    expect(live.recognitions).toBe(recognitions);
    expect(titleFinding()).toEqual([before]);
    // The title back to the plan year: the finding goes.
    grids[0].values[0][0] = "KẾ HOẠCH ĐOÀN RA NĂM 2025";
    const back = live.applyCells(grids[0].name, [{ row: 1, column: 1, value: "KẾ HOẠCH ĐOÀN RA NĂM 2025" }]);
    expect(back.removed).toContainEqual(before);
    expect(titleFinding()).toEqual([]);
    expect(live.findings()).toEqual(fullCheck(grids));
  });

  it("reads the sheet again when the header is edited", () => {
    const grids = livePlanGrids();
    const live = LiveCheck.start(grids, CONTEXT);
    const update = live.applyCells(grids[0].name, [{ row: 3, column: 7, value: "Ghi chú khác" }]);
    expect(update.fullSheets).toEqual([grids[0].name]);
  });

  it("marks a 4th country typed into a delegation and removes the mark when fixed", () => {
    const grids = livePlanGrids();
    const live = LiveCheck.start(grids, CONTEXT);
    const countriesColumn = LIVE_COLUMNS.indexOf("countries") + 1;
    const sheet = grids[0].name;
    const onCell = () => live.findingsAt(sheet, 6, countriesColumn).filter((finding) => finding.rule === "countries-max");
    expect(onCell()).toEqual([]);
    const typed = live.applyCells(sheet, [{ row: 6, column: countriesColumn, value: "Nhật Bản, Hàn Quốc, Lào, Pháp" }]);
    expect(typed.added.filter((finding) => finding.rule === "countries-max").map((finding) => finding.cell)).toEqual([`G6`]);
    expect(onCell()).toHaveLength(1);
    const fixed = live.applyCells(sheet, [{ row: 6, column: countriesColumn, value: "Nhật Bản, Hàn Quốc" }]);
    expect(fixed.removed.filter((finding) => finding.rule === "countries-max")).toHaveLength(1);
    expect(onCell()).toEqual([]);
  });
});

describe("live check on a dense cluster (merge-candidate's comparison cap)", () => {
  const column = (field: (typeof LIVE_COLUMNS)[number]) => LIVE_COLUMNS.indexOf(field) + 1;
  function clusterGrid(size: number): SheetGrid {
    const header = livePlanGrids()[1].values[0];
    const rows = Array.from({ length: size }, (_, i) => {
      const line: CellValue[] = LIVE_COLUMNS.map(() => null);
      line[column("seq") - 1] = i + 1;
      line[column("leader") - 1] = `Người số ${i}`;
      line[column("leaderRole") - 1] = "Chuyên viên";
      line[column("members") - 1] = 3;
      line[column("countries") - 1] = ["Hàn Quốc", "Hàn Quốc, Nhật Bản", "Nhật Bản", "Hàn Quốc"][i % 4];
      line[column("start") - 1] = new Date(Date.UTC(2025, 8, 1 + (i % 20)));
      line[column("end") - 1] = new Date(Date.UTC(2025, 8, 4 + (i % 20)));
      // Mostly one purpose (the dense cluster), some with rarer words that change which words are rarest.
      line[column("purpose") - 1] = i % 5 === 0 ? `Hợp tác cảng biển Incheon nhóm ${i % 11} logistics` : `Làm việc với thành phố Incheon về hợp tác cảng biển logistics đợt ${i % 7}`;
      line[column("funding") - 1] = "Ngân sách nhà nước";
      return line;
    });
    return { name: "Cụm", originRow: 1, originCol: 1, values: [header, ...rows], merges: [] };
  }

  it("equals a full re-check after edits inside a cluster far larger than the cap", () => {
    const grids = [clusterGrid(600)];
    const live = LiveCheck.start(grids, CONTEXT);
    expect(live.findings()).toEqual(fullCheck(grids));
    const edits: CellChange[] = [
      { row: 40, column: column("purpose"), value: "Làm việc với thành phố Incheon về hợp tác cảng biển logistics đợt 3" },
      { row: 300, column: column("start"), value: new Date(Date.UTC(2025, 8, 18)) },
      { row: 301, column: column("countries"), value: "Nhật Bản" },
      { row: 550, column: column("purpose"), value: "Tham quan" },
    ];
    for (const change of edits) {
      setCell(grids[0], change.row, change.column, change.value);
      live.applyCells(grids[0].name, [change]);
      expect(live.findings()).toEqual(fullCheck(grids));
    }
  });

  it("works out again only the clusters an edited row held or holds", () => {
    const grids = [clusterGrid(80)];
    const worked: string[] = [];
    const live = LiveCheck.start(grids, CONTEXT, {}, rulesCountingClusters(worked));
    const keysAt = (row: number) => [...mergeCandidate.locality!.keys(live.plan().delegations.find((delegation) => delegation.row === row)!, CONTEXT)];
    const edit = (change: CellChange) => {
      const before = keysAt(change.row);
      setCell(grids[0], change.row, change.column, change.value);
      worked.length = 0;
      live.applyCells(grids[0].name, [change]);
      expect(live.findings()).toEqual(fullCheck(grids));
      return { worked: [...worked].sort(), held: [...new Set([...before, ...keysAt(change.row)])].sort() };
    };
    const allKeys = new Set(live.plan().delegations.flatMap((delegation) => [...mergeCandidate.locality!.keys(delegation, CONTEXT)]));
    expect(allKeys.size).toBeGreaterThan(1);
    edit({ row: 10, column: column("purpose"), value: "Tham quan cảng biển Incheon" }); // the first edit builds every cluster's part
    // A Korea-only row (i = 8) gets another purpose: Japan's cluster is not worked again.
    const purposeEdit = edit({ row: 10, column: column("purpose"), value: "Làm việc với thành phố Incheon về hợp tác cảng biển logistics đợt 1" });
    expect(purposeEdit.held).toHaveLength(1);
    expect(purposeEdit.worked).toEqual(purposeEdit.held);
    // The same row moved to Japan: its old cluster and its new one.
    const countryEdit = edit({ row: 10, column: column("countries"), value: "Nhật Bản" });
    expect(countryEdit.held).toHaveLength(2);
    expect(countryEdit.worked).toEqual(countryEdit.held);
  });

  it("prepare() builds the clusters ahead, so the first edit works out only its own", () => {
    const grids = [clusterGrid(80)];
    const worked: string[] = [];
    const live = LiveCheck.start(grids, CONTEXT, {}, rulesCountingClusters(worked));
    live.prepare();
    live.prepare(); // idempotent: nothing is built twice
    const allKeys = new Set(live.plan().delegations.flatMap((delegation) => [...mergeCandidate.locality!.keys(delegation, CONTEXT)]));
    const built = worked.length;
    expect(built).toBeLessThanOrEqual(allKeys.size);
    worked.length = 0;
    setCell(grids[0], 10, column("purpose"), "Làm việc với thành phố Incheon về hợp tác cảng biển logistics đợt 2");
    live.applyCells(grids[0].name, [{ row: 10, column: column("purpose"), value: "Làm việc với thành phố Incheon về hợp tác cảng biển logistics đợt 2" }]);
    expect(live.findings()).toEqual(fullCheck(grids));
    expect(worked.length).toBeLessThan(allKeys.size);
    expect(worked.length).toBeGreaterThan(0);
  });
});
