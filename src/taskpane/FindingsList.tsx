/** Findings grouped by sheet, then by rule, in collapsible sections; each finding selects its cell. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  Badge,
  Button,
  makeStyles,
  renderAccordionPanel_unstable,
  tokens,
  useAccordionPanelStyles_unstable,
  useAccordionPanel_unstable,
  type AccordionPanelProps,
} from "@fluentui/react-components";
import { forwardRef, useState, type KeyboardEvent } from "react";
import type { Finding, Severity } from "../domain/model";
import type { SheetGroup } from "./findingGroups";
import { isFixable } from "./services";
import { useStrings, type PaneStrings } from "./useStrings";

/** Findings rendered per rule group before "show more": keeps a 10,000-row result responsive. */
export const PAGE_SIZE = 100;

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  finding: {
    flexGrow: 1,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    textAlign: "start",
    whiteSpace: "normal",
    overflowWrap: "anywhere",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  cellLine: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center", fontWeight: tokens.fontWeightSemibold },
  suggestion: { color: tokens.colorBrandForeground1 },
  header: { overflowWrap: "anywhere", whiteSpace: "normal" },
});

/**
 * Fluent's AccordionPanel with `inert` as React 18 writes it: Fluent sets `inert: true` on a closing
 * panel, which React 18 drops (with a warning) as an unknown non-boolean attribute, so the collapsing
 * panel's buttons stayed focusable. The empty string is the attribute's "on" form in React 18.
 */
const AccordionPanel = forwardRef<HTMLDivElement, AccordionPanelProps>((props, ref) => {
  const state = useAccordionPanel_unstable(props, ref);
  useAccordionPanelStyles_unstable(state);
  const root = state.root as { inert?: unknown };
  if (root.inert === true) root.inert = "";
  return renderAccordionPanel_unstable(state);
});
AccordionPanel.displayName = "AccordionPanel";

export const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export function severityName(severity: Severity, t: PaneStrings["t"]): string {
  return severity === "error" ? t.severityError : severity === "warning" ? t.severityWarning : t.severityInfo;
}

interface Props {
  groups: SheetGroup[];
  onGoTo(finding: Finding): void;
  onFix(finding: Finding): void;
  disabled: boolean;
}

export function FindingsList({ groups, onGoTo, onFix, disabled }: Props) {
  const styles = useStyles();
  const { t, rules, format } = useStrings();
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  // Rule groups start open when the list is short enough to read at a glance.
  const openRules = total <= PAGE_SIZE;
  return (
    <Accordion multiple collapsible defaultOpenItems={groups.map((group) => group.key)}>
      {groups.map((group) => (
        <AccordionItem key={group.key} value={group.key}>
          <AccordionHeader as="h4" className={styles.header}>
            {format(t.groupCount, { name: group.file ? `${group.file} › ${group.sheet}` : group.sheet, count: group.count })}
          </AccordionHeader>
          <AccordionPanel>
            <Accordion multiple collapsible defaultOpenItems={openRules ? group.rules.map((rule) => rule.rule) : []}>
              {group.rules.map((ruleGroup) => (
                <AccordionItem key={ruleGroup.rule} value={ruleGroup.rule}>
                  {/* The rule's id only as a tooltip: people read its name. */}
                  <AccordionHeader as="h5" size="small" className={styles.header} title={ruleGroup.rule}>
                    {format(t.groupCount, { name: rules[ruleGroup.rule], count: ruleGroup.findings.length })}
                  </AccordionHeader>
                  <AccordionPanel>
                    <RuleFindings findings={ruleGroup.findings} onGoTo={onGoTo} onFix={onFix} disabled={disabled} />
                  </AccordionPanel>
                </AccordionItem>
              ))}
            </Accordion>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

function RuleFindings({ findings, onGoTo, onFix, disabled }: { findings: Finding[] } & Omit<Props, "groups">) {
  const styles = useStyles();
  const strings = useStrings();
  const { t, format, locale } = strings;
  const [shown, setShown] = useState(PAGE_SIZE);
  const goOnEnter = (event: KeyboardEvent, finding: Finding) => {
    if (event.key !== "Enter") return;
    // The browser would also turn Enter into a click: handle it once, here.
    event.preventDefault();
    onGoTo(finding);
  };
  return (
    <>
      <ul className={styles.list}>
        {findings.slice(0, shown).map((finding, index) => (
          <li key={`${finding.row}:${finding.column}:${index}`} className={styles.item}>
            <button
              type="button"
              className={styles.finding}
              title={format(t.goToCell, { cell: finding.cell, sheet: finding.sheet })}
              onClick={() => onGoTo(finding)}
              onKeyDown={(event) => goOnEnter(event, finding)}
            >
              <span className={styles.cellLine}>
                <span>{format(t.findingCell, { cell: finding.cell })}</span>
                <Badge size="small" appearance="tint" color={SEVERITY_COLOR[finding.severity]}>
                  {severityName(finding.severity, t)}
                </Badge>
              </span>
              <span>{locale === "en" ? finding.messageEn : finding.message}</span>
              {finding.suggestion && <span className={styles.suggestion}>{format(t.suggestion, { value: finding.suggestion })}</span>}
            </button>
            {isFixable(finding) && (
              <Button
                size="small"
                disabled={disabled}
                aria-label={format(t.fixCellLabel, { cell: finding.cell, value: finding.suggestion ?? "" })}
                onClick={() => onFix(finding)}
              >
                {t.fix}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {findings.length > shown && (
        <Button appearance="subtle" onClick={() => setShown((count) => count + PAGE_SIZE)}>
          {format(t.showMore, { count: findings.length - shown })}
        </Button>
      )}
    </>
  );
}
