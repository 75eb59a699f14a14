/**
 * Issue 11's figures (`npm run bench`, "hostile"): peak memory and time, each in a fresh process, for the
 * 2 KB workbook with a cell at XFD1048576, a file of 2,000,000 tiny cells, a 100,000-row plan (rows100k measures it) and a merge of 1,000
 * unit workbooks into a new master.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { HOSTILE_PACKAGES, planRow } from "../fixtures/badFiles";
import { rawWorkbook } from "../fixtures/rawWorkbook";
import { runFresh, type MergeRun, type ReadCheckRun } from "./freshRun";
import { tinyCellsXlsx } from "./readingFiles";
import { round } from "./measure";

export interface HostileFigures {
  far_cell_file_kb: number;
  far_cell_read_ms: number;
  far_cell_max_rss_mb: number;
  /** A file of this many tiny cells (just under the reader's 2,000,000 cap, under 1 MB): issue 11's budget is < 2 s, < 300 MB. */
  tiny_cells: number;
  tiny_cells_file_kb: number;
  tiny_cells_read_ms: number;
  tiny_cells_max_rss_mb: number;
  merge_units: number;
  merge_delegations: number;
  merge_ms: number;
  merge_max_rss_mb: number;
}

/** A unit's workbook: its own "Đơn vị" line and `count` complete delegations. */
function unitWorkbook(unit: number, count: number): Buffer {
  const rows = Array.from({ length: count }, (_, i) => planRow(unit * 100 + i + 1, { 2: `Cán bộ ${unit}-${i}` }));
  const header = ["STT", "Tên đoàn", "Trưởng đoàn", "Chức vụ trưởng đoàn", "Số thành viên", "Nước đến", "Từ ngày", "Đến ngày", "Mục đích, nội dung", "Nguồn kinh phí"];
  return rawWorkbook([{ name: "Đoàn ra", rows: [["KẾ HOẠCH ĐOÀN RA NĂM 2025"], [`Đơn vị: Đơn vị số ${unit}`], header, ...rows] }]);
}

export async function measureHostile(units: number, perUnit: number, tinyCells: number, log: (line: string) => void): Promise<HostileFigures> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-hostile-bench-"));
  try {
    const far = path.join(folder, "o-xa-nhat.xlsx");
    const bytes = HOSTILE_PACKAGES["o-xa-nhat.xlsx"].build();
    fs.writeFileSync(far, bytes);
    const read = await runFresh<ReadCheckRun>(["read-check", far]);
    log(`far cell: read ${read.read_ms.toFixed(0)} ms, peak ${read.max_rss_mb} MB`);

    const tiny = path.join(folder, "o-nho.xlsx");
    const tinyBytes = await tinyCellsXlsx(tinyCells);
    fs.writeFileSync(tiny, tinyBytes);
    const tinyRead = await runFresh<ReadCheckRun>(["read-check", tiny]);
    log(`${tinyCells} tiny cells: read ${tinyRead.read_ms.toFixed(0)} ms, peak ${tinyRead.max_rss_mb} MB`);

    const files: string[] = [];
    for (let unit = 1; unit <= units; unit++) {
      const file = path.join(folder, `don-vi-${unit}.xlsx`);
      fs.writeFileSync(file, unitWorkbook(unit, perUnit));
      files.push(file);
    }
    const merge = await runFresh<MergeRun>(["merge", path.join(folder, "tong-hop.xlsx"), ...files]);
    if (merge.exit_code > 1) throw new Error(`merge of ${units} units: exit ${merge.exit_code}`);
    log(`merge ${units} units: ${merge.merge_ms.toFixed(0)} ms, peak ${merge.max_rss_mb} MB`);
    return {
      far_cell_file_kb: round(bytes.length / 1024, 1),
      far_cell_read_ms: round(read.read_ms),
      far_cell_max_rss_mb: read.max_rss_mb,
      tiny_cells: tinyCells,
      tiny_cells_file_kb: round(tinyBytes.length / 1024, 1),
      tiny_cells_read_ms: round(tinyRead.read_ms),
      tiny_cells_max_rss_mb: tinyRead.max_rss_mb,
      merge_units: units,
      merge_delegations: units * perUnit,
      merge_ms: round(merge.merge_ms),
      merge_max_rss_mb: merge.max_rss_mb,
    };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
