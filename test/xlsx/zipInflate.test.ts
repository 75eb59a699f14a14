/** checkInflatedSizes: a zip part that inflates past its declared size is caught before exceljs sees it. */
import { inspectZip } from "../../src/xlsx/zipDirectory";
import { checkInflatedSizes, inflatePart, PartTooLargeError } from "../../src/xlsx/zipInflate";
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

describe("inflatePart", () => {
  const content = Buffer.from(Array.from({ length: 40_000 }, (_, i) => `<c r="A${i + 1}"><v>${i}</v></c>`).join(""));
  const chunked = () => {
    const pieces: Uint8Array[] = [];
    for (let at = 0; at < content.length; at += 50_000) pieces.push(content.subarray(at, at + 50_000));
    return pieces;
  };

  test("hands on every byte in order, reading the next piece ahead while one is handled", async () => {
    const bytes = await writeDeflatedZip([{ name: "a.xml", chunks: chunked }]);
    const part = inspectZip(bytes)!.parts[0];
    const received: Uint8Array[] = [];
    const total = await inflatePart(bytes, part, part.uncompressedBytes, (chunk) => received.push(Uint8Array.from(chunk)));
    expect(total).toBe(content.length);
    expect(Buffer.compare(Buffer.concat(received), content)).toBe(0);
  });

  test("a handler that throws stops the inflation with its own error", async () => {
    const bytes = await writeDeflatedZip([{ name: "a.xml", chunks: chunked }]);
    const part = inspectZip(bytes)!.parts[0];
    let calls = 0;
    const stop = new Error("stop here");
    await expect(
      inflatePart(bytes, part, part.uncompressedBytes, () => {
        calls++;
        throw stop;
      }),
    ).rejects.toBe(stop);
    expect(calls).toBe(1);
  });

  test("a part that inflates past the limit is refused by name", async () => {
    const bytes = await writeDeflatedZip([{ name: "a.xml", chunks: chunked, declaredSize: 1000 }]);
    const part = inspectZip(bytes)!.parts[0];
    await expect(inflatePart(bytes, part, part.uncompressedBytes, () => undefined)).rejects.toEqual(new PartTooLargeError("a.xml"));
  });
});
