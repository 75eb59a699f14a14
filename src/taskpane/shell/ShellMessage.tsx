import type { ReactNode } from "react";
import { Body1, Title3, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  heading: { margin: 0 },
  paragraph: { margin: 0 },
});

/** A full-pane message: a heading and a few paragraphs, announced to screen readers. */
export function ShellMessage({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.root} role="alert" aria-label={title}>
      <Title3 as="h1" className={styles.heading}>
        {title}
      </Title3>
      {children}
    </section>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return (
    <Body1 as="p" block className={styles.paragraph}>
      {children}
    </Body1>
  );
}
