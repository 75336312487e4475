import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useLanguage } from '../i18n/index.js';
import { describeError } from './describeError.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // Fluent's surface is at most 600px wide. Below its 480px breakpoint it takes the whole viewport width.
  wide: { maxWidth: 'min(960px, 100vw)' },
});

/**
 * A modal form with the fields, a submit and a cancel button. When `onSubmit` returns a validation message,
 * the dialog stays open and shows it. A failed API call also keeps it open, with the error. Otherwise the
 * dialog closes. The form has `noValidate`, so the browser never blocks a submit with its own popup in the
 * browser's language: each dialog checks its fields and shows its texts in the fields' validation messages.
 */
export function FormDialog(props: {
  open: boolean;
  title: string;
  /** Widens the dialog from Fluent's 600px to 960px, for forms with several fields in a row. */
  wide?: boolean;
  submitLabel: string;
  onClose: () => void;
  onSubmit: () => Promise<string | void>;
  children: ReactNode;
}) {
  const { messages } = useLanguage();
  const styles = useStyles();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  // The dialogs open from controlled state, not from a DialogTrigger, so Fluent does not know the opener.
  // Remember the focused element while rendering the opened dialog, before the dialog moves focus inside.
  const opener = useRef<HTMLElement | null>(null);
  if (props.open && opener.current === null && document.activeElement instanceof HTMLElement) {
    opener.current = document.activeElement;
  }
  // Give focus back when the dialog closes, also when its screen unmounts it instead of setting `open`.
  useEffect(() => {
    if (!props.open) return undefined;
    return () => {
      const target = opener.current;
      opener.current = null;
      if (target?.isConnected) target.focus();
    };
  }, [props.open]);

  const close = () => {
    setProblem(undefined);
    props.onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const validationProblem = await props.onSubmit();
      if (typeof validationProblem === 'string') {
        setProblem(validationProblem);
        return;
      }
      close();
    } catch (error) {
      setProblem(describeError(error, messages));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={props.open} onOpenChange={(_event, data) => (data.open ? undefined : close())}>
      <DialogSurface className={props.wide ? styles.wide : undefined}>
        {/* noValidate: the dialog checks its fields itself and shows the texts from the catalogs. */}
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={styles.content}>
              {problem !== undefined && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{problem}</MessageBarBody>
                </MessageBar>
              )}
              {props.children}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" type="button" onClick={close}>
                {messages.common.cancel}
              </Button>
              <Button appearance="primary" type="submit" disabled={busy}>
                {busy ? messages.common.saving : props.submitLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
