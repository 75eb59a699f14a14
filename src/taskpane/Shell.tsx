/**
 * The task pane shell: waits for the host, explains why the pane cannot run when it cannot
 * (outside Excel, or an Excel too old), and otherwise renders the app given by `renderApp`.
 */
import { useEffect, useState, type ReactNode } from "react";
import { FluentProvider, Link, Spinner, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { HostEnvironment } from "../excel/environment";
import { format, stringsFor, type Locale } from "../i18n";
import { Paragraph, ShellMessage } from "./shell/ShellMessage";
import { usePanelStyles } from "./layout";

export interface ShellProps {
  /** Resolves once it is known where the pane runs (detectHost from src/excel/environment.ts). */
  detect: () => Promise<HostEnvironment>;
  /** The pane itself, rendered once Excel is ready. */
  renderApp?: () => ReactNode;
  locale?: Locale;
  /** Where the browser preview lives, relative to taskpane.html. */
  playgroundUrl?: string;
  /** The setup steps of the help page, relative to taskpane.html. */
  setupGuideUrl?: string;
}

const useStyles = makeStyles({
  provider: { minHeight: "100vh" },
  waiting: { paddingTop: tokens.spacingVerticalXXXL },
});

export function Shell({ detect, renderApp, locale = "vi", playgroundUrl = "playground.html", setupGuideUrl = "assets/help.html#cai-dat" }: ShellProps) {
  const [environment, setEnvironment] = useState<HostEnvironment | undefined>(undefined);
  const styles = useStyles();
  const hidden = usePanelStyles();
  const t = stringsFor(locale).shell;

  useEffect(() => {
    let current = true;
    detect().then(
      (found) => current && setEnvironment(found),
      () => current && setEnvironment({ kind: "no-office", reason: "no-host" }),
    );
    return () => {
      current = false;
    };
  }, [detect]);

  let content: ReactNode;
  if (!environment) {
    content = <Spinner className={styles.waiting} label={t.connecting} labelPosition="below" />;
  } else if (environment.kind === "no-office") {
    content = (
      <ShellMessage title={environment.reason === "office-js-missing" ? t.officeJsMissingTitle : t.noOfficeTitle}>
        <Paragraph>
          {environment.reason === "office-js-missing" ? (
            <>
              {t.officeJsMissing} (<Link href={setupGuideUrl}>{t.setupGuideLink}</Link>).
            </>
          ) : (
            t.noOfficeBody
          )}
        </Paragraph>
        <Paragraph>
          {t.playgroundHint} <Link href={playgroundUrl}>{t.playgroundLink}</Link>
        </Paragraph>
      </ShellMessage>
    );
  } else if (environment.kind === "excel-too-old") {
    content = (
      <ShellMessage title={t.tooOldTitle}>
        <Paragraph>{environment.reason === "webview" ? t.tooOldWebview : format(t.tooOldApiSet, { requirement: environment.needed })}</Paragraph>
        <Paragraph>{format(t.tooOldNeeded, { versions: t.neededVersions })}</Paragraph>
      </ShellMessage>
    );
  } else {
    content = (
      <>
        {/* The page's title for screen readers; the ribbon's pane header already shows it. */}
        <h1 className={hidden.visuallyHidden}>{t.appName}</h1>
        {renderApp ? renderApp() : <Paragraph>{t.ready}</Paragraph>}
      </>
    );
  }

  return (
    <FluentProvider theme={webLightTheme} className={styles.provider} lang={locale}>
      {content}
    </FluentProvider>
  );
}
