/**
 * The playground page: a toolbar (open the sample, pick or drop an .xlsx, download), the workbook as a
 * grid with sheet tabs on the left, and on the right the add-in's own task pane App over an
 * XlsxWorkbookHost. exceljs (and the host module) load on demand, after the page has shown itself.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import { EXCEL_CELL_TEXT_LIMIT } from "../domain/merge/consolidate";
import { recognizeSheet } from "../domain/templates";
import { isWorkbookReadError } from "../app/unitFiles";
import { format, readFailureText, stringsFor, type Locale } from "../i18n";
import { App } from "../taskpane/App";
import { ConsolidationTab } from "../taskpane/ConsolidationTab";
import type { SheetGrid } from "../workbook/types";
import type { CellRef, HostChange, XlsxWorkbookHost } from "../xlsx/XlsxWorkbookHost";
import { downloadBytes, XLSX_MIME } from "./download";
import { changedEdits, type CellEdit } from "./gridModel";
import { servicesFor, type PlaygroundServices } from "./paneServices";
import { WorkbookGrid } from "./WorkbookGrid";

/** The bundled sample, copied with assets/ by webpack. */
export const SAMPLE_URL = "assets/samples/ke-hoach-don-vi-mau.xlsx";
const SAMPLE_NAME = "ke-hoach-don-vi-mau.xlsx";
/** The list of the grid's keys: shown under the grid, and the grid's accessible description. */
const GRID_KEYS_ID = "pg-grid-keys";

interface OpenWorkbook {
  host: XlsxWorkbookHost;
  services: PlaygroundServices;
  /** Remounts the pane for each workbook opened. */
  id: number;
}

type Status = { kind: "busy" | "error" | "info"; text: string };

/** Opening another workbook replaces the one shown: asked first when it has changes not downloaded. */
interface PendingOpen {
  name: string;
  open(): void;
}

/**
 * What changed since the workbook was opened or downloaded: cell values and dropdowns, and sheets the
 * add-in wrote (a sheet made and removed again, as the self-test's, leaves nothing). Marks are not
 * counted: a check makes them again.
 */
class UnsavedChanges {
  private values = false;
  private readonly sheets = new Set<string>();
  note(change: HostChange, sheet: string | undefined, exists: (sheet: string) => boolean): void {
    if (change === "values" || change === "dropdowns") this.values = true;
    if (change === "sheets" && sheet !== undefined) {
      if (exists(sheet)) this.sheets.add(sheet);
      else this.sheets.delete(sheet);
    }
  }
  any(): boolean {
    return this.values || this.sheets.size > 0;
  }
  saved(): void {
    this.values = false;
    this.sheets.clear();
  }
}

/** The setup guide's section in each language (assets/help.html). */
const SIDELOAD_HREF: Record<Locale, string> = { vi: "assets/help.html#cai-dat", en: "assets/help.html#sideload" };

/**
 * The page's static banner (playground.html, Vietnamese so it shows before any script) in the chosen
 * language: its heading and text are rewritten, and its one-line English summary hidden while all is English.
 */
export function localizeBanner(locale: Locale): void {
  const banner = document.querySelector<HTMLElement>("header.pg-banner");
  const heading = banner?.querySelector("h1");
  const detail = banner?.querySelector("p:not([lang])");
  if (!banner || !heading || !detail) return;
  const t = stringsFor(locale).playground;
  banner.lang = locale;
  heading.textContent = t.banner;
  const link = document.createElement("a");
  link.href = SIDELOAD_HREF[locale];
  link.textContent = t.sideloadLink;
  detail.replaceChildren(`${t.bannerDetail} `, link, ".");
  const summary = banner.querySelector<HTMLElement>('p[lang="en"]');
  if (summary) summary.hidden = locale === "en";
}

/** The plan year a workbook's title names ("KẾ HOẠCH ĐOÀN RA NĂM 2027"): the pane starts there until settings are saved. */
function titleYear(grids: SheetGrid[]): number | undefined {
  for (const grid of grids) {
    const recognition = recognizeSheet(grid);
    if (recognition.template && recognition.titleYear) return recognition.titleYear;
  }
  return undefined;
}

/** What the user typed, as Excel would store it: a number when it reads as one, else the text (empty: nothing). */
function typedValue(text: string): string | number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (/^-?\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return text;
}

const loadHostModule = () => import(/* webpackChunkName: "xlsx-host" */ "../xlsx/XlsxWorkbookHost");
type HostModule = Awaited<ReturnType<typeof loadHostModule>>;

export interface PlaygroundProps {
  locale?: Locale;
  /** Open the bundled sample when the page loads (the default). */
  openSampleOnLoad?: boolean;
}

export function Playground({ locale: initialLocale = "vi", openSampleOnLoad = true }: PlaygroundProps) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const t = stringsFor(locale).playground;
  const [doc, setDoc] = useState<OpenWorkbook>();
  const [status, setStatus] = useState<Status>();
  const [activeSheet, setActiveSheet] = useState<string>();
  const [selected, setSelected] = useState<CellRef>();
  const [revealKey, setRevealKey] = useState(0);
  const [version, setVersion] = useState(0);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const [pendingOpen, setPendingOpen] = useState<PendingOpen>();
  const unsaved = useRef(new UnsavedChanges());
  const nextId = useRef(1);
  const tRef = useRef(t);
  tRef.current = t;
  const localeRef = useRef(locale);
  localeRef.current = locale;
  // The whole page speaks the chosen language: screen readers and the browser tab too.
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t.pageTitle;
    localizeBanner(locale);
  }, [locale, t.pageTitle]);

  const errorText = (error: unknown) => {
    // The reader's refusal is said in the page's language (its own message is Vietnamese).
    if (isWorkbookReadError(error)) return readFailureText(error, localeRef.current);
    return error instanceof Error && error.message ? error.message : tRef.current.unknownError;
  };

  /** Opens the workbook `load` makes; a failure keeps the workbook shown so far (a bad file loses nothing). */
  const show = useCallback(async (name: string, load: (module: HostModule) => Promise<XlsxWorkbookHost>, failure: (reason: string) => string) => {
    setStatus({ kind: "busy", text: format(tRef.current.opening, { file: name }) });
    try {
      const host = await load(await loadHostModule());
      const first = host.userSheets().find((sheet) => sheet.state === "visible") ?? host.userSheets()[0];
      const startYear = titleYear(await host.readSheets());
      setDoc({ host, services: servicesFor(host, { locale: localeRef.current, startYear }), id: nextId.current++ });
      unsaved.current.saved();
      setActiveSheet(first?.name);
      setSelected(undefined);
      // Parts left out on opening (a broken chart, drawing or sheet) are named, never dropped silently.
      setStatus(host.openWarnings.length > 0 ? { kind: "info", text: host.openWarnings.join(" ") } : undefined);
    } catch (error) {
      setStatus({ kind: "error", text: failure(errorText(error)) });
    }
  }, []);

  const openSample = useCallback(
    () =>
      show(
        SAMPLE_NAME,
        async ({ XlsxWorkbookHost }) => {
          const response = await fetch(SAMPLE_URL);
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return XlsxWorkbookHost.open(await response.arrayBuffer(), SAMPLE_NAME);
        },
        (reason) => format(tRef.current.sampleFailed, { reason }),
      ),
    [show],
  );

  const openBlank = () => {
    const name = t.newWorkbookName;
    void show(name, ({ XlsxWorkbookHost }) => XlsxWorkbookHost.create(name), (reason) => format(t.openFailed, { file: name, reason }));
  };

  const openFiles = useCallback(
    (files: FileList | File[]) => {
      const list = [...files];
      const file = list[0];
      if (!file) return;
      void show(
        file.name,
        async ({ XlsxWorkbookHost }) => XlsxWorkbookHost.open(await file.arrayBuffer(), file.name),
        (reason) => format(tRef.current.openFailed, { file: file.name, reason }),
      ).then(() => {
        if (list.length > 1) setStatus((current) => current ?? { kind: "info", text: format(tRef.current.tooManyFiles, { file: file.name }) });
      });
    },
    [show],
  );

  useEffect(() => {
    if (openSampleOnLoad) void openSample();
  }, [openSample, openSampleOnLoad]);

  /** Opens another workbook, after asking when the one shown has changes not downloaded. */
  const whenSaved = (name: string, open: () => void) => {
    if (unsaved.current.any()) setPendingOpen({ name, open });
    else open();
  };

  // Leaving the page loses the workbook too: the browser asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!unsaved.current.any()) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  useEffect(() => {
    if (!doc) return;
    const stopChanges = doc.host.onChange((change, sheet) => {
      setVersion((n) => n + 1);
      unsaved.current.note(change, sheet, (name) => doc.host.userSheet(name) !== undefined);
      // A table the add-in wrote (master plan, statistics, report) is shown, as Excel activates it.
      if (change === "sheets" && sheet && doc.host.userSheet(sheet)) setActiveSheet(sheet);
    });
    const stopSelect = doc.host.onSelect((cell) => {
      setActiveSheet(cell.sheet);
      setSelected(cell);
      setRevealKey((n) => n + 1);
    });
    // The user's edits go through the live check (when on): only the cells whose findings changed are re-marked.
    const stopEdits = doc.host.onUserEdit((sheet, cells) => {
      const result = doc.services.pane.liveApply([{ sheet, kind: "cells", changes: cells }]);
      if (result && (result.marks.set.length > 0 || result.marks.clear.length > 0)) void doc.host.updateMarks(result.marks);
    });
    return () => {
      stopChanges();
      stopSelect();
      stopEdits();
    };
  }, [doc]);

  /** True once the file is handed to the browser. */
  const download = async (): Promise<boolean> => {
    if (!doc) return false;
    try {
      // What the grid did not cut (text that came in another way) is cut here, never written too long for Excel.
      const cut = doc.host.cutOverlongTexts();
      const bytes = await doc.host.toBuffer();
      downloadBytes(bytes, await doc.host.workbookName(), XLSX_MIME);
      unsaved.current.saved();
      if (cut.length > 0) {
        const numbers = locale === "vi" ? "vi-VN" : "en-US";
        const cells = cut.map((c) => format(t.cutCell, { cell: `${c.sheet}!${c.address}`, length: c.length.toLocaleString(numbers) })).join(", ");
        setStatus({ kind: "info", text: format(t.cellsCut, { cells, limit: EXCEL_CELL_TEXT_LIMIT.toLocaleString(numbers) }) });
      }
      return true;
    } catch (error) {
      setStatus({ kind: "error", text: format(t.downloadFailed, { reason: errorText(error) }) });
      return false;
    }
  };

  const answerPending = async (answer: "save" | "discard" | "cancel") => {
    const pending = pendingOpen;
    setPendingOpen(undefined);
    if (!pending || answer === "cancel") return;
    if (answer === "save" && !(await download())) return;
    pending.open();
  };

  const pickListItem = (cell: CellRef, from: string, to: string) => {
    if (!doc || from === to) return;
    doc.host.typeCells(cell.sheet, [{ row: cell.row, column: cell.column, value: to === "" ? null : to }]);
  };

  /** Typed, cleared or pasted text, written in one call: one batch for the live check. */
  const editCells = (sheetName: string, edits: CellEdit[]) => {
    const worksheet = doc?.host.userSheet(sheetName);
    if (!doc || !worksheet) return;
    const changed = changedEdits(worksheet, edits);
    if (changed.length === 0) return;
    doc.host.typeCells(sheetName, changed.map((edit) => ({ row: edit.row, column: edit.column, value: typedValue(edit.text) })));
  };

  const followLink = (target: CellRef) => {
    if (!doc?.host.userSheet(target.sheet)) return;
    setActiveSheet(target.sheet);
    setSelected(target);
    setRevealKey((n) => n + 1);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) whenSaved(files[0].name, () => openFiles(files));
  };

  // `version` makes the tabs and the grid follow sheets the add-in adds or replaces.
  const sheets = useMemo(() => (doc ? doc.host.userSheets().filter((sheet) => sheet.state !== "veryHidden") : []), [doc, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const sheet = sheets.find((candidate) => candidate.name === activeSheet) ?? sheets[0];
  const marks = doc ? doc.host.markCount() : 0;

  return (
    <div
      className={`pg-app${dragging ? " pg-dragging" : ""}`}
      onDragOver={(event) => {
        if (![...event.dataTransfer.types].includes("Files")) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div className="pg-toolbar" role="toolbar" aria-label={t.toolbarLabel}>
        <button type="button" onClick={() => whenSaved(SAMPLE_NAME, () => void openSample())}>
          {t.openSample}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t.openFile}
        </button>
        <button type="button" title={t.newWorkbookHint} onClick={() => whenSaved(t.newWorkbookName, openBlank)}>
          {t.newWorkbook}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          data-testid="open-file"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = "";
            if (files.length > 0) whenSaved(files[0].name, () => openFiles(files));
          }}
        />
        <span className="pg-hint">{t.dropHint}</span>
        <span className="pg-file" aria-live="polite">
          {doc && format(t.currentFile, { file: doc.host.name })}
        </span>
        <span className="pg-spacer-flex" />
        {doc && marks > 0 && <span className="pg-marks">{format(t.marksCount, { count: marks })}</span>}
        <button type="button" className="pg-primary" disabled={!doc} title={t.downloadHint} onClick={() => void download()}>
          {t.download}
        </button>
        <button type="button" lang={locale === "vi" ? "en" : "vi"} title={t.languageTitle} onClick={() => setLocale(locale === "vi" ? "en" : "vi")}>
          {t.language}
        </button>
      </div>
      {status && (
        <div className={`pg-status pg-status-${status.kind}`} role={status.kind === "error" ? "alert" : "status"}>
          <span>{status.text}</span>
          {status.kind !== "busy" && (
            <button type="button" className="pg-dismiss" aria-label={t.dismiss} onClick={() => setStatus(undefined)}>
              ×
            </button>
          )}
        </div>
      )}
      <div className="pg-main">
        <section className="pg-workbook" aria-label={sheet ? format(t.gridLabel, { sheet: sheet.name }) : t.noWorkbook}>
          {doc && sheet ? (
            <WorkbookGrid
              host={doc.host}
              sheet={sheet}
              version={version}
              selected={selected}
              revealKey={revealKey}
              onSelect={setSelected}
              onFollowLink={followLink}
              onPickListItem={pickListItem}
              onEditCells={editCells}
              onNotice={(notice) => setStatus(notice)}
              helpId={GRID_KEYS_ID}
              t={t}
              locale={locale}
            />
          ) : (
            <p className="pg-empty">{status?.kind === "busy" ? t.loadingReader : t.noWorkbook}</p>
          )}
          <div className="pg-tabs-row">
            <div className="pg-tabs" role="tablist" aria-label={t.sheetTabs}>
              {sheets.map((candidate) => (
                <button
                  key={candidate.name}
                  type="button"
                  role="tab"
                  aria-selected={candidate === sheet}
                  className={candidate.state === "hidden" ? "pg-tab pg-tab-hidden" : "pg-tab"}
                  onClick={() => setActiveSheet(candidate.name)}
                >
                  {candidate.state === "hidden" ? format(t.hiddenSheet, { sheet: candidate.name }) : candidate.name}
                </button>
              ))}
            </div>
            <ul className="pg-legend" aria-label={t.legend}>
              <li className="pg-mark-error">{t.legendError}</li>
              <li className="pg-mark-warning">{t.legendWarning}</li>
              <li className="pg-mark-info">{t.legendInfo}</li>
            </ul>
            <details className="pg-keys">
              <summary>{t.keysTitle}</summary>
              <ul id={GRID_KEYS_ID}>
                {[t.keysMove, t.keysSelect, t.keysTab, t.keysEdit, t.keysClear, t.keysClipboard].map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </details>
          </div>
        </section>
        <aside className="pg-pane" aria-label={t.paneLabel}>
          <FluentProvider theme={webLightTheme} lang={locale}>
            {doc && <App key={doc.id} services={doc.services.pane} locale={locale} onLocaleChange={setLocale} consolidation={<ConsolidationTab services={doc.services.consolidation} />} />}
          </FluentProvider>
        </aside>
      </div>
      <FluentProvider theme={webLightTheme} lang={locale}>
        <Dialog open={pendingOpen !== undefined} modalType="modal" onOpenChange={(_, data) => !data.open && void answerPending("cancel")}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t.unsavedTitle}</DialogTitle>
              <DialogContent>{format(t.unsavedText, { file: doc?.host.name ?? "", next: pendingOpen?.name ?? "" })}</DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => void answerPending("save")}>
                  {t.unsavedSave}
                </Button>
                <Button onClick={() => void answerPending("discard")}>{t.unsavedDiscard}</Button>
                <Button onClick={() => void answerPending("cancel")}>{t.unsavedCancel}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </FluentProvider>
      {dragging && (
        <div className="pg-drop" aria-hidden="true">
          {t.dropHere}
        </div>
      )}
    </div>
  );
}
