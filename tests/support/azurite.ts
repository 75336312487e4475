import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** A running Azurite table server that the tests own. */
export interface AzuriteInstance {
  /** Connection string for the devstoreaccount1 account on this server. */
  connectionString: string;
  /** Stops the server and waits for its process to exit. */
  stop(): Promise<void>;
}

/** Azurite's built-in development account and its well-known key, which Azurite accepts by default. */
const ACCOUNT_NAME = 'devstoreaccount1';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const HOST = '127.0.0.1';
const AZURITE_TABLE_BIN = fileURLToPath(new URL('../../node_modules/.bin/azurite-table', import.meta.url));

/** Text Azurite 3.35.0 prints to stdout once the table service listens. */
const READY_TEXT = 'successfully started';
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

/** How many ports to try when another process takes the chosen port before Azurite binds it. */
const START_ATTEMPTS = 3;

/**
 * Returns a loopback TCP port that was free a moment ago.
 *
 * The port is released before this returns, so another process may take it in between.
 */
export async function findFreePort(): Promise<number> {
  const server = createServer();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, resolve);
  });

  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));

  if (address === null || typeof address === 'string') {
    throw new Error(`Expected a TCP address from the probe server, got ${String(address)}`);
  }
  return address.port;
}

/** Builds the connection string for the development account on a loopback table endpoint. */
export function azuriteConnectionStringFor(port: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT_NAME};AccountKey=${ACCOUNT_KEY};` +
    `TableEndpoint=http://${HOST}:${port}/${ACCOUNT_NAME};`
  );
}

/**
 * Returns a table-name prefix unique to one test file, e.g. "tcustomers3fa9c1".
 *
 * @param label - Letters and digits that name the test file.
 */
export function uniqueTablePrefix(label: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]{0,30}$/.test(label)) {
    throw new Error(`Invalid table prefix label "${label}": use 1 to 31 letters and digits, starting with a letter`);
  }
  return `t${label}${randomBytes(3).toString('hex')}`;
}

/**
 * Starts the Azurite table server in memory on a free loopback port and waits until it listens.
 *
 * @throws Error with Azurite's output when it exits or stays silent for 20 seconds.
 */
export async function startAzurite(): Promise<AzuriteInstance> {
  let lastError: unknown;

  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt += 1) {
    const port = await findFreePort();
    try {
      return await startOnPort(port);
    } catch (error) {
      lastError = error;
    }
  }

  throw new Error(`Azurite did not start after ${START_ATTEMPTS} attempts`, { cause: lastError });
}

async function startOnPort(port: number): Promise<AzuriteInstance> {
  const child = spawn(
    process.execPath,
    [
      AZURITE_TABLE_BIN,
      '--inMemoryPersistence',
      '--disableTelemetry',
      '--skipApiVersionCheck',
      '--loose',
      '--silent',
      '--tableHost',
      HOST,
      '--tablePort',
      String(port),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );

  // A crashed test run must not leave Azurite behind.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  try {
    await waitUntilReady(child, port);
  } catch (error) {
    process.removeListener('exit', killOnExit);
    await stopProcess(child);
    throw error;
  }

  return {
    connectionString: azuriteConnectionStringFor(port),
    stop: async () => {
      process.removeListener('exit', killOnExit);
      await stopProcess(child);
    },
  };
}

/** Resolves once Azurite prints its ready line; keeps reading its output so the pipes never fill up. */
function waitUntilReady(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';

    const timer = setTimeout(() => {
      finish(new Error(`Azurite did not start on port ${port} within ${START_TIMEOUT_MS} ms. Output:\n${output}`));
    }, START_TIMEOUT_MS);

    const onData = (chunk: Buffer): void => {
      // Keep only the start of the output: enough to explain a failed start.
      if (output.length < 10_000) {
        output += chunk.toString('utf8');
      }
      if (output.includes(READY_TEXT)) {
        finish();
      }
    };

    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      finish(new Error(`Azurite exited before it listened on port ${port} (code ${code}, signal ${signal}). Output:\n${output}`));
    };

    const finish = (error?: Error): void => {
      clearTimeout(timer);
      child.removeListener('exit', onExit);
      child.removeListener('error', onError);
      if (error === undefined) {
        resolve();
      } else {
        reject(error);
      }
    };

    const onError = (error: Error): void => finish(error);

    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

/** Sends SIGTERM, then SIGKILL if the process is still running after 5 seconds. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');

  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
