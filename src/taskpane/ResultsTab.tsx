/** "Kiểm tra": run the check, read the counts and sheets, filter and open findings, quick fixes, report. */
import { Badge, Button, Field, Select, Spinner, Switch, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { SEVERITIES, type Finding, type RuleId, type Severity } from "../domain/model";
import type { CheckSettings } from "../domain/settings";
import { countBySeverity, filterFindings, groupFindings, rulesPresent, type FindingFilter } from "./findingGroups";
import { FindingsList, SEVERITY_COLOR, severityName } from "./FindingsList";
import { FixPreviewDialog } from "./FixPreviewDialog";
import { kindName, usePanelStyles } from "./layout";
import { NoticeList, errorText, useTask, type Notice } from "./notices";
import { isFixable, type CheckResult, type FixPreview, type PaneServices } from "./services";
import { useStrings } from "./useStrings";

const useStyles = makeStyles({
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, listStyleType: "none", margin: 0, padding: 0 },
  filters: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))", gap: tokens.spacingHorizontalS },
  // A native select is as wide as its longest option unless told otherwise: rule names are long.
  filterField: { minWidth: 0 },
  filterSelect: { minWidth: 0, width: "100%", maxWidth: "100%" },
});

interface Props {
  services: PaneServices;
  /** Undefined while the saved settings load: checking waits for them. */
  settings?: CheckSettings;
  result?: CheckResult;
  /** Undefined once the marks are cleared: the list goes with them. */
  onResult(result: CheckResult | undefined): void;
}

export function ResultsTab({ services, settings, result, onResult }: Props) {
  const panel = usePanelStyles();
  const styles = useStyles();
  const { t, rules, format, locale } = useStrings();
  const task = useTask();
  const [filter, setFilter] = useState<FindingFilter>({});
  const [preview, setPreview] = useState<FixPreview[]>();
  const [applying, setApplying] = useState(false);
  const working = Boolean(task.busy) || applying;
  const [live, setLive] = useState<boolean>();
  useEffect(() => {
    let current = true;
    services.liveEnabled?.().then((on) => current && setLive(on), () => current && setLive(false));
    return () => {
      current = false;
    };
  }, [services]);
  const toggleLive = async (on: boolean) => {
    setLive(on);
    try {
      await services.setLiveEnabled?.(on);
    } catch (error) {
      task.fail(t.errorUnknown, error);
    }
  };

  const findings = useMemo(() => result?.findings ?? [], [result]);
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  const presentRules = useMemo(() => {
    const present = rulesPresent(findings);
    // A re-check may leave the chosen rule with no finding: keep it selectable so the filter stays visible.
    return filter.rule && !present.some((entry) => entry.rule === filter.rule) ? [...present, { rule: filter.rule, count: 0 }] : present;
  }, [findings, filter.rule]);
  const visible = useMemo(() => filterFindings(findings, filter), [findings, filter]);
  const groups = useMemo(() => groupFindings(visible), [visible]);
  const fixable = useMemo(() => visible.filter(isFixable), [visible]);
  const findingsTitleId = useId("pane-findings");

  const runCheck = async (current: CheckSettings) => {
    const outcome = await task.run(t.checking, t.errorCheck, () => services.check(current));
    if (outcome.ok) onResult(outcome.value);
    const skipped = outcome.ok ? (outcome.value.protectedSheets ?? []) : [];
    if (skipped.length > 0) task.show({ intent: "warning", text: format(t.protectedSheetsSkipped, { sheets: skipped.join("”, “") }) });
    return outcome.ok;
  };

  const clearMarks = async () => {
    const outcome = await task.run(t.clearingMarks, t.errorClear, () => services.clearMarks());
    if (!outcome.ok) return;
    onResult(undefined);
    setFilter({});
    task.show({ intent: "success", text: t.marksCleared });
  };

  const exportReport = async () => {
    const outcome = await task.run(t.exporting, t.errorExport, () => services.exportReport(findings));
    if (outcome.ok) task.show({ intent: "success", text: format(t.exported, { sheet: outcome.value }) });
  };

  const goTo = (finding: Finding) => {
    services.goToCell({ sheet: finding.sheet, row: finding.row, column: finding.column }).catch((error: unknown) => task.fail(t.errorGoTo, error));
  };

  const openPreview = (targets: Finding[]) => {
    // Idempotent: a second press while the preview is open changes nothing.
    if (preview) return;
    try {
      const fixes = services.previewFixes(targets);
      if (fixes.length === 0) task.show({ intent: "info", text: t.nothingToFix });
      else setPreview(fixes);
    } catch (error) {
      task.fail(t.errorFix, error);
    }
  };

  const applyFixes = async (fixes: FixPreview[]) => {
    setApplying(true);
    try {
      const outcome = await task.run(t.applying, t.errorFix, async () => {
        const counts = await services.applyFixes(fixes);
        // The fixed cells no longer hold those findings: check again so the list and the marks follow.
        let recheckError: unknown;
        if (counts.applied > 0 && settings) {
          try {
            onResult(await services.check(settings));
          } catch (error) {
            recheckError = error;
          }
        }
        return { counts, recheckError };
      });
      if (!outcome.ok) return;
      const { counts, recheckError } = outcome.value;
      const done: Notice = { intent: "success", text: format(t.fixOutcome, { applied: counts.applied, skipped: counts.skipped }) };
      if (recheckError === undefined) task.show(done);
      else task.show(done, { intent: "error", title: t.errorCheck, text: errorText(recheckError, t.errorUnknown) });
    } finally {
      setApplying(false);
      setPreview(undefined);
    }
  };

  return (
    <div className={panel.panel}>
      <div className={panel.actions}>
        <Button appearance="primary" disabled={!settings || working} onClick={() => settings && runCheck(settings)}>
          {t.checkButton}
        </Button>
        <Button disabled={working} onClick={clearMarks}>
          {t.clearMarks}
        </Button>
        <Button disabled={!result || working} onClick={exportReport}>
          {t.exportReport}
        </Button>
      </div>
      {live !== undefined && (
        <Switch checked={live} label={t.liveToggle} title={t.liveHint} onChange={(_, data) => void toggleLive(data.checked)} />
      )}
      {task.busy && <Spinner size="tiny" labelPosition="after" label={task.busy} />}
      <NoticeList notices={task.notices} onDismiss={task.dismiss} />

      <div role="status" aria-live="polite">
        {result ? (
          <p>
            {result.origin === "consolidation" && `${t.fromConsolidation} `}
            {format(t.summary, { time: formatTime(result.checkedAt, locale), errors: counts.error, warnings: counts.warning, infos: counts.info })}
            {findings.length === 0 && ` ${t.noFindings}`}
            {result.live && (
              <>
                <br />
                {result.live.error === undefined ? (
                  <span className={panel.hint}>
                    {result.live.rows === 0 && result.live.sheets && result.live.sheets.length > 0
                      ? format(t.liveStatusSheets, { sheets: result.live.sheets.map((sheet) => `“${sheet}”`).join(", "), time: formatClock(result.live.at, locale) })
                      : format(t.liveStatus, { rows: result.live.rows, time: formatClock(result.live.at, locale) })}
                  </span>
                ) : (
                  <span role="alert">{format(t.liveFailed, { time: formatClock(result.live.at, locale), detail: result.live.error })}</span>
                )}
              </>
            )}
          </p>
        ) : (
          <p className={panel.hint}>{settings ? t.noResultYet : t.settingsNotReady}</p>
        )}
      </div>

      {result && (
        <>
          <ul className={styles.counts} aria-label={t.countsLabel}>
            {SEVERITIES.map((severity) => (
              <li key={severity}>
                <Badge appearance={counts[severity] > 0 ? "filled" : "outline"} color={SEVERITY_COLOR[severity]} size="large">
                  {`${severityName(severity, t)}: ${counts[severity]}`}
                </Badge>
              </li>
            ))}
          </ul>

          <SheetsSummary result={result} />

          {findings.length > 0 && (
            <section className={panel.section} aria-labelledby={findingsTitleId}>
              <h3 id={findingsTitleId} className={panel.heading}>
                {t.findingsTitle}
              </h3>
              <div className={styles.filters}>
                <Field label={t.filterSeverity} className={styles.filterField}>
                  <Select
                    className={styles.filterSelect}
                    select={{ className: styles.filterSelect }}
                    value={filter.severity ?? ""}
                    onChange={(_, data) => setFilter((old) => ({ ...old, severity: (data.value || undefined) as Severity | undefined }))}
                  >
                    <option value="">{t.allSeverities}</option>
                    {SEVERITIES.map((severity) => (
                      <option key={severity} value={severity}>
                        {`${severityName(severity, t)} (${counts[severity]})`}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t.filterRule} className={styles.filterField}>
                  <Select
                    className={styles.filterSelect}
                    select={{ className: styles.filterSelect }}
                    value={filter.rule ?? ""}
                    onChange={(_, data) => setFilter((old) => ({ ...old, rule: (data.value || undefined) as RuleId | undefined }))}
                  >
                    <option value="">{t.allRules}</option>
                    {presentRules.map(({ rule, count }) => (
                      <option key={rule} value={rule} title={rule}>
                        {`${rules[rule]} (${count})`}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
              {fixable.length > 0 && (
                <div className={panel.actions}>
                  <Button disabled={working} onClick={() => openPreview(fixable)}>
                    {format(t.fixAll, { count: fixable.length })}
                  </Button>
                </div>
              )}
              {visible.length === 0 ? (
                <p className={panel.hint}>{t.filteredNone}</p>
              ) : (
                <FindingsList key={result.checkedAt} groups={groups} onGoTo={goTo} onFix={(finding) => openPreview([finding])} disabled={working} />
              )}
            </section>
          )}
        </>
      )}

      <FixPreviewDialog fixes={preview} applying={applying} onApply={applyFixes} onCancel={() => setPreview(undefined)} />
    </div>
  );
}

function SheetsSummary({ result }: { result: CheckResult }) {
  const panel = usePanelStyles();
  const { t, format } = useStrings();
  const templates = result.sheets.filter((sheet) => sheet.kind);
  const others = result.sheets.filter((sheet) => !sheet.kind);
  const templatesTitleId = useId("pane-sheets");
  const othersTitleId = useId("pane-others");
  return (
    <>
      <section className={panel.section} aria-labelledby={templatesTitleId}>
        <h3 id={templatesTitleId} className={panel.heading}>
          {t.sheetsRecognised}
        </h3>
        {templates.length === 0 ? (
          <p className={panel.hint}>{t.noTemplateSheets}</p>
        ) : (
          <ul className={panel.plainList} aria-labelledby={templatesTitleId}>
            {templates.map((sheet) => (
              <li key={sheet.sheet}>
                {format(t.sheetLine, { sheet: sheet.sheet, kind: sheet.kind ? kindName(sheet.kind, t) : "", count: sheet.delegations })}
                {sheet.farCellsNote && <p className={panel.hint}>{sheet.farCellsNote}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {others.length > 0 && (
        <section className={panel.section} aria-labelledby={othersTitleId}>
          <h3 id={othersTitleId} className={panel.heading}>
            {t.sheetsNotTemplates}
          </h3>
          <ul className={panel.plainList} aria-labelledby={othersTitleId}>
            {others.map((sheet) => (
              <li key={sheet.sheet}>
                {format(t.notTemplateLine, { sheet: sheet.sheet, reason: sheet.reason ?? "" })}
                {sheet.farCellsNote && <p className={panel.hint}>{sheet.farCellsNote}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** "14:05 12/03/2025" (vi) or "12/03/2025, 14:05" (en); the raw text if it is not a date. */
/** "10:42": the time of day only (the live status line). */
export function formatClock(iso: string, locale: "vi" | "en"): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleTimeString(locale === "vi" ? "vi-VN" : "en-GB", { hour: "2-digit", minute: "2-digit" });
}

export function formatTime(iso: string, locale: "vi" | "en"): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  });
}
