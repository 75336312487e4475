import { parseArgs } from 'node:util';

import { loadCatalogFile } from '../catalogFile.js';
import { loadBusinessConfig, loadStorageConfig } from '../config.js';
import { systemClock } from '../domain/clock.js';
import { SlaReportService } from '../services/slaReport.js';
import { StatementService } from '../services/statementService.js';
import { BookingRepository } from '../storage/bookings.js';
import { CustomerRepository } from '../storage/customers.js';
import { OverageApprovalRepository } from '../storage/overageApprovals.js';
import { RequestRepository } from '../storage/requests.js';
import { createStorage } from '../storage/tables.js';
import { TimeEntryRepository } from '../storage/timeEntries.js';
import { statementToCsv } from './csvStatement.js';
import { UsageError } from './usageError.js';

/** Usage text of `desk statement`. */
export const statementUsage = `desk statement --customer <id> --month <yyyy-MM> [--format json|csv]

Prints a customer's monthly statement from the stored time entries and overage approvals, with the SLA
compliance of the requests due in the month and the bonus calls held.
  --customer  customer id, e.g. northwind
  --month     calendar month in DESK_TIME_ZONE, e.g. 2026-11
  --format    json (default): one JSON object, durations in minutes and amounts in euro cents
              csv: for German spreadsheets, UTF-8 with byte order mark, ";" separated, decimal comma
Reads AZURE_STORAGE_CONNECTION_STRING (default: local Azurite) and DESK_TABLE_PREFIX.`;

const FORMATS = ['json', 'csv'] as const;

/**
 * Runs `desk statement` and returns the JSON or CSV text to print.
 *
 * @throws UsageError for a missing or invalid option.
 * @throws CustomerNotFoundError for an unknown customer, Error for a month before the contract start.
 */
export async function runStatement(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      customer: { type: 'string' },
      month: { type: 'string' },
      format: { type: 'string', default: 'json' },
    },
    strict: true,
  });

  if (!values.customer) throw new UsageError('Missing --customer', statementUsage);
  if (!values.month) throw new UsageError('Missing --month', statementUsage);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month)) {
    throw new UsageError(`Invalid --month "${values.month}": expected yyyy-MM, e.g. 2026-11`, statementUsage);
  }
  const format = values.format ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Invalid --format "${format}": expected json or csv`, statementUsage);
  }

  const business = loadBusinessConfig(env);
  const catalog = loadCatalogFile(business.catalogPath);
  const storageConfig = loadStorageConfig(env);
  const storage = createStorage(storageConfig.connectionString, { tablePrefix: storageConfig.tablePrefix });
  await storage.ensureTables();

  const customers = new CustomerRepository(storage.tables);
  const slaReports = new SlaReportService({
    customers,
    requests: new RequestRepository(storage.tables),
    zone: business.zone,
    clock: systemClock,
  });
  const statements = new StatementService({
    customers,
    timeEntries: new TimeEntryRepository(storage.tables),
    approvals: new OverageApprovalRepository(storage.tables),
    catalog,
    zone: business.zone,
    serviceRecord: { slaReports, bookings: new BookingRepository(storage.tables), clock: systemClock },
  });
  const statement = await statements.monthStatement(values.customer, values.month);

  return format === 'csv' ? statementToCsv(statement, catalog.vatPercent) : JSON.stringify(statement);
}
