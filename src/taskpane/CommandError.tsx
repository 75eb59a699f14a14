/** Shows the failure of a ribbon command (run while the pane may have been closed) until dismissed. */
import { useEffect, useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";

export interface CommandErrorProps {
  current: () => string | undefined;
  subscribe: (listener: (message: string | undefined) => void) => () => void;
  dismiss: () => void;
  dismissLabel: string;
}

export function CommandError({ current, subscribe, dismiss, dismissLabel }: CommandErrorProps) {
  const [message, setMessage] = useState(current);
  useEffect(() => subscribe(setMessage), [subscribe]);
  if (!message) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{message}</MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label={dismissLabel} icon={<DismissRegular />} onClick={dismiss} />} />
    </MessageBar>
  );
}
