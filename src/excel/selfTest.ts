/**
 * "Tự kiểm tra" in Excel: each capability the add-in relies on, done for real on a temporary sheet
 * (src/app/selfTest.ts times and reports them). The temporary sheets (the test sheet and, for the list
 * validation, a VeryHidden lists sheet of its own — never the add-in's _DanhMuc the user's dropdowns
 * point at) are removed at the end and the sheet that was active is activated again. Runs that add,
 * delete or hide sheets are not undo groups (UndoNotSupported on Windows and Mac).
 */
import { expectSame, SelfTestMismatch, type SelfTestCapability, type SelfTestEnvironment, type SelfTestTarget } from "../app/selfTest";
import type { SheetGrid } from "../workbook/types";
import { parseAreas } from "./a1";
import { DEFAULT_READ_LIMITS, readUsedRanges } from "./readSheets";
import { isMarkFormat, markFormula, taggedNote } from "./marks";
import { isExcelApiSupported, MINIMUM_EXCEL_API } from "./requirements";
import type { KeyValueStorage } from "./storage";

const SHEET_BASE = "dplan tự kiểm tra";
const STRAY_VALUE = "ô ở rất xa";
const EXCEL_API_VERSIONS = ["1.9", "1.10", "1.11", "1.12", "1.13", "1.14", "1.15", "1.16", "1.17", "1.18", "1.19", "1.20"];
const SETTINGS_KEY = "dplan.selfTest";

export interface ExcelSelfTestOptions {
  /** The add-in's shared storage (OfficeRuntime.storage or the partitioned localStorage). */
  storage: KeyValueStorage;
}

function listsSheetOf(sheet: string): string {
  return `${sheet} DS`;
}

export function excelSelfTest(options: ExcelSelfTestOptions): SelfTestTarget {
  let previousActive: string | undefined;
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch);

  const capabilities: SelfTestCapability[] = [
    {
      id: "readValues",
      run: (sheet) =>
        run(async (context) => {
          const worksheet = context.workbook.worksheets.getItem(sheet);
          const written = [["Tự kiểm tra", 1], ["Đoàn ra", 2]];
          worksheet.getRange("A1:B2").values = written;
          // A stray value in the sheet's last cell, as officers' files have: the read locates the values
          // (special cells) and cuts it as a check does (readSheets.ts), never reading 17 billion cells.
          worksheet.getRange("XFD1048576").values = [[STRAY_VALUE]];
          const used = worksheet.getUsedRangeOrNullObject(true);
          used.load("rowIndex,columnIndex,rowCount,columnCount");
          await context.sync();
          const grid: SheetGrid = { name: sheet, originRow: 1, originCol: 1, values: [], merges: [] };
          await readUsedRanges(context, [{ sheet: worksheet, used }], [grid], { limits: DEFAULT_READ_LIMITS, locale: "vi" });
          expectSame("values", grid.values, written);
          expectSame("far cells", grid.farCells?.cells, [{ row: 1_048_576, column: 16_384, value: STRAY_VALUE }]);
        }),
    },
    isExcelApiSupported("1.13")
      ? {
          id: "mergedAreas",
          run: (sheet) =>
            run(async (context) => {
              const worksheet = context.workbook.worksheets.getItem(sheet);
              worksheet.getRange("A4:C4").merge(false);
              const merged = worksheet.getRange().getMergedAreasOrNullObject();
              merged.load("address");
              await context.sync();
              expectSame("merged areas", merged.isNullObject ? [] : parseAreas(merged.address), [{ top: 4, left: 1, bottom: 4, right: 3 }]);
            }),
        }
      : { id: "mergedAreas", unavailable: { requirementSet: "ExcelApi 1.13" } },
    {
      id: "conditionalFormat",
      run: (sheet) =>
        run(async (context) => {
          const worksheet = context.workbook.worksheets.getItem(sheet);
          const format = worksheet.getRanges("C3,E5").conditionalFormats.add("Custom");
          format.custom.rule.formula = markFormula("info");
          format.custom.format.fill.color = "#DDEBF7";
          await context.sync();
          const own = await loadOwnFormats(context, worksheet);
          expectSame("marks written", own.length, 1);
          for (const item of [...own].reverse()) item.delete();
          await context.sync();
          const left: Excel.ConditionalFormat[] = await loadOwnFormats(context, worksheet);
          expectSame("marks left after clearing", left.length, 0);
        }),
    },
    isExcelApiSupported("1.18")
      ? {
          id: "notes",
          run: (sheet) =>
            run(async (context) => {
              const worksheet = context.workbook.worksheets.getItem(sheet);
              worksheet.notes.add(worksheet.getRange("C3"), taggedNote("Tự kiểm tra: ghi chú"));
              await context.sync();
              const note = worksheet.notes.getItem("C3");
              note.content = taggedNote("Tự kiểm tra: ghi chú đã sửa");
              note.load("content");
              await context.sync();
              expectSame("note", note.content, taggedNote("Tự kiểm tra: ghi chú đã sửa"));
              note.delete();
              const gone = worksheet.notes.getItemOrNullObject("C3");
              gone.load("content");
              await context.sync();
              expectSame("note removed", gone.isNullObject, true);
            }),
        }
      : { id: "notes", unavailable: { requirementSet: "ExcelApi 1.18" } },
    {
      id: "listValidation",
      run: (sheet) =>
        run(async (context) => {
          const lists = context.workbook.worksheets.add(listsSheetOf(sheet));
          lists.getRange("A1:A3").values = [["Lào"], ["Nhật Bản"], ["Pháp"]];
          lists.visibility = "VeryHidden";
          const validation = context.workbook.worksheets.getItem(sheet).getRange("D2:D5").dataValidation;
          validation.clear();
          const source = `='${listsSheetOf(sheet)}'!$A$1:$A$3`;
          validation.rule = { list: { inCellDropDown: true, source } };
          validation.load("rule");
          lists.load("visibility");
          await context.sync();
          expectSame("list source", validation.rule.list?.source, source);
          expectSame("lists sheet", lists.visibility, "VeryHidden");
        }),
    },
    isExcelApiSupported("1.20")
      ? {
          id: "undoGroup",
          run: (sheet) =>
            Excel.run({ mergeUndoGroup: true }, async (context) => {
              const worksheet = context.workbook.worksheets.getItem(sheet);
              worksheet.getRange("F1").values = [["một bước hoàn tác"]];
              await context.sync();
              worksheet.getRange("F2").values = [["cùng bước đó"]];
              await context.sync();
            }),
        }
      : { id: "undoGroup", unavailable: { requirementSet: "ExcelApi 1.20" } },
    {
      id: "documentSettings",
      run: async () => {
        const settings = Office.context.document.settings;
        const value = { at: new Date().toISOString() };
        settings.set(SETTINGS_KEY, value);
        await saveSettings(settings);
        expectSame("document settings", settings.get(SETTINGS_KEY), value);
        settings.remove(SETTINGS_KEY);
        await saveSettings(settings);
      },
    },
    {
      id: "sharedStorage",
      run: async () => {
        const value = { at: new Date().toISOString(), text: "Tự kiểm tra" };
        await options.storage.set("selfTest", value);
        expectSame("shared storage", await options.storage.get("selfTest"), value);
        await options.storage.remove("selfTest");
        expectSame("shared storage removed", await options.storage.get("selfTest"), undefined);
      },
    },
    {
      id: "selectCell",
      run: (sheet) =>
        run(async (context) => {
          const worksheet = context.workbook.worksheets.getItem(sheet);
          worksheet.activate();
          worksheet.getRange("A1").select();
          await context.sync();
        }),
    },
    {
      id: "insertRow",
      run: (sheet) =>
        run(async (context) => {
          const notes = isExcelApiSupported("1.18");
          const worksheet = context.workbook.worksheets.getItem(sheet);
          const format = worksheet.getRanges("H3").conditionalFormats.add("Custom");
          format.custom.rule.formula = markFormula("warning");
          format.custom.format.fill.color = "#FFEB9C";
          if (notes) worksheet.notes.add(worksheet.getRange("H3"), taggedNote("Tự kiểm tra: dòng chèn"));
          await context.sync();
          worksheet.getRange("2:2").insert("Down");
          await context.sync();
          const own = await loadOwnFormats(context, worksheet);
          const ranges = own.map((item) => item.getRanges());
          for (const range of ranges) range.load("address");
          const moved = notes ? worksheet.notes.getItemOrNullObject("H4") : undefined;
          moved?.load("content");
          await context.sync();
          expectSame("mark after the inserted row", ranges.flatMap((range) => parseAreas(range.address)), [{ top: 4, left: 8, bottom: 4, right: 8 }]);
          if (moved && (moved.isNullObject || moved.content !== taggedNote("Tự kiểm tra: dòng chèn"))) throw new SelfTestMismatch("the note did not follow its cell to H4");
        }),
    },
  ];

  return {
    async environment(): Promise<SelfTestEnvironment> {
      const diagnostics = Office.context.diagnostics;
      const sets = EXCEL_API_VERSIONS.filter((version) => isExcelApiSupported(version)).map((version) => `ExcelApi ${version}`);
      if (Office.context.requirements.isSetSupported("SharedRuntime", "1.1")) sets.push("SharedRuntime 1.1");
      return { platform: `Excel · ${String(diagnostics?.platform ?? "?")}`, version: diagnostics?.version ?? "?", requirementSets: sets.length > 0 ? sets : [`< ExcelApi ${MINIMUM_EXCEL_API}`] };
    },
    createSheet: () =>
      run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        const active = worksheets.getActiveWorksheet();
        active.load("name");
        await context.sync();
        previousActive = active.name;
        const taken = new Set(worksheets.items.map((item) => item.name.toLowerCase()));
        let name = SHEET_BASE;
        for (let n = 2; taken.has(name.toLowerCase()) || taken.has(listsSheetOf(name).toLowerCase()); n++) name = `${SHEET_BASE} ${n}`;
        worksheets.add(name);
        await context.sync();
        return name;
      }),
    removeSheet: (sheet) =>
      run(async (context) => {
        const worksheets = context.workbook.worksheets;
        const back = previousActive ? worksheets.getItemOrNullObject(previousActive) : undefined;
        const made = [worksheets.getItemOrNullObject(sheet), worksheets.getItemOrNullObject(listsSheetOf(sheet))];
        back?.load("name");
        for (const item of made) item.load("name");
        await context.sync();
        // Back to the user's sheet first: the sheet being deleted may be the active one.
        if (back && !back.isNullObject) back.activate();
        for (const item of made) if (!item.isNullObject) item.delete();
        await context.sync();
      }),
    capabilities: () => capabilities,
  };
}

async function loadOwnFormats(context: Excel.RequestContext, worksheet: Excel.Worksheet): Promise<Excel.ConditionalFormat[]> {
  const formats = worksheet.getRange().conditionalFormats;
  formats.load("items/type,items/customOrNullObject/rule/formula");
  await context.sync();
  return formats.items.filter(isMarkFormat);
}

function saveSettings(settings: Office.Settings): Promise<void> {
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) => (result.status === Office.AsyncResultStatus.Failed ? reject(new Error(result.error?.message ?? "saveAsync failed")) : resolve())),
  );
}
