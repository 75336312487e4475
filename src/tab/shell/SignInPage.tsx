import { Button, Spinner, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { SessionStage } from '../host/useSession.js';
import { useLanguage } from '../i18n/index.js';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '40rem',
    padding: tokens.spacingHorizontalXXL,
  },
});

/** Shows the stage before sign-in: progress, the development sign-in, or the advice to open the tab in Teams. */
export function SignInPage({ stage }: { stage: Exclude<SessionStage, { kind: 'signedIn' }> }) {
  const { messages } = useLanguage();
  const styles = useStyles();

  if (stage.kind === 'starting') {
    return (
      <main className={styles.page}>
        <Spinner label={messages.app.loading} />
      </main>
    );
  }

  return (
    <main className={styles.page}>
      <Title2 as="h1">{messages.app.title}</Title2>
      {stage.kind === 'devSignInOffered' ? (
        <>
          <Text>{messages.signIn.devHint}</Text>
          <div>
            <Button appearance="primary" onClick={stage.signIn}>
              {messages.signIn.devButton}
            </Button>
          </div>
        </>
      ) : (
        <>
          <Text weight="semibold">{messages.signIn.openInTeams}</Text>
          <Text>{messages.signIn.openInTeamsDetail}</Text>
        </>
      )}
    </main>
  );
}
