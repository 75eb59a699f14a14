/**
 * The officer's own cells inside a master sheet, carried across a re-import (packageEdit.ts writes the
 * sheet afresh). The domain keeps hand rows and added columns by value; this keeps the rest of what the
 * officer made there: formulas, cell styles (fills, fonts, borders, number formats), notes (legacy
 * comments, their VML shapes, threaded comments), data validation and conditional formats.
 *
 * Mechanism: the old sheet's own XML is the source. Each carried cell's <c> element is copied into the
 * fresh sheet at its new address: the value the merge wrote, the old style index (the master's styles.xml
 * keeps every old entry at its index; packageEdit only appends) and the old formula, its references
 * moved the way Excel moves them when rows move (a reference to a row that stays follows it; the title
 * block follows the header; any other row moves with the cell). Notes, validations and conditional
 * formats are cut to the carried cells and re-addressed; their rules' formulas are moved the same way.
 * This is chosen over re-creating them through exceljs, which models none of threaded comments,
 * conditional formats' dxf styles or shared formulas faithfully, and would rewrite what it does not know.
 *
 * Carried: every cell of a hand row (under a column the new sheet has too) and every cell of a column the
 * officer added, on each row that stays (other units' rows, hand rows, the header row). Notes are carried
 * on every row that stays. Not carried: cells of a re-imported unit's rows (replaced), merged areas and
 * hyperlinks of hand rows, validations and formats kept in the sheet's extLst (x14).
 */
import { columnLetter, columnNumber } from "../domain/cells";
import type { Cell as ExcelCell, CellFormulaValue, ConditionalFormattingRule, DataValidation, Style, Workbook, Worksheet } from "exceljs";
import type { CarryPlan } from "../workbook/types";
import { movedReferences, noteLost, refersToSheet } from "../domain/merge/followRows";
import { rowsOrColumnsMoved } from "../domain/merge/carryPlan";
import { OFFICE_RELATIONSHIPS_NAMESPACE } from "./ooxmlNamespaces";
import { attribute, decodeXmlText } from "./xmlScan";

export type SheetCarry = CarryPlan;

/** The old sheet's parts hanging off it that carried notes need (by relationship type). */
export interface OldSheetParts {
  sheetXml: string;
  sheetName: string;
  /** Relationships of the old sheet: id, type, resolved part name, raw element. */
  relations: { id: string; type: string; part: string; element: string }[];
  /** Text of a part of the master package. */
  read(part: string): string | undefined;
}

export interface CarriedSheet {
  sheetXml: string;
  /** Relationships to add to the new sheet's (raw elements, ids already unique). */
  relations: string[];
  /** Parts of the master rewritten (the old sheet's comments, VML drawing, threaded comments). */
  parts: Map<string, string>;
  /** What could not be carried, for the officer (Vietnamese). */
  notices?: string[];
}

const COMMENTS = "/comments";
const VML = "/vmlDrawing";
const THREADED = "/threadedComment";

interface Cell {
  row: number;
  column: number;
}

/** A carry context: where old cells go. */
class Carry {
  /** What the carry could not keep, for the officer (Vietnamese). */
  readonly notices: string[] = [];

  constructor(
    readonly plan: SheetCarry,
    readonly sheetName: string,
  ) {}

  /** Whether the old cell's own element (formula, style) is carried. */
  carries(row: number, column: number): boolean {
    return this.plan.rows.has(row) && this.plan.columns.has(column) && (this.plan.handRows.has(row) || this.plan.addedColumns.has(column) || this.plan.keptRows?.has(row) === true);
  }

  /**
   * Whether the old cell is the officer's own (a hand row's, an added column's): its value is carried too.
   * A carried cell that is not (a kept unit row's) takes the merge's value; only its formats follow it.
   */
  owns(row: number, column: number): boolean {
    return this.plan.handRows.has(row) || this.plan.addedColumns.has(column);
  }

  /** Whether a note on the old cell is carried. */
  carriesNote(row: number, column: number): boolean {
    return this.plan.rows.has(row) && this.plan.columns.has(column);
  }

  target(row: number, column: number): Cell {
    return { row: this.plan.rows.get(row)!, column: this.plan.columns.get(column)! };
  }

  /** A referenced row's new number; `delta` is how far the referring cell moved. */
  row(row: number, delta: number): number {
    const mapped = this.plan.rows.get(row);
    if (mapped !== undefined) return mapped;
    if (row < this.plan.headerRow.old) return row + this.plan.headerRow.new - this.plan.headerRow.old;
    return Math.max(1, row + delta);
  }

  column(column: number): number {
    return this.plan.columns.get(column) ?? column;
  }
}

// ---------------------------------------------------------------- what is said

/**
 * A formula on a kept unit row whose cached result is not what the merge writes there (an STT renumbered,
 * a deadline recomputed): the merge's value is written, the formula is not kept. Every host says it so.
 */
export function formulaGaveWay(sheetName: string, oldAddress: string, formula: string, written: string, cached: string, newAddress: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return `Ô ${oldAddress} của trang “${sheetName}”: công thức =${body} không được giữ vì lần tổng hợp này ghi giá trị mới «${written}» (công thức cho «${cached}»); ô ${newAddress} nay là giá trị.`;
}

// ---------------------------------------------------------------- formulas

/** A cell reference, a column range (E:E) or a row range (3:5), optionally sheet-qualified. */
const REFERENCE =
  /(?<![A-Za-z0-9_.$!'\]\\])((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(?:(\$?)([A-Z]{1,3})(\$?)(\d{1,7})|(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})|(\$?)(\d{1,7}):(\$?)(\d{1,7}))(?![A-Za-z0-9_(!'[])/g;

interface Mapper {
  row(row: number, absolute: boolean): number;
  column(column: number, absolute: boolean): number;
}

/** The formula with each reference to this sheet rewritten; string literals and other sheets untouched. */
function rewriteReferences(formula: string, sheetName: string, mapper: Mapper): string {
  const own = (prefix: string | undefined) => {
    if (prefix === undefined) return true;
    const name = prefix.slice(0, -1);
    return (name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name) === sheetName;
  };
  const rewrite = (part: string) =>
    part.replace(REFERENCE, (whole, prefix: string | undefined, ...groups: (string | undefined)[]) => {
      if (!own(prefix)) return whole;
      const [cAbs, cLetters, rAbs, rDigits, c1Abs, c1, c2Abs, c2, r1Abs, r1, r2Abs, r2] = groups;
      const head = prefix ?? "";
      if (cLetters !== undefined) {
        const column = mapper.column(columnNumber(cLetters)!, cAbs === "$");
        const row = mapper.row(Number(rDigits), rAbs === "$");
        return `${head}${cAbs}${columnLetter(column)}${rAbs}${row}`;
      }
      if (c1 !== undefined) return `${head}${c1Abs}${columnLetter(mapper.column(columnNumber(c1)!, c1Abs === "$"))}:${c2Abs}${columnLetter(mapper.column(columnNumber(c2!)!, c2Abs === "$"))}`;
      return `${head}${r1Abs}${mapper.row(Number(r1), r1Abs === "$")}:${r2Abs}${mapper.row(Number(r2), r2Abs === "$")}`;
    });
  // String literals ("…" with "" inside) are not references.
  return formula.replace(/("(?:[^"]|"")*")|([^"]+)/g, (_whole, literal: string | undefined, code: string | undefined) => literal ?? rewrite(code!));
}

/** A formula written for one cell as it reads from another (relative references shift; absolute stay). */
function shiftRelative(formula: string, sheetName: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return rewriteReferences(formula, sheetName, {
    row: (row, absolute) => (absolute ? row : Math.max(1, row + rows)),
    column: (column, absolute) => (absolute ? column : Math.max(1, column + columns)),
  });
}

/** A formula of a carried cell (or rule anchored at it) as it reads at the cell's new place. */
function moveFormula(formula: string, carry: Carry, from: Cell, to: Cell): string {
  const delta = to.row - from.row;
  return rewriteReferences(formula, carry.sheetName, { row: (row) => carry.row(row, delta), column: (column) => carry.column(column) });
}

function encode(text: string): string {
  return text.replace(/[&<>]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : "&gt;"));
}

// ---------------------------------------------------------------- cells

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

function parseAddress(address: string): Cell | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address);
  return match ? { row: Number(match[2]), column: columnNumber(match[1])! } : undefined;
}

function address(cell: Cell): string {
  return `${columnLetter(cell.column)}${cell.row}`;
}

interface OldCell extends Cell {
  attributes: string;
  inner: string;
}

/** Shared formulas' masters: si → the formula and the cell it is written for. */
function sharedFormulas(sheetXml: string): Map<string, { formula: string; at: Cell }> {
  const shared = new Map<string, { formula: string; at: Cell }>();
  for (const match of sheetXml.matchAll(/<c\b([^>]*?)>(?:(?!<\/c>)[\s\S])*?<f\b([^>]*?\bt="shared"[^>]*)>([^<]+)<\/f>/g)) {
    const at = parseAddress(attribute(match[1], "r") ?? "");
    const si = attribute(match[2], "si");
    if (at && si !== undefined) shared.set(si, { formula: decodeXmlText(match[3]), at });
  }
  return shared;
}

/**
 * The old sheet's values and merged areas the fresh sheet has no place for: in a column the new sheet does
 * not map, or below every row that stays (a stray cell far down or right). Said by cell, never dropped
 * silently; the form's own cells and a re-imported unit's rows are rewritten on purpose and not listed.
 */
function uncarriedWork(oldXml: string, carry: Carry): string[] {
  const lastRow = Math.max(carry.plan.headerRow.old, ...carry.plan.rows.keys());
  const outside = (cell: Cell) => !carry.plan.columns.has(cell.column) || cell.row > lastRow;
  const lost: string[] = [];
  for (const row of oldXml.matchAll(ROW)) {
    for (const cell of (row[2] ?? "").matchAll(CELL)) {
      const at = parseAddress(attribute(cell[1], "r") ?? "");
      // Most cells are inside the table: only those outside need their text decoded.
      if (!at || !outside(at)) continue;
      const shown = shownValue(cell[2] ?? "");
      if (shown === "") continue;
      // A shared string's <v> is an index into the package's table, not the text: the address says enough.
      lost.push(attribute(cell[1], "t") === "s" ? `ô ${address(at)}` : `ô ${address(at)} («${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}»)`);
    }
  }
  for (const merge of oldXml.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
    const from = parseAddress(merge[1]);
    if (from && outside(from)) lost.push(`vùng gộp ô ${merge[1]}:${merge[2]}`);
  }
  if (lost.length === 0) return [];
  return [`Trang “${carry.sheetName}”: trang tổng hợp mới không giữ được ${lost.join(", ")} nằm ngoài bảng (ngoài các cột, hoặc dưới phần chữ ký). Nếu cần, hãy chép lại từ bản cũ.`];
}

/** The text a cell element shows: its <v> or its inline string's <t> runs. */
function shownValue(inner: string): string {
  const value = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (value !== undefined) return decodeXmlText(value);
  return [...inner.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((match) => decodeXmlText(match[1])).join("");
}

/** The carried cell as written at its new place: the merge's value, the old style and formula. */
function carriedCell(old: OldCell, fresh: { attributes: string; inner?: string } | undefined, carry: Carry, shared: Map<string, { formula: string; at: Cell }>): string {
  const to = carry.target(old.row, old.column);
  const style = attribute(old.attributes, "s");
  const formulaMatch = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(old.inner);
  const attributes = ` r="${address(to)}"${style !== undefined ? ` s="${style}"` : ""}`;
  if (formulaMatch) {
    const fAttributes = formulaMatch[1];
    let formula = formulaMatch[2] !== undefined ? decodeXmlText(formulaMatch[2]) : undefined;
    if (attribute(fAttributes, "t") === "shared") {
      const master = shared.get(attribute(fAttributes, "si") ?? "");
      formula = master ? shiftRelative(master.formula, carry.sheetName, old.row - master.at.row, old.column - master.at.column) : formula;
    }
    if (formula === undefined) return fresh ? `<c${attributes}${typeAttribute(fresh.attributes)}>${fresh.inner ?? ""}</c>` : `<c${attributes}/>`;
    // On a row of a unit kept as it was, the merge may rewrite a cell (STT, deadlines): the formula stays
    // only where its cached result is what the merge wrote; else the merge's value, and the officer is told.
    if (!carry.owns(old.row, old.column) && shownValue(fresh?.inner ?? "") !== shownValue(old.inner)) {
      carry.notices.push(formulaGaveWay(carry.sheetName, address(old), formula, shownValue(fresh?.inner ?? ""), shownValue(old.inner), address(to)));
      return fresh?.inner ? `<c${attributes}${typeAttribute(fresh.attributes)}>${fresh.inner}</c>` : `<c${attributes}/>`;
    }
    const moved = moveFormula(formula, carry, old, to);
    let kept = attribute(fAttributes, "t") === "array" ? ` t="array" ref="${address(to)}"` : "";
    if (attribute(fAttributes, "ca") === "1") kept += ' ca="1"';
    const value = /<v>[\s\S]*?<\/v>/.exec(old.inner)?.[0] ?? "";
    return `<c${attributes}${typeAttribute(old.attributes)}><f${kept}>${encode(moved)}</f>${value}</c>`;
  }
  // No formula: the value the merge wrote (it equals the old one, or the merge changed it on purpose),
  // else the old value (a cell the merge left empty keeps what the officer wrote).
  if (fresh && fresh.inner) return `<c${attributes}${typeAttribute(fresh.attributes)}>${fresh.inner}</c>`;
  // A kept unit row's cell the merge emptied (a deadline no longer due) stays empty: only its style is the officer's.
  if (old.inner && carry.owns(old.row, old.column)) return `<c${attributes}${typeAttribute(old.attributes)}>${old.inner}</c>`;
  return `<c${attributes}/>`;
}

function typeAttribute(attributes: string): string {
  const type = attribute(attributes, "t");
  return type !== undefined ? ` t="${type}"` : "";
}

/** Cells by column, joined left to right (a carried cell is mostly put where the fresh one was: no sort needed). */
function inColumnOrder(cells: Map<number, string>): string {
  let previous = 0;
  let ordered = true;
  for (const column of cells.keys()) {
    if (column < previous) ordered = false;
    previous = column;
  }
  const entries = ordered ? cells : new Map([...cells].sort(([a], [b]) => a - b));
  let xml = "";
  for (const cell of entries.values()) xml += cell;
  return xml;
}

/** The new sheet's rows with the carried cells put in (column order kept). */
function carryCells(oldXml: string, newXml: string, carry: Carry): string {
  const shared = sharedFormulas(oldXml);
  const byNewRow = new Map<number, OldCell[]>();
  for (const row of oldXml.matchAll(ROW)) {
    const rowNumber = Number(attribute(row[1], "r"));
    if (!carry.plan.rows.has(rowNumber) || row[2] === undefined) continue;
    for (const cell of row[2].matchAll(CELL)) {
      const at = parseAddress(attribute(cell[1], "r") ?? "");
      if (!at || !carry.carries(at.row, at.column)) continue;
      const target = carry.plan.rows.get(at.row)!;
      const list = byNewRow.get(target);
      const old: OldCell = { row: at.row, column: at.column, attributes: cell[1], inner: cell[2] ?? "" };
      if (list) list.push(old);
      else byNewRow.set(target, [old]);
    }
  }
  if (byNewRow.size === 0) return newXml;
  return newXml.replace(/<sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/sheetData>)/, (_whole, body: string | undefined) => {
    const rows: { row: number; xml: string }[] = [];
    const seen = new Set<number>();
    for (const match of (body ?? "").matchAll(ROW)) {
      const rowNumber = Number(attribute(match[1], "r"));
      seen.add(rowNumber);
      const olds = byNewRow.get(rowNumber);
      if (!olds) {
        rows.push({ row: rowNumber, xml: match[0] });
        continue;
      }
      const cells = new Map<number, string>();
      const fresh = new Map<number, { attributes: string; inner?: string }>();
      for (const cell of (match[2] ?? "").matchAll(CELL)) {
        const at = parseAddress(attribute(cell[1], "r") ?? "");
        if (!at) continue;
        cells.set(at.column, cell[0]);
        fresh.set(at.column, { attributes: cell[1], inner: cell[2] });
      }
      for (const old of olds) {
        const column = carry.plan.columns.get(old.column)!;
        cells.set(column, carriedCell(old, fresh.get(column), carry, shared));
      }
      const attributes = match[1].replace(/\sspans="[^"]*"/, "");
      rows.push({ row: rowNumber, xml: `<row${attributes}>${inColumnOrder(cells)}</row>` });
    }
    for (const [rowNumber, olds] of byNewRow) {
      if (seen.has(rowNumber)) continue;
      const cells = olds.map((old) => [carry.plan.columns.get(old.column)!, carriedCell(old, undefined, carry, shared)] as const).sort(([a], [b]) => a - b);
      rows.push({ row: rowNumber, xml: `<row r="${rowNumber}">${cells.map(([, xml]) => xml).join("")}</row>` });
    }
    rows.sort((a, b) => a.row - b.row);
    return `<sheetData>${rows.map((row) => row.xml).join("")}</sheetData>`;
  });
}

// ---------------------------------------------------------------- ranges (validation, conditional formats)

function rangeCells(sqref: string): { top: number; left: number; bottom: number; right: number }[] {
  return sqref
    .trim()
    .split(/\s+/)
    .flatMap((part) => {
      const [first, second] = part.split(":");
      const a = parseAddress(first);
      const b = second !== undefined ? parseAddress(second) : a;
      if (!a || !b) return [];
      return [{ top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) }];
    });
}

/** A range's carried cells, grouped by how far they move (one rule per group keeps relative formulas right). */
function carriedGroups(sqref: string, carry: Carry): { from: Cell; cells: Cell[]; anchor: Cell }[] {
  const areas = rangeCells(sqref);
  if (areas.length === 0) return [];
  const anchor = { row: areas[0].top, column: areas[0].left };
  const groups = new Map<string, { from: Cell; cells: Cell[]; anchor: Cell }>();
  const rows = [...carry.plan.rows.keys()].sort((a, b) => a - b);
  const columns = [...carry.plan.columns.keys()].sort((a, b) => a - b);
  for (const area of areas) {
    for (const row of rows) {
      if (row < area.top || row > area.bottom) continue;
      for (const column of columns) {
        if (column < area.left || column > area.right || !carry.carries(row, column)) continue;
        const to = carry.target(row, column);
        const key = `${to.row - row}:${to.column - column}`;
        const group = groups.get(key) ?? { from: { row, column }, cells: [], anchor };
        group.cells.push(to);
        groups.set(key, group);
      }
    }
  }
  return [...groups.values()];
}

/** Cells as a short sqref: runs of rows per column. */
function sqrefOf(cells: Cell[]): string {
  const byColumn = new Map<number, number[]>();
  for (const cell of cells) byColumn.set(cell.column, [...(byColumn.get(cell.column) ?? []), cell.row]);
  const parts: string[] = [];
  for (const [column, rows] of [...byColumn].sort(([a], [b]) => a - b)) {
    rows.sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      const end = rows[i - 1];
      parts.push(start === end ? address({ row: start, column }) : `${address({ row: start, column })}:${address({ row: end, column })}`);
      start = rows[i];
    }
  }
  return parts.join(" ");
}

/** A rule's formula (written for its range's first cell) as it reads for a group's new first cell. */
function groupRewrite(group: { from: Cell; anchor: Cell }, carry: Carry): (formula: string) => string {
  const first = carry.target(group.from.row, group.from.column);
  return (formula) => {
    // First as it reads at the group's first cell, then moved with it.
    const atGroup = shiftRelative(formula, carry.sheetName, group.from.row - group.anchor.row, group.from.column - group.anchor.column);
    return moveFormula(atGroup, carry, group.from, first);
  };
}

/** A rule element (dataValidation, conditionalFormatting) for each group of its carried cells. */
function carryRanged(element: string, carry: Carry, rewriteInner: (inner: string, rewrite: (formula: string) => string) => string): string[] {
  const sqref = attribute(element, "sqref") ?? "";
  return carriedGroups(sqref, carry).map((group) => rewriteInner(element.replace(/\ssqref="[^"]*"/, ` sqref="${sqrefOf(group.cells)}"`), groupRewrite(group, carry)));
}

function rewriteFormulaElements(xml: string, rewrite: (formula: string) => string): string {
  return xml.replace(/<((?:\w+:)?(?:formula1|formula2|formula))>([\s\S]*?)<\/\1>/g, (_whole, tag: string, text: string) => `<${tag}>${encode(rewrite(decodeXmlText(text)))}</${tag}>`);
}

const AFTER_CONDITIONAL = ["dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** Inserts an element before the first of the elements that follow it in CT_Worksheet. */
function insertBefore(xml: string, element: string, following: readonly string[]): string {
  const pattern = new RegExp(`<(?:${following.join("|")})\\b|</worksheet>`);
  const match = pattern.exec(xml);
  if (!match) return xml;
  return xml.slice(0, match.index) + element + xml.slice(match.index);
}

function carryValidations(oldXml: string, newXml: string, carry: Carry): string {
  const block = /<dataValidations\b[^>]*>([\s\S]*?)<\/dataValidations>/.exec(oldXml);
  if (!block) return newXml;
  const carried = [...block[1].matchAll(/<dataValidation\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidation>)/g)].flatMap((match) => carryRanged(match[0], carry, rewriteFormulaElements));
  if (carried.length === 0) return newXml;
  const existing = /<dataValidations\b[^>]*>([\s\S]*?)<\/dataValidations>/.exec(newXml);
  if (existing) {
    const all = [...existing[1].matchAll(/<dataValidation\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidation>)/g)].map((m) => m[0]).concat(carried);
    return newXml.replace(existing[0], `<dataValidations count="${all.length}">${all.join("")}</dataValidations>`);
  }
  return insertBefore(newXml, `<dataValidations count="${carried.length}">${carried.join("")}</dataValidations>`, AFTER_CONDITIONAL.slice(1));
}

function carryConditionalFormats(oldXml: string, newXml: string, carry: Carry): string {
  const elements = [...oldXml.matchAll(/<conditionalFormatting\b[^>]*>[\s\S]*?<\/conditionalFormatting>/g)].map((m) => m[0]);
  if (elements.length === 0) return newXml;
  let priority = Math.max(0, ...[...newXml.matchAll(/<cfRule\b[^>]*\spriority="(\d+)"/g)].map((m) => Number(m[1])));
  const carried = elements.flatMap((element) =>
    carryRanged(element, carry, (xml, rewrite) => rewriteFormulaElements(xml, rewrite).replace(/(<cfRule\b[^>]*\spriority=")(\d+)(")/g, (_m, head: string, _p: string, tail: string) => `${head}${++priority}${tail}`)),
  );
  if (carried.length === 0) return newXml;
  const lastExisting = [...newXml.matchAll(/<\/conditionalFormatting>/g)].pop();
  if (lastExisting) {
    const at = lastExisting.index + lastExisting[0].length;
    return newXml.slice(0, at) + carried.join("") + newXml.slice(at);
  }
  return insertBefore(newXml, carried.join(""), AFTER_CONDITIONAL);
}

// ---------------------------------------------------------------- notes

function carryNotes(old: OldSheetParts, newXml: string, carry: Carry, out: CarriedSheet): string {
  const comments = old.relations.find((relation) => relation.type.endsWith(COMMENTS));
  const vml = old.relations.find((relation) => relation.type.endsWith(VML));
  const legacy = /<legacyDrawing\b[^>]*\/>/.exec(old.sheetXml);
  let carriedAny = false;
  const moveRef = (ref: string): string | undefined => {
    const at = parseAddress(ref);
    if (!at || !carry.carriesNote(at.row, at.column)) return undefined;
    return address(carry.target(at.row, at.column));
  };
  const commentsXml = comments && old.read(comments.part);
  if (comments && commentsXml !== undefined) {
    const rewritten = commentsXml.replace(/<comment\b([^>]*)>[\s\S]*?<\/comment>/g, (element, attributes: string) => {
      const ref = attribute(attributes, "ref") ?? "";
      const moved = moveRef(ref);
      if (moved === undefined) {
        // Never silently: a note on a replaced row whose delegation is gone is named with its text.
        carry.notices.push(noteLost(carry.sheetName, ref, [...element.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((match) => decodeXmlText(match[1])).join("").trim()));
        return "";
      }
      carriedAny = true;
      return element.replace(/^<comment\b[^>]*/, (tag) => tag.replace(/\sref="[^"]*"/, ` ref="${moved}"`));
    });
    out.parts.set(comments.part, rewritten);
  }
  const threaded = old.relations.filter((relation) => relation.type.endsWith(THREADED));
  for (const relation of threaded) {
    const xml = old.read(relation.part);
    if (xml === undefined) continue;
    out.parts.set(
      relation.part,
      xml.replace(/<ThreadedComment\b([^>]*?)(?:\/>|>[\s\S]*?<\/ThreadedComment>)/g, (element, attributes: string) => {
        const moved = moveRef(attribute(attributes, "ref") ?? "");
        return moved === undefined ? "" : element.replace(/^<ThreadedComment\b[^>]*/, (tag) => tag.replace(/\sref="[^"]*"/, ` ref="${moved}"`));
      }),
    );
  }
  const vmlXml = vml && old.read(vml.part);
  if (vml && vmlXml !== undefined) {
    out.parts.set(
      vml.part,
      vmlXml.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
        if (!/ObjectType="Note"/.test(shape)) return shape;
        const row = Number(/<x:Row>(\d+)<\/x:Row>/.exec(shape)?.[1]);
        const column = Number(/<x:Column>(\d+)<\/x:Column>/.exec(shape)?.[1]);
        if (!Number.isFinite(row) || !Number.isFinite(column) || !carry.carriesNote(row + 1, column + 1)) return "";
        const to = carry.target(row + 1, column + 1);
        const dRow = to.row - (row + 1);
        const dColumn = to.column - (column + 1);
        return shape
          .replace(/<x:Row>\d+<\/x:Row>/, `<x:Row>${to.row - 1}</x:Row>`)
          .replace(/<x:Column>\d+<\/x:Column>/, `<x:Column>${to.column - 1}</x:Column>`)
          .replace(/<x:Anchor>([^<]*)<\/x:Anchor>/, (_m, anchor: string) => {
            const n = anchor.split(",").map((part) => Number(part.trim()));
            if (n.length !== 8 || n.some((value) => !Number.isFinite(value))) return `<x:Anchor>${anchor}</x:Anchor>`;
            const moved = [n[0] + dColumn, n[1], n[2] + dRow, n[3], n[4] + dColumn, n[5], n[6] + dRow, n[7]].map((value) => Math.max(0, value));
            return `<x:Anchor>${moved.join(", ")}</x:Anchor>`;
          });
      }),
    );
  }
  if (!carriedAny) return newXml;
  // The new sheet points at the old parts again, under ids of its own.
  const relationFor = (relation: { id: string; element: string }, suffix: string) => {
    const id = `rIdCarried${suffix}`;
    out.relations.push(relation.element.replace(/\sId="[^"]*"/, ` Id="${id}"`));
    return id;
  };
  if (comments) relationFor(comments, "Comments");
  threaded.forEach((relation, index) => relationFor(relation, `Threaded${index + 1}`));
  if (vml && legacy) {
    const id = relationFor(vml, "Vml");
    newXml = insertBefore(newXml, `<legacyDrawing r:id="${id}"/>`, ["legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);
    const root = /<worksheet\b[^>]*>/.exec(newXml)?.[0] ?? "";
    if (!/\sxmlns:r=/.test(root)) newXml = newXml.replace(/<worksheet\b/, `<worksheet xmlns:r="${OFFICE_RELATIONSHIPS_NAMESPACE}"`);
  }
  return newXml;
}

// ---------------------------------------------------------------- columns

/** Widths (and hidden state) of the added columns, as the officer left them. */
function carryColumnWidths(oldXml: string, newXml: string, carry: Carry): string {
  const widths = new Map<number, string>();
  for (const match of oldXml.matchAll(/<col\b([^>]*?)\/>/g)) {
    const min = Number(attribute(match[1], "min"));
    const max = Number(attribute(match[1], "max"));
    for (const column of carry.plan.addedColumns) {
      const target = carry.plan.columns.get(column);
      if (target !== undefined && column >= min && column <= max) widths.set(target, match[1].replace(/\smin="\d+"/, ` min="${target}"`).replace(/\smax="\d+"/, ` max="${target}"`));
    }
  }
  if (widths.size === 0) return newXml;
  const cols: { min: number; max: number; attributes: string }[] = [];
  for (const match of newXml.matchAll(/<col\b([^>]*?)\/>/g)) {
    const min = Number(attribute(match[1], "min"));
    const max = Number(attribute(match[1], "max"));
    // Split a run around the carried columns.
    let start = min;
    for (let column = min; column <= max + 1; column++) {
      if (column <= max && !widths.has(column)) continue;
      if (start < column) cols.push({ min: start, max: column - 1, attributes: match[1].replace(/\smin="\d+"/, ` min="${start}"`).replace(/\smax="\d+"/, ` max="${column - 1}"`) });
      start = column + 1;
    }
  }
  for (const [column, attributes] of widths) cols.push({ min: column, max: column, attributes });
  cols.sort((a, b) => a.min - b.min);
  const xml = `<cols>${cols.map((col) => `<col${col.attributes}/>`).join("")}</cols>`;
  if (/<cols>[\s\S]*?<\/cols>/.test(newXml)) return newXml.replace(/<cols>[\s\S]*?<\/cols>/, xml);
  return newXml.replace(/<sheetData\b/, (found) => `${xml}${found}`);
}

/**
 * The fresh sheet XML with the officer's cells, notes, validations, conditional formats and added
 * columns' widths carried from the old sheet.
 */
export function carryOfficerWork(old: OldSheetParts, newXml: string, plan: SheetCarry): CarriedSheet {
  const carry = new Carry(plan, old.sheetName);
  const out: CarriedSheet = { sheetXml: newXml, relations: [], parts: new Map() };
  let xml = carryCells(old.sheetXml, newXml, carry);
  xml = carryColumnWidths(old.sheetXml, xml, carry);
  xml = carryConditionalFormats(old.sheetXml, xml, carry);
  xml = carryValidations(old.sheetXml, xml, carry);
  xml = carryNotes(old, xml, carry, out);
  out.sheetXml = xml;
  out.notices = [...carry.notices, ...uncarriedWork(old.sheetXml, carry)];
  return out;
}

// ---------------------------------------------------------------- the same in an exceljs workbook (playground)

/** The officer's cells of a sheet about to be replaced, taken with what they carry. */
export interface OfficerWork {
  /**
   * `carried`: the cell's formats, formula and validation follow it; `own`: its value too (a hand row's,
   * an added column's; a kept unit row's cell takes the merge's value).
   */
  cells: { row: number; column: number; carried: boolean; own: boolean; style?: Partial<Style>; formula?: string; result?: unknown; value?: unknown; note?: unknown; validation?: DataValidation }[];
  formats: { ref: string; rules: ConditionalFormattingRule[] }[];
  widths: Map<number, number | undefined>;
  /** Notes on cells the re-import replaces with no place to go (a removed delegation's row), named for the officer. */
  lostNotes: string[];
}

type FormatsOf = { conditionalFormattings?: { ref: string; rules: ConditionalFormattingRule[] }[] };

/** Reads the officer's work off the old sheet (before it is replaced). */
export function takeOfficerWork(sheet: Worksheet, plan: CarryPlan): OfficerWork {
  const carry = new Carry(plan, sheet.name);
  const work: OfficerWork = { cells: [], formats: structuredClone((sheet as unknown as FormatsOf).conditionalFormattings ?? []), widths: new Map(), lostNotes: [] };
  sheet.eachRow((line, row) => {
    line.eachCell({ includeEmpty: true }, (cell, column) => {
      if (cell.note === undefined || carry.carriesNote(row, column)) return;
      const note = cell.note as string | { texts?: { text: string }[] };
      work.lostNotes.push(noteLost(sheet.name, address({ row, column }), (typeof note === "string" ? note : (note.texts ?? []).map((run) => run.text).join("")).trim()));
    });
  });
  for (const row of plan.rows.keys()) {
    const line = sheet.findRow(row);
    if (!line) continue;
    line.eachCell({ includeEmpty: true }, (cell, column) => {
      const carried = carry.carries(row, column);
      const note = carry.carriesNote(row, column) && cell.note !== undefined;
      if (!carried && !note) return;
      work.cells.push({
        row,
        column,
        carried,
        own: carried && carry.owns(row, column),
        ...(carried ? { style: structuredClone(cell.style), value: cell.value, result: cell.result } : {}),
        ...(carried && cell.formula ? { formula: cell.formula } : {}),
        ...(note ? { note: structuredClone(cell.note) } : {}),
        ...(carried && cell.dataValidation ? { validation: structuredClone(cell.dataValidation) } : {}),
      });
    });
  }
  for (const column of plan.addedColumns) work.widths.set(column, sheet.getColumn(column).width);
  return work;
}

/**
 * Puts the officer's work on the new sheet at the cells' new places, with the CLI's rule for values
 * (carriedCell): an own cell keeps its formula, and its value where the merge wrote none; a kept unit row's
 * cell keeps its formula only where the cached result is what the merge wrote, else the merge's value
 * stays. Returns what the officer must be told (Vietnamese).
 */
export function putOfficerWork(sheet: Worksheet, work: OfficerWork, plan: CarryPlan): string[] {
  const carry = new Carry(plan, sheet.name);
  for (const kept of work.cells) {
    const to = carry.target(kept.row, kept.column);
    const written = sheet.getCell(to.row, to.column).value;
    const cell = sheet.getCell(to.row, to.column);
    if (kept.carried) {
      if (kept.style) cell.style = kept.style;
      const formulaStays = kept.formula !== undefined && (kept.own || shownText(kept.result) === shownText(written));
      if (kept.formula && formulaStays) cell.value = { formula: moveFormula(kept.formula, carry, kept, to), result: kept.result } as CellFormulaValue;
      else if (kept.formula) carry.notices.push(formulaGaveWay(carry.sheetName, address(kept), kept.formula, shownText(written), shownText(kept.result), address(to)));
      else if (kept.own && (written === null || written === undefined) && kept.value !== null && kept.value !== undefined) cell.value = kept.value as ExcelCell["value"];
      if (kept.validation) {
        const formulae = kept.validation.formulae?.map((formula: unknown) => (typeof formula === "string" ? moveFormula(formula, carry, kept, to) : formula));
        cell.dataValidation = { ...kept.validation, ...(formulae ? { formulae } : {}) } as DataValidation;
      }
    }
    if (kept.note !== undefined) cell.note = kept.note as ExcelCell["note"];
  }
  let priority = Math.max(0, ...((sheet as unknown as FormatsOf).conditionalFormattings ?? []).flatMap((format) => format.rules.map((rule) => rule.priority ?? 0)));
  for (const format of work.formats) {
    for (const group of carriedGroups(format.ref, carry)) {
      const rewrite = groupRewrite(group, carry);
      const rules = format.rules.map((rule) => {
        const formulae = (rule as { formulae?: unknown[] }).formulae?.map((formula) => (typeof formula === "string" ? rewrite(formula) : formula));
        return { ...rule, priority: ++priority, ...(formulae ? { formulae } : {}) } as ConditionalFormattingRule;
      });
      sheet.addConditionalFormatting({ ref: sqrefOf(group.cells), rules });
    }
  }
  for (const [column, width] of work.widths) {
    const target = plan.columns.get(column);
    if (target !== undefined && width !== undefined) sheet.getColumn(target).width = width;
  }
  return [...carry.notices, ...work.lostNotes];
}

/**
 * The playground's part of the CLI's check (packageEdit.ts): formulas on the workbook's other sheets and
 * defined names that read a sheet whose rows or columns this re-import moved are named, and the workbook is
 * set to recalculate when opened. They are the officer's and are not rewritten.
 */
export function formulasReadingMovedSheet(workbook: Workbook, sheetName: string, plan: CarryPlan): string[] {
  if (!rowsOrColumnsMoved(plan)) return [];
  const cells: string[] = [];
  workbook.eachSheet((other) => {
    if (other.name.toLowerCase() === sheetName.toLowerCase()) return;
    const quoted = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(other.name) ? other.name : `'${other.name.replace(/'/g, "''")}'`;
    other.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula && refersToSheet(cell.formula, sheetName)) cells.push(`${quoted}!${cell.address}`);
      }),
    );
  });
  const names = ((workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? []).filter((name) => !name.name.startsWith("_xlnm.") && name.ranges.some((range) => refersToSheet(range, sheetName))).map((name) => name.name);
  if (cells.length + names.length === 0) return [];
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  return [movedReferences(sheetName, cells, names)];
}

/** A cell value as compared and shown in a notice: text of a plain value, a date's day, a formula's result. */
function shownText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const object = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ("result" in object) return shownText(object.result);
    if (object.richText) return object.richText.map((run) => run.text).join("");
    if (object.text !== undefined) return String(object.text);
    if (object.error !== undefined) return String(object.error);
  }
  return String(value);
}

/**
 * A carried cell's formula (Excel's form, with or without "=") as it reads at its new place: references to
 * this sheet follow the plan's rows and columns, as in the package edit (the Excel host pastes cells, which
 * moves references by the cell's own offset only, and writes this over it).
 */
export function carriedFormula(formula: string, plan: CarryPlan, sheetName: string, from: Cell, to: Cell): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  const moved = moveFormula(body, new Carry(plan, sheetName), from, to);
  return formula.startsWith("=") ? `=${moved}` : moved;
}

/** For tests: a formula's references as they read after the rows and columns moved. */
export const formulaForTests = { rewriteReferences, shiftRelative };
