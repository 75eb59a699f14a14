/**
 * Shared pieces of finding messages: field names, row references, numbers and lists, in Vietnamese
 * and English. Each rule composes its own sentence from these.
 */
import type { Delegation, FieldId, PlanKind } from "../model";

export interface Text {
  vi: string;
  en: string;
}

const FIELD_LABELS: Record<FieldId, Text> = {
  seq: { vi: "STT", en: "No." },
  name: { vi: "Tên đoàn", en: "Delegation name" },
  leader: { vi: "Trưởng đoàn", en: "Head of delegation" },
  leaderRole: { vi: "Chức vụ trưởng đoàn", en: "Head's position" },
  members: { vi: "Số lượng", en: "Number of members" },
  composition: { vi: "Thành phần đoàn", en: "Composition" },
  countries: { vi: "Nước đến", en: "Destination countries" },
  period: { vi: "Thời gian", en: "Time" },
  start: { vi: "Từ ngày", en: "From" },
  end: { vi: "Đến ngày", en: "To" },
  days: { vi: "Số ngày", en: "Number of days" },
  purpose: { vi: "Mục đích, nội dung", en: "Purpose" },
  inviter: { vi: "Cơ quan mời", en: "Inviting party" },
  funding: { vi: "Nguồn kinh phí", en: "Funding source" },
  cost: { vi: "Kinh phí dự kiến", en: "Estimated cost" },
  unit: { vi: "Đơn vị chủ trì", en: "Organising unit" },
  planStatus: { vi: "Trong/ngoài kế hoạch", en: "In/out of plan" },
  notes: { vi: "Ghi chú", en: "Notes" },
  host: { vi: "Đơn vị mời, đón tiếp", en: "Host unit" },
  receivingLeader: { vi: "Lãnh đạo tiếp", en: "Receiving leader" },
  venue: { vi: "Địa điểm làm việc", en: "Venue" },
  locality: { vi: "Xã, thôn/bản", en: "Locality" },
  activity: { vi: "Hoạt động", en: "Activity" },
  partner: { vi: "Đối tác", en: "Partner" },
  form: { vi: "Hình thức", en: "Form" },
};

const INBOUND_LABELS: Partial<Record<FieldId, Text>> = {
  countries: { vi: "Quốc tịch, nước", en: "Nationality" },
  name: { vi: "Tên đoàn, cơ quan/tổ chức nước ngoài", en: "Delegation / foreign organisation" },
};

export function fieldLabel(field: FieldId, kind?: PlanKind): Text {
  return (kind === "inbound" ? INBOUND_LABELS[field] : undefined) ?? FIELD_LABELS[field];
}

/** "12", "2,5" (vi) / "2.5" (en). */
export function formatNumber(value: number): Text {
  const text = Number.isInteger(value) ? String(value) : String(Math.round(value * 10) / 10);
  return { vi: text.replace(".", ","), en: text };
}

/** "a, b và c" / "a, b and c". */
export function joinList(items: readonly string[]): Text {
  if (items.length <= 1) return { vi: items.join(""), en: items.join("") };
  const head = items.slice(0, -1).join(", ");
  const last = items[items.length - 1];
  return { vi: `${head} và ${last}`, en: `${head} and ${last}` };
}

/** How one row refers to another: only what differs from the referring row is named. */
export function rowRef(target: Delegation, from: Delegation): Text {
  const otherFile = (target.file ?? "") !== (from.file ?? "");
  if (!otherFile && target.sheet === from.sheet) return { vi: `dòng ${target.row}`, en: `row ${target.row}` };
  const parts: Text[] = [{ vi: `dòng ${target.row}`, en: `row ${target.row}` }];
  if (otherFile || target.sheet !== from.sheet) parts.push({ vi: `trang tính “${target.sheet}”`, en: `sheet "${target.sheet}"` });
  if (otherFile && target.file) parts.push({ vi: `tệp “${target.file}”`, en: `file "${target.file}"` });
  return { vi: parts.map((p) => p.vi).join(", "), en: parts.map((p) => p.en).join(", ") };
}

const MAX_LISTED_ROWS = 10;

/** "dòng 9; dòng 14, trang tính “Đoàn ra”" — at most ten, then "và 5 dòng khác" (total counts rows not passed). */
export function rowList(targets: readonly Delegation[], from: Delegation, total = targets.length): Text {
  const shown = targets.slice(0, MAX_LISTED_ROWS).map((t) => rowRef(t, from));
  const vi = shown.map((s) => s.vi);
  const en = shown.map((s) => s.en);
  const hidden = total - shown.length;
  if (hidden > 0) {
    vi.push(`và ${hidden} dòng khác`);
    en.push(`and ${hidden} more rows`);
  }
  return { vi: vi.join("; "), en: en.join("; ") };
}

/** Orders delegations by file, sheet, row: related rows are always listed the same way. */
export function compareRows(a: Delegation, b: Delegation): number {
  return compareText(a.file ?? "", b.file ?? "") || compareText(a.sheet, b.sheet) || a.row - b.row || compareText(a.id, b.id);
}

/** Code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Shortens a quoted cell text for a message. */
export function quote(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
