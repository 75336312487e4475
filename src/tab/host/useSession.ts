import { useCallback, useEffect, useState } from 'react';
import { languageOfLocale, type Language } from '../i18n/language.js';
import { requestDevToken } from './devSignIn.js';
import { readPageOptions } from './pageOptions.js';
import { connectToTeams, type TeamsThemeName } from './teamsHost.js';

/** Stage of the tab's sign-in. */
export type SessionStage =
  /** Connecting to Teams or requesting the development sign-in. */
  | { kind: 'starting' }
  /** Outside Teams, and the server offers the development sign-in. */
  | { kind: 'devSignInOffered'; signIn: () => void }
  /** Outside Teams without a development sign-in: the tab must be opened in Teams. */
  | { kind: 'openInTeams' }
  /** Signed in: `getToken` returns the Bearer token for the API. */
  | { kind: 'signedIn'; getToken: () => Promise<string>; inTeams: boolean };

/** The session of the tab: sign-in stage, language and theme. */
export interface Session {
  stage: SessionStage;
  language: Language;
  theme: TeamsThemeName;
}

/**
 * Signs the tab in. Inside Teams it takes locale and theme from the app context, follows theme changes and
 * uses the Teams SSO token. Outside Teams it reads `?lang=` and `?theme=` and offers the development
 * sign-in when the server has it.
 */
export function useSession(): Session {
  const [session, setSession] = useState<Session>(() => {
    const options = readPageOptions(window.location.search);
    return { stage: { kind: 'starting' }, language: languageOfLocale(options.locale), theme: options.theme ?? 'default' };
  });

  const update = useCallback((change: Partial<Session>) => setSession((current) => ({ ...current, ...change })), []);

  useEffect(() => {
    let cancelled = false;

    async function start(): Promise<void> {
      const teams = await connectToTeams();
      if (cancelled) return;
      if (teams !== undefined) {
        teams.onThemeChange((theme) => update({ theme }));
        update({
          language: languageOfLocale(teams.locale),
          theme: teams.theme,
          stage: { kind: 'signedIn', getToken: teams.getToken, inTeams: true },
        });
        return;
      }

      const devToken = await requestDevToken();
      if (cancelled) return;
      if (devToken === undefined) {
        update({ stage: { kind: 'openInTeams' } });
        return;
      }
      const getToken = () => Promise.resolve(devToken);
      update({
        stage: { kind: 'devSignInOffered', signIn: () => update({ stage: { kind: 'signedIn', getToken, inTeams: false } }) },
      });
    }

    void start();
    return () => {
      cancelled = true;
    };
  }, [update]);

  return session;
}
