/**
 * @jest-environment jsdom
 *
 * The add-in manifest: well-formed, complete, consistent (resids, URLs, buttons, icons) and valid
 * against Microsoft's XSDs in ../shared/schemas (jsdom only for its standards DOMParser).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { validateXML } from "xmllint-wasm";

const ROOT = join(__dirname, "..");
/** ../shared/schemas beside the repository (MANIFEST_SCHEMA_DIR overrides it). */
const SCHEMA_DIR = process.env.MANIFEST_SCHEMA_DIR ?? join(ROOT, "..", "shared", "schemas");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
const DEV_ORIGIN = "https://localhost:3000";

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

const manifestText = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(manifestText, "application/xml");

function all(ns: keyof typeof NS, name: string, scope: Document | Element = doc): Element[] {
  return Array.from(scope.getElementsByTagNameNS(NS[ns], name));
}
function one(ns: keyof typeof NS, name: string, scope: Document | Element = doc): Element {
  const found = all(ns, name, scope);
  if (found.length !== 1) throw new Error(`expected exactly one ${ns}:${name}, found ${found.length}`);
  return found[0];
}
/** Direct children only, so that e.g. a Supertip's Title is not taken for the action's Title. */
function child(parent: Element, ns: keyof typeof NS, name: string): Element {
  const found = Array.from(parent.children).filter((c) => c.namespaceURI === NS[ns] && c.localName === name);
  if (found.length !== 1) throw new Error(`expected one ${name} under ${parent.localName}, found ${found.length}`);
  return found[0];
}
const xsiType = (element: Element) => element.getAttributeNS(NS.xsi, "type");

describe("manifest.xml: structure", () => {
  it("is well-formed XML with an OfficeApp TaskPaneApp root", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(doc.documentElement.namespaceURI).toBe(NS.app);
    expect(xsiType(doc.documentElement)).toBe("TaskPaneApp");
  });

  it("has a fixed GUID, the package version, a provider and vi-VN as default locale", () => {
    expect(one("app", "Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const packageVersion = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    expect(one("app", "Version").textContent).toBe(`${packageVersion}.0`);
    expect(one("app", "ProviderName").textContent?.trim()).not.toBe("");
    expect(one("app", "DefaultLocale").textContent).toBe("vi-VN");
  });

  it.each(["DisplayName", "Description"])("gives %s in Vietnamese with an en-US override", (name) => {
    const element = child(doc.documentElement, "app", name);
    expect(element.getAttribute("DefaultValue")).toMatch(/[ạếộđ]/);
    const overrides = all("app", "Override", element);
    expect(overrides.map((o) => o.getAttribute("Locale"))).toEqual(["en-US"]);
    expect(overrides[0].getAttribute("Value")).toMatch(/\w/);
  });

  it("targets Excel workbooks, requires ExcelApi 1.9, reads and writes the document", () => {
    expect(all("app", "Host").map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    const sets = all("app", "Set", child(doc.documentElement, "app", "Requirements"));
    expect(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([["ExcelApi", "1.9"]]);
    expect(one("app", "Permissions").textContent).toBe("ReadWriteDocument");
    const defaultSettings = one("app", "DefaultSettings");
    expect(child(defaultSettings, "app", "SourceLocation").getAttribute("DefaultValue")).toBe(`${DEV_ORIGIN}/taskpane.html`);
    expect(all("app", "AppDomain").map((d) => d.textContent)).toEqual([DEV_ORIGIN]);
  });

  it("declares a long-lived shared runtime that is also the function file", () => {
    const overrides = one("ov", "VersionOverrides");
    expect(xsiType(overrides)).toBe("VersionOverridesV1_0");
    const sets = all("bt", "Set", child(overrides, "ov", "Requirements"));
    expect(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([["SharedRuntime", "1.1"]]);
    const runtime = one("ov", "Runtime");
    expect(runtime.getAttribute("resid")).toBe("Taskpane.Url");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    expect(one("ov", "FunctionFile").getAttribute("resid")).toBe("Taskpane.Url");
    const getStarted = one("ov", "GetStarted");
    for (const name of ["Title", "Description", "LearnMoreUrl"]) expect(child(getStarted, "ov", name).getAttribute("resid")).toBeTruthy();
  });
});

describe("manifest.xml: ribbon", () => {
  const tab = one("ov", "CustomTab");
  const controls = all("ov", "Control", tab);
  const byId = (id: string) => {
    const control = controls.find((c) => c.getAttribute("id") === id);
    if (!control) throw new Error(`no control ${id}`);
    return control;
  };
  const stringValue = (resid: string | null) =>
    all("bt", "String").find((s) => s.getAttribute("id") === resid)?.getAttribute("DefaultValue");

  it("adds the custom tab Kế hoạch đoàn with one group of three buttons", () => {
    expect(stringValue(child(tab, "ov", "Label").getAttribute("resid"))).toBe("Kế hoạch đoàn");
    expect(all("ov", "Group", tab)).toHaveLength(1);
    expect(controls.map((c) => [c.getAttribute("id"), xsiType(c)])).toEqual([
      ["Khd.CheckButton", "Button"],
      ["Khd.OpenPaneButton", "Button"],
      ["Khd.MergeButton", "Button"],
    ]);
    expect(controls.map((c) => stringValue(child(c, "ov", "Label").getAttribute("resid")))).toEqual(["Kiểm tra", "Mở bảng", "Tổng hợp"]);
  });

  it("runs checkWorkbook from Kiểm tra", () => {
    const action = child(byId("Khd.CheckButton"), "ov", "Action");
    expect(xsiType(action)).toBe("ExecuteFunction");
    expect(child(action, "ov", "FunctionName").textContent).toBe("checkWorkbook");
  });

  it("opens the task pane (same page as the runtime) from Mở bảng", () => {
    const action = child(byId("Khd.OpenPaneButton"), "ov", "Action");
    expect(xsiType(action)).toBe("ShowTaskpane");
    expect(child(action, "ov", "SourceLocation").getAttribute("resid")).toBe("Taskpane.Url");
    expect(child(action, "ov", "TaskpaneId").textContent).toBeTruthy();
  });

  it("runs openConsolidation from Tổng hợp (the pane opens on its consolidation tab)", () => {
    const action = child(byId("Khd.MergeButton"), "ov", "Action");
    expect(xsiType(action)).toBe("ExecuteFunction");
    expect(child(action, "ov", "FunctionName").textContent).toBe("openConsolidation");
  });

  it("gives every button a supertip and 16, 32 and 80 px icons", () => {
    for (const control of controls) {
      const supertip = child(control, "ov", "Supertip");
      expect(stringValue(child(supertip, "ov", "Title").getAttribute("resid"))).toBeTruthy();
      expect(stringValue(child(supertip, "ov", "Description").getAttribute("resid"))).toBeTruthy();
      const sizes = all("bt", "Image", child(control, "ov", "Icon")).map((i) => i.getAttribute("size"));
      expect(sizes).toEqual(["16", "32", "80"]);
    }
  });
});

describe("manifest.xml: resources", () => {
  const resources = one("ov", "Resources");
  const kinds = {
    image: child(resources, "bt", "Images"),
    url: child(resources, "bt", "Urls"),
    short: child(resources, "bt", "ShortStrings"),
    long: child(resources, "bt", "LongStrings"),
  };
  const defined = new Map<string, keyof typeof kinds>();
  for (const [kind, container] of Object.entries(kinds) as [keyof typeof kinds, Element][]) {
    for (const resource of Array.from(container.children)) defined.set(resource.getAttribute("id") ?? "", kind);
  }
  const references = Array.from(doc.querySelectorAll("[resid]")).filter((e) => !resources.contains(e));

  /** Which resource collection a reference must point into, from the element that refers. */
  function expectedKind(reference: Element): keyof typeof kinds {
    if (reference.localName === "Image") return "image";
    if (["SourceLocation", "FunctionFile", "Runtime", "LearnMoreUrl"].includes(reference.localName)) return "url";
    if (reference.localName === "Description") return "long";
    return "short";
  }

  it("defines every resource id once", () => {
    const ids = Array.from(resources.querySelectorAll("[id]")).map((r) => r.getAttribute("id"));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("defines every referenced resid, in the right collection", () => {
    expect(references.length).toBeGreaterThan(20);
    const problems = references
      .map((r) => ({ element: r.localName, resid: r.getAttribute("resid") ?? "", kind: expectedKind(r) }))
      .filter(({ resid, kind }) => defined.get(resid) !== kind);
    expect(problems).toEqual([]);
  });

  it("uses every defined resource", () => {
    const used = new Set(references.map((r) => r.getAttribute("resid")));
    expect([...defined.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it("gives every string a Vietnamese default and an en-US override", () => {
    for (const text of [...Array.from(kinds.short.children), ...Array.from(kinds.long.children)]) {
      expect(text.getAttribute("DefaultValue")?.trim()).toBeTruthy();
      const overrides = all("bt", "Override", text);
      expect({ id: text.getAttribute("id"), locales: overrides.map((o) => o.getAttribute("Locale")) }).toEqual({
        id: text.getAttribute("id"),
        locales: ["en-US"],
      });
    }
  });
});

describe("manifest.xml: URLs", () => {
  /** Every attribute value or text that looks like a URL (namespace declarations excepted). */
  function urlsInManifest(): string[] {
    const urls: string[] = [];
    for (const element of Array.from(doc.getElementsByTagName("*"))) {
      for (const attribute of Array.from(element.attributes)) {
        if (attribute.name === "xmlns" || attribute.prefix === "xmlns") continue;
        if (/^[a-z][\w+.-]*:\/\//i.test(attribute.value)) urls.push(attribute.value);
      }
      const ownText = Array.from(element.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent?.trim() ?? "").join("");
      if (/^[a-z][\w+.-]*:\/\//i.test(ownText)) urls.push(ownText);
    }
    return urls;
  }
  /** The repository file the dev server and the build serve at a URL path. */
  function sourceFileFor(pathname: string): string {
    if (pathname.startsWith("/assets/")) return join(ROOT, pathname);
    if (pathname === "/taskpane.html") return join(ROOT, "src", "taskpane", "taskpane.html");
    throw new Error(`no known source for ${pathname}`);
  }

  const urls = urlsInManifest();

  it("finds the URLs", () => {
    expect(urls.length).toBeGreaterThanOrEqual(18);
  });

  it("serves everything over https from the dev host", () => {
    expect(urls.filter((u) => new URL(u).origin !== DEV_ORIGIN || !u.startsWith("https://"))).toEqual([]);
  });

  it("points only at files the project serves", () => {
    const paths = urls.map((u) => new URL(u).pathname).filter((p) => p !== "/");
    expect(paths.filter((p) => !existsSync(sourceFileFor(p)))).toEqual([]);
  });
});

describe("manifest.xml: icons", () => {
  interface PngInfo {
    width: number;
    height: number;
  }
  /** Reads a PNG strictly: signature, chunk CRCs, IHDR, and image data of the right length. */
  function readPng(bytes: Buffer): PngInfo {
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    let offset = 8;
    let info: (PngInfo & { colourType: number; bitDepth: number }) | undefined;
    const data: Buffer[] = [];
    while (offset < bytes.length) {
      const length = bytes.readUInt32BE(offset);
      const type = bytes.toString("ascii", offset + 4, offset + 8);
      const body = bytes.subarray(offset + 8, offset + 8 + length);
      expect(bytes.readUInt32BE(offset + 8 + length)).toBe(crc32(bytes.subarray(offset + 4, offset + 8 + length)));
      if (type === "IHDR") info = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitDepth: body[8], colourType: body[9] };
      if (type === "IDAT") data.push(body);
      offset += 12 + length;
      if (type === "IEND") break;
    }
    if (!info) throw new Error("no IHDR chunk");
    expect([info.bitDepth, info.colourType]).toEqual([8, 6]);
    expect(inflateSync(Buffer.concat(data)).length).toBe(info.height * (info.width * 4 + 1));
    return { width: info.width, height: info.height };
  }
  function crc32(bytes: Uint8Array): number {
    let crc = ~0;
    for (const byte of bytes) {
      crc ^= byte;
      for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
    }
    return ~crc >>> 0;
  }
  const fileOf = (url: string | null) => join(ROOT, new URL(url ?? "").pathname);

  /** Declared sizes: the size attribute of every reference to an image resource, plus the two app icons. */
  const declared: { url: string; size: number }[] = [
    { url: one("app", "IconUrl").getAttribute("DefaultValue") ?? "", size: 32 },
    { url: one("app", "HighResolutionIconUrl").getAttribute("DefaultValue") ?? "", size: 64 },
  ];
  const imageResources = all("bt", "Image", one("ov", "Resources"));
  for (const reference of all("bt", "Image").filter((i) => i.hasAttribute("size"))) {
    const resource = imageResources.find((r) => r.getAttribute("id") === reference.getAttribute("resid"));
    declared.push({ url: resource?.getAttribute("DefaultValue") ?? "", size: Number(reference.getAttribute("size")) });
  }

  it.each(declared.map((d) => [new URL(d.url).pathname, d.size] as const))("%s is a %i px PNG", (pathname, size) => {
    const file = join(ROOT, pathname);
    expect(existsSync(file)).toBe(true);
    expect(readPng(readFileSync(file))).toEqual({ width: size, height: size });
  });

  it("checks every icon of the manifest", () => {
    expect(new Set(declared.map((d) => fileOf(d.url))).size).toBe(13);
  });
});

describe("manifest.xml: XML schema", () => {
  const haveSchemas = existsSync(join(SCHEMA_DIR, MAIN_SCHEMA));
  if (!haveSchemas) {
    console.warn(
      `\n!!! ${SCHEMA_DIR} not found: manifest.xml is NOT validated against the XSDs.\n` +
        "!!! Put the shared schemas beside the repository to run this check.\n",
    );
  }
  const schemaTest = haveSchemas ? it : it.skip;

  async function validate(xml: string) {
    const others = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".xsd") && f !== MAIN_SCHEMA);
    const load = (fileName: string) => ({ fileName, contents: readFileSync(join(SCHEMA_DIR, fileName), "utf8") });
    return validateXML({ xml: [{ fileName: "manifest.xml", contents: xml }], schema: [load(MAIN_SCHEMA)], preload: others.map(load) });
  }

  schemaTest(`validates against ${MAIN_SCHEMA}`, async () => {
    const result = await validate(manifestText);
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  schemaTest("rejects a manifest with its elements out of schema order (the validator is live)", async () => {
    const swapped = manifestText.replace(/(\s*<DefaultSettings>[\s\S]*?<\/DefaultSettings>)(\s*<Permissions>[^<]*<\/Permissions>)/, "$2$1");
    expect(swapped).not.toBe(manifestText);
    const result = await validate(swapped);
    expect(result.valid).toBe(false);
    expect(result.errors[0]?.message).toMatch(/Permissions|DefaultSettings/);
  });
});
