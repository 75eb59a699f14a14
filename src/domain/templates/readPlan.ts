/**
 * A workbook's plan: recognise every sheet, parse the recognised ones. Never throws: a sheet that
 * cannot be read is reported as not a template with the reason, and the other sheets still count.
 */
import type { Delegation } from "../model";
import type { SheetGrid } from "../../workbook/types";
import { parseSheet } from "./parseRows";
import { recognizeSheet } from "./recognize";
import type { PlanRead, SheetRecognition } from "./types";

export { recognizeSheet } from "./recognize";
export { parseSheet } from "./parseRows";

export interface ReadPlanOptions {
  /** File name, recorded on every delegation (and in its id) for multi-workbook runs. */
  file?: string;
  /** Plan year for times written without one, when a sheet's title names none. */
  year?: number;
}

export function readPlan(grids: SheetGrid[], options: ReadPlanOptions = {}): PlanRead {
  const sheets: SheetRecognition[] = [];
  const delegations: Delegation[] = [];
  for (const grid of Array.isArray(grids) ? grids : []) {
    const name = typeof grid?.name === "string" ? grid.name : "";
    if (typeof grid?.unreadable === "string") {
      sheets.push({ sheet: name, template: false, reason: grid.unreadable, unreadable: true });
      continue;
    }
    let recognition: SheetRecognition;
    try {
      recognition = recognizeSheet(grid);
    } catch (error) {
      sheets.push({ sheet: name, template: false, reason: `Không đọc được trang tính: ${describe(error)}` });
      continue;
    }
    if (recognition.template) {
      try {
        // One by one: spreading 125,000+ rows into push() overflows the call stack.
        for (const delegation of parseSheet(grid, recognition, options.file, { year: options.year })) delegations.push(delegation);
      } catch (error) {
        recognition = { sheet: name, template: false, reason: `Nhận ra biểu mẫu nhưng không đọc được các dòng: ${describe(error)}`, unreadable: true };
      }
    }
    sheets.push(recognition);
  }
  return { sheets, delegations };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
