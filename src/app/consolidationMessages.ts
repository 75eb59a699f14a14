/** The consolidation's own messages (Vietnamese, shown as they are); readers' and hosts' messages come from them. */
export const MESSAGES = {
  engineLoad: "Không tải được phần tổng hợp của phần bổ trợ: hãy kiểm tra kết nối mạng rồi thử lại.",
  nothingToMerge: "Chưa có đơn vị nào tổng hợp được: hãy chọn tệp .xlsx của các đơn vị hoặc đưa vào các kế hoạch đã gửi.",
  noPlanInFile: "Không có biểu mẫu kế hoạch nào để tổng hợp.",
  unreadableBlob: (detail: string) => `Không đọc được nội dung tệp: ${detail}`,
  unexpectedRead: (detail: string) => `Không đọc được tệp: ${detail}`,
  noPlanToSend: "Sổ làm việc này không có biểu mẫu kế hoạch đoàn ra, đoàn vào hay đối ngoại nhân dân nào để gửi.",
  storageWrite: (detail: string) =>
    `Không lưu được kế hoạch vào bộ nhớ chung của phần bổ trợ (${detail}). Hãy xóa bớt các kế hoạch đã gửi, hoặc gửi tệp .xlsx cho người tổng hợp.`,
  planTooLargeToSend: (megabytes: string) =>
    `Kế hoạch này quá lớn để gửi qua bộ nhớ chung (${megabytes} MB; bộ nhớ chung chỉ có 10 MB cho mọi phần bổ trợ cùng địa chỉ). Hãy gửi tệp .xlsx cho người tổng hợp.`,
  storageFull:
    "Bộ nhớ chung của phần bổ trợ đã đầy (giới hạn 10 MB, dùng chung với các phần bổ trợ khác cùng địa chỉ). Ở sổ tổng hợp, hãy xóa các kế hoạch đã gửi đã tổng hợp xong rồi gửi lại, hoặc gửi tệp .xlsx.",
  storageRead: (detail: string) => `Không đọc được các kế hoạch đã gửi từ bộ nhớ chung của phần bổ trợ (${detail}).`,
  sentPlanGone: "Kế hoạch đã gửi này không còn trong bộ nhớ chung (có thể đã bị xóa ở sổ làm việc khác).",
  sentPlanUnreadable: "Không đọc được kế hoạch đã gửi này (gửi từ phiên bản khác của phần bổ trợ, hoặc dữ liệu bị hỏng): hãy xóa và gửi lại.",
  foreignMasterSheet: (sheet: string) =>
    `Trang “${sheet}” đã có trong sổ này nhưng không phải trang tổng hợp (không có các cột Đơn vị, Tệp, Dòng gốc): phần bổ trợ không ghi đè. Hãy đổi tên trang đó rồi tổng hợp lại.`,
  supersededFile: (file: string, unit: string, by: string) => `Tệp «${file}» không được tổng hợp: cùng đơn vị “${unit}” với tệp «${by}» ở sau trong danh sách, đã dùng tệp «${by}».`,
  notesNotCarried: (sheet: string) =>
    `Trang “${sheet}”: Excel này chưa cho phần bổ trợ di chuyển ghi chú (cần ExcelApi 1.18), nên ghi chú ở các dòng nhập tay và các cột tự thêm vẫn nằm ở ô cũ và có thể đã lệch dòng. Công thức, định dạng, danh sách chọn và định dạng có điều kiện đã được giữ ở dòng mới. Hãy kiểm tra lại các ghi chú.`,
  foreignStatisticsSheet: (sheet: string) =>
    `Trang “${sheet}” đã có trong sổ này và không phải trang thống kê do phần bổ trợ tạo: phần bổ trợ không ghi đè. Hãy đổi tên trang đó rồi tổng hợp lại.`,
};
