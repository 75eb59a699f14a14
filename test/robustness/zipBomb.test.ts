/**
 * Zip bombs are refused early: before exceljs is even loaded (it would inflate every part whole in
 * memory), and a bomb that lies about its sizes after inflating little more than it declared.
 */
import { loadXlsx } from "../../src/xlsx/editableWorkbook";
import { readXlsx, WorkbookReadError } from "../../src/xlsx/readWorkbook";
import { buildXlsx } from "../fixtures/generate";
import { UNREADABLE } from "./corpus";

/** While true, creating an exceljs Workbook fails: what readXlsx does first when it gets as far as exceljs. */
const guard = { forbidden: false };
jest.mock("exceljs", () => {
  const actual = jest.requireActual<typeof import("exceljs")>("exceljs");
  class GuardedWorkbook extends actual.Workbook {
    constructor() {
      if ((globalThis as { __exceljsGuard?: { forbidden: boolean } }).__exceljsGuard?.forbidden) throw new Error("exceljs must not be used for this file");
      super();
    }
  }
  return { __esModule: true, ...actual, Workbook: GuardedWorkbook, default: { ...actual, Workbook: GuardedWorkbook } };
});
(globalThis as { __exceljsGuard?: { forbidden: boolean } }).__exceljsGuard = guard;

/** readXlsx never uses exceljs; loadXlsx (the playground's editable workbook) does, after the same checks. */
async function readGuarded(bytes: Uint8Array, file: string): Promise<unknown> {
  guard.forbidden = true;
  try {
    await readXlsx(bytes, file);
    await loadXlsx(bytes, file);
    return undefined;
  } catch (error) {
    return error;
  } finally {
    guard.forbidden = false;
  }
}

jest.setTimeout(30_000);

/** DecompressionStream replaced by one that counts what it inflates. */
function countInflatedBytes(): { total: () => number; restore: () => void } {
  const Original = globalThis.DecompressionStream;
  let inflated = 0;
  class Counting {
    readonly writable: WritableStream<BufferSource>;
    readonly readable: ReadableStream<Uint8Array>;
    constructor(format: CompressionFormat) {
      const inner = new Original(format);
      this.writable = inner.writable;
      this.readable = inner.readable.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            inflated += chunk.byteLength;
            controller.enqueue(chunk);
          },
        }),
      );
    }
  }
  globalThis.DecompressionStream = Counting as unknown as typeof DecompressionStream;
  return { total: () => inflated, restore: () => (globalThis.DecompressionStream = Original) };
}

const bombs = UNREADABLE.filter((input) => input.bomb);

test("the guard is in force: a real workbook is read without exceljs, and reaches it only through loadXlsx", async () => {
  const bytes = await buildXlsx({ file: "a.xlsx", description: "", sheets: [{ name: "A", rows: [["x"]], expect: false }] });
  expect(String(await readGuarded(bytes, "a.xlsx"))).toContain("exceljs must not be used");
  expect(await readXlsx(bytes, "a.xlsx")).toHaveLength(1);
});

test.each(bombs.map((input) => [input.description, input] as const))("%s: refused without exceljs, inflating at most a few MB", async (_description, input) => {
  const bytes = await input.build();
  const counter = countInflatedBytes();
  try {
    const error = await readGuarded(bytes, input.file);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).reason).toBe("too-large");
    // 210 MB inside; refusing it inflated only the small honest parts and one step past the lie.
    expect(counter.total()).toBeLessThan(4 * 1024 * 1024);
  } finally {
    counter.restore();
  }
});
