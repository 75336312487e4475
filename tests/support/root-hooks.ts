import { startAzurite, type AzuriteInstance } from './azurite.js';

/** The Azurite server shared by all test files; each file isolates its rows by a table-name prefix. */
let azurite: AzuriteInstance | undefined;

/**
 * Returns the connection string of the shared Azurite server.
 *
 * @throws Error when called outside a mocha run, before the root `beforeAll` hook started Azurite.
 */
export function azuriteConnectionString(): string {
  if (azurite === undefined) {
    throw new Error('Azurite is not running: azuriteConnectionString() works only inside tests, after the root beforeAll hook');
  }
  return azurite.connectionString;
}

/** Mocha root hooks: one in-memory Azurite for the whole run, exposed to the app as AZURE_STORAGE_CONNECTION_STRING. */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(60_000);

    azurite = await startAzurite();
    process.env.AZURE_STORAGE_CONNECTION_STRING = azurite.connectionString;
  },

  async afterAll(): Promise<void> {
    const running = azurite;
    azurite = undefined;
    delete process.env.AZURE_STORAGE_CONNECTION_STRING;

    await running?.stop();
  },
};
