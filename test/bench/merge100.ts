/**
 * Benchmark: consolidating 100 unit workbooks of 50 delegations each (DESIGN.md: under 5 s on 2 cores).
 * Timed: read every .xlsx (readXlsx) + recognise/parse/check each unit + consolidate (cross-unit rules,
 * statistics) + write the master .xlsx. Building the unit workbooks is not timed. Median of 3 runs.
 *
 *   npx tsx test/bench/merge100.ts [units] [delegations]
 *   import { measureMerge } from "./merge100"   (npm run bench)
 */
import * as os from "node:os";
import { performance } from "node:perf_hooks";
import { consolidate, makeUnitPlan, type UnitPlan } from "../../src/domain/merge";
import { getProfile } from "../../src/domain/profiles";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { writeWorkbook } from "../../src/xlsx/writeWorkbook";
import { buildXlsx, day } from "../fixtures/generate";
import { personName, trip, unitSpec, visit, type OutboundRow } from "../domain/merge/units";
import { seededRandom } from "./random";

const UNITS = 100;
const DELEGATIONS = 50;
const RUNS = 3;

const COUNTRIES = ["Nhật Bản", "Hàn Quốc", "Trung Quốc", "Lào", "Campuchia", "Thái Lan", "Singapore", "Pháp", "CHLB Đức", "Hoa Kỳ", "Úc", "Nhật Bản, Hàn Quốc"];
const ROLES = ["Giám đốc Sở", "Phó Giám đốc Sở", "Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên"];
const FUNDING = ["Ngân sách thành phố", "Kinh phí chi thường xuyên của đơn vị", "Phía nước ngoài mời và đài thọ toàn bộ", "Kinh phí hoạt động đối ngoại"];
const ACTIONS = ["Học tập kinh nghiệm", "Xúc tiến hợp tác", "Tham dự hội thảo về", "Khảo sát mô hình", "Ký kết thỏa thuận về", "Bồi dưỡng nghiệp vụ"];
const FIELDS = ["quản lý đô thị", "y tế dự phòng", "giáo dục nghề nghiệp", "xử lý nước thải", "chuyển đổi số", "du lịch cộng đồng", "cảng biển logistics", "nông nghiệp công nghệ cao", "bảo tồn di sản", "năng lượng tái tạo", "an sinh xã hội", "phòng cháy chữa cháy"];


/**
 * A unit's rows as units write them: distinct people (one director shared by a few units, so the
 * cross-unit rules have work), varied purposes, countries, months and day ranges, a few rows missing funding.
 */
export function unitRows(unit: number, delegations = DELEGATIONS): { outbound: OutboundRow[]; inbound: ReturnType<typeof visit>[] } {
  const next = seededRandom(unit);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const outbound: OutboundRow[] = [];
  const inboundCount = Math.floor(delegations / 5);
  for (let i = 0; i < delegations - inboundCount; i++) {
    const n = (unit - 1) * delegations + i;
    const month = 1 + Math.floor(next() * 12);
    const start = 1 + Math.floor(next() * 20);
    const byMonth = next() < 0.3;
    outbound.push(
      trip(n, {
        leader: i === 0 ? personName(5000 + (unit % 30)) : personName(n % 5000),
        role: i === 0 ? "Giám đốc Sở" : pick(ROLES.slice(1)),
        members: 2 + Math.floor(next() * 6),
        countries: pick(COUNTRIES),
        start: byMonth ? `Tháng ${month}/2025` : day(2025, month, start),
        end: byMonth ? null : day(2025, month, start + 4),
        purpose: `${pick(ACTIONS)} ${pick(FIELDS)}`,
        funding: i % 25 === 7 ? null : pick(FUNDING),
        notes: i % 17 === 0 ? "=Ghi chú bắt đầu bằng dấu bằng" : null,
      }),
    );
  }
  const inbound = Array.from({ length: inboundCount }, (_, i) =>
    visit((unit - 1) * delegations + i, { countries: pick(COUNTRIES), period: `Quý ${pick(["I", "II", "III", "IV"])}/2025` }),
  );
  return { outbound, inbound };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export interface MergeMeasurement {
  units: number;
  delegations: number;
  runs: number;
  /** Medians over the runs, milliseconds. */
  read: number;
  consolidate: number;
  write: number;
  total: number;
  cpu: number;
  summary: string;
}

/** Builds `units` unit workbooks (untimed), then times reading, consolidating and writing them `runs` times. */
export async function measureMerge(units = UNITS, delegations = DELEGATIONS, runs = RUNS, log: (line: string) => void = console.log): Promise<MergeMeasurement> {
  const built = performance.now();
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (let unit = 1; unit <= units; unit++) {
    const name = `don-vi-${String(unit).padStart(3, "0")}.xlsx`;
    files.push({ name, bytes: await buildXlsx(unitSpec({ file: name, unit: `Đơn vị số ${unit}`, ...unitRows(unit, delegations) })) });
  }
  log(`${units} tệp đơn vị × ${delegations} đoàn dựng trong ${((performance.now() - built) / 1000).toFixed(1)} s (không tính giờ)`);

  const context = { profile: getProfile("hai-phong"), year: 2025 };
  const phases: { read: number; consolidate: number; write: number; total: number; cpu: number }[] = [];
  let summary = "";
  for (let run = 1; run <= runs; run++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const unitPlans: UnitPlan[] = [];
    for (const file of files) unitPlans.push(makeUnitPlan(file.name, await readXlsx(file.bytes, file.name), { year: 2025 }));
    const t1 = performance.now();
    const plan = consolidate(unitPlans, undefined, context);
    const t2 = performance.now();
    const bytes = await writeWorkbook(plan.sheets);
    const t3 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    phases.push({ read: t1 - t0, consolidate: t2 - t1, write: t3 - t2, total: t3 - t0, cpu: (cpu.user + cpu.system) / 1000 });
    const rows = plan.masterSheets.reduce((n, s) => n + s.rows.length, 0);
    const byRule = new Map<string, number>();
    for (const finding of plan.findings) byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
    const rules = [...byRule].map(([rule, count]) => `${rule} ${count}`).join(", ");
    summary = `${rows} dòng tổng hợp, ${plan.excluded.length} đoàn loại, ${plan.findings.length} phát hiện liên đơn vị (${rules}), master ${(bytes.length / 1e6).toFixed(1)} MB`;
    log(`lần ${run}: ${(phases[run - 1].total / 1000).toFixed(2)} s (CPU ${(phases[run - 1].cpu / 1000).toFixed(2)} s)`);
  }
  const of = (key: keyof (typeof phases)[number]) => median(phases.map((p) => p[key]));
  return { units, delegations, runs, read: of("read"), consolidate: of("consolidate"), write: of("write"), total: of("total"), cpu: of("cpu"), summary };
}

async function main(): Promise<void> {
  const units = Number(process.argv[2] ?? UNITS);
  const delegations = Number(process.argv[3] ?? DELEGATIONS);
  const result = await measureMerge(units, delegations, RUNS);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(result.summary);
  console.log(`Trung vị ${RUNS} lần — đọc + nhận dạng: ${s(result.read)}, kiểm tra + tổng hợp: ${s(result.consolidate)}, ghi .xlsx: ${s(result.write)}; tổng: ${s(result.total)} (CPU ${s(result.cpu)}; tải máy ${os.loadavg()[0].toFixed(1)} trên ${os.cpus().length} lõi)`);
}

if (process.argv[1] && /merge100\.ts$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
