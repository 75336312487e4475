import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';

import { CounterRepository } from '../../../src/storage/counters.js';
import { CustomerRepository } from '../../../src/storage/customers.js';
import { RequestRepository } from '../../../src/storage/requests.js';
import { createStorage, StorageUnavailableError, type Storage } from '../../../src/storage/tables.js';
import { azuriteConnectionStringFor, findFreePort, uniqueTablePrefix } from '../../support/azurite.js';

/** One retry after 10 ms keeps each failing call well under a second. */
const FAST_RETRIES = { maxRetries: 1, retryDelayInMs: 10, maxRetryDelayInMs: 10 };

function storageAt(port: number, requestTimeoutMs?: number): Storage {
  return createStorage(azuriteConnectionStringFor(port), {
    tablePrefix: uniqueTablePrefix('unavailable'),
    retryOptions: FAST_RETRIES,
    requestTimeoutMs,
  });
}

async function listen(server: HttpServer | TcpServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address !== null);
  assert.ok(typeof address === 'object');
  return address.port;
}

function isUnavailableOn(operation: string, causeCheck: (cause: unknown) => boolean) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof StorageUnavailableError, `expected StorageUnavailableError, got ${String(error)}`);
    assert.equal(error.operation, operation);
    assert.ok(causeCheck(error.cause), `unexpected cause ${String(error.cause)}`);
    assert.match(error.message, /^Azure Table Storage is unavailable: .* Try again later\.$/);
    return true;
  };
}

const refused = (cause: unknown): boolean => (cause as { code?: string }).code === 'ECONNREFUSED';

describe('storage unavailable', () => {
  describe('closed port', () => {
    let storage: Storage;

    beforeEach(async () => {
      // Nothing listens on this port, so every connection is refused.
      storage = storageAt(await findFreePort());
    });

    it('ensureTables throws StorageUnavailableError', async () => {
      await assert.rejects(storage.ensureTables(), isUnavailableOn('createTable', refused));
    });

    it('customers.get throws StorageUnavailableError', async () => {
      const customers = new CustomerRepository(storage.tables);

      await assert.rejects(customers.get('fabrikam'), (error: unknown) => {
        isUnavailableOn('getEntity', refused)(error);
        assert.equal((error as StorageUnavailableError).tableName, storage.tables.customers.tableName);
        return true;
      });
    });

    it('customers.list throws StorageUnavailableError', async () => {
      await assert.rejects(new CustomerRepository(storage.tables).list(), isUnavailableOn('listEntities', refused));
    });

    it('counters.next throws StorageUnavailableError', async () => {
      await assert.rejects(new CounterRepository(storage.tables).next('request', '2026'), isUnavailableOn('getEntity', refused));
    });

    it('requests.update throws StorageUnavailableError', async () => {
      const requests = new RequestRepository(storage.tables);

      await assert.rejects(
        requests.update('fabrikam', 'HD-2026-0001', (current) => current),
        isUnavailableOn('getEntity', refused),
      );
    });
  });

  describe('hung server', () => {
    let server: TcpServer;
    const sockets = new Set<Socket>();

    before(() => {
      // Accepts connections and never sends a response, like a storage endpoint behind a stalled network path.
      server = createTcpServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
    });

    after(async () => {
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('request timeout throws StorageUnavailableError', async () => {
      const port = await listen(server);
      const customers = new CustomerRepository(storageAt(port, 200).tables);

      const started = Date.now();
      await assert.rejects(
        customers.get('fabrikam'),
        isUnavailableOn('getEntity', (cause) => (cause as Error).name === 'AbortError'),
      );
      assert.ok(Date.now() - started < 5_000, 'the timeout should end the call quickly');
    });
  });

  describe('server error', () => {
    let server: HttpServer;
    let requestCount = 0;

    before(() => {
      server = createHttpServer((_request, response) => {
        requestCount += 1;
        response.writeHead(503, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ 'odata.error': { code: 'ServerBusy', message: { value: 'The server is busy.' } } }));
      });
    });

    after(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('HTTP 503 throws StorageUnavailableError', async () => {
      const port = await listen(server);
      const customers = new CustomerRepository(storageAt(port).tables);

      await assert.rejects(
        customers.get('fabrikam'),
        isUnavailableOn('getEntity', (cause) => (cause as { statusCode?: number }).statusCode === 503),
      );
      assert.equal(requestCount, 2, 'one request and one SDK retry');
    });
  });
});
