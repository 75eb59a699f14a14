/**
 * Files that are not readable workbooks: each is refused with its reason and a clear Vietnamese message,
 * its bytes untouched; `dplan check` names it on stderr, still reports the other files and exits 2.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main, type JsonReport } from "../../src/cli/main";
import { readXlsx, WorkbookReadError } from "../../src/xlsx/readWorkbook";
import { buildXlsx } from "../fixtures/generate";
import { goodRow, OUTBOUND_HEADER, UNREADABLE, type UnreadableInput } from "./corpus";
import { diskIO, engineChecker, expectVietnamese, folderState } from "./support";

jest.setTimeout(60_000);

const GOOD_FILE = "ke-hoach-hop-le.xlsx";
let folder: string;
const bytesOf = new Map<string, Buffer>();

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-unreadable-"));
  for (const input of UNREADABLE) {
    const bytes = await input.build();
    bytesOf.set(input.file, bytes);
    fs.writeFileSync(path.join(folder, input.file), bytes);
  }
  const good = await buildXlsx({
    file: GOOD_FILE,
    description: "a clean plan",
    sheets: [{ name: "Đoàn ra", rows: [["KẾ HOẠCH ĐOÀN RA NĂM 2025"], [], OUTBOUND_HEADER, goodRow(1), goodRow(2)], expect: false }],
  });
  fs.writeFileSync(path.join(folder, GOOD_FILE), good);
});

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

async function readError(input: UnreadableInput, bytes: Uint8Array | ArrayBuffer): Promise<WorkbookReadError> {
  try {
    await readXlsx(bytes, input.file);
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw new Error(`${input.file}: not a WorkbookReadError: ${String(error)}`);
  }
  throw new Error(`${input.file} was read as a workbook`);
}

describe("readXlsx refuses each unreadable input", () => {
  test.each(UNREADABLE.map((input) => [input.description, input] as const))("%s", async (_description, input) => {
    const bytes = new Uint8Array(bytesOf.get(input.file)!);
    const before = Buffer.from(bytes);
    const error = await readError(input, bytes);
    expect(error.reason).toBe(input.reason);
    expect(error.fileName).toBe(input.file);
    expect(error.message).toMatch(input.message);
    expectVietnamese(error.message);
    // Nothing changed: the caller's bytes are exactly as they were.
    expect(Buffer.compare(Buffer.from(bytes), before)).toBe(0);
  });

  test("an ArrayBuffer is refused the same way and left intact", async () => {
    for (const input of UNREADABLE.filter((candidate) => !candidate.bomb)) {
      const copy = Uint8Array.from(bytesOf.get(input.file)!);
      const error = await readError(input, copy.buffer);
      expect(error.reason).toBe(input.reason);
      expect(Buffer.compare(Buffer.from(copy), bytesOf.get(input.file)!)).toBe(0);
    }
  });
});

describe("dplan check over the corpus and one good plan", () => {
  test("exit 2; one Vietnamese line per unreadable file on stderr; the good file still checked; no file written or changed", async () => {
    const files = [...UNREADABLE.map((input) => path.join(folder, input.file)), path.join(folder, GOOD_FILE)];
    const before = folderState(folder);
    const io = diskIO();
    const code = await main(["check", ...files, "--json"], io, engineChecker);

    expect(code).toBe(2);
    const lines = io.err.trim().split("\n");
    expect(lines).toHaveLength(UNREADABLE.length);
    UNREADABLE.forEach((input, index) => {
      expect(lines[index]).toContain(`«${path.join(folder, input.file)}»`);
      expect(lines[index]).toMatch(input.message);
      expectVietnamese(lines[index]);
    });

    const report = JSON.parse(io.out) as JsonReport;
    expect(report.files).toHaveLength(files.length);
    for (const entry of report.files.slice(0, UNREADABLE.length)) {
      expect(entry.sheets).toEqual([]);
      expectVietnamese(entry.error!);
    }
    const good = report.files[UNREADABLE.length];
    expect(good.error).toBeUndefined();
    expect(good.sheets).toEqual([{ sheet: "Đoàn ra", kind: "outbound", headerRow: 3, delegations: 2 }]);
    expect(folderState(folder)).toEqual(before);
  });

  test("as a real process (bin/dplan.js): exit 2, one JSON document on stdout, no stack trace", () => {
    const before = folderState(folder);
    const files = fs.readdirSync(folder).map((name) => path.join(folder, name));
    const result = spawnSync(process.execPath, [path.resolve(__dirname, "../../bin/dplan.js"), "check", ...files, "--json"], { encoding: "utf8", timeout: 50_000 });
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.files.filter((entry) => entry.error !== undefined)).toHaveLength(UNREADABLE.length);
    expect(result.stderr).not.toMatch(/\n\s+at |Lỗi không mong đợi/);
    for (const line of result.stderr.trim().split("\n")) expectVietnamese(line);
    expect(folderState(folder)).toEqual(before);
  });
});
