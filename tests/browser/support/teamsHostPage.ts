/** The app context and token that the fake Teams host sends to the tab. */
export interface FakeTeamsHost {
  /** Locale of the app context, e.g. "en-US". */
  locale: string;
  /** Theme of the app context: "default", "dark" or "contrast". */
  theme: string;
  /** Token that `authentication.getAuthToken()` returns to the tab. */
  token: string;
}

/**
 * Returns an HTML page that embeds /tab/ in a frame and replies to the teams-js messages the tab sends, as the
 * Teams web client does: `initialize`, `getContext` and `authentication.getAuthToken`. It records every
 * function name the tab called in `window.hostCalls`, and `window.sendThemeChange(theme)` sends a theme
 * change event. The page must come from the tab's own origin, because teams-js accepts messages from a
 * parent window on the Teams domains or on its own origin only.
 */
export function teamsHostPage(host: FakeTeamsHost): string {
  const context = { locale: host.locale, theme: host.theme, entityId: 'desk', hostClientType: 'web', frameContext: 'content' };
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Fake Teams host</title></head>
<body style="margin:0">
<iframe id="tab" src="/tab/" title="Hotline Desk" style="width:100%;height:100vh;border:0"></iframe>
<script>
  window.hostCalls = [];
  const context = ${JSON.stringify(context)};
  const token = ${JSON.stringify(host.token)};
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message.func !== 'string') return;
    window.hostCalls.push(message.func);
    const reply = (args) => event.source.postMessage({ id: message.id, uuid: message.uuid, args }, event.origin);
    if (message.func === 'initialize') reply(['content', 'web', '2.0.0', '2.0.0']);
    if (message.func === 'getContext') reply([context]);
    if (message.func === 'authentication.getAuthToken') reply([true, token]);
  });
  window.sendThemeChange = (theme) =>
    document.getElementById('tab').contentWindow.postMessage({ func: 'themeChange', args: [theme] }, location.origin);
</script>
</body></html>`;
}
