import assert from 'node:assert/strict';
import { TimeEntryRepository } from '../../src/storage/timeEntries.js';
import { logPhoneRequest, signInToTabApi } from './support/tabApiClient.js';
import { saveScreenshot, startTabHarness, type TabHarness } from './support/tabHarness.js';

/** Monday 2026-12-07, 09:00 in Berlin. */
const MONDAY_MORNING = '2026-12-07T09:00:00+01:00';

/** The drawer's time of the logged entry's start, 08:35 in Berlin. */
const START_TEXT = 'Mo., 07.12.2026, 08:35';

describe('time entries in the request detail', () => {
  let harness: TabHarness;
  let timeEntries: TimeEntryRepository;

  before(async () => {
    harness = await startTabHarness(MONDAY_MORNING);
    timeEntries = new TimeEntryRepository(harness.desk.storage.tables);
  });

  after(async () => {
    await harness?.stop();
  });

  /** Logs a Fabrikam phone request with 25 support minutes from 08:35; returns its number and the entry's key. */
  async function requestWith25Minutes(description: string) {
    const api = await signInToTabApi(harness.desk);
    const number = await logPhoneRequest(api, 'fabrikam', '2026-12-07T08:30:00+01:00', description);
    const detail = await api.call('POST', `/requests/fabrikam/${number}/time`, {
      minutes: 25,
      type: 'support',
      note: 'Archiv eingerichtet',
      start: '2026-12-07T08:35:00+01:00',
    });
    const entry = detail.timeEntries[0];
    return { number, key: { customerId: 'fabrikam', month: entry.month as string, id: entry.id as string } };
  }

  /** Opens the tab and the request's detail drawer; returns the drawer's time entries section. */
  async function openTimeEntries(number: string) {
    const page = await harness.openTab();
    await page.getByRole('button', { name: number, exact: true }).click();
    const drawer = page.getByRole('dialog', { name: `Anfrage ${number}` });
    const section = drawer.getByRole('region', { name: 'Zeiteinträge' });
    await section.getByText(`${START_TEXT} · 25 Min. Support, abgerechnet 30 Min. · Archiv eingerichtet`).waitFor();
    return { page, section };
  }

  it('editing 25 to 40 minutes bills 45', async () => {
    const { number, key } = await requestWith25Minutes('Postfach von Herrn Wagner ist voll');
    const { page, section } = await openTimeEntries(number);

    await section.getByRole('button', { name: `Zeiteintrag vom ${START_TEXT} bearbeiten` }).click();
    const dialog = page.getByRole('dialog', { name: `Zeiteintrag vom ${START_TEXT} bearbeiten` });
    const minutes = dialog.getByRole('spinbutton', { name: 'Dauer in Minuten' });
    assert.equal(await minutes.inputValue(), '25');
    await minutes.fill('40');
    await dialog.getByRole('button', { name: 'Speichern' }).click();

    await page.getByText('Zeiteintrag mit 40 Min. gespeichert.', { exact: true }).waitFor();
    await section.getByText(`${START_TEXT} · 40 Min. Support, abgerechnet 45 Min. · Archiv eingerichtet`).waitFor();
    const history = section.getByRole('list', { name: 'Änderungsverlauf' });
    await history
      .getByText('Sebastian Krüger · geändert (vorher: 25 Min. Support, abgerechnet 30 Min. · Archiv eingerichtet)', { exact: false })
      .waitFor();
    await saveScreenshot(page, 'time-entry-edited');

    const stored = await timeEntries.get(key);
    assert.equal(stored?.minutes, 40);
    assert.equal(stored?.type, 'support');
    assert.equal(stored?.version, 2);
    const changes = await timeEntries.entryHistory(key);
    assert.equal(changes.length, 1);
    assert.equal(changes[0]?.changedBy, 'Sebastian Krüger');
    assert.equal(changes[0]?.before.minutes, 25);
  });

  it('deleting asks first and keeps the entry listed as deleted', async () => {
    const { number, key } = await requestWith25Minutes('Drucker im Lager druckt nicht');
    const { page, section } = await openTimeEntries(number);

    await section.getByRole('button', { name: `Zeiteintrag vom ${START_TEXT} löschen` }).click();
    const dialog = page.getByRole('dialog', { name: 'Zeiteintrag löschen?' });
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    assert.equal((await timeEntries.get(key))?.minutes, 25);

    await section.getByRole('button', { name: `Zeiteintrag vom ${START_TEXT} löschen` }).click();
    await dialog.getByRole('button', { name: 'Löschen' }).click();

    await page.getByText('Zeiteintrag gelöscht.').waitFor();
    await section.getByText('Noch keine Zeit erfasst.').waitFor();
    await section
      .getByRole('region', { name: 'Gelöschte Zeiteinträge' })
      .getByText('25 Min. Support, abgerechnet 30 Min. · Archiv eingerichtet · gelöscht von Sebastian Krüger', { exact: false })
      .waitFor();
    await saveScreenshot(page, 'time-entry-deleted');

    assert.equal(await timeEntries.get(key), undefined);
    const changes = await timeEntries.entryHistory(key);
    assert.deepEqual(
      changes.map((change) => [change.action, change.changedBy]),
      [['deleted', 'Sebastian Krüger']],
    );
  });
});
