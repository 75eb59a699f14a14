/** `dplan template`: blank official-style templates that the recogniser reads back, with dropdowns. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main, type CliIO } from "../../src/cli/main";
import { templateLists, templateWorkbook } from "../../src/cli/template";
import { makeUnitPlan, previewUnit } from "../../src/domain/merge";
import { getProfile } from "../../src/domain/profiles";
import { PLAN_KINDS, type PlanKind } from "../../src/domain/model";
import { TEMPLATES } from "../../src/domain/templates/definitions";
import { recognizeSheet } from "../../src/domain/templates/readPlan";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { LISTS_SHEET_NAME } from "../../src/xlsx/writeWorkbook";

function captureIO(): CliIO & { out: string; err: string } {
  const io = { out: "", err: "", stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t), readFile: async (f: string) => fs.promises.readFile(f) };
  return io;
}

function validationOf(sheet: ExcelJS.Worksheet, address: string) {
  return sheet.getCell(address).dataValidation;
}

describe("dplan template", () => {
  test.each(PLAN_KINDS.map((kind) => [kind]))("%s: the recogniser reads back every template field", async (kind: PlanKind) => {
    const grids = await readXlsx(await templateWorkbook(kind, 2026, 10), "mau.xlsx");
    const sheet = grids.find((g) => g.name === TEMPLATES[kind].sheetName)!;
    const recognition = recognizeSheet(sheet);
    if (!recognition.template) throw new Error(recognition.reason);
    expect(recognition.kind).toBe(kind);
    expect(recognition.titleYear).toBe(2026);
    expect(Object.keys(recognition.columns).sort()).toEqual([...TEMPLATES[kind].templateFields].sort());
    expect(recognition.columnNumberRow).toBe(recognition.headerRow + 1);
    expect(recognition.unitName).toBeUndefined();
    // The lists sheet is the add-in's own: never read as part of the plan.
    expect(grids.map((g) => g.name)).not.toContain(LISTS_SHEET_NAME);
  });

  test("filled in by a unit, it is read as that unit's plan", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateWorkbook("outbound", 2026, 5)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Đoàn ra")!;
    const grid = (await readXlsx(await templateWorkbook("outbound", 2026, 5), "mau.xlsx")).find((g) => g.name === "Đoàn ra")!;
    const recognised = recognizeSheet(grid);
    if (!recognised.template) throw new Error(recognised.reason);
    // The unit fills its name in the "Đơn vị: ……" line and a delegation in the first entry row.
    const unitRow = grid.values.findIndex((values) => typeof values[0] === "string" && values[0].startsWith("Đơn vị:")) + 1;
    sheet.getCell(unitRow, 1).value = "Đơn vị: Sở Khoa học và Công nghệ";
    const firstEntry = recognised.columnNumberRow! + 1;
    const row = sheet.getRow(firstEntry);
    row.getCell(1).value = 1;
    row.getCell(recognised.columns.name!).value = "Đoàn học tập đổi mới sáng tạo";
    row.getCell(TEMPLATES.outbound.templateFields.indexOf("leader") + 1).value = "Đinh Văn Sáng";
    row.getCell(TEMPLATES.outbound.templateFields.indexOf("leaderRole") + 1).value = "Giám đốc Sở";
    row.getCell(TEMPLATES.outbound.templateFields.indexOf("members") + 1).value = 4;
    row.getCell(TEMPLATES.outbound.templateFields.indexOf("countries") + 1).value = "Israel";
    row.getCell(TEMPLATES.outbound.templateFields.indexOf("start") + 1).value = new Date(Date.UTC(2026, 3, 6));
    row.getCell(TEMPLATES.outbound.templateFields.indexOf("end") + 1).value = new Date(Date.UTC(2026, 3, 10));
    row.getCell(TEMPLATES.outbound.templateFields.indexOf("purpose") + 1).value = "Học tập mô hình vườn ươm khởi nghiệp";
    row.getCell(TEMPLATES.outbound.templateFields.indexOf("funding") + 1).value = "Ngân sách thành phố/tỉnh";
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const unit = makeUnitPlan("khcn.xlsx", await readXlsx(bytes, "khcn.xlsx"));
    expect(unit.unitName).toBe("Sở Khoa học và Công nghệ");
    // The hidden lists sheet looks like a template to the recogniser; the merge leaves hidden sheets out.
    const summary = previewUnit(unit, { profile: getProfile("default"), year: 2026 });
    expect(summary.sheets.map((s) => [s.sheet, s.delegations])).toEqual([["Đoàn ra", 1]]);
    const delegations = unit.plan.delegations.filter((d) => d.sheet === "Đoàn ra");
    expect(delegations).toHaveLength(1);
    expect(delegations[0]).toMatchObject({ row: firstEntry, leaderName: "Đinh Văn Sáng", members: 4, period: { start: "2026-04-06", end: "2026-04-10", precision: "day" } });
  });

  test("dropdowns on the data rows of the listed columns, from the hidden lists sheet; no forbidden funding offered", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateWorkbook("outbound", 2026, 20)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Đoàn ra")!;
    const fields = TEMPLATES.outbound.templateFields;
    const letter = (field: string) => String.fromCharCode(65 + fields.indexOf(field as never));
    // Entry rows: from the row under the column numbers, 20 of them; the Tổng cộng row has none.
    const numberRow = sheet.getColumn(1).values.findIndex((value) => value === "(1)");
    const first = numberRow + 1;
    const last = numberRow + 20;
    expect(validationOf(sheet, `${letter("countries")}${first}`)).toMatchObject({ type: "list" });
    expect(validationOf(sheet, `${letter("countries")}${last}`)).toMatchObject({ type: "list" });
    expect(validationOf(sheet, `${letter("countries")}${last + 1}`)).toBeUndefined();
    expect(validationOf(sheet, `${letter("countries")}${numberRow - 1}`)).toBeUndefined();
    expect(validationOf(sheet, `${letter("leaderRole")}${first}`)?.formulae?.[0]).toMatch(/^'_DanhMuc'!\$[A-Z]\$2:\$[A-Z]\$\d+$/);
    expect(validationOf(sheet, `${letter("name")}${first}`)).toBeUndefined();
    const funding = templateLists().find((l) => l.id === "funding")!.items;
    expect(funding).toContain("Ngân sách thành phố/tỉnh");
    expect(funding).not.toContain("Doanh nghiệp tổ chức, đài thọ");
    expect(templateLists().find((l) => l.id === "countries")!.items).toHaveLength(198);
  });

  test("through the CLI: writes the file, never over an existing one; bad usage exits 2", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-template-"));
    try {
      const file = path.join(dir, "mau-doan-vao.xlsx");
      const io = captureIO();
      expect(await main(["template", "inbound", "-o", file, "--year", "2026", "--rows", "5"], io)).toBe(0);
      expect(io.out).toMatch(/Đã tạo biểu mẫu kế hoạch đoàn vào năm 2026/);
      const before = fs.readFileSync(file);
      const again = captureIO();
      expect(await main(["template", "inbound", "-o", file], again)).toBe(2);
      expect(again.err).toMatch(/đã có: không ghi đè/);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      for (const args of [["template", "-o", path.join(dir, "x.xlsx")], ["template", "doan-ra", "-o", path.join(dir, "x.xlsx")], ["template", "people"], ["template", "people", "-o", path.join(dir, "x.xlsx"), "--rows", "0"]]) {
        const bad = captureIO();
        expect(await main(args, bad)).toBe(2);
        expect(bad.err).not.toBe("");
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
