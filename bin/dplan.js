#!/usr/bin/env node
"use strict";
// Runs the TypeScript sources with no build step, so `npx dplan` works right after `npm ci`.
//
// Fast path: the sources are bundled by esbuild (one CommonJS file; `import()` of our own modules is
// inlined, npm packages stay external but for the few in BUNDLED_PACKAGES) into a cache file named by a key
// of every source file's path, size and mtime, and that file runs in this process, from V8's code cache
// after the first run. A run after any edit under src/ (or of tsconfig, package.json, this file, esbuild or a
// bundled package) gets a new key, so stale code never runs; an unchanged tree skips the bundling, the
// compiling and a child process (about 0.5 s of CPU saved per run).
//
// Fallback: when esbuild is missing, the bundle cannot be built, or the cache folder cannot be written
// (read-only node_modules), the CLI runs as before, in a child Node started with `--import tsx` (tsx's way
// to hook both loaders: `import()` goes through the ESM loader, which `require("tsx/cjs")` does not reach).
// DPLAN_CACHE_DIR moves the cache folder; DPLAN_RUN_WITH_TSX=1 forces the fallback.
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");

const root = path.join(__dirname, "..");
const sources = path.join(root, "src");
const entry = path.join(sources, "cli", "entry.ts");
// Packages bundled with the sources instead of required: zod's CommonJS build loads its 95 files (every
// locale) and i18n-iso-countries' Node entry reads all of its 80 languages at start-up; bundled, zod is
// tree-shaken and the countries come from the browser entry, as in the pane (the domain registers "vi" and
// "en" itself). Every other package is required at run time.
const BUNDLED_PACKAGES = ["zod", "i18n-iso-countries", "diacritics"];

const bundle = process.env.DPLAN_RUN_WITH_TSX === "1" ? undefined : cachedBundle();
if (bundle) {
  // With source maps on (NODE_OPTIONS=--enable-source-maps), the bundle is required so that Node maps stack
  // traces to the .ts sources (the bundle's linked map); otherwise it runs from V8's code cache, faster.
  const sourceMaps = process.sourceMapsEnabled === true || process.execArgv.includes("--enable-source-maps") || /--enable-source-maps/.test(process.env.NODE_OPTIONS || "");
  try {
    if (sourceMaps) require(bundle);
    else runBundle(bundle);
  } catch (error) {
    // Removed by a run of newer sources between the lookup and the load (nothing of it ran): run as a fallback.
    if (error && error.code === "MODULE_NOT_FOUND" && !fs.existsSync(bundle)) runWithTsx();
    else throw error;
  }
} else runWithTsx();

/**
 * Runs the bundle as require() would, but with V8's code cache kept beside it (`.v8`): compiling the 1.4 MB
 * bundle is most of the start-up otherwise. The cache is written once, at the end of the first run (so it
 * holds the functions that run compiled), and ignored by V8 when it does not fit this Node.
 */
function runBundle(file) {
  const vm = require("node:vm");
  const { wrap } = require("node:module");
  const code = fs.readFileSync(file, "utf8");
  const cacheFile = `${file}.v8`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // Not written yet.
  }
  const script = new vm.Script(wrap(code), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once("exit", () => {
      try {
        const unique = `${cacheFile}.${process.pid}.${crypto.randomBytes(6).toString("hex")}.tmp`;
        fs.writeFileSync(unique, script.createCachedData());
        fs.renameSync(unique, cacheFile);
      } catch {
        // Only speed is lost.
      }
    });
  }
  const bundleModule = { exports: {}, filename: file, id: file, loaded: false, children: [], paths: [] };
  script.runInThisContext().call(bundleModule.exports, bundleModule.exports, require, bundleModule, file, path.dirname(file));
}

/** The bundle's path, built now if the cache does not hold it yet; undefined when it cannot be had. */
function cachedBundle() {
  // Only esbuild's version is needed to find a bundle already built: its code is loaded only to build one.
  let esbuildVersion;
  try {
    esbuildVersion = require("esbuild/package.json").version;
  } catch {
    return undefined;
  }
  const folder = process.env.DPLAN_CACHE_DIR || path.join(root, "node_modules", ".cache", "dplan");
  // The tree's own prefix: several checkouts may share one node_modules (and so one cache folder).
  const prefix = `cli-${digest([root]).slice(0, 12)}-`;
  const packages = bundledPackages();
  if (!packages) return undefined;
  const key = sourcesKey(esbuildVersion, packages);
  if (!key) return undefined;
  let file = path.join(folder, `${prefix}${key}.cjs`);
  if (fs.existsSync(file)) return file;
  try {
    fs.mkdirSync(folder, { recursive: true });
    // Node loads the bundle by its real path; the map's relative source paths must start from there.
    file = path.join(fs.realpathSync(folder), path.basename(file));
  } catch {
    return undefined;
  }

  let outputs;
  try {
    const result = require("esbuild").buildSync({
      entryPoints: [entry],
      absWorkingDir: root,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      packages: "external",
      alias: Object.fromEntries(packages.map(({ name, folder }) => [name, folder])),
      mainFields: ["browser", "module", "main"],
      // Packages are required as from the sources (src/cli), wherever the cache folder is; import() of a
      // package becomes a require too, since an ESM import() would resolve from the bundle's own folder.
      supported: { "dynamic-import": false },
      banner: { js: `"use strict";\nvar require = require("node:module").createRequire(${JSON.stringify(entry)});` },
      outfile: file,
      sourcemap: "linked",
      sourcesContent: false,
      metafile: true,
      write: false,
      logLevel: "silent",
    });
    // Every file bundled must be one the key covers; otherwise an edit to it would not be seen.
    const covered = [sources, ...packages.map(({ folder }) => folder)].map((folder) => folder + path.sep);
    const inputs = Object.keys(result.metafile.inputs).map((input) => path.resolve(root, input));
    if (inputs.some((input) => !covered.some((folder) => input.startsWith(folder)))) return undefined;
    outputs = result.outputFiles;
  } catch {
    return undefined;
  }
  try {
    // Written under a temporary name and renamed (atomic): a run started meanwhile sees no file or a whole one.
    const unique = `${process.pid}.${crypto.randomBytes(6).toString("hex")}.tmp`;
    const map = outputs.find((output) => output.path.endsWith(".map"));
    const code = outputs.find((output) => output !== map);
    if (map) {
      fs.writeFileSync(`${map.path}.${unique}`, map.contents);
      fs.renameSync(`${map.path}.${unique}`, map.path);
    }
    fs.writeFileSync(`${file}.${unique}`, code.contents);
    fs.renameSync(`${file}.${unique}`, file);
  } catch {
    return undefined;
  }
  removeOlderBundles(path.dirname(file), prefix, file);
  return file;
}

/** The bundled packages' folders (real paths, as esbuild names its inputs); undefined when one is missing. */
function bundledPackages() {
  try {
    const found = [];
    for (const name of BUNDLED_PACKAGES) {
      // From the sources, or (for a dependency installed nested) from the packages found before it.
      const from = [root, ...found.map(({ folder }) => folder)];
      found.push({ name, folder: fs.realpathSync(path.dirname(require.resolve(`${name}/package.json`, { paths: from }))) });
    }
    return found;
  } catch {
    return undefined;
  }
}

/**
 * A digest of what the bundle is made from: the sources' paths, sizes and mtimes, plus the build's own inputs
 * and the bundled packages' package.json (an install rewrites it).
 */
function sourcesKey(esbuildVersion, packages) {
  const facts = [esbuildVersion, process.version];
  const add = (file) => {
    const stat = fs.statSync(file);
    facts.push(`${path.relative(root, file)}\0${stat.size}\0${stat.mtimeMs}`);
  };
  try {
    for (const file of [__filename, path.join(root, "tsconfig.json"), path.join(root, "package.json")]) add(file);
    for (const { folder } of packages) add(path.join(folder, "package.json"));
    const walk = (folder) => {
      const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const item of entries) {
        const full = path.join(folder, item.name);
        if (item.isDirectory()) walk(full);
        else add(full);
      }
    };
    walk(sources);
  } catch {
    return undefined;
  }
  return digest(facts).slice(0, 24);
}

function digest(facts) {
  return crypto.createHash("sha256").update(facts.join("\n")).digest("hex");
}

/** Bundles of this tree's earlier sources are dead weight; a run still loading one has read it already. */
function removeOlderBundles(folder, prefix, keep) {
  try {
    for (const name of fs.readdirSync(folder)) {
      const full = path.join(folder, name);
      if (name.startsWith(prefix) && !name.endsWith(".tmp") && !name.startsWith(path.basename(keep))) fs.rmSync(full, { force: true });
    }
  } catch {
    // Only tidying.
  }
}

function runWithTsx() {
  const { spawnSync } = require("node:child_process");
  const { pathToFileURL } = require("node:url");
  // tsx is resolved from this package, not from the folder the officer runs dplan in.
  const tsxLoader = pathToFileURL(require.resolve("tsx")).href;
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
}
