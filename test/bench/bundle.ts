/**
 * The task pane's download size: a production webpack build into a temporary folder, then the gzipped
 * size of every script taskpane.html loads itself (office.js from Microsoft's CDN excluded: it is not
 * ours and is cached by Office) and of the lazily loaded chunks (exceljs, fetched only to read files).
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleSizes {
  /** Scripts of taskpane.html, relative to the build folder. */
  initialFiles: string[];
  /** Gzipped KB (1024 bytes, gzip's default level as a server compresses on the fly) of those scripts together. */
  initialGzipKb: number;
  initialRawKb: number;
  /** Gzipped KB of the exceljs chunk, or undefined when the build has none. */
  exceljsGzipKb?: number;
  /** Every lazily loaded chunk: file → gzipped KB. */
  lazyChunks: Record<string, number>;
}

const ROOT = path.resolve(__dirname, "../..");

function kb(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10;
}

/** The local scripts a page loads (`<script src>` without a scheme), in document order. */
export function pageScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi)) {
    const source = match[1] ?? match[2] ?? match[3];
    if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(source)) scripts.push(source.replace(/^\.?\//, "").split(/[?#]/)[0]);
  }
  return scripts;
}

/** Sizes measured in a finished build folder (dist/ or the benchmark's temporary one). */
export function measureBuild(folder: string): BundleSizes {
  const html = fs.readFileSync(path.join(folder, "taskpane.html"), "utf8");
  const initialFiles = pageScripts(html);
  let gzip = 0;
  let raw = 0;
  for (const file of initialFiles) {
    const bytes = fs.readFileSync(path.join(folder, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  const lazyChunks: Record<string, number> = {};
  const chunkFolder = path.join(folder, "chunks");
  if (fs.existsSync(chunkFolder)) {
    for (const file of fs.readdirSync(chunkFolder).filter((name) => name.endsWith(".js")).sort()) {
      lazyChunks[`chunks/${file}`] = kb(gzipSync(fs.readFileSync(path.join(chunkFolder, file))).length);
    }
  }
  const exceljs = Object.entries(lazyChunks).find(([file]) => /(^|\/)exceljs[.\-]/.test(path.basename(file)));
  const sizes: BundleSizes = { initialFiles, initialGzipKb: kb(gzip), initialRawKb: kb(raw), lazyChunks };
  if (exceljs) sizes.exceljsGzipKb = exceljs[1];
  return sizes;
}

/** `npm run build` (webpack, production) into a temporary folder, measured, then removed. */
export async function buildAndMeasure(log: (line: string) => void = () => undefined): Promise<BundleSizes> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-bundle-"));
  try {
    const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    log("bundle: webpack --mode production …");
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [cli, "--mode", "production", "--output-path", folder], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`webpack failed (exit ${code}):\n${output.slice(-4000)}`))));
    });
    return measureBuild(folder);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
