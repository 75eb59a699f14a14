/**
 * Issue 11, silent zero: above ~125,000 rows, spreading the rows into push()/splice() overflowed the call
 * stack, and the sheet was reported as "not a template" with no delegation: `check` then said "no
 * finding". The row parser is replaced by one that returns 130,000 delegations at once (parsing that many
 * real rows takes longer than a unit test may; `npm run bench` reads a real 100,000-row file).
 */
import type { Delegation } from "../../src/domain/model";
import { arrange } from "../../src/domain/merge/consolidate";
import type { MasterRow } from "../../src/domain/merge/types";
import { checkPlan } from "../../src/domain/rules/engine";
import type { RowRule } from "../../src/domain/rules/types";
import { readPlan } from "../../src/domain/templates/readPlan";
import { makeDelegation, testContext } from "../domain/rules/support";
import { planSheet } from "../fixtures/badFiles";
import type { SheetGrid } from "../../src/workbook/types";

const MANY = 130_000;

jest.mock("../../src/domain/templates/parseRows", () => ({
  parseSheet: (grid: { name: string }) => Array.from({ length: 130_000 }, (_, i) => ({ id: `${grid.name}!${i + 4}`, sheet: grid.name, row: i + 4 }) as unknown as Delegation),
}));

function gridOf(rows: (string | number | null)[][]): SheetGrid {
  return { name: "Đoàn ra", originRow: 1, originCol: 1, values: rows, merges: [] };
}

test("readPlan keeps all 130,000 delegations of a recognised sheet", () => {
  const sheet = planSheet("Đoàn ra", 2);
  const plan = readPlan([gridOf(sheet.rows as (string | number | null)[][])]);
  expect(plan.sheets[0].template).toBe(true);
  expect(plan.delegations).toHaveLength(MANY);
});

test("the merge's arrangement keeps a 130,000-row unit block, before a hand row and after another unit", () => {
  const row = (unit?: string): MasterRow => ({ values: [], extra: [], ...(unit ? { provenance: { unit, file: `${unit}.xlsx`, source: "" } } : {}) });
  const earlier = [row("A"), row()];
  const block = Array.from({ length: MANY }, () => row("B"));
  const out = arrange(earlier, new Map([["b", block]]));
  expect(out).toHaveLength(MANY + 2);
  expect(out[0].provenance?.unit).toBe("A");
  expect(out[MANY + 1].provenance).toBeUndefined();
});

test("checkPlan reports 130,000 findings of one rule (spreading them into push() overflowed the call stack)", () => {
  const rows = Array.from({ length: MANY }, (_, i) => makeDelegation({ row: i + 12 }));
  const everyRow: RowRule = {
    id: "required-field",
    defaultSeverity: "error",
    kinds: ["outbound"],
    fields: [],
    parameters: {},
    source: "",
    checkRow: (delegation) => [{ delegation, message: "Thiếu", messageEn: "Missing" }],
  };
  expect(checkPlan(rows, testContext(), [everyRow])).toHaveLength(MANY);
});
