/**
 * Task pane entry (also the shared runtime of the ribbon commands): associates the ribbon's functions
 * at once (a later association loses the first click: office-js #5176, #3378), waits for Office, then
 * builds the Excel host and the services once, hands them to the ribbon commands and mounts the app.
 */
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { createConsolidationServices } from "../app/consolidation";
import { createPaneServices, type AppServices } from "../app/paneServices";
import { detectHost, officeDisplayLocale } from "../excel/environment";
import { ExcelWorkbookHost } from "../excel/ExcelWorkbookHost";
import {
  associateRibbonCommands,
  clearCommandError,
  lastCommandError,
  onCommandError,
  onTabRequest,
  pendingTabRequest,
  provideRibbonHandlers,
  tabRequestShown,
} from "../excel/ribbon";
import { sharedStorage } from "../excel/storage";
import { settingsMarkStateStore } from "../excel/markState";
import { documentSettingsStorage } from "../excel/storage";
import { stringsFor } from "../i18n";
import { App, type PaneTab } from "./App";
import { ConsolidationTab } from "./ConsolidationTab";
import type { ConsolidationServices } from "./consolidationServices";
import { CommandError } from "./CommandError";
import { Shell } from "./Shell";
import { localeFromSearch } from "./shell/locale";

// Synchronously, while the runtime's script loads (before Office.onReady and the services).
associateRibbonCommands();

const container = document.getElementById("root");
if (!container) throw new Error("taskpane.html has no #root element");

let services: AppServices | undefined;
let consolidation: ConsolidationServices | undefined;

// Defined once so the shell's effect does not re-run detection on every render.
const detect = async () => {
  const environment = await detectHost();
  if (environment.kind === "excel" && !services) {
    const locale = officeDisplayLocale();
    const host = new ExcelWorkbookHost({ locale });
    // One storage for settings and for plans sent between workbooks (keyed with Office.context.partitionKey).
    const storage = sharedStorage();
    // The self-test's code loads when it is first run, not on the pane's start-up path.
    const selfTest = () => import(/* webpackChunkName: "self-test-excel" */ "../excel/selfTest").then(({ excelSelfTest }) => excelSelfTest({ storage }));
    services = createPaneServices(host, { storage, defaultLocale: locale, documentSettings: documentSettingsStorage(), selfTest });
    // Registered here, in the shared runtime: edits are followed with the pane closed too. Its code loads
    // after the pane (a live session only starts with a check).
    const live = services;
    void import(/* webpackChunkName: "live-check-excel" */ "../excel/liveCheck").then(
      ({ ExcelLiveCheck }) =>
        new ExcelLiveCheck(live, {
          notes: host.capabilities.notes,
          store: settingsMarkStateStore(),
          // Shown in the pane's status line (live checking stops until the next check); the console keeps the stack.
          onError: (error) => {
            console.error("Kiểm tra khi nhập liệu:", error);
            live.liveFailed(error);
          },
        }),
    );
    consolidation = createConsolidationServices(host, { pane: services, storage });
    const ready = services;
    provideRibbonHandlers(
      {
        checkWorkbook: async () => void (await ready.checkWithSavedSettings()),
      },
      { locale },
    );
  }
  return environment;
};

const locale = localeFromSearch(window.location.search);

/** The pane, switched to the tab the ribbon's "Tổng hợp" asks for at each press. */
function RibbonFollowingApp({ services: ready, consolidation: tab }: { services: AppServices; consolidation?: ConsolidationServices }) {
  const [requested, setRequested] = useState<PaneTab | undefined>(pendingTabRequest);
  useEffect(() => onTabRequest((next) => setRequested(next)), []);
  useEffect(() => {
    if (!requested) return;
    // Shown: back to no request, so the next press (same tab) switches again.
    tabRequestShown();
    setRequested(undefined);
  }, [requested]);
  return <App services={ready} initialTab={requested} locale={officeDisplayLocale()} consolidation={tab && <ConsolidationTab services={tab} />} />;
}

createRoot(container).render(
  <StrictMode>
    <Shell
      detect={detect}
      locale={locale}
      renderApp={() =>
        services && (
          <>
            <CommandError current={lastCommandError} subscribe={onCommandError} dismiss={clearCommandError} dismissLabel={stringsFor(locale).pane.dismiss} />
            <RibbonFollowingApp services={services} consolidation={consolidation} />
          </>
        )
      }
    />
  </StrictMode>,
);
