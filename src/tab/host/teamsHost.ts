import { app, authentication } from '@microsoft/teams-js';

/** Theme names that Teams reports in the app context and in theme change events. */
export type TeamsThemeName = 'default' | 'dark' | 'contrast';

/** The tab running inside Teams: its locale, theme and SSO token. */
export interface TeamsHost {
  /** Locale of the Teams client, e.g. "de-DE" or "en-US". */
  locale: string;
  theme: TeamsThemeName;
  /** Returns the Entra SSO token of the signed-in user; teams-js caches it and renews it when it expires. */
  getToken(): Promise<string>;
  /** Registers the one handler that receives every later theme change. */
  onThemeChange(handler: (theme: TeamsThemeName) => void): void;
}

/** Time Teams gets to answer `app.initialize()` before the tab treats the page as opened outside Teams. */
export const TEAMS_INITIALIZE_TIMEOUT_MS = 5_000;

/**
 * Connects to the Teams host and reads the app context. Returns undefined outside Teams: teams-js rejects at
 * once in a top-level window, and in a frame of another host it never answers, which the timeout covers.
 */
export async function connectToTeams(timeoutMs = TEAMS_INITIALIZE_TIMEOUT_MS): Promise<TeamsHost | undefined> {
  try {
    await withTimeout(app.initialize(), timeoutMs);
    const context = await withTimeout(app.getContext(), timeoutMs);
    app.notifySuccess();
    return {
      locale: context.app.locale,
      theme: toThemeName(context.app.theme),
      getToken: () => authentication.getAuthToken(),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(toThemeName(theme))),
    };
  } catch {
    return undefined;
  }
}

function toThemeName(theme: string | undefined): TeamsThemeName {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

function withTimeout<Value>(promise: Promise<Value>, timeoutMs: number): Promise<Value> {
  return new Promise<Value>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Teams did not answer within ${timeoutMs} ms`)), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
