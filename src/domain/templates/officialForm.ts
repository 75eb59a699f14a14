/**
 * The official form a plan is sent up as (biểu mẫu 04/05, mẫu số 02), as a TableWrite every host
 * writes the same way: the blank templates (src/app/blankTemplate.ts) and the master sheets
 * (src/domain/merge) are both built here, so they look, read back and print alike.
 *
 *   agency block (cơ quan chủ quản / cơ quan lập)          national motto block, form number
 *                     KẾ HOẠCH ĐOÀN RA NĂM 2026
 *             (Kèm theo Công văn số …… ngày …… của ……)
 *                          Đơn vị: ……
 *   header (one or two rows, "Thời gian" merged over "Từ ngày | Đến ngày"), column numbers (1) (2) …
 *   body: section rows ("I. …") and delegation rows
 *   Tổng cộng (formulas that still count a row inserted by hand)
 *                                                        ……, ngày …… tháng …… năm ……
 *   NGƯỜI LẬP BIỂU                                        THỦ TRƯỞNG CƠ QUAN
 *
 * Columns past the printed ones (the master's provenance and deadlines) sit in a collapsed column group
 * outside the print area. Print setup: A4 landscape, one page wide, the header repeated on every page,
 * page numbers in the footer, frozen header.
 */
import { columnLetter } from "../cells";
import type { FieldId, PlanKind } from "../model";
import { fold } from "../text";
import { TEMPLATES } from "./definitions";
import type { CellArea, CellValue, PrintSetup, StyledArea, TableFormula, TableWrite } from "../../workbook/types";

export interface FormColumn {
  title: string;
  /** Group header over this column and its neighbours of the same group ("Thời gian"). */
  group?: string;
  /** Width in characters. */
  width: number;
  /** Number format of the body cells ("dd/mm/yyyy", "@"). */
  format?: string;
  /** Body cells centred (numbers, dates, short codes). */
  centered?: boolean;
}

/** Cơ quan chủ quản (the body above) and cơ quan lập (the body drawing up the plan). */
export interface FormAgency {
  parent?: string;
  name?: string;
}

export type FormBodyRow = { type: "section"; text: string } | { type: "data"; values: CellValue[] };

export interface OfficialFormSpec {
  /** "KẾ HOẠCH ĐOÀN RA": " NĂM {year}" is appended. */
  title: string;
  year: number;
  sheet: string;
  /** "Biểu mẫu 04". */
  formNumber: string;
  /** Printed columns. */
  columns: FormColumn[];
  /** Columns after the printed ones, grouped, collapsed and not printed. */
  outside?: FormColumn[];
  agency?: FormAgency;
  /** The "Đơn vị:" line; empty leaves dots for the unit to fill. */
  unit?: string;
  /** Town of the place/date line ("Hải Phòng"); empty leaves dots. */
  place?: string;
  /** Body rows; data rows carry the values of every column, printed then outside. */
  body: FormBodyRow[];
  /** The Tổng cộng row: delegations counted on a column every delegation fills, sums of number columns (1-based). */
  totals?: { countColumn: number; sumColumns: { column: number; decimals: boolean }[]; countWord: string };
  /** Right signer: "THỦ TRƯỞNG CƠ QUAN" (master) or "THỦ TRƯỞNG ĐƠN VỊ" (a unit's template). */
  signer: string;
  /** The letter line as the officer filled it in (else the placeholder LETTER_LINE). */
  letter?: string;
  /**
   * The officer's closing rows from an earlier sheet, from the place/date line down: what they filled in over
   * the block's own cells wins (a date line still of dots gives way to this one's place), further rows
   * (signers' names, "Nơi nhận: …") follow the block.
   */
  closing?: CellValue[][];
}

export interface OfficialForm {
  table: TableWrite;
  /** Sheet row of each body row, in spec.body order. */
  bodyRows: number[];
  /** Sheet rows of the column header (one or two). */
  headerRows: number[];
  /** The "(1) (2) …" row. */
  numberRow: number;
  totalRow?: number;
  /** The first sheet row of the signature block (the place/date line). */
  signatureRow: number;
}

export const NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc";
export const LETTER_LINE = "(Kèm theo Công văn số ……… ngày …… tháng …… năm …… của ………)";
export const TOTAL_LABEL = "Tổng cộng";
export const PREPARER = "NGƯỜI LẬP BIỂU";
const DOTS = "……………";
const SIGNERS = new Set(["thu truong co quan", "thu truong don vi"]);
const LINE_POINTS = 15;
const TITLE_ROWS = 7;

export const PRINT_MARGINS: PrintSetup["margins"] = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 };
export const PAGE_FOOTER = "Trang &P/&N";

export function officialForm(spec: OfficialFormSpec): OfficialForm {
  const printed = spec.columns.length;
  const all = [...spec.columns, ...(spec.outside ?? [])];
  const width = all.length;
  const rows: CellValue[][] = [];
  const merges: CellArea[] = [];
  const styles: StyledArea[] = [];
  const heights: { row: number; points: number }[] = [];
  const blank = (): CellValue[] => Array<CellValue>(width).fill(null);
  const push = (values: CellValue[]): number => rows.push(values);
  const mergeRow = (row: number, left: number, right: number) => right > left && merges.push({ top: row, bottom: row, left, right });
  const style = (top: number, left: number, bottom: number, right: number, s: StyledArea["style"]) => styles.push({ area: { top, left, bottom, right }, style: s });

  // Title block: agency left, motto right, then the title lines across the printed width.
  const { left, right } = sideBlocks(spec.columns);
  const block = (leftText: string | null, rightText: string | null): number => {
    const values = blank();
    values[0] = leftText;
    values[right.first - 1] = rightText;
    const row = push(values);
    mergeRow(row, 1, left.last);
    mergeRow(row, right.first, printed);
    return row;
  };
  const parent = spec.agency?.parent?.trim();
  const name = spec.agency?.name?.trim();
  const r1 = block(parent ? parent.toUpperCase() : null, NATIONAL_NAME);
  const r2 = block(name ? name.toUpperCase() : parent ? DOTS : null, NATIONAL_MOTTO);
  const r3 = block(null, spec.formNumber);
  style(r1, 1, r2, left.last, { horizontal: "center", wrap: true });
  style(r2, 1, r2, left.last, { bold: true });
  style(r1, right.first, r2, printed, { bold: true, horizontal: "center" });
  style(r3, right.first, r3, printed, { italic: true, horizontal: "right" });
  const across = (text: string, s: StyledArea["style"]): number => {
    const values = blank();
    values[0] = text;
    const row = push(values);
    mergeRow(row, 1, printed);
    style(row, 1, row, printed, { horizontal: "center", ...s });
    return row;
  };
  const titleRow = across(`${spec.title} NĂM ${spec.year}`.toUpperCase(), { bold: true, size: 14 });
  heights.push({ row: titleRow, points: 22 });
  across(spec.letter?.trim() || LETTER_LINE, { italic: true });
  across(`Đơn vị: ${spec.unit?.trim() || DOTS}`, { bold: true });
  push(blank());
  if (rows.length !== TITLE_ROWS) throw new Error("officialForm: title block rows");

  // Column header: group titles merged over their columns, other titles merged over both rows.
  const grouped = all.some((column) => column.group);
  const headerTop = rows.length + 1;
  const headerRows = grouped ? [headerTop, headerTop + 1] : [headerTop];
  const top = blank();
  const bottom = blank();
  all.forEach((column, index) => {
    const col = index + 1;
    if (!column.group) {
      top[index] = column.title;
      if (grouped) merges.push({ top: headerTop, bottom: headerTop + 1, left: col, right: col });
      return;
    }
    bottom[index] = column.title;
    if (all[index - 1]?.group !== column.group) {
      top[index] = column.group;
      let last = col;
      while (all[last]?.group === column.group) last++;
      mergeRow(headerTop, col, last);
    }
  });
  push(top);
  if (grouped) push(bottom);
  const numberRow = push(all.map((_, index) => (index < printed ? `(${index + 1})` : null)));
  style(headerTop, 1, numberRow - 1, width, { bold: true, fill: true, border: true, horizontal: "center", vertical: "middle", wrap: true });
  style(numberRow, 1, numberRow, width, { italic: true, border: true, horizontal: "center" });
  const mergedLines = Math.max(1, ...all.map((column) => (column.group ? 0 : lineCount(column.title, column.width, true))));
  if (grouped) {
    const lowerLines = Math.max(1, ...all.map((column) => (column.group ? lineCount(column.title, column.width, true) : 0)));
    heights.push({ row: headerTop, points: LINE_POINTS * Math.max(1, mergedLines - lowerLines) + 4 });
    heights.push({ row: headerTop + 1, points: LINE_POINTS * lowerLines + 4 });
  } else heights.push({ row: headerTop, points: LINE_POINTS * mergedLines + 4 });

  // Body.
  const bodyRows: number[] = [];
  const firstBody = rows.length + 1;
  for (const line of spec.body) {
    if (line.type === "section") {
      const values = blank();
      values[0] = line.text;
      const row = push(values);
      mergeRow(row, 1, printed);
      style(row, 1, row, printed, { bold: true });
      bodyRows.push(row);
      continue;
    }
    const values = all.map((_, index) => line.values[index] ?? null);
    const row = push(values);
    bodyRows.push(row);
    // The printed columns set the height: the collapsed ones are read on screen, widened as needed.
    let lines = 1;
    for (let index = 0; index < printed; index++) {
      const value = values[index];
      if (typeof value === "string") lines = Math.max(lines, lineCount(value, all[index].width, false));
    }
    if (lines > 1) heights.push({ row, points: rowPoints(lines) });
  }

  // Tổng cộng: COUNTA/SUM from the first body row to the row above the total, so rows inserted anywhere
  // in between (even right above the total) are counted.
  const formulas: TableFormula[] = [];
  let totalRow: number | undefined;
  if (spec.totals) {
    const values = blank();
    values[1] = TOTAL_LABEL;
    totalRow = push(values);
    const { countColumn, sumColumns, countWord } = spec.totals;
    const range = (column: number) => `${columnLetter(column)}${firstBody}:INDEX(${columnLetter(column)}:${columnLetter(column)},ROW()-1)`;
    const dataValues = (column: number) => spec.body.flatMap((line) => (line.type === "data" ? [line.values[column - 1] ?? null] : []));
    const counted = dataValues(countColumn).filter((value) => value !== null && value !== "").length;
    formulas.push({ row: totalRow, column: 3, formula: `=COUNTA(${range(countColumn)})`, result: counted, format: `0 "${countWord}";-0;` });
    for (const { column, decimals } of sumColumns) {
      const sum = dataValues(column).reduce<number>((total, value) => total + (typeof value === "number" && Number.isFinite(value) ? value : 0), 0);
      // A sum of nothing shows blank, not a 0 nobody wrote.
      formulas.push({ row: totalRow, column, formula: `=SUM(${range(column)})`, result: sum, format: decimals ? "#,##0.0;-#,##0.0;" : "#,##0;-#,##0;" });
    }
    style(totalRow, 1, totalRow, printed, { bold: true });
  }
  const lastBody = rows.length;
  if (lastBody >= firstBody) {
    style(firstBody, 1, lastBody, width, { border: true, wrap: true, vertical: "top" });
    all.forEach((column, index) => column.centered && style(firstBody, index + 1, lastBody, index + 1, { horizontal: "center" }));
    // Section rows and the total: bold again over the body's plain style, labels left.
    for (const [index, line] of spec.body.entries()) if (line.type === "section") style(bodyRows[index], 1, bodyRows[index], printed, { bold: true, horizontal: "left" });
    if (totalRow !== undefined) style(totalRow, 1, totalRow, printed, { bold: true });
  }

  // Signature block.
  push(blank());
  const signatureRow = block(null, `${spec.place?.trim() || DOTS}, ngày …… tháng …… năm ……`);
  style(signatureRow, right.first, signatureRow, printed, { italic: true, horizontal: "center" });
  const signers = block(PREPARER, spec.signer);
  const hints = block("(Ký, ghi rõ họ tên)", "(Ký tên, đóng dấu)");
  style(signers, 1, signers, printed, { bold: true, horizontal: "center" });
  style(hints, 1, hints, printed, { italic: true, horizontal: "center" });
  (spec.closing ?? []).forEach((kept, index) => {
    const row = signatureRow + index;
    if (row > hints) rows.push(blank());
    kept.slice(0, width).forEach((value, column) => {
      if (value === null || value === "" || (row === signatureRow && typeof value === "string" && value.includes("……"))) return;
      rows[row - 1][column] = value;
    });
  });
  const end = rows.length;

  const outside = spec.outside?.length ? { first: printed + 1, last: width } : undefined;
  const table: TableWrite = {
    sheet: spec.sheet,
    rows,
    headerRows: 0,
    columnWidths: all.map((column) => column.width),
    columnFormats: all.map((column) => column.format),
    merges,
    styles,
    formulas,
    rowHeights: heights,
    freezeRows: numberRow,
    print: {
      orientation: "landscape",
      fitToPagesWide: 1,
      area: { top: 1, left: 1, bottom: end, right: printed },
      repeatRows: { first: headerTop, last: numberRow },
      footer: PAGE_FOOTER,
      margins: PRINT_MARGINS,
    },
  };
  if (outside) table.collapsedColumns = outside;
  return { table, bodyRows, headerRows, numberRow, ...(totalRow !== undefined ? { totalRow } : {}), signatureRow };
}

export const FORM_NUMBERS: Record<PlanKind, string> = { outbound: "Biểu mẫu 04", inbound: "Biểu mẫu 05", people: "Mẫu số 02" };

/** Print widths (characters): narrow enough that a plan of every column fits one landscape page across. */
const FIELD_WIDTHS: Partial<Record<FieldId, number>> = {
  seq: 5,
  name: 22,
  leader: 16,
  leaderRole: 16,
  members: 8,
  composition: 18,
  countries: 12,
  period: 12,
  start: 11,
  end: 11,
  days: 7,
  purpose: 24,
  inviter: 16,
  host: 16,
  receivingLeader: 14,
  venue: 14,
  funding: 14,
  cost: 10,
  unit: 14,
  planStatus: 11,
  notes: 12,
  locality: 16,
  activity: 26,
  partner: 20,
  form: 12,
};
const CENTERED: ReadonlySet<FieldId> = new Set(["seq", "members", "start", "end", "days", "cost", "planStatus"]);
const DATE_FIELDS: ReadonlySet<FieldId> = new Set(["start", "end"]);

/** The form's column for a field of a kind: its title and group from TEMPLATES, its print width. */
export function fieldColumn(kind: PlanKind, field: FieldId): FormColumn {
  const definition = TEMPLATES[kind].fields.find((candidate) => candidate.id === field);
  if (!definition) throw new Error(`officialForm: ${kind} has no field ${field}`);
  const column: FormColumn = { title: definition.title, width: FIELD_WIDTHS[field] ?? 14 };
  if (definition.group) column.group = definition.group;
  if (DATE_FIELDS.has(field)) column.format = "dd/mm/yyyy";
  if (CENTERED.has(field)) column.centered = true;
  return column;
}

/** The column every delegation of the kind fills (required), counted by the Tổng cộng row. */
export const COUNTED_FIELD: Record<PlanKind, FieldId> = { outbound: "countries", inbound: "countries", people: "activity" };
/** What the Tổng cộng row counts, shown after the number: a people-to-people plan lists activities, not delegations. */
export const COUNTED_WORD: Record<PlanKind, string> = { outbound: "đoàn", inbound: "đoàn", people: "hoạt động" };
/** Columns the Tổng cộng row adds up. */
export const SUMMED_FIELDS: readonly FieldId[] = ["members", "cost"];

/** The agency block over the first columns (about a third of the width), the motto over the last ones. */
function sideBlocks(columns: readonly FormColumn[]): { left: { last: number }; right: { first: number } } {
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  let last = 0;
  for (let sum = 0; last < columns.length && sum < total * 0.3; last++) sum += columns[last].width;
  let first = columns.length + 1;
  for (let sum = 0; first > 1 && sum < total * 0.38; ) sum += columns[--first - 1].width;
  last = Math.max(1, Math.min(last, columns.length - 2));
  first = Math.max(last + 2, Math.min(first, columns.length));
  return { left: { last }, right: { first } };
}

/**
 * Advance widths (thousandths of an em) of the printable ASCII characters, space to "~", in DejaVu Sans: the
 * font LibreOffice prints Calibri with where Calibri and Carlito are missing, and wider than Calibri itself
 * (about 1.25×) for nearly every glyph, so text measured with it fits in Excel too. Read from the font's hmtx.
 */
const GLYPH_WIDTHS = [
  317, 400, 459, 837, 636, 950, 779, 274, 390, 390, 500, 837, 317, 360, 317, 336, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 336, 336, 837, 837, 837, 530, 1000, 684,
  686, 698, 770, 631, 575, 774, 751, 294, 294, 655, 557, 862, 748, 787, 603, 787, 694, 634, 610, 731, 684, 988, 685, 610, 685, 390, 336, 390, 837, 500, 500, 612, 634, 549,
  634, 615, 352, 634, 633, 277, 277, 579, 277, 974, 633, 611, 634, 634, 411, 520, 392, 633, 591, 817, 591, 591, 524, 636, 336, 636, 837,
];
/** A letter outside ASCII once its marks are gone (Greek, Cyrillic …): about an "n"; CJK and the like: a full em. */
const OTHER_WIDTH = 640;
const WIDE_WIDTH = 1000;
/** Bold prints wider: Calibri Bold by ~4%, LibreOffice's DejaVu fallback for it by up to ~12%. */
const BOLD_FACTOR = 1.12;
/**
 * Printable width of a column, in points of 11-point text measured with GLYPH_WIDTHS, per character of
 * column width, less the cell's padding. Calibrated on LibreOffice's wrapping of master columns 12–24 wide
 * (6.75–6.9 per character) and Excel's (7 px + 5 per character of Calibri, ×1.25 into DejaVu measure:
 * 6.56 × width + 4.7), at or below both for the printed columns (up to 30 wide) so that neither wraps a line the
 * estimate did not count.
 */
const POINTS_PER_WIDTH = 6.75;
const CELL_PADDING = 1;
const FONT_POINTS = 11;

/** Width of each character below U+2000 once known (0: not yet), so a text is measured without normalising it. */
const knownWidths = new Uint16Array(0x2000);

/**
 * A character's advance (thousandths of an em). Vietnamese letters carry their tone and vowel marks on the
 * base letter's advance: a precomposed letter measures as its base (đ as d), a combining mark as nothing.
 */
function glyphWidth(code: number): number {
  if (code >= 32 && code <= 126) return GLYPH_WIDTHS[code - 32];
  if (code >= 0x2000) return code === 0x2026 ? 1000 : code >= 0x2e80 ? WIDE_WIDTH : OTHER_WIDTH;
  const known = knownWidths[code];
  if (known !== 0) return known === 0xffff ? 0 : known;
  const base = String.fromCharCode(code).normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  const width = base === "" ? 0 : base.length === 1 && base.charCodeAt(0) !== code ? glyphWidth(base.charCodeAt(0)) : code < 32 ? 0 : OTHER_WIDTH;
  knownWidths[code] = width === 0 ? 0xffff : width;
  return width;
}

/** Width of a text in points at 11 pt. */
export function textPoints(text: string, bold = false): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += glyphWidth(text.charCodeAt(i));
  return (sum / 1000) * FONT_POINTS * (bold ? BOLD_FACTOR : 1);
}

/**
 * Lines a text takes wrapped in a column this wide (characters), as a spreadsheet wraps it: by words at
 * the column's printable width (a word wider than the column breaks inside), each "\n" a new line. One
 * pass over the characters: a master measures every printed cell of thousands of rows.
 */
export function lineCount(text: string, width: number, bold: boolean): number {
  const scale = (FONT_POINTS * (bold ? BOLD_FACTOR : 1)) / 1000;
  const available = Math.max(1, width * POINTS_PER_WIDTH - CELL_PADDING) / scale;
  const space = GLYPH_WIDTHS[0];
  let lines = 1;
  let used = 0;
  let word = 0;
  const place = () => {
    if (word === 0) return;
    if (used > 0 && used + space + word <= available) used += space + word;
    else {
      if (used > 0) lines++;
      // A word wider than the column: the spreadsheet breaks it where the line is full.
      const extra = Math.max(0, Math.ceil(word / available) - 1);
      lines += extra;
      used = word - extra * available;
    }
    word = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      place();
      lines++;
      used = 0;
    } else if (code === 32 || code === 9 || code === 13 || code === 0xa0) place();
    else word += glyphWidth(code);
  }
  place();
  return lines;
}

/**
 * Row height for this many lines of 11-point text: Excel's 15 points a line, and a little room above the
 * first line for stacked Vietnamese marks on capitals ("Ế", "Ộ"), which reach above the line's ascent.
 */
export function rowPoints(lines: number): number {
  return LINE_POINTS * lines + 3;
}

// ---------------------------------------------------------------- reading the form back

/** What a row below the column numbers is, as the form writes it. */
export type FormRowKind = "section" | "total" | "signature" | "content" | "empty";

/**
 * Classifies a row of the body as the form writes it: a section title alone in the first column, the
 * Tổng cộng row, the signature block (everything from it on is not data), or content (a delegation,
 * or a row typed by hand).
 */
const FOLDED_PREPARER = fold(PREPARER);

export function formRowKind(cells: { column: number; value: CellValue }[]): FormRowKind {
  const texts = cells.filter((cell) => cell.value !== null && cell.value !== "");
  if (texts.length === 0) return "empty";
  // Only the first three cells are ever looked at folded: a master re-read has thousands of rows of a dozen cells.
  const folded = texts.slice(0, 3).map((cell) => (typeof cell.value === "string" ? fold(cell.value) : ""));
  // A signature row holds at most the two signers' cells; data rows hold more, and may mention "Thứ trưởng".
  const signatureText = (text: string, raw: CellValue) =>
    text.startsWith(FOLDED_PREPARER) || SIGNERS.has(text) || (typeof raw === "string" && /,\s*ngày\b/iu.test(raw) && /\bthang\b.*\bnam\b/.test(text));
  if (texts.length <= 2 && texts.some((cell, index) => signatureText(folded[index], cell.value))) return "signature";
  if (folded.some((text) => text === "tong cong" || text.startsWith("tong cong "))) return "total";
  if (texts.length === 1 && texts[0].column === 1 && typeof texts[0].value === "string" && /^(?:[IVXLC]+|\d{1,3}|[A-Z])\.\s+\p{L}/u.test(texts[0].value)) return "section";
  return "content";
}
