import assert from 'node:assert/strict';
import { startTabApiHarness, type TabApiHarness } from './reportsHarness.js';

const NOW = '2026-12-07T09:00:00+01:00';

/** A JSON body larger than the server's body limit of 1 MiB. */
const OVERSIZED_BODY = JSON.stringify({ note: 'x'.repeat(1024 * 1024) });

describe('tab API bodies the parser rejects', () => {
  let tab: TabApiHarness;

  before(async () => {
    tab = await startTabApiHarness(NOW);
  });

  after(async () => {
    await tab.stop();
  });

  /** Posts a raw body with the consultant's token and returns status and parsed JSON body. */
  async function post(path: string, body: string | Buffer, headers: Record<string, string> = {}) {
    const response = await fetch(`${tab.desk.desk.url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tab.token()}`,
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
      issues: [{ field: 'body', code: 'invalidFormat', message: 'Invalid JSON' }],
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
