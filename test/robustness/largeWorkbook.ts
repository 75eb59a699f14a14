/**
 * A very large plan workbook (100,000 rows) written directly as SpreadsheetML, row by row, into a
 * deflated zip: exceljs would need a minute and gigabytes to build it, this takes seconds. Dates are
 * real date cells (serials with a date number format), texts inline strings, as Excel can read them.
 */
import type { WorkbookSpec } from "../fixtures/generate";
import { excelSerial } from "../support/fakeFromSpec";
import { textChunks, writeDeflatedZip } from "./deflateZip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[ch]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function cellXml(value: unknown, row: number, column: number): string {
  const ref = `${columnLetters(column)}${row}`;
  if (value === null || value === undefined || value === "") return "";
  if (value instanceof Date) return `<c r="${ref}" s="1"><v>${excelSerial(value)}</v></c>`;
  if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`;
}

/** The sheet XML of a one-sheet spec, yielded in chunks of rows. */
function* sheetChunks(spec: WorkbookSpec): Iterable<Uint8Array> {
  const sheet = spec.sheets[0];
  yield Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>`, "utf8");
  let batch = "";
  sheet.rows.forEach((cells, index) => {
    const row = (sheet.startRow ?? 1) + index;
    const xml = cells.map((value, c) => cellXml(value, row, (sheet.startCol ?? 1) + c)).join("");
    if (xml) batch += `<row r="${row}">${xml}</row>`;
  });
  // One string per 2,000 rows would be tidier; the spec is already in memory, so chunk the joined text.
  const bytes = Buffer.from(batch, "utf8");
  for (let at = 0; at < bytes.length; at += 1 << 20) yield bytes.subarray(at, at + (1 << 20));
  yield Buffer.from("</sheetData></worksheet>", "utf8");
}

/** A minimal, valid .xlsx of the spec's first sheet. */
export async function writeLargeXlsx(spec: WorkbookSpec): Promise<Buffer> {
  const name = escapeXml(spec.sheets[0].name);
  return writeDeflatedZip([
    {
      name: "[Content_Types].xml",
      chunks: textChunks(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
          `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
          `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      chunks: textChunks(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS}">` +
          `<Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      chunks: textChunks(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      chunks: textChunks(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS}">` +
          `<Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${RELS}/styles" Target="styles.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/styles.xml",
      chunks: textChunks(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
          `<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
          `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
          `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
          `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
          `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
          `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
          `</styleSheet>`,
      ),
    },
    { name: "xl/worksheets/sheet1.xml", chunks: () => sheetChunks(spec) },
  ]);
}
