import { detectHost, isLegacyWebview, type OfficeLike } from "../../src/excel/environment";

const CHROMIUM_EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";
const EDGE_HTML = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041";
const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";
const MAC_WEBKIT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";

/** A fake Office global: onReady answers with `host`, and the requirement sets listed are supported. */
function fakeOffice(host: string | null | "never", supported: string[] = [], calls: string[] = []): OfficeLike {
  return {
    HostType: { Excel: "Excel" },
    onReady: () => (host === "never" ? new Promise(() => undefined) : Promise.resolve({ host })),
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          calls.push(`${name} ${version}`);
          return supported.includes(`${name} ${version}`);
        },
      },
    },
  };
}

describe("detectHost", () => {
  it("is ready in an Excel that supports ExcelApi 1.9, and asks for exactly that set", async () => {
    const calls: string[] = [];
    await expect(detectHost({ office: fakeOffice("Excel", ["ExcelApi 1.9"], calls), userAgent: CHROMIUM_EDGE })).resolves.toEqual({
      kind: "excel",
      apiOk: true,
    });
    expect(calls).toEqual(["ExcelApi 1.9"]);
  });

  it("says too old when ExcelApi 1.9 is missing", async () => {
    await expect(detectHost({ office: fakeOffice("Excel", ["ExcelApi 1.8"]), userAgent: MAC_WEBKIT })).resolves.toEqual({
      kind: "excel-too-old",
      needed: "ExcelApi 1.9",
      reason: "api-set",
    });
  });

  it.each([
    ["Internet Explorer", IE11],
    ["EdgeHTML", EDGE_HTML],
  ])("says too old in an %s webview even if the API set is there", async (_name, userAgent) => {
    await expect(detectHost({ office: fakeOffice("Excel", ["ExcelApi 1.9"]), userAgent })).resolves.toMatchObject({
      kind: "excel-too-old",
      reason: "webview",
    });
  });

  it("says too old when the host has no requirements API at all", async () => {
    const office = { ...fakeOffice("Excel"), context: {} } as unknown as OfficeLike;
    await expect(detectHost({ office, userAgent: CHROMIUM_EDGE })).resolves.toMatchObject({ kind: "excel-too-old" });
  });

  it("reports office.js missing when there is no Office global", async () => {
    await expect(detectHost({ office: undefined })).resolves.toEqual({ kind: "no-office", reason: "office-js-missing" });
  });

  it("reports no host when onReady answers without one (a plain browser) or with another application", async () => {
    await expect(detectHost({ office: fakeOffice(null) })).resolves.toEqual({ kind: "no-office", reason: "no-host" });
    await expect(detectHost({ office: fakeOffice("Word", ["ExcelApi 1.9"]) })).resolves.toEqual({ kind: "no-office", reason: "no-host" });
  });

  it("reports no host when onReady fails", async () => {
    const office = { ...fakeOffice(null), onReady: () => Promise.reject(new Error("no")) };
    await expect(detectHost({ office })).resolves.toEqual({ kind: "no-office", reason: "no-host" });
  });

  it("gives up when onReady never answers", async () => {
    await expect(detectHost({ office: fakeOffice("never"), timeoutMs: 1 })).resolves.toEqual({ kind: "no-office", reason: "timeout" });
  });
});

describe("isLegacyWebview", () => {
  it.each([
    [IE11, true],
    ["Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; Trident/7.0)", true],
    [EDGE_HTML, true],
    [CHROMIUM_EDGE, false],
    [MAC_WEBKIT, false],
    ["", false],
  ])("%s → %p", (userAgent, legacy) => {
    expect(isLegacyWebview(userAgent)).toBe(legacy);
  });
});
