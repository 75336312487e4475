import { readFileSync } from 'node:fs';
import { parseCatalog, type Catalog } from './domain/catalog.js';

/**
 * Reads and validates the service catalog file (`config/plans.json` by default).
 *
 * @throws Error naming the path when the file is missing or not JSON, or listing every invalid field.
 */
export function loadCatalogFile(path: string): Catalog {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the service catalog at ${path}`, { cause: error });
  }

  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(`The service catalog at ${path} is not valid JSON`, { cause: error });
  }

  return parseCatalog(document, path);
}
