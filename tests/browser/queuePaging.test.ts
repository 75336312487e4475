import assert from 'node:assert/strict';
import { logPhoneRequest, signInToTabApi } from './support/tabApiClient.js';
import { startTabHarness, type TabHarness } from './support/tabHarness.js';

/** One request more than the queue's first page of 50. */
const REQUEST_COUNT = 51;

describe('queue screen paging', () => {
  let harness: TabHarness;

  before(async () => {
    harness = await startTabHarness('2026-12-04T10:00:00+01:00');
    const api = await signInToTabApi(harness.desk);
    for (let index = 0; index < REQUEST_COUNT; index += 1) {
      const calledAt = new Date(Date.parse('2026-12-04T09:00:00+01:00') + index * 60_000).toISOString();
      await logPhoneRequest(api, 'fabrikam', calledAt, `Anruf Nummer ${index + 1}`);
    }
  });

  after(async () => {
    await harness?.stop();
  });

  it('refresh keeps the loaded second page', async () => {
    const page = await harness.openTab();
    const table = page.getByRole('table', { name: 'Offene Anfragen, nach Frist sortiert' });
    const requestRows = table.getByRole('row').filter({ hasText: 'Anruf Nummer' });
    await requestRows.nth(49).waitFor();
    assert.equal(await requestRows.count(), 50);

    await page.getByRole('button', { name: 'Weitere laden' }).click();
    await requestRows.nth(50).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Weitere laden' }).count(), 0);

    const reloaded = page.waitForResponse((response) => response.url().includes('/api/tab/requests?'));
    await page.getByRole('button', { name: 'Aktualisieren' }).click();
    await reloaded;
    // A reload that keeps both pages fetches the second one right after the first.
    await page.waitForTimeout(500);
    assert.equal(await requestRows.count(), REQUEST_COUNT);
    assert.equal(await page.getByRole('button', { name: 'Weitere laden' }).count(), 0);
  });
});
