import assert from 'node:assert/strict';

import type { Contact, Customer } from '../../../src/domain/customer.js';
import { CustomerRepository } from '../../../src/storage/customers.js';
import { ConflictError, createStorage, EntityNotFoundError, type Storage } from '../../../src/storage/tables.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { azuriteConnectionString } from '../../support/root-hooks.js';

const fabrikam: Customer = {
  id: 'fabrikam',
  name: 'Fabrikam Logistik GmbH',
  planId: 'gold',
  tenantId: '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e01',
  contractStart: '2026-01-01',
};

const jana: Contact = {
  customerId: 'fabrikam',
  aadObjectId: '0b9d7a52-1c3e-4f60-9a8b-7c6d5e4f3a21',
  name: 'Jana Becker',
  email: 'jana.becker@fabrikam.example',
  phone: '+49 211 5550101',
  language: 'de',
  approver: true,
};

const tobias: Contact = {
  customerId: 'fabrikam',
  aadObjectId: '2c4e6a80-3d5f-4b71-8c9d-0e1f2a3b4c22',
  name: 'Tobias Wagner',
  approver: false,
};

describe('CustomerRepository', () => {
  let storage: Storage;
  let customers: CustomerRepository;

  beforeEach(async () => {
    // A fresh prefix per test keeps the tests independent of each other's rows.
    storage = createStorage(azuriteConnectionString(), { tablePrefix: uniqueTablePrefix('customers') });
    await storage.ensureTables();
    customers = new CustomerRepository(storage.tables);
  });

  it('create then get round trip', async () => {
    await customers.create(fabrikam, [jana, tobias]);

    assert.deepEqual(await customers.get('fabrikam'), fabrikam);
    assert.deepEqual(await customers.getContact('fabrikam', jana.aadObjectId), jana);
    assert.deepEqual(await customers.getContact('fabrikam', tobias.aadObjectId), tobias);
    assert.deepEqual(await customers.listContacts('fabrikam'), [jana, tobias]);
  });

  it('findByTenant returns the customer', async () => {
    await customers.create(fabrikam, [jana]);

    assert.deepEqual(await customers.findByTenant(fabrikam.tenantId), fabrikam);
    assert.equal(await customers.findByTenant('00000000-0000-0000-0000-000000000000'), undefined);
  });

  it('get of unknown id returns undefined', async () => {
    assert.equal(await customers.get('nobody'), undefined);
    assert.equal(await customers.getContact('fabrikam', jana.aadObjectId), undefined);
  });

  it('create rejects a taken tenant', async () => {
    await customers.create(fabrikam, [jana]);
    const sameTenant: Customer = { ...fabrikam, id: 'fabrikam-2', name: 'Fabrikam Copy' };

    await assert.rejects(
      customers.create(sameTenant, []),
      (error: unknown) =>
        error instanceof ConflictError &&
        error.message === `Tenant "${fabrikam.tenantId}" is already assigned to customer "fabrikam"`,
    );
    assert.equal(await customers.get('fabrikam-2'), undefined);
    assert.deepEqual(await customers.findByTenant(fabrikam.tenantId), fabrikam);
  });

  it('create rejects a taken id and frees the tenant', async () => {
    await customers.create(fabrikam, []);
    const sameId: Customer = { ...fabrikam, tenantId: '11111111-2222-3333-4444-555555555555' };

    await assert.rejects(
      customers.create(sameId, []),
      (error: unknown) => error instanceof ConflictError && error.message.startsWith('Customer id "fabrikam" is already taken'),
    );
    assert.equal(await customers.findByTenant(sameId.tenantId), undefined);

    const other: Customer = { ...sameId, id: 'contoso', name: 'Contoso' };
    await customers.create(other, []);
    assert.deepEqual(await customers.findByTenant(sameId.tenantId), other);
  });

  it('create takes over a stale tenant claim', async () => {
    // An unconfirmed claim for a customer that was never written, as left by a create that crashed.
    await storage.tables.tenants.createEntity({
      partitionKey: fabrikam.tenantId,
      rowKey: 'customer',
      customerId: 'ghost',
      confirmed: false,
    });

    await customers.create(fabrikam, []);

    assert.deepEqual(await customers.findByTenant(fabrikam.tenantId), fabrikam);
    const claim = await storage.tables.tenants.getEntity(fabrikam.tenantId, 'customer');
    assert.equal(claim.customerId, 'fabrikam');
    assert.equal(claim.confirmed, true);
  });

  it('findByTenant ignores a claim of another tenant', async () => {
    await customers.create(fabrikam, []);
    await storage.tables.tenants.createEntity({
      partitionKey: 'aaaaaaaa-0000-0000-0000-000000000000',
      rowKey: 'customer',
      customerId: 'fabrikam',
      confirmed: false,
    });

    assert.equal(await customers.findByTenant('aaaaaaaa-0000-0000-0000-000000000000'), undefined);
  });

  it('concurrent creates of one tenant keep one', async () => {
    const candidates = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'].map(
      (id): Customer => ({ ...fabrikam, id, name: id }),
    );

    const results = await Promise.allSettled(candidates.map((candidate) => customers.create(candidate, [])));

    const created = results.filter((result) => result.status === 'fulfilled');
    assert.equal(created.length, 1);
    for (const result of results) {
      if (result.status === 'rejected') {
        assert.ok(result.reason instanceof ConflictError, String(result.reason));
      }
    }
    const owner = await customers.findByTenant(fabrikam.tenantId);
    assert.ok(owner !== undefined);
    assert.deepEqual(
      (await customers.list()).map((customer) => customer.id),
      [owner.id],
    );
  });

  it('create rejects a contact of another customer', async () => {
    await assert.rejects(
      customers.create(fabrikam, [{ ...jana, customerId: 'contoso' }]),
      /Invalid contact "0b9d7a52-1c3e-4f60-9a8b-7c6d5e4f3a21": its customerId "contoso" differs/,
    );
    assert.equal(await customers.findByTenant(fabrikam.tenantId), undefined);
  });

  it('create writes more than 100 contacts', async () => {
    const contacts = Array.from({ length: 150 }, (_, index): Contact => ({
      customerId: 'fabrikam',
      aadObjectId: `contact-${String(index).padStart(3, '0')}`,
      name: `Contact ${index}`,
      approver: false,
    }));

    await customers.create(fabrikam, contacts);

    const stored = await customers.listContacts('fabrikam');
    assert.equal(stored.length, 150);
    assert.deepEqual(stored[149], contacts[149]);
  });

  it('list and isEmpty reflect customers', async () => {
    assert.equal(await customers.isEmpty(), true);
    assert.deepEqual(await customers.list(), []);

    const contoso: Customer = { ...fabrikam, id: 'contoso', name: 'Contoso', tenantId: 'c0c0c0c0-0000-0000-0000-000000000000' };
    await customers.create(fabrikam, [jana]);
    await customers.create(contoso, []);

    assert.equal(await customers.isEmpty(), false);
    assert.deepEqual(await customers.list(), [contoso, fabrikam]);
  });

  it('addContact stores a new contact once', async () => {
    await customers.create(fabrikam, [jana]);

    const added = await customers.addContact(tobias);
    const again = await customers.addContact({ ...tobias, name: 'Renamed' });

    assert.deepEqual(added, tobias);
    assert.deepEqual(again, tobias);
    assert.deepEqual(await customers.listContacts('fabrikam'), [jana, tobias]);
  });

  it('addContact rejects an unknown customer', async () => {
    await assert.rejects(customers.addContact(tobias), EntityNotFoundError);
  });

  it('keys with Teams characters round trip', async () => {
    const teamsLike: Customer = { ...fabrikam, id: 'a/b#c?d\\e%f', tenantId: '29:1a-b;c@d' };
    const contact: Contact = { ...tobias, customerId: teamsLike.id, aadObjectId: '8:orgid:x/y?z' };

    await customers.create(teamsLike, [contact]);

    assert.deepEqual(await customers.get(teamsLike.id), teamsLike);
    assert.deepEqual(await customers.findByTenant('29:1a-b;c@d'), teamsLike);
    assert.deepEqual(await customers.listContacts(teamsLike.id), [contact]);
  });
});
