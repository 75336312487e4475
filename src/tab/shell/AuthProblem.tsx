import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { TokenUnavailableError, type AccessProblem } from '../api/apiError.js';
import { useLanguage, type TabMessages } from '../i18n/index.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXXL },
});

/** Returns what the consultant must do after the API denied access, from the error code of the response. */
export function authAdvice(error: AccessProblem, messages: TabMessages): string {
  if (error instanceof TokenUnavailableError) return messages.signIn.teamsTokenFailed;
  const code = error.authCode;
  if (code !== undefined) return messages.authProblems[code];
  return error.status === 401 ? messages.authProblems.unauthorized : messages.authProblems.forbidden;
}

/** Replaces the screens after a 401 or 403 response, or a missing token, with what to do and a reload button. */
export function AuthProblem({ error }: { error: AccessProblem }) {
  const { messages } = useLanguage();
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{messages.authProblems.heading}</MessageBarTitle>
          {authAdvice(error, messages)}
        </MessageBarBody>
      </MessageBar>
      <div>
        <Button appearance="primary" onClick={() => window.location.reload()}>
          {messages.authProblems.reload}
        </Button>
      </div>
    </main>
  );
}
