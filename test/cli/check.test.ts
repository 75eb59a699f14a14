import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Finding } from "../../src/domain/model";
import { main, runCheck, type CliIO, type JsonReport } from "../../src/cli/main";
import { BAD_FILES } from "../fixtures/badFiles";
import { buildXlsx, outboundTwoRowMerged, peopleToPeople, unitWorkbook } from "../fixtures/generate";

interface Captured extends CliIO {
  out: string;
  err: string;
}

function memoryIO(files: Record<string, Uint8Array>): Captured {
  const io: Captured = {
    out: "",
    err: "",
    stdout: (text) => void (io.out += text),
    stderr: (text) => void (io.err += text),
    readFile: async (file) => {
      if (!(file in files)) throw Object.assign(new Error(`ENOENT: ${file}`), { code: "ENOENT" });
      return files[file];
    },
  };
  return io;
}

let files: Record<string, Uint8Array>;
beforeAll(async () => {
  files = {
    "so-y-te.xlsx": await buildXlsx(unitWorkbook()),
    "so-gd.xlsx": await buildXlsx(outboundTwoRowMerged()),
    "xa.xlsx": await buildXlsx(peopleToPeople()),
    "cu.xls": await BAD_FILES["old-format.xls"](),
  };
});

describe("dplan check --json", () => {
  test("the DESIGN.md contract: files, recognised sheets with kind, header row and delegation count; findings", async () => {
    const io = memoryIO(files);
    // The real rule engine: the fixtures carry a few violations, so the exit code is 1.
    expect(await runCheck(["so-y-te.xlsx", "xa.xlsx", "--json"], io)).toBe(1);
    expect(io.err).toBe("");
    const report = JSON.parse(io.out) as JsonReport;
    expect(report.findings).toContainEqual({ file: "xa.xlsx", sheet: "ĐNND", row: 7, column: "I", cell: "I7", rule: "funding-unclear", severity: "error", message: expect.stringContaining("“Khác” không rõ ràng") });
    expect(report.findings).toContainEqual(expect.objectContaining({ file: "so-y-te.xlsx", sheet: "Đoàn ra", cell: "K5", rule: "unplanned", severity: "info" }));
    expect(report.findings.every((finding) => finding.cell === `${finding.column}${finding.row}`)).toBe(true);
    expect({ ...report, findings: [] }).toEqual({
      files: [
        {
          file: "so-y-te.xlsx",
          sheets: [
            { sheet: "Đoàn ra", kind: "outbound", headerRow: 3, delegations: 2 },
            { sheet: "Đoàn vào", kind: "inbound", headerRow: 4, delegations: 2 },
            { sheet: "Đoàn ra 2024 (cũ)", kind: "outbound", headerRow: 1, delegations: 1 },
          ],
        },
        { file: "xa.xlsx", sheets: [{ sheet: "ĐNND", kind: "people", headerRow: 4, delegations: 3 }] },
      ],
      findings: [],
    });
  });

  test("an unreadable file: exit 2, a message naming it on stderr, the other files still reported", async () => {
    const io = memoryIO(files);
    expect(await runCheck(["--json", "cu.xls", "so-gd.xlsx", "missing.xlsx"], io)).toBe(2);
    expect(io.err).toContain("«cu.xls»: Tệp .xls (Excel 97-2003): hãy mở trong Excel và Lưu thành .xlsx");
    expect(io.err).toContain("«missing.xlsx»: không tìm thấy tệp.");
    const report = JSON.parse(io.out) as JsonReport;
    expect(report.files.map((f) => [f.file, f.sheets.length, f.error !== undefined])).toEqual([
      ["cu.xls", 0, true],
      ["so-gd.xlsx", 1, false],
      ["missing.xlsx", 0, true],
    ]);
    expect(report.files[1].sheets[0]).toEqual({ sheet: "Đoàn ra", kind: "outbound", headerRow: 8, delegations: 3 });
  });

  test("findings from the checker: column letters, exit 1 on errors, 0 on warnings only", async () => {
    const finding = (severity: Finding["severity"]): Finding => ({
      file: "so-gd.xlsx",
      sheet: "Đoàn ra",
      row: 15,
      column: 4,
      cell: "D15",
      rule: "required-field",
      severity,
      message: "Thiếu số lượng thành viên",
      messageEn: "Members missing",
      delegationId: "so-gd.xlsx|Đoàn ra!15",
    });
    const seen: { count: number; year?: number; profile?: string }[] = [];
    const io = memoryIO(files);
    const code = await runCheck(["so-gd.xlsx", "--json", "--year=2025", "--profile", "hai-phong"], io, (delegations, options) => {
      seen.push({ count: delegations.length, year: options.year, profile: options.profileId });
      return [finding("error")];
    });
    expect(code).toBe(1);
    expect(seen).toEqual([{ count: 3, year: 2025, profile: "hai-phong" }]);
    expect((JSON.parse(io.out) as JsonReport).findings).toEqual([
      { file: "so-gd.xlsx", sheet: "Đoàn ra", row: 15, column: "D", cell: "D15", rule: "required-field", severity: "error", message: "Thiếu số lượng thành viên" },
    ]);
    expect(await runCheck(["so-gd.xlsx"], memoryIO(files), () => [finding("warning")])).toBe(0);
  });

  test("a checker that refuses (unknown profile) is exit 2 with its message", async () => {
    const io = memoryIO(files);
    const code = await runCheck(["so-gd.xlsx", "--profile", "da-nang"], io, () => {
      throw new Error("Không có bộ quy định «da-nang». Các bộ có sẵn: default, hai-phong, ha-noi, lai-chau.");
    });
    expect(code).toBe(2);
    expect(io.err).toContain("da-nang");
  });
});

describe("dplan check as a table", () => {
  test("recognised sheets, not-template sheets with their reason, totals", async () => {
    const io = memoryIO(files);
    expect(await runCheck(["so-y-te.xlsx"], io)).toBe(1);
    expect(io.out).toMatch(/Trang tính\s+Loại\s+Dòng tiêu đề\s+Số đoàn/);
    expect(io.out).toContain("Tệp: so-y-te.xlsx — 2 lỗi, 1 cảnh báo, 1 thông tin");
    expect(io.out).toMatch(/Đoàn vào\s+Đoàn vào\s+4\s+2/);
    expect(io.out).toContain("«Danh sách cán bộ»: không phải biểu mẫu.");
    expect(io.out).toContain("Tổng cộng: 5 đoàn trong 1/1 tệp đọc được.");
  });
});

describe("dplan check, text", () => {
  test("an unreadable file: its reason said once, no “no findings” line, exit 2", async () => {
    const io = memoryIO(files);
    expect(await runCheck(["cu.xls"], io)).toBe(2);
    const reason = "Tệp .xls (Excel 97-2003)";
    expect((io.out + io.err).split(reason)).toHaveLength(2);
    expect(io.out).not.toContain("Không có phát hiện nào");
  });

  test("the add-in's own sheets beside a master (Thống kê, Danh sách đơn vị) are not reported as “not a template”", async () => {
    const spec = unitWorkbook();
    const withOwnSheets = { ...spec, sheets: [...spec.sheets, { name: "Thống kê", rows: [["Loại kế hoạch", "Số đoàn", "Số người"], ["Kế hoạch đoàn ra", 2, 8]], expect: false }, { name: "Danh sách đơn vị", rows: [["Đơn vị"], ["Sở Y tế"]], expect: false }] };
    const io = memoryIO({ ...files, "tong-hop.xlsx": await buildXlsx(withOwnSheets as typeof spec) });
    await runCheck(["tong-hop.xlsx"], io);
    expect(io.out).not.toContain("«Thống kê»");
    expect(io.out).not.toContain("«Danh sách đơn vị»");
    expect(io.out).toContain("«Danh sách cán bộ»: không phải biểu mẫu.");
  });
});

describe("usage", () => {
  test.each([
    [["check"], /Chưa chỉ tệp nào/],
    [["check", "a.xlsx", "--bogus"], /Không có tùy chọn --bogus/],
    [["check", "a.xlsx", "--year", "25"], /Năm «25» không hợp lệ/],
    [["check", "a.xlsx", "--year"], /Thiếu giá trị sau --year/],
    [["check", "a.xlsx", "--profile", "Hải Phòng"], /Mã bộ quy định/],
    [["merge-all"], /Không có lệnh «merge-all»/],
    [[], /Cách dùng/],
  ])("%j → exit 2", async (argv, message) => {
    const io = memoryIO(files);
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toMatch(message);
    expect(io.out).toBe("");
  });

  test("--help prints the usage on stdout", async () => {
    const io = memoryIO(files);
    expect(await main(["check", "--help"], io)).toBe(0);
    expect(io.out).toContain("dplan check TỆP.xlsx");
  });

  test("after --, names starting with a dash are files", async () => {
    const io = memoryIO({ "-la.xlsx": files["xa.xlsx"] });
    expect(await runCheck(["--json", "--", "-la.xlsx"], io, () => [])).toBe(0);
    expect((JSON.parse(io.out) as JsonReport).files[0].file).toBe("-la.xlsx");
  });
});

test("node bin/dplan.js check <fixture> --json runs for real", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-cli-"));
  try {
    const file = path.join(dir, "so-y-te.xlsx");
    fs.writeFileSync(file, files["so-y-te.xlsx"]);
    const bin = path.join(__dirname, "..", "..", "bin", "dplan.js");
    const result = spawnSync(process.execPath, [bin, "check", file, "--json"], { encoding: "utf8", timeout: 60_000 });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.files[0].file).toBe(file);
    expect(report.files[0].sheets.map((s) => [s.sheet, s.kind, s.delegations])).toEqual([
      ["Đoàn ra", "outbound", 2],
      ["Đoàn vào", "inbound", 2],
      ["Đoàn ra 2024 (cũ)", "outbound", 1],
    ]);

    const bad = spawnSync(process.execPath, [bin, "check", path.join(dir, "none.xlsx")], { encoding: "utf8", timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("none.xlsx");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
