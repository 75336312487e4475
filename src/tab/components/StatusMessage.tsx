import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { useLanguage } from '../i18n/index.js';
import { describeError } from './describeError.js';

/** A message shown above a screen's content: the outcome of the last action. */
export interface Status {
  intent: 'success' | 'error';
  text: string;
}

/** Keeps a screen's status message in state, with helpers to report success and a failed call. */
export function useStatus() {
  const { messages } = useLanguage();
  const [status, setStatus] = useState<Status>();
  const succeed = useCallback((text: string) => setStatus({ intent: 'success', text }), []);
  const fail = useCallback((error: unknown) => setStatus({ intent: 'error', text: describeError(error, messages) }), [messages]);
  const clear = useCallback(() => setStatus(undefined), []);
  return { status, succeed, fail, clear };
}

/** Shows a status message with a dismiss button. Errors are announced as alerts, successes as status. */
export function StatusMessage({ status, onDismiss }: { status: Status | undefined; onDismiss: () => void }) {
  const { messages } = useLanguage();
  if (status === undefined) return null;
  return (
    <MessageBar intent={status.intent} role={status.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{status.text}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" icon={<DismissRegular />} aria-label={messages.errors.dismiss} onClick={onDismiss} />
        }
      />
    </MessageBar>
  );
}
