/**
 * The "Thống kê" sheet: delegations of the master by kind, by country, by quarter and by unit, as
 * small tables (Excel draws a chart beside each; the CLI prints them).
 */
import { PLAN_KINDS, type Delegation, type PlanKind } from "../model";
import { TEMPLATES } from "../templates/definitions";
import { PAGE_FOOTER, PRINT_MARGINS } from "../templates/officialForm";
import { compareText } from "../rules/messages";
import { fold } from "../text";
import type { CellArea, ChartRequest, TableWrite } from "../../workbook/types";
import { unitKey } from "./identity";
import { STATISTICS_SHEET_NAME } from "./layout";
import type { StatisticsTable } from "./types";

export interface CountedRow {
  delegation: Delegation;
  /** Provenance unit; undefined for rows added by hand. */
  unit?: string;
}

const KIND_TITLES: Record<PlanKind, string> = { outbound: "Đoàn ra", inbound: "Đoàn vào", people: "Đối ngoại nhân dân" };
const HAND_ROWS = "(dòng nhập tay)";
/** Hand rows' key among unit keys: unitKey trims, so no unit's key is a space. */
const HAND_ROWS_KEY = " ";
const QUARTERS = ["Quý I", "Quý II", "Quý III", "Quý IV"];

export function computeStatistics(rows: readonly CountedRow[], year: number): StatisticsTable[] {
  const kinds = PLAN_KINDS.filter((kind) => rows.some((row) => row.delegation.kind === kind));
  const shown = kinds.length > 0 ? kinds : (["outbound"] as PlanKind[]);
  return [byKind(rows), byCountry(rows), byQuarter(rows, year, shown), byUnit(rows, shown)];
}

function byKind(rows: readonly CountedRow[]): StatisticsTable {
  const table: StatisticsTable = { title: "Theo loại kế hoạch", columns: ["Loại kế hoạch", "Số đoàn", "Số người"], rows: [], chart: "pie" };
  for (const kind of PLAN_KINDS) {
    const ofKind = rows.filter((row) => row.delegation.kind === kind);
    if (ofKind.length === 0) continue;
    const people = ofKind.reduce((sum, row) => sum + (row.delegation.members ?? 0), 0);
    table.rows.push([TEMPLATES[kind].name, ofKind.length, people]);
  }
  table.rows.push(["Tổng cộng", rows.length, rows.reduce((sum, row) => sum + (row.delegation.members ?? 0), 0)]);
  return table;
}

/** A delegation to several countries counts once for each; people-to-people partners have no country column. */
function byCountry(rows: readonly CountedRow[]): StatisticsTable {
  const kinds: PlanKind[] = ["outbound", "inbound"];
  const counts = new Map<string, { name: string; perKind: number[] }>();
  for (const { delegation } of rows) {
    const column = kinds.indexOf(delegation.kind);
    if (column < 0) continue;
    const seen = new Set<string>();
    for (const country of delegation.countries) {
      const key = country.code ?? fold(country.name);
      if (key === "" || seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key) ?? { name: country.name, perKind: kinds.map(() => 0) };
      entry.perKind[column] += 1;
      counts.set(key, entry);
    }
  }
  const sorted = [...counts.values()].sort((a, b) => total(b.perKind) - total(a.perKind) || compareText(fold(a.name), fold(b.name)));
  return {
    title: "Theo nước đến / quốc tịch (đoàn đi nhiều nước được tính cho mỗi nước)",
    columns: ["Nước", ...kinds.map((k) => KIND_TITLES[k]), "Tổng"],
    rows: sorted.map((entry) => [entry.name, ...entry.perKind, total(entry.perKind)]),
    chart: "bar",
  };
}

/** The quarter a delegation starts in; times known only to the year, or in another year, are shown apart. */
export function quarterLabel(delegation: Delegation, year: number): string {
  const period = delegation.period;
  if (!period) return "Chưa rõ thời gian";
  if (Number(period.start.slice(0, 4)) !== year) return "Ngoài năm kế hoạch";
  if (period.precision === "year") return "Cả năm (chưa rõ quý)";
  return QUARTERS[Math.floor((Number(period.start.slice(5, 7)) - 1) / 3)];
}

function byQuarter(rows: readonly CountedRow[], year: number, kinds: PlanKind[]): StatisticsTable {
  const labels = [...QUARTERS, "Cả năm (chưa rõ quý)", "Ngoài năm kế hoạch", "Chưa rõ thời gian"];
  const counts = new Map(labels.map((label) => [label, kinds.map(() => 0)] as const));
  for (const { delegation } of rows) {
    const column = kinds.indexOf(delegation.kind);
    if (column >= 0) counts.get(quarterLabel(delegation, year))![column] += 1;
  }
  return {
    title: `Theo quý (năm ${year}, theo thời gian bắt đầu)`,
    columns: ["Quý", ...kinds.map((k) => KIND_TITLES[k]), "Tổng"],
    // The four quarters always; the other lines only when some delegation falls there.
    rows: labels
      .filter((label, index) => index < QUARTERS.length || total(counts.get(label)!) > 0)
      .map((label) => [label, ...counts.get(label)!, total(counts.get(label)!)]),
    chart: "column",
  };
}

function byUnit(rows: readonly CountedRow[], kinds: PlanKind[]): StatisticsTable {
  const counts = new Map<string, { name: string; perKind: number[] }>();
  for (const { delegation, unit } of rows) {
    const column = kinds.indexOf(delegation.kind);
    if (column < 0) continue;
    const name = unit ?? HAND_ROWS;
    // A unit is its exact name (identity.ts): "Tân Hòa" and "Tân Hóa" are two communes, counted apart.
    const key = unit === undefined ? HAND_ROWS_KEY : unitKey(unit);
    const entry = counts.get(key) ?? { name, perKind: kinds.map(() => 0) };
    entry.perKind[column] += 1;
    counts.set(key, entry);
  }
  // Units in the order they appear in the master; hand rows last.
  const ordered = [...counts.entries()].sort(([a], [b]) => Number(a === HAND_ROWS_KEY) - Number(b === HAND_ROWS_KEY));
  return {
    title: "Theo đơn vị",
    columns: ["Đơn vị", ...kinds.map((k) => KIND_TITLES[k]), "Tổng"],
    rows: ordered.map(([, entry]) => [entry.name, ...entry.perKind, total(entry.perKind)]),
    chart: "bar",
  };
}

function total(values: number[]): number {
  return values.reduce((sum, n) => sum + n, 0);
}

/** The statistics as one sheet: a title, then each table under its own title, a blank row between. */
export function statisticsTable(tables: StatisticsTable[], year: number): TableWrite {
  const rows: TableWrite["rows"] = [[`THỐNG KÊ KẾ HOẠCH ĐOÀN NĂM ${year}`]];
  const subHeaderRows: number[] = [];
  const charts: ChartRequest[] = [];
  const merges: CellArea[] = [];
  for (const table of tables) {
    rows.push([]);
    rows.push([table.title]);
    subHeaderRows.push(rows.length);
    // A long title ("Theo nước đến / quốc tịch (…)") spans its table's width: one 36-wide cell would cut it off.
    if (table.columns.length > 1) merges.push({ top: rows.length, left: 1, bottom: rows.length, right: table.columns.length });
    rows.push([...table.columns]);
    const headerRow = rows.length;
    subHeaderRows.push(headerRow);
    for (const row of table.rows) rows.push([...row]);
    if (table.rows.length > 0) {
      // The total line of the kinds table is not a category of the chart.
      const lastRow = table.rows[table.rows.length - 1][0] === "Tổng cộng" ? rows.length - 1 : rows.length;
      const valueColumns = table.columns.length > 2 && table.columns[table.columns.length - 1] === "Tổng" ? range(2, table.columns.length - 1) : [2];
      if (table.chart && lastRow > headerRow) charts.push({ title: table.title, type: table.chart, headerRow, firstRow: headerRow + 1, lastRow, labelColumn: 1, valueColumns });
    }
  }
  const width = Math.max(...tables.map((t) => t.columns.length), 1);
  // The sheet's title spans the tables' width too (it wrapped in the 36-wide first column).
  if (width > 1) merges.unshift({ top: 1, left: 1, bottom: 1, right: width });
  return {
    sheet: STATISTICS_SHEET_NAME,
    rows,
    headerRows: 1,
    subHeaderRows,
    columnWidths: [36, ...Array.from({ length: width - 1 }, () => 14)],
    merges,
    charts,
    // One page wide: the last column ("Tổng") printed alone on a second page before.
    print: { orientation: "portrait", fitToPagesWide: 1, footer: PAGE_FOOTER, margins: PRINT_MARGINS },
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
