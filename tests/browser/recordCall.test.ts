import assert from 'node:assert/strict';
import { RequestRepository } from '../../src/storage/requests.js';
import { saveScreenshot, startTabHarness, type TabHarness } from './support/tabHarness.js';

/** Friday 2026-12-04, 17:00 in Berlin. */
const FRIDAY_AFTERNOON = '2026-12-04T17:00:00+01:00';

describe('record call dialog', () => {
  let harness: TabHarness;

  before(async () => {
    harness = await startTabHarness(FRIDAY_AFTERNOON);
  });

  after(async () => {
    await harness?.stop();
  });

  /**
   * Opens the record call dialog and fills in a high-urgency phone call from Dr. Miriam Vogel at Contoso on
   * 2026-12-04 at `callTime` (HH:mm, Berlin), without submitting it.
   */
  async function fillPhoneCall(callTime: string) {
    const page = await harness.openTab();
    await page.getByRole('button', { name: 'Anruf erfassen' }).click();

    const dialog = page.getByRole('dialog', { name: 'Anruf erfassen' });
    await dialog.getByRole('combobox', { name: 'Kunde' }).click();
    await page.getByRole('option', { name: 'Contoso Praxisgemeinschaft' }).click();
    await dialog.getByRole('radio', { name: 'Telefon' }).check();
    await dialog.getByLabel('Datum des Anrufs').fill('2026-12-04');
    await dialog.getByLabel('Uhrzeit des Anrufs').fill(callTime);
    await dialog.getByRole('textbox', { name: 'Name des Anrufers' }).fill('Dr. Miriam Vogel');
    await dialog.getByRole('textbox', { name: 'Beschreibung' }).fill('Drucker im Empfang druckt nicht aus Outlook');
    await dialog.getByRole('radio', { name: 'hoch' }).check();
    await dialog.getByRole('textbox', { name: 'Rückrufnummer' }).fill('+49 221 5550123');

    return { page, dialog };
  }

  it('phone call gets a deadline from the call time', async () => {
    const { page, dialog } = await fillPhoneCall('16:00');
    await saveScreenshot(page, 'record-call-dialog');
    await dialog.getByRole('button', { name: 'Anfrage anlegen' }).click();

    // Bronze counts Mon-Fri 08:00-18:00 and guarantees 4 h: 2 h on Friday from 16:00, 2 h on Monday.
    const created = page.getByText(/^HD-2026-\d{4} ist angelegt\. Rückruf bis Mo\., 07\.12\.2026, 10:00\.$/);
    await created.waitFor();
    const number = /HD-2026-\d{4}/.exec(await created.innerText())?.[0] ?? '';

    const row = page.getByRole('row').filter({ hasText: number });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    assert.equal(cells[1], 'Contoso Praxisgemeinschaft');
    assert.equal(cells[4], 'Telefon');
    assert.equal(cells[5], 'Mo., 07.12.2026, 10:00');
    await saveScreenshot(page, 'record-call-created');

    const stored = (await new RequestRepository(harness.desk.storage.tables).get('contoso-praxis', number))?.request;
    assert.equal(stored?.channel, 'phone');
    assert.equal(stored?.contactName, 'Dr. Miriam Vogel');
    assert.equal(stored?.urgency, 'high');
    assert.equal(Date.parse(stored?.openedAt ?? ''), Date.parse('2026-12-04T16:00:00+01:00'));
    assert.equal(Date.parse(stored?.deadline ?? ''), Date.parse('2026-12-07T10:00:00+01:00'));
  });

  it('call in the future shows German error', async () => {
    const before = await new RequestRepository(harness.desk.storage.tables).listByCustomer('contoso-praxis');
    // One hour after the harness clock's 17:00.
    const { page, dialog } = await fillPhoneCall('18:00');
    await dialog.getByRole('button', { name: 'Anfrage anlegen' }).click();

    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    await saveScreenshot(page, 'record-call-future');
    assert.equal(
      await alert.innerText(),
      'Die Eingabe ist ungültig: Der Zeitpunkt des Anrufs liegt in der Zukunft. Geben Sie eine Zeit bis jetzt an.',
    );
    const after = await new RequestRepository(harness.desk.storage.tables).listByCustomer('contoso-praxis');
    assert.equal(after.length, before.length);
  });
});
