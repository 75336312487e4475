import { parseArgs } from 'node:util';
import { loadBusinessConfig, loadStorageConfig } from '../config.js';
import { createAbsenceDraft, InvalidAbsenceError, type AbsenceInput, type AbsenceSubstitute } from '../domain/absence.js';
import { systemClock } from '../domain/clock.js';
import { AbsenceService } from '../services/absenceService.js';
import { AbsenceRepository } from '../storage/absences.js';
import { StorageUnavailableError } from '../storage/errors.js';
import { createStorage } from '../storage/tables.js';
import { UsageError } from './usageError.js';

/** Usage text of `desk absence`. */
export const absenceUsage = `desk absence add|list|remove [options]

Manages the consultant's absences (vacation, sickness). While an absence is in force, the bot tells
customers when the consultant is back, and callback deadlines of new non-emergency requests skip it.

  desk absence add --from <date|instant> --to <date|instant> --note <text>
                   [--substitute-name <name>] [--substitute-phone <number>]
                   [--substitute-aad-object-id <guid> --substitute-tenant-id <guid>]
      Stores an absence and prints it as JSON.
      --from, --to   a local date such as 2026-12-21 (whole day in DESK_TIME_ZONE: --from starts at its
                     00:00, --to ends at the following 00:00) or an ISO 8601 instant with offset,
                     e.g. 2026-12-21T12:00:00+01:00; --to must lie after --from
      --note         the consultant's note, at most 500 characters; customers never see it
      --substitute-name            partner who covers emergencies; required with any other --substitute option
      --substitute-phone           the partner's number, shown to customers in place of the emergency line
      --substitute-aad-object-id   the partner's Entra object id, given together with --substitute-tenant-id
      --substitute-tenant-id       the partner's Entra tenant id

  desk absence list
      Prints every absence as a JSON array ordered by start.

  desk absence remove --id <id>
      Deletes the absence with that id (see "desk absence list") and prints it as JSON.

Storage: AZURE_STORAGE_CONNECTION_STRING (default: the local Azurite) and DESK_TABLE_PREFIX (default: desk).`;

/**
 * Retries of the Azure SDK per storage request, fewer than the app's so an unreachable endpoint fails within seconds.
 *
 * NOTE: after a connection error the process still waits for the request timeout (10 s) before it exits, because
 * @typespec/ts-http-runtime 0.3.6 clears its timeout timer only when a response arrives.
 */
const CLI_RETRY_OPTIONS = { maxRetries: 2, retryDelayInMs: 500 };

/**
 * Runs `desk absence <subcommand>` and returns the JSON to print.
 *
 * @throws UsageError for a missing subcommand, a missing option or an invalid absence.
 * @throws Error naming the id when `remove` finds no absence, or naming the table endpoint when storage is unreachable.
 */
export async function runAbsence(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const [subcommand, ...options] = args;
  if (subcommand !== 'add' && subcommand !== 'list' && subcommand !== 'remove') {
    const problem = subcommand === undefined ? 'Missing subcommand' : `Unknown subcommand "${subcommand}"`;
    throw new UsageError(`${problem}: expected add, list or remove`, absenceUsage);
  }

  // Check the options before touching storage, so a typo fails fast and without a network call.
  const addInput = subcommand === 'add' ? parseAddOptions(options) : undefined;
  const removeId = subcommand === 'remove' ? parseRemoveOptions(options) : undefined;
  if (subcommand === 'list') parseArgs({ args: options, options: {}, strict: true });

  const zone = loadBusinessConfig(env).zone;
  if (addInput) checkAbsence(addInput, zone);

  const storageConfig = loadStorageConfig(env);
  const storage = createStorage(storageConfig.connectionString, {
    tablePrefix: storageConfig.tablePrefix,
    retryOptions: CLI_RETRY_OPTIONS,
  });
  const absences = new AbsenceService(new AbsenceRepository(storage.tables), zone, systemClock);

  try {
    await storage.ensureTables();
    if (addInput) return JSON.stringify(await absences.add(addInput));
    if (removeId !== undefined) return JSON.stringify(await absences.remove(removeId));
    return JSON.stringify(await absences.list());
  } catch (error) {
    if (error instanceof InvalidAbsenceError) {
      throw new UsageError(error.message, absenceUsage);
    }
    if (error instanceof StorageUnavailableError) {
      throw new Error(
        `${error.message} Check that the table endpoint ${tableEndpointOf(storageConfig.connectionString)} ` +
          'is running, or set AZURE_STORAGE_CONNECTION_STRING.',
        { cause: error },
      );
    }
    throw error;
  }
}

function parseAddOptions(args: string[]): AbsenceInput {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      note: { type: 'string' },
      'substitute-name': { type: 'string' },
      'substitute-phone': { type: 'string' },
      'substitute-aad-object-id': { type: 'string' },
      'substitute-tenant-id': { type: 'string' },
    },
    strict: true,
  });

  for (const name of ['from', 'to', 'note'] as const) {
    if (values[name] === undefined) throw new UsageError(`Missing --${name}`, absenceUsage);
  }

  const input: AbsenceInput = { from: values.from as string, to: values.to as string, note: values.note as string };
  const substitute: Omit<AbsenceSubstitute, 'name'> & { name?: string } = {
    name: values['substitute-name'],
    phone: values['substitute-phone'],
    aadObjectId: values['substitute-aad-object-id'],
    tenantId: values['substitute-tenant-id'],
  };
  if (Object.values(substitute).some((value) => value !== undefined)) {
    // A missing name stays empty here, so the domain check reports it with the other substitute rules.
    input.substitute = { ...substitute, name: substitute.name ?? '' };
  }
  return input;
}

/** Validates the input as the service will, and reports a problem as a usage error. */
function checkAbsence(input: AbsenceInput, zone: string): void {
  try {
    createAbsenceDraft(input, zone);
  } catch (error) {
    if (error instanceof InvalidAbsenceError) throw new UsageError(error.message, absenceUsage);
    throw error;
  }
}

function parseRemoveOptions(args: string[]): string {
  const { values } = parseArgs({ args, options: { id: { type: 'string' } }, strict: true });
  if (values.id === undefined || values.id.trim() === '') throw new UsageError('Missing --id', absenceUsage);
  return values.id.trim();
}

/** Returns the table endpoint of a connection string for error messages; the account key is never included. */
function tableEndpointOf(connectionString: string): string {
  const endpoint = /(?:^|;)\s*TableEndpoint=([^;]+)/i.exec(connectionString)?.[1];
  if (endpoint !== undefined) return endpoint;
  return /UseDevelopmentStorage=true/i.test(connectionString) ? 'of the local storage emulator' : 'of the storage account';
}
