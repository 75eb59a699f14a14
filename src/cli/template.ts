/**
 * `dplan template outbound|inbound|people -o FILE.xlsx [--year YYYY] [--rows N]`: a blank template in the
 * official style (src/app/blankTemplate.ts, the same layout the task pane inserts), with dropdowns from the
 * standard lists on the hidden lists sheet.
 */
import { stat, writeFile } from "node:fs/promises";
import { blankTemplate } from "../app/blankTemplate";
import { dropdownTargets } from "../app/dropdowns";
import { standardLists } from "../app/standardLists";
import { PLAN_KINDS, type PlanKind } from "../domain/model";
import { DEFAULT_PROFILE_ID, getProfile } from "../domain/profiles";
import { readPlan } from "../domain/templates";
import { TEMPLATES } from "../domain/templates/definitions";
import type { StandardList } from "../workbook/types";
import { writeWorkbook } from "../xlsx/writeWorkbook";
import type { FormAgency } from "../domain/templates/officialForm";
import { agencyArg } from "./args";
import type { CliIO } from "./main";

export const TEMPLATE_USAGE = `Cách dùng:
  dplan template outbound|inbound|people -o TỆP.xlsx [--year YYYY] [--rows N] [--agency "CHỦ QUẢN/CƠ QUAN"]
      Tạo biểu mẫu trống theo mẫu chính thức, có danh sách chọn (nước, chức vụ, nguồn kinh phí, mục đích, trong/ngoài kế hoạch).
      outbound = Kế hoạch đoàn ra, inbound = Kế hoạch đoàn vào, people = Kế hoạch đối ngoại nhân dân
      --year YYYY   năm kế hoạch ghi trên tiêu đề (mặc định: năm sau)
      --rows N      số dòng trống để điền (mặc định 30, tối đa 1000)
      --agency "CHỦ QUẢN/CƠ QUAN"  cơ quan chủ quản và cơ quan lập ghi ở góc trên bên trái, ví dụ
                    "Sở Giáo dục và Đào tạo/Trường THPT Trần Phú"
  Không ghi đè tệp đã có.
`;

/** The dropdown lists: standard names; forbidden funding is left out (the rules flag it if typed). */
export function templateLists(): StandardList[] {
  return standardLists(getProfile(DEFAULT_PROFILE_ID));
}

/** The template as .xlsx bytes. */
export async function templateWorkbook(kind: PlanKind, year: number, rows = 30, agency?: FormAgency): Promise<Uint8Array> {
  const { table, entryRows } = blankTemplate(kind, year, [], { entryRows: rows, ...(agency ? { agency } : {}) });
  const recognised = readPlan([{ name: table.sheet, originRow: 1, originCol: 1, values: table.rows, merges: table.merges ?? [] }]).sheets;
  const targets = dropdownTargets(recognised, entryRows);
  const used = new Set(targets.map((target) => target.list));
  return writeWorkbook([table], { dropdowns: { lists: templateLists().filter((list) => used.has(list.id)), targets } });
}

/** `dplan template …`: returns the exit code. */
export async function runTemplate(args: string[], io: CliIO): Promise<number> {
  let kind: PlanKind | undefined;
  let output: string | undefined;
  let year = new Date().getFullYear() + 1;
  let rows = 30;
  let agency: FormAgency | undefined;
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
      } else if (arg === "--agency") {
        try {
          agency = agencyArg(next());
        } catch (error) {
          return usage(error instanceof Error ? error.message : String(error));
        }
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
  await writeFile(output, await templateWorkbook(kind, year, rows, agency), { flag: "wx" });
  io.stdout(`Đã tạo biểu mẫu ${TEMPLATES[kind].name.toLowerCase()} năm ${year}: ${output}\n`);
  return 0;
}
