/**
 * The `dplan` command (DESIGN.md "CLI"). A Node host around the domain core: reads .xlsx files,
 * recognises and parses the plans, prints the JSON contract or a readable table.
 * `runCheck` takes its I/O as arguments so tests run it without spawning a process.
 */
import { checkContext, defaultPlanYear } from "../app/context";
import { columnLetter } from "../domain/cells";
import type { Delegation, Finding, PlanKind } from "../domain/model";
import { STATISTICS_SHEET_NAME, UNITS_SHEET_NAME } from "../domain/merge";
import { DEFAULT_PROFILE_ID } from "../domain/profiles";
import { checkPlan, compareFindings, planYearFindings } from "../domain/rules";
import { delegationsOfTable, readPlan } from "../domain/templates/readPlan";
import type { PlanRead } from "../domain/templates/types";
import { LISTS_SHEET } from "../workbook/types";
import { readXlsx } from "../xlsx/readWorkbook";
import { profileIdArg, UsageError, walkArgs, yearArg } from "./args";
import { describeReadError, readRegularFile, titleYear, unreadSheets } from "./files";
import { formatFindingLines } from "./formatFindings";
import { MERGE_USAGE, runMerge } from "./merge";
import { runTemplate, TEMPLATE_USAGE } from "./template";

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** stderr is a terminal: long commands show their progress there (merge). */
  stderrIsTerminal?: boolean;
}

export interface CheckOptions {
  profileId?: string;
  year?: number;
}

/** What `check` runs on the parsed delegations of all files (the rule engine, wired in by the host). */
export type Checker = (delegations: Delegation[], options: CheckOptions) => Finding[];

/**
 * The rule engine with the chosen profile (default: "default") and plan year: --year, else the year
 * most sheets' titles name, else the plan year being drawn up now. An unknown profile throws a
 * Vietnamese message listing the known ones.
 */
export const engineChecker: Checker = (delegations, options) =>
  checkPlan(delegations, checkContext({ profileId: options.profileId ?? DEFAULT_PROFILE_ID, year: options.year ?? defaultPlanYear(new Date()), locale: "vi" }));

export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_UNREADABLE_OR_USAGE = 2;

export const USAGE = `Cách dùng:
  dplan check TỆP.xlsx... [--json] [--profile ID] [--year YYYY]
      Nhận dạng biểu mẫu, đọc và kiểm tra kế hoạch đoàn ra, đoàn vào trong các tệp.
      --json          in kết quả dạng JSON (một tài liệu trên stdout)
      --profile ID    bộ quy định áp dụng, ví dụ hai-phong, ha-noi, lai-chau, default
      --year YYYY     năm kế hoạch (dùng khi tiêu đề trang tính không ghi năm)

Mã thoát: 0 không có lỗi; 1 có lỗi (mức error); 2 có tệp không đọc được hoặc sai cách dùng.
`;

const KIND_LABELS: Record<PlanKind, string> = { outbound: "Đoàn ra", inbound: "Đoàn vào", people: "Đối ngoại nhân dân" };

interface ParsedArgs {
  files: string[];
  json: boolean;
  help: boolean;
  options: CheckOptions;
}

function parseCheckArgs(args: string[]): ParsedArgs {
  const parsed: ParsedArgs = { files: [], json: false, help: false, options: {} };
  walkArgs(
    args,
    (file) => parsed.files.push(file),
    (flag, value, inline) => {
      switch (flag) {
        case "--json":
          if (inline !== undefined) throw new UsageError("--json không nhận giá trị.");
          parsed.json = true;
          break;
        case "-h":
        case "--help":
          parsed.help = true;
          break;
        case "--profile":
          parsed.options.profileId = profileIdArg(value());
          break;
        case "--year":
          parsed.options.year = yearArg(value());
          break;
        default:
          throw new UsageError(`Không có tùy chọn ${flag}.`);
      }
    },
  );
  return parsed;
}

interface FileResult {
  file: string;
  plan?: PlanRead;
  error?: string;
}

/** `dplan check …`: returns the exit code. */
export async function runCheck(args: string[], io: CliIO, checker: Checker = engineChecker): Promise<number> {
  let parsed: ParsedArgs;
  try {
    parsed = parseCheckArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${error.message}\n\n${USAGE}`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  if (parsed.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (parsed.files.length === 0) {
    io.stderr(`Chưa chỉ tệp nào để kiểm tra.\n\n${USAGE}`);
    return EXIT_UNREADABLE_OR_USAGE;
  }

  const results: FileResult[] = [];
  for (const file of parsed.files) {
    try {
      const grids = await readXlsx(await io.readFile(file), file);
      results.push({ file, plan: readPlan(grids, { file, year: parsed.options.year }) });
    } catch (error) {
      const message = `Không đọc được tệp «${file}»: ${describeReadError(error)}`;
      io.stderr(`${message}\n`);
      results.push({ file, error: message });
    }
  }

  const delegations = results.flatMap((r) => r.plan?.delegations ?? []);
  let findings: Finding[] = [];
  try {
    const year = parsed.options.year ?? titleYear(results.map((result) => result.plan));
    findings = checker(delegations, { ...parsed.options, year });
    // A title naming another year than the one checked against: said once, at the title (see planYear.ts).
    const context = checkContext({ profileId: parsed.options.profileId ?? DEFAULT_PROFILE_ID, year: year ?? defaultPlanYear(new Date()), locale: "vi" });
    const yearSetIn = parsed.options.year !== undefined ? "cli" : "titles";
    for (const result of results) if (result.plan) findings.push(...planYearFindings(result.plan, context, { file: result.file, yearSetIn }));
    findings.sort(compareFindings);
  } catch (error) {
    // The checker's own refusals (an unknown profile) are Vietnamese already; a fault of the program is named as one.
    const internal = error instanceof RangeError || error instanceof TypeError || error instanceof ReferenceError;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(internal ? `Không kiểm tra xong ${parsed.files.map((name) => `«${name}»`).join(", ")}: lỗi bên trong dplan (${message}). Không có kết quả nào được báo; hãy gửi tệp cho người hỗ trợ.\n` : `${message}\n`);
    return EXIT_UNREADABLE_OR_USAGE;
  }

  if (parsed.json) io.stdout(`${JSON.stringify(toJsonReport(results, findings), null, 2)}\n`);
  else writeTextReport(results, findings, io.stdout);
  // A sheet that may hold a plan but was not read fully is an error, never an empty success.
  const unread = results.flatMap((r) => unreadSheets(r.plan).map((sheet) => ({ file: r.file, ...sheet })));
  for (const sheet of unread) io.stderr(`Không đọc được hết trang «${sheet.sheet}» của tệp «${sheet.file}»: ${sheet.reason}\n`);
  if (results.some((r) => r.error !== undefined) || unread.length > 0) return EXIT_UNREADABLE_OR_USAGE;
  return findings.some((f) => f.severity === "error") ? EXIT_ERRORS_FOUND : EXIT_OK;
}

// ---------------------------------------------------------------- output

export interface JsonReport {
  files: {
    file: string;
    sheets: { sheet: string; kind: PlanKind; headerRow: number; delegations: number }[];
    error?: string;
    /** Sheets not read (fully), with the reason: the exit code is then 2. */
    unreadableSheets?: { sheet: string; reason: string }[];
    /** Sheets read without some far stray cells (a value at XFD1048576): the note names them. */
    farCells?: { sheet: string; note: string }[];
    /** Merges reaching far past the values (M5:XFD1048576), read clipped to them: each note names one. */
    clippedMerges?: { sheet: string; note: string }[];
  }[];
  findings: { file?: string; sheet: string; row: number; column: string; cell: string; rule: string; severity: string; message: string }[];
}

export function toJsonReport(results: FileResult[], findings: Finding[]): JsonReport {
  return {
    files: results.map(({ file, plan, error }) => {
      const sheets = (plan?.sheets ?? []).flatMap((s) =>
        s.template ? [{ sheet: s.sheet, kind: s.kind, headerRow: s.headerRow, delegations: delegationsOfTable(s, plan?.delegations ?? []).length }] : [],
      );
      const unread = unreadSheets(plan);
      const entry: JsonReport["files"][number] = error === undefined ? { file, sheets } : { file, sheets, error };
      if (unread.length > 0) entry.unreadableSheets = unread;
      const far = (plan?.sheets ?? []).flatMap((s) => (s.farCellsNote ? [{ sheet: s.sheet, note: s.farCellsNote }] : []));
      if (far.length > 0) entry.farCells = far;
      const clipped = (plan?.sheets ?? []).flatMap((s) => (s.clippedMergeNotes ?? []).map((note) => ({ sheet: s.sheet, note })));
      if (clipped.length > 0) entry.clippedMerges = clipped;
      return entry;
    }),
    findings: findings.map((f) => ({ file: f.file, sheet: f.sheet, row: f.row, column: columnLetter(f.column), cell: f.cell, rule: f.rule, severity: f.severity, message: f.message })),
  };
}

/** Below this many characters the report's lines are gathered before they are written. */
const REPORT_PIECE = 1 << 20;

/**
 * The readable report, written in pieces of about REPORT_PIECE characters: a 100,000-row plan's report is
 * 50 million characters, and one string of it (and its copies) would double the memory the check needs.
 */
function writeTextReport(results: FileResult[], findings: Finding[], write: (text: string) => void): void {
  let piece: string[] = [];
  let pieceLength = 0;
  const emit = (line: string) => {
    piece.push(line);
    pieceLength += line.length + 1;
    if (pieceLength >= REPORT_PIECE) {
      write(`${piece.join("\n")}\n`);
      piece = [];
      pieceLength = 0;
    }
  };
  const say = (...texts: string[]) => {
    for (const text of texts) emit(text);
  };
  for (const { file, plan, error } of results) {
    say(`Tệp ${file}`);
    if (error !== undefined) {
      // The reason is on stderr already: said once.
      say("  KHÔNG ĐỌC ĐƯỢC (lý do ở thông báo lỗi).", "");
      continue;
    }
    const rows: string[][] = [["Trang tính", "Loại", "Dòng tiêu đề", "Số đoàn"]];
    const notes: string[] = [];
    for (const sheet of plan?.sheets ?? []) {
      if (sheet.farCellsNote) notes.push(`  ${sheet.farCellsNote}`);
      for (const note of sheet.clippedMergeNotes ?? []) notes.push(`  ${note}`);
      if (sheet.template) {
        const count = delegationsOfTable(sheet, plan?.delegations ?? []).length;
        rows.push([sheet.sheet, KIND_LABELS[sheet.kind], String(sheet.headerRow), String(count)]);
      } else if (sheet.unreadable || !ADDIN_OWN_SHEETS.includes(sheet.sheet)) {
        notes.push(sheet.unreadable ? `  «${sheet.sheet}»: KHÔNG ĐỌC ĐƯỢC. ${sheet.reason}` : `  «${sheet.sheet}»: không phải biểu mẫu. ${sheet.reason}`);
      }
    }
    if (rows.length > 1) say(...table(rows).map((line) => `  ${line}`));
    else say("  Không có trang tính nào là biểu mẫu kế hoạch đoàn ra/đoàn vào.");
    say(...notes, "");
  }
  const total = results.reduce((n, r) => n + (r.plan?.delegations.length ?? 0), 0);
  say(`Tổng cộng: ${total} đoàn trong ${results.filter((r) => r.plan).length}/${results.length} tệp đọc được.`);
  // "No findings" would be untrue of a file that could not be read.
  const unread = results.some((r) => r.error !== undefined || unreadSheets(r.plan).length > 0);
  if (findings.length > 0 || !unread) {
    emit("");
    formatFindingLines(findings, {}, emit);
  }
  if (piece.length > 0) write(`${piece.join("\n")}\n`);
}

/** Sheets the add-in writes beside a master (statistics, the units list, the dropdown lists): no plan to look for. */
const ADDIN_OWN_SHEETS: readonly string[] = [STATISTICS_SHEET_NAME, UNITS_SHEET_NAME, LISTS_SHEET];

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  return rows.map((r) => r.map((cell, c) => cell + " ".repeat(widths[c] - [...cell].length)).join("  ").trimEnd());
}

// ---------------------------------------------------------------- entry

export async function main(argv: string[], io: CliIO, checker?: Checker): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "check") return runCheck(rest, io, checker);
  if (command === "merge") return runMerge(rest, io);
  if (command === "template") return runTemplate(rest, io);
  if (command === undefined || command === "-h" || command === "--help" || command === "help") {
    (command === undefined ? io.stderr : io.stdout)([USAGE, MERGE_USAGE, TEMPLATE_USAGE].join("\n"));
    return command === undefined ? EXIT_UNREADABLE_OR_USAGE : EXIT_OK;
  }
  io.stderr(`Không có lệnh «${command}».\n\n${USAGE}`);
  return EXIT_UNREADABLE_OR_USAGE;
}

/** The real process: files from disk, text to stdout and stderr. */
export function nodeIO(): CliIO {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => readRegularFile(path),
    stderrIsTerminal: process.stderr.isTTY === true,
  };
}

/** Entry point of bin/dplan.js. */
export async function runFromProcess(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), nodeIO());
}
