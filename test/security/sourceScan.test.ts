/**
 * What no source file may contain: code from strings (eval, new Function, string timers), HTML from
 * strings (innerHTML and its kin, dangerouslySetInnerHTML, document.write), and network calls other than
 * the explicitly allowed ones (office.js itself is a <script> of the page, see pages.test.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";

const SRC = path.resolve(__dirname, "../../src");

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|jsx|mjs|cjs|html)$/.test(entry.name) ? [full] : [];
  });
}

/** The code without comments (a comment may name what the code must not do). Strings are kept: eval("…") in a string is still suspect. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1").replace(/<!--[\s\S]*?-->/g, "");
}

const FILES = sourceFiles(SRC).map((file) => ({ file: path.relative(path.resolve(SRC, ".."), file).split(path.sep).join("/"), code: withoutComments(fs.readFileSync(file, "utf8")) }));

const FORBIDDEN: [string, RegExp][] = [
  ["eval", /\beval\s*\(/],
  ["new Function", /\bnew\s+Function\s*\(/],
  ["Function from a string", /\bFunction\s*\(\s*["'`]/],
  ["setTimeout/setInterval with a string", /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
  ["innerHTML", /\.innerHTML\b/],
  ["outerHTML", /\.outerHTML\b/],
  ["insertAdjacentHTML", /\binsertAdjacentHTML\b/],
  ["dangerouslySetInnerHTML", /\bdangerouslySetInnerHTML\b/],
  ["document.write", /\bdocument\.write(?:ln)?\s*\(/],
  ["createContextualFragment", /\bcreateContextualFragment\b/],
  ["javascript: URL", /["'`]javascript:/i],
];

const NETWORK: [string, RegExp][] = [
  ["fetch", /\bfetch\s*\(/],
  ["XMLHttpRequest", /\bXMLHttpRequest\b/],
  ["WebSocket", /\bWebSocket\b/],
  ["sendBeacon", /\bsendBeacon\b/],
  ["EventSource", /\bEventSource\b/],
  ["importScripts", /\bimportScripts\s*\(/],
  ["absolute URL", /["'`]\s*(?:https?|wss?|ftp):\/\//i],
];

/**
 * The network calls the add-in makes, each with why it is safe. Anything else fails the test.
 * file → the exact calls allowed there.
 */
const NETWORK_ALLOWED: Record<string, RegExp[]> = {
  // The playground opens its bundled sample workbook from its own folder (relative URL, same origin).
  "src/playground/Playground.tsx": [/\bfetch\s*\(\s*SAMPLE_URL\s*\)/],
  // XML namespace names written into the master's package (URIs that name, never fetched).
  "src/xlsx/ooxmlNamespaces.ts": [/"http:\/\/schemas\.openxmlformats\.org\/(?:officeDocument|package)\/2006\/relationships"/],
  // XML namespace names of the empty parts that replace broken ones for the playground (never fetched).
  "src/xlsx/editableWorkbook.ts": [/http:\/\/schemas\.openxmlformats\.org\/(?:spreadsheetml|package|drawingml)\/2006\/(?:main|relationships|spreadsheetDrawing|chart)\b/],
};

test("the scan sees the sources", () => {
  expect(FILES.length).toBeGreaterThan(50);
  expect(FILES.some((f) => f.file === "src/taskpane/App.tsx")).toBe(true);
});

test.each(FORBIDDEN)("no source file uses %s", (_name, pattern) => {
  expect(FILES.filter(({ code }) => pattern.test(code)).map(({ file }) => file)).toEqual([]);
});

test.each(NETWORK)("no network call by %s outside the allow-list", (_name, pattern) => {
  const offending: string[] = [];
  for (const { file, code } of FILES) {
    const allowed = NETWORK_ALLOWED[file] ?? [];
    // Remove the allowed calls, then nothing of this kind may remain.
    const rest = allowed.reduce((text, call) => text.replace(new RegExp(call.source, "g"), ""), code);
    if (pattern.test(rest)) offending.push(file);
  }
  expect(offending).toEqual([]);
});

test("the allowed fetch reads a relative, same-origin URL", () => {
  const playground = FILES.find((f) => f.file === "src/playground/Playground.tsx");
  if (!playground) return; // the playground page may be absent from a build; then nothing is allowed
  const url = /SAMPLE_URL\s*=\s*["'`]([^"'`]+)["'`]/.exec(playground.code)?.[1];
  expect(url).toBeDefined();
  expect(url).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\/\//i);
});

test("the patterns catch what they are meant for (so the scan can fail)", () => {
  const samples: Record<string, string> = {
    eval: "const x = eval(text);",
    "new Function": "const f = new Function('a', body);",
    "Function from a string": "Function('return this')()",
    "setTimeout/setInterval with a string": 'setTimeout("run()", 10)',
    innerHTML: "cell.innerHTML = message;",
    outerHTML: "node.outerHTML = html;",
    insertAdjacentHTML: "node.insertAdjacentHTML('beforeend', html)",
    dangerouslySetInnerHTML: "<div dangerouslySetInnerHTML={{ __html: message }} />",
    "document.write": "document.write(html)",
    createContextualFragment: "range.createContextualFragment(html)",
    "javascript: URL": "<a href='javascript:alert(1)'>",
    fetch: "await fetch(url)",
    XMLHttpRequest: "new XMLHttpRequest()",
    WebSocket: "new WebSocket(address)",
    sendBeacon: "navigator.sendBeacon(url, data)",
    EventSource: "new EventSource(url)",
    importScripts: "importScripts('x.js')",
    "absolute URL": 'const api = "https://example.com/api";',
  };
  for (const [name, pattern] of [...FORBIDDEN, ...NETWORK]) expect({ name, caught: pattern.test(withoutComments(samples[name])) }).toEqual({ name, caught: true });
  expect(withoutComments("// eval(x) is never used here\nconst a = 1; /* fetch(url) */")).not.toMatch(/eval|fetch/);
});
