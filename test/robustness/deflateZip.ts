/**
 * A zip writer with real deflate compression, for the zip-bomb inputs: entries whose content is
 * produced in chunks (never held whole in memory) and whose headers may declare any size.
 */
import * as zlib from "node:zlib";
import { zipArchive, type ArchiveEntry } from "../fixtures/zip";

export interface DeflatedEntry {
  name: string;
  /** The uncompressed content, chunk by chunk (a generator: a bomb's gigabyte never exists at once). */
  chunks: () => Iterable<Uint8Array>;
  /** Uncompressed size written in the headers; defaults to the real size. A bomb can lie here. */
  declaredSize?: number;
}

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
    crc = zlib.crc32(chunk, crc);
    if (!deflater.write(chunk)) await new Promise((resolve) => deflater.once("drain", resolve));
  }
  deflater.end();
  await finished;
  return { data: Buffer.concat(output), size, crc };
}

export async function writeDeflatedZip(entries: DeflatedEntry[]): Promise<Buffer> {
  const archived: ArchiveEntry[] = [];
  for (const entry of entries) {
    const { data, size, crc } = await deflate(entry);
    archived.push({ name: entry.name, data, method: 8, crc, declaredSize: entry.declaredSize ?? size });
  }
  return zipArchive(archived);
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
