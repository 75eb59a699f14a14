/**
 * The robustness corpus: inputs units really send that are not clean plans. Built at test time into a
 * temporary folder (nothing big is committed):
 *
 *   npx tsx test/robustness/corpus.ts OUT_DIR      writes every input into OUT_DIR
 *
 * Two groups. UNREADABLE: files that are not readable workbooks; each must be refused with a clear
 * Vietnamese message and a reason code. HOSTILE: real workbooks with awkward content; each must be read
 * and checked without a crash, its content kept. The 100,000-row workbook is built the same way but
 * read in `npm run bench` (rows100k): reading it takes longer than a unit test may.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { WorkbookReadReason } from "../../src/xlsx/readWorkbook";
import { BAD_FILES } from "../fixtures/badFiles";
import { buildXlsx, day, type SpecValue, type WorkbookSpec } from "../fixtures/generate";
import { repeatedChunks, textChunks, writeDeflatedZip } from "./deflateZip";
import { writeLargeXlsx } from "./largeWorkbook";
import { planSpec } from "../bench/planWorkbook";

// ---------------------------------------------------------------- unreadable files

export interface UnreadableInput {
  file: string;
  description: string;
  reason: WorkbookReadReason;
  /** What the Vietnamese message must say. */
  message: RegExp;
  /** A zip bomb: must be refused before exceljs is even loaded. */
  bomb?: boolean;
  build(): Buffer | Promise<Buffer>;
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const WORKBOOK_XML = '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>';
/** Just past readXlsx's 200 MB limit on inflated content. */
const BOMB_BYTES = 210 * 1000 * 1000;

export const UNREADABLE: UnreadableInput[] = [
  { file: "ke-hoach", description: "empty file (0 bytes, no extension)", reason: "empty", message: /rỗng/, build: () => Buffer.alloc(0) },
  { file: "ke-hoach-rong.xlsx", description: "zero-byte .xlsx", reason: "empty", message: /rỗng/, build: () => BAD_FILES["empty.xlsx"]() as Buffer },
  {
    file: "chi-co-khoang-trang.xlsx",
    description: "only a byte-order mark and blank lines",
    reason: "empty",
    message: /rỗng/,
    build: () => Buffer.from("\ufeff \r\n\r\n\t", "utf8"),
  },
  { file: "khong-phai-so-lam-viec.xlsx", description: "a zip that is not a workbook", reason: "corrupt", message: /không chứa sổ làm việc/, build: () => BAD_FILES["not-a-workbook.xlsx"]() as Buffer },
  { file: "ke-hoach-2003.xls", description: "old Excel 97-2003 .xls", reason: "xls", message: /\.xls \(Excel 97-2003\).*Lưu thành \.xlsx/, build: () => BAD_FILES["old-format.xls"]() as Buffer },
  { file: "xuat-tu-phan-mem.xls", description: "an HTML table saved as .xls", reason: "csv", message: /HTML/, build: () => BAD_FILES["html-table.xls"]() as Buffer },
  { file: "ke-hoach.csv", description: ".csv (UTF-8)", reason: "csv", message: /CSV.*Lưu thành \.xlsx/, build: () => BAD_FILES["plan.csv"]() as Buffer },
  {
    file: "ke-hoach-unicode.txt",
    description: "UTF-16 'Unicode text' saved by Excel",
    reason: "csv",
    message: /CSV/,
    build: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("STT\tTên đoàn\tNước đến\r\n1\tĐoàn A\tNhật Bản\r\n", "utf16le")]),
  },
  { file: "co-mat-khau.xlsx", description: "password-protected .xlsx", reason: "encrypted", message: /mật khẩu.*gỡ mật khẩu/, build: () => BAD_FILES["password.xlsx"]() as Buffer },
  { file: "bi-cat-cut.xlsx", description: "an .xlsx cut off half way (interrupted download)", reason: "corrupt", message: /hỏng hoặc không đầy đủ/, build: () => BAD_FILES["truncated.xlsx"]() },
  {
    file: "bom-nen-khai-that.xlsx",
    description: "zip bomb: 210 MB of real deflated content, honestly declared",
    reason: "too-large",
    message: /quá lớn.*210 MB.*200 MB/,
    bomb: true,
    build: () =>
      writeDeflatedZip([
        { name: "[Content_Types].xml", chunks: textChunks(CONTENT_TYPES) },
        { name: "xl/workbook.xml", chunks: textChunks(WORKBOOK_XML) },
        { name: "xl/worksheets/sheet1.xml", chunks: repeatedChunks(BOMB_BYTES) },
      ]),
  },
  {
    file: "bom-nen-khai-gian.xlsx",
    description: "zip bomb: declares 2 KB, inflates to 210 MB",
    reason: "too-large",
    message: /khai sai dung lượng.*xl\/worksheets\/sheet1\.xml.*bom nén/,
    bomb: true,
    build: () =>
      writeDeflatedZip([
        { name: "[Content_Types].xml", chunks: textChunks(CONTENT_TYPES) },
        { name: "xl/workbook.xml", chunks: textChunks(WORKBOOK_XML) },
        { name: "xl/worksheets/sheet1.xml", chunks: repeatedChunks(BOMB_BYTES), declaredSize: 2048 },
      ]),
  },
  {
    file: "bom-nen-thu-muc.xlsx",
    description: "zip bomb: a central directory declaring 4 GB",
    reason: "too-large",
    message: /quá lớn/,
    bomb: true,
    build: () => BAD_FILES["zip-bomb.xlsx"]() as Buffer,
  },
];

// ---------------------------------------------------------------- hostile but readable workbooks

export interface HostileWorkbook {
  file: string;
  description: string;
  spec: () => WorkbookSpec;
  /** Sheet → 1-based rows to hide (exceljs), for the hidden-rows input. */
  hiddenRows?: Record<string, number[]>;
  /** Sheets to make "very hidden" (only VBA can show them). */
  veryHidden?: string[];
}

export const PLAN_YEAR = 2025;
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = HEADER_ROW + 1;

/** An outbound header with the official titles (one column per field a master plan carries). */
export const OUTBOUND_HEADER = ["STT", "Tên đoàn", "Trưởng đoàn", "Chức vụ trưởng đoàn", "Số thành viên", "Nước đến", "Từ ngày", "Đến ngày", "Mục đích, nội dung", "Nguồn kinh phí", "Đơn vị chủ trì", "Ghi chú"];
export const COLUMN = { seq: 1, name: 2, leader: 3, role: 4, members: 5, countries: 6, start: 7, end: 8, purpose: 9, funding: 10, unit: 11, notes: 12 } as const;

/** A complete, rule-abiding outbound row; `over` replaces cells by column name. */
export function goodRow(n: number, over: Partial<Record<keyof typeof COLUMN, SpecValue>> = {}): SpecValue[] {
  const month = 1 + (n % 12);
  const cells: Record<keyof typeof COLUMN, SpecValue> = {
    seq: n,
    name: `Đoàn công tác số ${n}`,
    leader: ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thu Dung"][n % 4],
    role: ["Phó Giám đốc Sở", "Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên"][n % 4],
    members: 3 + (n % 3),
    countries: ["Nhật Bản", "Hàn Quốc", "Lào", "Pháp", "Singapore"][n % 5],
    start: day(PLAN_YEAR, month, 5 + (n % 10)),
    end: day(PLAN_YEAR, month, 9 + (n % 10)),
    purpose: ["Học tập kinh nghiệm quản lý đô thị", "Xúc tiến đầu tư khu công nghiệp", "Trao đổi hợp tác đào tạo nghề", "Khảo sát mô hình xử lý nước thải"][n % 4] + ` (đợt ${n})`,
    funding: "Ngân sách thành phố",
    unit: ["Sở Y tế", "Sở Xây dựng", "Sở Công Thương"][n % 3],
    notes: null,
    ...over,
  };
  return (Object.keys(COLUMN) as (keyof typeof COLUMN)[]).map((key) => cells[key]);
}

function outboundRows(data: SpecValue[][], title = `KẾ HOẠCH ĐOÀN RA NĂM ${PLAN_YEAR}`): SpecValue[][] {
  return [[title], ["Đơn vị: Sở Ngoại vụ"], OUTBOUND_HEADER, ...data];
}

/** 5,000 characters of plausible Vietnamese text. */
export function longText(seed: string, length = 5000): string {
  const unit = `${seed} — nội dung chi tiết, trao đổi kinh nghiệm, ký kết biên bản ghi nhớ; `;
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

export const QUOTED_SHEET = "Đoàn ra 'mới' 2025";
export const QUOTED_SHEET_2 = 'Vào! "khách" \'VN\' (2)';

/** Text dates and out-of-range dates as units type them, each with what a reader should make of it. */
export const DATE_FORMS: { start: SpecValue; end?: SpecValue; readable: boolean }[] = [
  { start: day(1899, 12, 15), readable: true },
  { start: day(1850, 1, 1), end: day(1850, 1, 5), readable: true },
  { start: "15/03/1899", end: "20/03/1899", readable: true },
  { start: "31/12/1899", readable: true },
  { start: "29/02/1900", readable: false },
  { start: "15/3/2025", end: "20/3/2025", readable: true },
  { start: "15-03-2025", end: "20-03-2025", readable: true },
  { start: "2025-03-15", end: "2025-03-20", readable: true },
  { start: "15.03.2025", end: "20.03.2025", readable: true },
  { start: "ngày 15 tháng 3 năm 2025", readable: true },
  { start: "Tháng 3/2025", readable: true },
  { start: "tháng 3 - 4/2025", readable: true },
  { start: "Quý II/2025", readable: true },
  { start: "Quý 2/2025", readable: true },
  { start: "15/3 - 20/3/2025", readable: true },
  { start: "15-20/3/2025", readable: true },
  { start: "03/15/2025", readable: false },
  { start: "31/02/2025", readable: false },
  { start: "32/01/2025", readable: false },
  { start: "45731", readable: false },
  { start: 45731, readable: true },
  { start: "Chưa xác định", readable: false },
  { start: "dự kiến tháng 5", readable: true },
  { start: "15/03/2025 08:30", readable: true },
  { start: "2025", readable: true },
  { start: "20/3/2025", end: "15/3/2025", readable: true },
];

export const HOSTILE: HostileWorkbook[] = [
  {
    file: "o-5000-ky-tu.xlsx",
    description: "5,000-character cells (name, leader, countries, purpose, funding, notes, a title and a header)",
    spec: () => ({
      file: "o-5000-ky-tu.xlsx",
      description: "long cells",
      sheets: [
        {
          name: "Đoàn ra",
          rows: [
            [longText("KẾ HOẠCH ĐOÀN RA NĂM 2025")],
            ["Đơn vị: Sở Ngoại vụ"],
            [...OUTBOUND_HEADER.slice(0, 11), longText("Ghi chú")],
            goodRow(1, { purpose: longText("Học tập kinh nghiệm quản lý đô thị") }),
            goodRow(2, { name: longText("Đoàn công tác") , notes: longText("Ghi chú") }),
            goodRow(3, { leader: longText("Nguyễn Văn An") }),
            goodRow(4, { countries: "Nhật Bản, ".repeat(500).slice(0, 5000) }),
            goodRow(5, { funding: longText("Ngân sách thành phố") }),
            goodRow(6, { role: longText("Phó Giám đốc Sở") }),
            goodRow(7, { countries: longText("Xứ Sở Thần Tiên"), purpose: longText("Tham quan", 4000) }),
          ],
          expect: false,
        },
      ],
    }),
  },
  {
    file: "cong-thuc-va-loi.xlsx",
    description: "formulas (cached results) and #REF!, #N/A, #VALUE!, #DIV/0! values; a text that looks like a formula",
    spec: () => ({
      file: "cong-thuc-va-loi.xlsx",
      description: "formulas and errors",
      sheets: [
        {
          name: "Đoàn ra",
          rows: outboundRows([
            goodRow(1, { members: { formula: "2+3", result: 5 }, start: { formula: "DATE(2025,2,6)", result: day(2025, 2, 6) } }),
            goodRow(2, { countries: { error: "#REF!" }, funding: { formula: "VLOOKUP(A5,DanhMuc!A:B,2,0)", result: { error: "#N/A" } } }),
            goodRow(3, { leader: { error: "#N/A" }, members: { error: "#VALUE!" }, start: { error: "#REF!" } }),
            goodRow(4, { members: { formula: "1/0", result: { error: "#DIV/0!" } }, end: { formula: "G7+4", result: day(2025, 5, 13) } }),
            goodRow(5, { name: { formula: '"Đoàn "&"số 5"', result: "Đoàn số 5" }, purpose: "=SUM(A1:A3) là công thức gõ như chữ" }),
            goodRow(6, { seq: { formula: "A8+1", result: 6 }, notes: "+84 912 345 678" }),
          ]),
          expect: false,
        },
      ],
    }),
  },
  {
    file: "o-gop-qua-dong.xlsx",
    description: "merged cells across data rows (funding, unit, countries), a merged section row and a merged note row inside the data",
    spec: () => ({
      file: "o-gop-qua-dong.xlsx",
      description: "merged data rows",
      sheets: [
        {
          name: "Đoàn ra",
          rows: outboundRows([
            ["I. Đoàn do lãnh đạo Sở làm trưởng đoàn"],
            goodRow(1),
            goodRow(2, { funding: null, unit: null }),
            goodRow(3, { funding: null, unit: null, countries: null }),
            ["Ghi chú: các đoàn dưới đây chờ ý kiến của Thành ủy"],
            goodRow(4),
            goodRow(5, { countries: null }),
          ]),
          // Section row 4 across the table; funding J5:J7 and unit K5:K7 over three delegations;
          // countries F6:F7 over two; a note row 8 across the table; countries F9:F10.
          merges: ["A4:L4", "J5:J7", "K5:K7", "F6:F7", "A8:L8", "F9:F10"],
          expect: false,
        },
      ],
    }),
  },
  {
    file: "dong-va-trang-an.xlsx",
    description: "hidden rows inside the data, a hidden sheet and a very hidden sheet holding plans",
    hiddenRows: { "Đoàn ra": [5, 6] },
    veryHidden: ["Lưu trữ"],
    spec: () => ({
      file: "dong-va-trang-an.xlsx",
      description: "hidden rows and sheets",
      sheets: [
        { name: "Đoàn ra", rows: outboundRows([goodRow(1), goodRow(2), goodRow(3), goodRow(4)]), expect: false },
        { name: "Đoàn ra (ẩn)", hidden: true, rows: outboundRows([goodRow(11), goodRow(12)], "KẾ HOẠCH ĐOÀN RA NĂM 2025 (BẢN CŨ)"), expect: false },
        { name: "Lưu trữ", rows: outboundRows([goodRow(21)]), expect: false },
      ],
    }),
  },
  {
    file: "ten-trang-co-dau-nhay.xlsx",
    description: `sheets named ${QUOTED_SHEET} and ${QUOTED_SHEET_2} (Vietnamese letters, quotes, an exclamation mark)`,
    spec: () => ({
      file: "ten-trang-co-dau-nhay.xlsx",
      description: "quoted sheet names",
      sheets: [
        {
          name: QUOTED_SHEET,
          rows: outboundRows([
            goodRow(1),
            goodRow(2, { countries: "Nhựt Bổn" }),
            goodRow(3, { members: 40, funding: "Doanh nghiệp tài trợ toàn bộ" }),
            goodRow(4, { purpose: "Tham quan" }),
          ]),
          expect: false,
        },
        {
          name: QUOTED_SHEET_2,
          rows: outboundRows([goodRow(5, { countries: "Xứ Sở Thần Tiên" }), goodRow(6, { start: "31/02/2025", end: null })]),
          expect: false,
        },
      ],
    }),
  },
  {
    file: "hai-dong-tieu-de.xlsx",
    description: "two header-like rows: the header typed twice, an English header under it, the header repeated at a page break",
    spec: () => ({
      file: "hai-dong-tieu-de.xlsx",
      description: "two header rows",
      sheets: [
        {
          name: "Đoàn ra",
          rows: [
            [`KẾ HOẠCH ĐOÀN RA NĂM ${PLAN_YEAR}`],
            OUTBOUND_HEADER,
            OUTBOUND_HEADER,
            goodRow(1),
            goodRow(2),
            OUTBOUND_HEADER,
            goodRow(3),
          ],
          expect: false,
        },
        {
          name: "Song ngữ",
          rows: [
            [`KẾ HOẠCH ĐOÀN RA NĂM ${PLAN_YEAR}`],
            OUTBOUND_HEADER,
            ["No.", "Delegation", "Head of delegation", "Position", "Members", "Countries", "From", "To", "Purpose", "Funding", "Unit", "Notes"],
            goodRow(1),
            goodRow(2),
          ],
          expect: false,
        },
      ],
    }),
  },
  {
    file: "ngay-thang-nhieu-kieu.xlsx",
    description: "dates before 1900 (real and as text) and dates as text in many forms, valid and not",
    spec: () => ({
      file: "ngay-thang-nhieu-kieu.xlsx",
      description: "dates",
      sheets: [
        {
          name: "Đoàn ra",
          rows: outboundRows(DATE_FORMS.map((form, i) => goodRow(i + 1, { start: form.start, end: form.end ?? null }))),
          expect: false,
        },
      ],
    }),
  },
];

/** The hostile workbook's .xlsx bytes: the spec through exceljs, then hidden rows and very hidden sheets. */
export async function buildHostile(input: HostileWorkbook): Promise<Buffer> {
  const bytes = await buildXlsx(input.spec());
  if (!input.hiddenRows && !input.veryHidden) return bytes;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const [sheet, rows] of Object.entries(input.hiddenRows ?? {})) for (const row of rows) workbook.getWorksheet(sheet)!.getRow(row).hidden = true;
  for (const sheet of input.veryHidden ?? []) workbook.getWorksheet(sheet)!.state = "veryHidden";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The 100,000-row plan (read by `npm run bench`, rows100k). */
export const LARGE_ROWS = 100_000;
export async function buildLarge(rows = LARGE_ROWS): Promise<Buffer> {
  return writeLargeXlsx(planSpec(rows));
}

/** Writes the whole corpus into `folder`; returns the file paths. */
export async function writeCorpus(folder: string, options: { large?: boolean } = {}): Promise<string[]> {
  fs.mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  const put = (file: string, bytes: Buffer) => {
    const target = path.join(folder, file);
    fs.writeFileSync(target, bytes);
    written.push(target);
  };
  for (const input of UNREADABLE) put(input.file, await input.build());
  for (const input of HOSTILE) put(input.file, await buildHostile(input));
  if (options.large) put(`ke-hoach-${LARGE_ROWS}-dong.xlsx`, await buildLarge());
  return written;
}

if (process.argv[1]?.endsWith("corpus.ts")) {
  const folder = process.argv[2];
  if (!folder) {
    console.error("usage: npx tsx test/robustness/corpus.ts OUT_DIR [--large]");
    process.exitCode = 2;
  } else {
    writeCorpus(folder, { large: process.argv.includes("--large") }).then((files) => console.log(files.join("\n")));
  }
}
