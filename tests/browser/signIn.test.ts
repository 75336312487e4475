import assert from 'node:assert/strict';
import { saveScreenshot, startTabHarness, type TabHarness } from './support/tabHarness.js';

describe('tab sign-in and language', () => {
  describe('with development sign-in', () => {
    let harness: TabHarness;

    before(async () => {
      harness = await startTabHarness('2026-12-04T10:00:00+01:00');
    });

    after(async () => {
      await harness?.stop();
    });

    it('?lang=en shows the tab in English', async () => {
      const page = await harness.openTab({ lang: 'en' });
      await page.getByRole('heading', { name: 'Open requests' }).waitFor();
      await page.getByRole('tab', { name: 'Queue' }).waitFor();
      await page.getByRole('tab', { name: 'Absences' }).waitFor();
      await page.getByRole('button', { name: 'Record call' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await saveScreenshot(page, 'queue-english');
    });

    it('?theme=dark uses the Teams dark theme', async () => {
      const page = await harness.openTab({ theme: 'dark' });
      await page.getByRole('heading', { name: 'Offene Anfragen' }).waitFor();
      // teamsDarkTheme's colorNeutralBackground1 is #292929.
      // The function runs in the page; the root tsconfig has no DOM types, so the page's globals are untyped here.
      const background = await page
        .locator('.fui-FluentProvider')
        .first()
        .evaluate((element) => (globalThis as any).getComputedStyle(element).backgroundColor as string);
      assert.equal(background, 'rgb(41, 41, 41)');
      await saveScreenshot(page, 'queue-dark');
    });
  });

  describe('without development sign-in', () => {
    let harness: TabHarness;

    before(async () => {
      harness = await startTabHarness('2026-12-04T10:00:00+01:00', { TAB_DEV_SIGN_IN: 'false' });
    });

    after(async () => {
      await harness?.stop();
    });

    it('asks to open the tab in Teams', async () => {
      const page = await harness.openTab({ signIn: false });
      await page.getByText('Öffnen Sie Hotline Desk als App in Microsoft Teams.').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Als Berater anmelden (Entwicklung)' }).count(), 0);
      await saveScreenshot(page, 'open-in-teams');
    });
  });
});
