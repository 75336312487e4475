import assert from 'node:assert/strict';
import { RequestRepository } from '../../src/storage/requests.js';
import { TimeEntryRepository } from '../../src/storage/timeEntries.js';
import { saveScreenshot, startTabHarness, type TabHarness } from './support/tabHarness.js';
import { openRequestThroughTeams } from './support/teamsRequest.js';

/** Friday 2026-12-04, 20:30 in Berlin: Gold's window closes at 21:00, so the deadline is Monday 07:30. */
const FRIDAY_EVENING = '2026-12-04T20:30:00+01:00';

describe('queue screen', () => {
  let harness: TabHarness;
  let requests: RequestRepository;

  before(async () => {
    harness = await startTabHarness(FRIDAY_EVENING);
    requests = new RequestRepository(harness.desk.storage.tables);
  });

  after(async () => {
    await harness?.stop();
  });

  it('shows a Teams request with deadline and countdown', async () => {
    const number = await openRequestThroughTeams(harness.desk, 'Outlook synchronisiert keine E-Mails mehr');
    const page = await harness.openTab();

    const row = page.getByRole('row').filter({ hasText: number });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    assert.equal(cells[0], number);
    assert.equal(cells[1], 'Fabrikam Logistik GmbH');
    assert.equal(cells[2], 'Outlook synchronisiert keine E-Mails mehr');
    assert.equal(cells[3], 'neu');
    assert.equal(cells[4], 'Teams');
    assert.equal(cells[5], 'Mo., 07.12.2026, 07:30');

    // Friday 20:30:10 to Monday 07:30:00 is 2 days, 10 h, 59 min and 50 s of wall time.
    const countdown = row.locator('[data-sla-status]');
    await page.clock.pauseAt(new Date('2026-12-04T20:30:10+01:00'));
    await page.getByText('noch 2 Tage 10:59:50').waitFor();
    assert.equal(await countdown.getAttribute('data-sla-status'), 'onTrack');
    await saveScreenshot(page, 'queue-on-track');

    // 75 % of Gold's 60 minutes: 30 minutes on Friday and 15 on Monday, so at risk from Monday 07:15.
    await page.clock.pauseAt(new Date('2026-12-07T07:20:00+01:00'));
    await row.getByText('noch 00:10:00 · gefährdet').waitFor();
    assert.equal(await countdown.getAttribute('data-sla-status'), 'atRisk');
    await saveScreenshot(page, 'queue-at-risk');

    await page.clock.pauseAt(new Date('2026-12-07T07:31:00+01:00'));
    await row.getByText('überfällig seit 00:01:00 · überschritten').waitFor();
    assert.equal(await countdown.getAttribute('data-sla-status'), 'breached');
    await saveScreenshot(page, 'queue-breached');
  });

  it('take over and callback change the state', async () => {
    const number = await openRequestThroughTeams(harness.desk, 'Teams-Telefonie fällt immer wieder aus');
    const page = await harness.openTab();
    const row = page.getByRole('row').filter({ hasText: number });
    await row.waitFor();

    await page.getByRole('button', { name: `${number} übernehmen` }).click();
    await page.getByText(`${number} ist übernommen.`).waitFor();
    await row.getByRole('cell', { name: 'übernommen', exact: true }).waitFor();
    assert.equal((await requests.get('fabrikam', number))?.request.state, 'acknowledged');

    await page.getByRole('button', { name: `Rückruf für ${number} erfassen` }).click();
    await page.getByText(`Rückruf für ${number} ist erfasst.`).waitFor();
    await row.getByRole('cell', { name: 'Rückruf erfolgt', exact: true }).waitFor();
    await saveScreenshot(page, 'queue-callback-recorded');

    const stored = (await requests.get('fabrikam', number))?.request;
    assert.equal(stored?.state, 'callbackDone');
    assert.equal(stored?.slaMet, true);
    assert.equal(Date.parse(stored?.firstContactAt ?? ''), Date.parse(FRIDAY_EVENING));
  });

  it('detail shows history and the note added there', async () => {
    const number = await openRequestThroughTeams(harness.desk, 'SharePoint-Freigabe funktioniert nicht');
    const page = await harness.openTab();
    await page.getByRole('button', { name: number, exact: true }).click();

    const drawer = page.getByRole('dialog', { name: `Anfrage ${number}` });
    await drawer.getByRole('region', { name: 'Verlauf' }).waitFor();
    await drawer.getByRole('textbox', { name: 'Neue Notiz' }).fill('Kunde bittet um Rückruf nach 14 Uhr');
    await drawer.getByRole('button', { name: 'Notiz hinzufügen' }).click();
    await drawer.getByRole('region', { name: 'Notizen' }).getByText('Kunde bittet um Rückruf nach 14 Uhr', { exact: false }).waitFor();
    await saveScreenshot(page, 'request-detail');
  });

  it('log time and resolve from the menu', async () => {
    const number = await openRequestThroughTeams(harness.desk, 'Postfach von Frau Schulz ist voll');
    const page = await harness.openTab();
    await page.getByRole('row').filter({ hasText: number }).waitFor();

    await page.getByRole('button', { name: `Weitere Aktionen für ${number}` }).click();
    await page.getByRole('menuitem', { name: 'Zeit erfassen' }).click();
    const timeDialog = page.getByRole('dialog', { name: `Zeit erfassen für ${number}` });
    await timeDialog.getByRole('spinbutton', { name: 'Dauer in Minuten' }).fill('25');
    await timeDialog.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText(`25 Min. für ${number} erfasst.`).waitFor();

    await page.getByRole('button', { name: `Weitere Aktionen für ${number}` }).click();
    await page.getByRole('menuitem', { name: 'Lösen' }).click();
    const resolveDialog = page.getByRole('dialog', { name: `${number} lösen` });
    await resolveDialog.getByRole('button', { name: 'Speichern' }).click();
    await resolveDialog.getByText('Beschreiben Sie die Lösung.').waitFor();
    await resolveDialog.getByRole('textbox', { name: 'Lösung' }).fill('Archivierung eingerichtet, 12 GB freigegeben');
    await resolveDialog.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText(`${number} ist jetzt gelöst.`).waitFor();
    assert.equal(await page.getByRole('row').filter({ hasText: number }).count(), 0);

    const stored = (await requests.get('fabrikam', number))?.request;
    assert.equal(stored?.state, 'resolved');
    assert.equal(stored?.solution, 'Archivierung eingerichtet, 12 GB freigegeben');
    const entries = await new TimeEntryRepository(harness.desk.storage.tables).listMonths('fabrikam', '2026-12', '2026-12');
    const logged = entries.filter((entry) => entry.request === number);
    assert.equal(logged.length, 1);
    assert.equal(logged[0]?.minutes, 25);
    assert.equal(logged[0]?.type, 'support');
  });
});
