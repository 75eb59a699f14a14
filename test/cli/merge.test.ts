import { masterColumn, viewMaster } from "../support/masterDocument";
import type { CellValue } from "../../src/workbook/types";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { runMerge } from "../../src/cli/merge";
import { MASTER_SHEET_NAMES, STATISTICS_SHEET_NAME } from "../../src/domain/merge";
import { BAD_FILES } from "../fixtures/badFiles";
import { buildXlsx, day, notATemplate, unitWorkbook, type WorkbookSpec } from "../fixtures/generate";
import { trip, unitSpec, visit } from "../domain/merge/units";
import { diskIO } from "../robustness/support";

// Each test writes and reads back whole workbooks; on a loaded machine that passes jest's 5 s default.
jest.setTimeout(30_000);


let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-merge-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function put(name: string, spec: WorkbookSpec | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, spec instanceof Uint8Array ? spec : await buildXlsx(spec));
  return file;
}

function digest(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** A plain copy of what a test reads from an exceljs cell. */
function snapshot(cell: ExcelJS.Cell) {
  return { type: cell.type, value: cell.value, formula: cell.formula, numFmt: cell.numFmt };
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** Values of a sheet's rows below the header, as plain arrays (columns from A). */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

/** Every row of a sheet from row 1, as plain arrays (columns from A, empty cells null). */
function gridOf(sheet: ExcelJS.Worksheet): CellValue[][] {
  return Array.from({ length: sheet.rowCount }, (_, r) => rowValues(sheet.getRow(r + 1)));
}

function rowValues(row: ExcelJS.Row): CellValue[] {
  return Array.from({ length: row.cellCount }, (_, c) => cellValue(row.getCell(c + 1)));
}

/** A merged area's other cells hand back its first cell's value in exceljs: they are empty. */
function cellValue(cell: ExcelJS.Cell): CellValue {
  return (cell.type === ExcelJS.ValueType.Merge ? null : (cell.value ?? null)) as CellValue;
}

/** A column of the master document by its title, over the delegation rows. */
function columnOf(sheet: ExcelJS.Worksheet, title: string): unknown[] {
  return masterColumn(gridOf(sheet), title);
}

const yTe = unitSpec({
  file: "so-y-te.xlsx",
  unit: "Sở Y tế",
  outbound: [
    trip(1, { notes: "=HYPERLINK(\"http://x\",\"bấm\")" }),
    trip(2, { purpose: "+ Học tập mô hình bệnh viện", funding: null }),
    trip(3, { leader: "-Nguyễn Văn Gạch", start: day(2025, 6, 2), end: day(2025, 6, 6) }),
  ],
  inbound: [visit(1)],
});
const giaoDuc = unitSpec({ file: "so-gd.xlsx", unit: "Sở Giáo dục và Đào tạo", outbound: [trip(4), trip(5, { notes: "@ghi chú" })] });

describe("dplan merge", () => {
  test("merges unit workbooks into a master: sheets, provenance, excluded listed, values only, inputs untouched", async () => {
    const a = await put("so-y-te.xlsx", yTe);
    const b = await put("so-gd.xlsx", giaoDuc);
    const c = await put("unit-outbound-inbound.xlsx", unitWorkbook());
    const before = [a, b, c].map(digest);
    const stamps = [a, b, c].map((f) => fs.statSync(f).mtimeMs);
    const output = path.join(dir, "tong-hop.xlsx");
    const io = diskIO();

    // Both a and c say "Sở Y tế": c is named as another unit (two files of one unit in one run are asked about).
    const code = await runMerge([a, b, c, "-o", output, "--profile", "hai-phong", "--unit", "unit-outbound-inbound.xlsx=Bệnh viện Việt Tiệp"], io);
    expect(io.err).toBe("");
    expect(code).toBe(0);

    // Inputs are byte-identical and not even rewritten.
    expect([a, b, c].map(digest)).toEqual(before);
    expect([a, b, c].map((f) => fs.statSync(f).mtimeMs)).toEqual(stamps);

    const book = await open(output);
    expect(book.worksheets.map((w) => w.name)).toEqual([MASTER_SHEET_NAMES.outbound, MASTER_SHEET_NAMES.inbound, STATISTICS_SHEET_NAME]);
    const outbound = book.getWorksheet(MASTER_SHEET_NAMES.outbound)!;
    // 3 + 2 + 2 outbound rows, one left out for missing funding; each unit one block, in the order given.
    expect(columnOf(outbound, "Đơn vị")).toEqual(["Sở Y tế", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", "Bệnh viện Việt Tiệp", "Bệnh viện Việt Tiệp"]);
    expect(columnOf(outbound, "Tệp")).toEqual(["so-y-te.xlsx", "so-y-te.xlsx", "so-gd.xlsx", "so-gd.xlsx", "unit-outbound-inbound.xlsx", "unit-outbound-inbound.xlsx"]);
    expect(columnOf(outbound, "STT")).toEqual([1, 2, 3, 4, 5, 6]);
    expect(columnOf(book.getWorksheet(MASTER_SHEET_NAMES.inbound)!, "Đơn vị")).toEqual(["Sở Y tế", "Bệnh viện Việt Tiệp", "Bệnh viện Việt Tiệp"]);

    // Formula-like text: string cells, never formulas. The only formulas are the add-in's own totals.
    const formulaLike = ["=HYPERLINK(\"http://x\",\"bấm\")", "-Nguyễn Văn Gạch", "@ghi chú"];
    const view = viewMaster(gridOf(outbound));
    let found = 0;
    outbound.eachRow((row, rowNumber) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) {
          expect(rowNumber).toBe(view.totalRow);
          expect(cell.formula).toMatch(/^(COUNTA|SUM)\([A-Z]+\d+:INDEX\([A-Z]+:[A-Z]+,ROW\(\)-1\)\)$/);
        }
        if (formulaLike.includes(cell.value as string)) {
          found++;
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          expect(cell.formula).toBeUndefined();
        }
      }),
    );
    expect(found).toBe(3);
    // Dates stay dates.
    const start = snapshot(outbound.getCell(view.data[1].row, view.titles.indexOf("Từ ngày") + 1));
    expect(start.type).toBe(ExcelJS.ValueType.Date);
    expect(start.numFmt).toBe("dd/mm/yyyy");

    // Per-file results and the statistics table on stdout.
    expect(io.out).toContain("Tệp " + a + " — Đơn vị: Sở Y tế");
    expect(io.out).toMatch(/Đoàn ra \(trang «Đoàn ra»\): 3 đoàn, tổng hợp 2, bỏ qua 1/);
    expect(io.out).toMatch(/«Đoàn ra» dòng 6 — Đoàn công tác số 2: Thiếu: Nguồn kinh phí/);
    expect(io.out).toMatch(/Tổng hợp đoàn ra: 6 đoàn của các đơn vị/);
    expect(io.out).toMatch(/THỐNG KÊ[\s\S]*Theo đơn vị[\s\S]*Sở Giáo dục và Đào tạo +2 +0 +2/);
  });

  test("the plan year comes from the units' titles before a year a shipped profile carries", async () => {
    const unit = await put("so-ct-2026.xlsx", unitSpec({ file: "so-ct-2026.xlsx", unit: "Sở Công Thương", year: 2026, outbound: [trip(1)] }));
    const io = diskIO();
    await runMerge([unit, "-o", path.join(dir, "tong-hop-2026.xlsx"), "--profile", "hai-phong"], io);
    expect(io.out).toContain("Năm kế hoạch 2026 (theo tiêu đề các tệp)");
  });

  test("refuses to overwrite an input, however its path is written", async () => {
    const a = await put("so-y-te.xlsx", yTe);
    const before = digest(a);
    fs.mkdirSync(path.join(dir, "sub"));
    fs.symlinkSync(a, path.join(dir, "lien-ket.xlsx"));
    fs.linkSync(a, path.join(dir, "lien-ket-cung.xlsx"));
    for (const output of [a, path.join(dir, "sub", "..", "so-y-te.xlsx"), path.join(dir, "lien-ket.xlsx"), path.join(dir, "lien-ket-cung.xlsx")]) {
      const io = diskIO();
      expect(await runMerge([a, "-o", output], io)).toBe(2);
      expect(io.err).toMatch(/Không ghi đè tệp đầu vào/);
      expect(digest(a)).toBe(before);
    }
  });

  test("unreadable inputs: the readable ones are merged, then exit 2 with a clear message naming each file", async () => {
    const a = await put("so-y-te.xlsx", yTe);
    const old = await put("cu.xls", await BAD_FILES["old-format.xls"]());
    const missing = path.join(dir, "khong-co.xlsx");
    const output = path.join(dir, "tong-hop.xlsx");
    const io = diskIO();
    expect(await runMerge([old, a, missing, "-o", output], io)).toBe(2);
    expect(io.err).toContain(`Không đọc được tệp «${old}»: Tệp .xls (Excel 97-2003): hãy mở trong Excel và Lưu thành .xlsx`);
    expect(io.err).toContain(`Không đọc được tệp «${missing}»: không tìm thấy tệp.`);
    expect(io.err).toMatch(/2 tệp không được tổng hợp.*các tệp còn lại đã được tổng hợp/);
    const book = await open(output);
    expect(columnOf(book.getWorksheet(MASTER_SHEET_NAMES.outbound)!, "Đơn vị")).toEqual(["Sở Y tế", "Sở Y tế"]);
  });

  test("nothing readable: no master is written", async () => {
    const old = await put("cu.xls", await BAD_FILES["old-format.xls"]());
    const output = path.join(dir, "tong-hop.xlsx");
    const io = diskIO();
    expect(await runMerge([old, "-o", output], io)).toBe(2);
    expect(fs.existsSync(output)).toBe(false);
    expect(io.err).toMatch(/chưa ghi sổ tổng hợp/);
    // No plan was read: no year and no empty THỐNG KÊ before the reasons.
    expect(io.out).toBe("");
  });

  test("files read but holding no plan form: no empty master is written, no report", async () => {
    const none = await put("khong-phai-bieu-mau.xlsx", await buildXlsx(notATemplate()));
    const output = path.join(dir, "tong-hop.xlsx");
    const io = diskIO();
    expect(await runMerge([none, "-o", output], io)).toBe(2);
    expect(fs.existsSync(output)).toBe(false);
    expect(io.out).toBe("");
    expect(io.err).toMatch(/không có biểu mẫu kế hoạch nào/);
    expect(io.err).toMatch(/chưa ghi sổ tổng hợp/);
  });

  test("re-import into an existing master: the unit's rows are replaced, hand rows and own sheets kept, idempotent", async () => {
    const a = await put("so-y-te.xlsx", yTe);
    const b = await put("so-gd.xlsx", giaoDuc);
    const output = path.join(dir, "tong-hop.xlsx");
    expect(await runMerge([a, b, "-o", output], diskIO())).toBe(0);

    // The department adds a row by hand and a sheet of its own, in Excel.
    const edited = await open(output);
    const sheet = edited.getWorksheet(MASTER_SHEET_NAMES.outbound)!;
    // Inserted right above the Tổng cộng row, as Excel's "Insert row" does.
    const totalRow = viewMaster(gridOf(sheet)).totalRow!;
    sheet.insertRow(totalRow, [null, "Đoàn do Văn phòng bổ sung", null, null, null, null, "Lào"]);
    edited.addWorksheet("Ý kiến lãnh đạo").getCell("A1").value = "Trình UBND thành phố";
    await edited.xlsx.writeFile(output);

    // Sở Y tế sends a corrected workbook under another file name: asked first, nothing written; then confirmed.
    const a2 = await put("so-y-te-v2.xlsx", unitSpec({ file: "so-y-te-v2.xlsx", unit: "Sở Y tế", outbound: [trip(7)], inbound: [visit(1)] }));
    const beforeAsk = digest(output);
    const asked = diskIO();
    expect(await runMerge([a2, "-o", output], asked)).toBe(2);
    expect(asked.err).toMatch(/Đơn vị “Sở Y tế” đã có.*«so-y-te\.xlsx».*«so-y-te-v2\.xlsx».*--confirm/s);
    expect(digest(output)).toBe(beforeAsk);
    expect(await runMerge([a2, "-o", output, "--confirm"], diskIO())).toBe(0);
    const once = await open(output);
    const outbound = once.getWorksheet(MASTER_SHEET_NAMES.outbound)!;
    expect(columnOf(outbound, "Tên đoàn")).toEqual(["Đoàn công tác số 7", "Đoàn công tác số 4", "Đoàn công tác số 5", "Đoàn do Văn phòng bổ sung"]);
    expect(columnOf(outbound, "Tệp")).toEqual(["so-y-te-v2.xlsx", "so-gd.xlsx", "so-gd.xlsx", null]);
    expect(once.getWorksheet("Ý kiến lãnh đạo")!.getCell("A1").value).toBe("Trình UBND thành phố");
    expect(columnOf(once.getWorksheet(MASTER_SHEET_NAMES.inbound)!, "Tệp")).toEqual(["so-y-te-v2.xlsx"]);

    // The same import again changes nothing.
    expect(await runMerge([a2, "-o", output], diskIO())).toBe(0);
    const twice = await open(output);
    for (const name of [MASTER_SHEET_NAMES.outbound, MASTER_SHEET_NAMES.inbound, STATISTICS_SHEET_NAME]) {
      expect(rowsOf(twice.getWorksheet(name)!)).toEqual(rowsOf(once.getWorksheet(name)!));
    }
  });

  test("two files of the same unit in one run: refused with the reason; with --confirm the later file is merged and named", async () => {
    const first = await put("so-y-te.xlsx", unitSpec({ file: "so-y-te.xlsx", unit: "Sở Y tế", outbound: [trip(1), trip(2)] }));
    const second = await put("so-y-te-v2.xlsx", unitSpec({ file: "so-y-te-v2.xlsx", unit: "Sở Y tế", outbound: [trip(7), trip(8)] }));
    const output = path.join(dir, "tong-hop-hai-tep.xlsx");
    const asked = diskIO();
    expect(await runMerge([first, second, "-o", output], asked)).toBe(2);
    expect(asked.err).toMatch(/“Sở Y tế” có 2 tệp.*«so-y-te\.xlsx», «so-y-te-v2\.xlsx».*sau cùng «so-y-te-v2\.xlsx».*--confirm/s);
    expect(fs.existsSync(output)).toBe(false);

    const confirmed = diskIO();
    expect(await runMerge([first, second, "-o", output, "--confirm"], confirmed)).toBe(0);
    expect(confirmed.out).toMatch(/so-y-te\.xlsx — Đơn vị: Sở Y tế\n  KHÔNG TỔNG HỢP: .*đã dùng tệp «[^»]*so-y-te-v2\.xlsx»/);
    const outbound = (await open(output)).getWorksheet(MASTER_SHEET_NAMES.outbound)!;
    expect(columnOf(outbound, "Tên đoàn")).toEqual(["Đoàn công tác số 7", "Đoàn công tác số 8"]);
    expect(columnOf(outbound, "Tệp")).toEqual(["so-y-te-v2.xlsx", "so-y-te-v2.xlsx"]);
  });

  test("an existing output that is not a master is never overwritten", async () => {
    const a = await put("so-y-te.xlsx", yTe);
    const other = await put("bao-cao.xlsx", giaoDuc);
    const before = digest(other);
    const io = diskIO();
    expect(await runMerge([a, "-o", other], io)).toBe(2);
    expect(io.err).toMatch(/đã có và không phải sổ tổng hợp/);
    expect(digest(other)).toBe(before);
  });

  test("a key leader with 2 trips in one unit and 1 in another: flagged on the master, exit 1", async () => {
    const leader = { leader: "Nguyễn Văn Chủ", role: "Giám đốc Sở" };
    const a = await put(
      "a.xlsx",
      unitSpec({
        file: "a.xlsx",
        unit: "Sở Xây dựng",
        outbound: [trip(1, { ...leader, countries: "Nhật Bản" }), trip(2, { ...leader, countries: "Đức", start: "Tháng 9/2025", purpose: "Khảo sát đô thị" })],
      }),
    );
    const b = await put("b.xlsx", unitSpec({ file: "b.xlsx", unit: "Sở Quy hoạch", outbound: [trip(3, { ...leader, countries: "Úc", start: "Tháng 11/2025", purpose: "Hội thảo" })] }));
    const io = diskIO();
    expect(await runMerge([a, b, "-o", path.join(dir, "m.xlsx"), "--year", "2025"], io)).toBe(1);
    const lines = io.out.split("\n").filter((line) => line.includes("[key-leader-trips]"));
    const rows = viewMaster(gridOf((await open(path.join(dir, "m.xlsx"))).getWorksheet(MASTER_SHEET_NAMES.outbound)!)).data.map((line) => `C${line.row}`);
    expect(lines.map((line) => line.match(/Tổng hợp đoàn ra!(C\d+)/)?.[1])).toEqual(rows.slice(0, 3));
  });

  test("--unit corrects a unit's name", async () => {
    const a = await put("x.xlsx", unitSpec({ file: "x.xlsx", outbound: [trip(1)] }));
    const output = path.join(dir, "m.xlsx");
    expect(await runMerge([a, "-o", output, "--unit", "x.xlsx=Phường Lê Chân"], diskIO())).toBe(0);
    expect(columnOf((await open(output)).getWorksheet(MASTER_SHEET_NAMES.outbound)!, "Đơn vị")).toEqual(["Phường Lê Chân"]);
  });

  describe("--units: the units that sent nothing (“không có văn bản … được hiểu là không đăng ký”)", () => {
    test("from a text list: printed, and listed on the Thống kê sheet", async () => {
      const a = await put("so-y-te.xlsx", yTe);
      const list = path.join(dir, "don-vi.txt");
      fs.writeFileSync(list, "Danh sách đơn vị\n1. Sở Y tế\n2. Sở Tài chính\n3. UBND xã Tân Lập\n");
      const output = path.join(dir, "m.xlsx");
      const io = diskIO();
      expect(await runMerge([a, "-o", output, "--units", list], io)).toBe(0);
      expect(io.out).toContain("Đơn vị chưa gửi kế hoạch (2; không có văn bản được hiểu là không đăng ký): Sở Tài chính; UBND xã Tân Lập");
      expect(io.out).toMatch(/Đơn vị chưa gửi kế hoạch: 2\/3[^\n]*\n +Đơn vị +Tình trạng\n +Sở Tài chính +Chưa gửi kế hoạch/);
      const statistics = (await open(output)).getWorksheet(STATISTICS_SHEET_NAME)!;
      const cells: unknown[] = [];
      statistics.eachRow((row) => cells.push(row.getCell(1).value));
      expect(cells).toEqual(expect.arrayContaining(["Sở Tài chính", "UBND xã Tân Lập"]));
    });

    test("from a workbook's “Đơn vị” column, and from the master's own “Danh sách đơn vị” sheet on re-import", async () => {
      const a = await put("so-y-te.xlsx", yTe);
      const list = await put("ds.xlsx", { file: "ds.xlsx", description: "", sheets: [{ name: "DS", rows: [["STT", "Đơn vị"], [1, "Sở Y tế"], [2, "Sở Tư pháp"]], expect: false }] });
      const output = path.join(dir, "m.xlsx");
      const io = diskIO();
      expect(await runMerge([a, "-o", output, "--units", list], io)).toBe(0);
      expect(io.out).toContain("Đơn vị chưa gửi kế hoạch (1; không có văn bản được hiểu là không đăng ký): Sở Tư pháp");

      const book = await open(output);
      const units = book.addWorksheet("Danh sách đơn vị");
      units.addRows([["Tên đơn vị"], ["Sở Y tế"], ["Sở Giáo dục và Đào tạo"]]);
      await book.xlsx.writeFile(output);
      const again = diskIO();
      expect(await runMerge([a, "-o", output], again)).toBe(0);
      expect(again.out).toContain("Đơn vị chưa gửi kế hoạch (1; không có văn bản được hiểu là không đăng ký): Sở Giáo dục và Đào tạo");
    });

    test("an empty or missing list is refused with a clear message", async () => {
      const a = await put("so-y-te.xlsx", yTe);
      const empty = path.join(dir, "rong.txt");
      fs.writeFileSync(empty, "\n\n");
      const io = diskIO();
      expect(await runMerge([a, "-o", path.join(dir, "m.xlsx"), "--units", empty], io)).toBe(2);
      expect(io.err).toMatch(/không có tên đơn vị nào/);
      const missing = diskIO();
      expect(await runMerge([a, "-o", path.join(dir, "m.xlsx"), "--units", path.join(dir, "khong-co.txt")], missing)).toBe(2);
      expect(missing.err).toMatch(/Không đọc được danh sách đơn vị/);
    });
  });

  test.each([
    [["a.xlsx"], /Chưa chỉ tệp tổng hợp/],
    [["-o", "m.xlsx"], /Chưa chỉ tệp nào/],
    [["a.xlsx", "-o", "m.csv"], /phải có đuôi .xlsx/],
    [["a.xlsx", "-o", "m.xlsx", "--profile", "khong-co"], /Không có bộ quy định «khong-co»/],
    [["a.xlsx", "-o", "m.xlsx", "--year", "25"], /Năm «25» không hợp lệ/],
    [["a.xlsx", "-o", "m.xlsx", "--unit", "thiếu-dấu-bằng"], /--unit cần dạng/],
    [["a.xlsx", "-o", "m.xlsx", "--la"], /Không có tùy chọn --la/],
  ])("bad usage %j: exit 2 with a message", async (args, message) => {
    const io = diskIO();
    expect(await runMerge(args, io)).toBe(2);
    expect(io.err).toMatch(message);
  });

  test("dplan merge is dispatched by the CLI entry", async () => {
    const io = diskIO();
    expect(await main(["merge", "--help"], io)).toBe(0);
    expect(io.out).toMatch(/dplan merge TỆP.xlsx... -o TỔNG-HỢP.xlsx/);
  });
});
