import assert from 'node:assert/strict';
import { CustomerRepository } from '../../src/storage/customers.js';
import { saveScreenshot, startTabHarness, type TabHarness } from './support/tabHarness.js';

describe('customers screen', () => {
  let harness: TabHarness;

  before(async () => {
    harness = await startTabHarness('2026-12-04T10:00:00+01:00');
  });

  after(async () => {
    await harness?.stop();
  });

  it('lists plan, tenant and contract of the demo customers', async () => {
    const page = await harness.openTab({ screen: 'customers' });
    const row = page.getByRole('row').filter({ hasText: 'Northwind Energie AG' });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    assert.equal(cells[0], 'Northwind Energie AG (northwind)');
    assert.equal(cells[1], 'Enterprise Partner');
    assert.equal(cells[2], '7a2b3c4d-5e6f-4a7b-9c8d-1e2f3a4b5c02');
    assert.equal(cells[3], '01.03.2026');
    // Enterprise has a 12-month minimum term: from 2026-03-01 it runs through 2027-02-28.
    assert.equal(cells[4], '12 Monate, bis 28.02.2027');
    assert.equal(cells[5], '1 Kontakt · genehmigt: Miriam Schulz');
  });

  it('plan picker offers every catalog plan', async () => {
    const page = await harness.openTab({ screen: 'customers' });
    await page.getByRole('button', { name: 'Neuer Kunde' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neuer Kunde' });
    await dialog.getByRole('combobox', { name: 'Plan' }).click();

    // Silver, Starter and Professional have no demo customer, so their names come from GET /api/tab/plans.
    const options = (await page.getByRole('option').allInnerTexts()).map((text) => text.split('\n'));
    assert.deepEqual(
      options.map(([name]) => name),
      ['Bronze Hotline', 'Silver Hotline', 'Gold Hotline', 'Starter Partner', 'Professional Partner', 'Enterprise Partner'],
    );
    assert.equal(options[0]?.[1], '299,00\u00a0€ pro Monat · 2 Std. inklusive · keine Mindestlaufzeit');
    assert.equal(options[4]?.[1], '3.499,00\u00a0€ pro Monat · 30 Std. inklusive · 6 Monate Mindestlaufzeit');
    await saveScreenshot(page, 'customer-plan-picker');

    await page.getByRole('option', { name: 'Silver Hotline' }).click();
    assert.equal(await dialog.getByRole('combobox', { name: 'Plan' }).innerText(), 'Silver Hotline');
    await dialog.getByText('599,00\u00a0€ pro Monat · 4 Std. inklusive · keine Mindestlaufzeit').waitFor();

    // The wide dialog is 960px on the 1400px viewport instead of Fluent's 600px.
    const surface = await dialog.boundingBox();
    assert.equal(surface?.width, 960);
  });

  it('empty required name shows the German message', async () => {
    const page = await harness.openTab({ screen: 'customers' });
    await page.getByRole('button', { name: 'Neuer Kunde' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neuer Kunde' });
    await dialog.getByRole('textbox', { name: 'Kürzel' }).fill('tailspin');
    await dialog.getByRole('combobox', { name: 'Plan' }).click();
    await page.getByRole('option', { name: 'Gold Hotline' }).click();
    await dialog.getByRole('textbox', { name: 'Mandanten-ID' }).fill('3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b');
    await dialog.getByLabel('Vertragsbeginn').fill('2026-12-01');
    const name = dialog.getByRole('textbox', { name: 'Name' }).first();
    assert.equal(await name.getAttribute('required'), '');

    await dialog.getByRole('button', { name: 'Kunde anlegen' }).click();

    // Chromium would block the submit with its own "Please fill out this field" popup unless the form has
    // noValidate, and then the tab's message below could not appear.
    await dialog.getByText('Geben Sie den Namen des Kunden ein.').waitFor();
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    assert.equal(await dialog.locator('form').getAttribute('novalidate'), '');
    assert.equal(await name.evaluate((input) => (input as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing), true);
    await dialog.getByText('Der Kunde ist nicht gespeichert. Korrigieren Sie die markierten Felder.').waitFor();
    assert.equal(await new CustomerRepository(harness.desk.storage.tables).get('tailspin'), undefined);
    await saveScreenshot(page, 'customer-required-name');
  });

  it('invalid tenant id shows the field error', async () => {
    const page = await harness.openTab({ screen: 'customers' });
    await page.getByRole('button', { name: 'Neuer Kunde' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neuer Kunde' });
    await dialog.getByRole('textbox', { name: 'Kürzel' }).fill('adatum');
    await dialog.getByRole('textbox', { name: 'Name' }).first().fill('Adatum Steuerberatung');
    await dialog.getByRole('combobox', { name: 'Plan' }).click();
    await page.getByRole('option', { name: 'Enterprise Partner' }).click();
    await dialog.getByRole('textbox', { name: 'Mandanten-ID' }).fill('adatum.onmicrosoft.com');
    await dialog.getByLabel('Vertragsbeginn').fill('2026-12-01');
    await dialog.getByRole('button', { name: 'Kontakt hinzufügen' }).click();
    const contact = dialog.getByRole('group', { name: 'Kontakt 1' });
    await contact.getByRole('textbox', { name: 'Name' }).fill('Paula Roth');
    await contact.getByRole('textbox', { name: 'E-Mail' }).fill('paula.roth@adatum.example');
    await contact.getByRole('textbox', { name: 'Entra-Objekt-ID' }).fill('6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c90');
    await dialog.getByRole('checkbox', { name: 'Darf Mehrstunden genehmigen' }).check();
    await dialog.getByRole('button', { name: 'Kunde anlegen' }).click();

    const tenant = dialog.getByRole('textbox', { name: 'Mandanten-ID' });
    await dialog.getByText('Geben Sie die Mandanten-ID als GUID ein, z. B. 6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e01.').waitFor();
    assert.equal(await tenant.getAttribute('aria-invalid'), 'true');
    await dialog.getByText('Der Kunde ist nicht gespeichert. Korrigieren Sie die markierten Felder.').waitFor();
    assert.equal(await dialog.getByRole('textbox', { name: 'Kürzel' }).getAttribute('aria-invalid'), null);
    assert.equal(await new CustomerRepository(harness.desk.storage.tables).get('adatum'), undefined);
    await saveScreenshot(page, 'customer-field-error');

    await tenant.fill('9c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c65');
    await dialog.getByRole('button', { name: 'Kunde anlegen' }).click();
    await page.getByText('Adatum Steuerberatung ist angelegt.').waitFor();
    const created = page.getByRole('row').filter({ hasText: 'Adatum Steuerberatung' });
    await created.waitFor();
    const cells = await created.getByRole('cell').allInnerTexts();
    assert.equal(cells[1], 'Enterprise Partner');
    assert.equal(cells[2], '9c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c65');
    assert.equal(cells[4], '12 Monate, bis 30.11.2027');
    assert.equal(cells[5], '1 Kontakt · genehmigt: Paula Roth');

    const customers = new CustomerRepository(harness.desk.storage.tables);
    assert.equal((await customers.get('adatum'))?.tenantId, '9c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c65');
    const contacts = await customers.listContacts('adatum');
    assert.equal(contacts.length, 1);
    assert.equal(contacts[0]?.email, 'paula.roth@adatum.example');
    assert.equal(contacts[0]?.approver, true);
  });

  it('invalid contact phone shows the field error', async () => {
    const page = await harness.openTab({ screen: 'customers' });
    await page.getByRole('button', { name: 'Fabrikam Logistik GmbH bearbeiten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fabrikam Logistik GmbH bearbeiten' });
    const contact = dialog.getByRole('group', { name: 'Kontakt 2: Tobias Wagner' });
    await contact.getByRole('textbox', { name: 'Telefon' }).fill('ruf mich an');
    await dialog.getByRole('button', { name: 'Speichern' }).click();

    await contact.getByText('Geben Sie eine Telefonnummer wie +49 211 5550100 ein oder lassen Sie das Feld leer.').waitFor();
    assert.equal(await contact.getByRole('textbox', { name: 'Telefon' }).getAttribute('aria-invalid'), 'true');
    await saveScreenshot(page, 'customer-contact-error');

    await contact.getByRole('textbox', { name: 'Telefon' }).fill('+49 211 5550102');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Fabrikam Logistik GmbH ist gespeichert.').waitFor();
    const stored = await new CustomerRepository(harness.desk.storage.tables).getContact('fabrikam', '2c4e6a80-3d5f-4b71-8c9d-0e1f2a3b4c22');
    assert.equal(stored?.phone, '+49 211 5550102');
    assert.equal(stored?.approver, false);
    assert.equal(stored?.language, 'de');
  });
});
