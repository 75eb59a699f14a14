#!/usr/bin/env node
/**
 * The last step of `npm test`: the browser tests when Debian's Chromium is installed (.ci/run installs
 * it), and a loud notice when it is not, so a skipped run is never mistaken for a passed one.
 * CHROMIUM_PATH points at another Chromium; SKIP_E2E=1 skips on purpose (also loudly).
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function loud(lines) {
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const bar = "#".repeat(width);
  console.log(["", bar, ...lines.map((line) => `# ${line.padEnd(width - 4)} #`), bar, ""].join("\n"));
}

if (process.env.SKIP_E2E === "1") {
  loud(["SKIPPED: browser (e2e) tests — SKIP_E2E=1", "Run them with: npm run test:e2e"]);
  process.exit(0);
}
if (!fs.existsSync(chromium)) {
  loud([`SKIPPED: chromium not found (${chromium})`, "The browser (e2e) tests did NOT run.", "Install it (Debian/Ubuntu: apt-get install chromium), then: npm run test:e2e"]);
  process.exit(0);
}

const jest = path.join(__dirname, "..", "node_modules", "jest", "bin", "jest.js");
const result = spawnSync(process.execPath, [jest, "-c", "jest.e2e.config.js"], { cwd: path.join(__dirname, ".."), stdio: "inherit" });
process.exit(result.status ?? 1);
