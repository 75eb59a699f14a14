/**
 * Three small unit workbooks and a corrupt one, written at test time into a temporary folder for the
 * consolidation test (never committed). The outbound plans hold 3 + 2 + 4 delegations with every required
 * field, plus one in the second file without funding, which stays out of the master.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildXlsx, day, type SpecValue, type WorkbookSpec } from "../../fixtures/generate";

const Y = 2027;
const HEADER: SpecValue[] = ["STT", "Tên đoàn", "Trưởng đoàn", "Chức vụ", "Số người", "Nước đến", "Từ ngày", "Đến ngày", "Mục đích", "Cơ quan mời", "Nguồn kinh phí"];

function unit(file: string, unitName: string, rows: SpecValue[][]): WorkbookSpec {
  return {
    file,
    description: `Kế hoạch đoàn ra năm ${Y} của ${unitName}`,
    sheets: [{ name: "Đoàn ra", rows: [[`KẾ HOẠCH ĐOÀN RA NĂM ${Y}`], [`Đơn vị: ${unitName}`], HEADER, ...rows], expect: false }],
  };
}

export const UNIT_SPECS: WorkbookSpec[] = [
  unit("so-y-te.xlsx", "Sở Y tế", [
    [1, "Đoàn học tập bệnh viện thông minh", "Đặng Văn Minh", "Phó Giám đốc Sở", 5, "Hàn Quốc", day(Y, 4, 6), day(Y, 4, 10), "Học tập mô hình bệnh viện thông minh", "Bệnh viện Đại học Quốc gia Seoul", "Ngân sách thành phố"],
    [2, "Đoàn dự hội thảo y tế dự phòng", "Cao Thị Ngọc", "Trưởng phòng", 3, "Pháp", day(Y, 6, 14), day(Y, 6, 18), "Tham dự hội thảo y tế dự phòng", "Viện Pasteur", "Tổ chức quốc tế đài thọ"],
    [3, "Đoàn đào tạo điều dưỡng", "Lý Thu Trang", "Trưởng phòng", 6, "Nhật Bản", day(Y, 9, 6), day(Y, 9, 10), "Đào tạo kỹ năng điều dưỡng", "Đại học Y Osaka", "Phía nước ngoài mời và đài thọ toàn bộ"],
  ]),
  unit("so-giao-duc.xlsx", "Sở Giáo dục và Đào tạo", [
    [1, "Đoàn học tập giáo dục STEM", "Trần Thị Bình", "Phó Giám đốc Sở", 5, "Singapore", day(Y, 5, 10), day(Y, 5, 14), "Học tập kinh nghiệm giáo dục STEM", "Bộ Giáo dục Singapore", "Kinh phí chi thường xuyên của đơn vị"],
    [2, "Đoàn dự hội nghị hiệu trưởng", "Lê Văn Cường", "Trưởng phòng", 4, "Úc", day(Y, 8, 2), day(Y, 8, 6), "Tham dự hội nghị quản lý trường học", "Bộ Giáo dục Úc", "Ngân sách thành phố"],
    [3, "Đoàn khảo sát trường nghề", "Phan Quốc Việt", "Phó Trưởng phòng", 3, "Đức", day(Y, 10, 4), day(Y, 10, 8), "Học tập mô hình đào tạo nghề kép", "Bộ Giáo dục Đức", null],
  ]),
  unit("ubnd-xa-an-lao.xlsx", "UBND xã An Lão", [
    [1, "Đoàn giao lưu kết nghĩa", "Nguyễn Văn Sơn", "Chủ tịch UBND xã", 5, "Lào", day(Y, 3, 8), day(Y, 3, 11), "Giao lưu văn hóa, kết nghĩa", "Bản Nậm Ngà", "Kinh phí hoạt động đối ngoại"],
    [2, "Đoàn học tập nông nghiệp", "Bùi Thị Hoa", "Phó Chủ tịch UBND xã", 4, "Thái Lan", day(Y, 5, 20), day(Y, 5, 23), "Học tập mô hình nông nghiệp công nghệ cao", "Tỉnh Chiang Mai", "Ngân sách thành phố"],
    [3, "Đoàn xúc tiến thương mại nông sản", "Vũ Đình Nam", "Trưởng phòng", 3, "Trung Quốc", day(Y, 7, 12), day(Y, 7, 15), "Xúc tiến thương mại nông sản", "Hội chợ Côn Minh", "Kinh phí chi thường xuyên của đơn vị"],
    [4, "Đoàn tập huấn du lịch cộng đồng", "Hà Thị Lụa", "Chuyên viên", 2, "Campuchia", day(Y, 11, 2), day(Y, 11, 5), "Tập huấn phát triển du lịch cộng đồng", "Bộ Du lịch Campuchia", "Nguồn thu sự nghiệp"],
  ]),
];

/** Delegations each unit file sends that have every required field (the master's rows). */
export const COMPLETE_ROWS = 3 + 2 + 4;
export const CORRUPT_FILE = "don-vi-hong.xlsx";

export interface UnitFiles {
  dir: string;
  units: string[];
  corrupt: string;
  remove(): void;
}

export async function writeUnitFiles(): Promise<UnitFiles> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dplan-e2e-units-"));
  const units: string[] = [];
  for (const spec of UNIT_SPECS) {
    const file = path.join(dir, spec.file);
    fs.writeFileSync(file, await buildXlsx(spec));
    units.push(file);
  }
  // A workbook cut in half, as an interrupted download or e-mail leaves it.
  const whole = await buildXlsx(UNIT_SPECS[0]);
  const corrupt = path.join(dir, CORRUPT_FILE);
  fs.writeFileSync(corrupt, whole.subarray(0, Math.floor(whole.length / 2)));
  return { dir, units, corrupt, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
