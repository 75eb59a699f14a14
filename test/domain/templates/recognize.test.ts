import type { FieldId } from "../../../src/domain/model";
import { recognizeSheet, recognizeSheetTables } from "../../../src/domain/templates/recognize";
import type { SheetRecognition } from "../../../src/domain/templates/types";
import { columnLetter, day, FIXTURES, specToGrid, type SheetExpectation, type SpecValue } from "../../fixtures/generate";
import { gridOf, recognized } from "./helpers";

const OUTBOUND_HEADER = ["STT", "Tên đoàn", "Trưởng đoàn", "Chức vụ", "Số lượng", "Nước đến", "Thời gian", "Mục đích", "Nguồn kinh phí", "Ghi chú"];
const ROW_1: SpecValue[] = [1, "Đoàn A", "Nguyễn Văn A", "Giám đốc Sở", 5, "Nhật Bản", "Tháng 5/2025", "Hợp tác", "Ngân sách thành phố", null];
const ROW_2: SpecValue[] = [2, "Đoàn B", "Trần Thị B", "Phó Giám đốc Sở", 3, "Lào", "Quý II/2025", "Học tập", "Ngân sách thành phố", null];

describe("recognizeSheet on every fixture workbook", () => {
  const sheets = FIXTURES.flatMap((make) => {
    const spec = make();
    return spec.sheets.map((sheet) => [`${spec.file} / ${sheet.name}`, sheet] as const);
  });

  test.each(sheets)("%s", (_label, sheet) => {
    const tables = recognizeSheetTables(specToGrid(sheet));
    const recognition = recognizeSheet(specToGrid(sheet));
    expect(recognition).toEqual(tables[0]);
    const expected = sheet.expect;
    if (expected === false) {
      expect(tables).toHaveLength(1);
      expect(recognition.template).toBe(false);
      if (!recognition.template) expect(recognition.reason).toMatch(/Trang tính trống|Không tìm thấy dòng tiêu đề/);
      return;
    }
    const all = [expected, ...(sheet.also ?? [])];
    expect(tables.map((table) => (table.template ? `${table.kind}@${table.headerRow}` : "none"))).toEqual(all.map((e) => `${e.kind}@${e.headerRows[e.headerRows.length - 1]}`));
    all.forEach((expectation, index) => expectTable(tables[index], sheet.name, expectation));
  });

  function expectTable(recognition: SheetRecognition, sheetName: string, expected: SheetExpectation): void {
    const sheet = { name: sheetName };
    const result = recognized(recognition);
    expect(result.sheet).toBe(sheet.name);
    expect(result.kind).toBe(expected.kind);
    expect(result.headerRows).toEqual(expected.headerRows);
    expect(result.headerRow).toBe(expected.headerRows[expected.headerRows.length - 1]);
    expect(result.columnNumberRow).toBe(expected.columnNumberRow);
    const letters = Object.fromEntries(Object.entries(result.columns).map(([field, column]) => [field, columnLetter(column as number)]));
    expect(letters).toEqual(expected.columns);
    expect(result.dataRows.map((d) => d.row)).toEqual(expected.dataRows);
    const sections = Object.fromEntries(result.dataRows.filter((d) => d.section).map((d) => [d.row, d.section?.label]));
    expect(sections).toEqual(expected.sections ?? {});
    expect(result.unitName).toBe(expected.unitName);
    expect(result.titleYear).toBe(expected.titleYear);
    if (expected.extraHeaders) expect(result.extraColumns.map((c) => c.header)).toEqual(expected.extraHeaders);
  }

  test("section titles are kept with their labels", () => {
    const result = recognized(recognizeSheet(specToGrid(FIXTURES[0]().sheets[0])));
    expect(result.dataRows[0].section).toEqual({ label: "I", title: "Đoàn do Lãnh đạo thành phố làm Trưởng đoàn" });
    expect(result.dataRows[1].section).toEqual({ label: "II", title: "Đoàn cấp sở, ngành, địa phương" });
  });

  test("a hidden sheet is recognised and keeps its flag on the grid", () => {
    const hidden = FIXTURES.flatMap((make) => make().sheets).find((s) => s.hidden);
    const grid = specToGrid(hidden!);
    expect(grid.hidden).toBe(true);
    expect(recognizeSheet(grid).template).toBe(true);
  });
});

describe("telling the kinds apart", () => {
  const generic = ["STT", "Tên đoàn", "Trưởng đoàn", "Số lượng", "Thời gian", "Mục đích", "Nguồn kinh phí"];
  const row: SpecValue[] = [1, "Đoàn X", "Ông X", 4, "Tháng 3/2025", "Làm việc", "Ngân sách"];

  test.each([
    ["KẾ HOẠCH ĐOÀN VÀO NĂM 2025", "inbound"],
    ["KẾ HOẠCH ĐOÀN RA NĂM 2025", "outbound"],
    ["KE HOACH DOAN VAO NAM 2025", "inbound"],
    [null, "outbound"],
  ] as const)("title %s → %s", (title, kind) => {
    expect(recognized(recognizeSheet(gridOf([[title], generic, row]))).kind).toBe(kind);
  });

  test("inbound by its columns, without a title", () => {
    const result = recognized(
      recognizeSheet(gridOf([["STT", "Tên đoàn", "Quốc tịch", "Trưởng đoàn", "Số lượng khách", "Thời gian", "Mục đích", "Đơn vị đón tiếp", "Lãnh đạo tiếp"], [1, "Đoàn Y", "Lào", "Ông Y", 5, "Quý I/2025", "Thăm", "Sở Ngoại vụ", "Giám đốc"]])),
    );
    expect(result.kind).toBe("inbound");
    expect(result.columns).toMatchObject({ countries: 3, members: 5, host: 8, receivingLeader: 9 });
  });

  test("an outbound sheet with an 'Đối tác' column stays outbound", () => {
    const header = ["STT", "Tên đoàn", "Trưởng đoàn", "Chức vụ", "SL", "Quốc gia", "Thời gian", "Mục đích", "Đối tác", "Nguồn kinh phí", "Ghi chú"];
    const result = recognized(recognizeSheet(gridOf([header, [1, "Đoàn", "A", "GĐ", 3, "Lào", "Tháng 4/2025", "Hợp tác", "Tỉnh Luang Namtha", "Ngân sách", null]])));
    expect(result.kind).toBe("outbound");
    expect(result.columns.inviter).toBe(9);
  });

  test("people-to-people by its columns; a second locality column is kept as an extra column", () => {
    const header = ["STT", "Xã", "Thôn/bản", "Hoạt động", "Đối tác", "Hình thức", "Thời gian", "Địa điểm", "Số người", "Kinh phí", "Ghi chú"];
    const result = recognized(recognizeSheet(gridOf([header, [1, "Ma Ly Pho", "Ma Ly Chải", "Kết nghĩa", "Thôn Mã Quỷ", "Đoàn ra", "Tháng 2/2025", "Kim Bình", 10, "Ngân sách xã", null]])));
    expect(result.kind).toBe("people");
    expect(result.columns).toMatchObject({ locality: 2, activity: 4, partner: 5, form: 6, period: 7, venue: 8, members: 9, funding: 10 });
    expect(result.extraColumns).toEqual([{ column: 3, header: "Thôn/bản" }]);
  });
});

describe("header layouts", () => {
  test("a group header over 'Họ tên | Chức vụ' gives the leader and the role", () => {
    const result = recognized(
      recognizeSheet(
        gridOf(
          [
            ["STT", "Tên đoàn", "Trưởng đoàn", null, "Nước đến", "Thời gian", "Mục đích"],
            [null, null, "Họ tên", "Chức vụ"],
            [1, "Đoàn A", "Nguyễn Văn A", "Giám đốc Sở", "Nhật Bản", "Tháng 5/2025", "Hợp tác"],
          ],
          { merges: ["A1:A2", "B1:B2", "C1:D1", "E1:E2", "F1:F2", "G1:G2"] },
        ),
      ),
    );
    expect(result.headerRows).toEqual([1, 2]);
    expect(result.columns).toMatchObject({ seq: 1, name: 2, leader: 3, leaderRole: 4, countries: 5, period: 6, purpose: 7 });
    expect(result.dataRows).toEqual([{ row: 3 }]);
  });

  test("an upper row of group headers only: the fields come from the lower row", () => {
    const result = recognized(
      recognizeSheet(
        gridOf(
          [
            ["Thông tin đoàn", null, null, null, "Thời gian", null, "Mục đích", "Nguồn kinh phí"],
            ["STT", "Tên đoàn", "Trưởng đoàn", "Nước đến", "Từ ngày", "Đến ngày"],
            [1, "Đoàn A", "Nguyễn Văn A", "Nhật Bản", day(2025, 5, 1), day(2025, 5, 6), "Hợp tác", "Ngân sách"],
          ],
          { merges: ["A1:D1", "E1:F1", "G1:G2", "H1:H2"] },
        ),
      ),
    );
    expect(result.headerRows).toEqual([1, 2]);
    expect(result.columns).toEqual({ seq: 1, name: 2, leader: 3, countries: 4, start: 5, end: 6, purpose: 7, funding: 8 });
  });

  test("a one-row header under a title merged across the table stays one row", () => {
    const result = recognized(recognizeSheet(gridOf([["KẾ HOẠCH ĐOÀN RA NĂM 2025"], OUTBOUND_HEADER, ROW_1], { merges: ["A1:J1"] })));
    expect(result.headerRows).toEqual([2]);
    expect(result.dataRows.map((d) => d.row)).toEqual([3]);
  });

  test("column-number rows: '(1) (2) …' text, 1 2 3 numbers, and not a data row", () => {
    const numbered = (numbers: SpecValue[]) => recognized(recognizeSheet(gridOf([OUTBOUND_HEADER, numbers, ROW_1])));
    expect(numbered(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)"]).columnNumberRow).toBe(2);
    expect(numbered([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).columnNumberRow).toBe(2);
    expect(numbered(["A", "B", 1, 2, 3, "4", "5"]).columnNumberRow).toBe(2);
    const noNumbers = recognized(recognizeSheet(gridOf([OUTBOUND_HEADER, ROW_1, ROW_2])));
    expect(noNumbers.columnNumberRow).toBeUndefined();
    expect(noNumbers.dataRows.map((d) => d.row)).toEqual([2, 3]);
  });

  test("the header must lie in the first 30 rows", () => {
    const filler: SpecValue[][] = Array.from({ length: 30 }, (_, i) => [`Dòng ghi chú ${i + 1}`]);
    const result = recognizeSheet(gridOf([...filler, OUTBOUND_HEADER, ROW_1]));
    expect(result.template).toBe(false);
    expect(recognizeSheet(gridOf([...filler.slice(1), OUTBOUND_HEADER, ROW_1])).template).toBe(true);
  });

  test("a table that does not start at A1", () => {
    const result = recognized(recognizeSheet(gridOf([OUTBOUND_HEADER, ROW_1], { startRow: 6, startCol: 4 })));
    expect(result.headerRow).toBe(6);
    expect(result.columns.seq).toBe(4);
    expect(result.columns.notes).toBe(13);
    expect(result.dataRows).toEqual([{ row: 7 }]);
  });
});

describe("rows under the header", () => {
  function dataRowsOf(rows: SpecValue[][], merges?: string[]) {
    return recognized(recognizeSheet(gridOf([OUTBOUND_HEADER, ...rows], { merges }))).dataRows;
  }

  test("section rows in their usual forms", () => {
    const rows = dataRowsOf(
      [
        [null, "I. Đoàn do Lãnh đạo thành phố làm Trưởng đoàn"],
        ROW_1,
        ["PHẦN II: Đoàn cấp sở, ngành"],
        ROW_2,
        [null, "Các đoàn học tập, bồi dưỡng"],
        ROW_1,
        ["B", "Đoàn của các đơn vị trực thuộc"],
        ROW_2,
      ],
      ["B6:J6"],
    );
    expect(rows).toEqual([
      { row: 3, section: { label: "I", title: "Đoàn do Lãnh đạo thành phố làm Trưởng đoàn" } },
      { row: 5, section: { label: "II", title: "Đoàn cấp sở, ngành" } },
      { row: 7, section: { label: "", title: "Các đoàn học tập, bồi dưỡng" } },
      { row: 9, section: { label: "B", title: "Đoàn của các đơn vị trực thuộc" } },
    ]);
  });

  test("a section row may carry its counts and totals", () => {
    const rows = dataRowsOf([["I", "Đoàn do Lãnh đạo thành phố làm Trưởng đoàn", null, null, 7, null, null, null, "2 đoàn"], ROW_1]);
    expect(rows).toEqual([{ row: 3, section: { label: "I", title: "Đoàn do Lãnh đạo thành phố làm Trưởng đoàn" } }]);
  });

  test("a lone name without a label or a merge is a delegation, not a section", () => {
    expect(dataRowsOf([[null, "Đoàn công tác Nhật Bản"]])).toEqual([{ row: 2 }]);
  });

  test("total rows, blank rows, pre-numbered empty rows and footnotes are skipped", () => {
    const rows = dataRowsOf([
      ROW_1,
      [],
      [null, "Cộng", null, null, 5],
      [3],
      [4],
      ROW_2,
      [null, "Tổng cộng: 2 đoàn", null, null, 8],
      ["TỔNG CỘNG"],
      [null, "Ghi chú: cột (7) ghi tháng hoặc quý."],
    ]);
    expect(rows.map((r) => r.row)).toEqual([2, 7]);
  });

  test("a purpose starting with 'Công tác' is data, not a total", () => {
    expect(dataRowsOf([[1, "Công tác tại Nhật", null, null, null, null, null, "Công tác"]]).map((r) => r.row)).toEqual([2]);
  });

  test("the signature block ends the table, whatever follows", () => {
    const rows = dataRowsOf([ROW_1, [], [], [null, null, null, null, null, null, null, "KT. GIÁM ĐỐC"], [null, null, null, null, null, null, null, "PHÓ GIÁM ĐỐC"], ROW_2]);
    expect(rows.map((r) => r.row)).toEqual([2]);
    expect(dataRowsOf([ROW_1, [null, "Hải Phòng, ngày 05 tháng 10 năm 2024"], ROW_2]).map((r) => r.row)).toEqual([2]);
    expect(dataRowsOf([ROW_1, [null, "Người lập"], ROW_2]).map((r) => r.row)).toEqual([2]);
  });

  test("leader roles inside data rows do not end the table", () => {
    const row: SpecValue[] = [3, "Đoàn C", "Lê Văn C", "Giám đốc", 2, "Úc", "Tháng 8/2025", "Học tập", "Ngân sách", null];
    expect(dataRowsOf([ROW_1, row, ROW_2]).map((r) => r.row)).toEqual([2, 3, 4]);
  });

  test("a repeated header is skipped; a table of another kind below ends this one", () => {
    expect(dataRowsOf([ROW_1, OUTBOUND_HEADER, ROW_2]).map((r) => r.row)).toEqual([2, 4]);
    const inbound = ["STT", "Tên đoàn", "Quốc tịch", "Trưởng đoàn", "Số lượng khách", "Thời gian", "Mục đích", "Đơn vị đón tiếp"];
    expect(dataRowsOf([ROW_1, [], ["KẾ HOẠCH ĐOÀN VÀO"], inbound, ROW_2]).map((r) => r.row)).toEqual([2]);
  });

  test("rows with values only in unmapped columns are not delegations", () => {
    expect(dataRowsOf([[null, null, null, null, null, null, null, null, null, null, "ghi bên lề"], ROW_1]).map((r) => r.row)).toEqual([3]);
  });
});

describe("title rows", () => {
  function titleOf(rows: SpecValue[][]) {
    return recognized(recognizeSheet(gridOf([...rows, OUTBOUND_HEADER, ROW_1])));
  }

  test("unit name after 'Đơn vị:' or in the next cell; 'Đơn vị tính' is not a unit", () => {
    expect(titleOf([["Đơn vị tính: triệu đồng"], ["Đơn vị: Sở Tư pháp"]]).unitName).toBe("Sở Tư pháp");
    expect(titleOf([["ĐƠN VỊ:", "UBND xã Tân Lập"]]).unitName).toBe("UBND xã Tân Lập");
    expect(titleOf([["Cơ quan: Trường THPT Trần Phú"]]).unitName).toBe("Trường THPT Trần Phú");
    expect(titleOf([["Đơn vị: ……………"]]).unitName).toBeUndefined();
    expect(titleOf([["Đơn vị tính: triệu đồng"]]).unitName).toBeUndefined();
  });

  test("the year comes from the plan title, not from the letter it is attached to", () => {
    expect(titleOf([["(Kèm theo Công văn số 12/SNV ngày 10 tháng 9 năm 2024)"], ["KẾ HOẠCH ĐOÀN RA NĂM 2025"]]).titleYear).toBe(2025);
    expect(titleOf([["Hải Phòng, ngày 3 tháng 10 năm 2024"], ["Dự kiến năm 2026"]]).titleYear).toBe(2026);
    expect(titleOf([["KẾ HOẠCH ĐOÀN RA 2027"]]).titleYear).toBe(2027);
    expect(titleOf([]).titleYear).toBeUndefined();
  });
});

describe("not a template", () => {
  test.each([
    ["an empty grid", [] as SpecValue[][], /Trang tính trống/],
    ["blank strings only", [["  ", ""]], /Trang tính trống/],
    ["a list of names and dates", [["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đơn vị", "Ghi chú"], [1, "Nguyễn Văn A", day(1970, 1, 1), "Giám đốc", "Sở Y tế", null]], /nhận ra 4 cột .* không có cột nào/],
    ["numbers only", [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]], /Không tìm thấy dòng tiêu đề/],
    ["three plan columns", [["Tên đoàn", "Nước đến", "Mục đích"], ["Đoàn A", "Lào", "Học tập"]], /chỉ nhận ra 3 cột \(Tên đoàn, Nước đến, Mục đích\)/],
  ])("%s", (_label, rows, reason) => {
    const result = recognizeSheet(gridOf(rows));
    expect(result).toMatchObject({ sheet: "Sheet1", template: false });
    if (!result.template) expect(result.reason).toMatch(reason);
  });

  test("a header must name a key field (name, leader, countries or purpose)", () => {
    const result = recognizeSheet(gridOf([["STT", "Số lượng", "Thời gian", "Nguồn kinh phí", "Ghi chú"], [1, 5, "Tháng 5", "Ngân sách", null]]));
    expect(result.template).toBe(false);
  });
});

test("mapped fields are exactly the header's: nothing invented", () => {
  const result = recognized(recognizeSheet(gridOf([OUTBOUND_HEADER, ROW_1])));
  expect(Object.keys(result.columns).sort()).toEqual((["seq", "name", "leader", "leaderRole", "members", "countries", "period", "purpose", "funding", "notes"] as FieldId[]).sort());
  expect(result.fieldHeaders?.leaderRole).toBe("Chức vụ");
});
