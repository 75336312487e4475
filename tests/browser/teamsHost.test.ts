import assert from 'node:assert/strict';
import { newLoopbackContext } from './support/browserHooks.js';
import { saveScreenshot, startTabHarness, type TabHarness } from './support/tabHarness.js';
import { teamsHostPage } from './support/teamsHostPage.js';

describe('tab inside a Teams host', () => {
  let harness: TabHarness;

  before(async () => {
    harness = await startTabHarness('2026-12-04T10:00:00+01:00');
  });

  after(async () => {
    await harness?.stop();
  });

  /** Returns a token the API accepts; the fake host hands it out as the Teams SSO token. */
  async function consultantToken(): Promise<string> {
    const response = await fetch(`${harness.desk.desk.url}/api/tab/dev-sign-in`, { method: 'POST' });
    assert.equal(response.status, 200);
    return ((await response.json()) as { token: string }).token;
  }

  it('takes locale, theme and token from Teams', async () => {
    const context = await newLoopbackContext({ viewport: { width: 1400, height: 900 } });
    try {
      const page = await context.newPage();
      const hostUrl = `${harness.desk.desk.url}/teams-host.html`;
      const html = teamsHostPage({ locale: 'en-US', theme: 'dark', token: await consultantToken() });
      await page.route(hostUrl, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
      await page.goto(hostUrl);

      const tab = page.frameLocator('iframe[title="Hotline Desk"]');
      await tab.getByRole('heading', { name: 'Open requests' }).waitFor();
      assert.equal(await tab.getByRole('button', { name: 'Sign in as consultant (development)' }).count(), 0);
      const calls = (await page.evaluate('window.hostCalls')) as string[];
      assert.ok(calls.includes('authentication.getAuthToken'), `host calls: ${calls.join(', ')}`);

      // teamsDarkTheme's colorNeutralBackground1 is #292929, teamsHighContrastTheme's is #000000.
      const provider = tab.locator('.fui-FluentProvider').first();
      const background = () => provider.evaluate((element) => (globalThis as any).getComputedStyle(element).backgroundColor as string);
      assert.equal(await background(), 'rgb(41, 41, 41)');
      await saveScreenshot(page, 'teams-host-dark');

      await page.evaluate('window.sendThemeChange("contrast")');
      await page.waitForFunction(
        () => {
          const frame = (globalThis as any).document.querySelector('iframe').contentDocument;
          const element = frame.querySelector('.fui-FluentProvider');
          return (globalThis as any).getComputedStyle(element).backgroundColor === 'rgb(0, 0, 0)';
        },
        undefined,
        { timeout: 5000 },
      );
      await saveScreenshot(page, 'teams-host-contrast');
    } finally {
      await context.close();
    }
  });

  it('rejected token shows what to do', async () => {
    const context = await newLoopbackContext({ viewport: { width: 1400, height: 900 } });
    try {
      const page = await context.newPage();
      const hostUrl = `${harness.desk.desk.url}/teams-host.html`;
      const html = teamsHostPage({ locale: 'de-DE', theme: 'default', token: 'not-a-jwt' });
      await page.route(hostUrl, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
      await page.goto(hostUrl);

      const tab = page.frameLocator('iframe[title="Hotline Desk"]');
      await tab.getByText('Kein Zugriff').waitFor();
      await tab.getByText('Das Anmeldetoken ist ungültig. Laden Sie den Tab neu, damit Teams ein neues ausstellt.').waitFor();
      await tab.getByRole('button', { name: 'Neu laden' }).waitFor();
      await saveScreenshot(page, 'teams-host-token-invalid');
    } finally {
      await context.close();
    }
  });
});
