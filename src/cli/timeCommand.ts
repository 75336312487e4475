import { parseArgs } from 'node:util';

import { DateTime } from 'luxon';

import type { TimeType } from '../domain/catalog.js';
import type { CustomerMonthStatement } from '../services/statementService.js';
import { InvalidInputError, isMonth, MAX_ENTRY_MINUTES, type TimeEntryEdit } from '../services/timeService.js';
import { EntityNotFoundError } from '../storage/errors.js';
import type { StoredTimeEntry, TimeEntryHistoryRecord, TimeEntryKey } from '../storage/timeEntries.js';
import { openTimeServices, type TimeCommandServices } from './timeServices.js';
import { UsageError } from './usageError.js';

/** Usage text of `desk time`. */
export const timeUsage = `desk time add|list|edit|delete|history --customer <id> ...

desk time add --customer <id> --minutes <n> --type <type> --start <ISO 8601 instant> [--request HD-yyyy-nnnn] [--note <text>] [--by <name>]
  Logs a time entry and prints it with the customer's hours in that month as one JSON object.
  --customer  customer id, e.g. northwind
  --minutes   recorded minutes, 1 to ${MAX_ENTRY_MINUTES}; the statement rounds each entry up to the billing increment
  --type      support, project, emergency or on-site
  --start     start instant with offset, e.g. 2026-11-03T09:00:00+01:00; the entry counts in that local month
  --request   request number, e.g. HD-2026-0042; emergency entries with the same request form one emergency
  --note      free text
  --by        who logged the time (default: "desk time add")
  Hours warnings at 80 % and 100 % are recorded for the running app, which sends them on its next delivery tick.

desk time list --customer <id> --month <yyyy-MM>
  Prints the month's entries, ordered by start, with the month and id that edit, delete and history take.

desk time edit --customer <id> --month <yyyy-MM> --id <entry id> [--minutes <n>] [--type <type>] [--start <instant>] [--request <number>] [--note <text>] [--by <name>]
  Changes the given fields and keeps the previous version in the entry's history. An empty --request or
  --note removes it. The start must stay in the entry's month; to move an entry, delete it and add it again.

desk time delete --customer <id> --month <yyyy-MM> --id <entry id> [--by <name>]
  Deletes the entry and keeps its last version in the entry's history.

desk time history --customer <id> --month <yyyy-MM> --id <entry id>
  Prints the earlier versions of an entry, oldest first, with who changed it and when.

Reads AZURE_STORAGE_CONNECTION_STRING (default: local Azurite) and DESK_TABLE_PREFIX.`;

const TIME_SUBCOMMANDS = ['add', 'list', 'edit', 'delete', 'history'] as const;

/** Options that name one entry, which {@link requireEntryKey} reads for edit, delete and history. */
const ENTRY_KEY_OPTIONS = { customer: { type: 'string' }, month: { type: 'string' }, id: { type: 'string' } } as const;

/** Options of the entry's fields, which `desk time add` and `desk time edit` both take. */
const ENTRY_FIELD_OPTIONS = {
  minutes: { type: 'string' },
  type: { type: 'string' },
  start: { type: 'string' },
  request: { type: 'string' },
  note: { type: 'string' },
} as const;

/**
 * Runs `desk time add|list|edit|delete|history` and returns the JSON line to print.
 *
 * @throws UsageError for a missing or invalid option or field.
 * @throws EntityNotFoundError for an unknown customer or entry.
 */
export async function runTime(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const [subcommand, ...options] = args;
  switch (subcommand) {
    case 'add':
      return runTimeAdd(options, env);
    case 'list':
      return runTimeList(options, env);
    case 'edit':
      return runTimeEdit(options, env);
    case 'delete':
      return runTimeDelete(options, env);
    case 'history':
      return runTimeHistory(options, env);
    default:
      throw new UsageError(
        subcommand === undefined
          ? `Missing subcommand; expected one of ${TIME_SUBCOMMANDS.join(', ')}`
          : `Unknown subcommand "${subcommand}"; expected one of ${TIME_SUBCOMMANDS.join(', ')}`,
        timeUsage,
      );
  }
}

async function runTimeAdd(options: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { values } = parseArgs({
    args: options,
    options: { customer: { type: 'string' }, ...ENTRY_FIELD_OPTIONS, by: { type: 'string', default: 'desk time add' } },
    strict: true,
  });

  for (const name of ['customer', 'minutes', 'type', 'start'] as const) {
    if (!values[name]) throw new UsageError(`Missing --${name}`, timeUsage);
  }
  const minutes = parseMinutesOption(values.minutes as string);

  const { time, zone } = await openTimeServices(env);
  const logged = await withUsageErrors(() =>
    time.addEntry({
      customerId: values.customer as string,
      type: values.type as TimeType,
      minutes,
      start: values.start as string,
      ...(values.request === undefined ? {} : { request: values.request }),
      ...(values.note === undefined ? {} : { note: values.note }),
      createdBy: values.by ?? 'desk time add',
    }),
  );

  return JSON.stringify({
    entry: printableEntry(logged.entry, zone),
    hours: hoursOf(logged.statement),
    crossedThresholdsPercent: logged.crossedThresholdsPercent,
  });
}

async function runTimeList(options: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { values } = parseArgs({ args: options, options: { customer: { type: 'string' }, month: { type: 'string' } }, strict: true });
  const { customerId, month } = requireCustomerMonth(values);

  const { time, customers, zone } = await openTimeServices(env);
  await requireCustomer(customers, customerId);
  const entries = await time.listEntries(customerId, month);
  return JSON.stringify({ customerId, month, entries: entries.map((entry) => printableEntry(entry, zone)) });
}

async function runTimeEdit(options: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { values } = parseArgs({
    args: options,
    options: { ...ENTRY_KEY_OPTIONS, ...ENTRY_FIELD_OPTIONS, by: { type: 'string', default: 'desk time edit' } },
    strict: true,
  });
  const key = requireEntryKey(values);

  const edit: TimeEntryEdit = {};
  if (values.minutes !== undefined) edit.minutes = parseMinutesOption(values.minutes);
  if (values.type !== undefined) edit.type = values.type as TimeType;
  if (values.start !== undefined) edit.start = values.start;
  // An empty value removes the request or note; TimeService checks every value.
  if (values.request !== undefined) edit.request = values.request.trim() === '' ? null : values.request;
  if (values.note !== undefined) edit.note = values.note.trim() === '' ? null : values.note;
  if (Object.keys(edit).length === 0) {
    throw new UsageError('Nothing to change; give at least one of --minutes, --type, --start, --request, --note', timeUsage);
  }

  const { time, statements, customers, zone } = await openTimeServices(env);
  const entry = await withUsageErrors(() => time.editEntry(key, edit, values.by ?? 'desk time edit'));
  const statement = await statementAfterChange(statements, customers, key);
  return JSON.stringify({ entry: printableEntry(entry, zone), hours: hoursOf(statement) });
}

async function runTimeDelete(options: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { values } = parseArgs({
    args: options,
    options: { ...ENTRY_KEY_OPTIONS, by: { type: 'string', default: 'desk time delete' } },
    strict: true,
  });
  const key = requireEntryKey(values);

  const { time, statements, customers, zone } = await openTimeServices(env);
  const record = await time.deleteEntry(key, values.by ?? 'desk time delete');
  const statement = await statementAfterChange(statements, customers, key);
  return JSON.stringify({ deleted: printableHistory(record, zone), hours: hoursOf(statement) });
}

async function runTimeHistory(options: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { values } = parseArgs({ args: options, options: ENTRY_KEY_OPTIONS, strict: true });
  const key = requireEntryKey(values);

  const { time, zone } = await openTimeServices(env);
  const history = await time.entryHistory(key);
  return JSON.stringify({ ...key, history: history.map((record) => printableHistory(record, zone)) });
}

/** Reads --minutes as written on the command line: digits only, so "1,5", "90 min" and "-5" are rejected. */
function parseMinutesOption(value: string): number {
  if (!/^\d+$/.test(value)) {
    throw new UsageError(`Invalid --minutes "${value}": expected a whole number of minutes`, timeUsage);
  }
  return Number(value);
}

function requireCustomerMonth(values: { customer?: string; month?: string }): { customerId: string; month: string } {
  if (!values.customer) throw new UsageError('Missing --customer', timeUsage);
  if (!values.month) throw new UsageError('Missing --month', timeUsage);
  if (!isMonth(values.month)) {
    throw new UsageError(`Invalid --month "${values.month}": expected a month "yyyy-MM", e.g. 2026-11`, timeUsage);
  }
  return { customerId: values.customer, month: values.month };
}

function requireEntryKey(values: { customer?: string; month?: string; id?: string }): TimeEntryKey {
  const { customerId, month } = requireCustomerMonth(values);
  if (!values.id) throw new UsageError('Missing --id; "desk time list" prints the ids', timeUsage);
  return { customerId, month, id: values.id };
}

/** Reports invalid fields as a usage error, so the command exits with code 2 and prints the usage. */
async function withUsageErrors<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof InvalidInputError) {
      throw new UsageError(error.message, timeUsage);
    }
    throw error;
  }
}

async function statementAfterChange(
  statements: TimeCommandServices['statements'],
  customers: TimeCommandServices['customers'],
  key: TimeEntryKey,
): Promise<CustomerMonthStatement> {
  return statements.statementFor(await requireCustomer(customers, key.customerId), key.month);
}

async function requireCustomer(customers: TimeCommandServices['customers'], customerId: string) {
  const customer = await customers.get(customerId);
  if (customer === undefined) {
    throw new EntityNotFoundError(`Customer "${customerId}" not found; import or create the customer first`);
  }
  return customer;
}

function hoursOf(statement: CustomerMonthStatement) {
  return {
    month: statement.month,
    availableMinutes: statement.availableMinutes,
    billableMinutes: statement.billableMinutes,
    includedUsedMinutes: statement.includedUsedMinutes,
    overageMinutes: statement.overageMinutes,
    unapprovedOverageMinutes: statement.unapprovedOverageMinutes,
  };
}

/** Returns the entry with its start in the business zone, e.g. "2026-11-03T09:00:00+01:00". */
function printableEntry(entry: StoredTimeEntry, zone: string): StoredTimeEntry {
  return { ...entry, start: DateTime.fromISO(entry.start, { zone }).toISO({ suppressMilliseconds: true }) as string };
}

function printableHistory(record: TimeEntryHistoryRecord, zone: string): TimeEntryHistoryRecord {
  return { ...record, before: printableEntry(record.before, zone) };
}
