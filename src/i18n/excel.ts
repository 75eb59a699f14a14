import { defineStrings } from "./define";

/** Messages of the Excel host (src/excel) and of the ribbon command, shown to users in the pane. */
export const excel = defineStrings({
  vi: {
    unsupportedVersion:
      "Phiên bản Excel này không hỗ trợ phần bổ trợ (cần ExcelApi 1.9: Office 2021, Microsoft 365 hoặc Excel trên web).",
    readFailed: "Không đọc được trang tính: {detail}",
    sheetTooLarge:
      "Không đọc được trang tính “{sheet}”: dữ liệu vượt giới hạn Excel cho phép gửi trong một lần. Hãy tách trang tính thành các trang nhỏ hơn hoặc dùng công cụ dòng lệnh.",
    sheetNotFound: "Không tìm thấy trang tính “{sheet}”: có thể trang đã bị đổi tên hoặc xóa. Hãy kiểm tra lại.",
    markFailed: "Không đánh dấu được các ô có lỗi: {detail}",
    clearFailed: "Không xóa được các đánh dấu: {detail}",
    selectFailed: "Không chọn được ô {cell} trên trang tính “{sheet}”: {detail}",
    dropdownFailed: "Không gắn được danh sách thả xuống: {detail}",
    unknownList: "Không có danh mục “{list}” để gắn danh sách thả xuống.",
    dropdownAlertTitle: "Giá trị ngoài danh mục",
    dropdownAlertMessage: "Giá trị này không có trong danh mục chuẩn. Chọn OK để giữ nguyên, Cancel để nhập lại.",
    editFailed: "Không sửa được các ô: {detail}",
    writeFailed: "Không ghi được trang tính “{sheet}”: {detail}",
    nameFailed: "Không lấy được tên sổ làm việc: {detail}",
    commandFailed: "Kiểm tra không thành công: {detail}",
    unknownError: "lỗi không xác định",
    addinNotReady: "Phần bổ trợ chưa sẵn sàng (Excel chưa tải xong). Hãy đợi giây lát rồi bấm lại.",
    otherWorkbookFocused: "Excel đang làm việc với một sổ làm việc khác: hãy bấm vào sổ làm việc này rồi thử lại.",
    accessDenied: "Trang tính hoặc cấu trúc sổ làm việc đang được bảo vệ: hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại.",
    marksIncomplete: "Excel không cho xóa một số đánh dấu cũ trên trang tính “{sheets}”; các trang khác đã được đánh dấu. Hãy kiểm tra lại.",
  },
  en: {
    unsupportedVersion:
      "This version of Excel cannot run the add-in (ExcelApi 1.9 is required: Office 2021, Microsoft 365 or Excel on the web).",
    readFailed: "Could not read the worksheets: {detail}",
    sheetTooLarge:
      "Could not read the sheet “{sheet}”: its data exceeds what Excel allows in one request. Split the sheet into smaller sheets or use the command-line tool.",
    sheetNotFound: "The sheet “{sheet}” was not found: it may have been renamed or deleted. Please check again.",
    markFailed: "Could not mark the cells: {detail}",
    clearFailed: "Could not clear the marks: {detail}",
    selectFailed: "Could not select cell {cell} on the sheet “{sheet}”: {detail}",
    dropdownFailed: "Could not add the dropdown lists: {detail}",
    unknownList: "There is no list “{list}” to attach as a dropdown.",
    dropdownAlertTitle: "Value not in the list",
    dropdownAlertMessage: "This value is not in the standard list. Choose OK to keep it, Cancel to type again.",
    editFailed: "Could not edit the cells: {detail}",
    writeFailed: "Could not write the sheet “{sheet}”: {detail}",
    nameFailed: "Could not get the workbook name: {detail}",
    commandFailed: "The check did not complete: {detail}",
    unknownError: "unknown error",
    addinNotReady: "The add-in is not ready yet (Excel is still loading). Wait a moment and press the button again.",
    otherWorkbookFocused: "Excel is working in another workbook: click into this workbook and try again.",
    accessDenied: "The sheet or the workbook's structure is protected: unprotect it (Review › Unprotect Sheet) and try again.",
    marksIncomplete: "Excel would not remove some earlier marks on the sheet “{sheets}”; the other sheets are marked. Please check again.",
  },
});
