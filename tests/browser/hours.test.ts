import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { figure, logApprovedFabrikamOverage, openScreen, pickCustomer, useSignedInTab } from './support/screenSteps.js';
import { logPhoneRequest, type TabApiClient } from './support/tabApiClient.js';
import { saveScreenshot, type TabHarness, type TabOptions } from './support/tabHarness.js';

/** Friday 2026-12-04, 10:00 in Berlin; every test logs time in December 2026. */
const FRIDAY_MORNING = '2026-12-04T10:00:00+01:00';

async function openHoursOf(harness: TabHarness, customerName: string, options: TabOptions = {}): Promise<Page> {
  const english = options.lang === 'en';
  const page = await openScreen(harness, 'hours', english ? 'Hours' : 'Stunden', options);
  await pickCustomer(page, customerName, english ? 'Customer' : 'Kunde');
  await page.getByRole('heading', { name: `${customerName}, ${english ? 'December' : 'Dezember'} 2026` }).waitFor();
  return page;
}

describe('hours screen', () => {
  let harness: TabHarness;
  let api: TabApiClient;

  useSignedInTab(FRIDAY_MORNING, (tab) => ({ harness, api } = tab));

  it('logged time changes used and remaining hours', async () => {
    const number = await logPhoneRequest(api, 'fabrikam', '2026-12-04T09:30:00+01:00', 'Teams-Besprechungen brechen ab');
    const page = await openHoursOf(harness, 'Fabrikam Logistik GmbH');

    // Gold includes 8 hours a month and nothing is logged yet.
    await figure(page, 'Verbraucht gesamt').filter({ hasText: '0 Min.' }).waitFor();
    assert.equal(await figure(page, 'Verfügbar').innerText(), '8 Std.');
    assert.equal(await figure(page, 'Verbleibend').innerText(), '8 Std.');

    await api.call('POST', `/requests/fabrikam/${number}/time`, { minutes: 100, type: 'support', note: 'Treiber aktualisiert' });
    await page.getByRole('button', { name: 'Aktualisieren' }).click();

    // 100 minutes bill as 105 in 15-minute increments: 480 - 105 = 375 minutes remain.
    await figure(page, 'Verbraucht gesamt').filter({ hasText: '1 Std. 45 Min.' }).waitFor();
    assert.equal(await figure(page, 'davon aus dem Kontingent').innerText(), '1 Std. 45 Min.');
    assert.equal(await figure(page, 'Verbleibend').innerText(), '6 Std. 15 Min.');
    assert.equal(await figure(page, 'Support').innerText(), '1 Std. 45 Min.');
    assert.equal(await figure(page, 'Projektarbeit').innerText(), '0 Min.');
    assert.equal(await figure(page, 'Verbraucht in Prozent').innerText(), '21,9\u00a0%');
    await page
      .getByRole('img', { name: 'Verbraucht gesamt 1 Std. 45 Min. bei 8 Std. verfügbar, davon 0 Min. aus dem Vormonat übertragen.' })
      .waitFor();
    assert.equal(await page.locator('[data-hours-warning]').count(), 0);
    await saveScreenshot(page, 'hours-after-logging');
  });

  it('warns at 80 % and after the hours run out', async () => {
    const number = await logPhoneRequest(api, 'contoso-praxis', '2026-12-04T09:00:00+01:00', 'Scanner speichert nicht mehr');
    await api.call('POST', `/requests/contoso-praxis/${number}/time`, { minutes: 100, type: 'support' });
    const page = await openHoursOf(harness, 'Contoso Praxisgemeinschaft');

    // Bronze includes 2 hours: 105 of 120 billed minutes are 87.5 %.
    await page.getByText('80\u00a0% des Kontingents verbraucht').waitFor();
    assert.equal(await page.locator('[data-hours-warning]').getAttribute('data-hours-warning'), '80');
    assert.equal(await figure(page, 'Verbraucht in Prozent').innerText(), '87,5\u00a0%');
    assert.equal(await figure(page, 'Verbleibend').innerText(), '15 Min.');
    await saveScreenshot(page, 'hours-warning-80');

    // 30 more minutes make 135 billed minutes: 15 beyond the hours, and the customer approved none of them.
    await api.call('POST', `/requests/contoso-praxis/${number}/time`, { minutes: 30, type: 'support' });
    await page.getByRole('button', { name: 'Aktualisieren' }).click();
    await page.getByText('Kontingent ausgeschöpft').waitFor();
    await page.getByText('15 Min. nicht genehmigte Mehrstunden').waitFor();
    assert.equal(await figure(page, 'Nicht genehmigt').innerText(), '15 Min.');
    assert.equal(await figure(page, 'Verbleibend').innerText(), '0 Min.');
    assert.equal(await figure(page, 'Genehmigt, noch offen').innerText(), '0 Min.');
    await saveScreenshot(page, 'hours-exhausted');
  });

  it('English high-contrast view uses the theme', async () => {
    const page = await openHoursOf(harness, 'Northwind Energie AG', { lang: 'en', theme: 'contrast' });

    // Enterprise includes 50 hours a month and rolls up to 15 unused hours over.
    assert.equal(await figure(page, 'Included in the plan').innerText(), '50 h');
    // November left all 15 hours of Enterprise's rollover cap unused, so they roll into December.
    await page.getByRole('img', { name: 'Used in total 0 min with 65 h available, of which 15 h rolled over from the previous month.' }).waitFor();
    // The chart's track takes its outline from the Fluent theme: teamsHighContrastTheme's colorNeutralStroke1 is
    // #ffffff, where an SVG rect without the theme would have no stroke at all.
    const trackStroke = await page
      .locator('svg[role="img"] rect')
      .first()
      .evaluate((element) => (globalThis as any).getComputedStyle(element).stroke as string);
    assert.equal(trackStroke, 'rgb(255, 255, 255)');
    await saveScreenshot(page, 'hours-english-contrast');
  });
});

describe('hours screen with overage', () => {
  let harness: TabHarness;
  let api: TabApiClient;

  useSignedInTab(FRIDAY_MORNING, (tab) => ({ harness, api } = tab));

  it('used hours split into total, included and overage', async () => {
    await logApprovedFabrikamOverage({ harness, api }, '2026-12-04T09:30:00+01:00');
    const page = await openHoursOf(harness, 'Fabrikam Logistik GmbH');

    // Gold includes 8 hours: 540 support minutes are 480 from the included hours and 60 beyond.
    await figure(page, 'Verbraucht gesamt').filter({ hasText: '9 Std.' }).waitFor();
    assert.equal(await figure(page, 'davon aus dem Kontingent').innerText(), '8 Std.');
    assert.equal(await figure(page, 'Mehrstunden').innerText(), '1 Std.');
    assert.equal(await figure(page, 'Genehmigt').innerText(), '1 Std. 30 Min.');
    assert.equal(await figure(page, 'Genehmigt, noch offen').innerText(), '30 Min.');
    assert.equal(await figure(page, 'Support').innerText(), '9 Std.');
    assert.equal(await page.getByRole('rowheader', { name: 'Verbraucht', exact: true }).count(), 0);
    await page
      .getByRole('img', { name: 'Verbraucht gesamt 9 Std. bei 8 Std. verfügbar, davon 0 Min. aus dem Vormonat übertragen.' })
      .waitFor();
  });
});
