/** Shared checks of the robustness suite: Vietnamese messages, findings inside their sheet, untouched files. */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Finding } from "../../src/domain/model";
import { getProfile } from "../../src/domain/profiles";
import { checkPlan, type CheckContext } from "../../src/domain/rules";
import type { Checker, CliIO } from "../../src/cli/main";
import type { SheetGrid } from "../../src/workbook/types";
import { PLAN_YEAR } from "./corpus";

/** Letters only Vietnamese has (with their tone marks): a message in Vietnamese contains some. */
const VIETNAMESE_LETTERS = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;
/** What must never reach a user: stack frames, JavaScript error names, placeholders. */
const TECHNICAL = /\bat \S+ \(|\b(TypeError|RangeError|ReferenceError|SyntaxError|Error):|\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/;

export function expectVietnamese(message: string): void {
  expect(message.trim().length).toBeGreaterThan(10);
  expect(message).toMatch(VIETNAMESE_LETTERS);
  expect(message).not.toMatch(TECHNICAL);
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Every file of a folder with its hash: equal before and after means nothing was written, moved or changed. */
export function folderState(folder: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const name of fs.readdirSync(folder).sort()) state[name] = sha256(fs.readFileSync(path.join(folder, name)));
  return state;
}

export function checkContext(): CheckContext {
  return { profile: getProfile("default"), year: PLAN_YEAR };
}

/** The rule engine as `dplan check` runs it. */
export const engineChecker: Checker = (delegations, options) =>
  checkPlan(delegations, { profile: getProfile(options.profileId ?? "default"), year: options.year ?? PLAN_YEAR });

export interface CapturedIO extends CliIO {
  out: string;
  err: string;
}

/** The CLI's I/O over the real file system, with stdout and stderr captured. */
export function diskIO(): CapturedIO {
  const io: CapturedIO = {
    out: "",
    err: "",
    stdout: (text) => void (io.out += text),
    stderr: (text) => void (io.err += text),
    readFile: async (file) => new Uint8Array(fs.readFileSync(file)),
  };
  return io;
}

/** Whether a finding's cell lies in the used range of its sheet's grid. */
export function insideItsSheet(finding: Pick<Finding, "sheet" | "row" | "column">, grids: readonly SheetGrid[]): boolean {
  const grid = grids.find((candidate) => candidate.name === finding.sheet);
  if (!grid) return false;
  const width = Math.max(0, ...grid.values.map((row) => row.length));
  return (
    finding.row >= grid.originRow && finding.row < grid.originRow + grid.values.length && finding.column >= grid.originCol && finding.column < grid.originCol + width
  );
}
