/**
 * `dplan template outbound|inbound|people -o FILE.xlsx [--year YYYY] [--rows N]`: a blank template in the
 * official style (title, "Đơn vị:", a header with "Thời gian" over "Từ ngày | Đến ngày", a column-number
 * row, numbered blank rows, a signature block), with dropdowns from the standard lists on a hidden sheet.
 * The layout comes from TEMPLATES, so what it writes is what the recogniser reads back.
 */
import { stat, writeFile } from "node:fs/promises";
import type { Workbook } from "exceljs";
import { FUNDING } from "../domain/lists/funding";
import { PLAN_STATUS } from "../domain/lists/planStatus";
import { ROLES } from "../domain/lists/roles";
import { PLAN_KINDS, type FieldId, type PlanKind } from "../domain/model";
import { TEMPLATES } from "../domain/templates/definitions";
import { standardCountryNames } from "../domain/values";
import type { DropdownTarget, StandardList, StandardListId } from "../workbook/types";
import { columnLetter, writeDropdowns } from "../xlsx/writeWorkbook";
import type { CliIO } from "./main";

export const TEMPLATE_USAGE = `Cách dùng:
  dplan template outbound|inbound|people -o TỆP.xlsx [--year YYYY] [--rows N]
      Tạo biểu mẫu trống theo mẫu chính thức, có danh sách chọn (nước, chức vụ, nguồn kinh phí, trong/ngoài kế hoạch).
      outbound = Kế hoạch đoàn ra, inbound = Kế hoạch đoàn vào, people = Kế hoạch đối ngoại nhân dân
      --year YYYY   năm kế hoạch ghi trên tiêu đề (mặc định: năm sau)
      --rows N      số dòng trống để điền (mặc định 30, tối đa 1000)
  Không ghi đè tệp đã có.
`;

const FORM_NUMBERS: Record<PlanKind, string> = { outbound: "Biểu mẫu 04", inbound: "Biểu mẫu 05", people: "Mẫu số 02" };
const HEADER_FILL = "FFDDEBF7";
const INPUT_FILL = "FFFFF2CC";

/** Which standard list each field's dropdown comes from, per kind (inbound heads are foreign: no role list). */
const FIELD_LISTS: Record<PlanKind, Partial<Record<FieldId, StandardListId>>> = {
  outbound: { countries: "countries", leaderRole: "roles", funding: "funding", planStatus: "planStatus" },
  inbound: { countries: "countries", funding: "funding", planStatus: "planStatus" },
  people: { funding: "funding" },
};

/** The dropdown lists: standard names; forbidden funding is left out (the rules flag it if typed). */
export function templateLists(): StandardList[] {
  return [
    { id: "countries", title: "Nước", items: standardCountryNames() },
    { id: "roles", title: "Chức vụ", items: ROLES.map((role) => role.name) },
    { id: "funding", title: "Nguồn kinh phí", items: FUNDING.filter((funding) => !funding.forbidden).map((funding) => funding.name) },
    { id: "planStatus", title: "Trong/ngoài kế hoạch", items: PLAN_STATUS.map((status) => status.name) },
  ];
}

export interface TemplateLayout {
  sheet: string;
  fields: FieldId[];
  headerTop: number;
  headerBottom: number;
  numberRow: number;
  firstDataRow: number;
  lastDataRow: number;
}

/** Writes the template sheet into the workbook; returns where things are. */
export function addTemplateSheet(workbook: Workbook, kind: PlanKind, year: number, rows: number): TemplateLayout {
  const definition = TEMPLATES[kind];
  const fields = definition.templateFields;
  const titles = fields.map((id) => definition.fields.find((field) => field.id === id)!);
  const width = fields.length;
  const sheet = workbook.addWorksheet(definition.sheetName, { pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const last = columnLetter(width);

  sheet.getCell(1, width).value = FORM_NUMBERS[kind];
  sheet.getCell(1, width).font = { italic: true };
  sheet.getCell(1, width).alignment = { horizontal: "right" };
  sheet.mergeCells(`A2:${last}2`);
  sheet.getCell("A2").value = `${definition.title} NĂM ${year}`;
  sheet.getCell("A2").font = { bold: true, size: 14 };
  sheet.getCell("A2").alignment = { horizontal: "center" };
  // The unit writes its name in B3: the recogniser reads "Đơn vị:" with the name in the next cell.
  sheet.getCell("A3").value = "Đơn vị:";
  sheet.getCell("A3").font = { bold: true };
  sheet.mergeCells(`B3:${columnLetter(Math.min(width, 6))}3`);
  sheet.getCell("B3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: INPUT_FILL } };

  const headerTop = 5;
  const grouped = titles.some((field) => field.group);
  const headerBottom = grouped ? headerTop + 1 : headerTop;
  const thin = { style: "thin" as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const headerStyle = (row: number, column: number) => {
    const cell = sheet.getCell(row, column);
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.border = border;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  };
  for (let c = 0; c < width; c++) {
    const field = titles[c];
    const column = c + 1;
    for (let row = headerTop; row <= headerBottom; row++) headerStyle(row, column);
    if (grouped && field.group) {
      sheet.getCell(headerBottom, column).value = field.title;
      // The group title once, merged over the run of fields that share it.
      if (c === 0 || titles[c - 1].group !== field.group) {
        let end = c;
        while (end + 1 < width && titles[end + 1].group === field.group) end++;
        sheet.getCell(headerTop, column).value = field.group;
        if (end > c) sheet.mergeCells(headerTop, column, headerTop, end + 1);
      }
    } else {
      sheet.getCell(headerTop, column).value = field.title;
      if (grouped) sheet.mergeCells(headerTop, column, headerBottom, column);
    }
  }

  const numberRow = headerBottom + 1;
  for (let c = 1; c <= width; c++) {
    const cell = sheet.getCell(numberRow, c);
    cell.value = `(${c})`;
    cell.font = { italic: true };
    cell.border = border;
    cell.alignment = { horizontal: "center" };
  }

  const firstDataRow = numberRow + 1;
  const lastDataRow = firstDataRow + rows - 1;
  for (let row = firstDataRow; row <= lastDataRow; row++) {
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getCell(row, c);
      cell.border = border;
      const field = fields[c - 1];
      if (field === "start" || field === "end") cell.numFmt = "dd/mm/yyyy";
      else if (field !== "members" && field !== "days" && field !== "cost") cell.numFmt = "@";
      cell.alignment = { vertical: "top", wrapText: true };
    }
  }

  const signatureRow = lastDataRow + 2;
  sheet.getCell(signatureRow, 2).value = "NGƯỜI LẬP BIỂU";
  sheet.getCell(signatureRow, Math.max(3, width - 2)).value = "THỦ TRƯỞNG ĐƠN VỊ";
  sheet.getCell(signatureRow + 1, 2).value = "(Ký, ghi rõ họ tên)";
  sheet.getCell(signatureRow + 1, Math.max(3, width - 2)).value = "(Ký tên, đóng dấu)";
  for (const column of [2, Math.max(3, width - 2)]) {
    sheet.getCell(signatureRow, column).font = { bold: true };
    sheet.getCell(signatureRow + 1, column).font = { italic: true };
  }

  fields.forEach((field, c) => {
    sheet.getColumn(c + 1).width = field === "seq" ? 6 : ["name", "purpose", "composition", "activity", "partner"].includes(field) ? 32 : field === "start" || field === "end" ? 12 : 16;
  });
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: numberRow, topLeftCell: `A${firstDataRow}`, activeCell: "B3" }];
  return { sheet: definition.sheetName, fields, headerTop, headerBottom, numberRow, firstDataRow, lastDataRow };
}

/** The template as .xlsx bytes. */
export async function templateWorkbook(kind: PlanKind, year: number, rows = 30): Promise<Uint8Array> {
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "dplan";
  const layout = addTemplateSheet(workbook, kind, year, rows);
  const targets: DropdownTarget[] = [];
  layout.fields.forEach((field, c) => {
    const list = FIELD_LISTS[kind][field];
    if (list) targets.push({ sheet: layout.sheet, column: c + 1, firstRow: layout.firstDataRow, lastRow: layout.lastDataRow, list });
  });
  const used = new Set(targets.map((t) => t.list));
  writeDropdowns(
    workbook,
    templateLists().filter((list) => used.has(list.id)),
    targets,
  );
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
}

/** `dplan template …`: returns the exit code. */
export async function runTemplate(args: string[], io: CliIO): Promise<number> {
  let kind: PlanKind | undefined;
  let output: string | undefined;
  let year = new Date().getFullYear() + 1;
  let rows = 30;
  const usage = (message: string) => {
    io.stderr(`${message}\n\n${TEMPLATE_USAGE}`);
    return 2;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const next = () => {
      const value = args[++i];
      if (value === undefined || value === "") throw new Error(`Thiếu giá trị sau ${arg}.`);
      return value;
    };
    try {
      if (arg === "-h" || arg === "--help") {
        io.stdout(TEMPLATE_USAGE);
        return 0;
      } else if (arg === "-o" || arg === "--output") output = next();
      else if (arg === "--year") {
        const text = next();
        if (!/^\d{4}$/.test(text) || Number(text) < 2000 || Number(text) > 2100) return usage(`Năm «${text}» không hợp lệ: ghi 4 chữ số, từ 2000 đến 2100.`);
        year = Number(text);
      } else if (arg === "--rows") {
        const text = next();
        if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 1000) return usage(`Số dòng «${text}» không hợp lệ: từ 1 đến 1000.`);
        rows = Number(text);
      } else if ((PLAN_KINDS as readonly string[]).includes(arg) && kind === undefined) kind = arg as PlanKind;
      else return usage(arg.startsWith("-") ? `Không có tùy chọn ${arg}.` : `Loại biểu mẫu «${arg}» không có: chọn outbound, inbound hoặc people.`);
    } catch (error) {
      return usage(error instanceof Error ? error.message : String(error));
    }
  }
  if (kind === undefined) return usage("Chưa chọn loại biểu mẫu: outbound, inbound hoặc people.");
  if (output === undefined) return usage("Chưa chỉ tệp để ghi: thêm -o TỆP.xlsx.");
  if (!/\.xlsx$/i.test(output)) return usage(`Tệp «${output}» phải có đuôi .xlsx.`);
  if (await stat(output).then(() => true, () => false)) {
    io.stderr(`Tệp «${output}» đã có: không ghi đè. Hãy chọn tên khác hoặc xóa tệp đó.\n`);
    return 2;
  }
  await writeFile(output, await templateWorkbook(kind, year, rows), { flag: "wx" });
  io.stdout(`Đã tạo biểu mẫu ${TEMPLATES[kind].name.toLowerCase()} năm ${year}: ${output}\n`);
  return 0;
}
