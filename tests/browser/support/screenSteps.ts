import type { Locator, Page } from 'playwright-core';
import { OverageApprovalRepository } from '../../../src/storage/overageApprovals.js';
import { logPhoneRequest, signInToTabApi, type TabApiClient } from './tabApiClient.js';
import { startTabHarness, type TabHarness, type TabOptions } from './tabHarness.js';

/** A started tab harness with an API client signed in as the consultant. */
export interface SignedInTab {
  harness: TabHarness;
  api: TabApiClient;
}

/** Starts the tab harness with its clock at `startAt` and signs in to the tab API as the consultant. */
export async function startSignedInTab(startAt: string): Promise<SignedInTab> {
  const harness = await startTabHarness(startAt);
  const api = await signInToTabApi(harness.desk);
  return { harness, api };
}

/**
 * Registers mocha hooks that start a signed-in tab before the suite and stop it after the suite. `onStart` receives
 * the tab, so the suite can keep its harness and client in its own variables.
 */
export function useSignedInTab(startAt: string, onStart: (tab: SignedInTab) => void): void {
  let tab: SignedInTab | undefined;

  before(async () => {
    tab = await startSignedInTab(startAt);
    onStart(tab);
  });

  after(async () => {
    await tab?.harness.stop();
  });
}

/** Opens the tab on `screen` and waits until the tab named `tabName` is the selected one. */
export async function openScreen(harness: TabHarness, screen: string, tabName: string, options: TabOptions = {}): Promise<Page> {
  const page = await harness.openTab({ ...options, screen });
  await page.getByRole('tab', { name: tabName, selected: true }).waitFor();
  return page;
}

/** Picks a customer in the screen's customer combobox, labelled `pickerName`. */
export async function pickCustomer(page: Page, customerName: string, pickerName = 'Kunde'): Promise<void> {
  await page.getByRole('combobox', { name: pickerName }).click();
  await page.getByRole('option', { name: customerName }).click();
}

/** Returns the value cell of the figure row whose row header is `label`, as the hours and statement screens show them. */
export function figure(page: Page, label: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) }).getByRole('cell');
}

/**
 * Logs a Fabrikam phone request called in at `calledAt` with 540 support minutes in December 2026, and stores an
 * approval of 90 overage minutes by Jana Becker. Gold includes 480 minutes, so 60 minutes are overage.
 */
export async function logApprovedFabrikamOverage(tab: SignedInTab, calledAt: string): Promise<void> {
  const number = await logPhoneRequest(tab.api, 'fabrikam', calledAt, 'Exchange-Migration dauert länger');
  await tab.api.call('POST', `/requests/fabrikam/${number}/time`, { minutes: 540, type: 'support' });
  await new OverageApprovalRepository(tab.harness.desk.storage.tables).create({
    customerId: 'fabrikam',
    month: '2026-12',
    id: 'approved-90',
    minutes: 90,
    decision: 'approved',
    decidedBy: 'Jana Becker',
    decidedAt: '2026-12-03T09:00:00.000Z',
  });
}
