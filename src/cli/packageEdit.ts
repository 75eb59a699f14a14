/**
 * Re-importing into an existing master without rewriting it: a package-level edit. exceljs can only load a
 * whole workbook and write it back, which freezes formulas, drops comments, fills, validation and
 * conditional formats it does not model, and deletes charts, drawings and pivot tables of sheets it never
 * touched. Here the add-in's own sheets are written alone into a fresh package (writeWorkbook), and only
 * their parts are carried into the master's package:
 *
 * - each own sheet's part is replaced (or added, with its entry in workbook.xml, the workbook's
 *   relationships and [Content_Types].xml); its strings become inline strings (the master's shared
 *   strings stay as they are) and its styles are appended to the master's styles.xml (reused when an
 *   identical one exists), so existing style numbers keep their meaning;
 * - the calculation chain is dropped when a sheet was replaced (Excel rebuilds it; a stale one names
 *   cells that no longer hold formulas);
 * - every other part (other sheets, charts, drawings, pivot tables, defined names, shared strings, theme,
 *   custom XML …) is copied byte for byte: the same compressed bytes, the same order.
 */
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { resolveTarget } from "../xlsx/workbookValues";
import { attribute, decodeXmlText } from "../xlsx/xmlScan";
import { movedReferences, refersToSheet, rowsOrColumnsMoved } from "../domain/merge";
import { OFFICE_RELATIONSHIPS_NAMESPACE, PACKAGE_RELATIONSHIPS_NAMESPACE } from "../xlsx/ooxmlNamespaces";
import { assembleZip, zipRecords } from "../xlsx/zipWrite";
import { carryOfficerWork, type SheetCarry } from "../xlsx/sheetCarry";

interface Entry {
  name: string;
  /** Raw central-directory record (46 bytes + name + extra + comment). */
  central: Buffer;
  /** Raw local record: header, name, extra, data and data descriptor. */
  local: Buffer;
  method: number;
  compressed: Buffer;
}

export class PackageEditError extends Error {}

const RELS = OFFICE_RELATIONSHIPS_NAMESPACE;

function readEntries(zip: Buffer): Entry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new PackageEditError("no end of central directory");
  let at = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  while (at + 46 <= zip.length && zip.readUInt32LE(at) === 0x02014b50) {
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const offset = zip.readUInt32LE(at + 42);
    if (compressedSize === 0xffffffff || offset === 0xffffffff) throw new PackageEditError("zip64 entries");
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const central = zip.subarray(at, at + 46 + nameLength + extraLength + commentLength);
    if (zip.readUInt32LE(offset) !== 0x04034b50) throw new PackageEditError(`no local header for ${name}`);
    const dataStart = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    let dataEnd = dataStart + compressedSize;
    if (flags & 0x08) dataEnd += zip.readUInt32LE(dataEnd) === 0x08074b50 ? 16 : 12;
    entries.push({ name, central, local: zip.subarray(offset, dataEnd), method, compressed: zip.subarray(dataStart, dataStart + compressedSize) });
    at += central.length;
  }
  return entries;
}

function contentOf(entry: Entry): string {
  const data = entry.method === 0 ? entry.compressed : inflateRawSync(entry.compressed);
  return data.toString("utf8");
}

/** A new entry (deflated), its local and central records. */
function newEntry(name: string, text: string): Entry {
  const data = Buffer.from(text, "utf8");
  const compressed = deflateRawSync(data);
  const records = zipRecords({ name, stored: compressed, method: 8, crc: crc32(data), size: data.length });
  return { name, central: Buffer.from(records.central), local: Buffer.from(records.local), method: 8, compressed };
}

/** The archive of these entries: the master's kept records as they were, offsets renewed. */
function writeEntries(entries: Entry[]): Uint8Array {
  return assembleZip(entries);
}

interface SheetPart {
  name: string;
  relationId: string;
  part: string;
}

function workbookSheets(workbookXml: string, relsXml: string, folder: string): SheetPart[] {
  const targets = new Map<string, string>();
  for (const match of relsXml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attribute(match[1], "Id");
    const target = attribute(match[1], "Target");
    if (id && target) targets.set(id, resolveTarget(folder, target));
  }
  const sheets: SheetPart[] = [];
  for (const match of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const relationId = attribute(match[1], "id") ?? "";
    sheets.push({ name: attribute(match[1], "name") ?? "", relationId, part: targets.get(relationId) ?? "" });
  }
  return sheets;
}

function relsName(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

// ---------------------------------------------------------------- styles

interface StyleLists {
  numFmts: Map<number, string>;
  fonts: string[];
  fills: string[];
  borders: string[];
  cellXfs: string[];
}

function children(xml: string, list: string, item: string): string[] {
  const block = new RegExp(`<${list}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${list}>)`).exec(xml);
  if (!block || block[1] === undefined) return [];
  return [...block[1].matchAll(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, "g"))].map((m) => m[0]);
}

function styleLists(xml: string): StyleLists {
  const numFmts = new Map<number, string>();
  for (const raw of children(xml, "numFmts", "numFmt")) numFmts.set(Number(attribute(raw, "numFmtId")), attribute(raw, "formatCode") ?? "");
  return { numFmts, fonts: children(xml, "fonts", "font"), fills: children(xml, "fills", "fill"), borders: children(xml, "borders", "border"), cellXfs: children(xml, "cellXfs", "xf") };
}

function setAttribute(tag: string, name: string, value: string | number): string {
  const pattern = new RegExp(`(\\s${name}=")[^"]*(")`);
  return pattern.test(tag) ? tag.replace(pattern, `$1${value}$2`) : tag.replace(/^<(\w+)/, `<$1 ${name}="${value}"`);
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch]!);
}

/** Appends the fresh package's cell styles to the master's; returns the master's styles.xml and the index map. */
function mergeStyles(masterXml: string, freshXml: string): { xml: string; map: Map<number, number> } {
  const master = styleLists(masterXml);
  const fresh = styleLists(freshXml);
  const indexIn = (list: string[], raw: string) => {
    const found = list.indexOf(raw);
    if (found >= 0) return found;
    list.push(raw);
    return list.length - 1;
  };
  let nextFormat = Math.max(163, ...master.numFmts.keys()) + 1;
  const map = new Map<number, number>();
  fresh.cellXfs.forEach((xf, index) => {
    let tag = xf;
    const formatId = Number(attribute(xf, "numFmtId") ?? 0);
    if (formatId >= 164) {
      const code = fresh.numFmts.get(formatId) ?? "General";
      let id = [...master.numFmts].find(([, c]) => c === code)?.[0];
      if (id === undefined) master.numFmts.set((id = nextFormat++), code);
      tag = setAttribute(tag, "numFmtId", id);
    }
    tag = setAttribute(tag, "fontId", indexIn(master.fonts, fresh.fonts[Number(attribute(xf, "fontId") ?? 0)] ?? fresh.fonts[0]));
    tag = setAttribute(tag, "fillId", indexIn(master.fills, fresh.fills[Number(attribute(xf, "fillId") ?? 0)] ?? fresh.fills[0]));
    tag = setAttribute(tag, "borderId", indexIn(master.borders, fresh.borders[Number(attribute(xf, "borderId") ?? 0)] ?? fresh.borders[0]));
    tag = setAttribute(tag, "xfId", 0);
    map.set(index, indexIn(master.cellXfs, tag));
  });
  const block = (list: string, items: string[]) => `<${list} count="${items.length}">${items.join("")}</${list}>`;
  const replace = (xml: string, list: string, items: string[], before: string) => {
    const pattern = new RegExp(`<${list}\\b[^>]*?(?:/>|>[\\s\\S]*?</${list}>)`);
    if (pattern.test(xml)) return xml.replace(pattern, () => block(list, items));
    return xml.replace(new RegExp(`<${before}\\b`), (found) => `${block(list, items)}${found}`);
  };
  const formats = [...master.numFmts].map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`);
  let xml = masterXml;
  if (formats.length > 0) xml = replace(xml, "numFmts", formats, "fonts");
  xml = replace(xml, "fonts", master.fonts, "fills");
  xml = replace(xml, "fills", master.fills, "borders");
  xml = replace(xml, "borders", master.borders, "cellStyleXfs");
  xml = replace(xml, "cellXfs", master.cellXfs, "cellStyles");
  return { xml, map };
}

/** The fresh sheet with shared strings made inline and style numbers mapped into the master's. */
function adaptSheet(sheetXml: string, strings: string[], styleMap: Map<number, number>): string {
  return sheetXml.replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (whole, attributes: string, _end: string, inner: string | undefined) => {
    let attrs = attributes.replace(/\ss="(\d+)"/, (_m, s: string) => ` s="${styleMap.get(Number(s)) ?? 0}"`);
    if (/\st="s"/.test(attrs) && inner !== undefined) {
      const index = Number(/<v>(\d+)<\/v>/.exec(inner)?.[1]);
      const text = strings[index] ?? "";
      attrs = attrs.replace(/\st="s"/, ' t="inlineStr"');
      return `<c${attrs}><is><t xml:space="preserve">${text}</t></is></c>`;
    }
    return inner === undefined ? `<c${attrs}/>` : `<c${attrs}>${inner}</c>`;
  });
}

/** Shared strings of the fresh package, kept escaped (they go back into XML as they are). */
function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(""),
  );
}

/** Sheet names in workbook order (a built-in name's localSheetId is an index into it). */
function sheetOrder(workbookXml: string): string[] {
  return [...workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)].map((match) => (attribute(match[1], "name") ?? "").toLowerCase());
}

const DEFINED_NAME = /<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>[\s\S]*?<\/(?:\w+:)?definedName>)/g;
/** Elements of CT_Workbook that come after definedNames: a new definedNames block goes before the first. */
const AFTER_DEFINED_NAMES = /<(?:\w+:)?(?:calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/(?:\w+:)?workbook>/;

/**
 * The replaced sheets' built-in names (_xlnm.Print_Area, _xlnm.Print_Titles, …) belong to those sheets:
 * the master's old ones (sized for the old rows) are dropped and the fresh package's are carried, their
 * localSheetId renumbered to the sheet's place in the master. The user's own names are left as they are.
 */
function carryBuiltInNames(masterXml: string, freshXml: string, sheetNames: readonly string[]): string {
  const own = new Set(sheetNames.map((name) => name.toLowerCase()));
  const masterOrder = sheetOrder(masterXml);
  const freshOrder = sheetOrder(freshXml);
  const ownSheetOf = (attributes: string, order: string[]) => {
    const name = attribute(attributes, "name") ?? "";
    const local = attribute(attributes, "localSheetId");
    if (!name.startsWith("_xlnm.") || local === undefined) return undefined;
    const sheet = order[Number(local)];
    return sheet !== undefined && own.has(sheet) ? sheet : undefined;
  };
  const carried = [...freshXml.matchAll(DEFINED_NAME)].flatMap((match) => {
    const sheet = ownSheetOf(match[1], freshOrder);
    const index = sheet === undefined ? -1 : masterOrder.indexOf(sheet);
    if (index < 0) return [];
    return [match[0].replace(/^<(?:\w+:)?definedName\b[^>]*/, (tag) => setAttribute(tag.replace(/^<\w+:/, "<"), "localSheetId", index)).replace(/<\/\w+:definedName>$/, "</definedName>")];
  });
  let xml = masterXml.replace(DEFINED_NAME, (element: string, attributes: string) => (ownSheetOf(attributes, masterOrder) === undefined ? element : ""));
  if (carried.length === 0) return xml === masterXml ? masterXml : xml.replace(/<(?:\w+:)?definedNames\b[^>]*>\s*<\/(?:\w+:)?definedNames>|<(?:\w+:)?definedNames\b[^>]*\/>/, "");
  if (/<\/(?:\w+:)?definedNames>/.test(xml)) return xml.replace(/<\/(?:\w+:)?definedNames>/, (close) => `${carried.join("")}${close}`);
  xml = xml.replace(/<(?:\w+:)?definedNames\b[^>]*\/>/, "");
  return xml.replace(AFTER_DEFINED_NAMES, (next) => `<definedNames>${carried.join("")}</definedNames>${next}`);
}

/**
 * For each replaced sheet whose rows or columns moved (its carry plan), the formulas of the master's other
 * sheets (cell by cell) and the defined names that refer to it: one warning per sheet (Vietnamese).
 */
function formulasReadingMovedSheets(master: Entry[], masterSheets: SheetPart[], workbookXml: string, sheetNames: readonly string[], carries: ReadonlyMap<string, SheetCarry>): string[] {
  const own = new Set(sheetNames.map((name) => name.toLowerCase()));
  const moved = sheetNames.filter((name) => {
    const plan = carries.get(name);
    return plan !== undefined && rowsOrColumnsMoved(plan);
  });
  if (moved.length === 0) return [];
  const others = masterSheets
    .filter((sheet) => !own.has(sheet.name.toLowerCase()))
    .map((sheet) => {
      const entry = master.find((candidate) => candidate.name === sheet.part);
      const formulas = entry
        ? [...contentOf(entry).matchAll(/<c\b([^>]*?)>(?:(?!<\/c>)[\s\S])*?<f\b[^>]*>([^<]+)<\/f>/g)].map((match) => ({ cell: attribute(match[1], "r") ?? "", formula: decodeXmlText(match[2]) }))
        : [];
      return { name: sheet.name, formulas };
    });
  const names = [...workbookXml.matchAll(/<(?:\w+:)?definedName\b([^>]*?)>([\s\S]*?)<\/(?:\w+:)?definedName>/g)].map((match) => ({ name: attribute(match[1], "name") ?? "", formula: decodeXmlText(match[2]) }));
  const quoted = (name: string) => (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
  return moved.flatMap((sheet) => {
    const cells = others.flatMap((other) => other.formulas.filter((f) => refersToSheet(f.formula, sheet)).map((f) => `${quoted(other.name)}!${f.cell}`));
    const definedNames = names.filter((n) => !n.name.startsWith("_xlnm.") && refersToSheet(n.formula, sheet)).map((n) => n.name);
    return cells.length + definedNames.length > 0 ? [movedReferences(sheet, cells, definedNames)] : [];
  });
}

/** workbook.xml with calcPr's fullCalcOnLoad set (a calcPr added when there is none). */
function recalculateOnLoad(workbookXml: string): string {
  const calcPr = /<((?:\w+:)?calcPr)\b([^>]*?)(\/?)>/.exec(workbookXml);
  if (calcPr) {
    const attributes = /\sfullCalcOnLoad="[^"]*"/.test(calcPr[2]) ? calcPr[2].replace(/\sfullCalcOnLoad="[^"]*"/, ' fullCalcOnLoad="1"') : `${calcPr[2]} fullCalcOnLoad="1"`;
    return workbookXml.replace(calcPr[0], `<${calcPr[1]}${attributes}${calcPr[3]}>`);
  }
  return workbookXml.replace(/<(?:\w+:)?(?:oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/(?:\w+:)?workbook>/, (next) => `<calcPr fullCalcOnLoad="1"/>${next}`);
}

/** The old sheet's XML and its relationships, for carrying the officer's work (sheetCarry.ts). */
function oldSheetParts(master: Entry[], sheet: SheetPart) {
  const read = (part: string) => {
    const entry = master.find((candidate) => candidate.name === part);
    return entry ? contentOf(entry) : undefined;
  };
  const folder = sheet.part.slice(0, sheet.part.lastIndexOf("/") + 1);
  const relations = [...(read(relsName(sheet.part)) ?? "").matchAll(/<Relationship\b([^>]*)\/?>/g)].map((match) => ({
    id: attribute(match[1], "Id") ?? "",
    type: attribute(match[1], "Type") ?? "",
    part: resolveTarget(folder, attribute(match[1], "Target") ?? ""),
    element: match[0].endsWith("/>") ? match[0] : `${match[0].slice(0, -1)}/>`,
  }));
  return { sheetXml: read(sheet.part) ?? "", sheetName: sheet.name, relations, read };
}

/**
 * The master package with the given sheets taken from the fresh package (written by writeWorkbook with
 * only those sheets); every other part byte-identical. Throws PackageEditError when the master's package
 * is not one this edit can handle (the caller then refuses rather than rewrite it).
 */
export function replaceOwnSheets(masterZip: Uint8Array, freshZip: Uint8Array, sheetNames: readonly string[], carries: ReadonlyMap<string, SheetCarry> = new Map(), notices: string[] = []): Uint8Array {
  const master = readEntries(Buffer.from(masterZip.buffer, masterZip.byteOffset, masterZip.byteLength));
  const fresh = readEntries(Buffer.from(freshZip.buffer, freshZip.byteOffset, freshZip.byteLength));
  const byName = (entries: Entry[], name: string) => entries.find((entry) => entry.name === name);
  const text = (entries: Entry[], name: string) => {
    const entry = byName(entries, name);
    if (!entry) throw new PackageEditError(`no part ${name}`);
    return contentOf(entry);
  };

  const workbookName = "xl/workbook.xml";
  const masterSheets = workbookSheets(text(master, workbookName), text(master, relsName(workbookName)), "xl/");
  const freshSheets = workbookSheets(text(fresh, workbookName), text(fresh, relsName(workbookName)), "xl/");
  const freshStrings = byName(fresh, "xl/sharedStrings.xml") ? sharedStrings(text(fresh, "xl/sharedStrings.xml")) : [];
  const styles = mergeStyles(text(master, "xl/styles.xml"), text(fresh, "xl/styles.xml"));

  const replaced = new Map<string, Entry | null>();
  replaced.set("xl/styles.xml", newEntry("xl/styles.xml", styles.xml));
  const added: Entry[] = [];
  let workbookXml = text(master, workbookName);
  let workbookRels = text(master, relsName(workbookName));
  let contentTypes = text(master, "[Content_Types].xml");
  let sheetId = Math.max(0, ...[...workbookXml.matchAll(/\ssheetId="(\d+)"/g)].map((m) => Number(m[1])));
  let relationNumber = Math.max(0, ...[...workbookRels.matchAll(/\sId="rId(\d+)"/g)].map((m) => Number(m[1])));
  let partNumber = Math.max(0, ...master.map((entry) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(entry.name)?.[1] ?? 0)));
  let replacedAny = false;
  let carriedInto = false;

  for (const name of sheetNames) {
    const source = freshSheets.find((sheet) => sheet.name === name);
    if (!source) throw new PackageEditError(`fresh package has no sheet ${name}`);
    const xml = adaptSheet(text(fresh, source.part), freshStrings, styles.map);
    const freshRels = byName(fresh, relsName(source.part));
    const target = masterSheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
    if (target && byName(master, target.part)) {
      replacedAny = true;
      const plan = carries.get(name);
      const carried = plan ? carryOfficerWork(oldSheetParts(master, target), xml, plan) : undefined;
      if (carried) carriedInto = true;
      notices.push(...(carried?.notices ?? []));
      replaced.set(target.part, newEntry(target.part, carried?.sheetXml ?? xml));
      for (const [part, content] of carried?.parts ?? []) replaced.set(part, newEntry(part, content));
      // The old sheet's relationships (its drawing, tables) went with its content; carried notes come back.
      let rels = freshRels ? contentOf(freshRels) : undefined;
      if (carried && carried.relations.length > 0) {
        rels ??= `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NAMESPACE}"></Relationships>`;
        rels = rels.replace(/<\/Relationships>/, `${carried.relations.join("")}</Relationships>`);
      }
      replaced.set(relsName(target.part), rels !== undefined ? newEntry(relsName(target.part), rels) : null);
      if (rels !== undefined && !byName(master, relsName(target.part))) added.push(newEntry(relsName(target.part), rels));
      continue;
    }
    const part = `xl/worksheets/sheet${++partNumber}.xml`;
    const relationId = `rId${++relationNumber}`;
    added.push(newEntry(part, xml));
    if (freshRels) added.push(newEntry(relsName(part), contentOf(freshRels)));
    workbookXml = workbookXml.replace(/<\/(\w+:)?sheets>/, (close) => `<sheet name="${escapeAttribute(name)}" sheetId="${++sheetId}" r:id="${relationId}"/>${close}`);
    if (!/xmlns:r=/.test(workbookXml.slice(0, workbookXml.indexOf(">", workbookXml.indexOf("<workbook"))))) {
      workbookXml = workbookXml.replace(/<workbook\b/, `<workbook xmlns:r="${RELS}"`);
    }
    workbookRels = workbookRels.replace(/<\/Relationships>/, `<Relationship Id="${relationId}" Type="${RELS}/worksheet" Target="worksheets/sheet${partNumber}.xml"/></Relationships>`);
    contentTypes = contentTypes.replace(
      /<\/Types>/,
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    );
  }

  workbookXml = carryBuiltInNames(workbookXml, text(fresh, workbookName), sheetNames);
  // Formulas elsewhere that read a sheet whose rows moved are the officer's and stay as written: named,
  // and the workbook recalculates on opening so no stale figure is shown as current.
  const readers = formulasReadingMovedSheets(master, masterSheets, workbookXml, sheetNames, carries);
  notices.push(...readers);
  // Carried formulas keep the result cached before their rows moved (an officer's =SUM over a grown column):
  // recalculated on opening too, so no stale total is shown.
  if (readers.length > 0 || carriedInto) workbookXml = recalculateOnLoad(workbookXml);

  if (replacedAny && byName(master, "xl/calcChain.xml")) {
    replaced.set("xl/calcChain.xml", null);
    workbookRels = workbookRels.replace(/<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/, "");
    contentTypes = contentTypes.replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, "");
  }
  if (workbookXml !== text(master, workbookName)) replaced.set(workbookName, newEntry(workbookName, workbookXml));
  if (workbookRels !== text(master, relsName(workbookName))) replaced.set(relsName(workbookName), newEntry(relsName(workbookName), workbookRels));
  if (contentTypes !== text(master, "[Content_Types].xml")) replaced.set("[Content_Types].xml", newEntry("[Content_Types].xml", contentTypes));

  const out: Entry[] = [];
  for (const entry of master) {
    if (!replaced.has(entry.name)) out.push(entry);
    else {
      const next = replaced.get(entry.name);
      if (next) out.push(next);
    }
  }
  out.push(...added);
  return writeEntries(out);
}

/** Names of a package's parts with their raw compressed bytes' hash input, for tests comparing packages. */
export function packageParts(zip: Uint8Array): Map<string, Buffer> {
  const entries = readEntries(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  return new Map(entries.map((entry) => [entry.name, entry.method === 0 ? Buffer.from(entry.compressed) : inflateRawSync(entry.compressed)] as const));
}

/** Each sheet's part in a package, by sheet name. */
export function sheetPartNames(zip: Uint8Array): Map<string, string> {
  const entries = readEntries(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  const text = (name: string) => contentOf(entries.find((entry) => entry.name === name)!);
  return new Map(workbookSheets(text("xl/workbook.xml"), text(relsName("xl/workbook.xml")), "xl/").map((sheet) => [sheet.name, sheet.part] as const));
}
