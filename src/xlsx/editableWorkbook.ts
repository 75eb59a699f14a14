/**
 * The playground's editable workbook: exceljs loads the file only after the package reader (readChecked)
 * has run every guard (sniffing, zip directory walk, inflated sizes, too-large sheets), and what exceljs
 * makes of it is brought in line with the reader, so the playground checks the same values as the CLI and
 * the pane's consolidation:
 * - a merge larger than exceljs can build (M5:XFD1048576 beside a plan: 17 billion cells) is clipped in the
 *   worksheet's XML to the area the reader keeps, or dropped when nothing of it is left, and named in a
 *   warning (the downloaded file keeps the clipped merge: a change of the user's file, so it is said);
 * - a broken worksheet, chart, drawing or other part that exceljs cannot parse is emptied (a worksheet) or
 *   replaced by an empty part of its kind, named in a warning, instead of refusing the whole file;
 * - values exceljs reads differently (a strict-OOXML date cell t="d" read as its year, the rows after an
 *   inline string with <phoneticPr> dropped) are set to the reader's values.
 */
import type { Cell, Workbook, Worksheet } from "exceljs";
import type { CellArea, ClippedMerge, SheetGrid } from "../workbook/types";
import { areaName, cellsIn, reachesSheetEnd } from "../domain/gridExtent";
import { MAX_EDITABLE_MERGE_CELLS, readChecked, READ_MESSAGES, toCellValue, WorkbookReadError } from "./readWorkbook";
import { parseRange } from "./workbookValues";
import { attribute, XmlScanner } from "./xmlScan";

export interface EditableWorkbook {
  workbook: Workbook;
  /** Sheets the reader could not read (broken XML), by name: why, in Vietnamese. Emptied in `workbook`. */
  unreadable: Map<string, string>;
  /** Parts left out and sheets emptied, in Vietnamese: the playground shows them. */
  warnings: string[];
}

/** Rejects with WorkbookReadError, like readXlsx; a sheet too large for exceljs refuses the file. */
export async function loadEditableXlsx(data: ArrayBuffer | Uint8Array, fileName: string): Promise<EditableWorkbook> {
  const brokenSheetParts: { sheet: string; part: string }[] = [];
  const sheetParts = new Map<string, string>();
  const checked = await readChecked(data, fileName, { maxMergeCells: MAX_EDITABLE_MERGE_CELLS, brokenSheetParts, sheetParts });
  const { grids } = checked;
  const broken = new Set(brokenSheetParts.map((entry) => entry.sheet));
  // Too large (exceljs would build every cell, even of a clipped merge) or missing: refused before exceljs sees it.
  const refused = grids.find((grid) => grid.unreadable !== undefined && !broken.has(grid.name));
  if (refused) throw new WorkbookReadError("too-large", refused.unreadable!, fileName);

  const warnings: string[] = [];
  // Merges exceljs would build cell by cell: clipped in the XML as the reader clipped them, each one named.
  const clips = new Map<string, ClippedMerge[]>();
  for (const grid of grids) {
    const part = sheetParts.get(grid.name);
    const oversized = (grid.clippedMerges ?? []).filter((clip) => cellsIn(clip.written) > MAX_EDITABLE_MERGE_CELLS);
    if (!part || oversized.length === 0) continue;
    clips.set(part, oversized);
    for (const clip of oversized) {
      warnings.push(READ_MESSAGES.mergeClipped(grid.name, areaName(clip.written), reachesSheetEnd(clip.written), clip.kept && areaName(clip.kept)));
    }
  }
  const bytes = clips.size === 0 ? checked.bytes : await withClippedMerges(checked.bytes, clips).catch(() => undefined);
  if (!bytes) throw new WorkbookReadError("corrupt", READ_MESSAGES.corrupt, fileName);

  // Loaded on demand: the task pane only pays for exceljs when a file is actually read.
  const ExcelJS = (await import("exceljs")).default;
  // Only parsing may fail here (a part exceljs cannot read); anything else is not the file's fault.
  const load = async (content: Uint8Array) => {
    const workbook = new ExcelJS.Workbook();
    const loaded = await workbook.xlsx.load(content as unknown as ArrayBuffer).then(
      () => true,
      () => false,
    );
    return loaded ? workbook : undefined;
  };
  let workbook = brokenSheetParts.length === 0 ? await load(bytes) : undefined;
  if (!workbook) {
    const repaired = await withoutBrokenParts(bytes, new Set(brokenSheetParts.map((entry) => entry.part))).catch(() => undefined);
    workbook = repaired && (await load(repaired.bytes));
    if (!repaired || !workbook) throw new WorkbookReadError("corrupt", READ_MESSAGES.corrupt, fileName);
    for (const part of repaired.skipped) warnings.push(READ_MESSAGES.partSkipped(part));
  }
  const unreadable = new Map<string, string>();
  for (const grid of grids) {
    if (broken.has(grid.name)) {
      unreadable.set(grid.name, grid.unreadable!);
      warnings.push(READ_MESSAGES.sheetEmptied(grid.name));
    } else {
      const sheet = workbook.getWorksheet(grid.name);
      if (sheet) alignValues(sheet, grid);
    }
  }
  return { workbook, unreadable, warnings };
}

/** loadEditableXlsx's workbook alone. */
export async function loadXlsx(data: ArrayBuffer | Uint8Array, fileName: string): Promise<Workbook> {
  return (await loadEditableXlsx(data, fileName)).workbook;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const EMPTY_WORKSHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`;
/** An empty part of each kind exceljs may follow a relationship to. */
const EMPTY_PARTS: [RegExp, string][] = [
  [/\.rels$/, `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`],
  [/^xl\/worksheets\//, EMPTY_WORKSHEET],
  [/^xl\/drawings\//, `<?xml version="1.0" encoding="UTF-8"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/>`],
  [/^xl\/charts\//, `<?xml version="1.0" encoding="UTF-8"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>`],
  [/^xl\/chartsheets\//, `<?xml version="1.0" encoding="UTF-8"?>\n<chartsheet xmlns="${MAIN}"/>`],
];
/** Parts without which there is no workbook: a broken one is a corrupt file, not a part to skip. */
const ESSENTIAL = new Set(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml"]);

/** The package with its broken XML parts emptied (worksheets the reader found broken, and any other part that is not well formed). */
async function withoutBrokenParts(bytes: Uint8Array, brokenSheets: ReadonlySet<string>): Promise<{ bytes: Uint8Array; skipped: string[] }> {
  const JSZip = (await import("jszip")).default;
  // Every part's inflated size was checked against the declaration before (readChecked).
  const zip = await JSZip.loadAsync(bytes);
  const skipped: string[] = [];
  for (const file of Object.values(zip.files)) {
    if (file.dir || !/\.(xml|rels|vml)$/i.test(file.name) || ESSENTIAL.has(file.name)) continue;
    if (!brokenSheets.has(file.name) && isWellFormed(await file.async("string"))) continue;
    const empty = EMPTY_PARTS.find(([pattern]) => pattern.test(file.name))?.[1];
    if (empty) zip.file(file.name, empty);
    else zip.remove(file.name);
    if (!brokenSheets.has(file.name)) skipped.push(file.name);
  }
  return { bytes: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), skipped };
}

const sameArea = (a: CellArea, b: CellArea) => a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;

/** <mergeCell ref="…"/> (any namespace prefix), and the <mergeCells> list around them. */
const MERGE_CELL = /<((?:[\w.-]+:)?)mergeCell\b([^>]*?)(?:\/>|>\s*<\/\1mergeCell\s*>)/g;
const MERGE_CELLS = /<((?:[\w.-]+:)?)mergeCells\b([^>]*)>([\s\S]*?)<\/\1mergeCells\s*>/;

/** The package with each listed worksheet's clipped merges rewritten to their kept area, or removed (no kept area). */
async function withClippedMerges(bytes: Uint8Array, clips: ReadonlyMap<string, readonly ClippedMerge[]>): Promise<Uint8Array> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(bytes);
  for (const [part, merges] of clips) {
    const file = zip.file(part);
    if (!file) continue;
    const xml = await file.async("string");
    const rewritten = xml.replace(MERGE_CELLS, (list: string, prefix: string, listAttributes: string, items: string) => {
      let count = 0;
      const kept = items.replace(MERGE_CELL, (element: string, itemPrefix: string, attributes: string) => {
        const area = parseRange(attribute(attributes, "ref") ?? "");
        const clip = area && merges.find((merge) => sameArea(merge.written, area));
        if (!clip) {
          count++;
          return element;
        }
        if (!clip.kept) return "";
        count++;
        return `<${itemPrefix}mergeCell ref="${areaName(clip.kept)}"/>`;
      });
      // An empty <mergeCells> is not valid: the list goes when its last merge does.
      if (count === 0) return "";
      return `<${prefix}mergeCells${listAttributes.replace(/\bcount\s*=\s*(["'])\d*\1/, `count="${count}"`)}>${kept}</${prefix}mergeCells>`;
    });
    zip.file(part, rewritten);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

function isWellFormed(xml: string): boolean {
  try {
    const scanner = new XmlScanner({ open() {}, close() {}, text() {} });
    scanner.feed(xml);
    scanner.end();
    return true;
  } catch {
    return false;
  }
}

/** Sets the cells whose value exceljs read differently from the reader (formulas are left alone). */
function alignValues(sheet: Worksheet, grid: SheetGrid): void {
  grid.values.forEach((line, r) =>
    line.forEach((value, c) => {
      if (value === null) return;
      const cell = cellOf(sheet, grid.originRow + r, grid.originCol + c);
      if (cell.formula || sameValue(toCellValue(cell.value), value)) return;
      cell.value = value instanceof Date || typeof value !== "object" ? value : { error: value.error as never };
      // A date read from a t="d" cell has no date format in its style: show it as a date.
      if (value instanceof Date && !/[dmy]/i.test(cell.numFmt ?? "")) cell.numFmt = "dd/mm/yyyy";
    }),
  );
}

/** exceljs's cell (a plain object, not an Office.js proxy: nothing to load or sync). */
function cellOf(sheet: Worksheet, row: number, column: number): Cell {
  return sheet.getCell(row, column);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}
