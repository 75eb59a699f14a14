/** Plans sent from other workbooks through the add-in's shared storage: listed, included in the merge, deleted. */
import { Button, Spinner, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { ConsolidationServices, SentPlanEntry, UnitSource } from "../consolidationServices";
import { usePanelStyles } from "../layout";
import { usePaneNavigation } from "../navigation";
import { NoticeList, useTask } from "../notices";
import { formatTime } from "../ResultsTab";
import { useConsolidationStrings } from "./strings";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  text: { margin: 0 },
});

interface Props {
  services: ConsolidationServices;
  /** Bumped by the parent when the list may have changed (a plan was just sent from this workbook). */
  version: number;
  disabled: boolean;
  onSources(sources: UnitSource[]): void;
}

export function SentPlans({ services, version, disabled, onSources }: Props) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const { c, format, locale, kind } = useConsolidationStrings();
  const task = useTask();
  const { run } = task;
  const [entries, setEntries] = useState<SentPlanEntry[]>();
  const titleId = useId("sent-plans");

  const load = useCallback(async () => {
    const outcome = await run(c.sentLoading, c.errorSent, () => services.listSentPlans());
    setEntries(outcome.ok ? outcome.value : []);
  }, [run, c, services]);

  // Read when the tab is shown (not at the pane's start: the list loads the consolidation code), and again
  // each time it is shown again: plans sent meanwhile from other workbooks appear.
  const navigation = usePaneNavigation();
  const shown = navigation === undefined || navigation.activeTab === "consolidate";
  useEffect(() => {
    if (shown) void load();
  }, [load, version, shown]);

  const include = async (entry: SentPlanEntry) => {
    const outcome = await run(c.sentLoading, c.errorInclude, () => services.includeSentPlan(entry.key));
    if (!outcome.ok) return;
    onSources(outcome.value);
    setEntries((old) => old?.map((other) => (other.key === entry.key ? { ...other, included: true } : other)));
  };

  const remove = async (entry: SentPlanEntry) => {
    const outcome = await run(c.sentLoading, c.errorDelete, () => services.deleteSentPlan(entry.key));
    if (!outcome.ok) return;
    setEntries(outcome.value);
    onSources(services.sources());
  };

  const busy = disabled || Boolean(task.busy);
  return (
    <section className={panel.section} aria-labelledby={titleId}>
      <h3 id={titleId} className={panel.heading}>
        {c.sentTitle}
      </h3>
      <p className={panel.hint}>{c.sentNote}</p>
      {entries === undefined ? null : entries.length === 0 ? (
        <p className={styles.text}>{c.sentEmpty}</p>
      ) : (
        <ul className={styles.list} aria-label={c.sentListLabel}>
          {entries.map((entry) => (
            <li key={entry.key} className={styles.item}>
              <p className={styles.text}>
                {format(c.sentLine, {
                  unit: entry.unitName,
                  workbook: entry.workbookName,
                  time: formatTime(entry.sentAt, locale),
                  count: entry.delegations,
                  kinds: entry.kinds.map(kind).join(", "),
                })}
              </p>
              {entry.problem && <p className={panel.hint}>{entry.problem}</p>}
              <div className={panel.actions}>
                {!entry.problem && (
                  <Button
                    size="small"
                    appearance={entry.included ? "secondary" : "primary"}
                    disabled={busy}
                    aria-label={format(entry.included ? c.reincludeLabel : c.includeLabel, { unit: entry.unitName })}
                    onClick={() => include(entry)}
                  >
                    {entry.included ? c.reinclude : c.include}
                  </Button>
                )}
                <Button size="small" disabled={busy} aria-label={format(c.deleteSentLabel, { unit: entry.unitName })} onClick={() => remove(entry)}>
                  {c.deleteSent}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className={panel.actions}>
        <Button size="small" disabled={busy} onClick={() => void load()}>
          {c.refreshSent}
        </Button>
      </div>
      {task.busy && <Spinner size="tiny" labelPosition="after" label={task.busy} />}
      <NoticeList notices={task.notices} onDismiss={task.dismiss} />
    </section>
  );
}
