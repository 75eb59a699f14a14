/**
 * "Tự kiểm tra" in the browser preview: the capabilities the xlsx host has (reading values and merged
 * areas, selecting a cell, the page's shared storage) on a temporary sheet it adds and removes; the
 * others are Excel's own and are reported as not applicable here.
 */
import { expectSame, type SelfTestCapability, type SelfTestTarget } from "../app/selfTest";
import type { PlanStorage } from "../app/sentPlans";
import { stringsFor, type Locale } from "../i18n";
import type { XlsxWorkbookHost } from "../xlsx/XlsxWorkbookHost";

const SHEET_BASE = "dplan tự kiểm tra";
const EXCEL_ONLY = { excelOnly: true } as const;
const VALUES = [
  ["Tự kiểm tra", 1],
  ["Đoàn ra", 2],
];

export function playgroundSelfTest(host: XlsxWorkbookHost, storage: PlanStorage, locale: Locale): SelfTestTarget {
  const t = stringsFor(locale).pane;
  const gridOf = async (sheet: string) => {
    const grid = (await host.readSheets()).find((candidate) => candidate.name === sheet);
    if (!grid) throw new Error(`no sheet ${sheet}`);
    return grid;
  };
  const capabilities: SelfTestCapability[] = [
    {
      id: "readValues",
      run: async (sheet) => {
        const grid = await gridOf(sheet);
        expectSame(
          "values",
          grid.values.slice(0, 2).map((row) => row.slice(0, 2)),
          VALUES,
        );
      },
    },
    {
      id: "mergedAreas",
      run: async (sheet) => expectSame("merged areas", (await gridOf(sheet)).merges, [{ top: 4, left: 1, bottom: 4, right: 3 }]),
    },
    { id: "conditionalFormat", unavailable: EXCEL_ONLY },
    { id: "notes", unavailable: EXCEL_ONLY },
    { id: "listValidation", unavailable: EXCEL_ONLY },
    { id: "undoGroup", unavailable: EXCEL_ONLY },
    { id: "documentSettings", unavailable: EXCEL_ONLY },
    {
      id: "sharedStorage",
      run: async () => {
        const value = { at: new Date().toISOString(), text: "Tự kiểm tra" };
        await storage.set("selfTest", value);
        expectSame("shared storage", await storage.get("selfTest"), value);
        await storage.remove("selfTest");
        expectSame("shared storage removed", await storage.get("selfTest"), undefined);
      },
    },
    {
      id: "selectCell",
      run: async (sheet) => {
        await host.selectCell(sheet, 1, 1);
        expectSame("selection", host.selection(), { sheet, row: 1, column: 1 });
      },
    },
    { id: "insertRow", unavailable: EXCEL_ONLY },
  ];
  return {
    async environment() {
      const agent = typeof navigator === "undefined" ? "" : navigator.userAgent;
      const browser = /(Edg|Chrome|Firefox|Safari)\/[\d.]+/.exec(agent)?.[0] ?? agent;
      return {
        platform: t.selfTestPreviewPlatform,
        version: browser || "?",
        requirementSets: [],
      };
    },
    async createSheet() {
      const taken = new Set(host.workbook.worksheets.map((sheet) => sheet.name.toLowerCase()));
      let name = SHEET_BASE;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${SHEET_BASE} ${n}`;
      await host.writeTable({
        sheet: name,
        headerRows: 0,
        rows: [...VALUES, [], ["gộp", null, null]],
        merges: [{ top: 4, left: 1, bottom: 4, right: 3 }],
      });
      return name;
    },
    async removeSheet(sheet) {
      host.removeSheet(sheet);
    },
    capabilities: () => capabilities,
  };
}
