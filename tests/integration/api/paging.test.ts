import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { listAllPages } from '../../../src/tab/api/allPages.js';
import { queryString, type ApiClient, type QueryValues } from '../../../src/tab/api/client.js';
import { AbsenceRepository } from '../../../src/storage/absences.js';
import type { DeskHarness } from '../../support/deskHarness.js';
import { startTabApiHarness, type TabApiHarness } from './reportsHarness.js';
import { callApi } from './tokenFixture.js';

const NOW = '2026-12-07T09:00:00+01:00';

/**
 * Customers added to the three demo customers (Contoso Praxisgemeinschaft, Fabrikam Logistik GmbH,
 * Northwind Energie AG). German collation sorts "Ärztehaus" as "Arztehaus", after "Alpen", and the two
 * customers named "Müller IT" are ordered by id.
 */
const ADDED_CUSTOMERS = [
  { id: 'zeller', name: 'Zeller Bau KG' },
  { id: 'mueller-2', name: 'Müller IT' },
  { id: 'aerztehaus', name: 'Ärztehaus Adler' },
  { id: 'mueller-1', name: 'Müller IT' },
  { id: 'alpen', name: 'Alpen Tech GmbH' },
];

/** Ids of all customers in list order. */
const CUSTOMER_ORDER = ['alpen', 'aerztehaus', 'contoso-praxis', 'fabrikam', 'mueller-1', 'mueller-2', 'northwind', 'zeller'];

describe('tab API paging of customers and absences', () => {
  let tab: TabApiHarness;
  let harness: DeskHarness;

  before(async () => {
    tab = await startTabApiHarness(NOW);
    harness = tab.desk;
  });

  after(async () => {
    await tab.stop();
  });

  const api = (method: string, path: string, body?: unknown) => tab.api(method, path, body);

  async function addCustomer(id: string, name: string): Promise<void> {
    const { status } = await api('POST', '/customers', { id, name, planId: 'gold', tenantId: randomUUID(), contractStart: '2026-01-01' });
    assert.equal(status, 201, `customer ${id} not created`);
  }

  /** Builds the tab's API client on `callApi`, because Node's fetch takes no relative URL. */
  function tabClient(): ApiClient {
    const get = async (path: string, query: QueryValues = {}) => (await api('GET', `${path}${queryString(query)}`)).body;
    return { get } as unknown as ApiClient;
  }

  describe('customers', () => {
    before(async () => {
      for (const customer of ADDED_CUSTOMERS) await addCustomer(customer.id, customer.name);
    });

    it('default page holds every customer in order', async () => {
      const { status, body } = await api('GET', '/customers');

      assert.equal(status, 200);
      assert.deepEqual(body.items.map((customer: any) => customer.id), CUSTOMER_ORDER);
      assert.equal(body.nextCursor, undefined);
    });

    it('pages of three follow the cursor to the end', async () => {
      const first = await api('GET', '/customers?limit=3');
      const second = await api('GET', `/customers?limit=3&cursor=${first.body.nextCursor}`);
      const third = await api('GET', `/customers?limit=3&cursor=${second.body.nextCursor}`);

      assert.equal(first.status, 200);
      assert.deepEqual(first.body.items.map((customer: any) => customer.id), ['alpen', 'aerztehaus', 'contoso-praxis']);
      assert.equal(typeof first.body.nextCursor, 'string');
      assert.deepEqual(second.body.items.map((customer: any) => customer.id), ['fabrikam', 'mueller-1', 'mueller-2']);
      assert.equal(typeof second.body.nextCursor, 'string');
      assert.deepEqual(third.body.items.map((customer: any) => customer.id), ['northwind', 'zeller']);
      assert.equal(third.body.nextCursor, undefined);
    });

    it('cursor between equal names continues by id', async () => {
      const first = await api('GET', '/customers?limit=5');
      const second = await api('GET', `/customers?limit=5&cursor=${first.body.nextCursor}`);

      assert.equal(first.body.items.at(-1).id, 'mueller-1');
      assert.deepEqual(second.body.items.map((customer: any) => customer.id), ['mueller-2', 'northwind', 'zeller']);
      assert.equal(second.body.nextCursor, undefined);
    });

    it('page exactly as long as the rest has no cursor', async () => {
      const first = await api('GET', '/customers?limit=4');
      const second = await api('GET', `/customers?limit=4&cursor=${first.body.nextCursor}`);

      assert.equal(second.body.items.length, 4);
      assert.equal(second.body.nextCursor, undefined);
    });

    it('customer added before the cursor shifts no page', async () => {
      const first = await api('GET', '/customers?limit=3');
      await addCustomer('aachen', 'Aachener Druck GmbH');
      const second = await api('GET', `/customers?limit=3&cursor=${first.body.nextCursor}`);

      assert.deepEqual(second.body.items.map((customer: any) => customer.id), ['fabrikam', 'mueller-1', 'mueller-2']);
      const all = await api('GET', '/customers');
      assert.equal(all.body.items[0].id, 'aachen');
    });

    it('tab reads every page of customers', async () => {
      const customers = await listAllPages<{ id: string }>(tabClient(), '/customers', { limit: 2 });
      const onePage = await api('GET', '/customers?limit=200');

      assert.ok(customers.length > 2);
      assert.deepEqual(
        customers.map((customer) => customer.id),
        onePage.body.items.map((customer: any) => customer.id),
      );
    });

    it('invalid cursor and limit are 400', async () => {
      const notJson = await api('GET', '/customers?cursor=bm90LWpzb24');
      const wrongPosition = await api('GET', `/customers?cursor=${Buffer.from('{"from":"2026-12-21T00:00:00+01:00"}').toString('base64url')}`);
      const zero = await api('GET', '/customers?limit=0');
      const tooMany = await api('GET', '/customers?limit=201');

      assert.equal(notJson.status, 400);
      assert.equal(notJson.body.code, 'invalidInput');
      assert.deepEqual(notJson.body.issues.map((issue: any) => issue.field), ['query.cursor']);
      assert.equal(wrongPosition.status, 400);
      assert.deepEqual(wrongPosition.body.issues.map((issue: any) => issue.field), ['query.cursor']);
      assert.equal(zero.status, 400);
      assert.deepEqual(zero.body.issues.map((issue: any) => issue.field), ['query.limit']);
      assert.equal(tooMany.status, 400);
      assert.deepEqual(tooMany.body.issues.map((issue: any) => issue.field), ['query.limit']);
    });

    it('invalid cursor and limit have issue codes', async () => {
      const notJson = await api('GET', '/customers?cursor=bm90LWpzb24');
      const zero = await api('GET', '/customers?limit=0');
      const tooMany = await api('GET', '/customers?limit=201');
      const fraction = await api('GET', '/customers?limit=2.5');

      assert.equal(notJson.body.issues[0].code, 'invalidFormat');
      assert.equal(zero.body.issues[0].code, 'outOfRange');
      assert.deepEqual(zero.body.issues[0].params, { minimum: 1 });
      assert.equal(tooMany.body.issues[0].code, 'outOfRange');
      assert.deepEqual(tooMany.body.issues[0].params, { maximum: 200 });
      assert.equal(fraction.status, 400);
      assert.equal(fraction.body.issues[0].code, 'notWholeNumber');
    });

    it('empty limit gives the default page', async () => {
      const empty = await api('GET', '/customers?limit=');
      const absent = await api('GET', '/customers');

      assert.equal(empty.status, 200);
      assert.ok(empty.body.items.length >= CUSTOMER_ORDER.length);
      assert.deepEqual(empty.body.items, absent.body.items);
      assert.equal(empty.body.nextCursor, undefined);
    });
  });

  describe('absences', () => {
    /** Ids of the stored absences by a label of each. */
    const ids = new Map<string, string>();

    before(async () => {
      const inputs = [
        { label: 'march', from: '2027-03-01', to: '2027-03-05' },
        { label: 'christmas', from: '2026-12-21', to: '2027-01-03' },
        { label: 'february-short', from: '2027-02-01', to: '2027-02-03' },
        { label: 'may', from: '2027-05-14', to: '2027-05-14' },
      ];
      for (const input of inputs) {
        const { status, body } = await api('POST', '/absences', { from: input.from, to: input.to, note: `Urlaub ${input.label}` });
        assert.equal(status, 201, `absence ${input.label} not created`);
        ids.set(input.label, body.id);
      }

      // The service rejects overlapping absences, so the second absence that starts on 2027-02-01 goes to
      // the repository directly, as data stored before that rule would be.
      const februaryLong = await new AbsenceRepository(harness.storage.tables).add(
        { from: '2027-02-01T00:00:00+01:00', to: '2027-02-11T00:00:00+01:00', note: 'Urlaub february-long' },
        harness.clock.now(),
      );
      ids.set('february-long', februaryLong.id);
    });

    /** Ids in list order: by start, and the two February absences, which start together, by id. */
    function expectedOrder(): string[] {
      const february = [ids.get('february-short')!, ids.get('february-long')!].sort();
      return [ids.get('christmas')!, ...february, ids.get('march')!, ids.get('may')!];
    }

    it('pages of two follow the cursor to the end', async () => {
      const first = await api('GET', '/absences?limit=2');
      const second = await api('GET', `/absences?limit=2&cursor=${first.body.nextCursor}`);
      const third = await api('GET', `/absences?limit=2&cursor=${second.body.nextCursor}`);
      const order = expectedOrder();

      assert.equal(first.status, 200);
      assert.deepEqual(first.body.items.map((absence: any) => absence.id), order.slice(0, 2));
      assert.equal(first.body.items[0].from, '2026-12-21T00:00:00+01:00');
      assert.deepEqual(second.body.items.map((absence: any) => absence.id), order.slice(2, 4));
      assert.deepEqual(third.body.items.map((absence: any) => absence.id), order.slice(4));
      assert.equal(third.body.items[0].to, '2027-05-15T00:00:00+02:00');
      assert.equal(third.body.nextCursor, undefined);
    });

    it('default page holds every absence without cursor', async () => {
      const { body } = await api('GET', '/absences');

      assert.deepEqual(body.items.map((absence: any) => absence.id), expectedOrder());
      assert.equal(body.nextCursor, undefined);
    });

    it('tab reads every page of absences', async () => {
      const absences = await listAllPages<{ id: string }>(tabClient(), '/absences', { limit: 2 });

      assert.deepEqual(absences.map((absence) => absence.id), expectedOrder());
    });

    it('absence removed at cursor keeps page', async () => {
      const order = expectedOrder();
      const first = await api('GET', '/absences?limit=2');
      const removed = await api('DELETE', `/absences/${order[1]}`);
      const second = await api('GET', `/absences?limit=2&cursor=${first.body.nextCursor}`);

      assert.equal(removed.status, 200);
      assert.deepEqual(second.body.items.map((absence: any) => absence.id), order.slice(2, 4));
      assert.equal(typeof second.body.nextCursor, 'string');
    });

    it('cursor without an offset instant is 400', async () => {
      const position = Buffer.from(JSON.stringify({ from: '2027-02-01', id: ids.get('march') })).toString('base64url');

      const { status, body } = await api('GET', `/absences?cursor=${position}`);

      assert.equal(status, 400);
      assert.deepEqual(body.issues.map((issue: any) => issue.field), ['query.cursor']);
    });
  });
});
