import { hostError } from "../../src/excel/errors";
import {
  CHECK_WORKBOOK_FUNCTION,
  OPEN_CONSOLIDATION_FUNCTION,
  associateRibbonCommands,
  clearCommandError,
  lastCommandError,
  onCommandError,
  onTabRequest,
  pendingTabRequest,
  provideRibbonHandlers,
  registerRibbonCommands,
  resetRibbonForTests,
} from "../../src/excel/ribbon";
import { createWorkbook, installFakeExcel, type FakeExcel } from "./fakeExcel";

let fake: FakeExcel;
afterEach(() => {
  fake?.uninstall();
  clearCommandError();
  resetRibbonForTests();
});

function setup(sharedRuntime = true) {
  fake = installFakeExcel(createWorkbook({ sheets: [{ name: "S" }] }), { sharedRuntime });
}

/** Runs the associated function as Office would, resolving when it calls event.completed(). */
async function press(name = CHECK_WORKBOOK_FUNCTION): Promise<{ completed: jest.Mock }> {
  const completed = jest.fn();
  const action = fake.actions.get(name);
  if (!action) throw new Error(`${name} was not associated`);
  await action({ completed, source: { id: "CheckButton" } });
  return { completed };
}

describe("ribbon command checkWorkbook", () => {
  it("runs the handler, opens the task pane and completes the event", async () => {
    setup();
    const order: string[] = [];
    const checkWorkbook = jest.fn(async () => {
      order.push("check");
    });
    expect(registerRibbonCommands({ checkWorkbook })).toBe(true);
    const { completed } = await press();
    expect(checkWorkbook).toHaveBeenCalledTimes(1);
    expect(fake.taskpaneShows).toBe(1);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(lastCommandError()).toBeUndefined();
  });

  it("completes the event on failure too, keeping the message for the pane and opening it", async () => {
    setup();
    const seen: (string | undefined)[] = [];
    const unsubscribe = onCommandError((message) => seen.push(message));
    registerRibbonCommands({ checkWorkbook: () => Promise.reject(new Error("Excel is busy")) });
    const { completed } = await press();
    expect(completed).toHaveBeenCalledTimes(1);
    expect(lastCommandError()).toBe("Kiểm tra không thành công: Excel is busy");
    expect(seen).toEqual([undefined, "Kiểm tra không thành công: Excel is busy"]);
    expect(fake.taskpaneShows).toBe(1);
    unsubscribe();
  });

  it("shows an Excel host error's own message, and forgets it when the next check starts", async () => {
    setup();
    let fail = true;
    registerRibbonCommands({
      checkWorkbook: async () => {
        if (fail) throw hostError("vi", "sheetNotFound", { sheet: "KH 2025" });
      },
    });
    await press();
    expect(lastCommandError()).toBe("Không tìm thấy trang tính “KH 2025”: có thể trang đã bị đổi tên hoặc xóa. Hãy kiểm tra lại.");
    fail = false;
    await press();
    expect(lastCommandError()).toBeUndefined();
  });

  it("completes the event even when the task pane cannot be shown", async () => {
    setup(false);
    registerRibbonCommands({ checkWorkbook: async () => undefined });
    const first = await press();
    expect(first.completed).toHaveBeenCalledTimes(1);
    expect(fake.taskpaneShows).toBe(0);

    (Office as unknown as { addin: { showAsTaskpane: () => Promise<void> } }).addin.showAsTaskpane = () => Promise.reject(new Error("no pane"));
    fake.env.sharedRuntime = true;
    const second = await press();
    expect(second.completed).toHaveBeenCalledTimes(1);
  });

  it("reports that nothing was registered where Office offers no actions", () => {
    setup();
    (Office as unknown as { actions?: unknown }).actions = undefined;
    expect(registerRibbonCommands({ checkWorkbook: async () => undefined })).toBe(false);
  });
});

describe("ribbon commands associated at load (office-js #5176, #3378)", () => {
  it("a click before the services are ready waits for them, then checks, opens the pane and completes", async () => {
    setup();
    expect(associateRibbonCommands()).toBe(true);
    expect([...fake.actions.keys()].sort()).toEqual([CHECK_WORKBOOK_FUNCTION, OPEN_CONSOLIDATION_FUNCTION].sort());
    const checkWorkbook = jest.fn(async () => undefined);
    const pressed = press();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(checkWorkbook).not.toHaveBeenCalled();
    provideRibbonHandlers({ checkWorkbook });
    const { completed } = await pressed;
    expect(checkWorkbook).toHaveBeenCalledTimes(1);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.taskpaneShows).toBe(1);
  });

  it("services that never come: the event still completes, with a message to press again", async () => {
    setup();
    associateRibbonCommands({ readyTimeoutMs: 20 });
    const { completed } = await press();
    expect(completed).toHaveBeenCalledTimes(1);
    expect(lastCommandError()).toContain("Phần bổ trợ chưa sẵn sàng");
  });

  it("Tổng hợp asks the pane for its consolidation tab, opens the pane and completes, every time", async () => {
    setup();
    associateRibbonCommands();
    const seen: string[] = [];
    const unsubscribe = onTabRequest((tab) => seen.push(tab));
    for (let i = 0; i < 2; i++) expect((await press(OPEN_CONSOLIDATION_FUNCTION)).completed).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(["consolidate", "consolidate"]);
    expect(pendingTabRequest()).toBe("consolidate");
    expect(fake.taskpaneShows).toBe(2);
    unsubscribe();
  });
});
