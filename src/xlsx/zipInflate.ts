/**
 * Whether every part of a zip inflates to no more than its central directory declares. exceljs (JSZip)
 * trusts the declaration and inflates each part whole into memory, so a crafted "zip bomb" that declares
 * a few kilobytes and expands to gigabytes would pass the declared-size limit and then exhaust memory.
 * Here each deflated part is inflated in small steps (output counted, then dropped) and the check stops
 * at the first byte past the declaration. Runs wherever DecompressionStream exists (Node 18+, current
 * browsers and Office webviews); elsewhere it reports "unchecked" and the declared sizes are all we have.
 */
import type { ZipPart } from "./zipDirectory";

export type InflateCheck = { result: "ok" } | { result: "unchecked" } | { result: "oversized"; part: string };

const LOCAL_HEADER = 0x04034b50;
const DEFLATE = 8;
/** Compressed bytes fed per step: one step inflates to at most ~1,032 times this (deflate's limit). */
const STEP_BYTES = 16 * 1024;

export async function checkInflatedSizes(bytes: Uint8Array, parts: readonly ZipPart[]): Promise<InflateCheck> {
  if (typeof DecompressionStream !== "function") return { result: "unchecked" };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const part of parts) {
    // Stored parts are copied as they are (no amplification); other methods fail in exceljs as corrupt.
    if (part.method !== DEFLATE) continue;
    const data = partData(view, bytes, part);
    // A part that cannot be located is left for exceljs, which reports the file as corrupt.
    if (!data) continue;
    if (!(await inflatesWithin(data, part.uncompressedBytes))) return { result: "oversized", part: part.name };
  }
  return { result: "ok" };
}

function partData(view: DataView, bytes: Uint8Array, part: ZipPart): Uint8Array | undefined {
  const at = part.localHeaderOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== LOCAL_HEADER) return undefined;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + part.compressedBytes;
  return end <= bytes.length ? bytes.subarray(start, end) : undefined;
}

/** Inflates `data` step by step; false as soon as the output passes `limit` bytes. */
async function inflatesWithin(data: Uint8Array, limit: number): Promise<boolean> {
  // Not valid deflate data is not a size problem: exceljs will report the file as corrupt.
  return (await inflateStream(data, limit, () => undefined)).outcome !== "oversized";
}

/**
 * Inflates raw deflate `data` in small steps, handing each piece to `onChunk`; stops as soon as the output
 * passes `limit` bytes ("oversized") or the data turns out not to be deflate ("invalid").
 */
async function inflateStream(data: Uint8Array, limit: number, onChunk: (chunk: Uint8Array) => void): Promise<{ outcome: "ok" | "oversized" | "invalid"; total: number }> {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const feeding = (async () => {
    // Copies (slice) so the caller's bytes are never handed to the stream, which may take ownership of them.
    for (let at = 0; at < data.length; at += STEP_BYTES) await writer.write(data.slice(at, at + STEP_BYTES));
    await writer.close();
  })();
  // A feeding failure (invalid data, or the cancel below) surfaces on the reader side.
  feeding.catch(() => undefined);
  let total = 0;
  let next = reader.read();
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await next;
    } catch {
      return { outcome: "invalid", total };
    }
    if (step.done) return { outcome: "ok", total };
    total += step.value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return { outcome: "oversized", total };
    }
    // One piece read ahead: the next inflates (off the main thread, in Node) while this one is handled.
    // One inflated piece more is held at a time, and it is counted before it is handed on.
    next = reader.read();
    next.catch(() => undefined);
    try {
      onChunk(step.value);
    } catch (error) {
      await reader.cancel().catch(() => undefined);
      throw error;
    }
  }
}

/** Content already whole (stored, or inflated by JSZip) handed on in the same small pieces as a stream's. */
function handInPieces(content: Uint8Array, onChunk: (chunk: Uint8Array) => void): number {
  for (let at = 0; at < content.length; at += STEP_BYTES * 16) onChunk(content.subarray(at, at + STEP_BYTES * 16));
  return content.length;
}

export class PartTooLargeError extends Error {
  constructor(readonly part: string) {
    super(`part ${part} inflates beyond its limit`);
  }
}

export class PartUnreadableError extends Error {
  constructor(readonly part: string) {
    super(`part ${part} cannot be inflated`);
  }
}

/**
 * Hands a part's content to `onChunk` as it inflates, in small steps, never whole. Throws PartTooLargeError
 * as soon as the output passes `limit` bytes, PartUnreadableError when the data is missing or not deflate.
 */
export async function inflatePart(bytes: Uint8Array, part: ZipPart, limit: number, onChunk: (chunk: Uint8Array) => void): Promise<number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data = partData(view, bytes, part);
  if (!data) throw new PartUnreadableError(part.name);
  if (part.method === 0) {
    if (data.length > limit) throw new PartTooLargeError(part.name);
    return handInPieces(data, onChunk);
  }
  if (part.method !== DEFLATE) throw new PartUnreadableError(part.name);
  if (typeof DecompressionStream !== "function") {
    // Older webviews (Safari before 16.4) and jsdom: the part inflated whole by JSZip (exceljs' own zip
    // library), as exceljs would; checkInflatedSizes cannot run there either.
    const whole = await inflateWhole(bytes, part);
    if (whole.length > limit) throw new PartTooLargeError(part.name);
    return handInPieces(whole, onChunk);
  }
  const { outcome, total } = await inflateStream(data, limit, onChunk);
  if (outcome === "oversized") throw new PartTooLargeError(part.name);
  if (outcome === "invalid") throw new PartUnreadableError(part.name);
  return total;
}

const archives = new WeakMap<Uint8Array, Promise<import("jszip")>>();

async function inflateWhole(bytes: Uint8Array, part: ZipPart): Promise<Uint8Array> {
  let archive = archives.get(bytes);
  if (!archive) {
    archive = import("jszip").then((module) => (module.default ?? module).loadAsync(bytes));
    archives.set(bytes, archive);
  }
  try {
    const file = (await archive).file(part.name);
    if (!file) throw new PartUnreadableError(part.name);
    return await file.async("uint8array");
  } catch {
    throw new PartUnreadableError(part.name);
  }
}
