import assert from 'node:assert/strict';
import { startTabHarness, type TabHarness } from './support/tabHarness.js';

describe('labels of Fluent controls', () => {
  let harness: TabHarness;

  before(async () => {
    harness = await startTabHarness('2026-12-04T10:00:00+01:00');
  });

  after(async () => {
    await harness?.stop();
  });

  it('queue buttons carry German labels', async () => {
    const page = await harness.openTab();
    await page.getByRole('heading', { name: 'Offene Anfragen' }).waitFor();
    await page.getByRole('combobox', { name: 'Kanal' }).waitFor();

    // Fluent renders the Dropdown's clear button hidden, so the query includes hidden buttons.
    const buttons = await page.locator('button[aria-label]').all();
    const labels = await Promise.all(buttons.map((button) => button.getAttribute('aria-label')));
    assert.ok(labels.length >= 3, `aria-labels: ${labels.join(' | ')}`);
    assert.ok(!labels.includes('Clear selection'), `aria-labels: ${labels.join(' | ')}`);
    assert.equal(labels.filter((label) => label === 'Auswahl löschen').length, 3);
  });

  it('knowledge base search clear is German', async () => {
    const page = await harness.openTab({ screen: 'knowledge' });
    const search = page.getByRole('searchbox');
    await search.fill('Outlook');

    await page.getByRole('button', { name: 'Suche löschen' }).waitFor();
    assert.equal(await page.locator('[aria-label="clear"]').count(), 0);
  });
});
