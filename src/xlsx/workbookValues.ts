/**
 * The values of an .xlsx, read straight from its parts: workbook, relationships, shared strings, styles
 * (which numbers are dates) and each worksheet's cells and merges. Nothing else is parsed: charts,
 * drawings, pivot tables and comments cannot break a read.
 *
 * Why not exceljs here: it builds every cell of a merged range (A1:XFD1048576 is 17 billion cells), drops
 * the rest of a sheet after an inline string with <phoneticPr>, reads a strict-OOXML date cell (t="d") as
 * its year, and rejects the whole file when one chart cannot be parsed. This reader is streaming (each part
 * inflates in small steps into a tokenizer), keeps the cells sparse while reading, and builds a sheet's
 * dense grid only over where its values are, refusing (that sheet, by name) a grid too large to hold.
 */
import type { CellArea, CellValue, SheetGrid } from "../workbook/types";
import { datePrecisionOfFormat } from "../domain/values/dates";
import { attribute, decodeXmlText, readAttributes, XmlScanner, type XmlHandler } from "./xmlScan";
import { fillGrid, GRID_MESSAGES, MAX_COLUMN, MAX_ROW, SparseCells, TooManyCellsError } from "./sheetCells";
import type { ZipPart, ZipSummary } from "./zipDirectory";
import { inflatePart, PartTooLargeError } from "./zipInflate";

export const VALUE_MESSAGES = {
  ...GRID_MESSAGES,
  broken: (sheet: string) => `Trang «${sheet}» bị hỏng (nội dung XML không đọc được đến hết): không đọc trang này. Hãy mở tệp bằng Excel và lưu lại.`,
  missing: (sheet: string) => `Trang «${sheet}» không có nội dung trong tệp (phần của trang bị thiếu): không đọc trang này.`,
};

export class WorkbookStructureError extends Error {}

interface SheetEntry {
  name: string;
  relationId: string;
  state?: string;
}

interface Relationship {
  type: string;
  target: string;
}

/** Reads each worksheet's values; a sheet that cannot be read comes back empty with `unreadable` set. */
export interface ValueReadOptions {
  /**
   * Refuse (by sheet) a merged range of more cells than this once clipped to the read area: for exceljs (the
   * playground's editable workbook, which clips the file's huge merges the same way first), which creates
   * every cell of a merged range.
   */
  maxMergeCells?: number;
  /** Filled with each worksheet's part name, by sheet name: the playground clips huge merges in these parts. */
  sheetParts?: Map<string, string>;
  /** Filled with the worksheet parts found broken (their sheets come back `unreadable`): the playground empties them for exceljs. */
  brokenSheetParts?: { sheet: string; part: string }[];
  /** Filled with the parts inflated to their end within their declared size (their size is then checked). */
  inflatedParts?: Set<string>;
}

export async function readWorkbookValues(bytes: Uint8Array, zip: ZipSummary, options: ValueReadOptions = {}): Promise<SheetGrid[]> {
  const source: PackageSource = { bytes, inflatedParts: options.inflatedParts };
  const parts = new Map(zip.parts.map((part) => [part.name, part] as const));
  const find = (name: string) => parts.get(name) ?? parts.get(name.replace(/^\//, ""));

  const rootRels = await readRelationships(source, find("_rels/.rels"));
  const officeDocument = [...rootRels.values()].find((rel) => rel.type.endsWith("/officeDocument"));
  const workbookName = officeDocument ? resolveTarget("", officeDocument.target) : "xl/workbook.xml";
  const workbookPart = find(workbookName);
  if (!workbookPart) throw new WorkbookStructureError("no workbook part");

  const sheets: SheetEntry[] = [];
  let date1904 = false;
  await scanPart(source, workbookPart, {
    open(name, attributes) {
      if (name === "sheet") {
        sheets.push({ name: attribute(attributes, "name") ?? "", relationId: attribute(attributes, "id") ?? "", state: attribute(attributes, "state") });
      } else if (name === "workbookPr") {
        const value = attribute(attributes, "date1904");
        date1904 = value === "1" || value === "true";
      }
    },
    close() {},
    text() {},
  });

  const folder = workbookName.includes("/") ? workbookName.slice(0, workbookName.lastIndexOf("/") + 1) : "";
  const relations = await readRelationships(source, find(`${folder}_rels/${workbookName.slice(folder.length)}.rels`));
  const relatedPart = (type: string) => {
    const rel = [...relations.values()].find((r) => r.type.endsWith(type));
    return rel ? find(resolveTarget(folder, rel.target)) : undefined;
  };
  const dateStyles = await readDateStyles(source, relatedPart("/styles"));
  const strings = await readSharedStrings(source, relatedPart("/sharedStrings"));

  const grids: SheetGrid[] = [];
  for (const sheet of sheets) {
    const rel = relations.get(sheet.relationId);
    // Chart and dialog sheets hold no cells: left out, as Excel's worksheets and exceljs leave them out, and
    // never parsed (a broken chart cannot break the file).
    if (rel && !rel.type.endsWith("/worksheet")) continue;
    const grid: SheetGrid = { name: sheet.name, originRow: 1, originCol: 1, values: [], merges: [] };
    if (sheet.state === "hidden" || sheet.state === "veryHidden") grid.hidden = true;
    grids.push(grid);
    const part = rel ? find(resolveTarget(folder, rel.target)) : undefined;
    if (!part) {
      grid.unreadable = VALUE_MESSAGES.missing(sheet.name);
      continue;
    }
    // The shortest cell with a value, <c><v>1</v></c>, takes 15 bytes of the part.
    const cells = new SparseCells(part.uncompressedBytes / 15);
    try {
      await scanPart(source, part, sheetHandler(cells, strings, dateStyles, date1904));
    } catch (error) {
      // A bomb refuses the whole file; any other fault (bad XML, data that does not inflate) only this sheet.
      if (error instanceof PartTooLargeError) throw error;
      grid.unreadable = error instanceof TooManyCellsError ? VALUE_MESSAGES.tooManyCells(sheet.name) : VALUE_MESSAGES.broken(sheet.name);
      if (!(error instanceof TooManyCellsError)) options.brokenSheetParts?.push({ sheet: sheet.name, part: part.name });
      continue;
    }
    options.sheetParts?.set(sheet.name, part.name);
    let problem = fillGrid(grid, cells);
    const widest = grid.merges.reduce((most, m) => Math.max(most, (m.bottom - m.top + 1) * (m.right - m.left + 1)), 0);
    if (!problem && options.maxMergeCells !== undefined && widest > options.maxMergeCells) problem = VALUE_MESSAGES.mergesTooLarge(sheet.name);
    if (problem) {
      delete grid.clippedMerges;
      delete grid.farCells;
      grid.values = [];
      grid.merges = [];
      grid.unreadable = problem;
    }
  }
  return grids;
}

// ---------------------------------------------------------------- parts

/**
 * Inflated bytes decoded and scanned at a time: fewer calls than the stream's 16 KB pieces, and small enough
 * that the decoded text (up to twice as many bytes, in UTF-16) stays out of V8's large-object space, where
 * strings of 128 KB or more go and cost several times as much to make and collect.
 */
const SCAN_BATCH_BYTES = 32 * 1024;

/** The package's bytes, and the names of the parts inflated to their end while reading (readWorkbook.ts skips them when checking sizes). */
interface PackageSource {
  bytes: Uint8Array;
  inflatedParts?: Set<string>;
}

async function scanPart({ bytes, inflatedParts }: PackageSource, part: ZipPart, handler: XmlHandler): Promise<void> {
  const scanner = new XmlScanner(handler);
  const decoder = new TextDecoder("utf-8");
  const batch = new Uint8Array(Math.max(1, Math.min(SCAN_BATCH_BYTES, part.uncompressedBytes)));
  let filled = 0;
  // Cut after the batch's last ">" (ASCII: never inside a UTF-8 sequence), the rest kept for the next batch:
  // the scanner then rarely holds a partial tag, and each piece is scanned as it is, not joined to one.
  const flush = (atTagEnd: boolean) => {
    if (filled === 0) return;
    const gt = atTagEnd ? batch.lastIndexOf(0x3e, filled - 1) : -1;
    const cut = gt >= 0 ? gt + 1 : filled;
    scanner.feed(decoder.decode(batch.subarray(0, cut), { stream: true }));
    batch.copyWithin(0, cut, filled);
    filled -= cut;
  };
  // The declared size is the limit: zipDirectory already refused a total over MAX_UNCOMPRESSED_BYTES.
  await inflatePart(bytes, part, part.uncompressedBytes, (chunk) => {
    if (filled + chunk.length > batch.length) flush(true);
    if (filled + chunk.length > batch.length) flush(false);
    if (chunk.length > batch.length) scanner.feed(decoder.decode(chunk, { stream: true }));
    else {
      batch.set(chunk, filled);
      filled += chunk.length;
    }
  });
  // Inflated to its end within its declared size: readWorkbook.ts need not inflate it again to check that.
  inflatedParts?.add(part.name);
  flush(false);
  scanner.feed(decoder.decode());
  scanner.end();
}

async function readRelationships(source: PackageSource, part: ZipPart | undefined): Promise<Map<string, Relationship>> {
  const relations = new Map<string, Relationship>();
  if (!part) return relations;
  await scanPart(source, part, {
    open(name, attributes) {
      if (name !== "Relationship") return;
      const id = attribute(attributes, "Id");
      if (id !== undefined) relations.set(id, { type: attribute(attributes, "Type") ?? "", target: attribute(attributes, "Target") ?? "" });
    },
    close() {},
    text() {},
  });
  return relations;
}

/** A relationship target as a part name: relative to the source part's folder, or absolute from the root. */
export function resolveTarget(folder: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : folder + target;
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/");
}

// ---------------------------------------------------------------- styles and strings

/** Built-in number formats that show dates or times (as exceljs and Excel treat them). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** exceljs' rule, kept so that values read the same as before: date letters outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** Built-in date formats that show no day: 17 is "mmm-yy". */
const BUILTIN_COARSE_DATE_FORMATS = new Map([[17, "mmm-yy"]]);

interface DateStyles {
  /** For each cell style index (the `s` of a cell), whether its numbers are dates. */
  isDate: boolean[];
  /** For each cell style index, its format when it shows a date without the day ("m/yyyy", "yyyy"). */
  coarse: (string | undefined)[];
}

async function readDateStyles(source: PackageSource, part: ZipPart | undefined): Promise<DateStyles> {
  if (!part) return { isDate: [], coarse: [] };
  const formats = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  await scanPart(source, part, {
    open(name, attributes, selfClosing) {
      if (name === "numFmt") formats.set(Number(attribute(attributes, "numFmtId")), attribute(attributes, "formatCode") ?? "");
      else if (name === "cellXfs" && !selfClosing) inCellXfs = true;
      else if (name === "xf" && inCellXfs) styleFormats.push(Number(attribute(attributes, "numFmtId") ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  const isDate = styleFormats.map((id) => {
    const code = formats.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id);
  });
  const coarse = styleFormats.map((id, style) => {
    const code = formats.get(id) ?? BUILTIN_COARSE_DATE_FORMATS.get(id);
    return isDate[style] && code !== undefined && datePrecisionOfFormat(code) !== "day" ? code : undefined;
  });
  return { isDate, coarse };
}

/**
 * Collects a string item's text: the <t> runs, but not the phonetic guide (<rPh>) nor anything else.
 * Shared by shared strings (<si>) and inline strings (<is>).
 */
class StringItem {
  private parts: string[] = [];
  private inText = false;
  private phonetic = 0;

  open(name: string, selfClosing: boolean): void {
    if (name === "rPh" && !selfClosing) this.phonetic++;
    else if (name === "t" && !selfClosing && this.phonetic === 0) this.inText = true;
  }

  close(name: string): void {
    if (name === "rPh") this.phonetic = Math.max(0, this.phonetic - 1);
    else if (name === "t") this.inText = false;
  }

  text(raw: string): void {
    if (this.inText) this.parts.push(raw);
  }

  take(): string {
    const text = ownCopy(unescapeExcel(decodeXmlText(this.parts.length === 1 ? this.parts[0] : this.parts.join(""))));
    this.reset();
    return text;
  }

  reset(): void {
    this.parts.length = 0;
    this.inText = false;
    this.phonetic = 0;
  }
}

/**
 * The text as a string of its own: a piece cut from the decoded part would keep the whole chunk it was cut
 * from alive (V8 slices share their parent), so a sheet's values would hold all of its XML in memory.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : (text + " ").slice(0, -1);
}

/** Excel's own escape for characters XML cannot hold ("_x000D_"), as exceljs undoes it. */
function unescapeExcel(text: string): string {
  return text.indexOf("_x") < 0 ? text : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

async function readSharedStrings(source: PackageSource, part: ZipPart | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!part) return strings;
  const item = new StringItem();
  let inItem = false;
  await scanPart(source, part, {
    open(name, _attributes, selfClosing) {
      if (name === "si") {
        if (selfClosing) strings.push("");
        else inItem = true;
      } else if (inItem) item.open(name, selfClosing);
    },
    close(name) {
      if (name === "si") {
        strings.push(item.take());
        inItem = false;
      } else if (inItem) item.close(name);
    },
    text(raw) {
      if (inItem) item.text(raw);
    },
  });
  return strings;
}

// ---------------------------------------------------------------- cells

const CELL_ATTRIBUTES = ["r", "t", "s"] as const;

function sheetHandler(cells: SparseCells, strings: readonly string[], dateStyles: DateStyles, date1904: boolean): XmlHandler {
  let row = 0;
  let column = 0;
  let inSheetData = false;
  // The open cell in plain locals (no object per cell: a sheet may hold 2,000,000 of them).
  let inCell = false;
  let cellType = "n";
  let cellStyle = 0;
  let valueText: string | undefined;
  let collecting = false;
  let inline: StringItem | undefined;
  // One item reused for every inline string (reset on each <is>): no object per cell.
  const inlineItem = new StringItem();
  // The open cell's "r", "t" and "s", read in one pass into one reused list.
  const cellAttributes: (string | undefined)[] = [undefined, undefined, undefined];

  return {
    open(name, attributes, selfClosing) {
      if (name === "c" && inSheetData) {
        if (attributes === "") cellAttributes[0] = cellAttributes[1] = cellAttributes[2] = undefined;
        else readAttributes(attributes, CELL_ATTRIBUTES, cellAttributes);
        const ref = cellAttributes[0];
        const at = ref ? packedCell(ref) : -1;
        if (at >= 0) {
          // Some writers leave the row's number out; the cell's own reference says where it is.
          row = Math.floor(at / 16_384) + 1;
          column = (at % 16_384) + 1;
        } else column++;
        if (row < 1) row = 1;
        inCell = !selfClosing;
        cellType = cellAttributes[1] || "n";
        const style = cellAttributes[2];
        cellStyle = style === undefined ? 0 : Number(style);
        valueText = undefined;
        inline = undefined;
      } else if (name === "v" && inCell) {
        if (!selfClosing) {
          valueText = "";
          collecting = true;
        }
      } else if (name === "row" && inSheetData) {
        const r = attributes === "" ? NaN : Number(attribute(attributes, "r"));
        row = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? r : row + 1;
        column = 0;
      } else if (name === "sheetData") inSheetData = !selfClosing;
      else if (!inSheetData) {
        if (name === "mergeCell") {
          const area = parseRange(attribute(attributes, "ref") ?? "");
          if (area) cells.merges.push(area);
        }
      } else if (inCell && name === "is") {
        inlineItem.reset();
        inline = inlineItem;
      } else if (inline) inline.open(name, selfClosing);
    },
    close(name) {
      if (name === "v") collecting = false;
      else if (name === "c") {
        if (!inCell) return;
        const value = cellValue(cellType, cellStyle, valueText === undefined ? undefined : decodeXmlText(valueText), inline, strings, dateStyles.isDate, date1904);
        if (value !== null && row <= MAX_ROW && column <= MAX_COLUMN) {
          cells.add(row, column, value);
          // A date shown without its day ("9/2026" typed, turned into 1/9/2026 with "m/yyyy"): the domain reads the month.
          const coarse = value instanceof Date ? dateStyles.coarse[cellStyle] : undefined;
          if (coarse !== undefined) cells.dateFormats.push({ row, column, format: coarse });
        }
        inCell = false;
        inline = undefined;
      } else if (name === "sheetData") inSheetData = false;
      else if (name !== "is" && inline) inline.close(name);
    },
    text(raw) {
      if (collecting) valueText += raw;
      else if (inline) inline.text(raw);
    },
  };
}

function cellValue(
  type: string,
  style: number,
  text: string | undefined,
  inline: StringItem | undefined,
  strings: readonly string[],
  dateStyles: readonly boolean[],
  date1904: boolean,
): CellValue {
  switch (type) {
    case "inlineStr": {
      const value = inline ? inline.take() : (text ?? "");
      return value === "" ? null : value;
    }
    case "s": {
      const value = strings[Number(text)];
      return value === undefined || value === "" ? null : value;
    }
    case "str":
      return text === undefined || text === "" ? null : ownCopy(unescapeExcel(text));
    case "b":
      return text === undefined ? null : text.trim() === "1" || text.trim() === "true";
    case "e":
      return text === undefined || text === "" ? null : { error: text.trim() };
    case "d":
      return text === undefined || text === "" ? null : isoDate(text);
    default: {
      if (text === undefined || text === "") return null;
      const number = Number(text);
      // Blank text reads as 0: only then is it worth trimming to tell the two apart.
      if (!Number.isFinite(number) || (number === 0 && text.trim() === "")) return null;
      return dateStyles[style] ? excelDate(number, date1904) : number;
    }
  }
}

/** A strict-OOXML date cell ("2025-06-10T00:00:00") as the UTC date the other readers give; text if not a date. */
function isoDate(text: string): CellValue {
  const trimmed = text.trim();
  const withZone = /(?:Z|[+-]\d\d:?\d\d)$/.test(trimmed) || !trimmed.includes("T") ? trimmed : `${trimmed}Z`;
  const time = Date.parse(/^\d{4}-\d\d-\d\d$/.test(withZone) ? `${withZone}T00:00:00Z` : withZone);
  return Number.isNaN(time) ? trimmed : new Date(time);
}

/** Serial day number → Date, the way exceljs converts it (UTC wall clock). */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** "A1", "$AB$12" → row and column; undefined when not a cell reference inside the sheet. */
function parseCell(ref: string): { row: number; column: number } | undefined {
  const packed = packedCell(ref);
  return packed < 0 ? undefined : { row: Math.floor(packed / 16_384) + 1, column: (packed % 16_384) + 1 };
}

/**
 * parseCell without an object (called for every cell): (row - 1) × 16,384 + column - 1, or -1. Read by
 * hand: letters (1 to 3, any case), digits (1 to 7), each optionally after "$", spaces around allowed.
 */
function packedCell(ref: string): number {
  let i = 0;
  let end = ref.length;
  while (i < end && isBlank(ref.charCodeAt(i))) i++;
  while (end > i && isBlank(ref.charCodeAt(end - 1))) end--;
  if (ref.charCodeAt(i) === 0x24) i++;
  let column = 0;
  let letters = 0;
  for (; i < end; i++, letters++) {
    const ch = ref.charCodeAt(i) | 0x20; // lower case
    if (ch < 0x61 || ch > 0x7a) break;
    column = column * 26 + ch - 0x60;
  }
  if (letters < 1 || letters > 3) return -1;
  if (ref.charCodeAt(i) === 0x24) i++;
  let row = 0;
  let digits = 0;
  for (; i < end; i++, digits++) {
    const ch = ref.charCodeAt(i);
    if (ch < 0x30 || ch > 0x39) return -1;
    row = row * 10 + ch - 0x30;
  }
  if (digits < 1 || digits > 7) return -1;
  return row >= 1 && row <= MAX_ROW && column >= 1 && column <= MAX_COLUMN ? (row - 1) * 16_384 + column - 1 : -1;
}

function isBlank(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;
}

export function parseRange(ref: string): CellArea | undefined {
  const [from, to = from] = ref.split(":");
  const a = parseCell(from ?? "");
  const b = parseCell(to ?? "");
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}
