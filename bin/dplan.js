#!/usr/bin/env node
"use strict";
// Runs the TypeScript sources through tsx, so `npx dplan` works right after `npm ci` with no build step.
// The CLI runs in a child Node started with `--import tsx`, tsx's supported way to hook both loaders:
// the sources load some modules with `import()` (so webpack can split chunks), and in Node those go
// through the ESM loader, which tsx's CommonJS hook alone (`require("tsx/cjs")`) does not reach.
const { spawnSync } = require("node:child_process");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

// tsx is resolved from this package, not from the folder the officer runs dplan in.
const tsxLoader = pathToFileURL(require.resolve("tsx")).href;

const entry = path.join(__dirname, "..", "src", "cli", "entry.ts");
const result = spawnSync(process.execPath, ["--import", tsxLoader, entry, ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: process.cwd(),
});
if (result.error) {
  process.stderr.write(`Không chạy được dplan: ${result.error.message}\n`);
  process.exitCode = 2;
} else if (result.signal) {
  process.stderr.write(`dplan bị dừng (${result.signal}).\n`);
  process.exitCode = 2;
} else {
  process.exitCode = result.status ?? 2;
}
