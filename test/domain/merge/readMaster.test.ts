import { arrange, masterLayout, readMaster, MASTER_SHEET_NAMES } from "../../../src/domain/merge";
import type { MasterRow } from "../../../src/domain/merge";
import type { CellValue, SheetGrid } from "../../../src/workbook/types";
import { day } from "../../fixtures/generate";

const layout = masterLayout("outbound");
const titles = layout.columns.map((c) => c.title);

function grid(name: string, values: CellValue[][], originRow = 1): SheetGrid {
  return { name, originRow, originCol: 1, values, merges: [] };
}

function rowWith(entries: Record<string, CellValue>): CellValue[] {
  return titles.map((title) => entries[title] ?? null);
}

describe("readMaster", () => {
  test("a workbook without master sheets is not a master", () => {
    expect(readMaster([grid("Đoàn ra", [["STT", "Tên đoàn"], [1, "Đoàn A"]])])).toBeUndefined();
    expect(readMaster([])).toBeUndefined();
  });

  test("a sheet named like a master but without the provenance columns is not read, with a warning", () => {
    expect(readMaster([grid(MASTER_SHEET_NAMES.outbound, [["STT", "Tên đoàn"], [1, "Đoàn A"]])])).toBeUndefined();
  });

  test("rows with a unit carry provenance; rows without are hand rows; blank rows are skipped", () => {
    const master = readMaster([
      grid(MASTER_SHEET_NAMES.outbound, [
        titles,
        rowWith({ STT: 1, "Tên đoàn": "Đoàn A", "Đơn vị": "Sở Y tế", Tệp: "a.xlsx", "Dòng gốc": "dòng 5 (Đoàn ra)", "Từ ngày": day(2025, 5, 1) }),
        [],
        rowWith({ "Tên đoàn": "Đoàn tay" }),
      ]),
    ])!;
    const sheet = master.sheets.outbound!;
    expect(sheet.rows).toHaveLength(2);
    expect(sheet.rows[0].provenance).toEqual({ unit: "Sở Y tế", file: "a.xlsx", source: "dòng 5 (Đoàn ra)" });
    expect(sheet.rows[0].values[layout.fieldIndex.start!]).toEqual(day(2025, 5, 1));
    expect(sheet.rows[1].provenance).toBeUndefined();
    expect(sheet.rows[1].values[layout.fieldIndex.name!]).toBe("Đoàn tay");
  });

  test("columns are found by title wherever they are; a header below a title row; Office.js serial dates in date columns", () => {
    const shuffled = [...titles].reverse();
    const values: CellValue[][] = [["TỔNG HỢP ĐOÀN RA"], shuffled, shuffled.map((title) => (title === "Đơn vị" ? "Sở Y tế" : title === "Đến ngày" ? 45797 : title === "Số lượng (người)" ? 45797 : null))];
    const master = readMaster([grid("tổng hợp ĐOÀN RA", values)])!;
    const row = master.sheets.outbound!.rows[0];
    expect(row.provenance?.unit).toBe("Sở Y tế");
    expect(row.values[layout.fieldIndex.end!]).toEqual(day(2025, 5, 20));
    // Not a date column: the number stays a number.
    expect(row.values[layout.fieldIndex.members!]).toBe(45797);
  });

  test("columns a user added are kept; missing layout columns are reported", () => {
    const header = titles.filter((t) => t !== "Ghi chú").concat("Ý kiến");
    const master = readMaster([grid(MASTER_SHEET_NAMES.outbound, [header, header.map((t) => (t === "Ý kiến" ? "Đồng ý" : t === "Đơn vị" ? "Sở A" : null))])])!;
    expect(master.sheets.outbound!.extraHeaders).toEqual(["Ý kiến"]);
    expect(master.sheets.outbound!.rows[0].extra).toEqual(["Đồng ý"]);
    expect(master.warnings.join("\n")).toMatch(/thiếu cột “Ghi chú”/);
    expect(master.warnings.join("\n")).toMatch(/giữ lại cột do người dùng thêm “Ý kiến”/);
  });
});

describe("arrange: where re-imported and new unit blocks go", () => {
  const row = (label: string): MasterRow => {
    const [unit] = label.split(/\d/);
    return { values: [label], extra: [], ...(unit === "H" ? {} : { provenance: { unit, file: `${unit}.xlsx`, source: label } }) };
  };
  const labels = (rows: MasterRow[]) => rows.map((r) => r.values[0]);
  const cases: [string, string[], Record<string, string[]>, string[]][] = [
    ["empty master: blocks in input order", [], { A: ["A9"], B: ["B9"] }, ["A9", "B9"]],
    ["a re-imported unit takes its first row's place", ["A1", "A2", "B1"], { A: ["A9"] }, ["A9", "B1"]],
    ["a re-imported unit that is not first", ["A1", "B1", "B2", "C1"], { B: ["B8", "B9"] }, ["A1", "B8", "B9", "C1"]],
    ["a new unit after the last unit row, before hand rows at the bottom", ["A1", "H1", "B1", "H2"], { C: ["C9"] }, ["A1", "H1", "B1", "C9", "H2"]],
    ["hand rows only: units go first", ["H1", "H2"], { A: ["A9"] }, ["A9", "H1", "H2"]],
    ["a unit with an empty block loses its rows", ["A1", "H1", "B1"], { A: [] }, ["H1", "B1"]],
    ["rows of one unit written apart are gathered at the first", ["A1", "B1", "A2"], { A: ["A8", "A9"] }, ["A8", "A9", "B1"]],
  ];
  test.each(cases)("%s", (_, earlier, blocks, expected) => {
    const map = new Map(Object.entries(blocks).map(([unit, rows]) => [unit, rows.map(row)] as const));
    expect(labels(arrange(earlier.map(row), map))).toEqual(expected);
  });
});
