import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseCatalog, type Catalog } from '../../../src/domain/catalog.js';

/** Root of the repository, three folders above this file. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Loads the shipped service catalog `config/plans.json`. */
export function loadCatalog(): Catalog {
  const catalogPath = path.join(repoRoot, 'config', 'plans.json');
  return parseCatalog(JSON.parse(readFileSync(catalogPath, 'utf8')), catalogPath);
}
