/** Unit files read for Tổng hợp: far stray cells and huge merges are named in the file's messages, never dropped silently. */
import { previewUnit } from "../../src/domain/merge";
import { getProfile } from "../../src/domain/profiles";
import { readUnitFile } from "../../src/app/unitFiles";
import { loadXlsx } from "../../src/xlsx/editableWorkbook";
import { HOSTILE_PACKAGES } from "../fixtures/badFiles";

const context = { profile: getProfile("default"), year: 2026 };
const bytesOf = (file: string) => HOSTILE_PACKAGES[file].build();

describe("unit files with far cells or huge merges", () => {
  it("a stray value at XFD1048576 is named in the unit's messages; the plan's rows are merged", async () => {
    const unit = await readUnitFile(bytesOf("o-xa-nhat.xlsx"), "o-xa-nhat.xlsx");
    const summary = previewUnit(unit, context);
    expect(unit.plan.delegations).toHaveLength(3);
    expect(summary.notes).toEqual(expect.arrayContaining([expect.stringMatching(/Trang «Đoàn ra»: 1 ô .*XFD1048576: “x”.*không được tổng hợp/)]));
  });

  it("a merge over the rest of the sheet is refused as the playground refuses to open it, and said so", async () => {
    await expect(loadXlsx(bytesOf("gop-ca-trang.xlsx"), "gop-ca-trang.xlsx")).rejects.toMatchObject({ message: expect.stringMatching(/Trang «Đoàn ra» có quá nhiều ô gộp/) });
    const unit = await readUnitFile(bytesOf("gop-ca-trang.xlsx"), "gop-ca-trang.xlsx");
    const summary = previewUnit(unit, context);
    expect(unit.plan.delegations).toEqual([]);
    expect(summary.notes).toEqual(expect.arrayContaining([expect.stringMatching(/Trang “Đoàn ra” KHÔNG ĐỌC ĐƯỢC.*quá nhiều ô gộp/)]));
  });
});
