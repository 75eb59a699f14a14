import { masterLayout, MASTER_SHEET_NAMES } from "../../../src/domain/merge";
import { followEarlierRows } from "../../../src/domain/merge/followRows";
import { unitKey } from "../../../src/domain/merge/identity";
import type { MasterRow, MasterSheet } from "../../../src/domain/merge";
import type { CellValue } from "../../../src/workbook/types";

const layout = masterLayout("outbound");
const UNIT = "Sở Y tế";

function row(name: string, leader: string, source: string, extra: CellValue[] = [], readRow?: number): MasterRow {
  const values: CellValue[] = layout.columns.map(() => null);
  values[layout.fieldIndex.name!] = name;
  values[layout.fieldIndex.leader!] = leader;
  return { values, extra, provenance: { unit: UNIT, file: "a.xlsx", source }, ...(readRow !== undefined ? { readRow } : {}) };
}

/** An earlier sheet whose officer added "Ý kiến của Sở" in column Y (25). */
function earlierSheet(rows: MasterRow[]): MasterSheet {
  return { kind: "outbound", sheet: MASTER_SHEET_NAMES.outbound, extraHeaders: ["Ý kiến của Sở"], rows, readColumns: { headerRow: 9, layout: [], extra: [25] } };
}

describe("followEarlierRows", () => {
  test("a new row of the same delegation (same source row, same name and leader) takes the earlier row's added cells and follows its sheet row", () => {
    const earlier = earlierSheet([row("Đoàn công tác số 1", "Nguyễn Văn An", "dòng 5 (Đoàn ra)", ["Đồng ý"], 12)]);
    const fresh = row("Đoàn công tác số 1", "Nguyễn Văn An", "dòng 5 (Đoàn ra)", [null]);
    expect(followEarlierRows(earlier, new Map([[unitKey(UNIT), [fresh]]]), layout, unitKey)).toEqual([]);
    expect(fresh.follows).toBe(12);
    expect(fresh.extra).toEqual(["Đồng ý"]);
  });

  test("a delegation whose source row moved still matches by its identity, compared folded, when it is the only one", () => {
    const earlier = earlierSheet([row("Đoàn công tác số 1", "Nguyễn Văn An", "dòng 5 (Đoàn ra)", ["Đồng ý"], 12)]);
    const inserted = row("Đoàn mới", "Trần Thị Bình", "dòng 5 (Đoàn ra)", [null]);
    const moved = row("đoàn công tác  số 1", "NGUYEN VAN AN", "dòng 6 (Đoàn ra)", [null]);
    expect(followEarlierRows(earlier, new Map([[unitKey(UNIT), [inserted, moved]]]), layout, unitKey)).toEqual([]);
    expect(moved.follows).toBe(12);
    expect(moved.extra).toEqual(["Đồng ý"]);
    expect(inserted.follows).toBeUndefined();
  });

  test("a changed delegation, or two of the same identity whose rows moved, is not guessed: each officer's value is named with its cell", () => {
    const earlier = earlierSheet([
      row("Đoàn công tác số 1", "Nguyễn Văn An", "dòng 5 (Đoàn ra)", ["Đồng ý"], 12),
      row("Đoàn khảo sát", "Lê Văn Cường", "dòng 6 (Đoàn ra)", ["Xem lại"], 13),
      row("Đoàn khảo sát", "Lê Văn Cường", "dòng 7 (Đoàn ra)", [null], 14),
    ]);
    const changedLeader = row("Đoàn công tác số 1", "Phạm Văn Dũng", "dòng 5 (Đoàn ra)", [null]);
    const twins = [row("Đoàn khảo sát", "Lê Văn Cường", "dòng 8 (Đoàn ra)", [null]), row("Đoàn khảo sát", "Lê Văn Cường", "dòng 9 (Đoàn ra)", [null])];
    const warnings = followEarlierRows(earlier, new Map([[unitKey(UNIT), [changedLeader, ...twins]]]), layout, unitKey);
    expect([changedLeader, ...twins].map((r) => r.follows)).toEqual([undefined, undefined, undefined]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain("Ô Y12 «Đồng ý» (cột “Ý kiến của Sở”)");
    expect(warnings[0]).toContain(`đơn vị “${UNIT}”`);
    expect(warnings[1]).toContain("Ô Y13 «Xem lại»");
  });

  test("rows of another unit are never matched", () => {
    const earlier = earlierSheet([row("Đoàn công tác số 1", "Nguyễn Văn An", "dòng 5 (Đoàn ra)", ["Đồng ý"], 12)]);
    const other = row("Đoàn công tác số 1", "Nguyễn Văn An", "dòng 5 (Đoàn ra)", [null]);
    expect(followEarlierRows(earlier, new Map([[unitKey("Sở Xây dựng"), [other]]]), layout, unitKey)).toEqual([]);
    expect(other.follows).toBeUndefined();
  });
});
