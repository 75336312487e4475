// Writes docs/openapi.json from the tab API's routes: `npm run openapi`. A test fails while the committed
// file differs from what this script writes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OPENAPI_FILE, renderOpenApiFile } from '../src/api/openApiDocument.js';
import { tabApiRoutes } from '../src/api/routes/index.js';

const target = fileURLToPath(new URL(`../${OPENAPI_FILE}`, import.meta.url));
writeFileSync(target, renderOpenApiFile(tabApiRoutes));
process.stdout.write(`wrote ${OPENAPI_FILE} (${tabApiRoutes.length} operations besides dev-sign-in and openapi.json)\n`);
