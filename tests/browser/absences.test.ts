import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { AbsenceRepository } from '../../src/storage/absences.js';
import { openScreen } from './support/screenSteps.js';
import { saveScreenshot, startTabHarness, type TabHarness } from './support/tabHarness.js';

/** Enters the Christmas vacation 2026-12-21 to 2027-01-03 with Katrin Weber as substitute and submits the form. */
async function submitChristmasAbsence(page: Page, substitutePhone: string): Promise<void> {
  await page.getByLabel('Erster Tag').fill('2026-12-21');
  await page.getByLabel('Letzter Tag').fill('2027-01-03');
  await page.getByRole('textbox', { name: 'Notiz' }).fill('Weihnachtsurlaub');
  await page.getByRole('textbox', { name: 'Vertretung (Name)' }).fill('Katrin Weber');
  await page.getByRole('textbox', { name: 'Telefon der Vertretung' }).fill(substitutePhone);
  await page.getByRole('button', { name: 'Abwesenheit eintragen' }).click();
}

describe('absences screen', () => {
  let harness: TabHarness;

  before(async () => {
    harness = await startTabHarness('2026-12-04T10:00:00+01:00');
  });

  after(async () => {
    await harness?.stop();
  });

  it('adds and removes an absence', async () => {
    const page = await openScreen(harness, 'absences', 'Abwesenheiten');

    await submitChristmasAbsence(page, '+49 171 5550123');

    await page.getByText('Abwesenheit eingetragen.').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Weihnachtsurlaub' });
    const cells = await row.getByRole('cell').allInnerTexts();
    assert.equal(cells[0], '21.12.2026 bis 03.01.2027');
    assert.equal(cells[2], 'Katrin Weber, +49 171 5550123');
    await saveScreenshot(page, 'absences-added');

    const stored = await new AbsenceRepository(harness.desk.storage.tables).list();
    assert.equal(stored.length, 1);
    assert.equal(Date.parse(stored[0]?.from ?? ''), Date.parse('2026-12-21T00:00:00+01:00'));
    assert.equal(Date.parse(stored[0]?.to ?? ''), Date.parse('2027-01-04T00:00:00+01:00'));

    await page.getByRole('button', { name: 'Abwesenheit 21.12.2026 bis 03.01.2027 entfernen' }).click();
    await page.getByText('Abwesenheit entfernt.').waitFor();
    await page.getByText('Keine Abwesenheiten eingetragen.').waitFor();
    assert.deepEqual(await new AbsenceRepository(harness.desk.storage.tables).list(), []);
  });

  it('absence without note asks for the note', async () => {
    const page = await openScreen(harness, 'absences', 'Abwesenheiten');

    assert.equal(await page.getByRole('textbox', { name: 'Notiz' }).getAttribute('required'), '');
    await page.getByLabel('Erster Tag').fill('2026-12-21');
    await page.getByLabel('Letzter Tag').fill('2027-01-03');
    await page.getByRole('button', { name: 'Abwesenheit eintragen' }).click();

    await page.getByText('Geben Sie eine Notiz an, z. B. „Urlaub“. Nur Sie sehen sie.').waitFor();
    assert.deepEqual(await new AbsenceRepository(harness.desk.storage.tables).list(), []);
  });

  it('invalid substitute phone is named', async () => {
    const page = await openScreen(harness, 'absences', 'Abwesenheiten');

    await submitChristmasAbsence(page, 'bitte über Zentrale');

    await page.getByText('Geben Sie die Telefonnummer der Vertretung mit Vorwahl an, z. B. +49 171 5550123.').waitFor();
    assert.deepEqual(await new AbsenceRepository(harness.desk.storage.tables).list(), []);
  });
});
