/**
 * Builds the pages once with webpack into <tmp>/dplan-e2e-dist/<hash of the inputs>, reusing an earlier
 * build of the same inputs (outside the repository: nothing for lint or git to see). Development mode: a third of the production build's time, and the same code paths
 * (`npm run build`, run by CI, checks the production build).
 */
import { execFileSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..", "..");
const INPUTS = ["src", "assets", "webpack.config.js", "package.json", "tsconfig.json", "manifest.xml", "test/taskpane"];

/** E2E_MODE=production builds as `npm run build` does; anything else: development. */
function buildMode(): "production" | "development" {
  return process.env.E2E_MODE === "production" ? "production" : "development";
}

function fingerprint(): string {
  const hash = crypto.createHash("sha256");
  const visit = (entry: string) => {
    const full = path.join(ROOT, entry);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(full).sort()) visit(path.join(entry, child));
      return;
    }
    hash.update(entry).update(fs.readFileSync(full));
  };
  INPUTS.forEach(visit);
  hash.update(buildMode());
  return hash.digest("hex").slice(0, 16);
}

export function buildPlayground(log: (line: string) => void = console.log): string {
  const checkout = crypto.createHash("sha256").update(ROOT).digest("hex").slice(0, 8);
  const out = path.join(process.env.E2E_DIST ?? path.join(os.tmpdir(), `dplan-e2e-dist-${checkout}`), fingerprint());
  if (fs.existsSync(path.join(out, "playground.html"))) {
    log(`e2e: reusing the build in ${out}`);
    return out;
  }
  // Older builds of other inputs are not needed any more.
  const parent = path.dirname(out);
  for (const old of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
    if (/^[0-9a-f]{16}$/.test(old)) fs.rmSync(path.join(parent, old), { recursive: true, force: true });
  }
  const mode = buildMode();
  log(`e2e: building the pages (webpack --mode ${mode}) into ${out} …`);
  const webpack = path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
  execFileSync(process.execPath, [webpack, "--mode", mode, "--output-path", out, "--no-stats"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (!fs.existsSync(path.join(out, "playground.html"))) throw new Error("webpack did not produce playground.html");
  return out;
}
