import assert from 'node:assert/strict';
import { newLoopbackContext } from './support/browserHooks.js';
import { startTabHarness, type TabHarness } from './support/tabHarness.js';

describe('tab outside Teams', () => {
  let harness: TabHarness;

  before(async () => {
    harness = await startTabHarness('2026-12-04T10:00:00+01:00');
  });

  after(async () => {
    await harness?.stop();
  });

  it('top-level load stays on loopback', async () => {
    const context = await newLoopbackContext({ locale: 'de-DE' });
    try {
      const page = await context.newPage();
      const outside: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && url.protocol.startsWith('http')) outside.push(request.url());
      });

      await page.goto(`${harness.desk.desk.url}/tab/`);
      await page.getByRole('button', { name: 'Als Berater anmelden (Entwicklung)' }).waitFor();
      await page.waitForLoadState('networkidle');

      assert.deepEqual(outside, []);
    } finally {
      await context.close();
    }
  });
});
