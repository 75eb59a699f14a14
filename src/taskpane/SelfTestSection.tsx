/** "Tự kiểm tra" in Cài đặt: runs the self-test, shows its table and the environment, copies it as text. */
import { Button, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Textarea, useId } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { localTime, resultText, selfTestText, type SelfTestReport } from "../app/selfTest";
import { usePanelStyles } from "./layout";
import { NoticeList, useTask } from "./notices";
import { selfTestLabels } from "./selfTestLabels";
import { useStrings } from "./useStrings";

interface Props {
  run: () => Promise<SelfTestReport>;
}

/** How long the copy button says "Đã sao chép". */
const COPIED_MS = 4000;

/** The clipboard API, else the older copy command on the selected text (webviews that refuse the API). */
async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (!navigator.clipboard) throw new Error("no clipboard API");
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback || typeof document.execCommand !== "function") return false;
    fallback.focus();
    fallback.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}

export function SelfTestSection({ run }: Props) {
  const panel = usePanelStyles();
  const { t, format, locale } = useStrings();
  const task = useTask();
  const [report, setReport] = useState<SelfTestReport>();
  const [copied, setCopied] = useState(false);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const headingId = useId("pane-self-test");
  const labels = selfTestLabels(t, locale);
  const text = report ? selfTestText(report, labels) : "";
  // The button itself says "Đã sao chép" for a moment, where the eye is.
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const start = async () => {
    setReport(undefined);
    const outcome = await task.run(t.selfTestRunning, t.errorUnknown, run);
    if (outcome.ok) setReport(outcome.value);
  };

  const copy = async () => {
    if (await copyText(text, textArea.current)) {
      setCopied(true);
      task.show({ intent: "success", text: t.selfTestCopied });
    } else {
      // Clipboard access is refused in some webviews: the text is below, selectable.
      setCopied(false);
      task.show({ intent: "warning", text: t.selfTestCopyFailed });
    }
  };

  const counts = report && {
    passed: report.results.filter((result) => result.status === "pass").length,
    failed: report.results.filter((result) => result.status === "fail").length,
    na: report.results.filter((result) => result.status === "na").length,
    total: report.results.length,
  };

  return (
    <section className={panel.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={panel.heading}>
        {t.selfTestTitle}
      </h2>
      <p className={panel.hint}>{t.selfTestHint}</p>
      <div className={panel.actions}>
        <Button onClick={start} disabled={Boolean(task.busy)}>
          {t.selfTestRun}
        </Button>
        {report && (
          <Button onClick={copy} disabled={Boolean(task.busy)} icon={copied ? <span aria-hidden="true">✓</span> : undefined}>
            {copied ? t.selfTestCopiedButton : t.selfTestCopy}
          </Button>
        )}
      </div>
      {task.busy && <Spinner size="tiny" labelPosition="after" label={task.busy} />}
      <NoticeList notices={task.notices} onDismiss={task.dismiss} />
      {report && counts && (
        <>
          <p role="status">{format(t.selfTestSummary, counts)}</p>
          <ul className={panel.plainList}>
            <li>
              {t.selfTestStartedAt}: {localTime(report.startedAt, locale)}
            </li>
            <li>
              {t.selfTestPlatform}: {report.environment.platform}
            </li>
            <li>
              {t.selfTestVersion}: {report.environment.version}
            </li>
            <li>
              {t.selfTestSets}: {report.environment.requirementSets.join(", ") || "—"}
            </li>
          </ul>
          {report.setupError && (
            <NoticeList
              notices={[
                {
                  intent: "error",
                  title: t.selfTestSetupFailed,
                  text: `${report.setupError.code ?? ""} ${report.setupError.detail ?? ""}`.trim(),
                },
              ]}
            />
          )}
          <Table size="extra-small" aria-label={t.selfTestTitle}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.selfTestCapability}</TableHeaderCell>
                <TableHeaderCell>{t.selfTestResult}</TableHeaderCell>
                <TableHeaderCell>{t.selfTestTime}</TableHeaderCell>
                <TableHeaderCell>{t.selfTestErrorCode}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.results.map((result) => (
                <TableRow key={result.id} data-capability={result.id} data-status={result.status}>
                  <TableCell>{labels.names[result.id]}</TableCell>
                  <TableCell>{resultText(result, labels)}</TableCell>
                  <TableCell>{result.status === "na" ? "" : `${result.ms} ms`}</TableCell>
                  <TableCell>{result.status === "fail" ? result.code : ""}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Textarea ref={textArea} readOnly resize="vertical" rows={6} value={text} aria-label={t.selfTestCopy} className={panel.fullWidth} />
        </>
      )}
    </section>
  );
}
