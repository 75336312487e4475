import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

/** Path of Debian's Chromium package, which `.ci/run` installs when missing. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Chromium flags for a headless run as root in a container, with no traffic beyond loopback. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Builds the tab into dist/tab with `vite build` in a child process. Vite's own module resolution fails
 * inside the tsx loader that mocha runs the tests with, so the build cannot run in this process.
 */
async function buildTab(): Promise<void> {
  const viteCli = fileURLToPath(new URL('node_modules/vite/bin/vite.js', `file://${repositoryRoot}`));
  try {
    await promisify(execFile)(process.execPath, [viteCli, 'build', '--logLevel', 'warn'], { cwd: repositoryRoot });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`vite build of the tab failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/**
 * Global slot of the shared Chromium. mocha loads this file as a root hook plugin, and tsx loads it a second
 * time as a module of the tests, so a module variable would not be shared between the two copies.
 */
const BROWSER_SLOT = Symbol.for('hotline-desk.tests.browser');

type BrowserSlot = { [BROWSER_SLOT]?: Browser };

/**
 * Returns the Chromium shared by all browser tests.
 *
 * @throws Error when called before the root `beforeAll` hook launched it.
 */
export function sharedBrowser(): Browser {
  const browser = (globalThis as BrowserSlot)[BROWSER_SLOT];
  if (browser === undefined) throw new Error('Chromium is not running: sharedBrowser() works only after the browser root hook');
  return browser;
}

/**
 * Mocha root hooks of the browser tests: build the tab once into dist/tab, where the app serves it, and
 * launch one headless Chromium. SKIP_TAB_BUILD=1 keeps an existing build, as `.ci/run` builds before.
 */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(180_000);

    if (process.env.SKIP_TAB_BUILD !== '1') {
      await buildTab();
    }
    (globalThis as BrowserSlot)[BROWSER_SLOT] = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  },

  async afterAll(): Promise<void> {
    const running = (globalThis as BrowserSlot)[BROWSER_SLOT];
    delete (globalThis as BrowserSlot)[BROWSER_SLOT];
    await running?.close();
  },
};

/** Returns whether a URL points at this machine, the only host the browser tests may reach. */
function isLoopbackUrl(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:';
}

/**
 * Opens a browser context on the shared Chromium that aborts every request beyond loopback. teams-js, for
 * example, fetches its list of valid host domains from a Microsoft CDN during `app.initialize()`.
 */
export async function newLoopbackContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await sharedBrowser().newContext(options);
  await context.route((url) => !isLoopbackUrl(url), (route) => route.abort('blockedbyclient'));
  return context;
}
