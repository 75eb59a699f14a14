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

  it("a merge over the rest of the sheet is clipped to the values as the playground clips it; the plan is merged and the merge named", async () => {
    const unit = await readUnitFile(bytesOf("gop-ghi-chu.xlsx"), "gop-ghi-chu.xlsx");
    const summary = previewUnit(unit, context);
    expect(unit.plan.delegations).toHaveLength(3);
    expect(summary.notes).toEqual(expect.arrayContaining([expect.stringMatching(/Trang «Đoàn ra»: vùng gộp M5:XFD1048576 .*chỉ đọc phần M5:M6/)]));
  });

  it("a merge still over a million cells once clipped is refused as the playground refuses to open it, and said so", async () => {
    await expect(loadXlsx(bytesOf("gop-van-qua-lon.xlsx"), "gop-van-qua-lon.xlsx")).rejects.toMatchObject({ message: expect.stringMatching(/Trang «Ghi chú» có quá nhiều ô gộp/) });
    const unit = await readUnitFile(bytesOf("gop-van-qua-lon.xlsx"), "gop-van-qua-lon.xlsx");
    const summary = previewUnit(unit, context);
    expect(unit.plan.delegations).toHaveLength(3);
    expect(unit.plan.sheets.find((sheet) => sheet.sheet === "Ghi chú")).toMatchObject({ unreadable: true, reason: expect.stringMatching(/quá nhiều ô gộp/) });
    expect(summary.notes).toEqual(expect.arrayContaining([expect.stringMatching(/Trang “Ghi chú” KHÔNG ĐỌC ĐƯỢC.*quá nhiều ô gộp/)]));
  });
});
