/** Builds the pages (or reuses the build of the same inputs), serves them, and says where screenshots go. */
import * as fs from "node:fs";
import { buildPlayground } from "./build";
import { SCREENSHOTS } from "./screenshots";
import { serveDirectory, type StaticServer } from "./server";

export default async function globalSetup(): Promise<void> {
  const dist = buildPlayground((line) => process.stdout.write(`\n${line}\n`));
  const server = await serveDirectory(dist);
  (globalThis as { __E2E_SERVER__?: StaticServer }).__E2E_SERVER__ = server;
  process.env.E2E_URL = server.url;
  fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  process.stdout.write(`e2e: playground served at ${server.url}/playground.html\ne2e: screenshots go to ${SCREENSHOTS}\n`);
}
