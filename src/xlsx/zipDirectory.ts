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
  /** Every entry as the central directory describes it (zipInflate.ts checks the sizes are true). */
  parts: ZipPart[];
}

export interface ZipPart {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedBytes: number;
  /** As declared: a crafted archive can lie here. */
  uncompressedBytes: number;
  localHeaderOffset: number;
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
  const parts: ZipPart[] = [];
  const decoder = new TextDecoder("utf-8");
  let uncompressedBytes = 0;
  let at = directoryOffset;
  // The entry count of the end record is not trusted: JSZip (inside exceljs) reads entries for as long as
  // their signature follows, so a count one lower than the directory holds would hide the last entry from
  // the size check. Walk the directory the same way.
  while (at + 46 <= view.byteLength && view.getUint32(at, true) === DIRECTORY_ENTRY) {
    const method = view.getUint16(at + 10, true);
    let compressed = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > view.byteLength) return undefined;
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    names.add(name);
    if (size === 0xffffffff || compressed === 0xffffffff || localHeaderOffset === 0xffffffff) {
      const zip64 = zip64Sizes(view, at + 46 + nameLength, extraLength, { size, compressed, localHeaderOffset });
      size = zip64.size;
      compressed = zip64.compressed;
      localHeaderOffset = zip64.localHeaderOffset;
    }
    uncompressedBytes += size;
    parts.push({ name, method, compressedBytes: compressed, uncompressedBytes: size, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  // An end record that announces entries where there are none is a broken archive (JSZip refuses it too).
  if (parts.length === 0 && entries > 0) return undefined;
  entries = parts.length;
  return { names, uncompressedBytes, entries, parts };
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

/**
 * The zip64 extra field holds, in this order, only the values whose 32-bit field is 0xffffffff:
 * uncompressed size, compressed size, local header offset. Missing → MAX_SAFE_INTEGER (refused as too large).
 */
function zip64Sizes(
  view: DataView,
  start: number,
  length: number,
  header: { size: number; compressed: number; localHeaderOffset: number },
): { size: number; compressed: number; localHeaderOffset: number } {
  const values = { ...header };
  const order = ["size", "compressed", "localHeaderOffset"] as const;
  const wanted = order.filter((key) => header[key] === 0xffffffff);
  for (const key of wanted) values[key] = Number.MAX_SAFE_INTEGER;
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      wanted.forEach((key, i) => {
        const field = at + 4 + i * 8;
        if (i * 8 + 8 <= size && field + 8 <= view.byteLength) values[key] = Number(view.getBigUint64(field, true));
      });
      break;
    }
    at += 4 + size;
  }
  return values;
}
