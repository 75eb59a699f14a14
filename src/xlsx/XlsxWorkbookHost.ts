/**
 * WorkbookHost over an in-memory exceljs Workbook: the browser playground's "Excel", usable in Node too.
 *
 * Marks are saved-and-restored fills and notes: before a cell is coloured, its own fill and note are
 * remembered; clearing puts them back exactly. What was remembered is kept in a VeryHidden sheet
 * (MARKS_SHEET) so that a downloaded workbook, opened again, can still be cleared. Dropdowns take their
 * items from ranges of the VeryHidden lists sheet (LISTS_SHEET, the same name the Excel host uses) and
 * are set on the target cells only.
 *
 * exceljs shares one style object between every cell loaded with the same style: a cell's style is
 * always replaced by a copy before its fill changes, so that no other cell changes with it.
 */
import type { Cell, Fill, Workbook, Worksheet } from "exceljs";
import { a1Address, columnLetter } from "../domain/cells";
import { cutToCellLimit } from "../domain/merge/consolidate";
import {
  isCellError,
  LISTS_SHEET,
  type CellArea,
  type CellEdit,
  type CellMark,
  type CellValue,
  type MarkChanges,
  type DropdownTarget,
  type HostCapabilities,
  type Severity,
  type SheetGrid,
  type StandardList,
  type TableWrite,
  type WorkbookHost,
} from "../workbook/types";
import { loadEditableXlsx } from "./editableWorkbook";
import { toCellValue, toGrid } from "./readWorkbook";
import { replaceSheet, writeTableInto } from "./writeWorkbook";

/** The hidden sheet of standard lists (one name for every host). */
export { LISTS_SHEET };
/** The hidden sheet remembering what the marks replaced. */
export const MARKS_SHEET = "_DanhDau";
/** Sheets the add-in owns: never handed to the checker, never shown as the user's. */
export const OWN_SHEETS: ReadonlySet<string> = new Set([LISTS_SHEET, MARKS_SHEET]);

/** Fill colours of the marks (ARGB), as in Excel's "light red / yellow / blue" cell styles. */
export const MARK_FILLS: Record<Severity, string> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" };

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const STATE_VERSION = "dplan-marks/1";
/** Characters per state cell: Excel holds at most 32,767 in a cell. */
const STATE_CHUNK = 30_000;

/** What one marked cell looked like before the mark, and the mark itself. */
interface MarkRecord {
  sheet: string;
  row: number;
  column: number;
  severity: Severity;
  message: string;
  /** The cell's own fill (null: it had none). */
  fill: Fill | null;
  /** The cell's own note, as exceljs holds it (null: it had none). */
  note: NoteValue | null;
}

/** exceljs notes: plain text, or rich text with its box settings. */
type NoteValue = string | { texts: { text: string }[]; [setting: string]: unknown };

export type HostChange = "marks" | "values" | "sheets" | "dropdowns";

/** A value the user typed into a cell. */
export interface TypedCell {
  row: number;
  column: number;
  value: CellValue;
}
export interface CellRef {
  sheet: string;
  row: number;
  column: number;
}

export class XlsxHostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxHostError";
  }
}

export class XlsxWorkbookHost implements WorkbookHost {
  readonly capabilities: HostCapabilities = { notes: true, undoGroup: false, charts: false };
  private marks = new Map<string, MarkRecord>();
  private selected: CellRef | undefined;
  private readonly changeListeners = new Set<(change: HostChange, sheet?: string) => void>();
  private readonly selectListeners = new Set<(cell: CellRef) => void>();
  private readonly editListeners = new Set<(sheet: string, cells: TypedCell[]) => void>();
  private listCache = new Map<string, string[]>();
  private rangeValidations = new Map<string, [CellArea, ListValidation][]>();

  private constructor(
    readonly workbook: Workbook,
    private fileName: string,
    /** Sheets the reader found broken (emptied here): a check reports them as not read, never as empty. */
    private readonly unreadableSheets: ReadonlyMap<string, string> = new Map(),
    /** What was left out on opening (broken charts, drawings, sheets), in Vietnamese. */
    readonly openWarnings: readonly string[] = [],
  ) {
    this.marks = readMarkState(workbook);
  }

  /**
   * Opens .xlsx bytes after the package reader's guards (editableWorkbook.ts); rejects with its
   * WorkbookReadError (Vietnamese message) when they are not a workbook.
   */
  static async open(data: ArrayBuffer | Uint8Array, fileName: string): Promise<XlsxWorkbookHost> {
    const { workbook, unreadable, warnings } = await loadEditableXlsx(data, fileName);
    return new XlsxWorkbookHost(workbook, fileName, unreadable, warnings);
  }

  /** A host over a workbook already in memory (its marks state sheet, if any, is read). */
  static fromWorkbook(workbook: Workbook, fileName: string): XlsxWorkbookHost {
    return new XlsxWorkbookHost(workbook, fileName);
  }

  /** A new workbook with one empty sheet, named as Vietnamese Excel names a new sheet. */
  static async create(fileName: string, firstSheet = "Trang tính1"): Promise<XlsxWorkbookHost> {
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet(firstSheet);
    return new XlsxWorkbookHost(workbook, fileName);
  }

  /** The file name the workbook was opened or created with. */
  get name(): string {
    return this.fileName;
  }

  // ------------------------------------------------------------ WorkbookHost

  async workbookName(): Promise<string> {
    return this.fileName;
  }

  async readSheets(): Promise<SheetGrid[]> {
    return this.userSheets().map((sheet) => {
      const unreadable = this.unreadableSheets.get(sheet.name);
      return unreadable === undefined ? toGrid(sheet) : { ...toGrid(sheet), values: [], merges: [], unreadable };
    });
  }

  async applyMarks(marks: CellMark[]): Promise<void> {
    this.restoreMarkedCells();
    const byCell = new Map<string, CellMark>();
    for (const mark of marks) {
      const key = cellKey(mark.sheet, mark.row, mark.column);
      const existing = byCell.get(key);
      if (!existing) {
        byCell.set(key, { ...mark });
        continue;
      }
      if (SEVERITY_RANK[mark.severity] < SEVERITY_RANK[existing.severity]) existing.severity = mark.severity;
      if (!existing.message.split("\n").includes(mark.message)) existing.message += `\n${mark.message}`;
    }
    const next = new Map<string, MarkRecord>();
    for (const [key, mark] of byCell) {
      const sheet = this.userSheet(mark.sheet);
      if (!sheet || !validCell(mark.row, mark.column)) continue;
      const cell = cellOf(sheet, mark.row, mark.column);
      const record: MarkRecord = { ...mark, fill: copyOrNull(cell.style?.fill), note: copyOrNull(noteOf(cell)) };
      setFill(cell, { type: "pattern", pattern: "solid", fgColor: { argb: MARK_FILLS[mark.severity] } });
      setNote(cell, withMessage(record.note, mark.message));
      next.set(key, record);
    }
    this.marks = next;
    writeMarkState(this.workbook, next);
    this.emit("marks");
  }

  /** A live check's changes: only these cells' marks are put or taken away (their own fill and note come back). */
  async updateMarks(changes: MarkChanges): Promise<void> {
    const restore = (key: string) => {
      const record = this.marks.get(key);
      const sheet = record && this.workbook.getWorksheet(record.sheet);
      if (!record || !sheet) return;
      const cell = cellOf(sheet, record.row, record.column);
      setFill(cell, record.fill ?? undefined);
      setNote(cell, record.note ?? undefined);
      this.marks.delete(key);
    };
    for (const cell of changes.clear) restore(cellKey(cell.sheet, cell.row, cell.column));
    for (const mark of changes.set) {
      const key = cellKey(mark.sheet, mark.row, mark.column);
      restore(key);
      const sheet = this.userSheet(mark.sheet);
      if (!sheet || !validCell(mark.row, mark.column)) continue;
      const cell = cellOf(sheet, mark.row, mark.column);
      const record: MarkRecord = { ...mark, fill: copyOrNull(cell.style?.fill), note: copyOrNull(noteOf(cell)) };
      setFill(cell, { type: "pattern", pattern: "solid", fgColor: { argb: MARK_FILLS[mark.severity] } });
      setNote(cell, withMessage(record.note, mark.message));
      this.marks.set(key, record);
    }
    writeMarkState(this.workbook, this.marks);
    this.emit("marks");
  }

  async clearMarks(): Promise<void> {
    this.restoreMarkedCells();
    writeMarkState(this.workbook, this.marks);
    this.emit("marks");
  }

  async selectCell(sheet: string, row: number, column: number): Promise<void> {
    if (!this.userSheet(sheet)) throw new XlsxHostError(`Không tìm thấy trang tính “${sheet}” trong sổ làm việc.`);
    if (!validCell(row, column)) throw new XlsxHostError(`Ô không hợp lệ: dòng ${row}, cột ${column}.`);
    this.selected = { sheet, row, column };
    for (const listener of this.selectListeners) listener({ sheet, row, column });
  }

  async setDropdowns(lists: StandardList[], targets: DropdownTarget[]): Promise<void> {
    const columnOf = new Map(lists.map((list, index) => [list.id, index + 1]));
    const unknown = targets.find((target) => !columnOf.has(target.list));
    if (unknown) throw new XlsxHostError(`Không có danh sách chuẩn “${unknown.list}” để gắn vào cột ${columnLetter(unknown.column)} của “${unknown.sheet}”.`);

    const listsSheet = replaceSheet(this.workbook, LISTS_SHEET);
    listsSheet.state = "veryHidden";
    lists.forEach((list, index) => {
      listsSheet.getCell(1, index + 1).value = list.title;
      // A string cell is never a formula, whatever it starts with.
      list.items.forEach((item, i) => (listsSheet.getCell(i + 2, index + 1).value = item));
    });

    for (const target of targets) {
      const sheet = this.userSheet(target.sheet);
      if (!sheet || target.lastRow < target.firstRow || !validCell(target.firstRow, target.column)) continue;
      const column = columnOf.get(target.list) as number;
      const letter = columnLetter(column);
      const count = lists[column - 1].items.length;
      const validation = {
        type: "list",
        allowBlank: true,
        formulae: [`'${LISTS_SHEET}'!$${letter}$2:$${letter}$${Math.max(2, count + 1)}`],
        // "Information": a value outside the list (several countries in one cell) can still be kept.
        showErrorMessage: true,
        errorStyle: "information",
        errorTitle: "Giá trị ngoài danh sách",
        error: "Giá trị không có trong danh sách chuẩn. Vẫn giữ nếu đúng ý (ví dụ nhiều nước cách nhau bằng dấu phẩy).",
      };
      const model = validationsOf(sheet);
      splitRangeValidations(model);
      // One entry per cell, as exceljs keeps validations it loads; it writes them back as ranges.
      for (let row = target.firstRow; row <= target.lastRow; row++) model[a1Address(row, target.column)] = validation;
    }
    this.emit("dropdowns");
  }

  async editCells(edits: CellEdit[]): Promise<number> {
    let written = 0;
    for (const edit of edits) {
      const sheet = this.userSheet(edit.sheet);
      if (!sheet || !validCell(edit.row, edit.column)) continue;
      const cell = cellOf(sheet, edit.row, edit.column).master;
      if (!sameValue(toCellValue(cell.value), edit.expected)) continue;
      writeCellValue(cell, edit.value);
      written++;
    }
    if (written > 0) this.emit("values");
    return written;
  }

  async writeTable(table: TableWrite): Promise<string[] | void> {
    if (OWN_SHEETS.has(table.sheet)) throw new XlsxHostError(`Tên trang tính “${table.sheet}” dành riêng cho phần bổ trợ.`);
    let notices: string[] | undefined;
    try {
      // A master re-imported: the officer's own cells of the old sheet come along (sheetCarry.ts, loaded
      // with the consolidation's chunk: only a re-import needs it).
      const carrying = table.carry && this.workbook.getWorksheet(table.sheet) ? await import(/* webpackChunkName: "consolidation" */ "./sheetCarry") : undefined;
      // Looked up after the import: what is read, written and carried happens in one go, with no await between.
      const old = carrying ? this.workbook.getWorksheet(table.sheet) : undefined;
      const work = old && table.carry && carrying ? carrying.takeOfficerWork(old, table.carry) : undefined;
      const sheet = writeTableInto(this.workbook, table);
      if (work && table.carry && carrying) notices = [...carrying.putOfficerWork(sheet, work, table.carry), ...carrying.formulasReadingMovedSheet(this.workbook, table.sheet, table.carry)];
    } catch (error) {
      throw new XlsxHostError(`Không tạo được trang tính “${table.sheet}”: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Marks on a sheet that was replaced are gone with it.
    for (const [key, record] of this.marks) if (record.sheet === table.sheet) this.marks.delete(key);
    writeMarkState(this.workbook, this.marks);
    this.emit("sheets", table.sheet);
    return notices;
  }

  // ------------------------------------------------------------ for the playground

  /** Removes a sheet the add-in made (the self-test's temporary sheet); nothing when it is already gone. */
  removeSheet(name: string): void {
    if (OWN_SHEETS.has(name)) throw new XlsxHostError(`Trang tính “${name}” là của phần bổ trợ.`);
    const sheet = this.workbook.getWorksheet(name);
    if (!sheet) return;
    this.workbook.removeWorksheet(sheet.id);
    for (const [key, record] of this.marks) if (record.sheet === name) this.marks.delete(key);
    if (this.selected?.sheet === name) this.selected = undefined;
    this.emit("sheets", name);
  }

  /** The user typed into cells (the playground's grid): written, then reported to onUserEdit listeners. */
  typeCells(sheet: string, cells: TypedCell[]): void {
    const worksheet = this.userSheet(sheet);
    if (!worksheet) return;
    // Reported as a read would see them: at the merge's top-left cell, the value as exceljs holds it.
    const written = cells
      .filter((typed) => validCell(typed.row, typed.column))
      .map((typed) => {
        const cell = cellOf(worksheet, typed.row, typed.column).master;
        writeCellValue(cell, typed.value);
        return { row: Number(cell.row), column: Number(cell.col), value: toCellValue(cell.value) };
      });
    if (written.length === 0) return;
    this.emit("values");
    for (const listener of this.editListeners) listener(sheet, written);
  }

  /** Called after the user's own edits (never the add-in's writes); returns the unsubscribe function. */
  onUserEdit(listener: (sheet: string, cells: TypedCell[]) => void): () => void {
    this.editListeners.add(listener);
    return () => this.editListeners.delete(listener);
  }

  /**
   * Cuts every text longer than an Excel cell holds (32,767 characters), with the merge's visible marker, so
   * the file downloaded opens in Excel without repair; returns the cells cut. The grid cuts what the user
   * types; this catches what came in another way (a file written by another program).
   */
  cutOverlongTexts(): { sheet: string; address: string; length: number }[] {
    const cut: { sheet: string; address: string; length: number }[] = [];
    for (const worksheet of this.workbook.worksheets) {
      worksheet.eachRow({ includeEmpty: false }, (row) => {
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (cell.master !== cell || typeof cell.value !== "string") return;
          const fitted = cutToCellLimit(cell.value);
          if (fitted === cell.value) return;
          cut.push({ sheet: worksheet.name, address: cell.address, length: cell.value.length });
          cell.value = fitted;
        });
      });
    }
    if (cut.length > 0) this.emit("values");
    return cut;
  }

  /** The .xlsx bytes of the workbook as it is now (marks as fills and notes). */
  async toBuffer(): Promise<Uint8Array> {
    const buffer = await this.workbook.xlsx.writeBuffer();
    return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
  }

  /** Sheets the user sees (the add-in's own sheets left out), in workbook order. */
  userSheets(): Worksheet[] {
    return this.workbook.worksheets.filter((sheet) => !OWN_SHEETS.has(sheet.name));
  }

  userSheet(name: string): Worksheet | undefined {
    if (OWN_SHEETS.has(name)) return undefined;
    return this.workbook.getWorksheet(name);
  }

  /** The mark on this cell, if any. */
  markAt(sheet: string, row: number, column: number): { severity: Severity; message: string } | undefined {
    const record = this.marks.get(cellKey(sheet, row, column));
    return record && { severity: record.severity, message: record.message };
  }

  markCount(): number {
    return this.marks.size;
  }

  /** The items of the list validation on this cell, if it has one (a range of the workbook or an inline list). */
  listAt(sheet: string, row: number, column: number): string[] | undefined {
    const worksheet = this.userSheet(sheet);
    if (!worksheet) return undefined;
    const validation = validationsOf(worksheet)[a1Address(row, column)] ?? this.rangeValidationAt(worksheet, row, column);
    if (!validation || validation.type !== "list" || !validation.formulae?.[0]) return undefined;
    const source = String(validation.formulae[0]);
    let items = this.listCache.get(source);
    if (!items) {
      items = resolveListSource(this.workbook, source);
      this.listCache.set(source, items);
    }
    return items;
  }

  /** Validations kept under a range key (exceljs loads them per cell; other code may add ranges), indexed once per change. */
  private rangeValidationAt(worksheet: Worksheet, row: number, column: number): ListValidation | undefined {
    let ranges = this.rangeValidations.get(worksheet.name);
    if (!ranges) {
      ranges = rangeEntries(validationsOf(worksheet));
      this.rangeValidations.set(worksheet.name, ranges);
    }
    return ranges.find(([area]) => row >= area.top && row <= area.bottom && column >= area.left && column <= area.right)?.[1];
  }

  selection(): CellRef | undefined {
    return this.selected;
  }

  /** Called after every change of the workbook (with the sheet a table was written to); returns the unsubscribe function. */
  onChange(listener: (change: HostChange, sheet?: string) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Called when the add-in selects a cell (a finding clicked); returns the unsubscribe function. */
  onSelect(listener: (cell: CellRef) => void): () => void {
    this.selectListeners.add(listener);
    return () => this.selectListeners.delete(listener);
  }

  private emit(change: HostChange, sheet?: string): void {
    this.rangeValidations.clear();
    if (change !== "marks") this.listCache.clear();
    for (const listener of this.changeListeners) listener(change, sheet);
  }

  /** Puts back every remembered fill and note; forgets the marks. */
  private restoreMarkedCells(): void {
    for (const record of this.marks.values()) {
      const sheet = this.workbook.getWorksheet(record.sheet);
      if (!sheet) continue;
      const cell = cellOf(sheet, record.row, record.column);
      setFill(cell, record.fill ?? undefined);
      setNote(cell, record.note ?? undefined);
    }
    this.marks = new Map();
  }
}

// ---------------------------------------------------------------- cells

/** exceljs's cell (a plain object, not an Office.js proxy: nothing to load or sync). */
function cellOf(sheet: Worksheet, row: number, column: number): Cell {
  return sheet.getCell(row, column);
}

function cellKey(sheet: string, row: number, column: number): string {
  return `${sheet}\u0000${row}\u0000${column}`;
}

function validCell(row: number, column: number): boolean {
  return Number.isInteger(row) && Number.isInteger(column) && row >= 1 && row <= 1_048_576 && column >= 1 && column <= 16_384;
}

function copyOrNull<T>(value: T | undefined): T | null {
  return value === undefined || value === null ? null : (structuredClone(value) as T);
}

/** Replaces the cell's fill on a copy of its style (styles are shared between cells). */
function setFill(cell: Cell, fill: Fill | undefined): void {
  const style = { ...cell.style };
  if (fill) style.fill = structuredClone(fill);
  else delete style.fill;
  cell.style = style;
}

/**
 * exceljs has no way to remove a note: it keeps the note in a private field, and a copy in the value's
 * model of a cell loaded from a file (which is what it writes). Both are emptied.
 */
type CellInternals = Cell & { _comment?: unknown; _value?: { model?: { comment?: unknown } } };

function noteOf(cell: Cell): NoteValue | undefined {
  return (cell as CellInternals)._comment ? (cell.note as NoteValue | undefined) : undefined;
}

function setNote(cell: Cell, note: NoteValue | undefined): void {
  if (note !== undefined) {
    cell.note = structuredClone(note) as Cell["note"];
    return;
  }
  const internals = cell as CellInternals;
  internals._comment = undefined;
  if (internals._value?.model) delete internals._value.model.comment;
}

/** The mark's message above what the cell's own note says. */
function withMessage(own: NoteValue | null, message: string): NoteValue {
  if (own === null) return message;
  if (typeof own === "string") return `${message}\n\n${own}`;
  return { ...structuredClone(own), texts: [{ text: `${message}\n\n` }, ...structuredClone(own.texts ?? [])] };
}

function sameValue(current: CellValue, expected: CellValue): boolean {
  if (current instanceof Date || expected instanceof Date) {
    return current instanceof Date && expected instanceof Date && current.getTime() === expected.getTime();
  }
  if (isCellError(current) || isCellError(expected)) return isCellError(current) && isCellError(expected) && current.error === expected.error;
  if (typeof current === "string" && typeof expected === "string") return current.trim() === expected.trim();
  return current === (expected === "" ? null : expected);
}

/** Values only: a string stays a string (never a formula). */
function writeCellValue(cell: Cell, value: CellValue): void {
  if (value === null || value === undefined) cell.value = null;
  else if (isCellError(value)) cell.value = { error: value.error } as Cell["value"];
  else cell.value = value;
}

// ---------------------------------------------------------------- validations

interface ListValidation {
  type: string;
  formulae?: unknown[];
}
type ValidationModel = Record<string, ListValidation | undefined>;

function validationsOf(sheet: Worksheet): ValidationModel {
  return (sheet as unknown as { dataValidations: { model: ValidationModel } }).dataValidations.model;
}

const RANGE = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/;

function columnNumberOf(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function parseArea(text: string): CellArea | undefined {
  const match = RANGE.exec(text.toUpperCase());
  if (!match) return undefined;
  return { top: Number(match[2]), left: columnNumberOf(match[1]), bottom: Number(match[4]), right: columnNumberOf(match[3]) };
}

/** Range-keyed entries ("F11:F20", added by other code) become per-cell entries, so none overlap after an edit. */
function splitRangeValidations(model: ValidationModel): void {
  for (const key of Object.keys(model)) {
    const validation = model[key];
    const area = key.includes(":") ? parseArea(key) : undefined;
    if (!area) continue;
    delete model[key];
    if (!validation) continue;
    for (let row = area.top; row <= area.bottom; row++) {
      for (let column = area.left; column <= area.right; column++) {
        const address = a1Address(row, column);
        if (!model[address]) model[address] = validation;
      }
    }
  }
}

function rangeEntries(model: ValidationModel): [CellArea, ListValidation][] {
  const entries: [CellArea, ListValidation][] = [];
  for (const [key, validation] of Object.entries(model)) {
    if (!validation || !key.includes(":")) continue;
    const area = parseArea(key);
    if (area) entries.push([area, validation]);
  }
  return entries;
}

/** `"a,b,c"` (inline) or `'Sheet'!$A$2:$A$9` / `Sheet!A2:A9` (a range of this workbook). */
function resolveListSource(workbook: Workbook, source: string): string[] {
  const text = source.trim().replace(/^=/, "");
  if (text.startsWith('"')) {
    return text
      .replace(/^"|"$/g, "")
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== "");
  }
  const bang = text.lastIndexOf("!");
  if (bang < 0) return [];
  const sheetName = text.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
  const area = parseArea(text.slice(bang + 1));
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet || !area) return [];
  const items: string[] = [];
  for (let row = area.top; row <= Math.min(area.bottom, area.top + 5_000); row++) {
    for (let column = area.left; column <= area.right; column++) {
      const value = toCellValue(sheet.getCell(row, column).value);
      if (value !== null) items.push(value instanceof Date ? value.toISOString().slice(0, 10) : isCellError(value) ? value.error : String(value));
    }
  }
  return items;
}

// ---------------------------------------------------------------- the marks' state sheet

/**
 * One record per row, as JSON split over as many cells as it needs; A1 holds the format's version.
 * The sheet exists only while there are marks: a cleared workbook carries no trace of the add-in.
 */
function writeMarkState(workbook: Workbook, marks: ReadonlyMap<string, MarkRecord>): void {
  const existing = workbook.getWorksheet(MARKS_SHEET);
  if (marks.size === 0) {
    if (existing) workbook.removeWorksheet(existing.id);
    return;
  }
  const sheet = replaceSheet(workbook, MARKS_SHEET);
  sheet.state = "veryHidden";
  sheet.getCell(1, 1).value = STATE_VERSION;
  let row = 2;
  for (const record of marks.values()) {
    const json = JSON.stringify(record);
    for (let i = 0, column = 1; i < json.length; i += STATE_CHUNK, column++) sheet.getCell(row, column).value = json.slice(i, i + STATE_CHUNK);
    row++;
  }
}

function readMarkState(workbook: Workbook): Map<string, MarkRecord> {
  const marks = new Map<string, MarkRecord>();
  const sheet = workbook.getWorksheet(MARKS_SHEET);
  if (!sheet || sheet.getCell(1, 1).value !== STATE_VERSION) return marks;
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const parts: string[] = [];
    row.eachCell((cell) => {
      if (typeof cell.value === "string") parts.push(cell.value);
    });
    const record = parseRecord(parts.join(""));
    if (record) marks.set(cellKey(record.sheet, record.row, record.column), record);
  });
  return marks;
}

function parseRecord(json: string): MarkRecord | undefined {
  try {
    const value = JSON.parse(json) as Partial<MarkRecord>;
    if (typeof value.sheet !== "string" || !validCell(Number(value.row), Number(value.column))) return undefined;
    if (value.severity !== "error" && value.severity !== "warning" && value.severity !== "info") return undefined;
    return {
      sheet: value.sheet,
      row: Number(value.row),
      column: Number(value.column),
      severity: value.severity,
      message: typeof value.message === "string" ? value.message : "",
      fill: value.fill && typeof value.fill === "object" ? value.fill : null,
      note: typeof value.note === "string" || (value.note && typeof value.note === "object") ? value.note : null,
    };
  } catch {
    return undefined;
  }
}
