/**
 * The live check as hosts use it: edits in, the marks of the cells whose findings changed out. Pure and
 * synchronous, so a host can run it between the read and the write of one batch (Excel: two syncs).
 */
import { LiveCheck, type CellChange, type LiveUpdate } from "../domain/live/liveCheck";
import type { Finding } from "../domain/model";
import type { CheckContext } from "../domain/rules";
import { compareFindings } from "../domain/rules";
import type { PlanRead } from "../domain/templates";
import type { CellArea, CellMark, CellPosition, MarkChanges, SheetGrid } from "../workbook/types";
import { findingsToMarks } from "./marks";

export type { CellChange } from "../domain/live/liveCheck";

export type { CellPosition, MarkChanges } from "../workbook/types";

/** What the host saw change on one sheet. */
export type SheetEdit =
  | { sheet: string; kind: "cells"; changes: CellChange[] }
  /** Rows or columns inserted or deleted, a sheet renamed (`grid.name`) or deleted (no grid): read in full. */
  | { sheet: string; kind: "sheet"; grid?: SheetGrid };

export interface LiveResult {
  update: LiveUpdate;
  marks: MarkChanges;
  /** Delegations on the edited rows (the status line's count). */
  rows: number;
  /** Sheets read again in full or whose title's year was checked again (the status line names them when no row was). */
  sheets: string[];
}

export class LiveSession {
  private constructor(
    private readonly live: LiveCheck,
    private readonly locale: "vi" | "en",
  ) {}

  /** Continues from a full check just made of these grids (nothing is checked again; the plan-year findings are the domain's, LiveCheck). */
  static fromCheck(grids: readonly SheetGrid[], plan: PlanRead, findings: readonly Finding[], context: CheckContext, locale: "vi" | "en"): LiveSession {
    return new LiveSession(LiveCheck.adopt(grids, plan, findings, context), locale);
  }

  /** Builds what the first edit would otherwise build (merge-candidate's clusters): call when idle after a check. */
  prepare(): void {
    this.live.prepare();
  }

  /** Sheets holding a recognised plan: the ones whose edits are watched. */
  planSheets(): string[] {
    // Once per sheet, however many plan tables it stacks.
    return [...new Set(this.live.plan().sheets.filter((sheet) => sheet.template).map((sheet) => sheet.sheet))];
  }

  isPlanSheet(sheet: string): boolean {
    return this.live.isPlanSheet(sheet);
  }

  /** Where a sheet's grid lies now (undefined for a sheet the check did not read): a host bounds its reads by it. */
  gridArea(sheet: string): CellArea | undefined {
    const grid = this.live.grids().find((candidate) => candidate.name === sheet);
    if (!grid) return undefined;
    const width = grid.values.reduce((most, line) => Math.max(most, line.length), 1);
    return { top: grid.originRow, left: grid.originCol, bottom: grid.originRow + Math.max(grid.values.length, 1) - 1, right: grid.originCol + width - 1 };
  }

  /** Cells whose findings an edit of these rows may change, known before the edit is read (see LiveCheck.cellsAffectedBy). */
  cellsAffectedBy(sheet: string, rows: Iterable<number>): CellPosition[] {
    return this.live.cellsAffectedBy(sheet, rows);
  }

  findings(): Finding[] {
    return this.live.findings();
  }

  /** Every mark the findings ask for now (one per cell), in the session's language. */
  marks(): CellMark[] {
    return findingsToMarks(this.findings(), this.locale);
  }

  plan(): PlanRead {
    return this.live.plan();
  }

  /** Applies the edits (in order) and returns the mark changes for every cell whose findings changed. */
  apply(edits: readonly SheetEdit[]): LiveResult {
    const removed: Finding[] = [];
    const added: Finding[] = [];
    const fullSheets: string[] = [];
    // Sheets read in full, and those whose plan-year finding at the title changed (LiveCheck keeps it).
    const sheets = new Set<string>();
    let rows = 0;
    for (const edit of edits) {
      const update = edit.kind === "cells" ? this.live.applyCells(edit.sheet, edit.changes) : this.live.replaceSheet(edit.sheet, edit.grid);
      removed.push(...update.removed);
      added.push(...update.added);
      fullSheets.push(...update.fullSheets);
      for (const sheet of [...update.fullSheets, ...(update.titleSheets ?? [])]) sheets.add(sheet);
      rows += update.rowsRechecked;
    }
    const update: LiveUpdate = { removed, added, rowsRechecked: rows, fullSheets };
    return { update, marks: this.markChanges(update), rows, sheets: [...sheets] };
  }

  private markChanges(update: LiveUpdate): MarkChanges {
    const cells = new Map<string, CellPosition>();
    for (const finding of [...update.removed, ...update.added]) {
      cells.set(`${finding.sheet}\u0000${finding.row}\u0000${finding.column}`, { sheet: finding.sheet, row: finding.row, column: finding.column });
    }
    const changes: MarkChanges = { set: [], clear: [] };
    for (const cell of cells.values()) {
      const here = this.live.findingsAt(cell.sheet, cell.row, cell.column).sort(compareFindings);
      if (here.length === 0) changes.clear.push(cell);
      else changes.set.push(...findingsToMarks(here, this.locale));
    }
    return changes;
  }
}
