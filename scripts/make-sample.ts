/**
 * Writes the playground's bundled sample, assets/samples/ke-hoach-don-vi-mau.xlsx, from the spec in
 * scripts/sample-workbook.ts, formatted like a unit's real file (bold titles, a shaded bordered header,
 * column widths). Run: npm run sample
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { buildXlsx, type WorkbookSpec } from "../test/fixtures/generate";
import { PAGE_FOOTER, PRINT_MARGINS } from "../src/domain/templates/officialForm";
import { SAMPLE_FILE, sampleWorkbookSpec } from "./sample-workbook";

const HEADER_FILL = "FFD9E1F2";
const THIN = { style: "thin" as const, color: { argb: "FF7F7F7F" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const WIDTHS: Record<string, number[]> = {
  "Đoàn ra": [5, 30, 28, 10, 18, 11, 11, 7, 36, 26, 26, 11, 13, 14],
  "Đoàn vào": [5, 30, 11, 18, 18, 9, 13, 36, 26, 16, 22, 28, 12],
};

/** Formats a sheet built from the spec: rows up to `headerEnd` are the header, then data down to `dataEnd`. */
function formatSheet(sheet: ExcelJS.Worksheet, headerStart: number, headerEnd: number, dataEnd: number, width: number): void {
  (WIDTHS[sheet.name] ?? []).forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  for (let row = 1; row < headerStart; row++) {
    const cell = sheet.getRow(row).getCell(1);
    cell.font = { bold: row <= 3, italic: row === 4, size: row === 3 ? 13 : 11 };
    if (sheet.getRow(row).getCell(1).isMerged && row >= 3) cell.alignment = { horizontal: "center" };
  }
  for (let row = headerStart; row <= dataEnd; row++) {
    for (let column = 1; column <= width; column++) {
      const cell = sheet.getRow(row).getCell(column);
      cell.border = BORDER;
      if (row <= headerEnd) {
        cell.font = { bold: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      } else {
        cell.alignment = { vertical: "top", wrapText: true, horizontal: typeof sheet.getRow(row).getCell(column).value === "number" ? "center" : "left" };
      }
    }
  }
}

/** The print setup the blank templates and the master share (officialForm.ts): A4 landscape, one page wide, header repeated. */
function printLikeTheForms(sheet: ExcelJS.Worksheet, headerStart: number, headerEnd: number, dataEnd: number, width: number): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: PRINT_MARGINS,
    printArea: `A1:${String.fromCharCode(64 + width)}${dataEnd}`,
    printTitlesRow: `${headerStart}:${headerEnd}`,
  };
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: `&C${PAGE_FOOTER}` };
}

export async function buildSample(spec: WorkbookSpec = sampleWorkbookSpec()): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildXlsx(spec)) as unknown as ArrayBuffer);
  workbook.creator = "Sở Văn hóa và Thể thao";
  const outbound = workbook.getWorksheet("Đoàn ra")!;
  formatSheet(outbound, 7, 9, 22, 14);
  for (const row of [10, 12]) {
    outbound.getRow(row).font = { bold: true };
    outbound.getCell(row, 1).font = { bold: true };
    outbound.getCell(row, 2).font = { bold: true };
  }
  outbound.getCell(22, 2).font = { bold: true };
  outbound.views = [{ state: "frozen", ySplit: 9, xSplit: 0, topLeftCell: "A10", activeCell: "A10" }];
  printLikeTheForms(outbound, 7, 9, 22, 14);
  const inbound = workbook.getWorksheet("Đoàn vào")!;
  formatSheet(inbound, 4, 4, 7, 13);
  inbound.views = [{ state: "frozen", ySplit: 4, xSplit: 0, topLeftCell: "A5", activeCell: "A5" }];
  printLikeTheForms(inbound, 4, 4, 7, 13);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  const target = path.join(__dirname, "..", "assets", "samples", SAMPLE_FILE);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const bytes = await buildSample();
  fs.writeFileSync(target, bytes);
  console.log(`${path.relative(process.cwd(), target)}: ${Math.round(bytes.length / 1024)} KB`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
