/** checkInflatedSizes: a zip part that inflates past its declared size is caught before exceljs sees it. */
import { inspectZip } from "../../src/xlsx/zipDirectory";
import { checkInflatedSizes } from "../../src/xlsx/zipInflate";
import { writeZip } from "../fixtures/zip";
import { repeatedChunks, textChunks, writeDeflatedZip } from "../robustness/deflateZip";

async function check(bytes: Uint8Array) {
  const zip = inspectZip(bytes);
  if (!zip) throw new Error("not a zip");
  return checkInflatedSizes(bytes, zip.parts);
}

describe("checkInflatedSizes", () => {
  test("honest deflated and stored parts pass", async () => {
    const deflated = await writeDeflatedZip([
      { name: "a.xml", chunks: textChunks("<a>" + "xin chào ".repeat(1000) + "</a>") },
      { name: "b.xml", chunks: repeatedChunks(3_000_000) },
    ]);
    expect(await check(deflated)).toEqual({ result: "ok" });
    expect(await check(writeZip([{ name: "c.txt", data: "stored" }]))).toEqual({ result: "ok" });
  });

  test("a part inflating past its declaration is named, whatever its position", async () => {
    const bytes = await writeDeflatedZip([
      { name: "xl/workbook.xml", chunks: textChunks("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", chunks: repeatedChunks(5_000_000), declaredSize: 4_999_999 },
    ]);
    expect(await check(bytes)).toEqual({ result: "oversized", part: "xl/worksheets/sheet1.xml" });
  });

  test("the caller's bytes are left exactly as they were", async () => {
    const bytes = await writeDeflatedZip([{ name: "a.xml", chunks: repeatedChunks(200_000), declaredSize: 10 }]);
    const before = Buffer.from(bytes);
    await check(bytes);
    expect(Buffer.compare(Buffer.from(bytes), before)).toBe(0);
  });

  test("invalid deflate data is left for exceljs to call corrupt (not a size problem)", async () => {
    const bytes = await writeDeflatedZip([{ name: "a.xml", chunks: textChunks("<a/>".repeat(100)) }]);
    const zip = inspectZip(bytes)!;
    const start = zip.parts[0].localHeaderOffset + 30 + "a.xml".length;
    const damaged = Buffer.from(bytes);
    damaged.fill(0xff, start, start + 8);
    expect(await check(damaged)).toEqual({ result: "ok" });
  });

  test("without DecompressionStream (an old webview) nothing is inflated and the result says so", async () => {
    const bytes = await writeDeflatedZip([{ name: "a.xml", chunks: repeatedChunks(100_000), declaredSize: 10 }]);
    const original = globalThis.DecompressionStream;
    try {
      (globalThis as { DecompressionStream?: unknown }).DecompressionStream = undefined;
      expect(await check(bytes)).toEqual({ result: "unchecked" });
    } finally {
      globalThis.DecompressionStream = original;
    }
  });
});
