import assert from 'node:assert/strict';
import { startTabHarness, type TabHarness } from './support/tabHarness.js';

describe('dialog focus', () => {
  let harness: TabHarness;

  before(async () => {
    harness = await startTabHarness('2026-12-04T10:00:00+01:00');
  });

  after(async () => {
    await harness?.stop();
  });

  it('Escape returns focus to the opening button', async () => {
    const page = await harness.openTab();
    const opener = page.getByRole('button', { name: 'Anruf erfassen' });
    await opener.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Anruf erfassen' }).waitFor();

    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Anruf erfassen' }).waitFor({ state: 'detached' });

    // String expressions run in the page; the test project has no DOM types.
    await page.waitForFunction("document.activeElement?.textContent === 'Anruf erfassen'");
    const focused = await page.evaluate('document.activeElement?.textContent');
    assert.equal(focused, 'Anruf erfassen');
  });
});
