import { hostname } from 'node:os';
import { parseArgs } from 'node:util';

import { DateTime } from 'luxon';
import pino from 'pino';

import { loadCatalogFile } from '../catalogFile.js';
import { loadBusinessConfig, loadStorageConfig } from '../config.js';
import { systemClock } from '../domain/clock.js';
import type { TimeType } from '../domain/catalog.js';
import { HoursWarningService } from '../services/hoursWarningService.js';
import { StatementService } from '../services/statementService.js';
import { InvalidInputError, MAX_ENTRY_MINUTES, TimeService } from '../services/timeService.js';
import { CustomerRepository } from '../storage/customers.js';
import { DeliveryRepository } from '../storage/deliveries.js';
import { OverageApprovalRepository } from '../storage/overageApprovals.js';
import { createStorage } from '../storage/tables.js';
import { TimeEntryRepository } from '../storage/timeEntries.js';
import { UsageError } from './usageError.js';

/** Usage text of `desk time`. */
export const timeUsage = `desk time add --customer <id> --minutes <n> --type <type> --start <ISO 8601 instant> [--request HD-yyyy-nnnn] [--note <text>] [--by <name>]

Logs a time entry and prints it with the customer's hours in that month as one JSON object.
  --customer  customer id, e.g. northwind
  --minutes   recorded minutes, 1 to ${MAX_ENTRY_MINUTES}; the statement rounds each entry up to the billing increment
  --type      support, project, emergency or on-site
  --start     start instant with offset, e.g. 2026-11-03T09:00:00+01:00; the entry counts in that local month
  --request   request number, e.g. HD-2026-0042; emergency entries with the same request form one emergency
  --note      free text
  --by        who logged the time (default: "desk time add")
Hours warnings at 80 % and 100 % are recorded for the running app, which sends them on its next delivery tick.
Reads AZURE_STORAGE_CONNECTION_STRING (default: local Azurite) and DESK_TABLE_PREFIX.`;

/**
 * Runs `desk time add` and returns the JSON line to print.
 *
 * @throws UsageError for a missing or invalid option or field.
 * @throws EntityNotFoundError for an unknown customer.
 */
export async function runTime(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const [subcommand, ...options] = args;
  if (subcommand !== 'add') {
    throw new UsageError(subcommand === undefined ? 'Missing subcommand "add"' : `Unknown subcommand "${subcommand}"`, timeUsage);
  }

  const { values } = parseArgs({
    args: options,
    options: {
      customer: { type: 'string' },
      minutes: { type: 'string' },
      type: { type: 'string' },
      start: { type: 'string' },
      request: { type: 'string' },
      note: { type: 'string' },
      by: { type: 'string', default: 'desk time add' },
    },
    strict: true,
  });

  for (const name of ['customer', 'minutes', 'type', 'start'] as const) {
    if (!values[name]) throw new UsageError(`Missing --${name}`, timeUsage);
  }
  if (!/^\d+$/.test(values.minutes ?? '')) {
    throw new UsageError(`Invalid --minutes "${values.minutes}": expected a whole number of minutes`, timeUsage);
  }

  const business = loadBusinessConfig(env);
  const catalog = loadCatalogFile(business.catalogPath);
  const storageConfig = loadStorageConfig(env);
  const storage = createStorage(storageConfig.connectionString, { tablePrefix: storageConfig.tablePrefix });
  await storage.ensureTables();

  const customers = new CustomerRepository(storage.tables);
  const timeEntries = new TimeEntryRepository(storage.tables);
  const approvals = new OverageApprovalRepository(storage.tables);
  const statements = new StatementService({ customers, timeEntries, approvals, catalog, zone: business.zone });
  // The command line cannot post Teams cards, so it records reached hours warnings as due and a running app sends them.
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

  try {
    const logged = await time.addEntry({
      customerId: values.customer as string,
      type: values.type as TimeType,
      minutes: Number(values.minutes),
      start: values.start as string,
      ...(values.request === undefined ? {} : { request: values.request }),
      ...(values.note === undefined ? {} : { note: values.note }),
      createdBy: values.by ?? 'desk time add',
    });

    const { statement } = logged;
    return JSON.stringify({
      entry: { ...logged.entry, start: DateTime.fromISO(logged.entry.start, { zone: business.zone }).toISO({ suppressMilliseconds: true }) },
      hours: {
        month: statement.month,
        availableMinutes: statement.availableMinutes,
        billableMinutes: statement.billableMinutes,
        includedUsedMinutes: statement.includedUsedMinutes,
        overageMinutes: statement.overageMinutes,
        unapprovedOverageMinutes: statement.unapprovedOverageMinutes,
      },
      crossedThresholdsPercent: logged.crossedThresholdsPercent,
    });
  } catch (error) {
    if (error instanceof InvalidInputError) {
      throw new UsageError(error.message, timeUsage);
    }
    throw error;
  }
}
