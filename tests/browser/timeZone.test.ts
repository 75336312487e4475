import assert from 'node:assert/strict';
import { RequestRepository } from '../../src/storage/requests.js';
import { saveScreenshot, startTabHarness, type TabHarness } from './support/tabHarness.js';

/** Friday 2026-12-04, 16:00 in London and 17:00 in Berlin. */
const FRIDAY_AFTERNOON = '2026-12-04T16:00:00Z';

describe('tab in the configured time zone', () => {
  let harness: TabHarness;

  before(async () => {
    harness = await startTabHarness(FRIDAY_AFTERNOON, { DESK_TIME_ZONE: 'Europe/London' });
  });

  after(async () => {
    await harness?.stop();
  });

  it('record call reads and shows London time', async () => {
    const page = await harness.openTab();
    await page.getByRole('button', { name: 'Anruf erfassen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Anruf erfassen' });

    // The inputs start at the current London time, and the date field's hint shows the zone.
    assert.equal(await dialog.getByLabel('Datum des Anrufs').inputValue(), '2026-12-04');
    assert.equal(await dialog.getByLabel('Uhrzeit des Anrufs').inputValue(), '16:00');
    await dialog.getByText('Europe/London').waitFor();

    await dialog.getByRole('combobox', { name: 'Kunde' }).click();
    await page.getByRole('option', { name: 'Contoso Praxisgemeinschaft' }).click();
    await dialog.getByLabel('Uhrzeit des Anrufs').fill('15:00');
    await dialog.getByRole('textbox', { name: 'Name des Anrufers' }).fill('Dr. Miriam Vogel');
    await dialog.getByRole('textbox', { name: 'Beschreibung' }).fill('Scanner sendet keine E-Mails mehr');
    await dialog.getByRole('textbox', { name: 'Rückrufnummer' }).fill('+49 221 5550123');
    await dialog.getByRole('button', { name: 'Anfrage anlegen' }).click();

    // Bronze counts Mon-Fri 08:00-18:00 in London and guarantees 4 h: 3 h on Friday from 15:00, 1 h on Monday.
    const created = page.getByText(/^HD-2026-\d{4} ist angelegt\. Rückruf bis Mo\., 07\.12\.2026, 09:00\.$/);
    await created.waitFor();
    const number = /HD-2026-\d{4}/.exec(await created.innerText())?.[0] ?? '';
    const row = page.getByRole('row').filter({ hasText: number });
    await row.waitFor();
    assert.equal((await row.getByRole('cell').allInnerTexts())[5], 'Mo., 07.12.2026, 09:00');
    await saveScreenshot(page, 'time-zone-london');

    const stored = (await new RequestRepository(harness.desk.storage.tables).get('contoso-praxis', number))?.request;
    assert.equal(Date.parse(stored?.openedAt ?? ''), Date.parse('2026-12-04T15:00:00Z'));
    assert.equal(Date.parse(stored?.deadline ?? ''), Date.parse('2026-12-07T09:00:00Z'));
  });
});
