/** An in-memory WorkbookHost over SheetGrids: for use-case tests (no Office, no exceljs). */
import type { CellEdit, CellMark, DropdownTarget, SheetGrid, StandardList, TableWrite, WorkbookHost } from "../../src/workbook/types";

export class MemoryHost implements WorkbookHost {
  readonly capabilities = { notes: true, undoGroup: false, charts: false };
  marks: CellMark[] = [];
  dropdowns: { lists: StandardList[]; targets: DropdownTarget[] } | undefined;
  tables: TableWrite[] = [];
  selected: { sheet: string; row: number; column: number } | undefined;
  reads = 0;

  constructor(public grids: SheetGrid[], private readonly name = "Đơn vị A.xlsx") {}

  async workbookName() {
    return this.name;
  }
  async readSheets() {
    this.reads++;
    return structuredClone(this.grids);
  }
  async applyMarks(marks: CellMark[]) {
    this.marks = [...marks];
  }
  async clearMarks() {
    this.marks = [];
  }
  async selectCell(sheet: string, row: number, column: number) {
    this.selected = { sheet, row, column };
  }
  async setDropdowns(lists: StandardList[], targets: DropdownTarget[]) {
    this.dropdowns = { lists, targets };
  }
  async editCells(edits: CellEdit[]) {
    let written = 0;
    for (const edit of edits) {
      const grid = this.grids.find((candidate) => candidate.name === edit.sheet);
      const line = grid?.values[edit.row - grid.originRow];
      const index = edit.column - (grid?.originCol ?? 1);
      if (!line || line[index] !== edit.expected) continue;
      line[index] = edit.value;
      written++;
    }
    return written;
  }
  async writeTable(table: TableWrite) {
    this.tables = this.tables.filter((existing) => existing.sheet !== table.sheet);
    // Values only: no formulas, formats or notes of the officer's to carry (TableWrite.carry).
    const { carry: _carry, ...written } = table;
    this.tables.push(written);
    this.grids = this.grids.filter((grid) => grid.name !== table.sheet);
    this.grids.push({ name: table.sheet, originRow: 1, originCol: 1, values: structuredClone(table.rows), merges: table.merges ?? [] });
  }
}
