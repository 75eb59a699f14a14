/**
 * `dplan merge` shows its progress on stderr when stderr is a terminal (one line rewritten in place,
 * cleared at the end) or with --progress (whole lines); otherwise stderr and stdout carry no progress.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runMerge } from "../../src/cli/merge";
import { Progress } from "../../src/cli/progress";
import { buildXlsx } from "../fixtures/generate";
import { trip, unitSpec } from "../domain/merge/units";
import { diskIO } from "../robustness/support";

jest.setTimeout(60_000);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-merge-progress-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function units(count: number): Promise<string[]> {
  const files: string[] = [];
  for (let unit = 1; unit <= count; unit++) {
    const file = path.join(dir, `don-vi-${unit}.xlsx`);
    if (!fs.existsSync(file)) fs.writeFileSync(file, await buildXlsx(unitSpec({ file: path.basename(file), unit: `Đơn vị số ${unit}`, outbound: [trip(unit)] })));
    files.push(file);
  }
  return files;
}

function output(name: string): string {
  const file = path.join(dir, name);
  fs.rmSync(file, { force: true });
  return file;
}

/** What a terminal shows of the text at the end: each \r returns to the line's start, \x1b[K clears the rest. */
function screen(text: string): string {
  return text
    .split("\n")
    .map((line) => line.split("\r").reduce((shown, part) => (part.startsWith("\x1b[K") ? part.slice(3) : part + shown.slice(part.length)), ""))
    .join("\n");
}

describe("merge progress", () => {
  it("prints nothing about progress when stderr is not a terminal and --progress is not given", async () => {
    const io = diskIO();
    const code = await runMerge([...(await units(3)), "-o", output("a.xlsx")], io);
    expect(code).toBeLessThan(2);
    expect(io.err).not.toMatch(/Đang/);
    expect(io.out).not.toMatch(/Đang|\r/);
  });

  it("rewrites one line on a terminal, from the first file to the last, then clears it", async () => {
    const io = Object.assign(diskIO(), { stderrIsTerminal: true });
    const code = await runMerge([...(await units(3)), "-o", output("b.xlsx")], io);
    expect(code).toBeLessThan(2);
    expect(io.err).toContain("Đang đọc tệp 1/3…");
    expect(io.err).toContain("Đang đọc tệp 3/3…");
    expect(io.err).toContain("Đang kiểm tra và tổng hợp…");
    expect(io.err).toContain("Đang ghi sổ tổng hợp");
    // No newline of its own, and nothing left on the screen once the merge is over.
    expect(io.err).not.toContain("\n");
    expect(screen(io.err)).toBe("");
    expect(io.out).toContain("Đã ghi sổ tổng hợp");
  });

  it("clears the line before a message, so the message starts at the line's start", async () => {
    const io = Object.assign(diskIO(), { stderrIsTerminal: true });
    const [first] = await units(1);
    const copy = path.join(dir, "ban-sao.xlsx");
    fs.copyFileSync(first, copy);
    await runMerge([first, copy, "-o", output("c.xlsx")], io);
    expect(screen(io.err)).toBe(`Tệp «${copy}» giống hệt tệp «${first}» (cùng nội dung): chỉ tổng hợp một lần.\n`);
  });

  it("--progress writes whole lines into a log; --no-progress silences a terminal", async () => {
    const logged = diskIO();
    await runMerge([...(await units(3)), "-o", output("d.xlsx"), "--progress"], logged);
    expect(logged.err.split("\n").filter((line) => line.startsWith("Đang đọc tệp"))).toEqual(["Đang đọc tệp 1/3…", "Đang đọc tệp 2/3…", "Đang đọc tệp 3/3…"]);
    expect(logged.err).not.toContain("\r");

    const quiet = Object.assign(diskIO(), { stderrIsTerminal: true });
    await runMerge([...(await units(3)), "-o", output("e.xlsx"), "--no-progress"], quiet);
    expect(quiet.err).toBe("");
  });

  it("writes about twenty lines however many files, and always the first and the last", () => {
    const lines: string[] = [];
    const progress = new Progress("lines", (text) => lines.push(text));
    for (let done = 1; done <= 1000; done++) progress.reading(done, 1000);
    expect(lines.length).toBeGreaterThanOrEqual(20);
    expect(lines.length).toBeLessThanOrEqual(22);
    expect(lines[0]).toBe("Đang đọc tệp 1/1000…\n");
    expect(lines[lines.length - 1]).toBe("Đang đọc tệp 1000/1000…\n");
  });

  it("redraws a terminal line at most every 100 ms, but always shows the last file", () => {
    const written: string[] = [];
    let clock = 0;
    const progress = new Progress("terminal", (text) => written.push(text), () => clock);
    for (let done = 1; done <= 1000; done++) {
      clock += 1;
      progress.reading(done, 1000);
    }
    // 1 ms a file: the first, one every 100 files, the last.
    expect(written.length).toBeLessThanOrEqual(12);
    expect(written[written.length - 1]).toBe("\r\x1b[KĐang đọc tệp 1000/1000…");
  });
});
