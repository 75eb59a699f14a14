/** Keeps a rendering crash inside one tab: the user sees the message and can retry instead of a blank pane. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { Component, type ErrorInfo, type ReactNode } from "react";
import { errorText } from "./notices";
import { useStrings } from "./useStrings";

interface BoundaryProps {
  children?: ReactNode;
}

export class ErrorBoundary extends Component<BoundaryProps, { error?: unknown; failed: boolean }> {
  override state: { error?: unknown; failed: boolean } = { failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error("Task pane crashed", error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return <CrashNotice error={this.state.error} onRetry={() => this.setState({ error: undefined, failed: false })} />;
  }
}

function CrashNotice({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useStrings();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t.crashTitle}</MessageBarTitle>
        {errorText(error, t.errorUnknown)}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t.retry}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
