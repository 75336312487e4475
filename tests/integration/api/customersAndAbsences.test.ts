import assert from 'node:assert/strict';
import { CustomerRepository } from '../../../src/storage/customers.js';
import { AbsenceRepository } from '../../../src/storage/absences.js';
import { consultant, startDeskHarness, type DeskHarness } from '../../support/deskHarness.js';
import { CLIENT_ID, EntraStandIn, callApi } from './tokenFixture.js';

const NOW = '2026-12-07T09:00:00+01:00';
const CONTOSO_TENANT = '2b4d6f80-1a3c-4e5f-9a7b-c1d2e3f4a5b6';
/** Tenant of the demo customer Fabrikam. */
const FABRIKAM_TENANT = '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e01';

function contoso(overrides: Record<string, unknown> = {}) {
  return {
    id: 'contoso',
    name: 'Contoso Handels GmbH',
    planId: 'starter',
    tenantId: CONTOSO_TENANT,
    contractStart: '2025-08-31',
    contacts: [
      {
        aadObjectId: '11111111-2222-4333-8444-555555555555',
        name: 'Mia Schulz',
        email: 'mia.schulz@contoso.example',
        phone: '+49 221 5550123',
        approver: true,
        language: 'de',
      },
    ],
    ...overrides,
  };
}

describe('tab API customers and absences', () => {
  const entra = new EntraStandIn();
  let harness: DeskHarness;
  let customers: CustomerRepository;

  before(async () => {
    await entra.start();
    harness = await startDeskHarness(NOW, { TAB_SSO_CLIENT_ID: CLIENT_ID, TAB_JWKS_URL: entra.jwksUrl });
    customers = new CustomerRepository(harness.storage.tables);
  });

  after(async () => {
    await harness.stop();
    await entra.stop();
  });

  async function api(method: string, path: string, body?: unknown) {
    const token = await entra.sign({ issuedAt: harness.clock.now() });
    return callApi(harness.desk.url, method, path, { token, body });
  }

  describe('customers', () => {
    it('create stores contacts and term', async () => {
      const { status, body } = await api('POST', '/customers', contoso());

      assert.equal(status, 201);
      assert.equal(body.id, 'contoso');
      assert.equal(body.planId, 'starter');
      assert.equal(body.planName.de, 'Starter Partner');
      // Six months from 31 August end on the last day of February.
      assert.equal(body.minimumTermMonths, 6);
      assert.equal(body.minimumTermEnd, '2026-02-28');
      assert.equal(body.contacts.length, 1);
      assert.equal(body.contacts[0].approver, true);
      const stored = await customers.get('contoso');
      assert.deepEqual(stored, {
        id: 'contoso',
        name: 'Contoso Handels GmbH',
        planId: 'starter',
        tenantId: CONTOSO_TENANT,
        contractStart: '2025-08-31',
      });
      assert.equal((await customers.findByTenant(CONTOSO_TENANT))?.id, 'contoso');
      assert.deepEqual((await customers.listContacts('contoso')).map((contact) => contact.email), ['mia.schulz@contoso.example']);
    });

    it('get and list return the customer', async () => {
      const one = await api('GET', '/customers/contoso');
      const list = await api('GET', '/customers');

      assert.equal(one.status, 200);
      assert.equal(one.body.tenantId, CONTOSO_TENANT);
      assert.ok(list.body.items.some((customer: any) => customer.id === 'contoso'));
      assert.ok(list.body.items.some((customer: any) => customer.id === 'fabrikam'));
    });

    it('edit replaces plan, tenant and contacts', async () => {
      const newTenant = '3c5e7a91-2b4d-4f6a-8b9c-d1e2f3a4b5c6';
      const { status, body } = await api('PUT', '/customers/contoso', {
        name: 'Contoso Handels GmbH & Co. KG',
        planId: 'gold',
        tenantId: newTenant,
        contractStart: '2026-02-01',
        contacts: [
          { aadObjectId: '66666666-7777-4888-8999-aaaaaaaaaaaa', name: 'Paul Richter', approver: false, language: 'en' },
        ],
      });

      assert.equal(status, 200);
      assert.equal(body.planId, 'gold');
      assert.equal(body.minimumTermMonths, null);
      assert.equal(body.minimumTermEnd, undefined);
      assert.deepEqual(body.contacts.map((contact: any) => contact.name), ['Paul Richter']);
      const stored = await customers.get('contoso');
      assert.equal(stored?.name, 'Contoso Handels GmbH & Co. KG');
      assert.equal(stored?.tenantId, newTenant);
      assert.deepEqual((await customers.listContacts('contoso')).map((contact) => contact.name), ['Paul Richter']);
      assert.equal((await customers.findByTenant(newTenant))?.id, 'contoso');
      assert.equal(await customers.findByTenant(CONTOSO_TENANT), undefined);
    });

    it('edit frees the old tenant', async () => {
      const { status } = await api('POST', '/customers', contoso({ id: 'contoso-alt', contacts: [] }));

      assert.equal(status, 201);
    });

    it('duplicate tenant is 409 duplicateTenant', async () => {
      const create = await api('POST', '/customers', contoso({ id: 'fabrikam-2', tenantId: FABRIKAM_TENANT }));
      const edit = await api('PUT', '/customers/contoso', { ...contoso({ tenantId: FABRIKAM_TENANT }), id: undefined });

      assert.equal(create.status, 409);
      assert.equal(create.body.code, 'duplicateTenant');
      assert.equal(edit.status, 409);
      assert.equal(edit.body.code, 'duplicateTenant');
      assert.equal(await customers.get('fabrikam-2'), undefined);
    });

    it('duplicate id is 409 duplicateCustomerId', async () => {
      const { status, body } = await api('POST', '/customers', contoso({ id: 'fabrikam', tenantId: '4d6f8a02-3c5e-4a7b-9c0d-e2f3a4b5c6d7' }));

      assert.equal(status, 409);
      assert.equal(body.code, 'duplicateCustomerId');
    });

    it('invalid fields are 400 naming each', async () => {
      const { status, body } = await api(
        'POST',
        '/customers',
        contoso({
          id: 'Contoso GmbH',
          tenantId: 'contoso.onmicrosoft.com',
          contractStart: '01.02.2026',
          contacts: [{ aadObjectId: 'mia', name: 'Mia', email: 'mia@', phone: 'abc', approver: 'yes' }],
        }),
      );

      assert.equal(status, 400);
      assert.equal(body.code, 'invalidInput');
      assert.deepEqual(body.issues.map((issue: any) => issue.field).sort(), [
        'body.contacts.0.aadObjectId',
        'body.contacts.0.approver',
        'body.contacts.0.email',
        'body.contacts.0.phone',
        'body.contractStart',
        'body.id',
        'body.tenantId',
      ]);
    });

    it('unknown plan and impossible date are 422', async () => {
      const { status, body } = await api('POST', '/customers', contoso({ id: 'tailspin', planId: 'platinum', contractStart: '2026-02-30', tenantId: '5e7a9b13-4d6f-4b8c-8d1e-f3a4b5c6d7e8' }));

      assert.equal(status, 422);
      assert.deepEqual(body.issues.map((issue: any) => issue.field).sort(), ['body.contractStart', 'body.planId']);
      assert.equal(await customers.get('tailspin'), undefined);
    });

    it('contact listed twice is 422', async () => {
      const [contact] = contoso().contacts;
      const { status, body } = await api('POST', '/customers', contoso({ id: 'twice', tenantId: '6f8a0c24-5e7a-4c9d-9e2f-a4b5c6d7e8f9', contacts: [contact, contact] }));

      assert.equal(status, 422);
      assert.deepEqual(body.issues.map((issue: any) => issue.field), ['body.contacts.1.aadObjectId']);
    });

    it("consultant's own tenant is 422 on tenantId", async () => {
      const ownTenant = consultant.tenantId?.toUpperCase();
      const create = await api('POST', '/customers', contoso({ id: 'own-tenant', tenantId: ownTenant }));
      const edit = await api('PUT', '/customers/fabrikam', { ...contoso({ tenantId: ownTenant, contacts: [] }), id: undefined });

      assert.equal(create.status, 422);
      assert.equal(create.body.code, 'unprocessable');
      assert.deepEqual(create.body.issues.map((issue: any) => [issue.field, issue.code]), [['body.tenantId', 'consultantTenant']]);
      assert.equal(await customers.get('own-tenant'), undefined);
      assert.equal(edit.status, 422);
      assert.deepEqual(edit.body.issues.map((issue: any) => [issue.field, issue.code]), [['body.tenantId', 'consultantTenant']]);
      assert.equal((await customers.get('fabrikam'))?.tenantId, FABRIKAM_TENANT);
    });

    it('unknown customer is 404', async () => {
      const get = await api('GET', '/customers/nobody');
      const put = await api('PUT', '/customers/nobody', { ...contoso({ tenantId: '7a9b1d35-6f8a-4dae-8f3a-b5c6d7e8f9a0' }), id: undefined });

      assert.equal(get.status, 404);
      assert.equal(get.body.code, 'customerNotFound');
      assert.equal(put.status, 404);
      assert.equal(put.body.code, 'customerNotFound');
    });
  });

  describe('absences', () => {
    it('add, list and remove an absence', async () => {
      const added = await api('POST', '/absences', {
        from: '2026-12-21',
        to: '2027-01-03',
        note: 'Weihnachtsurlaub',
        substitute: { name: 'Karin Vogel', phone: '+49 171 5550123' },
      });

      assert.equal(added.status, 201);
      assert.equal(added.body.from, '2026-12-21T00:00:00+01:00');
      assert.equal(added.body.to, '2027-01-04T00:00:00+01:00');
      assert.equal(added.body.substitute.name, 'Karin Vogel');
      assert.equal((await new AbsenceRepository(harness.storage.tables).list()).length, 1);

      const listed = await api('GET', '/absences');
      assert.deepEqual(listed.body.items.map((absence: any) => absence.id), [added.body.id]);

      const removed = await api('DELETE', `/absences/${added.body.id}`);
      assert.equal(removed.status, 200);
      assert.equal(removed.body.note, 'Weihnachtsurlaub');
      assert.deepEqual((await api('GET', '/absences')).body.items, []);

      const again = await api('DELETE', `/absences/${added.body.id}`);
      assert.equal(again.status, 404);
      assert.equal(again.body.code, 'notFound');
    });

    it('absence ending before it starts is 422', async () => {
      const { status, body } = await api('POST', '/absences', { from: '2027-01-03', to: '2026-12-21', note: '' });

      assert.equal(status, 422);
      assert.equal(body.code, 'invalidAbsence');
      assert.deepEqual((await api('GET', '/absences')).body.items, []);
    });

    it('absence without note is 422', async () => {
      const { status, body } = await api('POST', '/absences', { from: '2026-12-21', to: '2027-01-03', note: ' ' });

      assert.equal(status, 422);
      assert.equal(body.code, 'invalidAbsence');
      assert.deepEqual(body.issues, [
        { field: 'body.note', code: 'required', message: 'Invalid absence: the note is empty; give a short reason such as "Urlaub"' },
      ]);
    });

    it('invalid substitute phone is 422', async () => {
      const { status, body } = await api('POST', '/absences', {
        from: '2026-12-21',
        to: '2027-01-03',
        note: 'Urlaub',
        substitute: { name: 'Petra Lang', phone: 'bitte anrufen' },
      });

      assert.equal(status, 422);
      assert.deepEqual(body.issues.map((issue: any) => issue.field), ['body.substitute.phone']);
      assert.match(body.issues[0].message, /"bitte anrufen"/);
    });

    it('overlapping absence is 422', async () => {
      const stored = await api('POST', '/absences', { from: '2027-02-01', to: '2027-02-05', note: 'Skiurlaub' });
      const overlapping = await api('POST', '/absences', { from: '2027-02-05', to: '2027-02-09', note: 'Fortbildung' });
      const duplicate = await api('POST', '/absences', { from: '2027-02-01', to: '2027-02-05', note: 'Skiurlaub' });
      const inside = await api('POST', '/absences', { from: '2027-02-02T08:00:00+01:00', to: '2027-02-02T12:00:00+01:00', note: 'Arzt' });
      const adjacent = await api('POST', '/absences', { from: '2027-02-06', to: '2027-02-07', note: 'Wochenende' });

      assert.equal(stored.status, 201);
      for (const rejected of [overlapping, duplicate, inside]) {
        assert.equal(rejected.status, 422);
        assert.equal(rejected.body.code, 'invalidAbsence');
        assert.equal(rejected.body.issues.length, 1);
        assert.equal(rejected.body.issues[0].field, 'body.from');
        assert.equal(rejected.body.issues[0].code, 'absenceOverlap');
        assert.deepEqual(rejected.body.issues[0].params, { from: '2027-02-01', to: '2027-02-05' });
        assert.match(rejected.body.issues[0].message, /overlaps the absence "Skiurlaub" from 2027-02-01 to 2027-02-05/);
      }
      assert.equal(adjacent.status, 201);
      const notes = (await new AbsenceRepository(harness.storage.tables).list()).map((absence) => absence.note);
      assert.deepEqual(notes, ['Skiurlaub', 'Wochenende']);

      await api('DELETE', `/absences/${stored.body.id}`);
      await api('DELETE', `/absences/${adjacent.body.id}`);
    });

    it('absence without dates is 400', async () => {
      const { status, body } = await api('POST', '/absences', { note: 'Urlaub' });

      assert.equal(status, 400);
      assert.deepEqual(body.issues.map((issue: any) => issue.field).sort(), ['body.from', 'body.to']);
    });
  });
});
