/**
 * PaneServices in memory: a small workbook of cell texts and a scripted check result. For the pane's
 * tests and for a playground without Excel. No jest here: calls are recorded in `calls`.
 */
import { z } from "zod";
import type { Finding, PlanKind } from "../../src/domain/model";
import { ProfileSchema, type Profile } from "../../src/domain/profiles/schema";
import type { CheckSettings } from "../../src/domain/settings";
import { fold, similarity } from "../../src/domain/text";
import {
  isFixable,
  type CellTarget,
  type CheckResult,
  type DropdownOutcome,
  type FixOutcome,
  type FixPreview,
  type PaneServices,
  type ProfileLoadResult,
  type ProfileSummary,
} from "../../src/taskpane/services";

type Method = keyof PaneServices;

export interface FakeOptions {
  /** What check() finds (its findings minus those fixed since). */
  result?: CheckResult;
  /** Cell texts by "Sheet!A1". */
  cells?: Record<string, string>;
  settings?: CheckSettings;
  profiles?: ProfileSummary[];
  dropdowns?: DropdownOutcome;
}

export interface FakeServices extends PaneServices {
  calls: { method: Method; args: unknown[] }[];
  callsOf(method: Method): unknown[][];
  /** Make a method fail with this Vietnamese message (async ones reject, sync ones throw). */
  failures: Partial<Record<Method, string>>;
  cells: Record<string, string>;
  savedSettings: CheckSettings;
  sheetNames: string[];
}

const cellKey = (sheet: string, cell: string) => `${sheet}!${cell}`;
const findingKey = (finding: Finding) => `${finding.sheet}!${finding.cell}|${finding.rule}|${finding.suggestion ?? ""}`;

/** Parts of a cell as units separate them ("Nhật Bản, Hàn Quốc", "Hoa Kỳ - Canada", "Lào và Campuchia"). */
function parts(text: string): string[] {
  return text.split(/\s*[,;]\s*|\s+[-–]\s+|\s+và\s+/).filter((part) => part.trim() !== "");
}

/** Replaces the part of the text nearest to the suggestion (the unrecognised name) with it. */
export function replaceNearest(text: string, suggestion: string): string {
  const candidates = parts(text);
  if (candidates.length <= 1) return suggestion;
  let best = candidates[0];
  for (const part of candidates) if (similarity(fold(part), fold(suggestion)) > similarity(fold(best), fold(suggestion))) best = part;
  return text.replace(best, suggestion);
}

function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function summarise(profile: Profile): string[] {
  const { params } = profile;
  return [
    params.membersMax === null ? "Không giới hạn số thành viên" : `Tối đa ${params.membersMax} thành viên mỗi đoàn`,
    `Tối đa ${params.countriesMax} nước mỗi chuyến`,
    `Lãnh đạo chủ chốt đi tối đa ${params.keyLeaderTripsMax} chuyến/năm`,
  ];
}

export function createFakeServices(options: FakeOptions = {}): FakeServices {
  const result = options.result ?? SAMPLE_RESULT;
  const resolved = new Set<string>();
  const listeners = new Set<(result: CheckResult) => void>();
  let latest: CheckResult | undefined;
  let checks = 0;
  let customProfiles: ProfileSummary[] = [];
  const profiles = options.profiles ?? SAMPLE_PROFILES;

  const fake: FakeServices = {
    calls: [],
    callsOf: (method) => fake.calls.filter((call) => call.method === method).map((call) => call.args),
    failures: {},
    cells: { ...(options.cells ?? SAMPLE_CELLS) },
    savedSettings: options.settings ?? { profileId: "hai-phong", year: 2025, locale: "vi" },
    sheetNames: result.sheets.map((sheet) => sheet.sheet),

    async check(settings: CheckSettings) {
      record("check", settings);
      checks++;
      const next: CheckResult = {
        ...result,
        findings: result.findings.filter((finding) => !resolved.has(findingKey(finding))),
        // A fixed clock: each check one minute after the previous one.
        checkedAt: new Date(Date.UTC(2025, 2, 12, 7, checks)).toISOString(),
      };
      latest = next;
      for (const listener of listeners) listener(next);
      return next;
    },
    async clearMarks() {
      record("clearMarks");
    },
    async goToCell(target: CellTarget) {
      record("goToCell", target);
    },
    previewFixes(findings: Finding[]) {
      record("previewFixes", findings);
      const byCell = new Map<string, FixPreview>();
      for (const finding of findings.filter(isFixable)) {
        const key = cellKey(finding.sheet, finding.cell);
        const from = fake.cells[key];
        if (from === undefined) continue;
        const fix = byCell.get(key) ?? { sheet: finding.sheet, row: finding.row, column: finding.column, cell: finding.cell, from, to: from, findings: [] };
        fix.to = replaceNearest(fix.to, finding.suggestion ?? "");
        fix.findings.push(finding);
        byCell.set(key, fix);
      }
      return [...byCell.values()].filter((fix) => fix.to !== fix.from);
    },
    async applyFixes(fixes: FixPreview[]): Promise<FixOutcome> {
      record("applyFixes", fixes);
      let applied = 0;
      let skipped = 0;
      for (const fix of fixes) {
        const key = cellKey(fix.sheet, fix.cell);
        if (fake.cells[key] !== fix.from) {
          skipped++;
          continue;
        }
        fake.cells[key] = fix.to;
        for (const finding of fix.findings) resolved.add(findingKey(finding));
        applied++;
      }
      return { applied, skipped };
    },
    async exportReport(findings: Finding[]) {
      record("exportReport", findings);
      const name = fake.sheetNames.includes("Kết quả kiểm tra") ? "Kết quả kiểm tra (2)" : "Kết quả kiểm tra";
      fake.sheetNames.push(name);
      return name;
    },
    async attachDropdowns() {
      record("attachDropdowns");
      return options.dropdowns ?? { columns: 7, sheets: result.sheets.filter((sheet) => sheet.kind).map((sheet) => sheet.sheet) };
    },
    async insertTemplate(kind: PlanKind) {
      record("insertTemplate", kind);
      const base = { outbound: "Đoàn ra", inbound: "Đoàn vào", people: "Đối ngoại nhân dân" }[kind];
      let name = base;
      for (let n = 2; fake.sheetNames.includes(name); n++) name = `${base} (${n})`;
      fake.sheetNames.push(name);
      return name;
    },
    listProfiles() {
      record("listProfiles");
      return [...profiles, ...customProfiles];
    },
    loadProfileJson(text: string): ProfileLoadResult {
      record("loadProfileJson", text);
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        return { ok: false, errors: [`Tệp không phải JSON hợp lệ: ${(error as Error).message}`] };
      }
      const parsed = ProfileSchema.safeParse(data, { error: z.locales.vi().localeError });
      if (!parsed.success) {
        return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.join(".") || "(gốc)"}: ${issue.message}`) };
      }
      const profile = parsed.data;
      customProfiles = [...customProfiles.filter((entry) => entry.id !== profile.id), { id: profile.id, name: profile.name, summary: summarise(profile) }];
      return { ok: true, id: profile.id };
    },
    async loadSettings() {
      record("loadSettings");
      return { ...fake.savedSettings };
    },
    async saveSettings(settings: CheckSettings) {
      record("saveSettings", settings);
      fake.savedSettings = { ...settings };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    latestResult: () => latest,
  };

  /** Logs the call and throws if the test asked it to fail (inside an async method that is a rejection). */
  function record(method: Method, ...args: unknown[]) {
    fake.calls.push({ method, args });
    const message = fake.failures[method];
    if (message !== undefined) throw new Error(message);
  }

  return fake;
}

// ---- A realistic workbook: "Đoàn ra 2025" (outbound), "Đoàn vào 2025" (inbound), and an instructions sheet.

const OUT = "Đoàn ra 2025";
const IN = "Đoàn vào 2025";

function finding(
  sheet: string,
  row: number,
  column: number,
  rule: Finding["rule"],
  severity: Finding["severity"],
  message: string,
  messageEn: string,
  suggestion?: string,
): Finding {
  return {
    sheet,
    row,
    column,
    cell: `${columnLetters(column)}${row}`,
    rule,
    severity,
    message,
    messageEn,
    ...(suggestion ? { suggestion } : {}),
    source: "Công văn Sở Ngoại vụ",
    delegationId: `${sheet}!${row}`,
  };
}

export const SAMPLE_FINDINGS: Finding[] = [
  finding(OUT, 8, 6, "country-unknown", "warning", "Nước đến “Han Quoc” không có trong danh mục chuẩn; có phải “Hàn Quốc”?", "Country “Han Quoc” is not in the standard list; did you mean “Hàn Quốc”?", "Hàn Quốc"),
  finding(OUT, 9, 5, "members-max", "error", "Đoàn có 9 thành viên, vượt quá mức tối đa 7 người/đoàn.", "The delegation has 9 members, more than the maximum of 7."),
  finding(OUT, 9, 6, "countries-max", "error", "Đoàn đi 4 nước (Pháp, Đức, Ý, Bỉ), vượt quá 3 nước/chuyến.", "The trip visits 4 countries (France, Germany, Italy, Belgium), more than 3."),
  finding(OUT, 10, 4, "role-unknown", "warning", "Chức vụ “P.GĐ Sờ” chưa nhận dạng được; có phải “Phó Giám đốc Sở”?", "Role “P.GĐ Sờ” is not recognised; did you mean “Phó Giám đốc Sở”?", "Phó Giám đốc Sở"),
  finding(OUT, 10, 9, "funding-forbidden", "error", "Nguồn kinh phí “Doanh nghiệp tài trợ” không được phép (doanh nghiệp tổ chức, đài thọ).", "Funding “Doanh nghiệp tài trợ” is forbidden (organised or paid by an enterprise)."),
  finding(OUT, 11, 6, "country-unknown", "warning", "Nước đến “Xingapo” không có trong danh mục chuẩn; có phải “Singapore”?", "Country “Xingapo” is not in the standard list; did you mean “Singapore”?", "Singapore"),
  finding(OUT, 12, 2, "unplanned", "info", "Đoàn ngoài kế hoạch (phát sinh): cần hồ sơ và xin chủ trương riêng.", "Out-of-plan delegation: needs its own dossier and approval."),
  finding(OUT, 12, 7, "period-invalid", "error", "Không đọc được thời gian “Quý 5/2025”.", "Cannot read the time “Quý 5/2025”."),
  finding(IN, 7, 10, "required-field", "error", "Thiếu “Đơn vị đón tiếp” (bắt buộc với đoàn vào).", "Missing “host unit” (required for inbound delegations)."),
  finding(IN, 8, 4, "country-unknown", "warning", "Quốc tịch “Hoa Ky” không có trong danh mục chuẩn; có phải “Hoa Kỳ”?", "Country “Hoa Ky” is not in the standard list; did you mean “Hoa Kỳ”?", "Hoa Kỳ"),
];

export const SAMPLE_RESULT: CheckResult = {
  sheets: [
    { sheet: OUT, kind: "outbound", delegations: 5 },
    { sheet: IN, kind: "inbound", delegations: 2 },
    { sheet: "Hướng dẫn", delegations: 0, reason: "Không tìm thấy dòng tiêu đề cột của biểu mẫu" },
  ],
  findings: SAMPLE_FINDINGS,
  checkedAt: "2025-03-12T07:00:00.000Z",
};

export const SAMPLE_CELLS: Record<string, string> = {
  [`${OUT}!F8`]: "Nhật Bản, Han Quoc",
  [`${OUT}!D10`]: "P.GĐ Sờ",
  [`${OUT}!F11`]: "Xingapo",
  [`${IN}!D8`]: "Hoa Ky",
};

export const SAMPLE_PROFILES: ProfileSummary[] = [
  { id: "default", name: "Quy định chung (Chỉ thị 38-CT/TW)", summary: ["Tối đa 3 nước mỗi chuyến", "Lãnh đạo chủ chốt đi tối đa 2 chuyến/năm"] },
  { id: "hai-phong", name: "Hải Phòng", summary: ["Không giới hạn số thành viên", "Tối đa 3 nước mỗi chuyến", "Hội nghị, hội thảo: tối đa 5 ngày mỗi nước"] },
  { id: "ha-noi", name: "Hà Nội", summary: ["Tối đa 7 thành viên mỗi đoàn", "Tối đa 3 nước mỗi chuyến", "Không có ngoại lệ cho hội nghị"] },
  { id: "lai-chau", name: "Lai Châu", summary: ["Có biểu mẫu đối ngoại nhân dân (mẫu số 02)", "Tối đa 3 nước mỗi chuyến"] },
];
