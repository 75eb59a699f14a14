/**
 * Reads a zip's central directory (names and declared uncompressed sizes) without inflating
 * anything, so a "zip bomb" is refused before exceljs expands it in memory.
 */

/** Refuse workbooks whose parts would inflate beyond this. */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1000 * 1000;

export interface ZipSummary {
  names: Set<string>;
  /** Sum of the declared uncompressed sizes of all entries. */
  uncompressedBytes: number;
  entries: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** The central directory's summary, or undefined when the archive is truncated or malformed. */
export function inspectZip(bytes: Uint8Array): ZipSummary | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end < 0) return undefined;

  let entries = view.getUint16(end + 10, true);
  let directoryOffset = view.getUint32(end + 16, true);
  if (entries === 0xffff || directoryOffset === 0xffffffff) {
    const zip64 = readZip64End(view, end);
    if (!zip64) return undefined;
    entries = zip64.entries;
    directoryOffset = zip64.offset;
  }

  const names = new Set<string>();
  const decoder = new TextDecoder("utf-8");
  let uncompressedBytes = 0;
  let at = directoryOffset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) return undefined;
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > view.byteLength) return undefined;
    names.add(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    if (size === 0xffffffff) size = zip64Size(view, at + 46 + nameLength, extraLength) ?? Number.MAX_SAFE_INTEGER;
    uncompressedBytes += size;
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { names, uncompressedBytes, entries };
}

function findEndOfDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  return -1;
}

function readZip64End(view: DataView, end: number): { entries: number; offset: number } | undefined {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) return undefined;
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_END) return undefined;
  return { entries: Number(view.getBigUint64(record + 32, true)), offset: Number(view.getBigUint64(record + 48, true)) };
}

/** The 64-bit uncompressed size from an entry's zip64 extra field. */
function zip64Size(view: DataView, start: number, length: number): number | undefined {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001 && size >= 8 && at + 12 <= view.byteLength) return Number(view.getBigUint64(at + 4, true));
    at += 4 + size;
  }
  return undefined;
}
