/** One unit brought in: its editable name, what it sent and what the merge will take, or why it cannot be merged. */
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { UnitPreview, UnitSource } from "../consolidationServices";
import { usePanelStyles } from "../layout";
import { formatTime } from "../ResultsTab";
import { readFailureText } from "../../i18n";
import { useConsolidationStrings } from "./strings";

const useStyles = makeStyles({
  card: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  text: { margin: 0 },
});

interface Props {
  source: UnitSource;
  disabled: boolean;
  onRename(id: string, name: string): void;
  onRemove(id: string): void;
}

export function UnitCard({ source, disabled, onRename, onRemove }: Props) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const { c, format, locale } = useConsolidationStrings();
  const name = source.preview?.unitName ?? source.fileName;
  const remove = (
    <Button size="small" disabled={disabled} aria-label={format(c.removeLabel, { name })} onClick={() => onRemove(source.id)}>
      {c.remove}
    </Button>
  );

  if (source.problem !== undefined || !source.preview) {
    return (
      <li className={styles.card}>
        <MessageBar intent={source.preview ? "warning" : "error"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{format(c.notMergedTitle, { file: source.fileName })}</MessageBarTitle>
            {source.readReason !== undefined && source.problem !== undefined ? readFailureText({ reason: source.readReason, message: source.problem }, locale) : source.problem}
          </MessageBarBody>
        </MessageBar>
        {source.preview && source.preview.notes.length > 1 && (
          <ul className={styles.lines}>
            {source.preview.notes.slice(1).map((note, index) => (
              <li key={index}>{note}</li>
            ))}
          </ul>
        )}
        <div className={panel.actions}>{remove}</div>
      </li>
    );
  }

  return (
    <li className={styles.card}>
      <UnitName source={source} preview={source.preview} disabled={disabled} onRename={onRename} />
      <Origin source={source} />
      <Preview preview={source.preview} />
      <div className={panel.actions}>{remove}</div>
    </li>
  );
}

function UnitName({ source, preview, disabled, onRename }: { source: UnitSource; preview: UnitPreview; disabled: boolean; onRename: Props["onRename"] }) {
  const { c, format } = useConsolidationStrings();
  const [draft, setDraft] = useState(preview.unitName);
  useEffect(() => setDraft(preview.unitName), [preview.unitName]);
  const commit = () => {
    const typed = draft.trim();
    // An emptied box goes back to the name from the file (a correction of it is undone).
    if (typed === "" && preview.nameSource !== "user") setDraft(preview.unitName);
    else if (typed !== preview.unitName) onRename(source.id, draft);
    else setDraft(preview.unitName);
  };
  const hint = preview.nameSource === "user" ? c.unitNameFromUser : preview.nameSource === "title" ? c.unitNameFromTitle : c.unitNameFromFile;
  return (
    <Field label={format(c.unitNameOf, { file: source.fileName })} hint={hint} validationState={preview.nameSource === "file" ? "warning" : "none"}>
      <Input
        value={draft}
        disabled={disabled}
        onChange={(_, data) => setDraft(data.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
          if (event.key === "Escape") setDraft(preview.unitName);
        }}
      />
    </Field>
  );
}

function Origin({ source }: { source: UnitSource }) {
  const panel = usePanelStyles();
  const { c, format, locale } = useConsolidationStrings();
  const text =
    source.origin === "sent" && source.sentAt
      ? format(c.sourceSent, { workbook: source.fileName, time: formatTime(source.sentAt, locale) })
      : format(c.sourceFile, { file: source.fileName });
  return <p className={panel.hint}>{text}</p>;
}

function Preview({ preview }: { preview: UnitPreview }) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const { c, format, kind } = useConsolidationStrings();
  return (
    <>
      <ul className={styles.lines}>
        {preview.sheets.map((sheet) => (
          <li key={sheet.sheet}>
            {format(c.sheetLine, { kind: kind(sheet.kind), sheet: sheet.sheet, count: sheet.delegations, kept: sheet.kept, excluded: sheet.excluded })}
          </li>
        ))}
      </ul>
      <p className={styles.text}>{format(c.unitCheck, { errors: preview.errors, warnings: preview.warnings, infos: preview.infos })}</p>
      {preview.excluded.length > 0 && (
        <>
          <p className={styles.text}>{c.excludedTitle}</p>
          <ul className={styles.lines}>
            {preview.excluded.map((excluded) => (
              <li key={`${excluded.sheet}!${excluded.row}`}>{format(c.excludedLine, { sheet: excluded.sheet, row: excluded.row, label: excluded.label, reason: excluded.reason })}</li>
            ))}
          </ul>
        </>
      )}
      {preview.notes.map((note, index) => (
        <p key={index} className={panel.hint}>
          {note}
        </p>
      ))}
    </>
  );
}
