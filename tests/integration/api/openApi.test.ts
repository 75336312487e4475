import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OPENAPI_FILE, renderOpenApiFile } from '../../../src/api/openApiDocument.js';
import { tabApiRoutes } from '../../../src/api/routes/index.js';
import { startDeskHarness, type DeskHarness } from '../../support/deskHarness.js';

const committedPath = fileURLToPath(new URL(`../../../${OPENAPI_FILE}`, import.meta.url));

describe('tab API OpenAPI document', () => {
  let harness: DeskHarness;

  before(async () => {
    harness = await startDeskHarness('2026-12-07T09:00:00+01:00');
  });

  after(async () => {
    await harness.stop();
  });

  it('committed file matches the routes', () => {
    const committed = readFileSync(committedPath, 'utf8');

    assert.ok(
      committed === renderOpenApiFile(tabApiRoutes),
      `${OPENAPI_FILE} is stale: run "npm run openapi" and commit the file`,
    );
  });

  it('server serves the same document without a token', async () => {
    const response = await fetch(`${harness.desk.url}/api/tab/openapi.json`);

    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), JSON.parse(readFileSync(committedPath, 'utf8')));
  });

  it('every route is documented with its errors', () => {
    const document = JSON.parse(renderOpenApiFile(tabApiRoutes));

    for (const route of tabApiRoutes) {
      const operation = document.paths[`/api/tab${route.path}`]?.[route.method];
      assert.ok(operation, `${route.method} ${route.path} missing`);
      assert.ok(operation.responses['401'], `${route.method} ${route.path} lacks 401`);
      assert.ok(operation.responses['403'], `${route.method} ${route.path} lacks 403`);
      assert.deepEqual(operation.security, [{ teamsSso: [] }]);
    }
  });
});
