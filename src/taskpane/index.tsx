/**
 * Task pane entry (also the shared runtime of the ribbon commands): waits for Office, then builds the
 * Excel host and the services once, registers the ribbon's "Kiểm tra" and mounts the app.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createConsolidationServices } from "../app/consolidation";
import { createPaneServices, type AppServices } from "../app/paneServices";
import { detectHost, officeDisplayLocale } from "../excel/environment";
import { ExcelWorkbookHost } from "../excel/ExcelWorkbookHost";
import { settingsMarkStateStore } from "../excel/markState";
import { clearCommandError, lastCommandError, onCommandError, registerRibbonCommands } from "../excel/ribbon";
import { documentSettingsStorage, sharedStorage } from "../excel/storage";
import { stringsFor } from "../i18n";
import { App } from "./App";
import { ConsolidationTab } from "./ConsolidationTab";
import type { ConsolidationServices } from "./consolidationServices";
import { CommandError } from "./CommandError";
import { Shell } from "./Shell";
import { localeFromSearch } from "./shell/locale";

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
    services = createPaneServices(host, { storage, defaultLocale: locale, documentSettings: documentSettingsStorage() });
    // Registered here, in the shared runtime: edits are followed with the pane closed too. Its code loads
    // after the pane (a live session only starts with a check).
    const live = services;
    void import(/* webpackChunkName: "live-check-excel" */ "../excel/liveCheck").then(
      ({ ExcelLiveCheck }) => new ExcelLiveCheck(live, { notes: host.capabilities.notes, store: settingsMarkStateStore(), onError: (error) => console.error("Kiểm tra khi nhập liệu:", error) }),
    );
    consolidation = createConsolidationServices(host, { pane: services, storage });
    const ready = services;
    registerRibbonCommands({ checkWorkbook: async () => void (await ready.checkWithSavedSettings()) }, { locale });
  }
  return environment;
};

const locale = localeFromSearch(window.location.search);

createRoot(container).render(
  <StrictMode>
    <Shell
      detect={detect}
      locale={locale}
      renderApp={() =>
        services && (
          <>
            <CommandError current={lastCommandError} subscribe={onCommandError} dismiss={clearCommandError} dismissLabel={stringsFor(locale).pane.dismiss} />
            <App services={services} locale={officeDisplayLocale()} consolidation={consolidation && <ConsolidationTab services={consolidation} />} />
          </>
        )
      }
    />
  </StrictMode>,
);
