/** The letters and regulations rules cite (DOMAIN.md tags S0..S4). */

export const S0 = "Công văn Sở Ngoại vụ Hải Phòng 9/2023 về kế hoạch đoàn ra, đoàn vào năm 2024 (S0)";
export const S1 = "Công văn Sở Ngoại vụ Hải Phòng 12/2024 triển khai kế hoạch đoàn ra, đoàn vào năm 2025 (S1)";
export const S2 = "Công văn 4060-CV/BTCTU ngày 31/5/2019 của Ban Tổ chức Thành ủy Hà Nội (S2)";
export const S3 = "Công văn Sở Giáo dục và Đào tạo Hải Phòng 2024 (S3)";
export const S4 = "Công văn Sở Ngoại vụ Lai Châu 9/2024 về kế hoạch đối ngoại năm 2025 (S4)";
export const CT38 = "Chỉ thị 38-CT/TW ngày 21/7/2014";
export const QD272 = "Quyết định 272-QĐ/TW ngày 21/01/2015 (Quy chế 272)";

export function cite(...parts: string[]): string {
  return parts.join("; ");
}
