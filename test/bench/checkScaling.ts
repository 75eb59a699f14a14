/**
 * How checking scales with plan size: generated plans of 1k, 10k and 100k delegations, each checked
 * with every rule (cross-row rules included). Run: npx tsx test/bench/checkScaling.ts
 * Prints times; it asserts nothing (timing belongs here, never in unit tests).
 */
import { ROLE_BY_ID } from "../../src/domain/lists/roles";
import { FUNDING } from "../../src/domain/lists/funding";
import type { CountryMatch, Delegation, FieldId } from "../../src/domain/model";
import { getProfile } from "../../src/domain/profiles";
import { checkPlan } from "../../src/domain/rules/engine";
import { RULES } from "../../src/domain/rules/registry";
import { seededRandom } from "./random";


const COUNTRIES: [string, string][] = [
  ["Nhật Bản", "JP"], ["Hàn Quốc", "KR"], ["Trung Quốc", "CN"], ["Lào", "LA"], ["Campuchia", "KH"], ["Thái Lan", "TH"],
  ["Singapore", "SG"], ["Pháp", "FR"], ["Đức", "DE"], ["Hoa Kỳ", "US"], ["Úc", "AU"], ["Nga", "RU"], ["Anh", "GB"],
  ["Ý", "IT"], ["Hà Lan", "NL"], ["Bỉ", "BE"], ["Thụy Điển", "SE"], ["Phần Lan", "FI"], ["Đan Mạch", "DK"], ["Na Uy", "NO"],
  ["Canada", "CA"], ["Ấn Độ", "IN"], ["Indonesia", "ID"], ["Malaysia", "MY"], ["Philippines", "PH"], ["Myanmar", "MM"],
  ["Israel", "IL"], ["Ba Lan", "PL"], ["Séc", "CZ"], ["Hungary", "HU"], ["Áo", "AT"], ["Thụy Sĩ", "CH"], ["Tây Ban Nha", "ES"],
  ["Bồ Đào Nha", "PT"], ["Brazil", "BR"], ["Cuba", "CU"], ["Mông Cổ", "MN"], ["New Zealand", "NZ"], ["Belarus", "BY"], ["Ai Cập", "EG"],
];
const TOPICS =
  "y tế giáo dục đào tạo nông nghiệp công nghệ cao cảng biển logistics du lịch văn hóa thể thao môi trường xử lý rác thải nước sạch đô thị thông minh chuyển đổi số công nghiệp hỗ trợ năng lượng tái tạo điện gió tài chính ngân hàng thuế hải quan giao thông xây dựng quy hoạch thủy sản lâm nghiệp y học cổ truyền điều dưỡng dược phẩm bệnh viện trường học đại học nghề khởi nghiệp đổi mới sáng tạo".split(" ");
const VERBS = ["Làm việc với", "Hợp tác về", "Trao đổi kinh nghiệm", "Ký kết thỏa thuận về", "Tham dự hội thảo về", "Xúc tiến đầu tư", "Nghiên cứu mô hình", "Tham quan"];
/** Partners are named, as real purposes name them ("Đại học Osaka", "tỉnh Gyeonggi"): pseudo-names of two syllables. */
const PARTNER_SYLLABLES = "ka ki ko sa shi to na ha ma ya ri wo gyeong gi bu san dae jeon chang won lyon nan tes bor deaux mu nich ham burg vien tian luang pra bang chiang mai hat yai".split(" ");
const PARTNER_KINDS = ["Đại học", "tỉnh", "thành phố", "Bệnh viện", "Viện", "Hiệp hội", "Trường"];
const SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"];
const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Hữu", "Quang", "Ngọc"];
const GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hương", "Lan", "Long", "Mai", "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Vân", "Yến"];
const COLUMNS: FieldId[] = ["seq", "name", "leader", "leaderRole", "members", "composition", "countries", "period", "start", "end", "days", "purpose", "inviter", "funding", "unit", "planStatus", "notes"];

interface Leader {
  name: string;
  roleId: string;
}

/** Each unit has its own few leaders (a director, deputies, a party secretary), as real plans do. */
function unitLeaders(next: () => number): Leader[] {
  const person = () => `${SURNAMES[Math.floor(next() * SURNAMES.length)]} ${MIDDLE[Math.floor(next() * MIDDLE.length)]} ${GIVEN[Math.floor(next() * GIVEN.length)]}`;
  return [
    { name: person(), roleId: "giam-doc-so" },
    { name: person(), roleId: "pho-giam-doc-so" },
    { name: person(), roleId: "pho-giam-doc-so" },
    { name: person(), roleId: "pho-giam-doc-so" },
    { name: person(), roleId: "truong-phong" },
    { name: person(), roleId: "chuyen-vien" },
  ];
}

const CITY_LEADERS: Leader[] = [
  { name: "Nguyễn Văn Thành", roleId: "chu-tich-ubnd" },
  { name: "Trần Thị Hoa", roleId: "pho-chu-tich-ubnd" },
  { name: "Lê Quang Vinh", roleId: "pho-chu-tich-ubnd" },
  { name: "Phạm Đức Hòa", roleId: "bi-thu-tinh-uy" },
  { name: "Vũ Thị Liên", roleId: "pho-chu-tich-hdnd" },
];

/** A plan as a master plan of many units looks: mostly department trips, a few city leaders', Asia first. */
export function generatePlan(count: number, seed: number): Delegation[] {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const units = Array.from({ length: Math.max(20, Math.floor(count / 30)) }, (_, i) => ({ name: `Đơn vị số ${i + 1}`, leaders: unitLeaders(next) }));
  const delegations: Delegation[] = [];
  for (let i = 0; i < count; i++) {
    const row = 5 + (i % 2000);
    const file = `don-vi-${Math.floor(i / 2000) + 1}.xlsx`;
    const unit = pick(units);
    const leader = next() < 0.03 ? pick(CITY_LEADERS) : pick(unit.leaders);
    const role = ROLE_BY_ID.get(leader.roleId)!;
    const countryList: CountryMatch[] = Array.from({ length: 1 + Math.floor(next() * 3.3) }, () => {
      const [name, code] = next() < 0.6 ? pick(COUNTRIES.slice(0, 8)) : pick(COUNTRIES);
      return { raw: name, name, code, known: true };
    });
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 20);
    const length = 3 + Math.floor(next() * 8);
    const start = `2025-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const end = `2025-${String(month).padStart(2, "0")}-${String(Math.min(28, day + length)).padStart(2, "0")}`;
    const precision = next() < 0.8 ? "day" : "month";
    const partner = `${pick(PARTNER_KINDS)} ${pick(PARTNER_SYLLABLES)}${pick(PARTNER_SYLLABLES)}`;
    const purpose = `${pick(VERBS)} ${pick(TOPICS)} ${pick(TOPICS)} ${pick(TOPICS)} với ${partner}`;
    const fundingEntry = next() < 0.95 ? pick(FUNDING.slice(0, 8)) : pick(FUNDING);
    const cells: Delegation["cells"] = {};
    COLUMNS.forEach((field, index) => (cells[field] = { row, column: index + 1 }));
    delegations.push({
      id: `${file}/Đoàn ra!${row}`,
      kind: "outbound",
      file,
      sheet: "Đoàn ra",
      row,
      firstColumn: 1,
      cells,
      raw: { purpose, leader: leader.name, funding: fundingEntry.name, countries: countryList.map((c) => c.name).join(", ") },
      leaderName: leader.name,
      leaderRole: { raw: role.name, id: role.id, name: role.name, cityLeader: role.cityLeader, keyLeader: role.keyLeader },
      members: 2 + Math.floor(next() * 9),
      composition: next() < 0.05 ? `${role.name}, Bí thư Đảng ủy, 02 chuyên viên` : `${role.name}, ${pick(["01", "02", "03"])} chuyên viên`,
      countries: countryList,
      period: precision === "day" ? { start, end, precision } : { start: start.slice(0, 8) + "01", end: start.slice(0, 8) + "28", precision },
      purpose,
      inviter: next() < 0.02 ? "Tập đoàn ABC Holdings" : "Đối tác nước ngoài",
      funding: { raw: fundingEntry.name, id: fundingEntry.id, name: fundingEntry.name },
      unit: unit.name,
      planStatus: next() < 0.1 ? "out" : "in",
      notes: next() < 0.05 ? "Đã xin ý kiến cấp có thẩm quyền" : undefined,
    });
  }
  return delegations;
}

/** Wall-clock and CPU milliseconds of one call (CPU time is steadier on a shared machine). */
function measure<T>(run: () => T): { result: T; wall: number; cpu: number } {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = run();
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { result, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

function main(): void {
  const context = { profile: getProfile("hai-phong"), year: 2025, leadershipSize: 5 };
  const sizes = process.argv.includes("--quick") ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  checkPlan(generatePlan(500, 1), context); // warm-up
  for (const size of sizes) {
    const plan = generatePlan(size, size);
    const { result: findings, wall, cpu } = measure(() => checkPlan(plan, context));
    const byRule = new Map<string, number>();
    for (const finding of findings) byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
    console.log(
      `${String(size).padStart(7)} delegations: ${wall.toFixed(0).padStart(6)} ms wall, ${cpu.toFixed(0).padStart(6)} ms CPU, ` +
        `${((cpu / size) * 1000).toFixed(0)} µs CPU/row, ${findings.length} findings`,
    );
    console.log(`         ${[...byRule].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rule, n]) => `${rule} ${n}`).join(", ")}`);
  }

  // Where the time goes, per rule, on the 10k plan.
  const plan = generatePlan(10_000, 10_000);
  const times = RULES.map((rule) => [rule.id, measure(() => checkPlan(plan, context, [rule])).cpu] as const);
  console.log(`CPU per rule (10k): ${times.map(([id, ms]) => `${id} ${ms.toFixed(0)} ms`).join(", ")}`);
}

// Only when run as a script (the generator is reused by other benchmarks).
if (process.argv[1]?.endsWith("checkScaling.ts")) main();
