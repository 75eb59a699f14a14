/**
 * `dplan merge FILE... -o MASTER.xlsx [--profile ID] [--year YYYY] [--unit FILE=TÊN] [--units FILE]`: consolidates unit
 * workbooks into a master workbook (src/domain/merge) and prints per-file results and the statistics.
 *
 * - Inputs are only read, never written; an output that is one of the inputs, or a symbolic link, is refused.
 * - An existing MASTER.xlsx that is a master is re-imported into: a unit's earlier rows are replaced,
 *   rows and sheets added by hand are kept. An existing file that is not a master is never overwritten.
 * - The master is written to a temporary file beside it and renamed, so a failure leaves the old one whole.
 * - Exit codes (as `check`): 2 when an input could not be read or had no plan template (after merging the
 *   others), or on bad usage; else 1 when the cross-unit rules find errors on the master; else 0.
 *   Delegations left out for missing information are listed but do not change the code: they are not in
 *   the master.
 */
import { createHash, randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { link, lstat, open, realpath, rename, stat, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import * as path from "node:path";
import { MESSAGES as CONSOLIDATION_MESSAGES } from "../app/consolidationMessages";
import { readUnitFile } from "../app/unitFiles";
import {
  carryPlans,
  consolidate,
  describeUnitConflict,
  droppedKinds,
  findForeignSheet,
  findUnitConflicts,
  latestFilePerUnit,
  findUnitsSheet,
  formOptionsFromMaster,
  makeUnitPlan,
  masterSheetCounts,
  parseUnitList,
  readMaster,
  unitListFromGrid,
  MASTER_SHEET_NAMES,
  withoutDroppedRows,
} from "../domain/merge";
import type { DroppedKind, MasterFormOptions, MasterPlan, MasterSheetRows, StatisticsTable, UnitPlan, UnitSummary } from "../domain/merge";
import type { Finding, PlanKind } from "../domain/model";
import { DEFAULT_PROFILE_ID, getProfile, type Profile } from "../domain/profiles";
import { defaultPlanYear } from "../app/context";
import { readXlsx } from "../xlsx/readWorkbook";
import { writeWorkbook } from "../xlsx/writeWorkbook";
import { agencyArg, profileIdArg, UsageError, walkArgs, yearArg } from "./args";
import { describeReadError, titleYear, unreadSheets } from "./files";
import type { CliIO } from "./main";
import { replaceOwnSheets } from "./packageEdit";
import { Progress, progressMode } from "./progress";

export const MERGE_USAGE = `Cách dùng:
  dplan merge TỆP.xlsx... -o TỔNG-HỢP.xlsx [--profile ID] [--year YYYY] [--unit TỆP=TÊN ĐƠN VỊ] [--units DANH-SÁCH]
              [--confirm] [--agency …] [--place …] [--group-by tier|unit] [--progress | --no-progress]
      Tổng hợp kế hoạch của các đơn vị vào một sổ tổng hợp (một trang cho mỗi loại kế hoạch và trang Thống kê).
      -o, --output TỆP   tệp tổng hợp (.xlsx). Nếu tệp đã là sổ tổng hợp: nhập lại, thay các dòng cũ của
                         đơn vị được nhập, giữ các dòng và trang tính thêm bằng tay. Không ghi đè tệp đầu vào.
      --profile ID       bộ quy định áp dụng, ví dụ hai-phong, ha-noi, lai-chau, default (mặc định: default)
      --year YYYY        năm kế hoạch (mặc định: năm của bộ quy định, hoặc năm ghi trên tiêu đề các tệp)
      --unit TỆP=TÊN     đặt tên đơn vị cho một tệp (mặc định: dòng "Đơn vị: …" của tệp, nếu không có thì tên tệp)
      --confirm          vẫn tổng hợp khi tên hai đơn vị chỉ khác nhau ở dấu (coi là hai đơn vị), khi một đơn vị có nhiều tệp (dùng tệp sau cùng), hoặc khi nhập lại
                         một đơn vị từ tệp khác với tệp đã tổng hợp trước (thay các dòng cũ của đơn vị đó); và xóa
                         các dòng cũ của một loại kế hoạch mà tệp mới của đơn vị không còn (mặc định: giữ lại)
      --units TỆP        danh sách đơn vị phải gửi kế hoạch (.txt/.csv mỗi dòng một đơn vị, hoặc .xlsx có cột
                         "Đơn vị"); sổ tổng hợp liệt kê các đơn vị chưa gửi (mặc định: trang "Danh sách đơn vị"
                         của tệp tổng hợp, nếu không có thì danh sách trong bộ quy định)
      --agency "CHỦ QUẢN/CƠ QUAN"  cơ quan chủ quản và cơ quan lập sổ tổng hợp (góc trên bên trái), ví dụ
                         "UBND thành phố Hải Phòng/Sở Ngoại vụ"
      --place TÊN        địa danh ở dòng ngày tháng trên chữ ký, ví dụ "Hải Phòng"
      --group-by tier|unit  chia mục theo cấp trưởng đoàn (I. Lãnh đạo thành phố / II. cấp sở, ngành; mặc định)
                         hoặc theo đơn vị (1. Sở Y tế, 2. …)
      --progress         in tiến độ (Đang đọc tệp 120/1000…) ra stderr cả khi stderr không phải màn hình
                         (mặc định: chỉ khi chạy trong cửa sổ lệnh); --no-progress: không in tiến độ

Các tệp đầu vào không bao giờ bị sửa. Các đoàn thiếu thông tin bắt buộc không được tổng hợp và được liệt kê.
Mã thoát: 0 xong, không có lỗi; 1 sổ tổng hợp có lỗi (quy định liên đơn vị); 2 có tệp không đọc được
hoặc không có biểu mẫu (các tệp khác vẫn được tổng hợp), hoặc sai cách dùng.
`;

const EXIT_OK = 0;
const EXIT_ERRORS_FOUND = 1;
const EXIT_PROBLEM = 2;

const KIND_LABELS: Record<PlanKind, string> = { outbound: "Đoàn ra", inbound: "Đoàn vào", people: "Đối ngoại nhân dân" };
/** The rows of a kind, counted: "2 đoàn vào", "1 hoạt động đối ngoại nhân dân". */
const DROPPED_ROWS: Record<PlanKind, string> = { outbound: "đoàn ra", inbound: "đoàn vào", people: "hoạt động đối ngoại nhân dân" };
const SEVERITY_LABELS = { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" } as const;

interface MergeArgs {
  files: string[];
  output?: string;
  profileId?: string;
  year?: number;
  /** File (as given, or its base name) → unit name. */
  unitNames: Map<string, string>;
  /** The user confirmed the unit conflicts (findUnitConflicts) the merge would otherwise stop at. */
  confirm: boolean;
  /** The department's list of units (--units). */
  unitsFile?: string;
  form: MasterFormOptions;
  /** --progress (true) or --no-progress (false); unset: shown when stderr is a terminal. */
  progress?: boolean;
  help: boolean;
}

function parseMergeArgs(args: string[]): MergeArgs {
  const parsed: MergeArgs = { files: [], unitNames: new Map(), confirm: false, form: {}, help: false };
  walkArgs(
    args,
    (file) => parsed.files.push(file),
    (flag, value) => {
      switch (flag) {
        case "-h":
        case "--help":
          parsed.help = true;
          break;
        case "-o":
        case "--output":
          if (parsed.output !== undefined) throw new UsageError("Chỉ được ghi một tệp tổng hợp (-o).");
          parsed.output = value();
          break;
        case "--profile":
          parsed.profileId = profileIdArg(value());
          break;
        case "--year":
          parsed.year = yearArg(value());
          break;
        case "--confirm":
          parsed.confirm = true;
          break;
        case "--unit": {
          const text = value();
          const split = text.lastIndexOf("=");
          if (split <= 0 || text.slice(split + 1).trim() === "") throw new UsageError(`--unit cần dạng TỆP=TÊN ĐƠN VỊ, nhận được «${text}».`);
          parsed.unitNames.set(text.slice(0, split), text.slice(split + 1).trim());
          break;
        }
        case "--units":
          if (parsed.unitsFile !== undefined) throw new UsageError("Chỉ được chỉ một danh sách đơn vị (--units).");
          parsed.unitsFile = value();
          break;
        case "--agency":
          parsed.form.agency = agencyArg(value());
          break;
        case "--place":
          parsed.form.place = value().replace(/\s+/g, " ").trim().slice(0, 60);
          break;
        case "--progress":
          parsed.progress = true;
          break;
        case "--no-progress":
          parsed.progress = false;
          break;
        case "--group-by": {
          const grouping = value();
          if (grouping !== "tier" && grouping !== "unit") throw new UsageError(`--group-by nhận tier hoặc unit, không nhận «${grouping}».`);
          parsed.form.grouping = grouping;
          break;
        }
        default:
          throw new UsageError(`Không có tùy chọn ${flag}.`);
      }
    },
  );
  return parsed;
}

/** The real path of a file that may not exist yet (its folder's real path + its name). */
async function realTarget(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    try {
      return path.join(await realpath(path.dirname(path.resolve(file))), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/** When the path is a symbolic link: where it leads (undefined when it leads nowhere). */
async function linkTarget(file: string): Promise<{ resolved?: string } | undefined> {
  try {
    if (!(await lstat(file)).isSymbolicLink()) return undefined;
  } catch {
    return undefined;
  }
  try {
    return { resolved: await realpath(file) };
  } catch {
    return {};
  }
}

/** Device and inode of an existing file: equal for every name of the same file. */
async function fileIdentity(file: string): Promise<string | undefined> {
  try {
    const info = await stat(file);
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

interface ReadUnit {
  file: string;
  unit?: UnitPlan;
  summary?: UnitSummary;
  /** Why the file contributes nothing (unreadable, or no plan template). */
  problem?: string;
  /** Set when another file of the same unit, later in the list, was merged instead (confirmed). */
  supersededBy?: string;
}

/** `dplan merge …`: returns the exit code. */
export async function runMerge(args: string[], io: CliIO): Promise<number> {
  let progress: Progress | undefined;
  try {
    return await runMergeWith(args, io, (mode) => (progress = new Progress(mode, io.stderr)));
  } finally {
    progress?.clear();
  }
}

async function runMergeWith(args: string[], terminalIO: CliIO, startProgress: (mode: ReturnType<typeof progressMode>) => Progress): Promise<number> {
  let io = terminalIO;
  let parsed: MergeArgs;
  try {
    parsed = parseMergeArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${error.message}\n\n${MERGE_USAGE}`);
    return EXIT_PROBLEM;
  }
  if (parsed.help) {
    io.stdout(MERGE_USAGE);
    return EXIT_OK;
  }
  const progress = startProgress(progressMode(parsed.progress, terminalIO.stderrIsTerminal));
  io = progress.wrap(terminalIO);
  const usage = (message: string) => {
    io.stderr(`${message}\n\n${MERGE_USAGE}`);
    return EXIT_PROBLEM;
  };
  if (parsed.files.length === 0) return usage("Chưa chỉ tệp nào của các đơn vị để tổng hợp.");
  if (parsed.output === undefined) return usage("Chưa chỉ tệp tổng hợp: thêm -o TỔNG-HỢP.xlsx.");
  const output = parsed.output;
  if (!/\.xlsx$/i.test(output)) return usage(`Tệp tổng hợp «${output}» phải có đuôi .xlsx.`);

  let profile: Profile;
  try {
    profile = getProfile(parsed.profileId ?? DEFAULT_PROFILE_ID);
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }

  // Never write over an input, whatever path spelling points at it.
  const outputReal = await realTarget(output);
  const outputId = await fileIdentity(output);
  // All at once: one by one, a thousand inputs waited for a thousand answers from the disk in turn.
  const inputs = await Promise.all(parsed.files.map(async (file) => ({ file, real: await realTarget(file) })));
  let clash = inputs.find((input) => input.real === outputReal);
  // The same file under another name (a hard link, another letter case on Windows or macOS).
  if (!clash && outputId !== undefined) {
    const identities = await Promise.all(inputs.map((input) => fileIdentity(input.file)));
    clash = inputs.find((_, index) => identities[index] === outputId);
  }
  if (clash) {
    io.stderr(`Không ghi đè tệp đầu vào «${clash.file}»: tệp tổng hợp phải là một tệp khác. Hãy chọn tên khác cho -o.\n`);
    return EXIT_PROBLEM;
  }

  // A link as output is refused whether it points at a master or nowhere: writing through it and replacing
  // it would both surprise someone, and a link planted where the master goes must not redirect the write.
  const link = await linkTarget(output);
  if (link !== undefined) {
    io.stderr(`Tệp tổng hợp «${output}» là một liên kết (symbolic link)${link.resolved ? ` tới «${link.resolved}»` : " không trỏ tới tệp nào"}: dplan merge không ghi qua liên kết và không thay liên kết. ${link.resolved ? `Hãy chỉ đường dẫn thật cho -o: «${link.resolved}».` : "Hãy chọn một tên tệp khác cho -o."}\n`);
    return EXIT_PROBLEM;
  }

  // One merge into a master at a time: a second one would read the master before the first wrote it and
  // its write would drop the first one's unit.
  const lock = await takeLock(outputReal, io);
  if (typeof lock === "string") {
    io.stderr(`${lock}\n`);
    return EXIT_PROBLEM;
  }
  try {
    return await mergeLocked(parsed, io, { output, outputReal, profile, inputs }, progress);
  } finally {
    await lock.release();
  }
}

interface MergeTarget {
  output: string;
  outputReal: string;
  profile: Profile;
  inputs: { file: string; real: string }[];
}

async function mergeLocked(parsed: MergeArgs, io: CliIO, { output, outputReal, profile, inputs }: MergeTarget, progress: Progress): Promise<number> {
  // An existing output is re-imported into when it is a master, and never touched when it is not.
  let existing: MasterSheetRows | undefined;
  let mode: number | undefined;
  let base: Uint8Array | undefined;
  let baseGrids: Awaited<ReturnType<typeof readXlsx>> | undefined;
  if (await exists(output)) {
    progress.phase(`Đang đọc sổ tổng hợp «${output}»…`);
    try {
      base = await io.readFile(output);
      mode = (await stat(outputReal)).mode & 0o7777;
      const grids = await readXlsx(base, path.basename(output));
      baseGrids = grids;
      existing = readMaster(grids);
      // Like the pane: a sheet named like a master sheet without provenance, or a user's own "Thống kê", is never replaced.
      const foreign = existing ? findForeignSheet(grids, existing) : undefined;
      if (foreign) {
        io.stderr(`${foreign.kind === "master" ? CONSOLIDATION_MESSAGES.foreignMasterSheet(foreign.sheet) : CONSOLIDATION_MESSAGES.foreignStatisticsSheet(foreign.sheet)} (tệp «${output}»)\n`);
        return EXIT_PROBLEM;
      }
    } catch (error) {
      io.stderr(`Tệp tổng hợp «${output}» đã có nhưng không đọc được (${describeReadError(error)}): không ghi đè. Hãy chọn tên khác cho -o.\n`);
      return EXIT_PROBLEM;
    }
    if (!existing) {
      const names = Object.values(MASTER_SHEET_NAMES).map((n) => `“${n}”`).join(", ");
      io.stderr(`Tệp «${output}» đã có và không phải sổ tổng hợp (không có trang ${names} với các cột Đơn vị, Tệp, Dòng gốc): không ghi đè. Hãy chọn tên khác cho -o.\n`);
      return EXIT_PROBLEM;
    }
  }

  // Read every input; a file that cannot be read is reported and the others go on.
  const seen = new Set<string>();
  /** Content hash → the first file given with it: a copy or hard link of a unit file is merged once. */
  const contents = new Map<string, string>();
  const reads: ReadUnit[] = [];
  // The next file is read from disk while this one is parsed: a thousand files waited on the disk one by one.
  const readAhead = new Map<number, Promise<Uint8Array>>();
  const startReading = (index: number) => {
    const pending = io.readFile(inputs[index].file);
    pending.catch(() => undefined); // its failure is reported when its turn comes
    readAhead.set(index, pending);
  };
  for (const [index, { file, real }] of inputs.entries()) {
    progress.reading(index + 1, inputs.length);
    const pending = readAhead.get(index);
    readAhead.delete(index);
    if (seen.has(real)) {
      io.stderr(`Tệp «${file}» được chỉ hơn một lần: chỉ tổng hợp một lần.\n`);
      continue;
    }
    seen.add(real);
    try {
      const bytes = await (pending ?? io.readFile(file));
      const following = inputs[index + 1];
      if (following && !seen.has(following.real)) startReading(index + 1);
      const hash = createHash("sha256").update(bytes).digest("hex");
      const first = contents.get(hash);
      if (first !== undefined) {
        io.stderr(`Tệp «${file}» giống hệt tệp «${first}» (cùng nội dung): chỉ tổng hợp một lần.\n`);
        continue;
      }
      contents.set(hash, file);
      const unitName = parsed.unitNames.get(file) ?? parsed.unitNames.get(path.basename(file));
      reads.push({ file, unit: await readUnitFile(bytes, path.basename(file), { unitName, year: parsed.year ?? profile.planYear }) });
    } catch (error) {
      reads.push({ file, problem: `Không đọc được tệp «${file}»: ${describeReadError(error)}` });
    }
  }

  // A --unit naming no input is a typo the officer must hear about, not a silent no-op.
  for (const given of parsed.unitNames.keys()) {
    if (!parsed.files.some((file) => file === given || path.basename(file) === given)) {
      io.stderr(`Tùy chọn --unit «${given}=…» không khớp tệp đầu vào nào: không dùng. Hãy ghi đúng tên tệp như trong lệnh.\n`);
    }
  }

  // The units' own titles ("… NĂM 2026") come before a year a shipped profile may carry from an earlier campaign.
  const fromTitles = titleYear(reads.map((read) => read.unit?.plan));
  const yearSource = parsed.year !== undefined ? "theo --year" : fromTitles === undefined && profile.planYear !== undefined ? "theo bộ quy định" : undefined;
  const year = parsed.year ?? fromTitles ?? profile.planYear ?? defaultPlanYear(new Date());
  if (yearSource === undefined) {
    // Times written without a year ("Tháng 5") in sheets whose title names none take the plan year.
    for (const read of reads) {
      if (read.unit && read.unit.plan.sheets.some((s) => s.template && s.titleYear === undefined)) {
        read.unit = makeUnitPlan(read.unit.fileName, read.unit.grids ?? [], { unitName: read.unit.unitName, year });
      }
    }
  }

  // The department's list of units: --units, else the master's own "Danh sách đơn vị" sheet, else the profile's.
  let expectedUnits: string[] | undefined = profile.units;
  const unitsSheet = baseGrids && findUnitsSheet(baseGrids);
  if (unitsSheet) expectedUnits = unitListFromGrid(unitsSheet);
  if (parsed.unitsFile !== undefined) {
    try {
      expectedUnits = await readUnitsFile(parsed.unitsFile, io);
    } catch (error) {
      io.stderr(`Không đọc được danh sách đơn vị «${parsed.unitsFile}»: ${describeReadError(error)}\n`);
      return EXIT_PROBLEM;
    }
    if (expectedUnits.length === 0) {
      io.stderr(`Danh sách đơn vị «${parsed.unitsFile}» không có tên đơn vị nào (mỗi dòng một đơn vị, hoặc cột “Đơn vị”).\n`);
      return EXIT_PROBLEM;
    }
  }

  const conflicts = findUnitConflicts(
    reads.flatMap((read) => (read.unit ? [read.unit] : [])),
    existing,
  );
  if (conflicts.length > 0 && !parsed.confirm) {
    io.stderr(`Chưa tổng hợp, chưa ghi «${output}»: cần xác nhận tên đơn vị.\n${conflicts.map((c) => `  - ${describeUnitConflict(c)}`).join("\n")}\nSửa bằng --unit TỆP=TÊN, hoặc chạy lại với --confirm để xác nhận.\n`);
    return EXIT_PROBLEM;
  }
  // Confirmed: of several files of one unit, the later in the list is merged (the report says which).
  const { kept, superseded } = latestFilePerUnit(reads.filter((read) => read.unit !== undefined).map((read) => ({ ...read.unit!, read })));
  for (const { unit, by } of superseded) unit.read.supersededBy = by.read.file;
  const readable = kept.map((unit) => unit.read);
  const units = readable.map((read) => read.unit!);
  // What the master already shows (agency, place) stays unless --agency/--place say otherwise.
  const form = { ...(baseGrids ? formOptionsFromMaster(baseGrids) : {}), ...parsed.form };
  progress.phase("Đang kiểm tra và tổng hợp…");
  const consolidateInto = (master: MasterSheetRows | undefined) => consolidate(units, master, { profile, year }, { ...form, ...(expectedUnits ? { expectedUnits } : {}) });
  let plan = consolidateInto(existing);
  // A unit whose new file leaves out a kind it sent before keeps those rows, unless --confirm says it dropped the plan.
  const dropped = droppedKinds(plan.units, existing);
  if (dropped.length > 0 && parsed.confirm && existing) {
    existing = withoutDroppedRows(existing, dropped);
    plan = consolidateInto(existing);
  }
  // consolidate keeps the order of its units: summary i belongs to readable[i].
  readable.forEach((read, index) => {
    read.summary = plan.units[index];
    const unread = unreadSheets(read.unit?.plan);
    if (read.summary.sheets.length === 0 && unread.length === 0) read.problem = `Tệp «${read.file}» không có biểu mẫu kế hoạch nào để tổng hợp.`;
    else if (unread.length > 0) read.problem = unread.map((sheet) => `Không đọc được hết trang «${sheet.sheet}» của tệp «${read.file}»: ${sheet.reason}`).join("\n");
  });

  // Only a file that gave the master a plan sheet is worth writing for: files read but holding no plan
  // form wrote an empty master before (and said "đã ghi").
  const contributing = readable.some((read) => (read.summary?.sheets.length ?? 0) > 0);
  if (contributing) {
    progress.phase(`Đang ghi sổ tổng hợp «${output}»…`);
    // Into an existing master only the sheets' parts are taken (and compressed there): no need to compress them twice.
    let bytes = await writeWorkbook(plan.sheets, { stored: base !== undefined });
    if (base) {
      // Only the add-in's own sheets change; every other part of the master stays byte for byte (packageEdit.ts).
      try {
        const notices: string[] = [];
        bytes = replaceOwnSheets(base, bytes, plan.sheets.map((sheet) => sheet.sheet), carryPlans(existing, plan), notices);
        plan.warnings.push(...notices);
      } catch (error) {
        io.stderr(`Không ghi được vào tệp tổng hợp «${output}» mà vẫn giữ nguyên các phần khác của tệp (${error instanceof Error ? error.message : String(error)}): chưa ghi gì. Hãy mở tệp bằng Excel, lưu lại rồi chạy lại, hoặc chọn tên khác cho -o.\n`);
        return EXIT_PROBLEM;
      }
    }
    try {
      await replaceAtomically(outputReal, bytes, mode);
    } catch (error) {
      io.stderr(`Không ghi được tệp tổng hợp «${output}»: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_PROBLEM;
    }
  }

  // With nothing read there is no plan to report (a year and an empty THỐNG KÊ only confused): the reasons follow.
  if (contributing) io.stdout(report(reads, plan, { output, profile, year, yearSource: yearSource ?? "theo tiêu đề các tệp", wrote: true, dropped, removed: parsed.confirm }));
  const problems = reads.filter((read) => read.problem !== undefined);
  if (problems.length > 0) {
    io.stderr(`${problems.map((p) => p.problem).join("\n")}\n`);
    io.stderr(
      contributing
        ? `${problems.length} tệp không được tổng hợp (xem trên); các tệp còn lại đã được tổng hợp vào «${output}».\n`
        : `Không có tệp nào đọc được: chưa ghi sổ tổng hợp.\n`,
    );
    return EXIT_PROBLEM;
  }
  return plan.findings.some((finding) => finding.severity === "error") ? EXIT_ERRORS_FOUND : EXIT_OK;
}

// ---------------------------------------------------------------- files

/** What a lock file says about the merge holding it. */
interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

function parseLock(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (Number.isInteger(value.pid) && (value.pid as number) > 0 && typeof value.host === "string" && typeof value.started === "string") return value as LockOwner;
  } catch {
    // An older lock ("PID TIME") or a damaged one: its owner cannot be checked.
  }
  return undefined;
}

/** Whether the process runs (on this host). EPERM: it runs under another user. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

async function readLock(lockFile: string): Promise<string | undefined> {
  try {
    const handle = await open(lockFile, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      return await handle.readFile("utf8");
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

async function createLock(lockFile: string): Promise<void> {
  const handle = await open(lockFile, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
  try {
    await handle.writeFile(`${JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() })}\n`);
  } finally {
    await handle.close();
  }
}

/**
 * Moves a lock judged stale out of the way: renamed aside, then checked to be the one judged (another merge
 * may have taken it over in between; its lock is then put back). True when the stale lock is gone.
 */
async function removeStaleLock(lockFile: string, judged: string): Promise<boolean> {
  const aside = `${lockFile}.${randomBytes(8).toString("hex")}.stale`;
  try {
    await rename(lockFile, aside);
  } catch {
    return false;
  }
  if ((await readLock(aside)) === judged) {
    await unlink(aside).catch(() => undefined);
    return true;
  }
  await link(aside, lockFile).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
  return false;
}

/**
 * The lock file beside the master (".NAME.xlsx.dplan-lock"), created exclusively, naming the process, host
 * and start time. A lock whose process is gone on this host (a merge that crashed) is taken over with a
 * note; any other lock is refused with a message.
 */
async function takeLock(master: string, io: CliIO): Promise<{ release(): Promise<void> } | string> {
  const lockFile = path.join(path.dirname(master), `.${path.basename(master)}.dplan-lock`);
  const release = { release: () => unlink(lockFile).catch(() => undefined) };
  try {
    await createLock(lockFile);
    return release;
  } catch (error) {
    if ((error as { code?: string }).code !== "EEXIST") return `Không tạo được tệp khóa «${lockFile}» cạnh tệp tổng hợp: ${error instanceof Error ? error.message : String(error)}`;
  }
  // Something planted at the lock's path (a symbolic link, a folder) is not another merge's lock: say what it is.
  const planted = await lstat(lockFile).catch(() => undefined);
  if (planted && !planted.isFile()) return `Ở chỗ tệp khóa «${lockFile}» cạnh tệp tổng hợp có ${planted.isSymbolicLink() ? "một liên kết tượng trưng (symbolic link)" : "một mục không phải tệp"}, không phải tệp khóa của dplan: lệnh không ghi qua đó. Hãy xóa mục đó rồi chạy lại.`;
  const text = await readLock(lockFile);
  const owner = text === undefined ? undefined : parseLock(text);
  if (text !== undefined && owner && owner.host === hostname() && owner.pid !== process.pid && !processAlive(owner.pid) && (await removeStaleLock(lockFile, text))) {
    try {
      await createLock(lockFile);
      io.stderr(`Ghi chú: đã bỏ tệp khóa cũ «${lockFile}» của lệnh dplan merge (tiến trình ${owner.pid} trên máy ${owner.host}, bắt đầu lúc ${owner.started}) vì tiến trình đó không còn chạy (có thể đã dừng giữa chừng). Hãy mở tệp tổng hợp kiểm tra lại sau khi lệnh này xong.\n`);
      return release;
    } catch {
      // Another merge took the lock first: refused below.
    }
  }
  const holder = owner ? ` (tiến trình ${owner.pid} trên máy ${owner.host}, bắt đầu lúc ${owner.started})` : "";
  return `Tệp tổng hợp «${master}» đang được một lệnh dplan merge khác ghi${holder} (tệp khóa «${lockFile}»): hãy chờ lệnh đó xong rồi chạy lại. Nếu chắc chắn không còn lệnh nào đang chạy (ví dụ máy bị tắt giữa chừng), hãy xóa tệp khóa đó.`;
}

/**
 * Writes the master beside its final name under an unpredictable temporary name, opened exclusively and
 * without following a symbolic link (a planted link is refused, never written through), with the master's
 * permissions, then renames it over the master in one step: a failure leaves the old master whole.
 */
async function replaceAtomically(target: string, bytes: Uint8Array, mode: number | undefined): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(12).toString("hex")}.tmp`);
  const handle = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), mode ?? 0o666);
  try {
    try {
      await handle.writeFile(bytes);
      // The umask narrows the mode given to open(): set the master's own exactly.
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** A units list: a workbook's units sheet (or first sheet), else text, one unit a line. */
async function readUnitsFile(file: string, io: CliIO): Promise<string[]> {
  const bytes = await io.readFile(file);
  if (/\.xlsx$/i.test(file)) {
    const grids = await readXlsx(bytes, path.basename(file));
    const sheet = findUnitsSheet(grids) ?? grids.find((grid) => unitListFromGrid(grid).length > 0);
    return sheet ? unitListFromGrid(sheet) : [];
  }
  return parseUnitList(new TextDecoder("utf-8").decode(bytes));
}

// ---------------------------------------------------------------- output

interface ReportContext {
  output: string;
  profile: Profile;
  year: number;
  yearSource: string;
  wrote: boolean;
  /** Earlier rows of kinds a re-imported unit no longer sends; removed when the user confirmed. */
  dropped: DroppedKind[];
  removed: boolean;
}

function report(reads: ReadUnit[], plan: MasterPlan, context: ReportContext): string {
  const lines: string[] = [];
  lines.push(`Năm kế hoạch ${context.year} (${context.yearSource}) · Bộ quy định: ${context.profile.name} (${context.profile.id})`, "");
  for (const read of reads) {
    if (read.supersededBy !== undefined) {
      lines.push(`Tệp ${read.file} — Đơn vị: ${read.unit!.unitName}`, `  KHÔNG TỔNG HỢP: cùng đơn vị với tệp «${read.supersededBy}» ở sau trong danh sách; đã dùng tệp «${read.supersededBy}» (theo --confirm).`, "");
    } else if (!read.summary) lines.push(`Tệp ${read.file}`, `  KHÔNG TỔNG HỢP: ${read.problem}`, "");
    else lines.push(...unitLines(read.file, read.summary));
  }

  if (context.wrote) {
    lines.push(`Đã ghi sổ tổng hợp: ${context.output}`);
    for (const { sheet, fromUnits, byHand } of masterSheetCounts(plan.masterSheets)) {
      lines.push(`  ${sheet}: ${fromUnits} đoàn của các đơn vị${byHand > 0 ? `, ${byHand} dòng nhập tay được giữ nguyên` : ""}`);
    }
    for (const warning of plan.warnings) lines.push(`  ${warning}`);
    if (context.removed) {
      for (const drop of context.dropped) {
        lines.push(`  Đã xóa ${drop.rows} ${DROPPED_ROWS[drop.kind]} cũ của đơn vị “${drop.unit}” (tệp «${drop.file}» không còn kế hoạch ${KIND_LABELS[drop.kind].toLowerCase()}), theo --confirm.`);
      }
    } else if (context.dropped.length > 0) {
      lines.push("  Nếu đơn vị đã bỏ kế hoạch đó, chạy lại lệnh với --confirm để xóa các dòng cũ này khỏi sổ tổng hợp.");
    }
    lines.push("");
  }

  if (plan.missingUnits !== undefined) {
    lines.push(
      plan.missingUnits.length === 0
        ? "Tất cả các đơn vị trong danh sách đã gửi kế hoạch."
        : `Đơn vị chưa gửi kế hoạch (${plan.missingUnits.length}; không có văn bản được hiểu là không đăng ký): ${plan.missingUnits.join("; ")}`,
      "",
    );
  }
  // One by one: a plan's 125,000+ finding lines spread into push() overflow the call stack.
  for (const line of findingLines(plan.findings)) lines.push(line);
  lines.push("");
  lines.push("THỐNG KÊ");
  for (const table of plan.statistics) lines.push(...statisticsLines(table));
  return `${lines.join("\n")}\n`;
}

function unitLines(file: string, summary: UnitSummary): string[] {
  const lines = [`Tệp ${file} — Đơn vị: ${summary.unit}${summary.unitFromTitle === undefined ? " (theo tên tệp)" : ""}`];
  for (const sheet of summary.sheets) {
    lines.push(`  ${KIND_LABELS[sheet.kind]} (trang «${sheet.sheet}»): ${sheet.delegations} đoàn, tổng hợp ${sheet.kept}, bỏ qua ${sheet.excluded}`);
  }
  if (summary.sheets.length > 0) lines.push(`  Kiểm tra đơn vị: ${summary.errors} lỗi, ${summary.warnings} cảnh báo, ${summary.infos} thông tin`);
  if (summary.excluded.length > 0) {
    lines.push("  Không tổng hợp (thiếu thông tin theo quy định):");
    for (const e of summary.excluded) lines.push(`    «${e.sheet}» dòng ${e.row} — ${e.label}: ${e.reason}`);
  }
  for (const note of summary.notes) lines.push(`  Ghi chú: ${note}`);
  lines.push("");
  return lines;
}

function findingLines(findings: Finding[]): string[] {
  if (findings.length === 0) return ["Các quy định liên đơn vị (lãnh đạo chủ chốt đi quá số lần, đoàn trùng, nên gộp đoàn, nhiều lãnh đạo cùng nước đến): không có phát hiện."];
  const lines = [`Phát hiện trên sổ tổng hợp (quy định liên đơn vị): ${findings.length}`];
  for (const f of findings) lines.push(`  ${SEVERITY_LABELS[f.severity]}  ${f.sheet}!${f.cell}  [${f.rule}] ${f.message}`);
  return lines;
}

function statisticsLines(table: StatisticsTable): string[] {
  const rows = [table.columns, ...table.rows.map((row) => row.map(String))];
  const widths = table.columns.map((_, c) => Math.max(...rows.map((row) => [...(row[c] ?? "")].length)));
  const render = (row: string[]) =>
    row
      .map((cell, c) => (c === 0 ? cell + " ".repeat(widths[c] - [...cell].length) : " ".repeat(widths[c] - [...cell].length) + cell))
      .join("  ")
      .trimEnd();
  return ["", table.title, ...rows.map((row) => `  ${render(row)}`)];
}
