import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { parseCatalog, type Catalog, type PlanId } from '../../../src/domain/catalog.js';
import type { Clock } from '../../../src/domain/clock.js';
import type { Customer } from '../../../src/domain/customer.js';
import { StatementService } from '../../../src/services/statementService.js';
import { TimeService } from '../../../src/services/timeService.js';
import { CustomerRepository } from '../../../src/storage/customers.js';
import { OverageApprovalRepository } from '../../../src/storage/overageApprovals.js';
import { createStorage, type Storage } from '../../../src/storage/tables.js';
import { TimeEntryRepository } from '../../../src/storage/timeEntries.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { azuriteConnectionString } from '../../support/root-hooks.js';

/** Root of the repository, three folders above this file. */
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Zone of every test in this folder, the default of DESK_TIME_ZONE. */
export const ZONE = 'Europe/Berlin';

/** Loads the shipped service catalog `config/plans.json`. */
export function loadCatalog(): Catalog {
  const path = `${repoRoot}config/plans.json`;
  return parseCatalog(JSON.parse(readFileSync(path, 'utf8')), path);
}

/** Repositories and services of the hours path on fresh tables. */
export interface HoursHarness {
  storage: Storage;
  catalog: Catalog;
  customers: CustomerRepository;
  timeEntries: TimeEntryRepository;
  approvals: OverageApprovalRepository;
  statements: StatementService;
  time: TimeService;
  /** Stores a customer without contacts and returns it. */
  addCustomer(id: string, planId: PlanId, contractStart: string): Promise<Customer>;
}

/**
 * Creates the tables under a prefix unique to this call and wires the services as `desk` does.
 *
 * @param label - Letters and digits naming the test file, part of the table prefix.
 * @param clock - Clock of the services; defaults to a fixed instant in November 2026.
 */
export async function createHoursHarness(
  label: string,
  clock: Clock = { now: () => new Date('2026-11-28T12:00:00Z') },
): Promise<HoursHarness> {
  const storage = createStorage(azuriteConnectionString(), { tablePrefix: uniqueTablePrefix(label) });
  await storage.ensureTables();

  const catalog = loadCatalog();
  const customers = new CustomerRepository(storage.tables);
  const timeEntries = new TimeEntryRepository(storage.tables);
  const approvals = new OverageApprovalRepository(storage.tables);
  const statements = new StatementService({ customers, timeEntries, approvals, catalog, zone: ZONE });
  const time = new TimeService({ customers, timeEntries, approvals, statements, catalog, zone: ZONE, clock });

  return {
    storage,
    catalog,
    customers,
    timeEntries,
    approvals,
    statements,
    time,
    addCustomer: async (id, planId, contractStart) => {
      const customer: Customer = { id, name: `Kunde ${id}`, planId, tenantId: randomUUID(), contractStart };
      await customers.create(customer, []);
      return customer;
    },
  };
}
