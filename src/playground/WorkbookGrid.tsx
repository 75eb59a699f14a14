/**
 * One sheet of the workbook as a grid: sticky column letters and row numbers, merged cells merged, the
 * add-in's marks coloured per severity with their message on hover, dropdown cells as real <select>s,
 * the selected cell outlined and scrolled into view. Only the visible rows are rendered (plus a margin),
 * so a sheet of 10,000 rows scrolls as fast as one of 20. Cell text is rendered as text, never as HTML.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { Worksheet } from "exceljs";
import { columnLetter } from "../domain/cells";
import { format, type Strings } from "../i18n";
import type { CellRef, XlsxWorkbookHost } from "../xlsx/XlsxWorkbookHost";
import { cellName, cellView, ROW_HEIGHT, sheetExtent, type CellView } from "./gridModel";

const OVERSCAN = 12;
const ROW_HEADER_WIDTH = 48;

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
  /** The user typed this text into the cell (Enter, or leaving the cell). */
  onEditCell(cell: CellRef, text: string): void;
  t: Strings["playground"];
}

interface Editing {
  cell: CellRef;
  text: string;
}

export function WorkbookGrid({ host, sheet, version, selected, revealKey, onSelect, onFollowLink, onPickListItem, onEditCell, t }: WorkbookGridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<Editing>();
  // Whether an edit is open, read synchronously: moving focus away (Escape, Enter) blurs the input before React
  // re-renders, and that blur must neither save a cancelled edit nor save a committed one twice.
  const editOpen = useRef(false);
  const startEditing = (next: Editing) => {
    editOpen.current = true;
    setEditing(next);
  };
  const closeEditing = () => {
    editOpen.current = false;
    setEditing(undefined);
  };
  const commit = (cell: CellRef, text: string, move: boolean) => {
    if (!editOpen.current) return;
    closeEditing();
    onEditCell(cell, text);
    if (move) onSelect({ ...cell, row: cell.row + 1 });
    scroller.current?.focus();
  };
  const [slice, setSlice] = useState({ first: 1, count: 60 });
  // version: the sheet object is the same while its content changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const extent = useMemo(() => sheetExtent(sheet), [sheet, version]);
  const offsets = useMemo(() => {
    const list = [ROW_HEADER_WIDTH];
    for (const width of extent.widths) list.push(list[list.length - 1] + width);
    return list;
  }, [extent]);

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

  const last = Math.min(extent.rows, slice.first + slice.count - 1);
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
      const isSelected = selected !== undefined && selected.sheet === sheet.name && selected.row === sourceRow && selected.column === sourceColumn;
      const cellRef = { sheet: sheet.name, row: sourceRow, column: sourceColumn };
      const isEditing = editing !== undefined && editing.cell.sheet === sheet.name && editing.cell.row === sourceRow && editing.cell.column === sourceColumn;
      cells.push(
        <GridCell
          key={column}
          view={view}
          editor={
            isEditing ? (
              <input
                className="pg-editor"
                aria-label={format(t.editLabel, { cell: view.address })}
                autoFocus
                value={editing.text}
                onChange={(event) => startEditing({ cell: cellRef, text: event.target.value })}
                onKeyDown={(event) => {
                  event.stopPropagation();
                  if (event.key === "Enter") commit(cellRef, editing.text, true);
                  else if (event.key === "Escape") {
                    // As in Excel: Escape discards the typed text and keeps the cell's value.
                    closeEditing();
                    scroller.current?.focus();
                  }
                }}
                onBlur={() => commit(cellRef, editing.text, false)}
              />
            ) : undefined
          }
          onEdit={() => startEditing({ cell: cellRef, text: view.text })}
          rowSpan={rowSpan}
          colSpan={colSpan}
          selected={isSelected}
          onSelect={() => onSelect({ sheet: sheet.name, row: sourceRow, column: sourceColumn })}
          onFollowLink={onFollowLink}
          onPick={(to) => onPickListItem({ sheet: sheet.name, row: sourceRow, column: sourceColumn }, view.text, to)}
          t={t}
        />,
      );
    }
    rows.push(
      <tr key={row} style={{ height: ROW_HEIGHT }}>
        <th scope="row" className="pg-rowhead">
          {row}
        </th>
        {cells}
      </tr>,
    );
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!selected || selected.sheet !== sheet.name || (event.target as HTMLElement).tagName === "SELECT") return;
    // As in Excel: Enter or F2 edits the cell's text, a typed character replaces it.
    if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      startEditing({ cell: selected, text: cellView(host, sheet, selected.row, selected.column).text });
      return;
    }
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      startEditing({ cell: selected, text: event.key });
      return;
    }
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const row = Math.min(extent.rows, Math.max(1, selected.row + move[0]));
    const column = Math.min(extent.columns, Math.max(1, selected.column + move[1]));
    onSelect({ sheet: sheet.name, row, column });
  };

  const totalWidth = offsets[offsets.length - 1];
  return (
    <div ref={scroller} className="pg-scroller" onScroll={measure} onKeyDown={onKeyDown} tabIndex={0} aria-label={format(t.gridLabel, { sheet: sheet.name })}>
      <table className="pg-grid" role="grid" aria-rowcount={extent.rows} aria-colcount={extent.columns} data-sheet={sheet.name} style={{ width: totalWidth }}>
        <colgroup>
          <col style={{ width: ROW_HEADER_WIDTH }} />
          {extent.widths.map((width, i) => (
            <col key={i} style={{ width }} />
          ))}
        </colgroup>
        <thead>
          <tr style={{ height: ROW_HEIGHT }}>
            <th className="pg-corner" aria-hidden="true" />
            {extent.widths.map((_, i) => (
              <th key={i} scope="col" className="pg-colhead">
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
      {selected && selected.sheet === sheet.name && (
        <p className="pg-visually-hidden" aria-live="polite">
          {format(t.selectedCell, { cell: cellName(selected) })}
        </p>
      )}
    </div>
  );
}

interface GridCellProps {
  view: CellView;
  /** The text box while the cell is being edited. */
  editor?: ReactNode;
  onEdit(): void;
  rowSpan: number;
  colSpan: number;
  selected: boolean;
  onSelect(): void;
  onFollowLink(target: CellRef): void;
  onPick(to: string): void;
  t: Strings["playground"];
}

function GridCell({ view, editor, onEdit, rowSpan, colSpan, selected, onSelect, onFollowLink, onPick, t }: GridCellProps) {
  const classes = ["pg-cell"];
  if (view.mark) classes.push(`pg-mark-${view.mark.severity}`);
  if (selected) classes.push("pg-selected");
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
      <select className="pg-select" aria-label={format(t.listLabel, { cell: view.address })} value={view.text} onChange={(event) => onPick(event.target.value)}>
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
      <button type="button" className="pg-link" title={format(t.linkTitle, { target: cellName(target) })} onClick={() => onFollowLink(target)}>
        {view.text}
      </button>
    );
  }
  return (
    <td
      className={classes.join(" ")}
      rowSpan={rowSpan > 1 ? rowSpan : undefined}
      colSpan={colSpan > 1 ? colSpan : undefined}
      style={style}
      title={view.title}
      data-cell={view.address}
      data-mark={view.mark?.severity}
      aria-selected={selected}
      onClick={onSelect}
      onDoubleClick={view.list || view.link ? undefined : onEdit}
    >
      {content}
    </td>
  );
}
