/**
 * Black-box tests of the shipped command: `node bin/dplan.js …` as a child process, exactly as the README
 * gives it, on generated files. Each command of the README is run at least once here, so a command that
 * only works in-process (as `merge` once did) fails the suite.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { BAD_FILES } from "../fixtures/badFiles";
import { buildXlsx, outboundAbbreviated, outboundTwoRowMerged, unitWorkbook } from "../fixtures/generate";
import { masterScenarioUnits } from "../fixtures/masterScenario";
import { daysByCountry, titledOtherYear } from "../fixtures/realLayouts";
import { masterColumn } from "../support/masterDocument";
import { readXlsx } from "../../src/xlsx/readWorkbook";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "dplan.js");

// A child Node that compiles the sources with tsx takes a few seconds on a loaded machine.
jest.setTimeout(120_000);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function dplan(args: string[], cwd: string): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 110_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function digest(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-bin-"));
  fs.writeFileSync(path.join(dir, "unit.xlsx"), await buildXlsx(unitWorkbook()));
  fs.writeFileSync(path.join(dir, "merged-header.xlsx"), await buildXlsx(outboundTwoRowMerged()));
  fs.writeFileSync(path.join(dir, "abbreviated.xlsx"), await buildXlsx(outboundAbbreviated()));
  fs.writeFileSync(path.join(dir, "old.xls"), await BAD_FILES["old-format.xls"]!());
  fs.writeFileSync(path.join(dir, "titled-2027.xlsx"), await buildXlsx(titledOtherYear()));
  fs.writeFileSync(path.join(dir, "days-by-country.xlsx"), await buildXlsx(daysByCountry()));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("node bin/dplan.js", () => {
  test("without a command: the usage in Vietnamese, exit 2", () => {
    const run = dplan([], dir);
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).toContain("Cách dùng");
  });

  test("check: a table of findings, exit 1 when there are errors", () => {
    const run = dplan(["check", "unit.xlsx"], dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/Tổng cộng: \d+ lỗi/);
  });

  test("check --json: the DESIGN.md contract", () => {
    const run = dplan(["check", "merged-header.xlsx", "--json", "--profile", "hai-phong"], dir);
    expect([0, 1]).toContain(run.status);
    const report = JSON.parse(run.stdout);
    expect(Array.isArray(report.files)).toBe(true);
    expect(report.files[0].file).toContain("merged-header.xlsx");
  });

  test("check --json --year 2026 on a plan titled 2027: said at the title, and the key leader's 2027 trips still counted", () => {
    const run = dplan(["check", "titled-2027.xlsx", "--json", "--profile", "hai-phong", "--year", "2026"], dir);
    expect(run.status).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: { rule: string; cell: string; message: string }[] }).findings;
    const title = findings.find((finding) => finding.cell === "A1");
    expect(title?.rule).toBe("period-invalid");
    expect(title?.message).toMatch(/^Tiêu đề ghi năm 2027, khác năm kế hoạch 2026 \(tham số --year\)\. .*\(4 đoàn có thời gian ngoài năm 2026/);
    expect(findings.filter((finding) => finding.rule === "key-leader-trips").map((finding) => finding.message)).toEqual(
      Array(3).fill(expect.stringContaining("3 lần trong năm 2027")),
    );
  });

  test("check --json: a country over its days in a trip written one country per row is found on that country's row", () => {
    const run = dplan(["check", "days-by-country.xlsx", "--json", "--profile", "hai-phong", "--year", "2026"], dir);
    const findings = (JSON.parse(run.stdout) as { findings: { rule: string; cell: string; message: string }[] }).findings;
    expect(findings.find((finding) => finding.cell === "H6")).toMatchObject({ rule: "days-per-country", message: expect.stringMatching(/^Đoàn ở Đức 8 ngày, vượt quá 3 ngày\/nước/) });
  });

  test("check: an old .xls is named with what to do, exit 2, the other file still checked", () => {
    const run = dplan(["check", "old.xls", "abbreviated.xlsx"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("old.xls");
    expect(run.stdout).toMatch(/Tổng cộng/);
  });

  test("merge: writes the master, leaves the inputs byte-identical", async () => {
    const inputs = ["unit.xlsx", "merged-header.xlsx", "abbreviated.xlsx"];
    const before = inputs.map((name) => digest(path.join(dir, name)));
    const run = dplan(["merge", ...inputs, "-o", "tong-hop.xlsx"], dir);
    expect(run.stderr).not.toContain("Cannot find module");
    expect([0, 1]).toContain(run.status);
    expect(inputs.map((name) => digest(path.join(dir, name)))).toEqual(before);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, "tong-hop.xlsx"));
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual(expect.arrayContaining(["Tổng hợp đoàn ra", "Thống kê"]));
  });

  test("merge: a re-import without --agency/--place keeps the agency block and place the first merge wrote", async () => {
    const first = dplan(["merge", "unit.xlsx", "merged-header.xlsx", "-o", "agency.xlsx", "--agency", "UBND thành phố Hải Phòng/Sở Ngoại vụ", "--place", "Hải Phòng"], dir);
    expect([0, 1]).toContain(first.status);
    const again = dplan(["merge", "abbreviated.xlsx", "-o", "agency.xlsx"], dir);
    expect([0, 1]).toContain(again.status);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, "agency.xlsx"));
    const sheet = workbook.getWorksheet("Tổng hợp đoàn ra")!;
    expect(String(sheet.getCell("A1").value)).toBe("UBND THÀNH PHỐ HẢI PHÒNG");
    expect(String(sheet.getCell("A2").value)).toBe("SỞ NGOẠI VỤ");
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "string" && texts.push(cell.value))));
    expect(texts.some((text) => text.startsWith("Hải Phòng, ngày"))).toBe(true);
  });

  test("merge: refuses to overwrite an input", () => {
    const before = digest(path.join(dir, "unit.xlsx"));
    const run = dplan(["merge", "unit.xlsx", "-o", "unit.xlsx"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr.length).toBeGreaterThan(0);
    expect(digest(path.join(dir, "unit.xlsx"))).toBe(before);
  });

  test("two levels: a master is checked as a plan of its kind, and masters merge into a higher master keeping the first level's units", async () => {
    const [yTe, giaoDuc, congThuong] = masterScenarioUnits();
    for (const { spec } of [yTe, giaoDuc, congThuong]) fs.writeFileSync(path.join(dir, spec.file), await buildXlsx(spec));
    const first = dplan(["merge", yTe.spec.file, giaoDuc.spec.file, "-o", "so-a.xlsx", "--agency", "UBND thành phố/Sở A", "--group-by", "unit"], dir);
    expect(first.stderr).toBe("");
    expect(dplan(["merge", congThuong.spec.file, "-o", "so-b.xlsx", "--agency", "Sở B"], dir).stderr).toBe("");

    // `dplan check` reads the master as the official form it is: the same kind, every delegation.
    const checked = dplan(["check", "so-a.xlsx", "--json", "--year", "2026"], dir);
    expect([0, 1]).toContain(checked.status);
    const report = JSON.parse(checked.stdout);
    expect(report.files[0].sheets.map((sheet: { sheet: string; kind: string; delegations: number }) => [sheet.sheet, sheet.kind, sheet.delegations])).toEqual([
      ["Tổng hợp đoàn ra", "outbound", 14],
      ["Tổng hợp đoàn vào", "inbound", 4],
    ]);

    const top = dplan(["merge", "so-a.xlsx", "so-b.xlsx", "-o", "thanh-pho.xlsx", "--agency", "UBND thành phố Hải Phòng/Sở Ngoại vụ"], dir);
    expect([0, 1]).toContain(top.status);
    expect(top.stdout).toContain("Tổng hợp đoàn ra: 21 đoàn của các đơn vị");
    expect(top.stdout).not.toContain("Cột “Dòng gốc”");
    const grids = await readXlsx(fs.readFileSync(path.join(dir, "thanh-pho.xlsx")), "thanh-pho.xlsx");
    const outbound = grids.find((grid) => grid.name === "Tổng hợp đoàn ra")!;
    // Each row's sender at this level is the first-level master's agency; the first level's units stay in "Đơn vị chủ trì".
    expect(new Set(masterColumn(outbound.values, "Đơn vị"))).toEqual(new Set(["Sở A", "Sở B"]));
    expect(new Set(masterColumn(outbound.values, "Đơn vị chủ trì"))).toEqual(new Set(["Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Công Thương"]));
  });

  test("template: writes a blank form that check then recognises", () => {
    const made = dplan(["template", "outbound", "-o", "bieu-mau.xlsx", "--year", "2026"], dir);
    expect(made.status).toBe(0);
    expect(fs.existsSync(path.join(dir, "bieu-mau.xlsx"))).toBe(true);
    const checked = dplan(["check", "bieu-mau.xlsx", "--json"], dir);
    expect(checked.status).toBe(0);
    const report = JSON.parse(checked.stdout);
    expect(report.files[0].sheets.length).toBeGreaterThan(0);
  });
});
