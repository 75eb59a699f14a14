/**
 * Writing zip archives: the local and central records of an entry, and an archive assembled from records
 * (offsets set, end record appended). One writer for the CLI's package edit (src/cli/packageEdit.ts,
 * which also passes records of the master through byte for byte) and the tests' odd archives. No Node
 * or DOM imports: the caller brings the entry's CRC-32 (node:zlib's crc32 in Node).
 */

/** An entry to write: its bytes as stored in the archive. */
export interface ZipRecordInput {
  name: string;
  /** The bytes as stored (already deflated for method 8). */
  stored: Uint8Array;
  /** 0 = stored, 8 = deflate. */
  method: 0 | 8;
  crc: number;
  /** Uncompressed size written in the headers (a test may make it lie). */
  size: number;
}

/** An entry's raw records: local header with name and data; central record (its offset is set on assembly). */
export interface ZipRecords {
  local: Uint8Array;
  central: Uint8Array;
}

const UTF8_NAMES = 0x0800;

export function zipRecords(entry: ZipRecordInput): ZipRecords {
  const name = new TextEncoder().encode(entry.name);
  const local = new Uint8Array(30 + name.length + entry.stored.length);
  const l = new DataView(local.buffer);
  l.setUint32(0, 0x04034b50, true);
  l.setUint16(4, 20, true);
  l.setUint16(6, UTF8_NAMES, true);
  l.setUint16(8, entry.method, true);
  l.setUint32(14, entry.crc >>> 0, true);
  l.setUint32(18, entry.stored.length, true);
  l.setUint32(22, entry.size, true);
  l.setUint16(26, name.length, true);
  local.set(name, 30);
  local.set(entry.stored, 30 + name.length);

  const central = new Uint8Array(46 + name.length);
  const c = new DataView(central.buffer);
  c.setUint32(0, 0x02014b50, true);
  c.setUint16(4, 20, true);
  c.setUint16(6, 20, true);
  c.setUint16(8, UTF8_NAMES, true);
  c.setUint16(10, entry.method, true);
  c.setUint32(16, entry.crc >>> 0, true);
  c.setUint32(20, entry.stored.length, true);
  c.setUint32(24, entry.size, true);
  c.setUint16(28, name.length, true);
  central.set(name, 46);
  return { local, central };
}

/** The archive: every local record in order, the central directory (offsets set), the end record. */
export function assembleZip(entries: readonly ZipRecords[]): Uint8Array {
  let offset = 0;
  const offsets = entries.map((entry) => {
    const at = offset;
    offset += entry.local.length;
    return at;
  });
  const directorySize = entries.reduce((sum, entry) => sum + entry.central.length, 0);
  const out = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const entry of entries) {
    out.set(entry.local, at);
    at += entry.local.length;
  }
  entries.forEach((entry, index) => {
    out.set(entry.central, at);
    new DataView(out.buffer, at, entry.central.length).setUint32(42, offsets[index], true);
    at += entry.central.length;
  });
  const end = new DataView(out.buffer, at, 22);
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  return out;
}
