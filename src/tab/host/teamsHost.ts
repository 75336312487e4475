/** Theme names that Teams reports in the app context and in theme change events. */
export type TeamsThemeName = 'default' | 'dark' | 'contrast';

/** The tab running inside Teams: its locale, theme and SSO token. */
export interface TeamsHost {
  /** Locale of the Teams client, e.g. "de-DE" or "en-US". */
  locale: string;
  theme: TeamsThemeName;
  /** Returns the Entra SSO token of the signed-in user. teams-js caches it and renews it when it expires. */
  getToken(): Promise<string>;
  /** Registers the one handler that receives every later theme change. */
  onThemeChange(handler: (theme: TeamsThemeName) => void): void;
}

/** Time Teams gets to respond to `app.initialize()` before the tab treats the page as opened outside Teams. */
export const TEAMS_INITIALIZE_TIMEOUT_MS = 5_000;

/**
 * Returns whether a Teams host can be talking to this page: a parent window frames it (Teams on the web and
 * desktop) or the Teams mobile app injected `window.nativeInterface` into its webview. teams-js 2.58
 * (`initializeCommunication` in internal/communication.js) makes the same check, and also accepts
 * `window.opener`, which only matters for authentication pop-ups that this tab does not open.
 */
export function canBeInsideTeams(page: Window = window): boolean {
  return page.parent !== page || 'nativeInterface' in page;
}

/**
 * Connects to the Teams host and reads the app context. Returns undefined outside Teams. A top-level page
 * outside the Teams mobile app returns at once without loading teams-js: teams-js 2.58 fetches its list of
 * valid host domains from res.cdn.office.net as soon as the module is imported (internal/validOrigins.js), so
 * it is imported only here. In a frame of another host teams-js never responds, which the timeout covers.
 */
export async function connectToTeams(timeoutMs = TEAMS_INITIALIZE_TIMEOUT_MS): Promise<TeamsHost | undefined> {
  if (!canBeInsideTeams()) return undefined;
  try {
    const { app, authentication } = await import('@microsoft/teams-js');
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
    const timer = setTimeout(() => reject(new Error(`Teams did not respond within ${timeoutMs} ms`)), timeoutMs);
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
