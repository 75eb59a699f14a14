/**
 * One sheet of the workbook as a grid: sticky column letters and row numbers, merged cells merged, the
 * add-in's marks coloured per severity with their message on hover, dropdown cells as real <select>s,
 * the active cell outlined and scrolled into view. Only the visible rows are rendered (plus a margin),
 * so a sheet of 10,000 rows scrolls as fast as one of 20. Cell text is rendered as text, never as HTML.
 *
 * Keyboard: the WAI-ARIA grid pattern with aria-activedescendant. The <table role="grid"> is the only tab
 * stop and keeps the focus; the active cell is named by aria-activedescendant, so moves work across the
 * whole sheet even though most rows are not rendered (a move scrolls its cell into view, which renders it).
 * The keys (src/i18n/playground.ts keys*) follow Excel; where they go is decided by gridModel's pure functions.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import type { Worksheet } from "exceljs";
import { columnLetter } from "../domain/cells";
import { EXCEL_CELL_TEXT_LIMIT } from "../domain/merge/consolidate";
import { format, type Locale, type Strings } from "../i18n";
import type { CellRef, XlsxWorkbookHost } from "../xlsx/XlsxWorkbookHost";
import {
  cellName,
  cellView,
  clearEdits,
  cutOverlongEdits,
  displayText,
  drawnCell,
  inRange,
  navigate,
  parseTsv,
  pasteEdits,
  rangeAddress,
  rangeCellCount,
  rangeToTsv,
  ROW_HEIGHT,
  selectionRange,
  sheetExtent,
  tabTarget,
  type CellEdit,
  type CellView,
  type GridPoint,
} from "./gridModel";

const OVERSCAN = 12;
const ROW_HEADER_WIDTH = 48;
/** Page Up/Down where the grid has no height to measure (tests). */
const DEFAULT_PAGE_ROWS = 20;

export interface WorkbookGridProps {
  host: XlsxWorkbookHost;
  sheet: Worksheet;
  /** Changes whenever the workbook changes, so the grid reads it again. */
  version: number;
  selected?: CellRef;
  /** Bumped when the add-in selects a cell: the grid scrolls it into view. */
  revealKey: number;
  onSelect(cell: CellRef): void;
  onFollowLink(target: CellRef): void;
  onPickListItem(cell: CellRef, from: string, to: string): void;
  /**
   * The user typed, cleared or pasted these cells' text: one call per action (a paste of 2×2 is one call of
   * four edits), so the live check sees it as one batch. Cells given are the ones holding values (never the
   * hidden cells of a merged area).
   */
  onEditCells(sheet: string, edits: CellEdit[]): void;
  /**
   * A message the user must see, not only hear (the grid's live region is hidden): a paste refused, a text
   * cut to Excel's cell limit. The playground shows it in its status bar.
   */
  onNotice(notice: GridNotice): void;
  /** The element that lists the grid's keys (its accessible description). */
  helpId?: string;
  t: Strings["playground"];
  locale?: Locale;
}

export interface GridNotice {
  kind: "error" | "info";
  text: string;
}

type EditMode = "enter" | "edit";

interface Editing {
  sheet: string;
  cell: GridPoint;
  text: string;
  /** As in Excel: "enter" (started by typing) lets the arrow keys save and move; "edit" (F2, Enter) moves the caret. F2 switches. */
  mode: EditMode;
}

type ClipboardAction = "copy" | "paste";

export function WorkbookGrid({ host, sheet, version, selected, revealKey, onSelect, onFollowLink, onPickListItem, onEditCells, onNotice, helpId, t, locale = "vi" }: WorkbookGridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLTableElement>(null);
  const idPrefix = useId();
  const cellId = (address: string) => `${idPrefix}cell-${address}`;
  const [editing, setEditing] = useState<Editing>();
  // Whether an edit is open, read synchronously: moving focus away (Escape, Enter) blurs the input before React
  // re-renders, and that blur must neither save a cancelled edit nor save a committed one twice.
  const editOpen = useRef(false);
  // Where Shift+moves started; undefined: the selection is the active cell alone.
  const [anchor, setAnchor] = useState<GridPoint>();
  // What the live region says after an action (cleared, pasted, copied), until the next move.
  const [notice, setNotice] = useState<string>();
  // A keyboard move asked for its cell to be scrolled into view.
  const followActive = useRef(false);
  // Ctrl+C / Ctrl+V waiting for the browser's copy / paste event (the Clipboard API is the fallback).
  const pendingClipboard = useRef<ClipboardAction>();

  const [slice, setSlice] = useState({ first: 1, count: 60 });
  // version: the sheet object is the same while its content changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const extent = useMemo(() => sheetExtent(sheet), [sheet, version]);
  const offsets = useMemo(() => {
    const list = [ROW_HEADER_WIDTH];
    for (const width of extent.widths) list.push(list[list.length - 1] + width);
    return list;
  }, [extent]);

  const onThisSheet = selected !== undefined && selected.sheet === sheet.name;
  // As in Excel there is always an active cell: A1 until one is chosen.
  const active = drawnCell(onThisSheet ? selected : { row: 1, column: 1 }, extent.merges);
  const range = selectionRange({ anchor: anchor ?? active, active }, extent.merges);

  const measure = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const first = Math.max(1, Math.floor(element.scrollTop / ROW_HEIGHT) - OVERSCAN + 1);
    const count = Math.ceil(element.clientHeight / ROW_HEIGHT) + 2 * OVERSCAN;
    setSlice((current) => (current.first === first && current.count === count ? current : { first, count }));
  }, []);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element) {
      element.scrollTop = 0;
      element.scrollLeft = 0;
    }
    measure();
  }, [sheet, measure]);

  useEffect(() => {
    const onResize = () => measure();
    globalThis.addEventListener("resize", onResize);
    return () => globalThis.removeEventListener("resize", onResize);
  }, [measure]);

  // Another sheet, or a cell the add-in selected: the range Shift+moves made no longer applies.
  useEffect(() => {
    setAnchor(undefined);
    setNotice(undefined);
  }, [sheet, revealKey]);

  // The add-in selected a cell: bring it into view (rendering its row first if it is far away).
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !selected || selected.sheet !== sheet.name || revealKey === 0) return;
    const top = (selected.row - 1) * ROW_HEIGHT;
    const left = offsets[selected.column - 1] ?? 0;
    const visibleHeight = element.clientHeight - ROW_HEIGHT;
    if (top < element.scrollTop || top + ROW_HEIGHT > element.scrollTop + visibleHeight) element.scrollTop = Math.max(0, top - visibleHeight / 2);
    const visibleWidth = element.clientWidth - ROW_HEADER_WIDTH;
    if (left - ROW_HEADER_WIDTH < element.scrollLeft || left + (extent.widths[selected.column - 1] ?? 0) > element.scrollLeft + visibleWidth + ROW_HEADER_WIDTH) {
      element.scrollLeft = Math.max(0, left - ROW_HEADER_WIDTH - visibleWidth / 3);
    }
    measure();
    // Only when the add-in asks (revealKey), not on every click in the grid.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revealKey]);

  // A keyboard move: scroll just enough to show the active cell below the sticky header, right of the row numbers.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!followActive.current || !element) return;
    followActive.current = false;
    const merge = extent.merges.at(active.row, active.column);
    const bottom = merge?.bottom ?? active.row;
    const right = merge?.right ?? active.column;
    const top = (active.row - 1) * ROW_HEIGHT;
    const height = (bottom - active.row + 1) * ROW_HEIGHT;
    const visibleHeight = element.clientHeight - ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + height > element.scrollTop + visibleHeight) element.scrollTop = Math.max(0, Math.min(top, top + height - visibleHeight));
    const left = offsets[active.column - 1] ?? ROW_HEADER_WIDTH;
    const width = (offsets[right] ?? left) - left;
    if (left - ROW_HEADER_WIDTH < element.scrollLeft) element.scrollLeft = left - ROW_HEADER_WIDTH;
    else if (left + width > element.scrollLeft + element.clientWidth) element.scrollLeft = Math.min(left - ROW_HEADER_WIDTH, left + width - element.clientWidth);
    measure();
    // The active cell's position is what moves; the sheet's shape is read as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active.row, active.column, sheet]);

  const focusGrid = () => grid.current?.focus({ preventScroll: true });

  /** Makes `point` the active cell; with `extend`, the range from the anchor to it is selected (Shift). */
  const select = (point: GridPoint, extend = false) => {
    if (!extend) setAnchor(undefined);
    else if (!anchor) setAnchor(active);
    setNotice(undefined);
    followActive.current = true;
    onSelect({ sheet: sheet.name, row: point.row, column: point.column });
  };

  const textAt = (row: number, column: number): string => {
    const merge = extent.merges.at(row, column);
    if (merge && (merge.top !== row || merge.left !== column)) return "";
    const cell = sheet.findCell(row, column);
    return cell ? displayText(cell) : "";
  };
  const filled = (row: number, column: number) => {
    const cell = drawnCell({ row, column }, extent.merges);
    return textAt(cell.row, cell.column) !== "";
  };
  const pageRows = () => {
    const height = scroller.current?.clientHeight ?? 0;
    return height > 0 ? Math.max(1, Math.floor(height / ROW_HEIGHT) - 2) : DEFAULT_PAGE_ROWS;
  };

  /** Writes typed or pasted texts, each cut to what one Excel cell holds (the user is told which cells were cut). */
  const writeEdits = (sheetName: string, edits: CellEdit[]) => {
    const fitted = cutOverlongEdits(edits);
    onEditCells(sheetName, fitted.edits);
    if (fitted.cut.length === 0) return;
    const numbers = locale === "vi" ? "vi-VN" : "en-US";
    const cells = fitted.cut.map((cut) => format(t.cutCell, { cell: cut.address, length: cut.length.toLocaleString(numbers) })).join(", ");
    onNotice({ kind: "info", text: format(t.cellsCut, { cells, limit: EXCEL_CELL_TEXT_LIMIT.toLocaleString(numbers) }) });
  };

  const startEditing = (cell: GridPoint, text: string, mode: EditMode) => {
    editOpen.current = true;
    setEditing({ sheet: sheet.name, cell, text, mode });
  };
  const closeEditing = () => {
    editOpen.current = false;
    setEditing(undefined);
  };
  /** Saves the open edit; `next` says where the active cell goes then (keys only: leaving by a click keeps the focus where it went). */
  const commit = (next?: (from: GridPoint) => GridPoint | "leave" | undefined) => {
    if (!editOpen.current || !editing) return;
    closeEditing();
    writeEdits(editing.sheet, [{ row: editing.cell.row, column: editing.cell.column, text: editing.text }]);
    if (!next) return;
    const target = next(editing.cell);
    if (target && target !== "leave") select(target);
    focusGrid();
  };
  const cancel = () => {
    // As in Excel: Escape discards the typed text and keeps the cell's value.
    closeEditing();
    focusGrid();
  };

  const onEditorKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (!editing) return;
    const down = (from: GridPoint) => navigate(from, { key: event.shiftKey ? "ArrowUp" : "ArrowDown", ctrl: false }, extent, pageRows(), filled);
    if (event.key === "Enter") {
      event.preventDefault();
      commit(down);
    } else if (event.key === "Tab") {
      event.preventDefault();
      commit((from) => tabTarget(from, event.shiftKey, extent));
    } else if (event.key === "Escape") {
      event.preventDefault();
      cancel();
    } else if (event.key === "F2") {
      event.preventDefault();
      setEditing({ ...editing, mode: editing.mode === "enter" ? "edit" : "enter" });
    } else if (editing.mode === "enter" && event.key.startsWith("Arrow") && !event.shiftKey) {
      event.preventDefault();
      commit((from) => navigate(from, { key: event.key, ctrl: false }, extent, pageRows(), filled));
    }
  };

  const clearSelection = () => {
    const edits = clearEdits(range, extent.merges);
    onEditCells(sheet.name, edits);
    setNotice(format(t.cellsCleared, { count: edits.length }));
  };

  const copySelection = (clipboardData?: DataTransfer) => {
    const text = rangeToTsv(range, textAt);
    const copied = format(t.cellsCopied, { cell: rangeAddress(range), count: rangeCellCount(range) });
    if (clipboardData) {
      clipboardData.setData("text/plain", text);
      setNotice(copied);
      return;
    }
    navigator.clipboard.writeText(text).then(
      () => setNotice(copied),
      (error: unknown) => setNotice(format(t.clipboardFailed, { reason: error instanceof Error ? error.message : String(error) })),
    );
  };

  const pasteText = (text: string) => {
    const rows = parseTsv(text);
    if (rows.length === 0) return;
    const start = { row: range.top, column: range.left };
    const pasted = pasteEdits(start, rows, extent.merges);
    if (pasted.blockedBy.length > 0) {
      // As Excel: nothing is written rather than values dropped in the hidden cells of a merged area.
      const refused = format(t.pasteRefusedMerged, { cell: rangeAddress(pasted.range), merges: pasted.blockedBy.map(rangeAddress).join(", ") });
      setNotice(refused);
      onNotice({ kind: "error", text: refused });
      return;
    }
    writeEdits(sheet.name, pasted.edits);
    // The pasted cells stay selected, the first one active (as in Excel).
    const corner = drawnCell({ row: pasted.range.bottom, column: pasted.range.right }, extent.merges);
    setAnchor(corner.row === start.row && corner.column === start.column ? undefined : corner);
    followActive.current = true;
    onSelect({ sheet: sheet.name, ...start });
    const said = format(t.cellsPasted, { count: pasted.edits.length, cell: rangeAddress(pasted.range) });
    setNotice(pasted.skipped > 0 ? `${said} ${format(t.pasteSkipped, { skipped: pasted.skipped })}` : said);
  };

  /**
   * Ctrl+C / Ctrl+V: the browser's copy / paste event does the work when it fires on the grid (it needs no
   * permission); if it does not come within this task, the asynchronous Clipboard API does it instead.
   */
  const awaitClipboardEvent = (action: ClipboardAction) => {
    pendingClipboard.current = action;
    setTimeout(() => {
      if (pendingClipboard.current !== action) return;
      pendingClipboard.current = undefined;
      if (action === "copy") copySelection();
      else
        navigator.clipboard.readText().then(pasteText, (error: unknown) =>
          setNotice(format(t.clipboardFailed, { reason: error instanceof Error ? error.message : String(error) })),
        );
    }, 0);
  };

  const onCopy = (event: ClipboardEvent<HTMLTableElement>) => {
    if (event.target !== event.currentTarget) return;
    event.preventDefault();
    pendingClipboard.current = undefined;
    copySelection(event.clipboardData);
  };
  const onPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    if (event.target !== event.currentTarget) return;
    event.preventDefault();
    pendingClipboard.current = undefined;
    pasteText(event.clipboardData.getData("text/plain"));
  };

  const activeView = cellView(host, sheet, active.row, active.column);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    // Keys in a cell's dropdown are the dropdown's (see its own handler).
    if (event.target !== event.currentTarget) return;
    const ctrl = event.ctrlKey || event.metaKey;
    const { key } = event;
    const handled = () => event.preventDefault();

    if (key === "Tab" && !ctrl && !event.altKey) {
      const target = tabTarget(active, event.shiftKey, extent);
      // At the row's ends the browser moves the focus on: the grid is left by Tab, never trapped.
      if (target === "leave") return;
      handled();
      select(target);
      return;
    }
    const move = navigate(active, { key, ctrl }, extent, pageRows(), filled);
    if (move && !event.altKey) {
      handled();
      select(move, event.shiftKey);
      return;
    }
    if ((key === "Enter" || (key === "ArrowDown" && event.altKey)) && activeView.list && !ctrl) {
      handled();
      const list = document.getElementById(cellId(activeView.address))?.querySelector("select");
      list?.focus();
      if (event.altKey) openPicker(list);
      return;
    }
    if (key === "Enter" && activeView.link && !ctrl && !event.altKey) {
      handled();
      onFollowLink(activeView.link);
      return;
    }
    if ((key === "Enter" && !ctrl && !event.altKey) || key === "F2") {
      handled();
      startEditing(active, activeView.text, "edit");
      return;
    }
    if (key === "Delete" || key === "Backspace") {
      handled();
      clearSelection();
      return;
    }
    if (key === "Escape") {
      if (anchor) handled();
      setAnchor(undefined);
      setNotice(undefined);
      return;
    }
    if (ctrl && !event.altKey && key.toLowerCase() === "a") {
      handled();
      // The cells with data, the active cell at A1 (the anchor is the far corner).
      setAnchor({ row: extent.usedRows, column: extent.usedColumns });
      setNotice(undefined);
      followActive.current = true;
      onSelect({ sheet: sheet.name, row: 1, column: 1 });
      return;
    }
    if (ctrl && !event.altKey && key.toLowerCase() === "c") {
      awaitClipboardEvent("copy");
      return;
    }
    if (ctrl && !event.altKey && key.toLowerCase() === "v") {
      awaitClipboardEvent("paste");
      return;
    }
    // As in Excel: a typed character replaces the cell's text (AltGr, reported as Ctrl+Alt, types characters too).
    const typesCharacter = key.length === 1 && !event.metaKey && event.ctrlKey === event.altKey;
    if (typesCharacter) {
      handled();
      startEditing(active, key, "enter");
    } else if (key === "Process" || event.nativeEvent.isComposing) {
      // An input method (Vietnamese Telex/VNI as composition) began a word: open the empty text box so the
      // typing goes on there; the browser may drop the letters composed before it had the focus.
      startEditing(active, "", "enter");
    }
  };

  const onCellClick = (event: MouseEvent<HTMLTableCellElement>, point: GridPoint) => {
    const target = event.target as HTMLElement;
    // Clicks in the text box being edited are the text box's.
    if (target.closest("input")) return;
    select(point, event.shiftKey);
    // The dropdown keeps the focus a click gives it; elsewhere the grid takes it, so the keys work after a click.
    if (!target.closest("select")) focusGrid();
  };

  const last = Math.min(extent.rows, slice.first + slice.count - 1);
  // A merged area whose top row is scrolled away is still drawn (from the first row shown), under its own id.
  const activeRendered = active.row <= last && (extent.merges.at(active.row, active.column)?.bottom ?? active.row) >= slice.first;
  const rows: ReactNode[] = [];
  for (let row = slice.first; row <= last; row++) {
    const cells: ReactNode[] = [];
    for (let column = 1; column <= extent.columns; column++) {
      const merge = extent.merges.at(row, column);
      let rowSpan = 1;
      let colSpan = 1;
      let sourceRow = row;
      let sourceColumn = column;
      if (merge) {
        // A merged area is drawn once, from its top-left cell or, when that row is scrolled away, from the first row shown.
        const drawnFrom = Math.max(merge.top, slice.first);
        if (row !== drawnFrom || column !== merge.left) continue;
        rowSpan = Math.min(merge.bottom, last) - drawnFrom + 1;
        colSpan = Math.min(merge.right, extent.columns) - merge.left + 1;
        sourceRow = merge.top;
        sourceColumn = merge.left;
      }
      const view = cellView(host, sheet, sourceRow, sourceColumn);
      const point = { row: sourceRow, column: sourceColumn };
      const isEditing = editing !== undefined && editing.sheet === sheet.name && editing.cell.row === sourceRow && editing.cell.column === sourceColumn;
      cells.push(
        <GridCell
          key={column}
          id={cellId(view.address)}
          column={column}
          view={view}
          editor={
            isEditing ? (
              <input
                className="pg-editor"
                aria-label={format(t.editLabel, { cell: view.address })}
                ref={focusAtEnd}
                value={editing.text}
                onChange={(event) => setEditing({ ...editing, text: event.target.value })}
                onKeyDown={onEditorKeyDown}
                onBlur={() => commit()}
              />
            ) : undefined
          }
          onEdit={() => startEditing(point, view.text, "edit")}
          rowSpan={rowSpan}
          colSpan={colSpan}
          active={sourceRow === active.row && sourceColumn === active.column}
          inSelection={inRange(range, sourceRow, sourceColumn)}
          onClick={(event) => onCellClick(event, point)}
          onFollowLink={(target) => {
            onFollowLink(target);
            focusGrid();
          }}
          onPick={(to) => onPickListItem({ sheet: sheet.name, ...point }, view.text, to)}
          onListKeyDown={(event) => {
            // Out of the dropdown, back to the grid: Escape stays on the cell, Tab moves on as in the grid.
            if (event.key !== "Escape" && event.key !== "Tab") return;
            event.preventDefault();
            event.stopPropagation();
            if (event.key === "Tab") {
              const target = tabTarget(point, event.shiftKey, extent);
              if (target !== "leave") select(target);
            }
            focusGrid();
          }}
          t={t}
        />,
      );
    }
    rows.push(
      <tr key={row} aria-rowindex={row + 1} style={{ height: ROW_HEIGHT }}>
        <th scope="row" className="pg-rowhead" aria-colindex={1}>
          {row}
        </th>
        {cells}
      </tr>,
    );
  }

  const announcement =
    notice ??
    (rangeCellCount(range) > 1
      ? format(t.activeRange, { cell: rangeAddress(range), count: rangeCellCount(range) })
      : activeView.text === ""
        ? format(t.activeCellEmpty, { cell: activeView.address })
        : format(t.activeCell, { cell: activeView.address, value: activeView.mark ? `${activeView.text} — ${activeView.mark.message}` : activeView.text }));

  const totalWidth = offsets[offsets.length - 1];
  return (
    <div ref={scroller} className="pg-scroller" onScroll={measure}>
      <table
        ref={grid}
        className="pg-grid"
        role="grid"
        tabIndex={0}
        aria-label={format(t.gridLabel, { sheet: sheet.name })}
        aria-describedby={helpId}
        aria-multiselectable="true"
        aria-rowcount={extent.rows + 1}
        aria-colcount={extent.columns + 1}
        aria-activedescendant={activeRendered ? cellId(activeView.address) : undefined}
        data-sheet={sheet.name}
        data-active={activeView.address}
        style={{ width: totalWidth }}
        onKeyDown={onKeyDown}
        onCopy={onCopy}
        onPaste={onPaste}
      >
        <colgroup>
          <col style={{ width: ROW_HEADER_WIDTH }} />
          {extent.widths.map((width, i) => (
            <col key={i} style={{ width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1} style={{ height: ROW_HEIGHT }}>
            <th className="pg-corner" aria-hidden="true" />
            {extent.widths.map((_, i) => (
              <th key={i} scope="col" className="pg-colhead" aria-colindex={i + 2}>
                {columnLetter(i + 1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {slice.first > 1 && (
            <tr aria-hidden="true" style={{ height: (slice.first - 1) * ROW_HEIGHT }}>
              <td colSpan={extent.columns + 1} className="pg-spacer" />
            </tr>
          )}
          {rows}
          {last < extent.rows && (
            <tr aria-hidden="true" style={{ height: (extent.rows - last) * ROW_HEIGHT }}>
              <td colSpan={extent.columns + 1} className="pg-spacer" />
            </tr>
          )}
        </tbody>
      </table>
      <p className="pg-visually-hidden" aria-live="polite" data-testid="grid-announcement">
        {announcement}
      </p>
    </div>
  );
}

/** The text box takes the focus once, the caret after the text (a typed first character goes on with the next). */
function focusAtEnd(input: HTMLInputElement | null): void {
  if (!input || input.ownerDocument.activeElement === input) return;
  input.focus({ preventScroll: true });
  input.setSelectionRange(input.value.length, input.value.length);
}

/** Alt+↓ opens the dropdown where the browser can (showPicker); elsewhere the focused dropdown opens with Alt+↓ itself. */
function openPicker(list: HTMLSelectElement | null | undefined): void {
  try {
    (list as (HTMLSelectElement & { showPicker?: () => void }) | null | undefined)?.showPicker?.();
  } catch {
    // Not allowed here (no user activation, or not supported): the dropdown has the focus, Alt+↓ opens it.
  }
}

interface GridCellProps {
  id: string;
  /** Where the cell is drawn (a merged area scrolled up is drawn from its first visible row). */
  column: number;
  view: CellView;
  /** The text box while the cell is being edited. */
  editor?: ReactNode;
  onEdit(): void;
  rowSpan: number;
  colSpan: number;
  active: boolean;
  inSelection: boolean;
  onClick(event: MouseEvent<HTMLTableCellElement>): void;
  onFollowLink(target: CellRef): void;
  onPick(to: string): void;
  onListKeyDown(event: KeyboardEvent<HTMLSelectElement>): void;
  t: Strings["playground"];
}

function GridCell({ id, column, view, editor, onEdit, rowSpan, colSpan, active, inSelection, onClick, onFollowLink, onPick, onListKeyDown, t }: GridCellProps) {
  const classes = ["pg-cell"];
  if (view.mark) classes.push(`pg-mark-${view.mark.severity}`);
  if (active) classes.push("pg-selected");
  else if (inSelection) classes.push("pg-in-range");
  if (view.style.bold) classes.push("pg-bold");
  if (view.style.italic) classes.push("pg-italic");
  const style = {
    textAlign: view.style.align,
    color: view.style.color,
    background: view.style.background,
  };
  let content: ReactNode = view.text;
  if (editor) {
    content = editor;
  } else if (view.list) {
    const options = view.list.includes(view.text) || view.text === "" ? view.list : [view.text, ...view.list];
    content = (
      // Reached from the grid (Enter, Alt+↓), not by Tab: the grid is one tab stop.
      <select
        className="pg-select"
        tabIndex={-1}
        aria-label={format(t.listLabel, { cell: view.address })}
        value={view.text}
        onChange={(event) => onPick(event.target.value)}
        onKeyDown={onListKeyDown}
      >
        {view.text === "" && <option value="" />}
        {options.map((item) => (
          <option key={item} value={item}>
            {item}
          </option>
        ))}
      </select>
    );
  } else if (view.link) {
    const target = view.link;
    content = (
      <button type="button" tabIndex={-1} className="pg-link" title={format(t.linkTitle, { target: cellName(target) })} onClick={() => onFollowLink(target)}>
        {view.text}
      </button>
    );
  }
  return (
    <td
      id={id}
      className={classes.join(" ")}
      rowSpan={rowSpan > 1 ? rowSpan : undefined}
      colSpan={colSpan > 1 ? colSpan : undefined}
      style={style}
      title={view.title}
      data-cell={view.address}
      data-mark={view.mark?.severity}
      aria-colindex={column + 1}
      aria-selected={active || inSelection}
      onClick={onClick}
      onDoubleClick={view.list || view.link ? undefined : onEdit}
    >
      {content}
    </td>
  );
}
