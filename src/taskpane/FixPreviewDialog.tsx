/** Every quick fix is shown cell by cell (from → to) and applied only when the user confirms. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { FixPreview } from "./services";
import { useStrings } from "./useStrings";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { overflowWrap: "anywhere" },
  from: { textDecorationLine: "line-through", color: tokens.colorNeutralForeground3 },
  to: { fontWeight: tokens.fontWeightSemibold },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxHeight: "60vh", overflowY: "auto" },
});

/** A click on the dimmed page this soon after opening is the rest of the click that opened it (a double click). */
const OPENING_CLICK_MS = 600;

interface Props {
  fixes: FixPreview[] | undefined;
  applying: boolean;
  onApply(fixes: FixPreview[]): void;
  onCancel(): void;
}

export function FixPreviewDialog({ fixes, applying, onApply, onCancel }: Props) {
  const styles = useStyles();
  const { t, format } = useStrings();
  const open = Boolean(fixes && fixes.length > 0);
  const openedAt = useRef(0);
  useEffect(() => {
    if (open) openedAt.current = Date.now();
  }, [open]);
  return (
    <Dialog
      open={open}
      modalType="modal"
      onOpenChange={(_, data) => {
        if (data.open || applying) return;
        // The second click of a double click on "Sửa tất cả" lands on the backdrop: it must not close what the first opened.
        const repeated = data.type === "backdropClick" && (data.event.detail > 1 || Date.now() - openedAt.current < OPENING_CLICK_MS);
        if (!repeated) onCancel();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.previewTitle}</DialogTitle>
          <DialogContent className={styles.content}>
            <p>{t.previewIntro}</p>
            <ul className={styles.list} aria-label={t.previewTitle}>
              {(fixes ?? []).map((fix) => (
                <li key={`${fix.sheet}!${fix.cell}`} className={styles.item}>
                  <strong>
                    {fix.sheet}!{fix.cell}
                  </strong>
                  {": "}
                  <span className={styles.from}>
                    {fix.from}
                  </span>
                  {" → "}
                  <span className={styles.to}>
                    {fix.to}
                  </span>
                </li>
              ))}
            </ul>
            {applying && <Spinner size="tiny" label={t.applying} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={applying} onClick={() => fixes && onApply(fixes)}>
              {format(t.apply, { count: fixes?.length ?? 0 })}
            </Button>
            <Button disabled={applying} onClick={onCancel}>
              {t.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
