/**
 * Validation of a profile (shipped or a department's own JSON) with one Vietnamese message per wrong
 * field, naming its path: "params.countriesMax: phải là số nguyên dương (đang là -1)".
 * Beyond the zod schema it checks what the schema cannot: role and funding ids exist in the standard
 * lists, and the submission deadline is a real date.
 */
import type { z } from "zod";
import { FIELD_IDS, RULE_IDS, SEVERITIES } from "../model";
import { ROLES, ROLE_BY_ID } from "../lists/roles";
import { FUNDING, FUNDING_BY_ID } from "../lists/funding";
import { similarity } from "../text";
import { isIsoDate } from "../calendar/isoDate";
import { PARTNER_AREA_BY_ID } from "../rules/data/partnerAreas";
import { ProfileSchema, type Profile } from "./schema";

export type ProfileValidation = { profile: Profile; errors?: undefined } | { profile?: undefined; errors: string[] };

type PathSegment = PropertyKey;

const DEADLINE_DAYS = "phải là số nguyên dương (số ngày kể từ ngày nhập cảnh)";
const DEADLINE_KIND = "phải là true (ngày làm việc) hoặc false (ngày theo lịch)";
const DEADLINE_OBJECT = 'phải là { "days": số ngày, "workingDays": true/false }';
const FIELD_LIST = `phải là danh sách mã trường (${FIELD_IDS.join(", ")})`;
const FIELD_ID = `phải là một mã trường: ${FIELD_IDS.join(", ")}`;

/** What each field of a profile must hold, keyed by its path with array indices written "[]". */
const EXPECTATIONS: Record<string, string> = {
  id: "chỉ gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ: so-ngoai-vu-hai-phong)",
  name: "phải là tên bộ quy định (chuỗi không rỗng)",
  sources: "phải là danh sách (ít nhất 1) văn bản căn cứ",
  "sources[]": "phải là chuỗi mô tả văn bản căn cứ",
  units: "phải là danh sách tên các đơn vị gửi kế hoạch (mỗi tên một chuỗi)",
  "units[]": "phải là tên đơn vị (chuỗi không rỗng)",
  planYear: "phải là năm kế hoạch (số nguyên từ 2000 đến 2100)",
  submissionDeadline: "phải là ngày có thật dạng YYYY-MM-DD (ví dụ 2024-10-07)",
  requiredFields: 'phải là { "outbound": [...], "inbound": [...], "people": [...] }',
  "requiredFields.outbound": FIELD_LIST,
  "requiredFields.inbound": FIELD_LIST,
  "requiredFields.people": FIELD_LIST,
  "requiredFields.outbound[]": FIELD_ID,
  "requiredFields.inbound[]": FIELD_ID,
  "requiredFields.people[]": FIELD_ID,
  keyLeaderRoles: "phải là danh sách mã chức vụ (danh mục chức vụ)",
  "keyLeaderRoles[]": "phải là mã chức vụ (chuỗi)",
  forbiddenFunding: "phải là danh sách mã nguồn kinh phí (danh mục nguồn kinh phí)",
  "forbiddenFunding[]": "phải là mã nguồn kinh phí (chuỗi)",
  params: "phải là đối tượng chứa các tham số quy tắc",
  "params.membersMax": "phải là số nguyên dương hoặc null (không giới hạn số người)",
  "params.countriesMax": "phải là số nguyên dương",
  "params.daysPerCountry": "phải là số dương",
  "params.conferenceDaysPerCountry": "phải là số dương hoặc null (không có ngoại lệ cho hội nghị)",
  "params.travelDays": "phải là số không âm",
  "params.travelDaysByRegion": 'phải là { "asia": số ngày, "europe": …, "africa": …, "oceania": …, "americas": … }',
  "params.travelDaysByRegion.asia": "phải là số không âm (số ngày đi, về, quá cảnh)",
  "params.travelDaysByRegion.europe": "phải là số không âm (số ngày đi, về, quá cảnh)",
  "params.travelDaysByRegion.africa": "phải là số không âm (số ngày đi, về, quá cảnh)",
  "params.travelDaysByRegion.oceania": "phải là số không âm (số ngày đi, về, quá cảnh)",
  "params.travelDaysByRegion.americas": "phải là số không âm (số ngày đi, về, quá cảnh)",
  "params.oneRegionPerTrip": "phải là true (các nước của một chuyến trong cùng một khu vực) hoặc false",
  "params.peoplePartnerAreas": "phải là danh sách mã tỉnh của đối tác (ví dụ van-nam, phongsaly)",
  "params.peoplePartnerAreas[]": "phải là mã tỉnh (chuỗi)",
  "params.keyLeaderTripsMax": "phải là số nguyên dương",
  "params.leadersSameDestinationMax": "phải là số nguyên dương",
  "params.mergeSimilarity": "phải là số từ 0 đến 1",
  deadlines: 'phải là { "report": {...}, "passport": {...} }',
  "deadlines.report": DEADLINE_OBJECT,
  "deadlines.passport": DEADLINE_OBJECT,
  "deadlines.report.days": DEADLINE_DAYS,
  "deadlines.passport.days": DEADLINE_DAYS,
  "deadlines.report.workingDays": DEADLINE_KIND,
  "deadlines.passport.workingDays": DEADLINE_KIND,
  incompleteNotConsolidated: "phải là true (văn bản nêu đoàn thiếu thông tin không được tổng hợp) hoặc false",
  citations: 'phải là { "đường dẫn giá trị": "câu trích văn bản căn cứ" }',
  "citations.*": "phải là chuỗi trích câu văn bản căn cứ",
  severities: `phải là { "mã quy tắc": mức độ }; mã quy tắc: ${RULE_IDS.join(", ")}`,
  "severities.*": `phải là một trong: ${[...SEVERITIES, "off"].join(", ")}`,
};

const TYPE_NAMES: Record<string, string> = {
  number: "số",
  int: "số nguyên",
  string: "chuỗi",
  boolean: "true hoặc false",
  array: "danh sách [...]",
  object: "đối tượng {...}",
};

/** "params.countriesMax", "keyLeaderRoles[2]". */
export function formatPath(path: readonly PathSegment[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text === "" ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

function expectationKey(path: readonly PathSegment[]): string {
  if ((path[0] === "severities" || path[0] === "citations") && path.length === 2) return `${String(path[0])}.*`;
  return formatPath(path.map((segment) => (typeof segment === "number" ? -1 : segment))).replace(/\[-1\]/g, "[]");
}

function showValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function genericExpectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `phải là ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "too_small":
      return `phải ${issue.inclusive ? "≥" : ">"} ${String(issue.minimum)}`;
    case "too_big":
      return `phải ${issue.inclusive ? "≤" : "<"} ${String(issue.maximum)}`;
    case "invalid_value":
      return `phải là một trong: ${issue.values.map((v) => String(v)).join(", ")}`;
    case "invalid_format":
      return "sai định dạng";
    default:
      return "giá trị không hợp lệ";
  }
}

/** One message per issue, or several for unknown keys (one per key). */
function issueMessages(issue: z.core.$ZodIssue): { path: string; message: string }[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => {
      const path = formatPath([...issue.path, key]);
      const hint = issue.path.length === 0 ? " (các trường hợp lệ: " + Object.keys(ProfileSchema.shape).join(", ") + ")" : "";
      return { path, message: `${path}: trường không được hỗ trợ — kiểm tra chính tả${hint}` };
    });
  }
  const path = formatPath(issue.path);
  if (path === "") {
    return [{ path, message: "Tệp cấu hình phải là một đối tượng JSON { … } chứa các trường của bộ quy định" }];
  }
  const expectation = EXPECTATIONS[expectationKey(issue.path)] ?? genericExpectation(issue);
  const missing = issue.code === "invalid_type" && issue.input === undefined;
  const message = missing ? `${path}: thiếu trường bắt buộc — ${expectation}` : `${path}: ${expectation} (đang là ${showValue(issue.input)})`;
  return [{ path, message }];
}

function nearestId(id: string, ids: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = 0.6;
  for (const candidate of ids) {
    const score = similarity(id.toLowerCase(), candidate);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** Ids in a list field that are not in the standard list (checked even when other fields are wrong). */
function unknownIdMessages(
  value: unknown,
  field: "keyLeaderRoles" | "forbiddenFunding",
  known: ReadonlyMap<string, unknown>,
  what: string,
): { path: string; message: string }[] {
  if (!Array.isArray(value)) return [];
  const ids = [...known.keys()];
  const messages: { path: string; message: string }[] = [];
  value.forEach((id: unknown, index) => {
    if (typeof id !== "string" || known.has(id)) return;
    const path = formatPath([field, index]);
    const nearest = nearestId(id, ids);
    const hint = nearest ? `; có phải "${nearest}"?` : `; các mã hợp lệ: ${ids.join(", ")}`;
    messages.push({ path, message: `${path}: mã ${what} "${id}" không có trong danh mục${hint}` });
  });
  return messages;
}

function listMessages(value: unknown): { path: string; message: string }[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  const record = value as Record<string, unknown>;
  const messages = [
    ...unknownIdMessages(record.keyLeaderRoles, "keyLeaderRoles", ROLE_BY_ID, "chức vụ"),
    ...unknownIdMessages(record.forbiddenFunding, "forbiddenFunding", FUNDING_BY_ID, "nguồn kinh phí"),
  ];
  messages.push(...partnerAreaMessages(record.params), ...citationMessages(record.citations));
  const deadline = record.submissionDeadline;
  if (typeof deadline === "string" && /^\d{4}-\d{2}-\d{2}$/.test(deadline) && !isIsoDate(deadline)) {
    messages.push({
      path: "submissionDeadline",
      message: `submissionDeadline: ${EXPECTATIONS.submissionDeadline} (đang là ${showValue(deadline)})`,
    });
  }
  return messages;
}

/** Partner provinces must be ids of rules/data/partnerAreas. */
function partnerAreaMessages(params: unknown): { path: string; message: string }[] {
  if (typeof params !== "object" || params === null) return [];
  const areas = (params as Record<string, unknown>).peoplePartnerAreas;
  if (!Array.isArray(areas)) return [];
  const ids = [...PARTNER_AREA_BY_ID.keys()];
  return areas.flatMap((id: unknown, index) => {
    if (typeof id !== "string" || PARTNER_AREA_BY_ID.has(id)) return [];
    const path = formatPath(["params", "peoplePartnerAreas", index]);
    const nearest = nearestId(id, ids);
    return [{ path, message: `${path}: mã tỉnh "${id}" không có trong danh mục${nearest ? `; có phải "${nearest}"?` : `; các mã hợp lệ: ${ids.join(", ")}`}` }];
  });
}

/** The paths a citation may name: every setting of a profile except the citations themselves. */
function citablePaths(): string[] {
  return Object.keys(EXPECTATIONS).filter((key) => !key.includes("[]") && !key.includes("*") && key !== "citations");
}

/** A citation whose path names no setting is a typo the department should see. */
function citationMessages(value: unknown): { path: string; message: string }[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  const known = citablePaths();
  return Object.keys(value)
    .filter((key) => !known.includes(key) && !/^severities\.[a-z-]+$/.test(key))
    .map((key) => {
      const path = formatPath(["citations", key]);
      const nearest = nearestId(key, known);
      return { path, message: `${path}: không có giá trị "${key}" để trích dẫn${nearest ? `; có phải "${nearest}"?` : ""}` };
    });
}

/** Validates any value as a profile: the profile, or every wrong field (one Vietnamese message each). */
export function validateProfile(value: unknown): ProfileValidation {
  const result = ProfileSchema.safeParse(value, { reportInput: true });
  const found = [...(result.success ? [] : result.error.issues.flatMap(issueMessages)), ...listMessages(value)];
  if (found.length === 0 && result.success) return { profile: result.data };
  const seen = new Set<string>();
  const errors: string[] = [];
  for (const { path, message } of found) {
    if (seen.has(path)) continue;
    seen.add(path);
    errors.push(message);
  }
  return { errors };
}

/** Role ids that are key leaders by default (lists/roles `keyLeader`), for profiles and tests. */
export function defaultKeyLeaderRoles(): string[] {
  return ROLES.filter((role) => role.keyLeader).map((role) => role.id);
}

/** Funding ids forbidden in every jurisdiction (lists/funding `forbidden`). */
export function defaultForbiddenFunding(): string[] {
  return FUNDING.filter((entry) => entry.forbidden).map((entry) => entry.id);
}
