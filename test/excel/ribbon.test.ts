import { hostError } from "../../src/excel/errors";
import { CHECK_WORKBOOK_FUNCTION, clearCommandError, lastCommandError, onCommandError, registerRibbonCommands } from "../../src/excel/ribbon";
import { createWorkbook, installFakeExcel, type FakeExcel } from "./fakeExcel";

let fake: FakeExcel;
afterEach(() => {
  fake?.uninstall();
  clearCommandError();
});

function setup(sharedRuntime = true) {
  fake = installFakeExcel(createWorkbook({ sheets: [{ name: "S" }] }), { sharedRuntime });
}

/** Runs the associated function as Office would, resolving when it calls event.completed(). */
async function press(): Promise<{ completed: jest.Mock }> {
  const completed = jest.fn();
  const action = fake.actions.get(CHECK_WORKBOOK_FUNCTION);
  if (!action) throw new Error("checkWorkbook was not associated");
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
