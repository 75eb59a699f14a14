/**
 * The columns of a master sheet: the kind's canonical fields in TEMPLATES order (their Vietnamese
 * titles), then provenance (Đơn vị, Tệp, Dòng gốc), the unit's values as written where the master
 * normalised them (Giá trị gốc), then the computed deadlines (outbound only: passports
 * and trip reports are owed after a trip abroad), then columns a user added to an earlier master.
 */
import type { FieldId, PlanKind } from "../model";
import { TEMPLATES } from "../templates/definitions";
import { fieldColumn, type FormColumn } from "../templates/officialForm";
import { fold } from "../text";

export const MASTER_SHEET_NAMES: Record<PlanKind, string> = {
  outbound: "Tổng hợp đoàn ra",
  inbound: "Tổng hợp đoàn vào",
  people: "Tổng hợp đối ngoại nhân dân",
};

export const STATISTICS_SHEET_NAME = "Thống kê";

export const PROVENANCE_TITLES = { unit: "Đơn vị", file: "Tệp", source: "Dòng gốc" } as const;
export const COMPUTED_TITLES = { report: "Hạn báo cáo", passport: "Hạn nộp hộ chiếu" } as const;
/** What the unit wrote in the cells the master normalised ("Nước đến: Nhật Bảnn; Số lượng (người): 12 người"). */
export const ORIGINAL_TITLE = "Giá trị gốc";

export type ProvenanceColumn = keyof typeof PROVENANCE_TITLES;
export type ComputedColumn = keyof typeof COMPUTED_TITLES;

export type MasterColumn =
  | { type: "field"; field: FieldId; title: string }
  | { type: "provenance"; id: ProvenanceColumn; title: string }
  | { type: "original"; title: string }
  | { type: "computed"; id: ComputedColumn; title: string };

export interface MasterLayout {
  kind: PlanKind;
  sheet: string;
  columns: MasterColumn[];
  /** 0-based index of each field's column. */
  fieldIndex: Partial<Record<FieldId, number>>;
  provenanceIndex: Record<ProvenanceColumn, number>;
  computedIndex: Partial<Record<ComputedColumn, number>>;
  originalIndex: number;
}

const DATE_FIELDS: ReadonlySet<FieldId> = new Set(["start", "end"]);

const layouts = new Map<PlanKind, MasterLayout>();

export function masterLayout(kind: PlanKind): MasterLayout {
  const known = layouts.get(kind);
  if (known) return known;
  const columns: MasterColumn[] = TEMPLATES[kind].fields.map((field) => ({ type: "field", field: field.id, title: field.title }));
  for (const id of Object.keys(PROVENANCE_TITLES) as ProvenanceColumn[]) columns.push({ type: "provenance", id, title: PROVENANCE_TITLES[id] });
  columns.push({ type: "original", title: ORIGINAL_TITLE });
  if (kind === "outbound") for (const id of Object.keys(COMPUTED_TITLES) as ComputedColumn[]) columns.push({ type: "computed", id, title: COMPUTED_TITLES[id] });

  const fieldIndex: Partial<Record<FieldId, number>> = {};
  const provenanceIndex = {} as Record<ProvenanceColumn, number>;
  const computedIndex: Partial<Record<ComputedColumn, number>> = {};
  let originalIndex = -1;
  columns.forEach((column, index) => {
    if (column.type === "field") fieldIndex[column.field] = index;
    else if (column.type === "provenance") provenanceIndex[column.id] = index;
    else if (column.type === "original") originalIndex = index;
    else computedIndex[column.id] = index;
  });
  const layout: MasterLayout = { kind, sheet: MASTER_SHEET_NAMES[kind], columns, fieldIndex, provenanceIndex, computedIndex, originalIndex };
  layouts.set(kind, layout);
  return layout;
}

/** Columns whose values are calendar days (written dd/mm/yyyy). */
export function isDateColumn(column: MasterColumn): boolean {
  return column.type === "computed" || (column.type === "field" && DATE_FIELDS.has(column.field));
}

/**
 * The master column as the official form writes it: a field's print column (officialForm.fieldColumn);
 * provenance and deadlines sit outside the print area, where their width does not cost the page.
 */
export function formColumn(kind: PlanKind, column: MasterColumn): FormColumn {
  if (column.type === "field") return fieldColumn(kind, column.field);
  if (column.type === "computed") return { title: column.title, width: 14, format: "dd/mm/yyyy", centered: true };
  if (column.type === "original") return { title: column.title, width: 40 };
  return { title: column.title, width: column.id === "unit" ? 24 : column.id === "file" ? 22 : 16 };
}

/** How the master's rows are grouped into sections. */
export type MasterGrouping = "tier" | "unit";

/** Section titles of outbound plans [S0]: led by a city/province leader, or by a department or locality. */
export const TIER_SECTIONS = ["I. Đoàn do Lãnh đạo thành phố làm Trưởng đoàn", "II. Đoàn cấp sở, ngành, địa phương"] as const;

/** Header text compared the way units' headers are: folded. */
export function headerKey(text: string): string {
  return fold(text);
}

/** "dòng 11 (Đoàn ra)": where a master row came from in the unit's workbook. */
export function sourceLabel(sheet: string, row: number): string {
  return `dòng ${row} (${sheet})`;
}
