/** Stops the server and lists the screenshots taken, so a reviewer knows where to look. */
import * as fs from "node:fs";
import * as path from "node:path";
import { SCREENSHOTS } from "./screenshots";
import type { StaticServer } from "./server";

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __E2E_SERVER__?: StaticServer }).__E2E_SERVER__?.close();
  const files = fs.existsSync(SCREENSHOTS) ? fs.readdirSync(SCREENSHOTS).filter((file) => file.endsWith(".png")).sort() : [];
  process.stdout.write(`\ne2e: ${files.length} screenshots in ${SCREENSHOTS}\n${files.map((file) => `  ${path.join(SCREENSHOTS, file)}`).join("\n")}\n`);
}
