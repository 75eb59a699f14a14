/**
 * Finds the plan template on a sheet: the header row (one or two rows, merged group headers), the
 * kind (outbound, inbound, people), the column of every field, the data rows with their sections,
 * and the unit and year from the title rows. A sheet that does not carry a plan header is reported
 * as not a template with the reason; nothing is guessed.
 */
import { PLAN_KINDS, type CellRef, type FieldId, type PlanKind } from "../model";
import { fold, tidy } from "../text";
import type { CellValue, SheetGrid } from "../../workbook/types";
import { TEMPLATES } from "./definitions";
import { GridReader } from "./grid";
import { countHeaderSignals, countTitleSignals, isExactHeaderText, isFieldHeader, matchColumns, type ColumnMapping, type HeaderCell } from "./headers";
import type { RecognizedTemplate, SheetRecognition } from "./types";

/** Rows searched for the header, from the top of the used range. */
export const HEADER_SCAN_ROWS = 30;
/** Fields a header row must name to count as a plan template. */
export const MIN_HEADER_FIELDS = 4;
/** Header cells longer than this are titles or notes, not column headers. */
const MAX_HEADER_LENGTH = 150;

type Section = { label: string; title: string };

interface KindMapping {
  kind: PlanKind;
  mapping: ColumnMapping;
  fieldCount: number;
}

interface HeaderLayout {
  rows: number[];
  cells: HeaderCell[];
  best: KindMapping;
}

export function recognizeSheet(grid: SheetGrid): SheetRecognition {
  return recognizeSheetTables(grid)[0];
}

/** At most this many plan tables are read from one sheet (a guard against a sheet of repeated headers). */
export const MAX_TABLES_PER_SHEET = 20;

/**
 * Every plan table on a sheet, top to bottom: units put an outbound table, a label row ("Biểu mẫu 05 –
 * Kế hoạch đoàn vào"), then an inbound table with its own header on one sheet. Each table is one
 * recognition (same sheet name, its own header and rows); a sheet without any is one NotATemplate.
 */
export function recognizeSheetTables(grid: SheetGrid): SheetRecognition[] {
  const sheet = new GridReader(grid);
  if (sheet.isEmpty) return [notTemplate(sheet.name, "Trang tính trống.")];

  const layout = findHeader(sheet, sheet.firstRow, Math.min(sheet.lastRow, sheet.firstRow + HEADER_SCAN_ROWS - 1));
  if (!layout.found) return [notTemplate(sheet.name, layout.reason)];

  const tables: RecognizedTemplate[] = [];
  let current: HeaderLayout = layout;
  let titleFrom = sheet.firstRow;
  for (;;) {
    const { recognition, nextHeaderRow, titleBlockStart } = readTable(sheet, current, titleFrom, tables[0]);
    tables.push(recognition);
    if (nextHeaderRow === undefined || tables.length >= MAX_TABLES_PER_SHEET) break;
    const next = findHeader(sheet, nextHeaderRow, Math.min(sheet.lastRow, nextHeaderRow + 1));
    if (!next.found) break;
    current = next;
    titleFrom = titleBlockStart;
  }
  return tables;
}

/** One table from its header down to the next table's title block (or the end of the sheet). */
function readTable(
  sheet: GridReader,
  layout: HeaderLayout,
  titleFrom: number,
  first: RecognizedTemplate | undefined,
): { recognition: RecognizedTemplate; nextHeaderRow?: number; titleBlockStart: number } {
  const headerRow = layout.rows[layout.rows.length - 1];
  const titleText = titleRowsText(sheet, titleFrom, layout.rows[0]);
  const chosen = chooseKind(layout.cells, titleText, first ? "" : sheet.name) ?? layout.best;
  const { columns, extraColumns, headers } = chosen.mapping;

  // Below the header: a translated header ("No. | Delegation | …") and the column-number row, in either order.
  let next = headerRow + 1;
  let columnNumberRow: number | undefined;
  for (let step = 0; step < 2 && next <= sheet.lastRow; step++) {
    if (columnNumberRow === undefined && isColumnNumberRow(sheet, next)) columnNumberRow = next++;
    else if (isTranslatedHeaderRow(sheet, next, columns.seq)) next++;
    else break;
  }
  const firstDataRow = next;
  const { rows: dataRows, nextHeaderRow, closingRow } = findDataRows(sheet, firstDataRow, chosen, layout.cells);
  const titleBlockStart = nextHeaderRow === undefined ? sheet.lastRow + 1 : titleBlockAbove(sheet, nextHeaderRow, dataRows, firstDataRow);
  while (nextHeaderRow !== undefined && dataRows.length > 0 && dataRows[dataRows.length - 1].row >= titleBlockStart) dataRows.pop();

  const recognition: RecognizedTemplate = {
    sheet: sheet.name,
    template: true,
    kind: chosen.kind,
    headerRows: layout.rows,
    headerRow,
    columns,
    extraColumns,
    dataRows,
    firstEntryRow: firstDataRow,
    fieldHeaders: headers,
  };
  if (closingRow !== undefined) recognition.closingRow = closingRow;
  if (columnNumberRow !== undefined) recognition.columnNumberRow = columnNumberRow;
  const unitName = findUnitName(sheet, titleFrom, layout.rows[0]) ?? first?.unitName;
  if (unitName) recognition.unitName = unitName;
  const title = findTitleYear(sheet, titleFrom, layout.rows[0]) ?? (first?.titleYear !== undefined ? { year: first.titleYear, cell: first.titleCell } : undefined);
  if (title !== undefined) {
    recognition.titleYear = title.year;
    if (title.cell) recognition.titleCell = title.cell;
  }
  return { recognition, nextHeaderRow, titleBlockStart };
}

/**
 * The rows above a later table's header that belong to it: blank rows and title or label rows
 * ("Biểu mẫu 05 – Kế hoạch đoàn vào", "Đơn vị: …", "II. ĐOÀN VÀO"), walking up from the header.
 */
function titleBlockAbove(sheet: GridReader, headerRow: number, dataRows: RecognizedTemplate["dataRows"], firstDataRow: number): number {
  const lastData = dataRows.length > 0 ? dataRows[dataRows.length - 1].row : firstDataRow - 1;
  let start = headerRow;
  for (let row = headerRow - 1; row >= firstDataRow; row--) {
    const cells = sheet.nonEmptyCells(row);
    if (cells.length === 0 || isTitleLikeRow(cells) || row > lastData) start = row;
    else break;
  }
  return start;
}

const TITLE_WORDS = ["ke hoach", "bieu mau", "mau so", "danh sach", "tong hop", "doan ra", "doan vao", "doi ngoai nhan dan", "don vi", "phu luc", "bang"];

/** A title or label row: one or two texts naming a plan, a form or a unit, no numbers. */
function isTitleLikeRow(cells: { value: CellValue; text: string }[]): boolean {
  if (cells.length > 2 || !cells.every((cell) => typeof cell.value === "string")) return false;
  const words = ` ${fold(cells.map((cell) => cell.text).join(" "))} `;
  return TITLE_WORDS.some((word) => words.includes(` ${word} `));
}

function notTemplate(sheet: string, reason: string): SheetRecognition {
  return { sheet, template: false, reason };
}

// ---------------------------------------------------------------- header

/** The header cells of one row: short texts only (numbers and dates are data). */
function headerCellsOfRow(sheet: GridReader, row: number): HeaderCell[] {
  const cells: HeaderCell[] = [];
  for (const cell of sheet.nonEmptyCells(row)) {
    if (typeof cell.value === "string" && cell.text.length <= MAX_HEADER_LENGTH) cells.push({ column: cell.column, text: cell.text });
  }
  return cells;
}

/** The best mapping of these header cells among the kinds that would make them a template. */
function bestMapping(cells: HeaderCell[]): KindMapping | undefined {
  let best: KindMapping | undefined;
  for (const kind of PLAN_KINDS) {
    const candidate = mappingFor(cells, kind);
    if (isTemplateHeader(candidate) && (!best || candidate.fieldCount > best.fieldCount)) best = candidate;
  }
  return best;
}

function mappingFor(cells: HeaderCell[], kind: PlanKind): KindMapping {
  const mapping = matchColumns(cells, kind);
  return { kind, mapping, fieldCount: Object.keys(mapping.columns).length };
}

function isTemplateHeader(candidate: KindMapping): boolean {
  return candidate.fieldCount >= MIN_HEADER_FIELDS && TEMPLATES[candidate.kind].keyFields.some((f) => candidate.mapping.columns[f] !== undefined);
}

function findHeader(sheet: GridReader, firstScanned: number, lastScanned: number): ({ found: true } & HeaderLayout) | { found: false; reason: string } {
  let bestRow: number | undefined;
  let bestFound: KindMapping | undefined;
  let closest: KindMapping | undefined;
  for (let row = firstScanned; row <= lastScanned; row++) {
    const cells = headerCellsOfRow(sheet, row);
    if (cells.length < 2) continue;
    const found = bestMapping(cells);
    if (found && (!bestFound || found.fieldCount > bestFound.fieldCount)) {
      bestFound = found;
      bestRow = row;
    }
    for (const kind of PLAN_KINDS) {
      const partial = mappingFor(cells, kind);
      if (!closest || partial.fieldCount > closest.fieldCount) closest = partial;
    }
  }
  if (bestRow === undefined || !bestFound) return { found: false, reason: noHeaderReason(closest) };

  let layout: HeaderLayout = { rows: [bestRow], cells: headerCellsOfRow(sheet, bestRow), best: bestFound };
  for (const [upper, lower] of [
    [bestRow, bestRow + 1],
    [bestRow - 1, bestRow],
  ]) {
    if (upper < firstScanned - 1 || upper < sheet.firstRow || lower > sheet.lastRow) continue;
    const cells = twoRowHeaderCells(sheet, upper, lower);
    if (!cells) continue;
    const found = bestMapping(cells);
    if (found && found.fieldCount > layout.best.fieldCount) layout = { rows: [upper, lower], cells, best: found };
  }
  return { found: true, ...layout };
}

function noHeaderReason(closest: KindMapping | undefined): string {
  const base = `Không tìm thấy dòng tiêu đề cột của kế hoạch đoàn ra/đoàn vào trong ${HEADER_SCAN_ROWS} dòng đầu`;
  const need = `cần ít nhất ${MIN_HEADER_FIELDS} cột như Tên đoàn, Trưởng đoàn, Nước đến, Thời gian, Mục đích`;
  if (!closest || closest.fieldCount === 0) return `${base} (${need}).`;
  const named = Object.values(closest.mapping.headers).join(", ");
  if (closest.fieldCount >= MIN_HEADER_FIELDS) {
    return `${base}: nhận ra ${closest.fieldCount} cột (${named}) nhưng không có cột nào như Tên đoàn, Trưởng đoàn, Nước đến, Mục đích.`;
  }
  return `${base}: chỉ nhận ra ${closest.fieldCount} cột (${named}), ${need}.`;
}

/**
 * Header cells of a two-row header, or undefined when the rows show no sign of being one header
 * (no merge joining them, no group header). Columns under a group header ("Thời gian" merged over
 * "Từ ngày | Đến ngày") take the lower row's text; the others take the upper row's.
 */
function twoRowHeaderCells(sheet: GridReader, upper: number, lower: number): HeaderCell[] | undefined {
  const upperCells = new Map(headerCellsOfRow(sheet, upper).map((c) => [c.column, c.text]));
  const lowerCells = new Map(headerCellsOfRow(sheet, lower).map((c) => [c.column, c.text]));
  if (upperCells.size === 0 || lowerCells.size === 0) return undefined;

  let evidence = false;
  /** Group header text over each column that sits under a group. */
  const groupOver = new Map<number, string>();
  for (const merge of sheet.mergesStartingAt(upper)) {
    if (merge.bottom >= lower) evidence = true;
    else if (merge.right > merge.left) {
      const text = sheet.text(upper, merge.left);
      let underneath = false;
      for (let column = merge.left; column <= merge.right; column++) {
        if (lowerCells.has(column)) underneath = true;
        groupOver.set(column, text);
      }
      if (underneath) evidence = true;
    }
  }
  // A group header centred across columns without merging: text over a column whose right
  // neighbour is empty on top while both have text below.
  for (const [column, text] of upperCells) {
    if (groupOver.has(column) || sheet.mergeAt(upper, column)) continue;
    if (!lowerCells.has(column) || upperCells.has(column + 1) || !lowerCells.has(column + 1)) continue;
    evidence = true;
    for (let c = column; lowerCells.has(c) && (c === column || !upperCells.has(c)); c++) groupOver.set(c, text);
  }
  if (!evidence) return undefined;

  const columns = [...new Set([...upperCells.keys(), ...lowerCells.keys()])].sort((a, b) => a - b);
  const cells: HeaderCell[] = [];
  for (const column of columns) {
    const top = upperCells.get(column);
    const bottom = lowerCells.get(column);
    const group = groupOver.get(column);
    let text: string | undefined;
    if (group !== undefined && bottom !== undefined) {
      // "Họ tên" under "Trưởng đoàn" means the leader; "Từ ngày" is clear on its own.
      text = isFieldHeader(bottom) || group === "" ? bottom : `${group} ${bottom}`;
    } else if (group !== undefined) {
      text = top;
    } else {
      text = top ?? bottom;
    }
    if (text) cells.push({ column, text });
  }
  return cells;
}

/** Picks the kind from the header cells, the title rows and the sheet name; undefined if none fits. */
function chooseKind(cells: HeaderCell[], titleText: string, sheetName: string): KindMapping | undefined {
  let best: { candidate: KindMapping; score: number } | undefined;
  for (const kind of PLAN_KINDS) {
    const candidate = mappingFor(cells, kind);
    if (!isTemplateHeader(candidate)) continue;
    const score =
      candidate.fieldCount + 2 * countHeaderSignals(cells, kind) + 3 * countTitleSignals(titleText, kind) + countTitleSignals(sheetName, kind);
    if (!best || score > best.score) best = { candidate, score };
  }
  return best?.candidate;
}

/** All text of the title rows above the header. */
function titleRowsText(sheet: GridReader, fromRow: number, firstHeaderRow: number): string {
  const parts: string[] = [];
  for (let row = fromRow; row < firstHeaderRow; row++) for (const cell of sheet.nonEmptyCells(row)) if (typeof cell.value === "string") parts.push(cell.text);
  return parts.join(" | ");
}

// ---------------------------------------------------------------- rows under the header

const NUMBER_LABEL = /^\(?\s*(\d{1,3})\s*\)?$/;
const LETTER_LABEL = /^\(?\s*[A-Za-z]\s*\)?$/;

/** "(1) (2) (3) …" or "1 2 3 …": at least three increasing numbers and nothing else. */
/**
 * A second header row in another language, right under the header: only short texts without a digit,
 * starting with a text in the STT column. A data row always carries a digit (its number, members, a
 * date), so none is taken for it. Without an STT column nothing is guessed.
 */
function isTranslatedHeaderRow(sheet: GridReader, row: number, seqColumn: number | undefined): boolean {
  if (seqColumn === undefined) return false;
  const cells = sheet.nonEmptyCells(row);
  const seq = cells.find((cell) => cell.column === seqColumn);
  if (!seq || cells.length < MIN_HEADER_FIELDS) return false;
  return cells.every((cell) => typeof cell.value === "string" && cell.text.length <= MAX_HEADER_LENGTH && !/\d/.test(cell.text));
}

export function isColumnNumberRow(sheet: GridReader, row: number): boolean {
  return isColumnNumberCells(sheet.nonEmptyCells(row));
}

function isColumnNumberCells(cells: readonly { text: string }[]): boolean {
  if (cells.length < 3) return false;
  let previous = -Infinity;
  let numbers = 0;
  for (const cell of cells) {
    const match = NUMBER_LABEL.exec(cell.text);
    if (match) {
      const n = Number(match[1]);
      if (n <= previous) return false;
      previous = n;
      numbers++;
    } else if (!LETTER_LABEL.test(cell.text)) return false;
  }
  return numbers >= 3;
}

const ROMAN_OR_LETTER = "(?:[IVXLC]{1,6}|[A-Z])";
const LABEL_ONLY = new RegExp(`^(${ROMAN_OR_LETTER})\\s*[.):\\-–]?$`);
const LABEL_AND_TITLE = new RegExp(`^(${ROMAN_OR_LETTER})\\s*[.):\\-–]\\s*(.+)$`);
const PART_AND_TITLE = /^(?:phần|mục|phan|muc)\s+([IVXLC]{1,6}|[A-Z]|\d{1,2})\s*[.:\-–]?\s*(.*)$/i;

function splitSectionText(text: string): Section | undefined {
  const labelled = LABEL_AND_TITLE.exec(text);
  if (labelled) return { label: labelled[1], title: tidy(labelled[2]) };
  const part = PART_AND_TITLE.exec(text);
  if (part) return { label: part[1], title: tidy(part[2]) };
  return undefined;
}

/**
 * A section row: "I." + title (possibly with the section's counts or totals after it), "I. Title"
 * in one cell, or a title merged across the table.
 */
function sectionOf(sheet: GridReader, row: number, cells: { column: number; value: CellValue; text: string }[], tableLeft: number, tableWidth: number): Section | undefined {
  if (cells.length === 0) return undefined;
  const [first, second, ...rest] = cells;
  const firstIsLabel = LABEL_ONLY.test(first.text) && first.column <= tableLeft + 1;
  if (second) {
    if (!firstIsLabel || !/\p{L}{2}/u.test(second.text)) return undefined;
    if (!rest.every((cell) => typeof cell.value === "number" || /^[\d.,\s]+(đoàn|người)?$/iu.test(cell.text))) return undefined;
    return { label: first.text.replace(/[\s.):\-–]+$/, ""), title: second.text };
  }
  if (firstIsLabel) return { label: first.text.replace(/[\s.):\-–]+$/, ""), title: "" };
  const split = splitSectionText(first.text);
  if (split && first.column <= tableLeft + 2) return split;
  const merge = sheet.mergeAt(row, first.column);
  const wide = merge && merge.left === first.column && merge.right - merge.left + 1 >= Math.min(3, tableWidth);
  if (wide && /\p{L}{2}/u.test(first.text)) return split ?? { label: "", title: first.text };
  return undefined;
}

const TOTAL = /^(?:tong cong|tong so(?: doan)?|tong|cong)(?: (?:[ivx]+|[a-d]|muc [ivx]+))?$/;

/** A total row ("Tổng cộng", "Cộng"): its label sits in one of the first cells. */
function isTotalRow(cells: { text: string }[]): boolean {
  return cells.slice(0, 3).some((cell) => {
    // Cheap test first: every total label starts with T (Tổng) or C (Cộng).
    if (cell.text.length > 60 || !/^[\s(]*[tc]/i.test(cell.text)) return false;
    const folded = fold(cell.text);
    return TOTAL.test(folded) || folded.startsWith("tong cong ") || /^cong \d+ doan/.test(folded);
  });
}

const SIGNATURE_PREFIXES = [
  "nguoi lap bieu",
  "nguoi lap",
  "thu truong don vi",
  "thu truong co quan",
  "lanh dao don vi",
  "noi nhan",
  "xac nhan cua",
  "ky ghi ro ho ten",
  "ky ten dong dau",
  "ky va ghi ro",
  "ky ho ten",
  "kt giam doc",
  "kt chu tich",
  "kt hieu truong",
  "kt truong",
  "kt ",
  "tm ",
  "tl ",
  "q giam doc",
];
const SIGNATURE_TITLES = new Set([
  "giam doc",
  "pho giam doc",
  "chu tich",
  "pho chu tich",
  "hieu truong",
  "pho hieu truong",
  "thu truong",
  "truong phong",
  "chanh van phong",
  "ke toan truong",
  "truong ban",
  "bi thu",
]);
/** "Hải Phòng, ngày … tháng … năm 2024". */
function isPlaceDateLine(text: string): boolean {
  // The place may be left as dots to fill ("……, ngày … tháng … năm …").
  return text.includes(",") && /^(?:[a-z ]{2,40} )?ngay\b.*\bthang\b.*\bnam\b/.test(fold(text));
}

/** The signature block under the table: everything from here on is not data. */
function isSignatureRow(cells: { text: string }[]): boolean {
  if (cells.length === 0 || cells.length > 4) return false;
  return cells.some((cell) => {
    const folded = fold(cell.text);
    const prefixed = `${folded} `;
    return SIGNATURE_PREFIXES.some((p) => prefixed.startsWith(p.endsWith(" ") ? p : `${p} `)) || SIGNATURE_TITLES.has(folded) || isPlaceDateLine(cell.text);
  });
}

/** A lone note under or inside the table ("Ghi chú: …", "Lưu ý: …"). */
function isFootnote(cells: { text: string }[]): boolean {
  return cells.length === 1 && /^(ghi chu|luu y|chu thich|chu y)\b/.test(fold(cells[0].text)) && /:/.test(cells[0].text);
}

/**
 * Possibly a header row: enough short texts and (almost) no digits. Data rows carry digits (their number,
 * members, dates), so only these few rows are scored as headers.
 */
function mayBeHeaderRow(cells: { value: CellValue; text: string }[]): boolean {
  if (cells.filter((c) => isExactHeaderText(c.text)).length >= MIN_HEADER_FIELDS) return true;
  if (cells.length < MIN_HEADER_FIELDS || !cells.every((c) => typeof c.value === "string" && c.text.length <= MAX_HEADER_LENGTH)) return false;
  return cells.filter((c) => /\d/.test(c.text)).length <= 1;
}

/** What findDataRows needs to know of a table to classify its rows. */
interface TableShape {
  kind: PlanKind;
  columns: Partial<Record<FieldId, number>>;
  /** Columns of fields other than STT: a row with nothing in them is not a delegation. */
  contentColumns: Set<number>;
  tableLeft: number;
  tableWidth: number;
}

function tableShape(kind: PlanKind, columns: Partial<Record<FieldId, number>>, headerColumns: readonly number[]): TableShape {
  const fieldColumns = Object.entries(columns) as [FieldId, number][];
  const allColumns = [...fieldColumns.map(([, c]) => c), ...headerColumns];
  const tableLeft = Math.min(...allColumns);
  return {
    kind,
    columns,
    contentColumns: new Set(fieldColumns.filter(([field]) => field !== "seq").map(([, column]) => column)),
    tableLeft,
    tableWidth: Math.max(...allColumns) - tableLeft + 1,
  };
}

type RowKind =
  | { kind: "blank" | "signature" | "repeatedHeader" | "newHeader" | "total" | "skipped" | "data" }
  | { kind: "section"; section: Section };

/** How a row under a table's header reads (findDataRows walks these). */
function rowKind(sheet: GridReader, row: number, shape: TableShape): RowKind {
  const cells = sheet.nonEmptyCells(row);
  if (cells.length === 0) return { kind: "blank" };
  if (isSignatureRow(cells)) return { kind: "signature" };
  if (mayBeHeaderRow(cells)) {
    const headerCellsHere = headerCellsOfRow(sheet, row);
    const repeated = bestMapping(headerCellsHere);
    // At least half the row must name fields: a row of free text that happens to hit four is data.
    if (repeated && 2 * repeated.fieldCount >= headerCellsHere.length) {
      // The same header repeated (a second printed page), or another table's header.
      return { kind: repeated.kind === shape.kind && sameColumns(repeated.mapping.columns, shape.columns) ? "repeatedHeader" : "newHeader" };
    }
  }
  if (isTotalRow(cells)) return { kind: "total" };
  if (isColumnNumberCells(cells) || isFootnote(cells)) return { kind: "skipped" };
  const section = sectionOf(sheet, row, cells, shape.tableLeft, shape.tableWidth);
  if (section) return { kind: "section", section };
  if (!cells.some((cell) => shape.contentColumns.has(cell.column))) return { kind: "skipped" };
  return { kind: "data" };
}

function findDataRows(sheet: GridReader, firstDataRow: number, chosen: KindMapping, headerCells: HeaderCell[]): { rows: RecognizedTemplate["dataRows"]; nextHeaderRow?: number; closingRow?: number } {
  const shape = tableShape(chosen.kind, chosen.mapping.columns, headerCells.map((cell) => cell.column));
  const rows: RecognizedTemplate["dataRows"] = [];
  let section: Section | undefined;
  // A total row after the last delegation closes the table (a section's subtotal is followed by more rows).
  let totalAfterData: number | undefined;
  for (let row = firstDataRow; row <= sheet.lastRow; row++) {
    const read = rowKind(sheet, row, shape);
    switch (read.kind) {
      case "signature":
        return { rows, closingRow: totalAfterData ?? row };
      case "newHeader":
        return totalAfterData === undefined ? { rows, nextHeaderRow: row } : { rows, nextHeaderRow: row, closingRow: totalAfterData };
      case "total":
        totalAfterData ??= row;
        break;
      case "section":
        section = read.section;
        break;
      case "data":
        rows.push(section ? { row, section } : { row });
        totalAfterData = undefined;
        break;
      default:
        break;
    }
  }
  return totalAfterData === undefined ? { rows } : { rows, closingRow: totalAfterData };
}

function sameColumns(a: Partial<Record<FieldId, number>>, b: Partial<Record<FieldId, number>>): boolean {
  const keys = Object.keys(b) as FieldId[];
  return keys.every((k) => a[k] === b[k]);
}

/**
 * Whether an edit of these rows leaves the sheet's recognition (`tables`, read before the edit) as it was,
 * judged from the rows alone without reading the sheet again: each row was a data row of a table and still
 * reads as one (not a header, total, section, signature, note or blank row), and lies away from what a row
 * can change elsewhere — the header and the rows just under it, the rows where the first header is looked
 * for, and the last rows of a table that another table follows (its title block). False means "maybe not":
 * recognise the sheet again.
 */
export function editKeepsRecognition(grid: SheetGrid, tables: readonly SheetRecognition[], rows: Iterable<number>): boolean {
  const recognized = tables.filter((table): table is RecognizedTemplate => table.template);
  if (recognized.length === 0 || recognized.length !== tables.length) return false;
  const sheet = new GridReader(grid);
  const headerScanEnd = sheet.firstRow + HEADER_SCAN_ROWS - 1;
  const shapes = new Map<RecognizedTemplate, TableShape>();
  for (const row of rows) {
    const index = recognized.findIndex((table) => hasDataRow(table, row));
    if (index < 0) return false;
    const table = recognized[index];
    const last = table.dataRows[table.dataRows.length - 1].row;
    if (row <= table.headerRow + 2 || (index < recognized.length - 1 && row >= last)) return false;
    if (row <= headerScanEnd && bestMapping(headerCellsOfRow(sheet, row))) return false;
    let shape = shapes.get(table);
    if (!shape) shapes.set(table, (shape = tableShape(table.kind, table.columns, table.extraColumns.map((extra) => extra.column))));
    if (rowKind(sheet, row, shape).kind !== "data") return false;
  }
  return true;
}

/** Whether the row is among the table's data rows (kept in row order). */
function hasDataRow(table: RecognizedTemplate, row: number): boolean {
  const rows = table.dataRows;
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (rows[middle].row === row) return true;
    if (rows[middle].row < row) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

// ---------------------------------------------------------------- title rows

const UNIT_LABELS = new Set(["don vi", "ten don vi", "co quan", "ten co quan", "don vi bao cao", "co quan don vi", "don vi de xuat", "co quan bao cao", "don vi lap"]);

/** "Đơn vị: Sở Giáo dục và Đào tạo" (or the label in one cell and the name in the next). */
function findUnitName(sheet: GridReader, fromRow: number, firstHeaderRow: number): string | undefined {
  for (let row = fromRow; row < firstHeaderRow; row++) {
    const cells = sheet.nonEmptyCells(row).filter((c) => typeof c.value === "string");
    for (let i = 0; i < cells.length; i++) {
      const colon = cells[i].text.indexOf(":");
      if (colon < 0) continue;
      if (!UNIT_LABELS.has(fold(cells[i].text.slice(0, colon)))) continue;
      const name = tidy(cells[i].text.slice(colon + 1));
      if (name && !/^[.…_\s]+$/.test(name)) return name;
      const next = cells[i + 1]?.text;
      if (next && !/^[.…_\s]+$/.test(next)) return next;
    }
  }
  return undefined;
}

/** The plan year from the title ("KẾ HOẠCH ĐOÀN RA NĂM 2025"); other rows only when no title has one. */
function findTitleYear(sheet: GridReader, fromRow: number, firstHeaderRow: number): { year: number; cell: CellRef } | undefined {
  let fallback: { year: number; cell: CellRef } | undefined;
  for (let row = fromRow; row < firstHeaderRow; row++) {
    for (const cell of sheet.nonEmptyCells(row)) {
      if (typeof cell.value !== "string") continue;
      const folded = fold(cell.text);
      // "(Kèm theo Công văn số … năm 2024)" and "Hải Phòng, ngày … năm 2024" date the letter, not the plan.
      if (folded.startsWith("kem theo") || isPlaceDateLine(cell.text)) continue;
      const year = /\bnam (20\d\d)\b/.exec(folded) ?? (folded.includes("ke hoach") ? /\b(20\d\d)\b/.exec(folded) : null);
      if (!year) continue;
      const found = { year: Number(year[1]), cell: { row, column: cell.column } };
      if (folded.includes("ke hoach")) return found;
      fallback ??= found;
    }
  }
  return fallback;
}
