/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The playground in English says the reader's refusals and its banner in English.
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";
import { readFailureText, stringsFor } from "../../src/i18n";
import { readErrors } from "../../src/i18n/readErrors";
import { localizeBanner } from "../../src/playground/Playground";
import { READ_MESSAGES, readXlsx } from "../../src/xlsx/readWorkbook";
import { BAD_FILES } from "../fixtures/badFiles";

if (typeof globalThis.TextDecoder !== "function") Object.assign(globalThis, { TextDecoder: NodeTextDecoder, TextEncoder: NodeTextEncoder });

const VIETNAMESE_LETTERS = /[ăâđêôơưạảãàáậầấẩẫắằặẳẵếềệểễốồộổỗớờợởỡứừựửữọỏòóõụủùúũịỉìíĩỵỷỳýỹẹẻèéẽ]/i;

async function refusal(name: string): Promise<{ reason: string; message: string }> {
  const error = await readXlsx(await BAD_FILES[name](), name).then(
    () => undefined,
    (failure: unknown) => failure as { reason: string; message: string },
  );
  if (!error) throw new Error(`${name} was read`);
  return error;
}

describe("the reader's refusals in the pane's language", () => {
  it.each(Object.keys(BAD_FILES))("%s: Vietnamese is the reader's own message, English has no Vietnamese", async (name) => {
    const error = await refusal(name);
    expect(readFailureText(error, "vi")).toBe(error.message);
    const english = readFailureText(error, "en");
    expect(english).not.toBe(error.message);
    expect(english).not.toMatch(VIETNAMESE_LETTERS);
  });

  it("a password-protected file says so in English", async () => {
    const error = await refusal("password.xlsx");
    expect(error.message).toBe(READ_MESSAGES.encrypted);
    expect(readFailureText(error, "en")).toBe(readErrors.en.encrypted);
    expect(readErrors.en.encrypted).toMatch(/password/);
  });
});

describe("English strings the playground shows", () => {
  it("the Settings label of the parent agency is English", () => {
    expect(stringsFor("en").pane.agencyParent).not.toMatch(VIETNAMESE_LETTERS);
  });

  it("the page's static Vietnamese banner is rewritten in English, and back", () => {
    document.body.innerHTML = `<header class="pg-banner"><h1>Bản xem thử của phần bổ trợ — không phải Excel</h1>
      <p>Bảng tác vụ bên phải … theo <a href="assets/help.html#cai-dat">hướng dẫn cài đặt (sideload)</a>.</p>
      <p lang="en"><small>A preview of the add-in, not Excel.</small></p></header>`;
    const banner = document.querySelector<HTMLElement>("header.pg-banner")!;
    localizeBanner("en");
    const en = stringsFor("en").playground;
    expect(banner.querySelector("h1")!.textContent).toBe(en.banner);
    expect(banner.querySelector("p:not([lang])")!.textContent).toBe(`${en.bannerDetail} ${en.sideloadLink}.`);
    expect(banner.querySelector("a")!.getAttribute("href")).toBe("assets/help.html#sideload");
    expect(banner.lang).toBe("en");
    expect(banner.querySelector<HTMLElement>('p[lang="en"]')!.hidden).toBe(true);
    expect(banner.textContent).not.toMatch(VIETNAMESE_LETTERS);

    localizeBanner("vi");
    const vi = stringsFor("vi").playground;
    expect(banner.querySelector("h1")!.textContent).toBe(vi.banner);
    expect(banner.querySelector("a")!.textContent).toBe(vi.sideloadLink);
    expect(banner.querySelector("a")!.getAttribute("href")).toBe("assets/help.html#cai-dat");
    expect(banner.querySelector<HTMLElement>('p[lang="en"]')!.hidden).toBe(false);
  });
});
