/**
 * `dplan merge` reads the next input while it parses the current one: every input is still read once, in
 * order, and a file that cannot be read is reported in its place while the others are merged.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runMerge } from "../../src/cli/merge";
import { buildXlsx } from "../fixtures/generate";
import { trip, unitSpec } from "../domain/merge/units";
import { diskIO } from "../robustness/support";

jest.setTimeout(60_000);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-merge-read-ahead-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test("each input is read once and in order; a missing file is reported and the rest merged", async () => {
  const files: string[] = [];
  for (let unit = 1; unit <= 3; unit++) {
    const file = path.join(dir, `don-vi-${unit}.xlsx`);
    fs.writeFileSync(file, await buildXlsx(unitSpec({ file: path.basename(file), unit: `Đơn vị số ${unit}`, outbound: [trip(unit)] })));
    files.push(file);
  }
  const missing = path.join(dir, "khong-co.xlsx");
  const io = diskIO();
  const read: string[] = [];
  const readFile = io.readFile;
  io.readFile = (file) => {
    read.push(path.basename(file));
    return readFile(file);
  };
  const output = path.join(dir, "tong-hop.xlsx");
  const code = await runMerge([files[0], missing, files[1], files[0], files[2], "-o", output], io);

  expect(code).toBe(2);
  expect(read).toEqual(["don-vi-1.xlsx", "khong-co.xlsx", "don-vi-2.xlsx", "don-vi-3.xlsx"]);
  expect(io.err).toContain(`Không đọc được tệp «${missing}»: không tìm thấy tệp.`);
  expect(io.err).toContain(`Tệp «${files[0]}» được chỉ hơn một lần`);
  const order = ["Đơn vị số 1", "Đơn vị số 2", "Đơn vị số 3"].map((unit) => io.out.indexOf(`Đơn vị: ${unit}`));
  expect(order.every((at) => at >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(fs.existsSync(output)).toBe(true);
});
