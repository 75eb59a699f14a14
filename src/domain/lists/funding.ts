import type { ListEntry } from "./types";

/** A funding source (DOMAIN.md "Funding"). Which ids are forbidden is a profile setting; `forbidden` is the default. */
export interface FundingEntry extends ListEntry {
  /** Forbidden by default (all jurisdictions) [S1, S2]. */
  forbidden: boolean;
}

export const FUNDING: FundingEntry[] = [
  { id: "ngan-sach", name: "Ngân sách thành phố/tỉnh", aliases: ["Ngân sách nhà nước", "Ngân sách thành phố", "Ngân sách tỉnh", "NSNN", "NS thành phố", "NSTP", "Ngân sách", "NS"], forbidden: false },
  { id: "chi-thuong-xuyen", name: "Kinh phí chi thường xuyên của đơn vị", aliases: ["Kinh phí thường xuyên", "Chi thường xuyên", "Kinh phí của đơn vị", "KP thường xuyên", "Kinh phí đơn vị"], forbidden: false },
  { id: "doi-ngoai", name: "Kinh phí hoạt động đối ngoại", aliases: ["Kinh phí đối ngoại", "KP đối ngoại", "Đoàn ra đoàn vào"], forbidden: false },
  { id: "thu-su-nghiep", name: "Nguồn thu sự nghiệp", aliases: ["Thu sự nghiệp", "Nguồn thu hợp pháp của đơn vị", "Nguồn thu của đơn vị"], forbidden: false },
  { id: "nuoc-ngoai-dai-tho-toan-bo", name: "Phía nước ngoài mời và đài thọ toàn bộ", aliases: ["Phía nước ngoài đài thọ", "Phía bạn đài thọ", "Nước ngoài đài thọ", "Phía mời đài thọ", "Phía nước ngoài mời và đài thọ"], forbidden: false },
  { id: "nuoc-ngoai-dai-tho-mot-phan", name: "Phía nước ngoài mời và đài thọ một phần", aliases: ["Phía nước ngoài đài thọ một phần", "Phía bạn đài thọ một phần", "Nước ngoài đài thọ một phần"], forbidden: false },
  { id: "to-chuc-quoc-te", name: "Tổ chức quốc tế đài thọ", aliases: ["Tổ chức quốc tế", "TCQT đài thọ"], forbidden: false },
  { id: "vien-tro-khong-hoan-lai", name: "Chương trình, dự án viện trợ không hoàn lại", aliases: ["Viện trợ không hoàn lại", "Dự án viện trợ", "Dự án ODA không hoàn lại", "Dự án phi chính phủ"], forbidden: false },
  { id: "doanh-nghiep-dai-tho", name: "Doanh nghiệp tổ chức, đài thọ", aliases: ["Doanh nghiệp đài thọ", "Doanh nghiệp tài trợ", "Công ty đài thọ", "Doanh nghiệp tổ chức", "DN đài thọ", "DN tài trợ"], forbidden: true },
  { id: "doanh-nghiep-nuoc-ngoai-moi", name: "Doanh nghiệp nước ngoài mời đích danh", aliases: ["Doanh nghiệp nước ngoài mời", "DN nước ngoài mời", "Công ty nước ngoài mời đích danh", "Doanh nghiệp nước ngoài đài thọ"], forbidden: true },
  { id: "von-vay-nuoc-ngoai", name: "Vốn vay nước ngoài", aliases: ["Vốn vay", "Vốn vay ODA", "Nguồn vốn vay nước ngoài"], forbidden: false },
  { id: "tai-tro-khac", name: "Nguồn tài trợ khác", aliases: ["Tài trợ khác", "Nguồn tài trợ", "Tài trợ"], forbidden: false },
];

export const FUNDING_BY_ID: ReadonlyMap<string, FundingEntry> = new Map(FUNDING.map((f) => [f.id, f]));
