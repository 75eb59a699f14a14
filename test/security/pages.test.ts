/**
 * Both HTML pages (task pane, playground) as webpack renders them, in every build flavour: a
 * Content-Security-Policy meta tag that allows no eval and no inline script, connects only to the
 * add-in's own origin, and loads scripts only from it and from Microsoft's office.js CDN.
 * The config is evaluated in a child process (it loads TypeScript strings through tsx, which jest cannot host).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

interface PageConfig {
  filename: string;
  template: string;
  parameters: Record<string, unknown>;
}

interface Flavour {
  label: string;
  devtool: string | false;
  pages: PageConfig[];
}

const FLAVOURS: { label: string; env: Record<string, string>; mode: string }[] = [
  { label: "production", env: {}, mode: "production" },
  { label: "production, local office.js", env: { officeJs: "local" }, mode: "production" },
  { label: "development", env: {}, mode: "development" },
];

function loadFlavours(): Flavour[] {
  const script = `
    const configure = require(${JSON.stringify(path.join(ROOT, "webpack.config.js"))});
    const flavours = ${JSON.stringify(FLAVOURS)};
    (async () => {
      const out = [];
      for (const flavour of flavours) {
        const config = await configure({ ...flavour.env }, { mode: flavour.mode });
        const pages = config.plugins
          .filter((plugin) => plugin.constructor.name === "HtmlWebpackPlugin")
          .map((plugin) => ({ filename: plugin.userOptions.filename, template: plugin.userOptions.template, parameters: plugin.userOptions.templateParameters }));
        out.push({ label: flavour.label, devtool: config.devtool, pages });
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((error) => { console.error(error); process.exit(1); });`;
  const result = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  if (result.status !== 0) throw new Error(`webpack.config.js failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Flavour[];
}

/** The page as HtmlWebpackPlugin renders it (its lodash `<%- name.path %>` placeholders filled, unescaped). */
function render(page: PageConfig): string {
  const template = fs.readFileSync(path.join(ROOT, page.template), "utf8");
  return template.replace(/<%[-=]\s*([\w.]+)\s*%>/g, (_, name: string) => {
    const value = name.split(".").reduce<unknown>((object, key) => (object as Record<string, unknown> | undefined)?.[key], page.parameters);
    if (typeof value !== "string") throw new Error(`${page.template}: no template parameter ${name}`);
    return value;
  });
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

let flavours: Flavour[];
beforeAll(() => {
  flavours = loadFlavours();
}, 90_000);

test("every flavour renders both pages", () => {
  for (const flavour of flavours) expect(flavour.pages.map((page) => page.filename).sort()).toEqual(["playground.html", "taskpane.html"]);
});

test.each(FLAVOURS.map((f) => [f.label] as const))("%s: each page has a CSP without eval or inline script; scripts only from itself and office.js; connections only to itself", (label) => {
  const flavour = flavours.find((candidate) => candidate.label === label)!;
  for (const page of flavour.pages) {
    const html = render(page);
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
    expect(metas).toHaveLength(1);
    const policy = directives(metas[0][1]);
    const all = [...policy.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(all).not.toContain("'wasm-unsafe-eval'");
    expect(all).not.toContain("*");
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    const scripts = policy.get("script-src")!;
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts.filter((source) => source !== "'self'")).toEqual(label.includes("local office.js") ? [] : [OFFICE_JS_ORIGIN]);
    // No network calls besides loading office.js: fetch/XHR/WebSocket may reach the add-in's own origin only
    // (and the dev server's live-reload socket on localhost).
    const connect = policy.get("connect-src")!.filter((source) => source !== "'self'");
    expect(connect).toEqual(label.startsWith("development") ? ["wss://localhost:3000"] : []);

    // The page's own script tags (the bundle is injected by webpack and is same-origin).
    for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/gi)) {
      const source = match[1];
      expect(/^https?:/.test(source) ? new URL(source).origin : "'self'").toMatch(new RegExp(`^('self'|${OFFICE_JS_ORIGIN.replace(/[.]/g, "\\.")})$`));
    }
    // No inline script blocks (they would need 'unsafe-inline').
    expect([...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>/gi)]).toHaveLength(0);
  }
});

test.each(FLAVOURS.map((f) => [f.label] as const))("%s: no eval-based source maps (the CSP would block them)", (label) => {
  const flavour = flavours.find((candidate) => candidate.label === label)!;
  expect(String(flavour.devtool)).not.toMatch(/eval/);
});
