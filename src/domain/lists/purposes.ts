import type { ListEntry } from "./types";

/** Purposes (DOMAIN.md "Purposes"); the dropdown offers the names, units may write more. */
export const PURPOSES: ListEntry[] = [
  { id: "cong-tac", name: "Công tác", aliases: ["Làm việc"] },
  { id: "hoc-tap", name: "Học tập", aliases: ["Học tập kinh nghiệm"] },
  { id: "dao-tao", name: "Đào tạo", aliases: [] },
  { id: "boi-duong", name: "Bồi dưỡng", aliases: ["Tập huấn"] },
  { id: "hop-tac", name: "Hợp tác", aliases: [] },
  { id: "nghien-cuu-khao-sat", name: "Nghiên cứu, khảo sát", aliases: ["Nghiên cứu", "Khảo sát"] },
  { id: "hoi-nghi", name: "Hội nghị, hội thảo, diễn đàn", aliases: ["Hội nghị", "Hội thảo", "Diễn đàn"] },
  { id: "ky-ket", name: "Ký kết thỏa thuận", aliases: ["Ký kết", "Ký thỏa thuận", "Ký biên bản ghi nhớ"] },
  { id: "xuc-tien", name: "Xúc tiến đầu tư, thương mại, du lịch", aliases: ["Xúc tiến đầu tư", "Xúc tiến thương mại", "Xúc tiến du lịch"] },
  { id: "giao-luu", name: "Giao lưu văn hóa – thể thao", aliases: ["Giao lưu văn hóa", "Giao lưu thể thao", "Giao lưu"] },
  { id: "trien-lam", name: "Triển lãm, hội chợ", aliases: ["Triển lãm", "Hội chợ"] },
  { id: "tham-huu-nghi", name: "Thăm hữu nghị", aliases: ["Thăm hỏi", "Thăm chính thức"] },
];
