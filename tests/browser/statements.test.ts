import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { figure, logApprovedFabrikamOverage, openScreen, pickCustomer, useSignedInTab } from './support/screenSteps.js';
import { logPhoneRequest, type TabApiClient } from './support/tabApiClient.js';
import { saveScreenshot, type TabHarness } from './support/tabHarness.js';

/** Friday 2026-12-04, 10:00 in Berlin. */
const FRIDAY_MORNING = '2026-12-04T10:00:00+01:00';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

async function openStatementOf(harness: TabHarness, customerName: string): Promise<Page> {
  const page = await openScreen(harness, 'statements', 'Abrechnungen');
  await pickCustomer(page, customerName);
  await page.getByRole('heading', { name: `Abrechnung ${customerName}, Dezember 2026` }).waitFor();
  return page;
}

describe('statements screen', () => {
  let harness: TabHarness;
  let api: TabApiClient;

  useSignedInTab(FRIDAY_MORNING, (tab) => ({ harness, api } = tab));

  it('shows lines and totals, and downloads the CSV', async () => {
    // Gold covers support only, so project work bills at 149 € an hour: 50 minutes round up to 60.
    const number = await logPhoneRequest(api, 'fabrikam', '2026-12-04T09:00:00+01:00', 'SharePoint-Migration planen');
    await api.call('POST', `/requests/fabrikam/${number}/time`, { minutes: 50, type: 'project' });
    const page = await openStatementOf(harness, 'Fabrikam Logistik GmbH');

    const lines = page.getByRole('table', { name: 'Positionen der Abrechnung' });
    const row = (label: string) => lines.getByRole('row').filter({ has: page.getByRole('cell', { name: label, exact: true }) });
    await row('Summe brutto').waitFor();
    assert.deepEqual(await row('Monatspauschale').getByRole('cell').allInnerTexts(), [
      'Monatspauschale',
      '–',
      '1 Monat',
      '999,00\u00a0€ je Monat',
      '999,00\u00a0€',
    ]);
    assert.deepEqual(await row('Projektarbeit remote').getByRole('cell').allInnerTexts(), [
      'Projektarbeit remote',
      '–',
      '1 Std. (15-Minuten-Takt)',
      '149,00\u00a0€ je Stunde',
      '149,00\u00a0€',
    ]);
    // 999 + 149 = 1,148 € net; 19 % VAT is 218.12 €.
    assert.equal((await row('Summe netto').getByRole('cell').allInnerTexts()).at(-1), '1.148,00\u00a0€');
    assert.equal((await row('Umsatzsteuer').getByRole('cell').allInnerTexts()).at(-1), '218,12\u00a0€');
    assert.equal((await row('Summe brutto').getByRole('cell').allInnerTexts()).at(-1), '1.366,12\u00a0€');
    await saveScreenshot(page, 'statement');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV herunterladen' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'Abrechnung_fabrikam_2026-12.csv');
    const bytes = await readFile(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], UTF8_BOM);

    const rows = bytes.subarray(3).toString('utf8').split('\n');
    assert.equal(rows[0], 'Kunde;Monat;Position;Referenz;Menge;Einheit;Einzelpreis EUR;Preis je;Betrag EUR');
    const project = rows.find((line) => line.includes(';Projektarbeit remote;'))?.split(';');
    assert.equal(project?.[0], 'fabrikam');
    assert.equal(project?.[1], '2026-12');
    assert.equal(project?.[6], '149,00');
    assert.equal(project?.[8], '149,00');
    assert.equal(rows.find((line) => line.includes(';Summe brutto;'))?.split(';').at(-1), '1366,12');
    await page.getByText('Abrechnung_fabrikam_2026-12.csv wird heruntergeladen.').waitFor();
  });

  it('month before the contract start names the first month', async () => {
    const page = await openStatementOf(harness, 'Contoso Praxisgemeinschaft');
    // Contoso's contract starts on 2026-06-01.
    await page.getByLabel('Monat').fill('2026-05');
    await page
      .getByRole('alert')
      .getByText('Für diesen Monat gibt es keine Daten, weil er vor dem Vertragsbeginn liegt. Wählen Sie 2026-06 oder später.')
      .waitFor();
    assert.equal(await page.getByRole('button', { name: 'CSV herunterladen' }).isDisabled(), true);
  });

  it('SLA report shows a callback in time', async () => {
    // Bronze guarantees 4 working hours, so a call at 09:45 has its deadline at 13:45; the callback comes at 10:00.
    const number = await logPhoneRequest(api, 'contoso-praxis', '2026-12-04T09:45:00+01:00', 'Kalender zeigt falsche Zeitzone');
    await api.call('POST', `/requests/contoso-praxis/${number}/callback`);

    const page = await openScreen(harness, 'sla', 'SLA-Bericht');
    await pickCustomer(page, 'Contoso Praxisgemeinschaft');

    const report = page.getByRole('table', { name: 'Rückrufe im Dezember 2026, Contoso Praxisgemeinschaft' });
    const row = report.getByRole('row').filter({ hasText: 'Contoso Praxisgemeinschaft' });
    await row.waitFor();
    assert.equal(await report.getByRole('row').count(), 2);
    assert.deepEqual(await row.getByRole('cell').allInnerTexts(), ['Contoso Praxisgemeinschaft', '1', '1', '0', '0', '100\u00a0%', '15 Min.']);
    await page.getByRole('img', { name: 'Anteil rechtzeitiger Rückrufe je Kunde: Contoso Praxisgemeinschaft 100\u00a0%' }).waitFor();
    await saveScreenshot(page, 'sla-report');
  });
});

describe('statements screen with overage', () => {
  let harness: TabHarness;
  let api: TabApiClient;

  useSignedInTab(FRIDAY_MORNING, (tab) => ({ harness, api } = tab));

  it('used hours split into total, included and overage', async () => {
    await logApprovedFabrikamOverage({ harness, api }, '2026-12-04T09:00:00+01:00');
    const page = await openStatementOf(harness, 'Fabrikam Logistik GmbH');

    // Gold includes 8 hours: 540 support minutes are 480 from the included hours and 60 beyond, all approved.
    await figure(page, 'Verbraucht gesamt').filter({ hasText: '9 Std.' }).waitFor();
    assert.equal(await figure(page, 'davon aus dem Kontingent').innerText(), '8 Std.');
    assert.equal(await figure(page, 'Mehrstunden').innerText(), '1 Std.');
    assert.equal(await figure(page, 'Mehrstunden genehmigt').innerText(), '1 Std. 30 Min.');
    assert.equal(await figure(page, 'Mehrstunden abgerechnet').innerText(), '1 Std.');
    assert.equal(await page.getByRole('rowheader', { name: 'Auf das Kontingent gebucht', exact: true }).count(), 0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV herunterladen' }).click(),
    ]);
    const text = (await readFile(await download.path())).subarray(3).toString('utf8');
    const minutesOf = (label: string) => text.split('\n').find((line) => line.split(';')[2] === label)?.split(';')[4];
    assert.equal(minutesOf('Verbraucht gesamt'), '540');
    assert.equal(minutesOf('davon aus dem Kontingent'), '480');
    assert.equal(minutesOf('Mehrstunden'), '60');
    assert.ok(text.endsWith('\n'), 'the CSV ends with a line break');
  });
});
