/**
 * An output (-o) that is a symbolic link is refused, whether it points at a master or nowhere: the merge
 * neither writes through it nor replaces it, and says which real path to give instead.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runMerge } from "../../src/cli/merge";
import { buildXlsx } from "../fixtures/generate";
import { trip, unitSpec } from "../domain/merge/units";
import { diskIO } from "../robustness/support";

jest.setTimeout(60_000);
let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-output-link-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const digest = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

async function unit(name: string, unitName: string, n: number): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await buildXlsx(unitSpec({ file: name, unit: unitName, outbound: [trip(n)] })));
  return file;
}

test("a link to an existing master is refused; the master and the link stay as they were", async () => {
  const master = path.join(dir, "tong-hop.xlsx");
  expect(await runMerge([await unit("a.xlsx", "Sở Y tế", 1), "-o", master], diskIO())).toBe(0);
  const before = digest(master);
  const link = path.join(dir, "lien-ket.xlsx");
  fs.symlinkSync(master, link);
  const io = diskIO();
  expect(await runMerge([await unit("b.xlsx", "Sở Xây dựng", 2), "-o", link], io)).toBe(2);
  expect(io.err).toContain(`Tệp tổng hợp «${link}» là một liên kết (symbolic link)`);
  expect(io.err).toContain(fs.realpathSync(master));
  expect(digest(master)).toBe(before);
  expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
});

test("a dangling link is refused and neither replaced nor followed", async () => {
  const link = path.join(dir, "lien-ket.xlsx");
  const target = path.join(dir, "chua-co.xlsx");
  fs.symlinkSync(target, link);
  const io = diskIO();
  expect(await runMerge([await unit("a.xlsx", "Sở Y tế", 1), "-o", link], io)).toBe(2);
  expect(io.err).toContain(`Tệp tổng hợp «${link}» là một liên kết (symbolic link)`);
  expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  expect(fs.existsSync(target)).toBe(false);
});
