import { defineStrings } from "./define";

/**
 * The task pane shell: loading and the messages shown when the pane cannot run.
 * taskpane.html also uses `loading`, `noScript` and `legacyWebviewFallback` (inserted at build time,
 * for webviews too old to run the bundle at all).
 */
export const shell = defineStrings({
  vi: {
    appName: "Kế hoạch đoàn ra, đoàn vào",
    loading: "Đang tải…",
    connecting: "Đang kết nối với Excel…",
    ready: "Đã kết nối với Excel.",
    noOfficeTitle: "Hãy mở bảng này từ Excel",
    noOfficeBody:
      "Bảng tác vụ Kế hoạch đoàn chỉ chạy bên trong Excel: mở sổ làm việc, chọn thẻ Kế hoạch đoàn trên thanh công cụ (ribbon) rồi bấm Mở bảng.",
    officeJsMissingTitle: "Không tải được thư viện Office",
    officeJsMissing:
      "Không tải được thư viện Office (office.js). Nếu mạng cơ quan không ra được Internet, hãy dùng bản cài có kèm office.js",
    setupGuideLink: "xem hướng dẫn cài đặt",
    playgroundHint: "Không có Excel bên cạnh? Có thể xem thử với một tệp .xlsx:",
    playgroundLink: "Mở bản xem thử",
    tooOldTitle: "Phiên bản Excel này chưa dùng được",
    tooOldNeeded: "Kế hoạch đoàn cần {versions}.",
    neededVersions: "Office 2021, Microsoft 365 hoặc Excel trên web",
    tooOldApiSet: "Excel này chưa có bộ lệnh {requirement} mà phần bổ trợ cần.",
    tooOldWebview: "Excel đang chạy phần bổ trợ bằng trình duyệt cũ (Internet Explorer hoặc Edge đời cũ).",
    noScript: "Cần bật JavaScript để dùng Kế hoạch đoàn.",
    legacyWebviewFallback:
      "Nếu bảng vẫn trống: có thể Excel đang chạy phần bổ trợ bằng trình duyệt cũ (Internet Explorer). Kế hoạch đoàn cần Office 2021, Microsoft 365 hoặc Excel trên web.",
  },
  en: {
    appName: "Delegation plans",
    loading: "Loading…",
    connecting: "Connecting to Excel…",
    ready: "Connected to Excel.",
    noOfficeTitle: "Open this pane from Excel",
    noOfficeBody:
      "The Delegation plans task pane runs inside Excel only: open a workbook, choose the Delegation plans tab on the ribbon and click Open pane.",
    officeJsMissingTitle: "The Office library did not load",
    officeJsMissing:
      "The Office library (office.js) could not be loaded. If your network has no Internet access, install the build that ships office.js",
    setupGuideLink: "see the setup guide",
    playgroundHint: "No Excel at hand? You can try it on an .xlsx file:",
    playgroundLink: "Open the preview",
    tooOldTitle: "This version of Excel cannot run the add-in",
    tooOldNeeded: "Delegation plans needs {versions}.",
    neededVersions: "Office 2021, Microsoft 365 or Excel on the web",
    tooOldApiSet: "This Excel lacks the {requirement} API set the add-in needs.",
    tooOldWebview: "Excel runs the add-in in an old browser engine (Internet Explorer or legacy Edge).",
    noScript: "Delegation plans needs JavaScript to be enabled.",
    legacyWebviewFallback:
      "If the pane stays empty, Excel may be running the add-in in an old browser engine (Internet Explorer). Delegation plans needs Office 2021, Microsoft 365 or Excel on the web.",
  },
});
