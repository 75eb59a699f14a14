/**
 * readXlsx inflates each part once: the parts it reads to their end are size-checked by reading them (each
 * inflates only up to its declared size), and only the others are inflated again by checkInflatedSizes. The
 * guard must still hold for a part read only part way (a sheet broken early) and for a part never read.
 */
import { readXlsx, WorkbookReadError } from "../../src/xlsx/readWorkbook";
import { rawParts } from "../fixtures/rawWorkbook";
import { repeatedChunks, textChunks, writeDeflatedZip, type DeflatedEntry } from "../robustness/deflateZip";

jest.setTimeout(60_000);

/** DecompressionStream replaced by one that counts what it inflates. */
async function countingInflation<T>(run: () => Promise<T>): Promise<{ result: T | unknown; inflated: number }> {
  const Original = globalThis.DecompressionStream;
  let inflated = 0;
  class Counting {
    readonly writable: WritableStream<BufferSource>;
    readonly readable: ReadableStream<Uint8Array>;
    constructor(format: CompressionFormat) {
      const inner = new Original(format);
      this.writable = inner.writable;
      this.readable = inner.readable.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            inflated += chunk.byteLength;
            controller.enqueue(chunk);
          },
        }),
      );
    }
  }
  globalThis.DecompressionStream = Counting as unknown as typeof DecompressionStream;
  try {
    return { result: await run().catch((error: unknown) => error), inflated };
  } finally {
    globalThis.DecompressionStream = Original;
  }
}

/** The parts of a one-sheet workbook, the sheet's XML replaced by `sheet`, plus `extra` entries. */
async function workbook(sheet: DeflatedEntry["chunks"], declaredSize?: number, extra: DeflatedEntry[] = []): Promise<Buffer> {
  const parts = rawParts([{ name: "Đoàn ra", rows: [["x"]] }]);
  return writeDeflatedZip([
    ...parts.map((part) => (part.name === "xl/worksheets/sheet1.xml" ? { name: part.name, chunks: sheet, declaredSize } : { name: part.name, chunks: textChunks(String(part.data)) })),
    ...extra,
  ]);
}

const SHEET_START = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;

function rowsOfCells(rows: number): DeflatedEntry["chunks"] {
  return function* () {
    yield Buffer.from(SHEET_START);
    for (let row = 1; row <= rows; row++) yield Buffer.from(`<row r="${row}"><c r="A${row}"><v>${row}</v></c><c r="B${row}" t="inlineStr"><is><t>dòng ${row}</t></is></c></row>`);
    yield Buffer.from(`</sheetData></worksheet>`);
  };
}

test("a workbook's parts are inflated once, not once to check and once to read", async () => {
  const bytes = await workbook(rowsOfCells(20_000));
  let sheetBytes = 0;
  for (const chunk of rowsOfCells(20_000)()) sheetBytes += chunk.length;
  const { result, inflated } = await countingInflation(() => readXlsx(bytes, "a.xlsx"));
  const grids = result as Awaited<ReturnType<typeof readXlsx>>;
  expect(grids[0].values[19_999]).toEqual([20_000, "dòng 20000"]);
  expect(inflated).toBeGreaterThanOrEqual(sheetBytes);
  // The other parts are a few kilobytes; inflating the sheet twice would double the count.
  expect(inflated).toBeLessThan(sheetBytes + 64 * 1024);
});

test("a sheet broken early (read only part way) that lies about its size is still refused as a bomb", async () => {
  const broken = function* () {
    yield Buffer.from(`${SHEET_START}<<<`);
    yield* repeatedChunks(30 * 1000 * 1000)();
  };
  const bytes = await workbook(broken, 2048);
  await expect(readXlsx(bytes, "b.xlsx")).rejects.toMatchObject({ reason: "too-large", message: expect.stringContaining("xl/worksheets/sheet1.xml") });
});

test("a part never read (an image) that lies about its size is refused, with a readable sheet beside it", async () => {
  const bytes = await workbook(rowsOfCells(3), undefined, [{ name: "xl/media/image1.png", chunks: repeatedChunks(30 * 1000 * 1000), declaredSize: 4096 }]);
  const error = await readXlsx(bytes, "c.xlsx").catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(WorkbookReadError);
  expect(error).toMatchObject({ reason: "too-large", message: expect.stringContaining("xl/media/image1.png") });
});

test("a workbook whose structure cannot be read and which hides a bomb is called too large, not corrupt", async () => {
  const bytes = await writeDeflatedZip([
    { name: "[Content_Types].xml", chunks: textChunks("<Types/>") },
    { name: "xl/workbook.xml", chunks: textChunks("<workbook><<<") },
    { name: "xl/media/image1.png", chunks: repeatedChunks(30 * 1000 * 1000), declaredSize: 4096 },
  ]);
  await expect(readXlsx(bytes, "d.xlsx")).rejects.toMatchObject({ reason: "too-large" });
});

test("values are read whole across the scanner's pieces: Vietnamese text longer than a piece, a tag cut anywhere", async () => {
  // 40,000 characters of 2- and 3-byte UTF-8 with no ">" in it: longer than one 32 KB piece.
  const long = "Đoàn công tác của Ủy ban nhân dân tỉnh — ".repeat(1000);
  const sheet = function* () {
    yield Buffer.from(SHEET_START);
    for (let row = 1; row <= 3000; row++) {
      const text = row === 1500 ? long : `Trưởng đoàn ${row} «ở Hà Nội»`;
      yield Buffer.from(`<row r="${row}"><c r="A${row}" t="inlineStr"><is><t>${text}</t></is></c><c r="B${row}" s="0"><v>${row / 4}</v></c></row>`);
    }
    yield Buffer.from(`</sheetData></worksheet>`);
  };
  const grids = await readXlsx(await workbook(sheet), "e.xlsx");
  const values = grids[0].values;
  expect(values).toHaveLength(3000);
  expect(values[1499][0]).toBe(long);
  for (const row of [1, 2, 777, 2999, 3000]) expect(values[row - 1]).toEqual([`Trưởng đoàn ${row} «ở Hà Nội»`, row / 4]);
});
