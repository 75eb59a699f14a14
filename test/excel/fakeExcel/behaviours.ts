/**
 * Real Excel's documented behaviours, in the fake. Each section cites where the behaviour is written
 * down; where the source leaves room, the fake takes the harsher reading (the code must cope with both).
 * The object model (objectModel.ts) and the context (context.ts) call these checks; tests switch the
 * situations on through the environment (platform, another workbook focused) and the model (protected
 * sheets, unreadable rules). User actions (insert rows, sort, undo) are in userActions.ts.
 */
import type { CellArea } from "../../../src/workbook/types";
import { FakeOfficeError } from "./context";
import type { ConditionalFormatData, FakeSheet, FakeWorkbook } from "./model";

export type Platform = "Windows" | "Mac" | "Web";

// ── Undo groups ────────────────────────────────────────────────────────────────────────────────────
// Source: Microsoft Learn, "Undo capabilities in Excel add-ins"
// (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities): "If an API
// within the group doesn't offer undo support, the UndoNotSupported error is thrown". Its table lists
// Worksheet.delete as unsupported on every platform and Worksheet.name / position / visibility as
// unsupported on Windows and Mac. The fake throws at the sync that runs such a write inside a run
// opened with { mergeUndoGroup: true }.
const NO_UNDO_EVERYWHERE = new Set(["Worksheet.delete"]);
const NO_UNDO_ON_DESKTOP = new Set(["Worksheet.name", "Worksheet.position", "Worksheet.visibility"]);

export function checkUndoGroup(label: string, platform: Platform, inUndoGroup: boolean): void {
  if (!inUndoGroup) return;
  if (NO_UNDO_EVERYWHERE.has(label) || (platform !== "Web" && NO_UNDO_ON_DESKTOP.has(label))) {
    throw new FakeOfficeError("UndoNotSupported", `${label} cannot be part of an undo group on Excel for ${platform}.`);
  }
}

// ── Another workbook has the focus ─────────────────────────────────────────────────────────────────
// Source: OfficeDev/office-js#771 "GeneralException when two workbooks are opened" (worksheets.add,
// worksheet.load, worksheet.delete failed while another workbook was active; fixed only in later
// builds), #5319 (getActiveCell throws when the workbook is not focused) and #6365 (InvalidSelection
// while the user views a different workbook). Harsher reading: on Windows and Mac, selecting,
// activating, adding or deleting sheets and freezing panes all fail while the focus is elsewhere.
const NEED_FOCUS = new Set(["Range.select", "Worksheet.activate", "WorksheetCollection.add", "Worksheet.delete", "FreezePanes.freezeRows"]);

export function checkFocus(label: string, platform: Platform, otherWorkbookFocused: boolean): void {
  if (otherWorkbookFocused && platform !== "Web" && NEED_FOCUS.has(label)) {
    throw new FakeOfficeError("GeneralException", "There was an internal error while processing the request.");
  }
}

// ── Protected sheets and workbook structure ────────────────────────────────────────────────────────
// Source: the Excel API reference (@types/office-js, e.g. Range.getMergedAreas… and the AllowEditRange
// members): "If worksheet protection is enabled and not paused, this method throws an AccessDenied
// error". The fake: any write to the cells, formats, notes, validation or conditional formats of a
// protected sheet fails with AccessDenied; with the workbook's structure protected, adding, deleting,
// renaming, moving or hiding sheets does.
const STRUCTURE_WRITES = new Set(["WorksheetCollection.add", "Worksheet.copy", "Worksheet.delete", "Worksheet.name", "Worksheet.position", "Worksheet.visibility"]);

export function checkProtection(label: string, book: FakeWorkbook, sheet: FakeSheet | undefined): void {
  if (STRUCTURE_WRITES.has(label)) {
    if (book.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
    return;
  }
  if (sheet?.protected) throw new FakeOfficeError("AccessDenied", `The sheet ${sheet.name} is protected.`);
}

// ── Merged areas ───────────────────────────────────────────────────────────────────────────────────
// Source: Range.getMergedAreasOrNullObject in @types/office-js (ExcelApi 1.13): "if the merged areas
// count in this range is more than 512, then this method will fail to return the result." Harsher
// reading: it throws at the sync, and everything loaded in that sync is lost with it.
export const MAX_MERGED_AREAS = 512;

export function checkMergedAreas(count: number): void {
  if (count > MAX_MERGED_AREAS) throw new FakeOfficeError("GeneralException", `The range has ${count} merged areas; Excel returns at most ${MAX_MERGED_AREAS}.`);
}

// ── Large ranges ───────────────────────────────────────────────────────────────────────────────────
// Source: OfficeDev/office-js-docs-pr#5821 (docs/excel/performance.md): "When a get operation using
// Range.values exceeds the five-million-cell limit, the API doesn't always throw an error. In some
// cases, Range.values returns null instead." (also office-js#4783, #6781). The fake's default is null.
export type OversizeRead = "null" | "throw";

// ── Conditional formats ────────────────────────────────────────────────────────────────────────────
// Source: ConditionalFormat.id in @types/office-js: "The priority of the conditional format in the
// current ConditionalFormatCollection." So an id is an index that shifts whenever a format is added
// (added at the top) or removed; the fake resolves getItem(id), and items loaded from the collection,
// by that index when the command runs.
export function formatAt(sheet: FakeSheet, id: string): ConditionalFormatData {
  const format = /^\d+$/.test(id) ? sheet.conditionalFormats[Number(id)] : undefined;
  if (!format) throw new FakeOfficeError("ItemNotFound", `There is no conditional format with id ${id}.`);
  return format;
}

// Source: office-js#2180 (loading items/custom/rule/formula fails when other types are present:
// "This operation is not permitted for the current object"), #6827 (reading rule/format of two
// cellValue rules on one range throws) and #6835 (a user's duplicated rule cannot be read). Harsher
// reading: of a rule marked `unreadable`, only `type` and `id` load; anything else fails the sync.
const ALWAYS_READABLE = new Set(["type", "id", "priority"]);

export function checkFormatRead(format: ConditionalFormatData, property: string): void {
  if (format.unreadable && !ALWAYS_READABLE.has(property)) {
    throw new FakeOfficeError("GeneralException", "This operation is not permitted for the current object.");
  }
}

// Source: office-js#5222 "Error while manipulating Conditional Formatting": deleting a format on a cell
// that has two rules throws "RichApi.Error: Item Not Found." The report does not say it always does:
// the fake refuses the first such delete of each run (a format sharing a cell with another format) and
// lets the run's later attempts (after the formats were found again) through.
export function checkFormatDelete(sheet: FakeSheet, format: ConditionalFormatData, run: { formatDeleteRefused?: boolean }): void {
  if (run.formatDeleteRefused) return;
  const shares = sheet.conditionalFormats.some((other) => other !== format && other.areas.some((a) => format.areas.some((b) => overlaps(a, b))));
  if (shares) {
    run.formatDeleteRefused = true;
    throw new FakeOfficeError("ItemNotFound", "Item Not Found.");
  }
}

function overlaps(a: CellArea, b: CellArea): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

// ── Replacing a sheet by delete + add ──────────────────────────────────────────────────────────────
// Source: Excel's own formula behaviour (Microsoft Support, "How to correct a #REF! error": deleting a
// sheet that formulas refer to turns those references into #REF!); Worksheet.delete in the API reference
// deletes the sheet the same way. The fake rewrites every formula and list-validation source on the
// other sheets that names the deleted sheet.
export function breakReferencesTo(book: FakeWorkbook, deleted: FakeSheet): void {
  const escaped = deleted.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "''");
  const reference = new RegExp(`(?:'${escaped}'|${escaped})!\\$?[A-Z]{1,3}\\$?\\d+(?::\\$?[A-Z]{1,3}\\$?\\d+)?`, "gi");
  for (const sheet of book.sheets) {
    if (sheet === deleted) continue;
    for (const cell of sheet.cells.values()) if (cell.formula) cell.formula = cell.formula.replace(reference, "#REF!");
    for (const validation of sheet.validations.values()) {
      const rule = validation.rule as { list?: { source?: string } } | undefined;
      if (typeof rule?.list?.source === "string") rule.list.source = rule.list.source.replace(reference, "#REF!");
    }
  }
}

// ── Copying a worksheet ────────────────────────────────────────────────────────────────────────────
// Source: Worksheet.copy in @types/office-js (ExcelApi 1.7): "Copies a worksheet and places it at the
// specified position … The default value is "None", which inserts the worksheet at the beginning of the
// worksheet [collection]"; relativeTo "is only needed if positionType is Before or After". The reference
// does not say what the copy is named nor what it carries: the fake copies everything it models (cells,
// formats, merges, notes, validation, conditional formats, charts, layout) and names it as Excel's "Move
// or Copy" does ("Tổng hợp (2)", cut to Excel's 31 characters); code must use the returned sheet, never
// guess the name. Like adding a sheet, it is refused while the workbook's structure is protected.
export const MAX_SHEET_NAME = 31;

export function copyName(book: FakeWorkbook, name: string): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!book.sheets.some((sheet) => sheet.name.toLowerCase() === candidate.toLowerCase())) return candidate;
  }
}

// ── Range.copyFrom ─────────────────────────────────────────────────────────────────────────────────
// Source: Range.copyFrom in @types/office-js (ExcelApi 1.9): "Copies cell data or formatting from the
// source range or RangeAreas to the current range. The destination range can be a different size …
// expanded automatically if it's smaller … Like the copy functionality in the Excel UI, if the
// destination range is an exact multiple greater than the source range … the source content is
// replicated"; copyType "Default is All" (RangeCopyType: All, Formulas, Values, Formats, Link). The
// office-js-snippets sample range-copyfrom.yaml: "Copy a range preserving the formulas". As a paste in
// the Excel UI, "All" brings values, formulas with their relative references moved by the offset
// (absolute ones kept), number formats and cell formats, data validation and conditional formats (clipped
// to the copied cells, their relative references moved too); an empty source cell empties the
// destination cell. Harsher readings where the reference is silent: notes are NOT copied (it names only
// "cell data or formatting"; the code moves notes itself), the source may be on another sheet but must
// still exist when the request runs (a deleted sheet: ItemNotFound), and the fake models only "All",
// without skipBlanks or transpose, into a destination of the source's shape or a single cell (anything
// else fails the test loudly rather than guess at replication).
const REFERENCE = /(?<![A-Za-z0-9_.$!'\]])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g;

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function columnLetters(column: number): string {
  let text = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

/** A formula as a paste writes it `rows` down and `columns` right: relative references move, $-parts stay, text literals untouched. */
export function pastedFormula(formula: string, rows: number, columns: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(REFERENCE, (_whole, colAbs: string, letters: string, rowAbs: string, digits: string) => {
            const column = colAbs ? columnNumber(letters) : columnNumber(letters) + columns;
            const row = rowAbs ? Number(digits) : Number(digits) + rows;
            return column < 1 || row < 1 ? "#REF!" : `${colAbs}${columnLetters(column)}${rowAbs}${row}`;
          }),
    )
    .join("");
}

// ── Column widths ──────────────────────────────────────────────────────────────────────────────────
// Source: RangeFormat.columnWidth in @types/office-js (ExcelApi 1.2): "Specifies the width of all columns
// within the range. If the column widths are not uniform, null will be returned." A column never given a
// width has the sheet's standard width (Worksheet.standardWidth, ExcelApi 1.7); Microsoft Support, "Change
// the column width or row height in Excel": the default is 8.43 characters, which is 64 pixels, 48 points.
// Range.clear does not touch widths (its reference names contents, formats, hyperlinks only).
export const STANDARD_COLUMN_WIDTH_POINTS = 48;

export function columnWidthOf(sheet: FakeSheet, area: CellArea): number | null {
  const widths = new Set<number>();
  for (let column = area.left; column <= area.right; column++) widths.add(sheet.columnWidths.get(column) ?? STANDARD_COLUMN_WIDTH_POINTS);
  return widths.size === 1 ? [...widths][0] : null;
}

// ── Notes' authors ─────────────────────────────────────────────────────────────────────────────────
// Source: Note.authorName in @types/office-js (ExcelApi 1.18): "Gets the author of the note", read-only;
// NoteCollection.add(cellAddress, content) takes no author (Learn, "Excel.NoteCollection class",
// https://learn.microsoft.com/javascript/api/excel/excel.notecollection: "add(cellAddress, content) Adds a
// new note with the given content on the given cell"; Comment.authorName is read-only too). A note the add-in adds bears the name of the
// person running it: the fake names that person NOTE_ADDER.
export const NOTE_ADDER = "Phần bổ trợ";
// ── Special cells ──────────────────────────────────────────────────────────────────────────────────
// Source: Range.getSpecialCells / getSpecialCellsOrNullObject in @types/office-js (ExcelApi 1.9) and
// office-js-docs-pr docs/excel/excel-add-ins-ranges-special-cells.md: "If no cells with the targeted
// characteristic exist in the range, getSpecialCells throws an ItemNotFound error"; the OrNullObject
// variant gives `isNullObject` instead. RangeAreas (excel.rangeareas, ExcelApi 1.9): `address` "will contain
// the worksheet name for each rectangular block of cells (e.g., "Sheet1!A1:B4, Sheet1!D1:D4")", `areaCount`
// "the number of rectangular ranges". The references do not say how matching cells are cut into
// rectangles: the fake's harsher reading is one area per run of adjacent cells in a row (rows never
// joined), so the address is as long as it can be; it travels in the response and counts against the
// 5 MB payload like any loaded value. "Constants" are cells with a value and no formula, "Formulas" cells
// with a formula; value-type filters (the second argument) are not modelled and fail the test loudly.
// office-js#4245 reports getSpecialCellsOrNullObject over a whole sheet as very slow: code calls it on a
// used range only (the fake does not time it).
export function specialCellAreas(sheet: FakeSheet, within: CellArea, cellType: string, valueType: string | undefined): CellArea[] {
  if (cellType !== "Constants" && cellType !== "Formulas") throw new Error(`fake: special cells of type ${cellType} are not modelled`);
  if (valueType !== undefined && valueType !== "All") throw new Error(`fake: special cells of value type ${valueType} are not modelled`);
  const cells: [number, number][] = [];
  for (const [key, cell] of sheet.cells) {
    const matches = cellType === "Formulas" ? cell.formula !== undefined : cell.formula === undefined && cell.value !== undefined;
    if (!matches) continue;
    const [row, column] = key.split(",").map(Number);
    if (row >= within.top && row <= within.bottom && column >= within.left && column <= within.right) cells.push([row, column]);
  }
  cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const areas: CellArea[] = [];
  for (const [row, column] of cells) {
    const last = areas[areas.length - 1];
    if (last && last.top === row && last.right === column - 1) last.right = column;
    else areas.push({ top: row, left: column, bottom: row, right: column });
  }
  return areas;
}
