/**
 * Issue 11, merging into an existing master: the user's own sheets, races on the master file, planted
 * temporary files, the master's permissions, the same unit file given twice, names that differ by a tone
 * mark, and texts longer than a cell holds. Inputs stay byte-identical in every case.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runMerge } from "../../src/cli/merge";
import { EXCEL_CELL_TEXT_LIMIT } from "../../src/domain/merge/consolidate";
import { masterLayout, MASTER_SHEET_NAMES, STATISTICS_SHEET_NAME } from "../../src/domain/merge";
import { buildXlsx, type WorkbookSpec } from "../fixtures/generate";
import { trip, unitSpec } from "../domain/merge/units";
import { masterColumn, sheetRows } from "../support/masterDocument";
import { diskIO } from "../robustness/support";


let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-merge-safety-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function put(name: string, spec: WorkbookSpec): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await buildXlsx(spec));
  return file;
}

const digest = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

async function open(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** A column of the master document by its title, over the delegation rows. */
function column(sheet: ExcelJS.Worksheet, title: string): unknown[] {
  return masterColumn(sheetRows(sheet), title);
}

const unit = (file: string, name: string, trips: number[]) => unitSpec({ file, unit: name, outbound: trips.map((n) => trip(n)) });

async function masterWith(...units: [string, string, number[]][]): Promise<string> {
  const files = await Promise.all(units.map(([file, name, trips]) => put(file, unit(file, name, trips))));
  const output = path.join(dir, "tong-hop.xlsx");
  expect(await runMerge([...files, "-o", output], diskIO())).toBe(0);
  return output;
}

describe("the user's sheets", () => {
  test("a 'Thống kê' sheet the add-in did not write is never replaced: exit 2, the master unchanged", async () => {
    const output = await masterWith(["a.xlsx", "Sở Y tế", [1]]);
    const workbook = await open(output);
    workbook.removeWorksheet(workbook.getWorksheet(STATISTICS_SHEET_NAME)!.id);
    workbook.addWorksheet(STATISTICS_SHEET_NAME).getCell("A1").value = "Số liệu của phòng";
    await workbook.xlsx.writeFile(output);
    const before = digest(output);
    const b = await put("b.xlsx", unit("b.xlsx", "Sở Xây dựng", [2]));
    const io = diskIO();
    expect(await runMerge([b, "-o", output], io)).toBe(2);
    expect(io.err).toMatch(/Trang “Thống kê” đã có.*không phải trang thống kê do phần bổ trợ tạo.*đổi tên/);
    expect(digest(output)).toBe(before);
  });

  test("a master-named sheet without provenance columns is never replaced", async () => {
    const output = await masterWith(["a.xlsx", "Sở Y tế", [1]]);
    const workbook = await open(output);
    const own = workbook.addWorksheet(MASTER_SHEET_NAMES.inbound);
    own.addRow(["STT", "Tên đoàn khách"]);
    own.addRow([1, "Đoàn do phòng tự theo dõi"]);
    await workbook.xlsx.writeFile(output);
    const before = digest(output);
    const b = await put("b.xlsx", unit("b.xlsx", "Sở Xây dựng", [2]));
    const io = diskIO();
    expect(await runMerge([b, "-o", output], io)).toBe(2);
    expect(io.err).toMatch(/Trang “Tổng hợp đoàn vào” đã có.*không phải trang tổng hợp/);
    expect(digest(output)).toBe(before);
  });
});

describe("races and files", () => {
  test("a merge refuses while another holds the lock beside the master, with a clear message", async () => {
    const output = await masterWith(["a.xlsx", "Sở Y tế", [1]]);
    const lock = path.join(dir, ".tong-hop.xlsx.dplan-lock");
    fs.writeFileSync(lock, "12345 2026-01-01T00:00:00Z\n");
    const before = digest(output);
    const b = await put("b.xlsx", unit("b.xlsx", "Sở Xây dựng", [2]));
    const io = diskIO();
    expect(await runMerge([b, "-o", output], io)).toBe(2);
    expect(io.err).toMatch(/đang được một lệnh dplan merge khác ghi.*dplan-lock.*chờ/);
    expect(digest(output)).toBe(before);
    fs.unlinkSync(lock);
    expect(await runMerge([b, "-o", output], diskIO())).toBe(0);
    expect(fs.existsSync(lock)).toBe(false);
  });

  test("a symbolic link planted at the lock's path is named as such, and nothing is written through it", async () => {
    const output = await masterWith(["a.xlsx", "Sở Y tế", [1]]);
    const victim = path.join(dir, "victim.txt");
    fs.writeFileSync(victim, "không được ghi đè");
    fs.symlinkSync(victim, path.join(dir, ".tong-hop.xlsx.dplan-lock"));
    const before = digest(output);
    const b = await put("b.xlsx", unit("b.xlsx", "Sở Xây dựng", [2]));
    const io = diskIO();
    expect(await runMerge([b, "-o", output], io)).toBe(2);
    expect(io.err).toMatch(/tệp khóa.*liên kết tượng trưng.*Hãy xóa/);
    expect(io.err).not.toMatch(/dplan merge khác/);
    expect(fs.readFileSync(victim, "utf8")).toBe("không được ghi đè");
    expect(digest(output)).toBe(before);
  });

  test("two merges into one master at once: no unit is lost (the second waits its turn or is refused)", async () => {
    const output = await masterWith(["a.xlsx", "Sở Y tế", [1]]);
    const b = await put("b.xlsx", unit("b.xlsx", "Sở Xây dựng", [2]));
    const c = await put("c.xlsx", unit("c.xlsx", "Sở Công Thương", [3]));
    const runs = await Promise.all([runMerge([b, "-o", output], diskIO()), runMerge([c, "-o", output], diskIO())]);
    const units = column((await open(output)).getWorksheet(MASTER_SHEET_NAMES.outbound)!, "Đơn vị");
    const merged = [runs[0] === 0 && "Sở Xây dựng", runs[1] === 0 && "Sở Công Thương"].filter(Boolean);
    expect(runs.filter((code) => code === 0).length).toBeGreaterThanOrEqual(1);
    expect(units).toEqual(["Sở Y tế", ...merged]);
  });

  test("a symbolic link planted where the old temporary file went is not written through", async () => {
    const output = await masterWith(["a.xlsx", "Sở Y tế", [1]]);
    const victim = path.join(dir, "victim.txt");
    fs.writeFileSync(victim, "không được ghi đè");
    // The old name was predictable (.NAME.PID.tmp); plant links for a range of process ids around ours.
    for (let pid = process.pid - 5; pid <= process.pid + 5; pid++) fs.symlinkSync(victim, path.join(dir, `.tong-hop.xlsx.${pid}.tmp`));
    const b = await put("b.xlsx", unit("b.xlsx", "Sở Xây dựng", [2]));
    expect(await runMerge([b, "-o", output], diskIO())).toBe(0);
    expect(fs.readFileSync(victim, "utf8")).toBe("không được ghi đè");
    expect(fs.lstatSync(output).isSymbolicLink()).toBe(false);
  });

  test("the master keeps its permissions", async () => {
    const output = await masterWith(["a.xlsx", "Sở Y tế", [1]]);
    fs.chmodSync(output, 0o640);
    const b = await put("b.xlsx", unit("b.xlsx", "Sở Xây dựng", [2]));
    expect(await runMerge([b, "-o", output], diskIO())).toBe(0);
    expect(fs.statSync(output).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  test("the same unit file given twice (a copy and a hard link) is merged once, with a note", async () => {
    const a = await put("a.xlsx", unit("a.xlsx", "Sở Y tế", [1, 2]));
    const copy = path.join(dir, "a-ban-sao.xlsx");
    const link = path.join(dir, "a-lien-ket.xlsx");
    fs.copyFileSync(a, copy);
    fs.linkSync(a, link);
    const before = [a, copy].map(digest);
    const output = path.join(dir, "tong-hop.xlsx");
    const io = diskIO();
    expect(await runMerge([a, copy, link, "-o", output], io)).toBe(0);
    expect(io.err).toMatch(/«.*a-ban-sao\.xlsx» giống hệt tệp «.*a\.xlsx».*chỉ tổng hợp một lần/);
    expect(column((await open(output)).getWorksheet(MASTER_SHEET_NAMES.outbound)!, "Tên đoàn")).toEqual(["Đoàn công tác số 1", "Đoàn công tác số 2"]);
    expect([a, copy].map(digest)).toEqual(before);
  });
});

describe("unit identity", () => {
  test("'UBND xã Tân Hòa' and 'UBND xã Tân Hóa': refused with the reason, then kept apart with --confirm", async () => {
    const output = await masterWith(["tan-hoa.xlsx", "UBND xã Tân Hòa", [1, 2]]);
    const before = digest(output);
    const other = await put("tan-hoa-2.xlsx", unit("tan-hoa-2.xlsx", "UBND xã Tân Hóa", [3]));
    const io = diskIO();
    expect(await runMerge([other, "-o", output], io)).toBe(2);
    expect(io.err).toMatch(/chỉ khác nhau ở dấu.*“UBND xã Tân Hóa” và “UBND xã Tân Hòa”.*--confirm/s);
    expect(digest(output)).toBe(before);
    expect(await runMerge([other, "-o", output, "--confirm"], diskIO())).toBe(0);
    const units = column((await open(output)).getWorksheet(MASTER_SHEET_NAMES.outbound)!, "Đơn vị");
    expect(units).toEqual(["UBND xã Tân Hòa", "UBND xã Tân Hòa", "UBND xã Tân Hóa"]);
  });
});

test("a text longer than a cell holds is cut with a visible marker and a warning, never written as is", async () => {
  const long = "Nội dung chi tiết. ".repeat(2500);
  const a = await put("a.xlsx", unitSpec({ file: "a.xlsx", unit: "Sở Y tế", outbound: [trip(1, { purpose: long })] }));
  const output = path.join(dir, "tong-hop.xlsx");
  const io = diskIO();
  expect(await runMerge([a, "-o", output], io)).toBe(0);
  const layout = masterLayout("outbound");
  const purposeTitle = layout.columns[layout.fieldIndex.purpose!].title;
  const [purpose] = column((await open(output)).getWorksheet(MASTER_SHEET_NAMES.outbound)!, purposeTitle) as string[];
  expect(purpose.length).toBeLessThanOrEqual(EXCEL_CELL_TEXT_LIMIT);
  expect(purpose.startsWith(long.slice(0, 30000))).toBe(true);
  expect(purpose).toMatch(/ĐÃ CẮT: ô gốc dài 47\.500 ký tự/);
  expect(io.out).toMatch(/dài 47\.500 ký tự, quá giới hạn 32\.767 ký tự/);
});
