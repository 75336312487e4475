import type { Page } from 'playwright-core';
import type { TabHarness, TabOptions } from './tabHarness.js';

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
