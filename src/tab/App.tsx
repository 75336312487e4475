import { FluentProvider } from '@fluentui/react-components';
import { useEffect, useMemo } from 'react';
import { SignInPage } from './shell/SignInPage.js';
import { Shell } from './shell/Shell.js';
import { LanguageContext, messagesFor } from './i18n/index.js';
import { useSession } from './host/useSession.js';
import { fluentThemeFor } from './theme.js';

/** Renders the consultant's tab: theme and language from Teams (or the page URL), then sign-in, then the shell. */
export function App() {
  const session = useSession();
  const language = useMemo(
    () => ({ language: session.language, messages: messagesFor(session.language) }),
    [session.language],
  );

  // Screen readers pick their voice from the page language.
  useEffect(() => {
    document.documentElement.lang = session.language;
  }, [session.language]);

  return (
    <FluentProvider theme={fluentThemeFor(session.theme)} style={{ minHeight: '100vh' }}>
      <LanguageContext.Provider value={language}>
        {session.stage.kind === 'signedIn' ? (
          <Shell getToken={session.stage.getToken} />
        ) : (
          <SignInPage stage={session.stage} />
        )}
      </LanguageContext.Provider>
    </FluentProvider>
  );
}
