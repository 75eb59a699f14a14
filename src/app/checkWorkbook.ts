/** The one-click check: read the open workbook once, recognise, check, mark once. */
import type { Finding } from "../domain/model";
import { checkPlan, compareFindings, planYearFindings, type CheckContext } from "../domain/rules";
import { readPlan, type PlanRead } from "../domain/templates";
import type { SheetGrid, WorkbookHost } from "../workbook/types";
import { findingsToMarks } from "./marks";

export interface WorkbookCheck {
  plan: PlanRead;
  /** The sheets as read (a live check continues from them). */
  grids?: SheetGrid[];
  findings: Finding[];
  /** ISO timestamp of the check. */
  checkedAt: string;
  /** Sheets the host could not mark (protected): their findings are listed, their cells not coloured. */
  protectedSheets: string[];
}

export async function checkWorkbook(host: WorkbookHost, context: CheckContext, locale: "vi" | "en", now: () => Date = () => new Date()): Promise<WorkbookCheck> {
  const grids = await host.readSheets();
  const plan = readPlan(grids);
  // A title naming another year than the one in Cài đặt is said at the title, with what was counted.
  const findings = [...checkPlan(plan.delegations, context), ...planYearFindings(plan, context)].sort(compareFindings);
  const outcome = await host.applyMarks(findingsToMarks(findings, locale));
  return { plan, grids, findings, checkedAt: now().toISOString(), protectedSheets: outcome?.protectedSheets ?? [] };
}
