/**
 * Issue 11, reading: small files that used to exhaust memory, lose every row silently or be refused whole
 * (HOSTILE_PACKAGES in test/fixtures/badFiles.ts), a zip whose end record undercounts its directory, and
 * inputs that are not regular files. Inputs stay byte-identical.
 */
import { spawnSync, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { readPlan } from "../../src/domain/templates/readPlan";
import { loadXlsx } from "../../src/xlsx/editableWorkbook";
import { readXlsx, WorkbookReadError } from "../../src/xlsx/readWorkbook";
import { XlsxWorkbookHost } from "../../src/xlsx/XlsxWorkbookHost";
import { inspectZip } from "../../src/xlsx/zipDirectory";
import { HOSTILE_PACKAGES, planSheet, withUndercountedDirectory } from "../fixtures/badFiles";
import { rawParts, rawWorkbook } from "../fixtures/rawWorkbook";
import { writeDeflatedZip, repeatedChunks, textChunks } from "./deflateZip";
import { sha256 } from "./support";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "dplan.js");
jest.setTimeout(120_000);

const bytesOf = (file: string) => HOSTILE_PACKAGES[file].build();

async function timedRead(bytes: Uint8Array, file: string) {
  const started = performance.now();
  const grids = await readXlsx(bytes, file);
  return { grids, ms: performance.now() - started };
}

describe("sparse reading: far cells and huge merges", () => {
  test("a plan plus one cell at XFD1048576: the plan is read over where its values are, the far cell named, fast", async () => {
    const bytes = bytesOf("o-xa-nhat.xlsx");
    expect(bytes.length).toBeLessThan(8 * 1024);
    const { grids, ms } = await timedRead(bytes, "o-xa-nhat.xlsx");
    expect(ms).toBeLessThan(2000);
    expect(grids).toHaveLength(1);
    expect(grids[0].unreadable).toBeUndefined();
    expect(grids[0].values).toHaveLength(6);
    expect(grids[0].values.every((row) => row.length === 10)).toBe(true);
    expect(grids[0].farCells).toMatchObject({ count: 1, cells: [{ row: 1_048_576, column: 16_384, value: "x" }] });
    expect(grids[0].farCells?.note).toMatch(/Trang «Đoàn ra»: 1 ô .*rất xa bảng \(XFD1048576: “x”\).*A1:J6.*Ctrl\+End/);
    const plan = readPlan(grids);
    expect(plan.delegations).toHaveLength(3);
    expect(plan.sheets[0]).toMatchObject({ sheet: "Đoàn ra", template: true, farCellsNote: grids[0].farCells?.note });
  });

  test("the playground's exceljs host bounds the grid the same way (no dense 17-billion-cell grid)", async () => {
    const host = await XlsxWorkbookHost.open(bytesOf("o-xa-nhat.xlsx"), "o-xa-nhat.xlsx");
    const started = performance.now();
    const [grid] = await host.readSheets();
    expect(performance.now() - started).toBeLessThan(2000);
    const [read] = await readXlsx(bytesOf("o-xa-nhat.xlsx"), "o-xa-nhat.xlsx");
    expect(grid).toEqual(read);
  });

  test("merges over the whole sheet are clipped to where the values are; the plan is read", async () => {
    const { grids, ms } = await timedRead(bytesOf("gop-ca-trang.xlsx"), "gop-ca-trang.xlsx");
    expect(ms).toBeLessThan(2000);
    const [plan, note] = grids;
    expect(plan.values).toHaveLength(6);
    expect(plan.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 10 }]);
    expect(note.values).toEqual([["Ghi chú chung"]]);
    // Clipped to A1 alone, the merge is no merge: left out, and named.
    expect(note.merges).toEqual([]);
    expect(note.clippedMerges?.map((clip) => clip.note)).toEqual([expect.stringMatching(/^Trang «Ghi chú»: vùng gộp A1:XFD1048576 trải tới tận cuối trang tính/)]);
    expect(readPlan(grids).delegations).toHaveLength(3);
  });

  test("the playground's editable workbook (exceljs, which builds every merged cell) clips such a merge before exceljs sees it", async () => {
    const started = performance.now();
    const workbook = await loadXlsx(bytesOf("gop-ca-trang.xlsx"), "gop-ca-trang.xlsx");
    expect(performance.now() - started).toBeLessThan(2000);
    expect(workbook.getWorksheet("Đoàn ra")!.getCell("B4").value).toBe("Đoàn công tác số 1");
  });
});

describe("silent zero", () => {
  test("an inline string with <phoneticPr> (and a phonetic run) keeps its text and every row after it", async () => {
    const { grids } = await timedRead(bytesOf("chu-phien-am.xlsx"), "chu-phien-am.xlsx");
    const plan = readPlan(grids);
    expect(plan.delegations.map((d) => d.name)).toEqual(["Đoàn công tác số 1", "Đoàn công tác số 2", "Đoàn công tác số 3"]);
  });

  test('a strict-OOXML date cell (t="d") is a date, not its year', async () => {
    const { grids } = await timedRead(bytesOf("ngay-kieu-d.xlsx"), "ngay-kieu-d.xlsx");
    expect(grids[0].values[3][6]).toEqual(new Date(Date.UTC(2025, 5, 10)));
    const plan = readPlan(grids);
    expect(plan.delegations[0].period).toMatchObject({ start: "2025-06-10", end: "2025-06-15" });
  });

  test("a recognised sheet that is not read is an error: a host's unreadable sheet is reported, never an empty success", () => {
    const plan = readPlan([{ name: "Đoàn ra", originRow: 1, originCol: 1, values: [], merges: [], unreadable: "Trang «Đoàn ra» bị hỏng" }]);
    expect(plan.sheets).toEqual([{ sheet: "Đoàn ra", template: false, reason: "Trang «Đoàn ra» bị hỏng", unreadable: true }]);
  });
});

describe("one broken part", () => {
  test("broken drawing, chart and chart sheet: the plan sheet is read, nothing else is parsed", async () => {
    const { grids } = await timedRead(bytesOf("bieu-do-hong.xlsx"), "bieu-do-hong.xlsx");
    // The chart sheet holds no cells: left out, as Excel's and exceljs' worksheet lists leave it out.
    expect(grids.map((g) => g.name)).toEqual(["Đoàn ra"]);
    expect(grids[0].unreadable).toBeUndefined();
    expect(readPlan(grids).delegations).toHaveLength(3);
  });

  test("a sheet whose XML stops half way is named as not read; the other sheet is read", async () => {
    const { grids } = await timedRead(bytesOf("trang-hong.xlsx"), "trang-hong.xlsx");
    expect(grids[0].unreadable).toBeUndefined();
    expect(grids[1].unreadable).toMatch(/Trang «Đoàn vào» bị hỏng/);
    expect(readPlan(grids).delegations).toHaveLength(3);
  });
});

describe("zip guard", () => {
  test("an end record that undercounts the directory does not hide the last entry", () => {
    const bytes = withUndercountedDirectory(rawWorkbook([planSheet("Đoàn ra", 1)]));
    const zip = inspectZip(bytes)!;
    expect(zip.parts.map((p) => p.name)).toContain("xl/worksheets/sheet1.xml");
    expect(zip.entries).toBe(5);
  });

  test("a bomb hidden behind an undercounted directory is refused as too large", async () => {
    const bomb = withUndercountedDirectory(
      await writeDeflatedZip([
        { name: "[Content_Types].xml", chunks: textChunks("<Types/>") },
        { name: "xl/workbook.xml", chunks: textChunks("<workbook/>") },
        { name: "xl/worksheets/sheet1.xml", chunks: repeatedChunks(210 * 1000 * 1000) },
      ]),
    );
    await expect(readXlsx(bomb, "bom.xlsx")).rejects.toMatchObject({ reason: "too-large" });
    await expect(readXlsx(bomb, "bom.xlsx")).rejects.toBeInstanceOf(WorkbookReadError);
  });
});

describe("node bin/dplan.js check on hostile inputs", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-hostile-"));
    for (const file of Object.keys(HOSTILE_PACKAGES)) fs.writeFileSync(path.join(dir, file), bytesOf(file));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", timeout: 110_000, env: { ...process.env, ...env } });

  test("the far-cell file, with 300 MB of heap: the plan is checked and the far cell named; the input unchanged", () => {
    const before = sha256(fs.readFileSync(path.join(dir, "o-xa-nhat.xlsx")));
    const result = run(["check", "o-xa-nhat.xlsx"], { NODE_OPTIONS: "--max-old-space-size=300" });
    expect(result.stderr).toBe("");
    expect(result.status).toBeLessThan(2);
    expect(result.stdout).toMatch(/Đoàn ra\s+Đoàn ra\s+3\s+3/);
    expect(result.stdout).toMatch(/Trang «Đoàn ra»: 1 ô có dữ liệu nằm rất xa bảng \(XFD1048576: “x”\)/);
    expect(sha256(fs.readFileSync(path.join(dir, "o-xa-nhat.xlsx")))).toBe(before);
    const json = JSON.parse(run(["check", "o-xa-nhat.xlsx", "--json"]).stdout) as { files: { farCells?: { sheet: string }[] }[] };
    expect(json.files[0].farCells?.map((far) => far.sheet)).toEqual(["Đoàn ra"]);
  });

  test("a merge beside the plan reaching the sheet's end: the plan is checked and the clipped merge named (text and --json)", () => {
    const result = run(["check", "gop-ghi-chu.xlsx"]);
    expect(result.status).toBeLessThan(2);
    expect(result.stdout).toMatch(/Trang «Đoàn ra»: vùng gộp M5:XFD1048576 trải tới tận cuối trang tính; chỉ đọc phần M5:M6/);
    const json = JSON.parse(run(["check", "gop-ghi-chu.xlsx", "--json"]).stdout) as { files: { clippedMerges?: { sheet: string; note: string }[] }[] };
    expect(json.files[0].clippedMerges?.map((clip) => clip.sheet)).toEqual(["Đoàn ra"]);
  });

  test("a 0.7 MB file of 2.5 million tiny cells, with 300 MB of heap: refused by name, no crash", async () => {
    const parts = rawParts([{ name: "Đoàn ra", rows: [["x"]] }]);
    const chunks = function* () {
      yield Buffer.from(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`);
      let batch = "";
      for (let row = 1; row <= 250_000; row++) {
        batch += `<row r="${row}">${"<c><v>1</v></c>".repeat(10)}</row>`;
        if (batch.length > 1 << 20) {
          yield Buffer.from(batch);
          batch = "";
        }
      }
      yield Buffer.from(`${batch}</sheetData></worksheet>`);
    };
    const bytes = await writeDeflatedZip(parts.map((part) => (part.name === "xl/worksheets/sheet1.xml" ? { name: part.name, chunks } : { name: part.name, chunks: textChunks(String(part.data)) })));
    expect(bytes.length).toBeLessThan(1024 * 1024);
    fs.writeFileSync(path.join(dir, "nhieu-o.xlsx"), bytes);
    const result = run(["check", "nhieu-o.xlsx"], { NODE_OPTIONS: "--max-old-space-size=300" });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Trang «Đoàn ra» có hơn 2\.000\.000 ô có dữ liệu, quá lớn để đọc/);
  });

  test("--json names the unreadable sheet", () => {
    const result = run(["check", "trang-hong.xlsx", "--json"]);
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout) as { files: { unreadableSheets?: { sheet: string }[] }[] };
    expect(report.files[0].unreadableSheets?.map((s) => s.sheet)).toEqual(["Đoàn vào"]);
  });

  test("/dev/zero and a FIFO are refused up front as not regular files (no hang, no read)", () => {
    const fifo = path.join(dir, "ong.xlsx");
    execFileSync("mkfifo", [fifo]);
    const started = performance.now();
    const result = run(["check", "/dev/zero", fifo]);
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/không phải tệp thông thường/);
  });
});
