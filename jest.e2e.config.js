/**
 * Browser tests (npm run test:e2e): Debian's Chromium, driven by playwright-core, against the playground
 * built once with webpack and served on a free localhost port. One worker: one browser at a time.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: {
    "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true } } }],
  },
  globalSetup: "<rootDir>/test/e2e/support/globalSetup.ts",
  globalTeardown: "<rootDir>/test/e2e/support/globalTeardown.ts",
  maxWorkers: 1,
  verbose: true,
  testTimeout: 120_000,
};
