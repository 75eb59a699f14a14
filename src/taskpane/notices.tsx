/** Outcome messages (success, info, every failure) shown as Fluent MessageBars in a live region. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { useStrings } from "./useStrings";

export interface Notice {
  intent: "success" | "info" | "warning" | "error";
  title?: string;
  text?: string;
  /** Listed under the text (e.g. every error of a profile file). */
  items?: string[];
}

/** The error's own message (services reject with Vietnamese messages), else the generic one. */
export function errorText(error: unknown, unknown: string): string {
  if (error instanceof Error && error.message.trim()) return error.message;
  if (typeof error === "string" && error.trim()) return error;
  return unknown;
}

const useStyles = makeStyles({
  region: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  body: { overflowWrap: "anywhere", whiteSpace: "normal" },
  items: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
});

export function NoticeList({ notices, onDismiss }: { notices: Notice[]; onDismiss?: (index: number) => void }) {
  const styles = useStyles();
  const { t } = useStrings();
  return (
    <div className={styles.region} aria-live="polite">
      {notices.map((notice, index) => (
        // Errors interrupt (role alert); other outcomes are read politely through the region.
        <MessageBar key={index} intent={notice.intent} layout="multiline" role={notice.intent === "error" ? "alert" : undefined}>
          <MessageBarBody className={styles.body}>
            {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
            {notice.text}
            {notice.items && notice.items.length > 0 && (
              <ul className={styles.items}>
                {notice.items.map((item, itemIndex) => (
                  <li key={itemIndex}>{item}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
          {onDismiss && (
            <MessageBarActions
              containerAction={<Button appearance="transparent" size="small" aria-label={t.dismiss} onClick={() => onDismiss(index)}>×</Button>}
            />
          )}
        </MessageBar>
      ))}
    </div>
  );
}

export type Outcome<T> = { ok: true; value: T } | { ok: false };

export interface Task {
  /** The label of the running action, shown next to the spinner. */
  busy?: string;
  notices: Notice[];
  show(...notices: Notice[]): void;
  dismiss(index: number): void;
  /**
   * Runs one action: spinner with `busyLabel`, clears older notices, and turns a rejection into an
   * error notice titled `errorTitle`.
   */
  run<T>(busyLabel: string, errorTitle: string, action: () => Promise<T>): Promise<Outcome<T>>;
  fail(errorTitle: string, error: unknown): void;
}

export function useTask(): Task {
  const { t } = useStrings();
  const [busy, setBusy] = useState<string>();
  const [notices, setNotices] = useState<Notice[]>([]);
  const show = useCallback((...next: Notice[]) => setNotices(next), []);
  const dismiss = useCallback((index: number) => setNotices((old) => old.filter((_, i) => i !== index)), []);
  const fail = useCallback(
    (errorTitle: string, error: unknown) => setNotices([{ intent: "error", title: errorTitle, text: errorText(error, t.errorUnknown) }]),
    [t],
  );
  const run = useCallback(
    async <T,>(busyLabel: string, errorTitle: string, action: () => Promise<T>): Promise<Outcome<T>> => {
      setBusy(busyLabel);
      setNotices([]);
      try {
        return { ok: true, value: await action() };
      } catch (error) {
        fail(errorTitle, error);
        return { ok: false };
      } finally {
        setBusy(undefined);
      }
    },
    [fail],
  );
  return { busy, notices, show, dismiss, run, fail };
}
