/**
 * The reading budget's inputs (issue 11: any workbook under 1 MB reads in < 2 s and < 300 MB): the 2 KB
 * plan with one cell at XFD1048576, a file of `cells` tiny cells (just under the reader's cap, < 1 MB
 * deflated) and a 100,000-row plan. `npx tsx test/bench/readingFiles.ts DIR` writes them for
 * `/usr/bin/time -v node bin/dplan.js check DIR/…` and `node --cpu-prof`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { HOSTILE_PACKAGES } from "../fixtures/badFiles";
import { rawParts } from "../fixtures/rawWorkbook";
import { textChunks, writeDeflatedZip } from "../robustness/deflateZip";
import { writeLargeXlsx } from "../robustness/largeWorkbook";
import { planSpec } from "./planWorkbook";

/** A one-sheet workbook of `cells` cells holding 1, ten to a row, without cell references (as some writers do). */
export async function tinyCellsXlsx(cells: number): Promise<Buffer> {
  const parts = rawParts([{ name: "Đoàn ra", rows: [["x"]] }]);
  const rows = Math.ceil(cells / 10);
  const chunks = function* () {
    yield Buffer.from(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`);
    let batch = "";
    for (let row = 1; row <= rows; row++) {
      batch += `<row r="${row}">${"<c><v>1</v></c>".repeat(Math.min(10, cells - (row - 1) * 10))}</row>`;
      if (batch.length > 1 << 20) {
        yield Buffer.from(batch);
        batch = "";
      }
    }
    yield Buffer.from(`${batch}</sheetData></worksheet>`);
  };
  return writeDeflatedZip(parts.map((part) => (part.name === "xl/worksheets/sheet1.xml" ? { name: part.name, chunks } : { name: part.name, chunks: textChunks(String(part.data)) })));
}

export async function writeReadingFiles(folder: string): Promise<{ far: string; tiny: string; rows100k: string }> {
  const far = path.join(folder, "o-xa-nhat.xlsx");
  fs.writeFileSync(far, HOSTILE_PACKAGES["o-xa-nhat.xlsx"].build());
  const tiny = path.join(folder, "o-nho-2-trieu.xlsx");
  fs.writeFileSync(tiny, await tinyCellsXlsx(1_999_990));
  const rows100k = path.join(folder, "ke-hoach-100000.xlsx");
  fs.writeFileSync(rows100k, await writeLargeXlsx(planSpec(100_000)));
  return { far, tiny, rows100k };
}

if (require.main === module) {
  const folder = process.argv[2];
  if (!folder) throw new Error("usage: tsx test/bench/readingFiles.ts DIR");
  fs.mkdirSync(folder, { recursive: true });
  void writeReadingFiles(folder).then((files) => console.log(JSON.stringify(files)));
}
