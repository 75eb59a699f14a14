/**
 * The playground's bundled sample: one unit's workbook as a Sở would send it (title rows, "Đơn vị: …",
 * a two-row header with merged cells, sections I/II, a total row, signatures; an inbound sheet), with a
 * few planted violations so that "Kiểm tra" has something to show:
 *
 *   row 16  "Đức, Áo, Séc, Hungary"          countries-max        (4 countries, at most 3)
 *   row 17  12 days in Thái Lan               days-per-country     (10 days abroad, at most 3)
 *   row 18  "Philipin"                        country-unknown      (suggests "Philippines")
 *   row 19  "Doanh nghiệp tổ chức và đài thọ" funding-forbidden    (and "Phát sinh": unplanned)
 *   row 20  no funding                        required-field
 *   rows 13–15  the Giám đốc Sở heads 3 trips key-leader-trips     (at most 2 a year)
 *
 * Written by scripts/make-sample.ts; the e2e tests read the spec to know what to expect.
 */
import type { SheetSpec, SpecValue, WorkbookSpec } from "../test/fixtures/generate";
import { day } from "../test/fixtures/generate";

export const SAMPLE_FILE = "ke-hoach-don-vi-mau.xlsx";
/** Where the page fetches it from (webpack copies assets/ as it is). */
export const SAMPLE_URL = `assets/samples/${SAMPLE_FILE}`;
export const SAMPLE_YEAR = 2027;
export const SAMPLE_UNIT = "Sở Văn hóa và Thể thao";

const Y = SAMPLE_YEAR;

const OUTBOUND_HEADER: SpecValue[] = [
  "STT",
  "Tên đoàn",
  "Trưởng đoàn (họ tên, chức vụ)",
  "Số lượng (người)",
  "Nước đến",
  "Thời gian",
  null,
  "Số ngày",
  "Mục đích, nội dung",
  "Đối tác, cơ quan mời",
  "Nguồn kinh phí",
  "Kinh phí dự kiến (triệu đồng)",
  "Trong/ngoài kế hoạch",
  "Ghi chú",
];

const DIRECTOR = "Phạm Minh Tuấn - Giám đốc Sở";

/** Outbound delegations by sheet row, so the planted rows above stay where the comment says. */
const OUTBOUND_ROWS: SpecValue[][] = [
  ["I", "Đoàn do Lãnh đạo thành phố làm Trưởng đoàn"],
  [1, "Đoàn quảng bá văn hóa, du lịch thành phố tại Nhật Bản", "Nguyễn Văn An - Phó Chủ tịch UBND thành phố", "07 người", "Nhật Bản", day(Y, 4, 12), day(Y, 4, 16), 5, "Tổ chức Tuần văn hóa Việt Nam, ký kết thỏa thuận hợp tác văn hóa với tỉnh Kanagawa", "Chính quyền tỉnh Kanagawa", "Ngân sách thành phố", 650, "Trong kế hoạch", null],
  ["II", "Đoàn cấp sở, ngành, địa phương"],
  [2, "Đoàn dự Liên hoan phim quốc tế", DIRECTOR, 4, "Pháp", day(Y, 5, 15), day(Y, 5, 19), 5, "Tham dự liên hoan phim, hợp tác sản xuất và phát hành phim", "Bộ Văn hóa Pháp", "Kinh phí chi thường xuyên của đơn vị", 420, "Trong kế hoạch", null],
  [3, "Đoàn trao đổi kinh nghiệm bảo tồn di sản", DIRECTOR, 5, "Hàn Quốc, Nhật Bản", day(Y, 6, 7), day(Y, 6, 14), 8, "Trao đổi kinh nghiệm bảo tồn, phát huy giá trị di sản văn hóa", "Cục Di sản văn hóa Hàn Quốc", "Kinh phí hoạt động đối ngoại", 580, "Trong kế hoạch", null],
  [4, "Đoàn dự Hội nghị Thể thao châu Á - Thái Bình Dương", DIRECTOR, 3, "Úc", day(Y, 9, 20), day(Y, 9, 24), 5, "Tham dự hội nghị về phát triển thể thao thành tích cao", "Ủy ban Olympic Úc", "Phía nước ngoài mời và đài thọ toàn bộ", 0, "Trong kế hoạch", null],
  [5, "Đoàn học tập mô hình thư viện số", "Trần Thị Mai - Phó Giám đốc Sở", 5, "Đức, Áo, Séc, Hungary", day(Y, 10, 4), day(Y, 10, 13), 10, "Học tập mô hình thư viện số và bảo tàng thông minh", "Thư viện Quốc gia Áo", "Kinh phí chi thường xuyên của đơn vị", 900, "Trong kế hoạch", null],
  [6, "Đoàn tập huấn đội tuyển điền kinh", "Lê Hoàng Nam - Trưởng phòng Quản lý thể dục thể thao", 8, "Thái Lan", day(Y, 11, 1), day(Y, 11, 12), 12, "Tập huấn, trao đổi chuyên môn huấn luyện điền kinh", "Liên đoàn Điền kinh Thái Lan", "Nguồn thu sự nghiệp", 300, "Trong kế hoạch", null],
  [7, "Đoàn biểu diễn nghệ thuật truyền thống", "Đỗ Thu Hà - Phó Trưởng phòng Quản lý nghệ thuật", 10, "Philipin", day(Y, 7, 15), day(Y, 7, 19), 5, "Biểu diễn giao lưu văn hóa nghệ thuật dịp Quốc khánh", "Đại sứ quán Việt Nam tại Philippines", "Kinh phí hoạt động đối ngoại", 350, "Trong kế hoạch", null],
  [8, "Đoàn xúc tiến du lịch tại Quảng Châu", "Vũ Quang Huy - Phó Giám đốc Sở", 6, "Trung Quốc", day(Y, 8, 10), day(Y, 8, 14), 5, "Xúc tiến quảng bá du lịch tại Hội chợ Du lịch quốc tế Quảng Châu", "Công ty Lữ hành Hoa Nam", "Doanh nghiệp tổ chức và đài thọ", 0, "Phát sinh", "Doanh nghiệp mời"],
  [9, "Đoàn học tập kinh nghiệm tổ chức lễ hội", "Ngô Thị Lan - Chánh Văn phòng Sở", 4, "Lào", day(Y, 3, 22), day(Y, 3, 25), 4, "Học tập kinh nghiệm tổ chức lễ hội truyền thống", "Sở Thông tin, Văn hóa và Du lịch Luông Pha Bang", null, 120, "Trong kế hoạch", null],
  [10, "Lớp bồi dưỡng quản lý văn hóa", "Hoàng Văn Đức - Trưởng phòng Tổ chức cán bộ", 15, "Singapore", day(Y, 12, 6), day(Y, 12, 10), 5, "Bồi dưỡng kiến thức quản lý nhà nước về văn hóa", "Học viện Công vụ Singapore", "Kinh phí chi thường xuyên của đơn vị", 750, "Trong kế hoạch", null],
];

const SIGNATURE: SpecValue[][] = [
  [],
  [null, "NGƯỜI LẬP BIỂU", null, null, null, null, null, null, null, null, "GIÁM ĐỐC"],
  [null, "(Ký, ghi rõ họ tên)", null, null, null, null, null, null, null, null, "(Ký tên, đóng dấu)"],
  [],
  [],
  [null, "Bùi Thị Hồng", null, null, null, null, null, null, null, null, "Phạm Minh Tuấn"],
];

function outboundSheet(): SheetSpec {
  const firstData = 10;
  const lastData = firstData + OUTBOUND_ROWS.length - 1;
  return {
    name: "Đoàn ra",
    merges: ["A1:E1", "A2:E2", "A3:N3", "A4:N4", "A5:N5", "A7:A8", "B7:B8", "C7:C8", "D7:D8", "E7:E8", "F7:G7", "H7:H8", "I7:I8", "J7:J8", "K7:K8", "L7:L8", "M7:M8", "N7:N8", "B10:N10", "B12:N12"],
    rows: [
      ["UBND THÀNH PHỐ HẢI PHÒNG", null, null, null, null, null, null, null, null, null, null, null, "Biểu mẫu 04"],
      ["SỞ VĂN HÓA VÀ THỂ THAO"],
      [`KẾ HOẠCH ĐOÀN RA NĂM ${Y}`],
      ["(Kèm theo Công văn số 1520/SVHTT-VP ngày 15/10/2026 của Sở Văn hóa và Thể thao)"],
      [`Đơn vị: ${SAMPLE_UNIT}`],
      [],
      OUTBOUND_HEADER,
      [null, null, null, null, null, "Từ ngày", "Đến ngày"],
      OUTBOUND_HEADER.map((_, i) => `(${i + 1})`),
      ...OUTBOUND_ROWS,
      [null, "Tổng cộng", null, { formula: `SUM(D${firstData}:D${lastData})`, result: 67 }, null, null, null, null, null, null, null, { formula: `SUM(L${firstData}:L${lastData})`, result: 3970 }],
      ...SIGNATURE,
    ],
    expect: {
      kind: "outbound",
      headerRows: [7, 8],
      columnNumberRow: 9,
      columns: { seq: "A", name: "B", leader: "C", members: "D", countries: "E", start: "F", end: "G", days: "H", purpose: "I", inviter: "J", funding: "K", cost: "L", planStatus: "M", notes: "N" },
      dataRows: [11, 13, 14, 15, 16, 17, 18, 19, 20, 21],
      unitName: SAMPLE_UNIT,
      titleYear: Y,
    },
  };
}

const INBOUND_HEADER: SpecValue[] = ["STT", "Tên đoàn", "Quốc tịch", "Trưởng đoàn", "Cấp đoàn", "Số lượng khách", "Thời gian", "Mục đích, nội dung", "Đơn vị mời/đón tiếp", "Lãnh đạo tiếp", "Địa điểm làm việc", "Nguồn kinh phí đón tiếp", "Ghi chú"];

function inboundSheet(): SheetSpec {
  return {
    name: "Đoàn vào",
    merges: ["A1:M1", "A2:M2"],
    rows: [
      [`KẾ HOẠCH ĐOÀN VÀO NĂM ${Y}`],
      [`Đơn vị: ${SAMPLE_UNIT}`],
      [],
      INBOUND_HEADER,
      [1, "Đoàn Nhà hát Quốc gia Hàn Quốc", "Hàn Quốc", "Kim Min-jun", "Giám đốc Nhà hát", 20, `Tháng 4/${Y}`, "Biểu diễn giao lưu nghệ thuật, trao đổi hợp tác đào tạo diễn viên", "Sở Văn hóa và Thể thao", "Giám đốc Sở", "Nhà hát thành phố", "Kinh phí hoạt động đối ngoại", null],
      [2, "Đoàn Bảo tàng Quai Branly", "Pháp", "Claire Martin", "Phó Giám đốc Bảo tàng", 4, `Quý III/${Y}`, "Hợp tác trưng bày chuyên đề và phục chế hiện vật", "Bảo tàng thành phố", "Phó Giám đốc Sở", "Bảo tàng thành phố", "Ngân sách thành phố", null],
      [3, "Đoàn Liên đoàn Bóng đá Lào", "Lào", "Khamla Sisavath", "Phó Chủ tịch Liên đoàn", 25, `15-18/10/${Y}`, "Thi đấu giao hữu, trao đổi kinh nghiệm đào tạo bóng đá trẻ", "Trung tâm Huấn luyện và Thi đấu thể thao", "Phó Giám đốc Sở", "Sân vận động Lạch Tray", "Kinh phí chi thường xuyên của đơn vị", null],
    ],
    expect: {
      kind: "inbound",
      headerRows: [4],
      columns: { seq: "A", name: "B", countries: "C", leader: "D", leaderRole: "E", members: "F", period: "G", purpose: "H", host: "I", receivingLeader: "J", venue: "K", funding: "L", notes: "M" },
      dataRows: [5, 6, 7],
      unitName: SAMPLE_UNIT,
      titleYear: Y,
    },
  };
}

export function sampleWorkbookSpec(): WorkbookSpec {
  return {
    file: SAMPLE_FILE,
    description: `Kế hoạch đoàn ra, đoàn vào năm ${Y} của ${SAMPLE_UNIT} (mẫu xem thử, có lỗi cài sẵn)`,
    sheets: [outboundSheet(), inboundSheet()],
  };
}

/** Every finding the default profile gives for the sample in its plan year, in the engine's order. */
export const EXPECTED_FINDINGS: { rule: string; cell: string; severity: "error" | "warning" | "info" }[] = [
  { rule: "key-leader-trips", cell: "Đoàn ra!C13", severity: "error" },
  { rule: "key-leader-trips", cell: "Đoàn ra!C14", severity: "error" },
  { rule: "key-leader-trips", cell: "Đoàn ra!C15", severity: "error" },
  { rule: "countries-max", cell: "Đoàn ra!E16", severity: "error" },
  // A training course (tập huấn) of 12 days: not a visit, so only an info line says why [DOMAIN days-per-country].
  { rule: "days-per-country", cell: "Đoàn ra!H17", severity: "info" },
  { rule: "country-unknown", cell: "Đoàn ra!E18", severity: "warning" },
  // The funding says an enterprise organises and pays; the inviting company is not shown to be foreign,
  // so it is not called so: one finding, on the funding cell.
  { rule: "funding-forbidden", cell: "Đoàn ra!K19", severity: "error" },
  { rule: "unplanned", cell: "Đoàn ra!M19", severity: "info" },
  { rule: "required-field", cell: "Đoàn ra!K20", severity: "error" },
];

/** Findings per severity, as the pane counts them. */
export const EXPECTED_COUNTS = { error: 6, warning: 1, info: 2 };
