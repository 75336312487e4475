import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { startDeskHarness, type DeskHarness } from '../../support/deskHarness.js';
import { newLoopbackContext } from './browserHooks.js';

/** Folder of the screenshots, ignored by git. CI keeps it as a test artifact. */
export const SCREENSHOT_FOLDER = fileURLToPath(new URL('../../../test-artifacts/browser/', import.meta.url));

/** How the tab is opened: language and theme through the URL, as outside Teams. */
export interface TabOptions {
  lang?: 'de' | 'en';
  theme?: 'dark' | 'contrast';
  /** Screen to open, e.g. "absences". */
  screen?: string;
  /** Whether to click the development sign-in button (default true). */
  signIn?: boolean;
}

/** The app with the development sign-in on, plus helpers to open the tab in Chromium. */
export interface TabHarness {
  desk: DeskHarness;
  /**
   * Opens the tab in a new browser context whose clock starts at the app's clock and then runs on in real
   * time. Tests control that clock with `page.clock.pauseAt()` and `page.clock.fastForward()`.
   */
  openTab(options?: TabOptions): Promise<Page>;
  stop(): Promise<void>;
}

/**
 * Starts Hotline Desk on the shared Azurite with TAB_DEV_SIGN_IN=true and the demo customers, its clock at
 * `startAt`, serving the tab that the browser root hook built.
 */
export async function startTabHarness(startAt: string, env: Record<string, string> = {}): Promise<TabHarness> {
  const desk = await startDeskHarness(startAt, { TAB_DEV_SIGN_IN: 'true', ...env });
  const contexts: BrowserContext[] = [];

  return {
    desk,
    async openTab(options = {}) {
      const context = await newLoopbackContext({ viewport: { width: 1400, height: 900 }, locale: 'de-DE' });
      contexts.push(context);
      const page = await context.newPage();
      await page.clock.install({ time: desk.clock.now() });

      const query = new URLSearchParams();
      if (options.lang) query.set('lang', options.lang);
      if (options.theme) query.set('theme', options.theme);
      const search = query.size > 0 ? `?${query}` : '';
      const hash = options.screen ? `#${options.screen}` : '';
      await page.goto(`${desk.desk.url}/tab/${search}${hash}`);

      if (options.signIn ?? true) {
        const label = options.lang === 'en' ? 'Sign in as consultant (development)' : 'Als Berater anmelden (Entwicklung)';
        await page.getByRole('button', { name: label }).click();
      }
      return page;
    },
    async stop() {
      for (const context of contexts) await context.close();
      await desk.stop();
    },
  };
}

/** Saves a full-page screenshot as test-artifacts/browser/NAME.png. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_FOLDER, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_FOLDER}${name}.png`, fullPage: true });
}
