import assert from 'node:assert/strict';
import { ArticleRepository } from '../../src/storage/articles.js';
import { logPhoneRequest, signInToTabApi, type TabApiClient } from './support/tabApiClient.js';
import { saveScreenshot, startTabHarness, type TabHarness } from './support/tabHarness.js';

describe('knowledge base screen', () => {
  let harness: TabHarness;
  let api: TabApiClient;

  before(async () => {
    harness = await startTabHarness('2026-12-04T10:00:00+01:00');
    api = await signInToTabApi(harness.desk);
  });

  after(async () => {
    await harness?.stop();
  });

  it('search finds an article created in the tab', async () => {
    await api.call('POST', '/articles', {
      title: 'Drucker druckt nur leere Seiten',
      problem: 'Der Netzwerkdrucker im Empfang gibt nur leere Seiten aus.',
      solution: 'Tonerkartusche tauschen und die Schutzfolie abziehen.',
      tags: ['Drucker'],
      visibility: 'internal',
    });
    const page = await harness.openTab({ screen: 'knowledge' });
    await page.getByRole('tab', { name: 'Wissensdatenbank', selected: true }).waitFor();
    await page.getByText('1 Artikel', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Neuer Artikel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neuer Artikel' });
    await dialog.getByRole('textbox', { name: 'Titel' }).fill('VPN trennt nach zehn Minuten');
    await dialog.getByRole('textbox', { name: 'Problem' }).fill('Die VPN-Verbindung im Homeoffice bricht nach etwa zehn Minuten ab.');
    await dialog.getByRole('textbox', { name: 'Lösung' }).fill('Im FortiClient die Option "Bei Leerlauf trennen" ausschalten.');
    await dialog.getByRole('textbox', { name: 'Schlagwörter' }).fill('VPN, FortiClient, Homeoffice');
    await dialog.getByRole('radio', { name: /^Öffentlich/ }).check();
    await dialog.getByRole('button', { name: 'Artikel anlegen' }).click();
    await page.getByText('„VPN trennt nach zehn Minuten“ ist angelegt.').waitFor();
    await page.getByText('2 Artikel', { exact: true }).waitFor();

    await page.getByRole('searchbox', { name: 'Artikel suchen' }).pressSequentially('forticlient', { delay: 20 });
    await page.getByText('1 Artikel zu „forticlient“ gefunden.').waitFor();
    const results = page.getByRole('table', { name: 'Suchergebnisse für „forticlient“' });
    const rows = results.getByRole('row').filter({ hasText: 'VPN trennt nach zehn Minuten' });
    const cells = await rows.getByRole('cell').allInnerTexts();
    assert.match(cells[0] ?? '', /^VPN trennt nach zehn Minuten\n/);
    assert.deepEqual((cells[1] ?? '').split('\n'), ['VPN', 'FortiClient', 'Homeoffice']);
    assert.equal(cells[2], 'öffentlich');
    assert.equal(await results.getByRole('row').filter({ hasText: 'Drucker' }).count(), 0);
    await saveScreenshot(page, 'knowledge-base-search');

    const stored = (await new ArticleRepository(harness.desk.storage.tables).list()).find(
      (article) => article.title === 'VPN trennt nach zehn Minuten',
    );
    assert.equal(stored?.visibility, 'public');
    assert.deepEqual(stored?.tags, ['VPN', 'FortiClient', 'Homeoffice']);

    await page.getByRole('searchbox', { name: 'Artikel suchen' }).fill('Zeiterfassung');
    await page.getByText('Keine Artikel zu „Zeiterfassung“ gefunden.').waitFor();
  });

  it('too long tag shows the field error', async () => {
    const page = await harness.openTab({ screen: 'knowledge' });
    await page.getByRole('button', { name: 'Neuer Artikel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neuer Artikel' });
    await dialog.getByRole('textbox', { name: 'Titel' }).fill('Outlook startet nur abgesichert');
    await dialog.getByRole('textbox', { name: 'Problem' }).fill('Outlook startet nur im abgesicherten Modus.');
    await dialog.getByRole('textbox', { name: 'Lösung' }).fill('Add-ins deaktivieren.');
    // A tag may have 40 characters.
    await dialog.getByRole('textbox', { name: 'Schlagwörter' }).fill(`Outlook, ${'x'.repeat(41)}`);
    await dialog.getByRole('button', { name: 'Artikel anlegen' }).click();

    await dialog.getByText('Zu viele oder zu lange Schlagwörter.').waitFor();
    await dialog.getByText('Der Artikel ist nicht gespeichert. Korrigieren Sie die markierten Felder.').waitFor();
    assert.equal(await dialog.getByRole('textbox', { name: 'Schlagwörter' }).getAttribute('aria-invalid'), 'true');
    const stored = await new ArticleRepository(harness.desk.storage.tables).list();
    assert.equal(stored.filter((article) => article.title === 'Outlook startet nur abgesichert').length, 0);
  });

  it('article from a resolved request opens as draft', async () => {
    const number = await logPhoneRequest(api, 'northwind', '2026-12-04T09:40:00+01:00', 'Freigegebenes Postfach fehlt in Outlook');
    await api.call('POST', `/requests/northwind/${number}/state`, {
      state: 'resolved',
      solution: 'Vollzugriff neu vergeben und Outlook-Profil neu angelegt.',
    });

    const page = await harness.openTab({ screen: 'knowledge' });
    await page.getByRole('button', { name: 'Aus Anfrage erstellen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Artikel aus einer Anfrage erstellen' });
    await dialog.getByRole('combobox', { name: 'Kunde' }).click();
    await page.getByRole('option', { name: 'Northwind Energie AG' }).click();
    await dialog.getByRole('combobox', { name: 'Gelöste Anfrage' }).click();
    await page.getByRole('option', { name: new RegExp(`^${number} – Freigegebenes Postfach fehlt in Outlook`) }).click();
    await dialog.getByRole('button', { name: 'Entwurf erstellen' }).click();

    await page.getByText(`Entwurf aus ${number} erstellt.`).waitFor();
    const editor = page.getByRole('dialog', { name: 'Artikel bearbeiten' });
    assert.equal(await editor.getByRole('textbox', { name: 'Problem' }).inputValue(), 'Freigegebenes Postfach fehlt in Outlook');
    assert.equal(await editor.getByRole('textbox', { name: 'Lösung' }).inputValue(), 'Vollzugriff neu vergeben und Outlook-Profil neu angelegt.');
    assert.equal(await editor.getByRole('radio', { name: /^Intern/ }).isChecked(), true);
    await saveScreenshot(page, 'knowledge-base-from-request');

    await editor.getByRole('textbox', { name: 'Schlagwörter' }).fill('Exchange, Postfach');
    await editor.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText(/^„.+“ ist gespeichert\.$/).waitFor();
    const stored = (await new ArticleRepository(harness.desk.storage.tables).list()).find(
      (article) => article.source?.number === number,
    );
    assert.deepEqual(stored?.tags, ['Exchange', 'Postfach']);
    assert.equal(stored?.visibility, 'internal');
  });
});
