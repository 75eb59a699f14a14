/**
 * Reads an .xlsx file into SheetGrids with exceljs, in Node and in the browser (bytes in, no fs).
 * Before exceljs sees anything the bytes are sniffed, so that what units really send (old .xls,
 * password-protected files, CSV or HTML saved as .xls, broken or enormous zips) gets a clear
 * Vietnamese message instead of a stack trace, and nothing is inflated that could exhaust memory.
 */
import { LISTS_SHEET, type CellArea, type CellValue, type SheetGrid } from "../workbook/types";
import { datePrecisionOfFormat } from "../domain/values/dates";
import { fillGrid, GRID_MESSAGES, SparseCells, TooManyCellsError } from "./sheetCells";
import { readWorkbookValues, type ValueReadOptions } from "./workbookValues";

import { inspectZip, MAX_UNCOMPRESSED_BYTES, type ZipSummary } from "./zipDirectory";
import { checkInflatedSizes, PartTooLargeError } from "./zipInflate";

export type WorkbookReadReason = "xls" | "encrypted" | "corrupt" | "empty" | "csv" | "too-large";

export class WorkbookReadError extends Error {
  readonly reason: WorkbookReadReason;
  readonly fileName: string;

  constructor(reason: WorkbookReadReason, message: string, fileName: string) {
    super(message);
    this.name = "WorkbookReadError";
    this.reason = reason;
    this.fileName = fileName;
  }
}

/**
 * exceljs creates an object for every cell of a merged range: the playground clips a larger merge to the
 * values' extent (as the reader does) before exceljs loads the file, and refuses a sheet whose merge is still
 * larger after clipping. Unit files read for Tổng hợp refuse it the same way (the officer opening the file and
 * the consolidation reading it see the same sheet, or the same refusal).
 */
export const MAX_EDITABLE_MERGE_CELLS = 1_000_000;

export const READ_MESSAGES = {
  empty: "Tệp rỗng: không có dữ liệu để đọc.",
  xls: "Tệp .xls (Excel 97-2003): hãy mở trong Excel và Lưu thành .xlsx",
  encrypted: "Tệp được đặt mật khẩu: hãy mở trong Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu) rồi lưu lại.",
  csv: "Tệp văn bản/CSV, không phải sổ làm việc Excel: hãy mở trong Excel và Lưu thành .xlsx.",
  html: "Tệp là trang HTML (thường do phần mềm xuất ra với đuôi .xls), không phải sổ làm việc Excel: hãy mở trong Excel và Lưu thành .xlsx.",
  xlsb: "Tệp .xlsb (sổ làm việc nhị phân): hãy mở trong Excel và Lưu thành .xlsx.",
  ods: "Tệp OpenDocument (.ods): hãy mở bằng Excel hoặc LibreOffice và Lưu thành .xlsx.",
  notWorkbook: "Tệp nén không chứa sổ làm việc Excel (.xlsx).",
  corrupt: "Tệp bị hỏng hoặc không đầy đủ, không đọc được: hãy mở lại trong Excel và lưu lại thành .xlsx.",
  unknown: "Không phải tệp Excel .xlsx: không nhận ra định dạng tệp.",
  tooLarge: (megabytes: number) =>
    `Tệp quá lớn: nội dung giải nén khoảng ${megabytes} MB, vượt giới hạn ${Math.round(MAX_UNCOMPRESSED_BYTES / 1e6)} MB (có thể là tệp hỏng hoặc tệp độc hại).`,
  partSkipped: (part: string) =>
    `Phần «${part}» của tệp bị hỏng (biểu đồ, hình vẽ hoặc phần phụ khác) nên đã bỏ qua; các trang tính vẫn được đọc. Tệp tải xuống sẽ không còn phần này.`,
  mergeClipped: (sheet: string, written: string, reachesEnd: boolean, kept: string | undefined) =>
    `Trang «${sheet}»: vùng gộp ${written} ${reachesEnd ? "trải tới tận cuối trang tính" : "trải ra xa ngoài vùng có dữ liệu"}; ` +
    (kept
      ? `bản xem thử chỉ giữ phần ${kept} có dữ liệu. Tệp tải xuống sẽ lưu vùng gộp đã thu lại.`
      : `bản xem thử bỏ vùng gộp này (không còn ô có dữ liệu nào cần gộp). Tệp tải xuống sẽ không còn vùng gộp này.`),
  sheetEmptied: (sheet: string) => `Trang «${sheet}» bị hỏng nên không đọc được và hiện trống ở đây; các trang khác vẫn được đọc.`,
  inflatesBeyondDeclared: (part: string) =>
    `Tệp bị khai sai dung lượng: phần «${part}» giải nén ra lớn hơn dung lượng ghi trong tệp (dấu hiệu tệp hỏng hoặc tệp độc hại kiểu “bom nén”), nên đã dừng đọc. Hãy mở tệp bằng Excel, kiểm tra nội dung rồi lưu lại thành .xlsx.`,
};

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

/**
 * The values of every sheet (workbookValues.ts: streaming, sparse, never parses charts or drawings). A sheet
 * that cannot be read (too large, broken XML) comes back empty with `unreadable` saying why; the others
 * are read. Rejects with WorkbookReadError when the file as a whole is not a readable workbook.
 */
export async function readXlsx(data: ArrayBuffer | Uint8Array, fileName: string, options: ValueReadOptions = {}): Promise<SheetGrid[]> {
  return (await readChecked(data, fileName, options)).grids;
}

/** readXlsx's grids with the checked bytes (the playground hands the same bytes on to exceljs). */
export async function readChecked(data: ArrayBuffer | Uint8Array, fileName: string, options: ValueReadOptions = {}): Promise<{ bytes: Uint8Array; grids: SheetGrid[] }> {
  const { bytes, zip } = await checkPackage(data, fileName);
  // Reading is bounded too (each part inflates only up to its declared size), so the parts read to their
  // end are checked by reading them, and only the others are inflated again by checkInflatedSizes.
  const inflatedParts = new Set<string>();
  let grids: SheetGrid[] = [];
  let failure: unknown;
  try {
    grids = await readWorkbookValues(bytes, zip, { ...options, inflatedParts });
  } catch (error) {
    failure = error;
  }
  if (failure instanceof PartTooLargeError) throw new WorkbookReadError("too-large", READ_MESSAGES.inflatesBeyondDeclared(failure.part), fileName);
  // The declared sizes passed; a crafted zip can lie about them. Every part (read here or not: exceljs
  // would inflate them all whole) must inflate to no more than it declares.
  const inflated = await checkInflatedSizes(bytes, zip.parts.filter((part) => !inflatedParts.has(part.name)));
  if (inflated.result === "oversized") throw new WorkbookReadError("too-large", READ_MESSAGES.inflatesBeyondDeclared(inflated.part), fileName);
  if (failure !== undefined) throw new WorkbookReadError("corrupt", READ_MESSAGES.corrupt, fileName);
  // The add-in's own lists sheet is not part of the plan.
  return { bytes, grids: grids.filter((grid) => grid.name !== LISTS_SHEET) };
}

/** The bytes sniffed and the zip directory's declared sizes checked (readChecked checks the true sizes); throws WorkbookReadError. */
async function checkPackage(data: ArrayBuffer | Uint8Array, fileName: string): Promise<{ bytes: Uint8Array; zip: ZipSummary }> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const fail = (reason: WorkbookReadReason, message: string) => new WorkbookReadError(reason, message, fileName);

  if (bytes.length === 0) throw fail("empty", READ_MESSAGES.empty);
  if (startsWith(bytes, OLE2_MAGIC)) {
    // A password-protected .xlsx is an OLE2 container too; its directory names the encryption streams.
    if (containsUtf16(bytes, "EncryptionInfo") || containsUtf16(bytes, "EncryptedPackage")) throw fail("encrypted", READ_MESSAGES.encrypted);
    throw fail("xls", READ_MESSAGES.xls);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    if (startsWith(bytes, EMPTY_ZIP_MAGIC)) throw fail("corrupt", READ_MESSAGES.notWorkbook);
    const text = sniffText(bytes);
    if (text === "blank") throw fail("empty", READ_MESSAGES.empty);
    if (text === "html") throw fail("csv", READ_MESSAGES.html);
    if (text === "text") throw fail("csv", READ_MESSAGES.csv);
    throw fail("corrupt", READ_MESSAGES.unknown);
  }

  const zip = inspectZip(bytes);
  if (!zip) throw fail("corrupt", READ_MESSAGES.corrupt);
  if (zip.uncompressedBytes > MAX_UNCOMPRESSED_BYTES) throw fail("too-large", READ_MESSAGES.tooLarge(Math.round(zip.uncompressedBytes / 1e6)));
  if (!zip.names.has("xl/workbook.xml")) {
    if (zip.names.has("xl/workbook.bin")) throw fail("corrupt", READ_MESSAGES.xlsb);
    if (zip.names.has("content.xml") && zip.names.has("mimetype")) throw fail("corrupt", READ_MESSAGES.ods);
    throw fail("corrupt", READ_MESSAGES.notWorkbook);
  }
  return { bytes, zip };
}

// ---------------------------------------------------------------- sniffing

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) pattern[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    if (bytes[i] !== pattern[0]) continue;
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/** Whether the first bytes look like text (CSV, TSV, HTML) or only whitespace. */
function sniffText(bytes: Uint8Array): "blank" | "html" | "text" | "binary" {
  const head = bytes.subarray(0, 8192);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return "text"; // UTF-16 "Unicode text"
  let printable = 0;
  let blank = true;
  for (const byte of head) {
    if (byte === 0) return "binary";
    if (byte === 0x09 || byte === 0x0a || byte === 0x0d || byte >= 0x20) printable++;
    if (byte > 0x20 && !(byte === 0xef || byte === 0xbb || byte === 0xbf)) blank = false;
  }
  if (blank) return "blank";
  if (printable < head.length * 0.95) return "binary";
  const start = new TextDecoder("utf-8").decode(head.subarray(0, 1024)).trimStart().toLowerCase();
  if (start.startsWith("<") && /<(html|table|!doctype html|\?xml)/.test(start)) return "html";
  return "text";
}

// ---------------------------------------------------------------- cells

type ExcelWorksheet = import("exceljs").Worksheet;
type ExcelCell = import("exceljs").Cell;

/**
 * An exceljs sheet's values as a SheetGrid, bounded as the package reader bounds it (sheetCells.ts): over
 * where the values are, far stray cells left out and named, merges clipped; too large → `unreadable`.
 */
export function toGrid(worksheet: ExcelWorksheet): SheetGrid {
  const cells = new SparseCells();
  const grid: SheetGrid = { name: worksheet.name, originRow: 1, originCol: 1, values: [], merges: [] };
  if (worksheet.state === "hidden" || worksheet.state === "veryHidden") grid.hidden = true;
  try {
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell: ExcelCell, colNumber: number) => {
        // Like Office.js, a merged area holds its value in the top-left cell only.
        if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
        const value = toCellValue(cell.value);
        if (value === null) return;
        cells.add(rowNumber, colNumber, value);
        // A date shown without its day ("9/2026" typed, turned into 1/9/2026 with "m/yyyy"): the domain reads the month.
        const format = value instanceof Date ? cell.numFmt : undefined;
        if (typeof format === "string" && datePrecisionOfFormat(format) !== "day") cells.dateFormats.push({ row: rowNumber, column: colNumber, format });
      });
    });
  } catch (error) {
    if (!(error instanceof TooManyCellsError)) throw error;
    grid.unreadable = GRID_MESSAGES.tooManyCells(worksheet.name);
    return grid;
  }
  cells.merges = mergesOf(worksheet);
  const problem = fillGrid(grid, cells);
  if (problem) grid.unreadable = problem;
  return grid;
}

/** exceljs value → host CellValue: formulas give their cached result, rich text and links their text. */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== "object") return null;
  const object = value as Record<string, unknown>;
  if (typeof object.error === "string") return { error: object.error };
  if (Array.isArray(object.richText)) {
    const text = object.richText.map((run: unknown) => (typeof run === "object" && run !== null ? String((run as { text?: unknown }).text ?? "") : "")).join("");
    return text === "" ? null : text;
  }
  if ("formula" in object || "sharedFormula" in object) return toCellValue(object.result);
  if ("text" in object) return toCellValue(object.text);
  return null;
}

export function mergesOf(worksheet: ExcelWorksheet): CellArea[] {
  // The merge ranges exceljs keeps per sheet; `worksheet.model.merges` has the same but rebuilds every row model.
  const ranges = (worksheet as unknown as { _merges?: Record<string, { model?: Partial<CellArea> }> })._merges;
  const areas: CellArea[] = [];
  if (ranges && typeof ranges === "object") {
    for (const range of Object.values(ranges)) {
      const m = range?.model;
      if (m && [m.top, m.left, m.bottom, m.right].every((n) => Number.isInteger(n))) areas.push({ top: m.top!, left: m.left!, bottom: m.bottom!, right: m.right! });
    }
    return areas;
  }
  for (const text of (worksheet.model as { merges?: string[] }).merges ?? []) {
    const area = parseA1Range(text);
    if (area) areas.push(area);
  }
  return areas;
}

function parseA1Range(text: string): CellArea | undefined {
  const match = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(text.toUpperCase());
  if (!match) return undefined;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(match[2]), left: col(match[1]), bottom: Number(match[4]), right: col(match[3]) };
}
