/** What the merge did: rows per master sheet, the statistics, delegations left out and why, cross-unit findings. */
import { Link, makeStyles, tokens, useId } from "@fluentui/react-components";
import type { MergeSummary } from "../consolidationServices";
import { usePanelStyles } from "../layout";
import { usePaneNavigation } from "../navigation";
import { formatTime } from "../ResultsTab";
import { readFailureText } from "../../i18n";
import { useConsolidationStrings } from "./strings";

const useStyles = makeStyles({
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  text: { margin: 0 },
});

interface Props {
  summary: MergeSummary;
  onShowSheet(sheet: string): void;
}

export function MergeSummaryView({ summary, onShowSheet }: Props) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const navigation = usePaneNavigation();
  const { c, format, locale } = useConsolidationStrings();
  const titleId = useId("merge-summary");
  const { findings } = summary;

  return (
    <section className={panel.section} aria-labelledby={titleId}>
      <h3 id={titleId} className={panel.heading}>
        {c.summaryTitle}
      </h3>
      <p className={styles.text}>{format(c.summaryDone, { units: summary.units.length, time: formatTime(summary.mergedAt, locale) })}</p>
      <p className={styles.text}>
        {format(summary.planYear.source === "titles" ? c.summaryYearTitles : summary.planYear.source === "settings" ? c.summaryYearSettings : c.summaryYearChosen, {
          year: summary.planYear.year,
        })}
      </p>
      <ul className={styles.lines}>
        {summary.sheets.map((sheet) => (
          <li key={sheet.sheet}>
            <Link as="button" title={format(c.goToSheet, { sheet: sheet.sheet })} onClick={() => onShowSheet(sheet.sheet)}>
              {format(c.summarySheet, { sheet: sheet.sheet, count: sheet.fromUnits })}
            </Link>
            {sheet.byHand > 0 && `; ${format(c.summaryHandRows, { count: sheet.byHand })}`}
          </li>
        ))}
        <li>
          <Link as="button" title={format(c.goToSheet, { sheet: summary.statisticsSheet })} onClick={() => onShowSheet(summary.statisticsSheet)}>
            {format(c.summaryStatistics, { sheet: summary.statisticsSheet })}
          </Link>
          {summary.charts > 0 && ` ${format(c.summaryCharts, { count: summary.charts })}`}
        </li>
      </ul>

      <p className={styles.text}>
        {findings.total > 0 ? format(c.summaryFindings, { ...findings }) : c.summaryNoFindings}{" "}
        {findings.total > 0 && navigation && (
          <Link as="button" onClick={() => navigation.showTab("check")}>
            {c.showFindings}
          </Link>
        )}
      </p>

      {summary.excluded.length > 0 ? (
        <>
          <p className={styles.text}>{format(c.summaryExcludedTitle, { count: summary.excluded.length })}</p>
          <ul className={styles.lines}>
            {summary.excluded.map((e) => (
              <li key={`${e.file}|${e.sheet}|${e.row}`}>{format(c.summaryExcludedLine, { unit: e.unit, sheet: e.sheet, row: e.row, label: e.label, reason: e.reason })}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className={styles.text}>{c.summaryNoExcluded}</p>
      )}

      {summary.missingUnits ? (
        summary.missingUnits.missing.length > 0 ? (
          <>
            <p className={styles.text}>{format(c.summaryMissingUnitsTitle, { count: summary.missingUnits.missing.length, expected: summary.missingUnits.expected })}</p>
            <ul className={styles.lines} aria-label={format(c.summaryMissingUnitsTitle, { count: summary.missingUnits.missing.length, expected: summary.missingUnits.expected })}>
              {summary.missingUnits.missing.map((unit) => (
                <li key={unit}>{unit}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className={styles.text}>{format(c.summaryNoMissingUnits, { expected: summary.missingUnits.expected })}</p>
        )
      ) : (
        summary.unitsSheet && <p className={styles.text}>{format(c.summaryNoUnitList, { sheet: summary.unitsSheet })}</p>
      )}

      {summary.skipped.length > 0 && (
        <>
          <p className={styles.text}>{c.summarySkippedTitle}</p>
          <ul className={styles.lines}>
            {summary.skipped.map((s, index) => (
              <li key={index}>
                {format(c.summarySkippedLine, { file: s.fileName, problem: s.readReason !== undefined ? readFailureText({ reason: s.readReason, message: s.problem }, locale) : s.problem })}
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.warnings.length > 0 && (
        <>
          <p className={styles.text}>{c.summaryWarningsTitle}</p>
          <ul className={styles.lines}>
            {summary.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
