import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import restify from 'restify';
import { mountTabAssets } from '../../../src/tabAssets.js';

/** Starts a restify server that serves `folder` under /tab and returns its base URL and a stop function. */
async function serveTab(folder: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = restify.createServer({ name: 'tab-assets-test', handleUncaughtExceptions: false });
  mountTabAssets(server, pino({ level: 'silent' }), folder);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Sends a GET with a path as written, without the URL normalisation of fetch, so "../" reaches the server. */
async function rawGet(url: string, path: string): Promise<number> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const call = request(`${url}${path}`, { method: 'GET', path }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    call.on('error', reject);
    call.end();
  });
}

describe('tab assets under /tab', () => {
  let folder: string;
  let server: { url: string; stop: () => Promise<void> };

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'tab-assets-'));
    mkdirSync(join(folder, 'assets'));
    writeFileSync(join(folder, 'index.html'), '<!doctype html><title>Tab</title>');
    writeFileSync(join(folder, 'assets', 'index-AbC123.js'), 'console.log("tab");');
    writeFileSync(join(folder, 'assets', 'index-AbC123.css'), 'body{}');
    writeFileSync(join(folder, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(tmpdir(), 'outside-tab.txt'), 'secret');
    server = await serveTab(folder);
  });

  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('/tab and /tab/ send index.html without long caching', async () => {
    for (const path of ['/tab', '/tab/']) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8', path);
      assert.equal(response.headers.get('cache-control'), 'no-cache', path);
      assert.equal(await response.text(), '<!doctype html><title>Tab</title>', path);
    }
  });

  it('hashed assets get their content type and a one-year cache', async () => {
    const script = await fetch(`${server.url}/tab/assets/index-AbC123.js`);
    assert.equal(script.status, 200);
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(script.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(await script.text(), 'console.log("tab");');

    const style = await fetch(`${server.url}/tab/assets/index-AbC123.css`);
    assert.equal(style.headers.get('content-type'), 'text/css; charset=utf-8');
  });

  it('unhashed file is revalidated on every load', async () => {
    const response = await fetch(`${server.url}/tab/icon.svg`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/svg+xml');
    assert.equal(response.headers.get('cache-control'), 'no-cache');
  });

  it('unknown sub-path without extension sends index.html', async () => {
    const response = await fetch(`${server.url}/tab/absences/2026`);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '<!doctype html><title>Tab</title>');
  });

  it('missing file with extension answers 404', async () => {
    const response = await fetch(`${server.url}/tab/assets/index-Old999.js`);
    assert.equal(response.status, 404);
  });

  it('paths leaving the folder answer 400', async () => {
    assert.equal(await rawGet(server.url, '/tab/../outside-tab.txt'), 400);
    assert.equal(await rawGet(server.url, '/tab/%2e%2e/outside-tab.txt'), 400);
    assert.equal(await rawGet(server.url, '/tab/assets/%2e%2e%2f%2e%2e%2foutside-tab.txt'), 400);
    assert.equal(await rawGet(server.url, '/tab/..%5c..%5coutside-tab.txt'), 400);
  });

  it('malformed percent-encoding answers 404', async () => {
    // restify's router rejects the path before the tab handler runs.
    assert.equal(await rawGet(server.url, '/tab/%E0%A4%A'), 404);
  });

  it('every /tab response limits framing to Teams and Microsoft 365', async () => {
    const expected =
      "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft " +
      'https://*.microsoft365.com https://*.office.com';
    for (const path of ['/tab/', '/tab/assets/index-AbC123.js', '/tab/absences/2026', '/tab/assets/index-Old999.js']) {
      const response = await fetch(`${server.url}${path}`);
      await response.arrayBuffer();
      assert.equal(response.headers.get('content-security-policy'), expected, path);
    }
    const head = await fetch(`${server.url}/tab/`, { method: 'HEAD' });
    assert.equal(head.headers.get('content-security-policy'), expected);
  });

  it('HEAD sends headers without body', async () => {
    const response = await fetch(`${server.url}/tab/assets/index-AbC123.js`, { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-length'), String('console.log("tab");'.length));
    assert.equal(await response.text(), '');
  });
});

describe('tab assets without a build', () => {
  it('/tab says to run npm run build:tab', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tab-missing-'));
    const server = await serveTab(join(empty, 'dist', 'tab'));
    try {
      const response = await fetch(`${server.url}/tab/`);
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.match(await response.text(), /npm run build:tab/);
      assert.match(response.headers.get('content-security-policy') ?? '', /^frame-ancestors 'self' /);
    } finally {
      await server.stop();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
