import { hostname } from 'node:os';

import pino, { type Logger } from 'pino';

import { loadCatalogFile } from '../catalogFile.js';
import { loadBusinessConfig, loadStorageConfig } from '../config.js';
import type { Catalog } from '../domain/catalog.js';
import { systemClock } from '../domain/clock.js';
import { HoursWarningService } from '../services/hoursWarningService.js';
import { StatementService } from '../services/statementService.js';
import { TimeService } from '../services/timeService.js';
import { CustomerRepository } from '../storage/customers.js';
import { DeliveryRepository } from '../storage/deliveries.js';
import { OverageApprovalRepository } from '../storage/overageApprovals.js';
import { createStorage, type StorageTables } from '../storage/tables.js';
import { TimeEntryRepository } from '../storage/timeEntries.js';

/** The services behind the `desk time` and `desk overage` subcommands, on the configured storage. */
export interface TimeCommandServices {
  time: TimeService;
  statements: StatementService;
  customers: CustomerRepository;
  approvals: OverageApprovalRepository;
  catalog: Catalog;
  tables: StorageTables;
  /** IANA zone of the business calendar, in which entries are printed. */
  zone: string;
  /** Logger of the services; it writes warnings and errors to stderr, so stdout keeps only the JSON output. */
  logger: Logger;
  /** Id of this process, under which its services claim deliveries. */
  instanceId: string;
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
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const instanceId = `${hostname()}:${process.pid}`;
  const hoursWarnings = new HoursWarningService({
    customers,
    statements,
    deliveries: new DeliveryRepository(storage.tables),
    catalog,
    clock: systemClock,
    logger,
    instanceId,
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
  return { time, statements, customers, approvals, catalog, tables: storage.tables, zone: business.zone, logger, instanceId };
}
