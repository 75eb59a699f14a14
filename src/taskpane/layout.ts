/** Styles shared by the tabs: everything wraps, so the pane works at its narrow default width (~320px). */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { PlanKind } from "../domain/model";
import type { Strings } from "../i18n";

export const usePanelStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  plainList: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  hint: { color: tokens.colorNeutralForeground3, margin: 0 },
  fullWidth: { width: "100%", maxWidth: "100%", minWidth: 0 },
  details: { "& > summary": { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, paddingBlock: tokens.spacingVerticalXS } },
  /** Read by screen readers and reachable by keyboard, not shown. */
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

export function kindName(kind: PlanKind, t: Strings["pane"]): string {
  switch (kind) {
    case "outbound":
      return t.kindOutbound;
    case "inbound":
      return t.kindInbound;
    case "people":
      return t.kindPeople;
  }
}
