import type { WorkbookReadReason } from "../xlsx/readWorkbook";
import { defineStrings, type Locale } from "./define";

/**
 * Why a file could not be opened, per reason code of the reader's WorkbookReadError (src/xlsx/readWorkbook.ts).
 * The reader says it in Vietnamese and in more detail (which of .xlsb/.ods, how many MB): that text is shown
 * in Vietnamese, these in English, so an English pane never says a Vietnamese reason.
 */
export const readErrors = defineStrings({
  vi: {
    xls: "Tệp .xls (Excel 97-2003): hãy mở trong Excel và Lưu thành .xlsx.",
    encrypted: "Tệp được đặt mật khẩu: hãy mở trong Excel, gỡ mật khẩu rồi lưu lại.",
    corrupt: "Tệp bị hỏng hoặc không phải sổ làm việc Excel (.xlsx): hãy mở trong Excel và lưu lại thành .xlsx.",
    empty: "Tệp rỗng: không có dữ liệu để đọc.",
    csv: "Tệp văn bản, CSV hoặc HTML, không phải sổ làm việc Excel: hãy mở trong Excel và Lưu thành .xlsx.",
    tooLarge: "Tệp quá lớn hoặc khai sai dung lượng (có thể là tệp hỏng hoặc tệp độc hại): hãy mở bằng Excel, kiểm tra rồi lưu lại thành .xlsx.",
  },
  en: {
    xls: "An .xls file (Excel 97-2003): open it in Excel and Save As .xlsx.",
    encrypted: "The file is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it again.",
    corrupt:
      "The file is damaged or is not an Excel workbook (.xlsx), such as a binary .xlsb or an OpenDocument .ods: open it in Excel (or LibreOffice) and save it as .xlsx.",
    empty: "The file is empty: there is nothing to read.",
    csv: "A text, CSV or HTML file, not an Excel workbook: open it in Excel and Save As .xlsx.",
    tooLarge:
      "The file is too large, or a part of it unpacks larger than the file declares (a damaged file, or a malicious “zip bomb”): open it in Excel, check it and save it again as .xlsx.",
  },
});

const REASON_KEYS: Record<WorkbookReadReason, keyof (typeof readErrors)["en"]> = {
  xls: "xls",
  encrypted: "encrypted",
  corrupt: "corrupt",
  empty: "empty",
  csv: "csv",
  "too-large": "tooLarge",
};

/**
 * The text for a file the reader refused: in Vietnamese the reader's own message (the most specific), in
 * English the text for its reason code. An unknown code keeps the reader's message.
 */
export function readFailureText(refusal: { reason: string; message: string }, locale: Locale): string {
  const key = (REASON_KEYS as Record<string, keyof (typeof readErrors)["en"] | undefined>)[refusal.reason];
  if (locale === "vi") return refusal.message || (key ? readErrors.vi[key] : "");
  return key ? readErrors.en[key] : refusal.message;
}
