/**
 * "Tổng hợp": bring the units' plans in (files chosen or dropped, plans sent from other workbooks),
 * preview each unit and correct its name, merge into the open workbook and read what happened; and, in
 * a unit's own workbook, send its plan to the master. Everything goes through ConsolidationServices.
 */
import { Button, Field, ProgressBar, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { useState, type ChangeEvent, type DragEvent } from "react";
import { isUnitConflictError, type ConsolidationServices, type MergeProgress, type MergeSummary, type PlanYearQuestion, type ReadProgress, type UnitSource } from "./consolidationServices";
import { MergeSummaryView } from "./consolidation/MergeSummaryView";
import { SentPlans } from "./consolidation/SentPlans";
import { useConsolidationStrings, type ConsolidationStrings } from "./consolidation/strings";
import { UnitCard } from "./consolidation/UnitCard";
import { usePanelStyles } from "./layout";
import { NoticeList, useTask, type Notice } from "./notices";
import { formatTime } from "./ResultsTab";

const useStyles = makeStyles({
  dropZone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  dropZoneActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  fileLabel: {
    display: "inline-flex",
    alignItems: "center",
    minHeight: "32px",
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorBrandBackgroundHover },
  },
  fileLabelFocused: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  units: { margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0 },
});

const ACCEPTED = ".xlsx,.xlsm,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel";

export function ConsolidationTab({ services }: { services: ConsolidationServices }) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const strings = useConsolidationStrings();
  const { c, format } = strings;
  const [sources, setSources] = useState<UnitSource[]>(() => services.sources());
  const [reading, setReading] = useState<ReadProgress>();
  const [merging, setMerging] = useState<MergeProgress>();
  const [summary, setSummary] = useState<MergeSummary>();
  const [yearQuestion, setYearQuestion] = useState<PlanYearQuestion>();
  const [dragging, setDragging] = useState(false);
  const [inputFocused, setInputFocused] = useState(false);
  const [sentVersion, setSentVersion] = useState(0);
  const filesTask = useTask();
  const mergeTask = useTask();
  const [unitQuestions, setUnitQuestions] = useState(false);
  /** The plan year of the last merge asked for, kept when the person then confirms the units. */
  const [chosenYear, setChosenYear] = useState<number | undefined>(undefined);
  const sendTask = useTask();
  const inputId = useId("unit-files");
  const unitsTitleId = useId("units-title");
  const mergeTitleId = useId("merge-title");
  const sendTitleId = useId("send-title");
  const yearQuestionId = useId("year-question");

  const busy = reading !== undefined || merging !== undefined || Boolean(mergeTask.busy) || Boolean(sendTask.busy);
  const ready = sources.filter((source) => source.preview && source.problem === undefined);
  const readyDelegations = ready.reduce((sum, source) => sum + (source.preview?.kept ?? 0), 0);
  const readyUnits = new Set(ready.map((source) => source.preview!.unitName.toLocaleLowerCase())).size;

  const addFiles = async (files: File[]) => {
    if (files.length === 0) {
      filesTask.show({ intent: "warning", text: c.dropNothing });
      return;
    }
    filesTask.show();
    setReading({ done: 0, total: files.length, fileName: files[0].name });
    try {
      const next = await services.addFiles(
        files.map((file) => ({ name: file.name, data: file })),
        (progress) => setReading(progress),
      );
      setSources(next);
      const added = next.filter((source) => files.some((file) => file.name === source.fileName && source.origin === "file"));
      const failed = added.filter((source) => source.problem !== undefined).length;
      filesTask.show(
        failed === 0
          ? { intent: "success", text: format(c.readDoneAll, { total: files.length }) }
          : { intent: "warning", text: format(c.readDone, { total: files.length, ready: added.length - failed, failed }) },
      );
    } catch (error) {
      filesTask.fail(c.errorRead, error);
    } finally {
      setReading(undefined);
    }
  };

  const onInputChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // The same file can be chosen again (a corrected copy).
    event.target.value = "";
    void addFiles(files);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    void addFiles(Array.from(event.dataTransfer?.files ?? []));
  };

  /** Asks for the plan year first when the units disagree with each other or with Cài đặt. */
  const merge = async () => {
    setSummary(undefined);
    const asked = await mergeTask.run(c.mergeReading, c.errorMerge, () => services.planYear());
    if (!asked.ok) return;
    if (asked.value.needsChoice) setYearQuestion(asked.value);
    else await mergeWith(undefined);
  };

  const mergeWith = async (year: number | undefined, confirmUnits = false) => {
    setYearQuestion(undefined);
    setSummary(undefined);
    setUnitQuestions(false);
    setChosenYear(year);
    setMerging({ step: "reading", done: 0, total: 1 });
    try {
      const outcome = await mergeTask.run(c.mergeReading, c.errorMerge, () =>
        services.merge((progress) => setMerging(progress), { ...(year === undefined ? {} : { year }), confirmUnits }).catch((error: unknown) => {
          // Names that differ by a tone mark, or a unit re-imported from another file: asked, not refused.
          if (isUnitConflictError(error)) setUnitQuestions(true);
          throw error;
        }),
      );
      if (outcome.ok) {
        setSummary(outcome.value);
        setSources(services.sources());
      }
    } finally {
      setMerging(undefined);
    }
  };

  const send = async () => {
    const outcome = await sendTask.run(c.sending, c.errorSend, () => services.sendToMaster());
    if (!outcome.ok) return;
    const { entry, replaced } = outcome.value;
    const done: Notice = { intent: "success", text: format(c.sentDone, { unit: entry.unitName, count: entry.delegations, time: formatTime(entry.sentAt, strings.locale) }) };
    if (replaced > 0) done.text += ` ${format(c.sentReplaced, { count: replaced })}`;
    sendTask.show(done);
    setSentVersion((version) => version + 1);
  };

  const showSheet = (sheet: string) => {
    services.showSheet(sheet).catch((error: unknown) => mergeTask.fail(c.errorGoTo, error));
  };

  return (
    <div className={panel.panel}>
      <section className={panel.section} aria-labelledby={unitsTitleId}>
        <h3 id={unitsTitleId} className={panel.heading}>
          {c.unitsTitle}
        </h3>
        <p className={panel.hint}>{c.filesHelp}</p>
        <div
          className={mergeClasses(styles.dropZone, dragging && styles.dropZoneActive)}
          data-testid="unit-drop-zone"
          onDragOver={(event) => {
            event.preventDefault();
            if (!dragging) setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <input
            id={inputId}
            // The native file input stays in the page for keyboards and screen readers; its label is what shows.
            className={panel.visuallyHidden}
            type="file"
            multiple
            accept={ACCEPTED}
            disabled={busy}
            onChange={onInputChange}
            onFocus={() => setInputFocused(true)}
            onBlur={() => setInputFocused(false)}
          />
          <label htmlFor={inputId} className={mergeClasses(styles.fileLabel, inputFocused && styles.fileLabelFocused)}>
            {c.chooseFiles}
          </label>
          <span aria-hidden="true" className={panel.hint}>
            {dragging ? c.dropZoneActive : c.dropZone}
          </span>
        </div>
        {reading && <ReadingProgress progress={reading} strings={strings} />}
        <NoticeList notices={filesTask.notices} onDismiss={filesTask.dismiss} />
        {sources.length === 0 ? (
          <p className={styles.text}>{c.noSources}</p>
        ) : (
          <ul className={styles.units} aria-label={c.unitsListLabel}>
            {sources.map((source) => (
              <UnitCard
                key={source.id}
                source={source}
                disabled={busy}
                onRename={(id, name) => setSources(services.renameUnit(id, name))}
                onRemove={(id) => setSources(services.removeSource(id))}
              />
            ))}
          </ul>
        )}
      </section>

      <SentPlans services={services} version={sentVersion} disabled={busy} onSources={setSources} />

      <section className={panel.section} aria-labelledby={mergeTitleId}>
        <h3 id={mergeTitleId} className={panel.heading}>
          {c.mergeTitle}
        </h3>
        <p className={panel.hint}>{c.mergeHelp}</p>
        <p className={styles.text}>{ready.length > 0 ? format(c.readyCount, { units: readyUnits, kept: readyDelegations }) : c.nothingReady}</p>
        <div className={panel.actions}>
          <Button appearance="primary" disabled={busy || ready.length === 0} onClick={() => void merge()}>
            {c.merge}
          </Button>
          {unitQuestions && (
            <Button disabled={busy || ready.length === 0} onClick={() => void mergeWith(chosenYear, true)}>
              {c.confirmUnits}
            </Button>
          )}
        </div>
        {yearQuestion && (
          <div role="group" aria-labelledby={yearQuestionId}>
            <p id={yearQuestionId} className={styles.text}>
              {format(c.yearQuestion, {
                titles: yearQuestion.titles.map((entry) => format(c.yearTitlesPart, { year: entry.year, units: entry.units.join(", ") })).join("; "),
                settings: yearQuestion.settingsYear,
              })}
            </p>
            <div className={panel.actions}>
              {[...new Set([...yearQuestion.titles.map((entry) => entry.year), yearQuestion.settingsYear])].map((year) => (
                <Button key={year} appearance={year === yearQuestion.proposed ? "primary" : "secondary"} disabled={busy} onClick={() => void mergeWith(year)}>
                  {format(c.yearChoose, { year })}
                </Button>
              ))}
              <Button appearance="subtle" disabled={busy} onClick={() => setYearQuestion(undefined)}>
                {c.yearCancel}
              </Button>
            </div>
          </div>
        )}
        {merging && <MergingProgress progress={merging} strings={strings} />}
        <NoticeList notices={mergeTask.notices} onDismiss={mergeTask.dismiss} />
        {summary && <MergeSummaryView summary={summary} onShowSheet={showSheet} />}
      </section>

      <section className={panel.section} aria-labelledby={sendTitleId}>
        <h3 id={sendTitleId} className={panel.heading}>
          {c.sendTitle}
        </h3>
        <p className={panel.hint}>{c.sendHelp}</p>
        <div className={panel.actions}>
          <Button disabled={busy} onClick={send}>
            {c.send}
          </Button>
        </div>
        {sendTask.busy && <ProgressBar aria-label={sendTask.busy} />}
        <NoticeList notices={sendTask.notices} onDismiss={sendTask.dismiss} />
      </section>
    </div>
  );
}

function ReadingProgress({ progress, strings }: { progress: ReadProgress; strings: ConsolidationStrings }) {
  const label = strings.format(strings.c.reading, { done: Math.min(progress.done + 1, progress.total), total: progress.total, file: progress.fileName });
  return (
    <Field label={label} validationState="none">
      <ProgressBar value={progress.done} max={Math.max(progress.total, 1)} />
    </Field>
  );
}

function MergingProgress({ progress, strings }: { progress: MergeProgress; strings: ConsolidationStrings }) {
  const { c, format } = strings;
  const label =
    progress.step === "reading"
      ? c.mergeReading
      : progress.step === "writing"
        ? format(c.mergeWriting, { sheet: progress.sheet ?? "", done: progress.done + 1, total: progress.total })
        : c.mergeMarking;
  // Reading the master has no measurable steps: an indeterminate bar.
  return (
    <Field label={label} validationState="none">
      <ProgressBar value={progress.step === "reading" ? undefined : progress.done} max={Math.max(progress.total, 1)} />
    </Field>
  );
}
