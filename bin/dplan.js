#!/usr/bin/env node
"use strict";
// Runs the TypeScript sources through tsx, so `npx dplan` works right after `npm ci` with no build step.
require("tsx/cjs");
const { runFromProcess } = require("../src/cli/main.ts");

runFromProcess().catch((error) => {
  process.stderr.write(`Lỗi không mong đợi: ${error && error.stack ? error.stack : error}\n`);
  process.exitCode = 2;
});
