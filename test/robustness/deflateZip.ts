/**
 * A zip writer with real deflate compression, for the zip-bomb inputs: entries whose content is
 * produced in chunks (never held whole in memory) and whose headers may declare any size.
 */
import * as zlib from "node:zlib";


export interface DeflatedEntry {
  name: string;
  /** The uncompressed content, chunk by chunk (a generator: a bomb's gigabyte never exists at once). */
  chunks: () => Iterable<Uint8Array>;
  /** Uncompressed size written in the headers; defaults to the real size. A bomb can lie here. */
  declaredSize?: number;
}

const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 continued over another chunk (zlib's native one where Node has it: bombs are hundreds of MB). */
function crcUpdate(crc: number, data: Uint8Array): number {
  if (nativeCrc32) return nativeCrc32(data, crc);
  let c = (crc ^ 0xffffffff) >>> 0;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

async function deflate(entry: DeflatedEntry): Promise<{ data: Buffer; size: number; crc: number }> {
  const deflater = zlib.createDeflateRaw({ level: 9 });
  const output: Buffer[] = [];
  deflater.on("data", (chunk: Buffer) => output.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    deflater.on("end", resolve);
    deflater.on("error", reject);
  });
  let size = 0;
  let crc = 0;
  for (const chunk of entry.chunks()) {
    size += chunk.length;
    crc = crcUpdate(crc, chunk);
    if (!deflater.write(chunk)) await new Promise((resolve) => deflater.once("drain", resolve));
  }
  deflater.end();
  await finished;
  return { data: Buffer.concat(output), size, crc };
}

export async function writeDeflatedZip(entries: DeflatedEntry[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const { data, size, crc } = await deflate(entry);
    const declared = entry.declaredSize ?? size;
    const header = (signature: number, length: number) => {
      const buffer = Buffer.alloc(length);
      buffer.writeUInt32LE(signature, 0);
      return buffer;
    };
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);

    const central = header(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** `text` once, as one chunk. */
export function textChunks(text: string): () => Iterable<Uint8Array> {
  return () => [Buffer.from(text, "utf8")];
}

/** `total` bytes of `fill` (e.g. spaces inside an XML element), in 1 MB chunks. */
export function repeatedChunks(total: number, fill = 0x20): () => Iterable<Uint8Array> {
  return function* () {
    const block = Buffer.alloc(1 << 20, fill);
    for (let left = total; left > 0; left -= block.length) yield left >= block.length ? block : block.subarray(0, left);
  };
}
