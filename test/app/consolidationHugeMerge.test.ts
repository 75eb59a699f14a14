/**
 * Issue 11 in the pane's Tổng hợp: a unit file with a merge reaching to the end of the sheet beside its plan
 * (M5:XFD1048576) is read as the CLI reads it (the merge clipped to the values), its delegations merged and
 * the clipped merge named in the file's notes; a merge still too large once clipped is refused by name.
 */
import { MASTER_SHEET_NAMES } from "../../src/domain/merge";
import { MemoryHost } from "../support/memoryHost";
import { HOSTILE_PACKAGES } from "../fixtures/badFiles";
import { wire } from "./consolidationSupport";

jest.setTimeout(60_000);

const masterHost = () => new MemoryHost([{ name: "Sheet1", originRow: 1, originCol: 1, values: [], merges: [] }], "Tổng hợp 2025.xlsx");
const fileOf = (name: string) => ({ name, data: new Uint8Array(HOSTILE_PACKAGES[name].build()) });

describe("Tổng hợp with a unit file whose merge reaches the end of the sheet", () => {
  it.each(["gop-ca-trang.xlsx", "gop-ghi-chu.xlsx"])("%s: its 3 delegations are merged and the clipped merge is named", async (file) => {
    const host = masterHost();
    const { consolidation } = await wire(host);
    const [source] = await consolidation.addFiles([fileOf(file)]);
    expect(source.problem).toBeUndefined();
    expect(source.preview?.delegations).toBe(3);
    expect(source.preview?.notes).toEqual(expect.arrayContaining([expect.stringMatching(/Trang «Đoàn ra»: vùng gộp M5:XFD1048576 trải tới tận cuối trang tính/)]));
    const summary = await consolidation.merge();
    expect(summary.skipped).toEqual([]);
    expect(summary.sheets.find((sheet) => sheet.sheet === MASTER_SHEET_NAMES.outbound)?.fromUnits).toBe(3);
  });

  it("the note says which part was read when the merge holds a value (M5:M6), and nothing when it lies beside the plan", async () => {
    const { consolidation } = await wire(masterHost());
    const [clipped, dropped] = await consolidation.addFiles([fileOf("gop-ghi-chu.xlsx"), fileOf("gop-ca-trang.xlsx")]);
    expect(clipped.preview?.notes).toEqual(expect.arrayContaining([expect.stringMatching(/chỉ đọc phần M5:M6 nằm trong vùng có dữ liệu A1:M6/)]));
    expect(dropped.preview?.notes).toEqual(expect.arrayContaining([expect.stringMatching(/trong vùng có dữ liệu A1:J6 không còn ô nào cần gộp/)]));
  });
});
