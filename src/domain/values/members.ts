/**
 * The "Số lượng" cell → number of members (and of leaders among them when written):
 * 5, "05", "05 người", "6 (gồm 2 lãnh đạo)", "6 người (02 LĐ)", "2 LĐ + 4 CV", "5-7 người" (upper bound).
 */
import type { CellValue } from "../../workbook/types";
import { isCellError } from "../../workbook/types";
import { plainLower } from "./textKeys";

export interface MembersResult {
  members?: number;
  leaders?: number;
  /** Vietnamese. Alongside the numbers when they were read but disagree (more leaders than members). */
  error?: string;
}

/** Above this a "number of members" is a slip (a serial date, a cost) rather than a delegation. */
const MAX_MEMBERS = 9999;

const messages = {
  noNumber: (raw: string) => `Không đọc được số thành viên «${raw}»: ghi bằng chữ số, ví dụ 5 hoặc 05 người`,
  notInteger: (raw: string) => `Số thành viên «${raw}» phải là số nguyên`,
  notPositive: (raw: string) => `Số thành viên «${raw}» phải lớn hơn 0`,
  tooLarge: (raw: string) => `Số thành viên «${raw}» quá lớn, hãy kiểm tra lại`,
  cellError: (code: string) => `Ô số lượng có lỗi công thức (${code}): nhập lại số thành viên`,
  boolean: () => "Số thành viên không thể là giá trị đúng/sai (TRUE/FALSE)",
  date: () => "Ô số lượng đang là ngày tháng (Excel tự đổi, ví dụ «5-7» thành ngày 5/7): nhập lại dạng chữ, ví dụ 5-7 người",
  leadersExceed: (leaders: number, members: number) => `Số lãnh đạo (${leaders}) lớn hơn tổng số thành viên (${members})`,
};

function checkCount(count: number, raw: string): MembersResult {
  if (!Number.isFinite(count)) return { error: messages.noNumber(raw) };
  if (count <= 0) return { error: messages.notPositive(raw) };
  if (!Number.isInteger(count)) return { error: messages.notInteger(raw) };
  if (count > MAX_MEMBERS) return { error: messages.tooLarge(raw) };
  return { members: count };
}

/** "(gồm 2 lãnh đạo)", "(02 LĐ)", "trong đó 2 lãnh đạo", "2 LĐ": the leaders among the members. */
const LEADERS = /(\d+)\s*(?:lanh dao|ld)\b/;
/** "2 LĐ + 4 CV": parts of the delegation added up. */
const SUM = /^\d+\s*[a-z/. ]*(?:\+\s*\d+\s*[a-z/. ]*)+$/;
/** "5-7 người", "5 đến 7": a range, of which the upper bound is the size to check. */
const RANGE = /^(\d+)\s*(?:-|–|—|~|den|toi)\s*(\d+)\b/;
const DECIMAL = /^\d+[.,]\d+\b/;
const NEGATIVE = /^-\s*\d/;
const WORDS_BEFORE_NUMBER = /^(?:khoang|du kien|toi da|tong so|tong cong|tong|so luong|sl|doan gom|doan|gom|~|:|\s)*/;

function parseMembersText(text: string): MembersResult {
  const raw = text.replace(/\s+/g, " ").trim();
  if (raw === "") return {};
  const s = plainLower(raw);
  if (!/\d/.test(s)) return { error: messages.noNumber(raw) };

  const body = s.replace(WORDS_BEFORE_NUMBER, "");
  if (NEGATIVE.test(body)) return { error: messages.notPositive(raw) };
  if (DECIMAL.test(body)) return { error: messages.notInteger(raw) };

  let result: MembersResult;
  const range = RANGE.exec(body);
  if (SUM.test(body) && body.includes("+")) {
    const total = (body.match(/\d+/g) ?? []).reduce((sum, n) => sum + Number(n), 0);
    result = checkCount(total, raw);
  } else if (range) {
    result = checkCount(Math.max(Number(range[1]), Number(range[2])), raw);
  } else {
    const first = /\d+/.exec(body);
    result = first ? checkCount(Number(first[0]), raw) : { error: messages.noNumber(raw) };
  }
  if (result.error !== undefined) return result;

  const leadersMatch = LEADERS.exec(body);
  if (leadersMatch && leadersMatch.index > 0) {
    const leaders = Number(leadersMatch[1]);
    const members = result.members as number;
    return leaders > members ? { members, leaders, error: messages.leadersExceed(leaders, members) } : { members, leaders };
  }
  if (leadersMatch && SUM.test(body)) return { ...result, leaders: Number(leadersMatch[1]) };
  return result;
}

/**
 * A members cell → `{ members, leaders? }`, `{ error }` (Vietnamese), or `{}` when empty.
 * Numbers may come as Excel numbers or as text.
 */
export function parseMembers(value: CellValue): MembersResult {
  if (value === null || value === undefined) return {};
  if (typeof value === "number") return checkCount(value, String(value));
  if (typeof value === "string") return parseMembersText(value);
  if (typeof value === "boolean") return { error: messages.boolean() };
  if (value instanceof Date) return { error: messages.date() };
  if (isCellError(value)) return { error: messages.cellError(value.error) };
  return { error: messages.noNumber("") };
}
