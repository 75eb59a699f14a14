/**
 * The task pane: four tabs over the PaneServices contract. Components get plain data and the
 * services object; nothing here calls Office or orchestrates the domain.
 * Expects a FluentProvider around it (the shell provides one).
 */
import { Spinner, Tab, TabList, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { CheckSettings } from "../domain/settings";
import type { Locale } from "../i18n";
import { ErrorBoundary } from "./ErrorBoundary";
import { usePanelStyles } from "./layout";
import { ListsTab } from "./ListsTab";
import { PaneNavigationContext, type PaneNavigation } from "./navigation";
import { NoticeList, errorText, type Notice } from "./notices";
import { ResultsTab } from "./ResultsTab";
import type { CheckResult, PaneServices } from "./services";
import { SettingsTab } from "./SettingsTab";
import { LocaleProvider, useStrings } from "./useStrings";

export const PANE_TABS = ["check", "lists", "consolidate", "settings"] as const;
export type PaneTab = (typeof PANE_TABS)[number];

export interface AppProps {
  services: PaneServices;
  /** The tab to show first (the ribbon's "Tổng hợp" opens "consolidate"); a new value switches to it. */
  initialTab?: PaneTab;
  /**
   * Language until the saved settings load; from then on the language chosen in "Cài đặt" rules. A later
   * new value (the playground's language button) switches the pane and is saved as its setting.
   */
  locale?: Locale;
  /** Told the pane's language whenever the settings load or change it, so a host can follow. */
  onLocaleChange?(locale: Locale): void;
  /** Content of the "Tổng hợp" tab (the consolidation feature); `children` works too. */
  consolidation?: ReactNode;
  children?: ReactNode;
}

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    width: "100%",
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    fontFamily: tokens.fontFamilyBase,
    overflowWrap: "anywhere",
  },
  tabs: { flexWrap: "wrap" },
  // Four Vietnamese tab names fit on one row of the default pane (~320px, minus the scrollbar).
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
});

export function App({ services, initialTab, locale: initialLocale, onLocaleChange, consolidation, children }: AppProps) {
  const [settings, setSettings] = useState<CheckSettings>();
  const [settingsNotice, setSettingsNotice] = useState<unknown>();
  const fallbackLocale = useRef<Locale>(initialLocale ?? "vi");

  useEffect(() => {
    let current = true;
    // Through a promise so a service that throws synchronously is handled like one that rejects.
    Promise.resolve()
      .then(() => services.loadSettings())
      .then(
        (loaded) => current && setSettings(loaded),
        (error: unknown) => {
          if (!current) return;
          setSettingsNotice(error ?? new Error());
          setSettings(defaultSettings(services, fallbackLocale.current));
        },
      );
    return () => {
      current = false;
    };
  }, [services]);

  // The host asks for another language (only a change counts: on mount the saved settings win).
  const requestedLocale = useRef(initialLocale);
  useEffect(() => {
    if (!settings || !initialLocale || initialLocale === requestedLocale.current) return;
    requestedLocale.current = initialLocale;
    if (settings.locale === initialLocale) return;
    const next = { ...settings, locale: initialLocale };
    setSettings(next);
    Promise.resolve()
      .then(() => services.saveSettings(next))
      .catch((error: unknown) => setSettingsNotice(error ?? new Error()));
  }, [initialLocale, settings, services]);

  const settingsLocale = settings?.locale;
  const reportLocale = useRef(onLocaleChange);
  reportLocale.current = onLocaleChange;
  useEffect(() => {
    if (!settingsLocale) return;
    requestedLocale.current = settingsLocale;
    reportLocale.current?.(settingsLocale);
  }, [settingsLocale]);

  const locale = settings?.locale ?? initialLocale ?? "vi";
  return (
    <LocaleProvider locale={locale}>
      <ErrorBoundary>
        <Pane
          services={services}
          settings={settings}
          onSettingsSaved={setSettings}
          settingsError={settingsNotice}
          onDismissSettingsError={() => setSettingsNotice(undefined)}
          initialTab={initialTab}
          consolidation={consolidation ?? children}
        />
      </ErrorBoundary>
    </LocaleProvider>
  );
}

/** Used when the saved settings cannot be read: the pane still works. */
function defaultSettings(services: PaneServices, locale: Locale): CheckSettings {
  let profileId = "default";
  try {
    profileId = services.listProfiles()[0]?.id ?? profileId;
  } catch {
    // The settings tab reports a failing profile list; the default id is still a valid choice.
  }
  return { profileId, year: new Date().getFullYear(), locale };
}

interface PaneProps {
  services: PaneServices;
  settings?: CheckSettings;
  onSettingsSaved(settings: CheckSettings): void;
  settingsError: unknown;
  onDismissSettingsError(): void;
  initialTab?: PaneTab;
  consolidation?: ReactNode;
}

function Pane({ services, settings, onSettingsSaved, settingsError, onDismissSettingsError, initialTab, consolidation }: PaneProps) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const { t } = useStrings();
  const baseId = useId("pane");
  const [tab, setTab] = useState<PaneTab>(initialTab ?? "check");
  const [result, setResult] = useState<CheckResult | undefined>(() => services.latestResult());

  useEffect(() => {
    if (initialTab) setTab(initialTab);
  }, [initialTab]);

  // A check run from the ribbon arrives here: show its results. A merge's findings are listed too, but
  // the "Tổng hợp" tab stays open on its summary (which links here).
  useEffect(
    () =>
      services.subscribe((next) => {
        setResult(next);
        if (next.origin !== "consolidation") setTab("check");
      }),
    [services],
  );
  const navigation = useMemo<PaneNavigation>(() => ({ activeTab: tab, showTab: setTab }), [tab]);

  const labels: Record<PaneTab, string> = {
    check: t.tabCheck,
    lists: t.tabLists,
    consolidate: t.tabConsolidate,
    settings: t.tabSettings,
  };
  const notices: Notice[] =
    settingsError === undefined ? [] : [{ intent: "warning", title: t.errorSettingsLoad, text: errorText(settingsError, t.errorUnknown) }];

  const content = (value: PaneTab): ReactNode => {
    switch (value) {
      case "check":
        return <ResultsTab services={services} settings={settings} result={result} onResult={setResult} />;
      case "lists":
        return <ListsTab services={services} />;
      case "consolidate":
        return consolidation ?? <p className={panel.hint}>{t.consolidateNote}</p>;
      case "settings":
        return settings ? (
          <SettingsTab services={services} settings={settings} onSaved={onSettingsSaved} />
        ) : (
          <Spinner size="tiny" labelPosition="after" label={t.loadingSettings} />
        );
    }
  };

  return (
    <PaneNavigationContext.Provider value={navigation}>
      <div className={styles.root}>
        <TabList
          className={styles.tabs}
          size="small"
          aria-label={t.tabsLabel}
          selectedValue={tab}
          onTabSelect={(_, data) => setTab(data.value as PaneTab)}
        >
          {PANE_TABS.map((value) => (
            <Tab key={value} className={styles.tab} id={`${baseId}-tab-${value}`} value={value} aria-controls={`${baseId}-panel-${value}`}>
              {labels[value]}
            </Tab>
          ))}
        </TabList>
        <NoticeList notices={notices} onDismiss={onDismissSettingsError} />
        {PANE_TABS.map((value) => (
          // Panels stay mounted while hidden so filters and unsaved settings survive a tab switch.
          <div key={value} role="tabpanel" id={`${baseId}-panel-${value}`} aria-labelledby={`${baseId}-tab-${value}`} hidden={tab !== value}>
            {/* Each panel's sections (h3) sit under a heading that names it, so heading navigation has no gap. */}
            {/* Read by screen readers, not shown: the tab strip already says where one is. */}
            <h2 className={panel.visuallyHidden}>{labels[value]}</h2>
            <ErrorBoundary>{content(value)}</ErrorBoundary>
          </div>
        ))}
      </div>
    </PaneNavigationContext.Provider>
  );
}
