import type { z } from 'zod';
import type { StatementLineSchema, StatementSchema } from '../../api/routes/statements.js';
import type { ApiClient } from './client.js';

/** A customer's monthly statement (GET /api/tab/statements): minutes, and amounts in euro cents. */
export type Statement = z.infer<typeof StatementSchema>;

/** One line of a statement. The amounts of all lines add up to the net total. */
export type StatementLine = z.infer<typeof StatementLineSchema>;

/**
 * Loads a customer's statement of a month "yyyy-MM". The API rejects a month before the contract start with
 * 422.
 */
export function loadStatement(api: ApiClient, customerId: string, month: string): Promise<Statement> {
  return api.get<Statement>('/statements', { customerId, month });
}

/**
 * Downloads the statement as the server's CSV file: UTF-8 with byte order mark, ";" separated, decimal
 * comma. The file name is the server's, or "Abrechnung_<customer>_<month>.csv" when it sends none.
 */
export async function downloadStatementCsv(
  api: ApiClient,
  customerId: string,
  month: string,
): Promise<{ blob: Blob; fileName: string }> {
  const file = await api.download('/statements.csv', { customerId, month }, 'text/csv');
  return { blob: file.blob, fileName: file.fileName ?? `Abrechnung_${customerId}_${month}.csv` };
}
