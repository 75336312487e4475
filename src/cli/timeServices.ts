import { hostname } from 'node:os';

import pino from 'pino';

import { loadCatalogFile } from '../catalogFile.js';
import { loadBusinessConfig, loadStorageConfig } from '../config.js';
import { systemClock } from '../domain/clock.js';
import { HoursWarningService } from '../services/hoursWarningService.js';
import { StatementService } from '../services/statementService.js';
import { TimeService } from '../services/timeService.js';
import { CustomerRepository } from '../storage/customers.js';
import { DeliveryRepository } from '../storage/deliveries.js';
import { OverageApprovalRepository } from '../storage/overageApprovals.js';
import { createStorage } from '../storage/tables.js';
import { TimeEntryRepository } from '../storage/timeEntries.js';

/** The services behind the `desk time` subcommands. */
export interface TimeCommandServices {
  time: TimeService;
  statements: StatementService;
  customers: CustomerRepository;
  /** IANA zone of the business calendar, in which entries are printed. */
  zone: string;
}

/**
 * Builds the time services on the configured storage. The command line cannot post Teams cards, so
 * the hours warnings that an entry reaches are recorded as due and a running app sends them.
 *
 * @throws Error naming an invalid environment variable or catalog.
 * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
 */
export async function openTimeServices(env: NodeJS.ProcessEnv): Promise<TimeCommandServices> {
  const business = loadBusinessConfig(env);
  const catalog = loadCatalogFile(business.catalogPath);
  const storageConfig = loadStorageConfig(env);
  const storage = createStorage(storageConfig.connectionString, { tablePrefix: storageConfig.tablePrefix });
  await storage.ensureTables();

  const customers = new CustomerRepository(storage.tables);
  const timeEntries = new TimeEntryRepository(storage.tables);
  const approvals = new OverageApprovalRepository(storage.tables);
  const statements = new StatementService({ customers, timeEntries, approvals, catalog, zone: business.zone });
  const hoursWarnings = new HoursWarningService({
    customers,
    statements,
    deliveries: new DeliveryRepository(storage.tables),
    catalog,
    clock: systemClock,
    logger: pino({ level: 'warn' }, pino.destination(2)),
    instanceId: `${hostname()}:${process.pid}`,
  });
  const time = new TimeService({
    customers,
    timeEntries,
    approvals,
    statements,
    catalog,
    zone: business.zone,
    clock: systemClock,
    observer: hoursWarnings,
  });
  return { time, statements, customers, zone: business.zone };
}
