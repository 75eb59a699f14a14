/** The "Tổng hợp" tab's strings in the pane's language (plus the pane's own, for kinds and generic errors). */
import { useMemo } from "react";
import { stringsFor, type Strings } from "../../i18n";
import type { PlanKind } from "../../domain/model";
import { kindName } from "../layout";
import { useStrings, type PaneStrings } from "../useStrings";

export interface ConsolidationStrings extends PaneStrings {
  c: Strings["consolidation"];
  kind(kind: PlanKind): string;
}

export function useConsolidationStrings(): ConsolidationStrings {
  const pane = useStrings();
  return useMemo(() => ({ ...pane, c: stringsFor(pane.locale).consolidation, kind: (kind: PlanKind) => kindName(kind, pane.t) }), [pane]);
}
