import { matchFunding } from "../../../src/domain/values";
import { FUNDING, FUNDING_BY_ID } from "../../../src/domain/lists/funding";

describe("matchFunding", () => {
  it.each([
    ["Ngân sách nhà nước cấp", "ngan-sach"],
    ["Ngân sách thành phố", "ngan-sach"],
    ["NSNN", "ngan-sach"],
    ["Ngân sách TP năm 2025", "ngan-sach"],
    ["ngan sach tinh", "ngan-sach"],
    ["Kinh phí chi thường xuyên của đơn vị", "chi-thuong-xuyen"],
    ["Nguồn kinh phí thường xuyên được giao", "chi-thuong-xuyen"],
    ["Kinh phí đối ngoại năm 2025", "doi-ngoai"],
    ["Nguồn thu sự nghiệp", "thu-su-nghiep"],
    ["Phía Nhật Bản đài thọ", "nuoc-ngoai-dai-tho-toan-bo"],
    ["Phía bạn đài thọ toàn bộ", "nuoc-ngoai-dai-tho-toan-bo"],
    ["Phía mời đài thọ vé máy bay, ăn ở", "nuoc-ngoai-dai-tho-toan-bo"],
    ["Đối tác Hàn Quốc chi trả", "nuoc-ngoai-dai-tho-toan-bo"],
    ["Phía bạn đài thọ một phần", "nuoc-ngoai-dai-tho-mot-phan"],
    ["Ngân sách thành phố và phía nước ngoài đài thọ một phần", "nuoc-ngoai-dai-tho-mot-phan"],
    ["Tổ chức quốc tế", "to-chuc-quoc-te"],
    ["Nguồn tài trợ của tổ chức quốc tế", "to-chuc-quoc-te"],
    ["Dự án viện trợ không hoàn lại của JICA", "vien-tro-khong-hoan-lai"],
    ["Doanh nghiệp ABC đài thọ toàn bộ", "doanh-nghiep-dai-tho"],
    ["Công ty TNHH XYZ tài trợ", "doanh-nghiep-dai-tho"],
    ["Ngân sách và doanh nghiệp hỗ trợ", "doanh-nghiep-dai-tho"],
    ["Công ty Samsung (Hàn Quốc) mời đích danh", "doanh-nghiep-nuoc-ngoai-moi"],
    ["Doanh nghiệp nước ngoài mời", "doanh-nghiep-nuoc-ngoai-moi"],
    ["Vốn vay ODA", "von-vay-nuoc-ngoai"],
    ["Tài trợ", "tai-tro-khac"],
    ["Nguồn tài trợ hợp pháp khác", "tai-tro-khac"],
  ])("%s → %s", (text, id) => {
    expect(matchFunding(text)).toEqual({ raw: text, id, name: FUNDING_BY_ID.get(id)?.name });
  });

  it.each(["Tự túc", "Khác", "Chưa xác định", "?", "Phía Việt Nam đài thọ", "Ban Quản lý dự án đài thọ", "Doanh nghiệp nhà nước tự bảo đảm", ""])(
    "%j is not recognised",
    (text) => {
      expect(matchFunding(text)).toEqual({ raw: text.trim() });
    },
  );

  it("reads every name and alias of the list as its own source", () => {
    for (const entry of FUNDING) for (const text of [entry.name, ...entry.aliases]) expect(matchFunding(text).id).toBe(entry.id);
  });

  it("keeps the text as written, tidied", () => {
    expect(matchFunding("  Ngân   sách\nthành phố ").raw).toBe("Ngân sách thành phố");
  });
});
