import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consultant } from '../../support/deskHarness.js';
import { startTabApiHarness, type TabApiHarness } from './reportsHarness.js';
import { callApi } from './tokenFixture.js';

/** Monday 2026-12-07, 09:00 in Berlin. */
const NOW = '2026-12-07T09:00:00+01:00';

const catalogPath = fileURLToPath(new URL('../../../config/plans.json', import.meta.url));

describe('tab API plans and consultant', () => {
  let tab: TabApiHarness;

  before(async () => {
    tab = await startTabApiHarness(NOW);
  });

  after(async () => {
    await tab?.stop();
  });

  const get = (path: string) => tab.api('GET', path);

  it('plans lists the six catalog plans in order', async () => {
    const { status, body } = await get('/plans');

    assert.equal(status, 200);
    assert.deepEqual(
      body.items.map((plan: { id: string }) => plan.id),
      ['bronze', 'silver', 'gold', 'starter', 'professional', 'enterprise'],
    );
    assert.equal(body.nextCursor, undefined);
  });

  it('plans carry names, channels, minutes, fee and term', async () => {
    const { body } = await get('/plans');
    const byId = new Map(body.items.map((plan: { id: string }) => [plan.id, plan]));

    assert.deepEqual(byId.get('gold'), {
      id: 'gold',
      name: { de: 'Gold Hotline', en: 'Gold Hotline' },
      channels: ['phone', 'whatsapp', 'teams'],
      includedMinutes: 480,
      monthlyFeeCents: 99900,
      minimumTermMonths: null,
    });
    assert.deepEqual(byId.get('enterprise'), {
      id: 'enterprise',
      name: { de: 'Enterprise Partner', en: 'Enterprise Partner' },
      channels: ['priority-phone', 'teams'],
      includedMinutes: 3000,
      monthlyFeeCents: 599900,
      minimumTermMonths: 12,
    });
  });

  it('plans without a token is 401', async () => {
    const { status, body } = await callApi(tab.desk.desk.url, 'GET', '/plans');

    assert.equal(status, 401);
    assert.equal(body.code, 'tokenMissing');
  });

  it('me returns the default time zone', async () => {
    const { status, body } = await get('/me');

    assert.equal(status, 200);
    assert.deepEqual(body, { name: consultant.name, tenantId: consultant.tenantId, language: 'de', timeZone: 'Europe/Berlin' });
  });
});

describe('tab API with another zone and catalog', () => {
  let tab: TabApiHarness;
  let folder: string;

  before(async () => {
    // A catalog whose Gold plan has another name and fee shows that the route reads the loaded file.
    folder = mkdtempSync(join(tmpdir(), 'plans-route-'));
    const catalog = JSON.parse(readFileSync(catalogPath, 'utf8'));
    const gold = catalog.plans.find((plan: { id: string }) => plan.id === 'gold');
    gold.name = { de: 'Gold Rückruf', en: 'Gold Callback' };
    gold.monthlyFeeCents = 104900;
    writeFileSync(join(folder, 'plans.json'), JSON.stringify(catalog));

    tab = await startTabApiHarness(NOW, {
      DESK_TIME_ZONE: 'Europe/London',
      DESK_CATALOG_PATH: join(folder, 'plans.json'),
    });
  });

  after(async () => {
    await tab?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const get = (path: string) => tab.api('GET', path);

  it('me returns DESK_TIME_ZONE', async () => {
    const { status, body } = await get('/me');

    assert.equal(status, 200);
    assert.equal(body.timeZone, 'Europe/London');
  });

  it('plans follow the configured catalog file', async () => {
    const { body } = await get('/plans');
    const gold = body.items.find((plan: { id: string }) => plan.id === 'gold');

    assert.deepEqual(gold.name, { de: 'Gold Rückruf', en: 'Gold Callback' });
    assert.equal(gold.monthlyFeeCents, 104900);
  });
});
