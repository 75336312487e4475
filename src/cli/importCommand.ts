import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { loadCatalogFile } from '../catalogFile.js';
import { loadBusinessConfig, loadStorageConfig } from '../config.js';
import { systemClock } from '../domain/clock.js';
import { ImportService } from '../services/importService.js';
import { CustomerRepository } from '../storage/customers.js';
import { OverageApprovalRepository } from '../storage/overageApprovals.js';
import { createStorage } from '../storage/tables.js';
import { TimeEntryRepository } from '../storage/timeEntries.js';
import { UsageError } from './usageError.js';

/** Usage text of `desk import`. */
export const importUsage = `desk import --file <path>

Imports customers, time entries and overage approvals from a JSON file, all or nothing:
  {"customers":        [{"id", "name", "plan", "tenantId", "contractStart"}],
   "timeEntries":      [{"customerId", "type", "start", "minutes", "request", "note"}],
   "overageApprovals": [{"customerId", "month", "minutes", "decision", "decidedBy", "decidedAt"}]}
A file with an invalid row is rejected whole: every invalid row is listed with its index, field, value
and reason, nothing is stored and the exit code is 1. Importing the same file again adds nothing.
Prints a JSON summary of created and already stored rows.
Reads AZURE_STORAGE_CONNECTION_STRING (default: local Azurite) and DESK_TABLE_PREFIX.`;

/**
 * Runs `desk import` and returns the JSON summary to print.
 *
 * @throws UsageError for a missing option.
 * @throws ImportRejectedError listing every invalid row; Error when the file cannot be read or is not JSON.
 */
export async function runImport(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { values } = parseArgs({ args, options: { file: { type: 'string' } }, strict: true });
  if (!values.file) throw new UsageError('Missing --file', importUsage);

  let text: string;
  try {
    text = await readFile(values.file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the import file ${values.file}: ${(error as Error).message}`, { cause: error });
  }

  let document: unknown;
  try {
    // A byte order mark, as Windows editors write it, is not part of the JSON text.
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`The import file ${values.file} is not valid JSON: ${(error as Error).message}; nothing was stored`, {
      cause: error,
    });
  }

  const business = loadBusinessConfig(env);
  const catalog = loadCatalogFile(business.catalogPath);
  const storageConfig = loadStorageConfig(env);
  const storage = createStorage(storageConfig.connectionString, { tablePrefix: storageConfig.tablePrefix });
  await storage.ensureTables();

  const importer = new ImportService({
    customers: new CustomerRepository(storage.tables),
    timeEntries: new TimeEntryRepository(storage.tables),
    approvals: new OverageApprovalRepository(storage.tables),
    catalog,
    zone: business.zone,
    clock: systemClock,
  });

  const summary = await importer.importDocument(document, values.file, `import ${path.basename(values.file)}`);
  return JSON.stringify({ file: values.file, ...summary });
}
