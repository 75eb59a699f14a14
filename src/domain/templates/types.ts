import type { CellRef, Delegation, FieldId, PlanKind } from "../model";

/** What the recogniser found on one sheet. */
export type SheetRecognition = RecognizedTemplate | NotATemplate;

export interface NotATemplate {
  sheet: string;
  template: false;
  /** Why not, in Vietnamese ("Không tìm thấy dòng tiêu đề cột của biểu mẫu"). */
  reason: string;
  /**
   * The sheet may hold a plan but was not read (fully): the host could not read it, or it was recognised
   * and its rows could not be parsed. An error for every caller, never an empty success.
   */
  unreadable?: true;
  /** The host left far stray cells out of the sheet's grid: the note naming them (SheetGrid.farCells). */
  farCellsNote?: string;
  /** The host clipped huge merges to the read area: the notes naming them (SheetGrid.clippedMerges). */
  clippedMergeNotes?: string[];
}

export interface RecognizedTemplate {
  sheet: string;
  template: true;
  kind: PlanKind;
  /** Sheet rows of the header (one, or two with merged group headers), top first. */
  headerRows: number[];
  /** The last header row: the row the CLI reports as `headerRow`. */
  headerRow: number;
  /** The "(1) (2) (3)…" row under the header, when present. */
  columnNumberRow?: number;
  /** Sheet column of each recognised field. */
  columns: Partial<Record<FieldId, number>>;
  /** Header text as written over each recognised field (for two-row headers, the text that was matched). */
  fieldHeaders?: Partial<Record<FieldId, string>>;
  /** Header text of columns the recogniser did not map (kept, never dropped). */
  extraColumns: { column: number; header: string }[];
  /** Data rows in order, with the section each sits under. */
  dataRows: { row: number; section?: { label: string; title: string } }[];
  /** The first row under the header (and its column-number row) where delegations are written. */
  firstEntryRow?: number;
  /** The row that closes the table below the last delegation: its "Tổng cộng" row, else the signature block. */
  closingRow?: number;
  /** "Đơn vị: …" from the title rows, when present. */
  unitName?: string;
  /** Year from the title ("KẾ HOẠCH ĐOÀN RA NĂM 2025"), when present. */
  titleYear?: number;
  /** The cell the title year was read from. */
  titleCell?: CellRef;
  /** The host left far stray cells out of the sheet's grid: the note naming them (SheetGrid.farCells). */
  farCellsNote?: string;
  /** The host clipped huge merges to the read area: the notes naming them (SheetGrid.clippedMerges). */
  clippedMergeNotes?: string[];
}

/** A workbook's plan: every sheet's recognition and the delegations of the recognised ones. */
export interface PlanRead {
  sheets: SheetRecognition[];
  delegations: Delegation[];
}
