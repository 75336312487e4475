import assert from 'node:assert/strict';
import { startDeskHarness, type DeskHarness } from '../../support/deskHarness.js';
import { CLIENT_ID, EntraStandIn } from './tokenFixture.js';

const NOW = '2026-12-07T09:00:00+01:00';

/** A JSON body larger than the server's body limit of 1 MiB. */
const OVERSIZED_BODY = JSON.stringify({ note: 'x'.repeat(1024 * 1024) });

describe('tab API bodies the parser rejects', () => {
  const entra = new EntraStandIn();
  let harness: DeskHarness;

  before(async () => {
    await entra.start();
    harness = await startDeskHarness(NOW, { TAB_SSO_CLIENT_ID: CLIENT_ID, TAB_JWKS_URL: entra.jwksUrl });
  });

  after(async () => {
    await harness.stop();
    await entra.stop();
  });

  /** Posts a raw body with the consultant's token and returns status and parsed JSON body. */
  async function post(path: string, body: string | Buffer, headers: Record<string, string> = {}) {
    const response = await fetch(`${harness.desk.url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await entra.sign({ issuedAt: harness.clock.now() })}`,
        'content-type': 'application/json',
        ...headers,
      },
      body,
    });
    return { status: response.status, body: JSON.parse(await response.text()) };
  }

  it('malformed JSON is 400 invalidInput', async () => {
    const { status, body } = await post('/api/tab/absences', '{"from": "2026-12-21",');

    assert.equal(status, 400);
    assert.deepEqual(body, {
      code: 'invalidInput',
      message: 'The request body is not valid JSON',
      issues: [{ field: 'body', message: 'Invalid JSON' }],
    });
  });

  it('oversized body is 413 payloadTooLarge', async () => {
    const { status, body } = await post('/api/tab/articles', OVERSIZED_BODY);

    assert.equal(status, 413);
    assert.deepEqual(body, { code: 'payloadTooLarge', message: 'The request body is larger than the server accepts' });
  });

  it('unknown content encoding is 415 unsupportedMediaType', async () => {
    const { status, body } = await post('/api/tab/absences', '{}', { 'content-encoding': 'br' });

    assert.equal(status, 415);
    assert.equal(body.code, 'unsupportedMediaType');
  });

  it('bot endpoint keeps restify errors', async () => {
    const { status, body } = await post('/api/messages', '{"type":');

    assert.equal(status, 400);
    assert.equal(body.code, 'InvalidContent');
  });
});
