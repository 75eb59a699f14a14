/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// exceljs reads the fixture files as the pane does; its dependencies resolve to their Node builds here.
import { masterColumn, viewMaster } from "../support/masterDocument";
import { createTestStyleRenderer } from "../support/jsdomPolyfills";
import "@testing-library/jest-dom";
import { FluentProvider, RendererProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createConsolidationServices } from "../../src/app/consolidation";
import { createPaneServices } from "../../src/app/paneServices";
import { MASTER_SHEET_NAMES } from "../../src/domain/merge";
import { App } from "../../src/taskpane/App";
import { ConsolidationTab } from "../../src/taskpane/ConsolidationTab";
import { READ_MESSAGES } from "../../src/xlsx/readWorkbook";
import { stringsFor, type Locale } from "../../src/i18n";
import { readErrors } from "../../src/i18n/readErrors";
import { BAD_FILES } from "../fixtures/badFiles";
import { day, specToGrid } from "../fixtures/generate";
import { trip, unitSpec, type UnitSpecInput } from "../domain/merge/units";
import { MemoryHost } from "../support/memoryHost";
import { memoryPlanStorage, SETTINGS, unitBytes } from "../app/consolidationSupport";

jest.setTimeout(60_000);

// jsdom has no structuredClone (the memory host copies its grids with it): a plain deep copy will do.
function deepCopy<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepCopy(v)])) as T;
  return value;
}
if (typeof globalThis.structuredClone !== "function") globalThis.structuredClone = deepCopy as typeof structuredClone;
// Nor TextDecoder, which the .xlsx reader uses (browsers have it).
if (typeof globalThis.TextDecoder !== "function") Object.assign(globalThis, { TextDecoder: NodeTextDecoder, TextEncoder: NodeTextEncoder });

const styleRenderer = createTestStyleRenderer();
/** Reading .xlsx files with exceljs under jsdom, on a shared machine. */
const SLOW = { timeout: 15_000 };

function Providers({ children }: { children: ReactNode }) {
  return (
    <RendererProvider renderer={styleRenderer} targetDocument={document}>
      <FluentProvider theme={webLightTheme}>{children}</FluentProvider>
    </RendererProvider>
  );
}

const leader = { leader: "Nguyễn Văn Chủ", role: "Giám đốc Sở" };
const A: UnitSpecInput = {
  file: "so-xay-dung.xlsx",
  unit: "Sở Xây dựng",
  outbound: [
    trip(1, { ...leader, countries: "Nhật Bản", start: day(2025, 3, 2), end: day(2025, 3, 6) }),
    trip(2, { countries: "Pháp", funding: null }),
    trip(3, { ...leader, countries: "Đức", start: day(2025, 6, 2), end: day(2025, 6, 6), purpose: "Khảo sát quy hoạch đô thị xanh" }),
  ],
};
/** No "Đơn vị:" line: named after the file until the user corrects it. */
const B: UnitSpecInput = { file: "qh.xlsx", outbound: [trip(4, { ...leader, countries: "Úc", start: day(2025, 9, 8), end: day(2025, 9, 12), purpose: "Hội thảo kiến trúc" })] };

let bytes: Record<string, Uint8Array>;
beforeAll(async () => {
  bytes = {
    [A.file]: await unitBytes(A),
    [B.file]: await unitBytes(B),
    "nam-2026.xlsx": await unitBytes({ file: "nam-2026.xlsx", unit: "Sở Tư pháp", year: 2026, outbound: [trip(5, { start: "Tháng 4/2026" })] }),
    "hong.xlsx": new Uint8Array(await BAD_FILES["truncated.xlsx"]()),
    "cu.xls": new Uint8Array(await BAD_FILES["old-format.xls"]()),
  };
});

const file = (name: string) => new File([bytes[name]], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });

/** A gate the reading waits on before each file, so the test sees the progress. */
function gate() {
  let open!: () => void;
  let promise = new Promise<void>((resolve) => (open = resolve));
  return {
    wait: () => promise,
    release() {
      open();
      promise = new Promise<void>((resolve) => (open = resolve));
    },
  };
}

async function renderTab(options: { host?: MemoryHost; storage?: ReturnType<typeof memoryPlanStorage>; paused?: ReturnType<typeof gate>; locale?: Locale } = {}) {
  const host = options.host ?? new MemoryHost([{ name: "Sheet1", originRow: 1, originCol: 1, values: [], merges: [] }], "Tổng hợp.xlsx");
  const storage = options.storage ?? memoryPlanStorage();
  const pane = createPaneServices(host, { storage });
  await pane.saveSettings(options.locale ? { ...SETTINGS, locale: options.locale } : SETTINGS);
  const consolidation = createConsolidationServices(host, { pane, storage, yieldToUi: options.paused ? options.paused.wait : async () => undefined });
  render(<App services={pane} initialTab="consolidate" consolidation={<ConsolidationTab services={consolidation} />} />, { wrapper: Providers });
  await act(async () => {});
  return { host, pane, consolidation, storage };
}

const fileInput = () => screen.getByLabelText("Chọn tệp .xlsx của các đơn vị") as HTMLInputElement;
const units = () => within(screen.getByRole("list", { name: "Các đơn vị sẽ tổng hợp" }));

function pick(...files: File[]) {
  fireEvent.change(fileInput(), { target: { files } });
}

describe("Tổng hợp tab: the plan year", () => {
  it("asks which year when the units disagree with each other or with Cài đặt, merges with the year chosen and says so", async () => {
    const { host } = await renderTab();
    pick(file(A.file), file("nam-2026.xlsx"));
    await screen.findByText("Đã đọc 2 tệp, tất cả tổng hợp được.", {}, SLOW);
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp vào sổ này" }));
    const question = await screen.findByRole("group", { name: /Năm kế hoạch chưa thống nhất: năm 2026 \(Sở Tư pháp\); năm 2025 \(Sở Xây dựng\); Cài đặt ghi năm 2025/ }, SLOW);
    // Nothing is written before the answer.
    expect(host.tables).toEqual([]);
    fireEvent.click(within(question).getByRole("button", { name: "Tổng hợp với năm 2026" }));
    await screen.findByRole("heading", { name: "Kết quả tổng hợp" }, SLOW);
    expect(screen.getByText("Năm kế hoạch 2026 (bạn đã chọn).")).toBeInTheDocument();
    const master = host.tables.find((t) => t.sheet === MASTER_SHEET_NAMES.outbound)!;
    expect(master.rows.some((row) => row[0] === "KẾ HOẠCH ĐOÀN RA NĂM 2026")).toBe(true);
  });

  it("merges at once with the titles' year when the units and Cài đặt agree", async () => {
    await renderTab();
    pick(file(A.file));
    await screen.findByText("Đã đọc 1 tệp, tất cả tổng hợp được.", {}, SLOW);
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp vào sổ này" }));
    await screen.findByRole("heading", { name: "Kết quả tổng hợp" }, SLOW);
    expect(screen.getByText("Năm kế hoạch 2025 (theo tiêu đề các tệp của đơn vị).")).toBeInTheDocument();
    expect(screen.queryByRole("group", { name: /Năm kế hoạch chưa thống nhất/ })).not.toBeInTheDocument();
  });
});

describe("Tổng hợp tab", () => {
  it("says what to do before anything is added, with a visible label on the file input", async () => {
    await renderTab();
    expect(screen.getByText(/Chưa có đơn vị nào\. Chọn hoặc kéo thả/)).toBeInTheDocument();
    expect(fileInput()).toHaveAttribute("type", "file");
    expect(fileInput()).toHaveAttribute("multiple");
    expect(screen.getByRole("button", { name: "Tổng hợp vào sổ này" })).toBeDisabled();
    expect(screen.getByText(/Chưa có đơn vị nào tổng hợp được/)).toBeInTheDocument();
    // The shared-storage note says where sending works, and that files always do.
    expect(screen.getByText(/Excel trên web; Excel cho Windows\/Mac với thời gian chạy dùng chung.*luôn dùng được/)).toBeInTheDocument();
  });

  it("picks files, shows progress and previews, lets the user rename a unit, merges and shows the summary", async () => {
    const paused = gate();
    const { host } = await renderTab({ paused });
    pick(file(A.file), file(B.file));

    const progress = await screen.findByRole("progressbar");
    expect(screen.getByText(`Đang đọc và kiểm tra tệp 1/2: ${A.file}`)).toBeInTheDocument();
    expect(progress).toHaveAttribute("aria-valuenow", "0");
    await act(async () => paused.release());
    await screen.findByText(`Đang đọc và kiểm tra tệp 2/2: ${B.file}`, {}, SLOW);
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "1");
    await act(async () => paused.release());
    await screen.findByText("Đã đọc 2 tệp, tất cả tổng hợp được.", {}, SLOW);
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();

    // Previews: kind and counts, the unit's own check, what is left out and why.
    expect(units().getByText("Kế hoạch đoàn ra (trang “Đoàn ra”): 3 đoàn, tổng hợp 2, bỏ qua 1")).toBeInTheDocument();
    expect(units().getByText(/^Trang “Đoàn ra” dòng 6 — Đoàn công tác số 2: Thiếu: Nguồn kinh phí$/)).toBeInTheDocument();
    expect(units().getAllByText(/^Kiểm tra đơn vị: \d+ lỗi, \d+ cảnh báo, \d+ thông tin$/)).toHaveLength(2);
    const nameA = screen.getByLabelText(`Tên đơn vị của “${A.file}”`);
    expect(nameA).toHaveValue("Sở Xây dựng");
    const nameB = screen.getByLabelText(`Tên đơn vị của “${B.file}”`);
    expect(nameB).toHaveValue("qh");
    expect(screen.getByText(/Tệp không có dòng “Đơn vị:”/)).toBeInTheDocument();
    expect(screen.getByText("Sẽ tổng hợp 2 đơn vị, 3 đoàn.")).toBeInTheDocument();

    fireEvent.change(nameB, { target: { value: "Sở Quy hoạch - Kiến trúc" } });
    fireEvent.keyDown(nameB, { key: "Enter" });
    await waitFor(() => expect(screen.getByText(/Tên bạn đã sửa/)).toBeInTheDocument());

    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp vào sổ này" }));
    await screen.findByRole("heading", { name: "Kết quả tổng hợp" }, SLOW);
    expect(screen.getByText(/^Đã tổng hợp 2 đơn vị vào sổ này lúc/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: `${MASTER_SHEET_NAMES.outbound}: 3 đoàn của các đơn vị` })).toBeInTheDocument();
    expect(screen.getByText("1 đoàn không được tổng hợp vì thiếu thông tin:")).toBeInTheDocument();
    expect(screen.getByText(/^Sở Xây dựng — trang “Đoàn ra” dòng 6 — Đoàn công tác số 2: Thiếu: Nguồn kinh phí$/)).toBeInTheDocument();
    expect(screen.getByText(/^Quy định liên đơn vị: \d+ phát hiện \([1-9]\d* lỗi/)).toBeInTheDocument();

    const master = host.tables.find((t) => t.sheet === MASTER_SHEET_NAMES.outbound)!;
    expect(masterColumn(master.rows, "Đơn vị")).toEqual(["Sở Xây dựng", "Sở Xây dựng", "Sở Quy hoạch - Kiến trúc"]);

    // The summary's link selects the sheet; the findings link opens the Kiểm tra tab on the cross-unit findings.
    fireEvent.click(screen.getByRole("button", { name: `${MASTER_SHEET_NAMES.outbound}: 3 đoàn của các đơn vị` }));
    await waitFor(() => expect(host.selected).toEqual({ sheet: MASTER_SHEET_NAMES.outbound, row: 1, column: 1 }));
    expect(screen.getByRole("tab", { name: "Tổng hợp" })).toHaveAttribute("aria-selected", "true");
    fireEvent.click(screen.getByRole("button", { name: "Xem các phát hiện ở thẻ Kiểm tra" }));
    expect(screen.getByRole("tab", { name: "Kiểm tra" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByText(/^Quy định liên đơn vị trên sổ tổng hợp/)).toBeInTheDocument();
    expect(screen.getAllByText(/3 lần/).length).toBeGreaterThan(0);
  });

  it("lists the units on the master's “Danh sách đơn vị” sheet that have not sent a plan", async () => {
    const list = { name: "Danh sách đơn vị", originRow: 1, originCol: 1, merges: [], values: [["Tên đơn vị"], ["Sở Xây dựng"], ["Sở Tư pháp"], ["UBND xã Tân Lập"]] };
    await renderTab({ host: new MemoryHost([{ name: "Sheet1", originRow: 1, originCol: 1, values: [], merges: [] }, list], "Tổng hợp.xlsx") });
    pick(file(A.file));
    await screen.findByText("Đã đọc 1 tệp, tất cả tổng hợp được.", {}, SLOW);
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp vào sổ này" }));
    await screen.findByRole("heading", { name: "Kết quả tổng hợp" }, SLOW);
    const missing = within(screen.getByRole("list", { name: /^Đơn vị chưa gửi kế hoạch \(2\/3;/ }));
    expect(missing.getAllByRole("listitem").map((item) => item.textContent)).toEqual(["Sở Tư pháp", "UBND xã Tân Lập"]);
  });

  it("without a list of units, says how to keep one", async () => {
    await renderTab();
    pick(file(A.file));
    await screen.findByText("Đã đọc 1 tệp, tất cả tổng hợp được.", {}, SLOW);
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp vào sổ này" }));
    await screen.findByRole("heading", { name: "Kết quả tổng hợp" }, SLOW);
    expect(screen.getByText(/thêm trang “Danh sách đơn vị” \(cột “Đơn vị”\) vào sổ tổng hợp/)).toBeInTheDocument();
  });

  it("shows a corrupt file's and an .xls file's Vietnamese reason, and merges the others", async () => {
    await renderTab();
    pick(file("hong.xlsx"), file("cu.xls"), file(A.file));
    await screen.findByText("Đã đọc 3 tệp: 1 tổng hợp được, 2 không tổng hợp được (xem lý do bên dưới).", {}, SLOW);
    expect(screen.getByText("hong.xlsx: không tổng hợp")).toBeInTheDocument();
    expect(screen.getByText(READ_MESSAGES.corrupt)).toBeInTheDocument();
    expect(screen.getByText(READ_MESSAGES.xls)).toBeInTheDocument();
    expect(READ_MESSAGES.xls).toContain("hãy mở trong Excel và Lưu thành .xlsx");

    fireEvent.click(screen.getByRole("button", { name: "Bỏ khỏi danh sách: “cu.xls”" }));
    expect(screen.queryByText(READ_MESSAGES.xls)).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp vào sổ này" }));
    await screen.findByRole("heading", { name: "Kết quả tổng hợp" }, SLOW);
    expect(screen.getByText("Không tổng hợp:")).toBeInTheDocument();
    expect(screen.getByText(`hong.xlsx: ${READ_MESSAGES.corrupt}`)).toBeInTheDocument();
  });

  it("in English, says the reader's reason for a refused file in English, in the list and in the result", async () => {
    await renderTab({ locale: "en" });
    fireEvent.change(screen.getByLabelText(stringsFor("en").consolidation.chooseFiles), { target: { files: [file("hong.xlsx"), file("cu.xls"), file(A.file)] } });
    await screen.findByText(readErrors.en.xls, {}, SLOW);
    expect(screen.getByText(readErrors.en.corrupt)).toBeInTheDocument();
    expect(screen.queryByText(READ_MESSAGES.xls)).not.toBeInTheDocument();
    expect(screen.queryByText(READ_MESSAGES.corrupt)).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: stringsFor("en").consolidation.merge }));
    await screen.findByRole("heading", { name: stringsFor("en").consolidation.summaryTitle }, SLOW);
    expect(screen.getByText(`hong.xlsx: ${readErrors.en.corrupt}`)).toBeInTheDocument();
  });

  it("an emptied name box goes back to the name from the file", async () => {
    await renderTab();
    pick(file(A.file));
    const name = await screen.findByLabelText(`Tên đơn vị của “${A.file}”`, {}, SLOW);
    fireEvent.change(name, { target: { value: "Sở XD" } });
    fireEvent.blur(name);
    await waitFor(() => expect(screen.getByText(/Tên bạn đã sửa/)).toBeInTheDocument());
    fireEvent.change(name, { target: { value: "  " } });
    fireEvent.blur(name);
    await waitFor(() => expect(name).toHaveValue("Sở Xây dựng"));
    expect(screen.getByText(/Theo dòng “Đơn vị:” của tệp/)).toBeInTheDocument();
    fireEvent.change(name, { target: { value: "" } });
    fireEvent.blur(name);
    expect(name).toHaveValue("Sở Xây dựng");
  });

  it("takes files dropped on the drop zone", async () => {
    await renderTab();
    fireEvent.drop(screen.getByTestId("unit-drop-zone"), { dataTransfer: { files: [file(A.file)] } });
    expect(await screen.findByLabelText(`Tên đơn vị của “${A.file}”`, {}, SLOW)).toHaveValue("Sở Xây dựng");
  });

  it("shows a merge failure in Vietnamese and keeps the list", async () => {
    const host = new MemoryHost([{ name: "Thống kê", originRow: 1, originCol: 1, values: [["Số liệu riêng của phòng"]], merges: [] }]);
    await renderTab({ host });
    pick(file(A.file));
    await screen.findByText("Đã đọc 1 tệp, tất cả tổng hợp được.", {}, SLOW);
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp vào sổ này" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Không tổng hợp được");
    expect(alert).toHaveTextContent("Trang “Thống kê” đã có trong sổ này và không phải trang thống kê do phần bổ trợ tạo");
    expect(screen.getByLabelText(`Tên đơn vị của “${A.file}”`)).toBeInTheDocument();
  });

  it("sends this workbook's plan, lists sent plans, includes one in the merge and deletes it", async () => {
    const storage = memoryPlanStorage();
    // In the unit's workbook: send.
    const unitHost = new MemoryHost(unitSpec(A).sheets.map(specToGrid), "KH Sở Xây dựng.xlsx");
    const unitPane = createPaneServices(unitHost, { storage });
    await unitPane.saveSettings(SETTINGS);
    const sender = createConsolidationServices(unitHost, { pane: unitPane, storage });
    await sender.sendToMaster();

    // In the master: listed, included, merged, deleted.
    const { host } = await renderTab({ storage });
    const sent = within(await screen.findByRole("list", { name: "Các kế hoạch đã gửi" }));
    expect(sent.getByText(/^Sở Xây dựng — sổ “KH Sở Xây dựng\.xlsx”, gửi lúc .*: 3 đoàn \(Kế hoạch đoàn ra\)$/)).toBeInTheDocument();
    fireEvent.click(sent.getByRole("button", { name: "Đưa vào tổng hợp: kế hoạch của Sở Xây dựng" }));
    expect(await screen.findByLabelText("Tên đơn vị của “KH Sở Xây dựng.xlsx”")).toHaveValue("Sở Xây dựng");
    expect(units().getByText(/^Gửi từ sổ “KH Sở Xây dựng\.xlsx” lúc/)).toBeInTheDocument();
    expect(sent.getByRole("button", { name: "Đọc lại: kế hoạch đã gửi của Sở Xây dựng" })).toBeInTheDocument();

    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp vào sổ này" }));
    await screen.findByRole("heading", { name: "Kết quả tổng hợp" }, SLOW);
    expect(viewMaster(host.tables.find((t) => t.sheet === MASTER_SHEET_NAMES.outbound)!.rows).data).toHaveLength(2);

    fireEvent.click(sent.getByRole("button", { name: "Xóa: kế hoạch đã gửi của Sở Xây dựng" }));
    await screen.findByText("Chưa có kế hoạch nào được gửi sang.");
    expect(screen.getByText(/^Chưa có đơn vị nào\. Chọn/)).toBeInTheDocument();
    expect([...storage.data.keys()]).toEqual(["settings"]);
  });

  it("in a unit's workbook, sends the plan, says so and lists it", async () => {
    const storage = memoryPlanStorage();
    await renderTab({ host: new MemoryHost(unitSpec(A).sheets.map(specToGrid), "KH Sở Xây dựng.xlsx"), storage });
    fireEvent.click(screen.getByRole("button", { name: "Gửi sang sổ tổng hợp" }));
    expect(await screen.findByText(/^Đã gửi kế hoạch của Sở Xây dựng \(3 đoàn\) lúc/)).toBeInTheDocument();
    // The list of sent plans follows.
    await within(await screen.findByRole("list", { name: "Các kế hoạch đã gửi" })).findByText(/^Sở Xây dựng — sổ/);
  });

  it("reads the sent plans only once the tab is shown, and again each time it is shown", async () => {
    const host = new MemoryHost([], "Tổng hợp.xlsx");
    const storage = memoryPlanStorage();
    const keys = jest.spyOn(storage, "keys");
    const pane = createPaneServices(host, { storage });
    await pane.saveSettings(SETTINGS);
    const consolidation = createConsolidationServices(host, { pane, storage });
    render(<App services={pane} consolidation={<ConsolidationTab services={consolidation} />} />, { wrapper: Providers });
    await act(async () => {});
    expect(keys).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("tab", { name: "Tổng hợp" }));
    await screen.findByText("Chưa có kế hoạch nào được gửi sang.");
    expect(keys).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    fireEvent.click(screen.getByRole("tab", { name: "Tổng hợp" }));
    await waitFor(() => expect(keys).toHaveBeenCalledTimes(2));
  });

  it("a workbook without a plan cannot be sent, with the reason", async () => {
    await renderTab();
    fireEvent.click(screen.getByRole("button", { name: "Gửi sang sổ tổng hợp" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Không gửi được");
    expect(alert).toHaveTextContent("Sổ làm việc này không có biểu mẫu kế hoạch");
  });
});
