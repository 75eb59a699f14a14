/**
 * Lets content mounted in a tab (the "Tổng hợp" slot, given to App from outside) switch the pane's tab,
 * e.g. "see the findings in the Kiểm tra tab", and know whether its tab is shown. Undefined outside App.
 */
import { createContext, useContext } from "react";
import type { PaneTab } from "./App";

export interface PaneNavigation {
  /** The tab shown now: content can wait until its tab is shown before loading anything. */
  activeTab: PaneTab;
  showTab(tab: PaneTab): void;
}

export const PaneNavigationContext = createContext<PaneNavigation | undefined>(undefined);

export function usePaneNavigation(): PaneNavigation | undefined {
  return useContext(PaneNavigationContext);
}
