import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { loadConfig, type AppConfig } from '../../src/config.js';
import type { Clock } from '../../src/domain/clock.js';
import { startHotlineDesk, type DeskOverrides, type RunningDesk } from '../../src/index.js';
import { createStorage, type Storage } from '../../src/storage/tables.js';
import { LocalConnector } from './connector.js';
import type { TeamsUser } from './teamsActivity.js';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current);
  }

  set(instant: string): void {
    this.current = new Date(instant);
  }
}

/** The consultant as the test configuration names them. */
export const consultant: TeamsUser = {
  id: '29:consultant-user',
  name: 'Sebastian Krüger',
  aadObjectId: '5f7b9d13-6a8c-4ea4-9fc0-3b4c5d6e7f51',
  tenantId: '1d0c9b8a-7f6e-4d5c-9b4a-3f2e1d0c9b00',
};

/** Jana Becker, contact of the Gold demo customer Fabrikam. */
export const goldContact: TeamsUser = {
  id: '29:jana-becker',
  name: 'Jana Becker',
  aadObjectId: '0b9d7a52-1c3e-4f60-9a8b-7c6d5e4f3a21',
  tenantId: '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e01',
};

/** Miriam Schulz, contact of the Enterprise demo customer Northwind. */
export const enterpriseContact: TeamsUser = {
  id: '29:miriam-schulz',
  name: 'Miriam Schulz',
  aadObjectId: '3d5f7b91-4e6a-4c82-9dae-1f2a3b4c5d31',
  tenantId: '7a2b3c4d-5e6f-4a7b-9c8d-1e2f3a4b5c02',
};

/** Lars Hoffmann, contact of the Bronze demo customer, whose plan has no Teams channel. */
export const bronzeContact: TeamsUser = {
  id: '29:lars-hoffmann',
  name: 'Lars Hoffmann',
  aadObjectId: '4e6a8c02-5f7b-4d93-8ebf-2a3b4c5d6e41',
  tenantId: '8b3c4d5e-6f7a-4b8c-8d9e-2f3a4b5c6d03',
};

/** Someone from a tenant no customer has. */
export const stranger: TeamsUser = {
  id: '29:stranger',
  name: 'Eva Neumann',
  aadObjectId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  tenantId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
};

const demoDataPath = fileURLToPath(new URL('../../config/demo-customers.json', import.meta.url));

/** A running app on its real HTTP endpoint, its storage on Azurite and a local connector. */
export interface DeskHarness {
  desk: RunningDesk;
  connector: LocalConnector;
  storage: Storage;
  config: AppConfig;
  clock: ManualClock;
  /** Posts an activity to /api/messages and returns the HTTP status and parsed body. */
  post(activity: object): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

/**
 * Starts Hotline Desk with the demo customers in fresh tables of the shared Azurite, a manual clock
 * and a local connector that receives everything the bot sends.
 *
 * @param overrides - Further replaced parts, such as the absence substitute's chat; clock and logger are the harness's own.
 */
export async function startDeskHarness(
  startAt: string,
  env: Record<string, string> = {},
  overrides: Omit<DeskOverrides, 'clock' | 'logger'> = {},
): Promise<DeskHarness> {
  const connector = new LocalConnector();
  await connector.start();

  const tablePrefix = `t${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    AZURE_STORAGE_CONNECTION_STRING: process.env.AZURE_STORAGE_CONNECTION_STRING,
    DESK_TABLE_PREFIX: tablePrefix,
    DESK_DEMO_DATA_PATH: demoDataPath,
    CONSULTANT_TENANT_ID: consultant.tenantId,
    CONSULTANT_AAD_OBJECT_ID: consultant.aadObjectId,
    CONSULTANT_NAME: consultant.name,
    // Tests run the SLA watcher with `desk.slaWatcher.tick()`, so timer ticks cannot add cards at random moments.
    DESK_SLA_WATCH_INTERVAL_SECONDS: '0',
    ...env,
  });
  const clock = new ManualClock(new Date(startAt));
  const desk = await startHotlineDesk(config, { ...overrides, clock, logger: pino({ level: 'silent' }) });
  const storage = createStorage(config.storage.connectionString, { tablePrefix });

  return {
    desk,
    connector,
    storage,
    config,
    clock,
    async post(activity) {
      const response = await fetch(`${desk.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async stop() {
      await desk.stop();
      await connector.stop();
    },
  };
}

/** Collects every TextBlock and Fact text of a card, for assertions on what a person reads. */
export function cardTexts(card: any): string[] {
  const texts: string[] = [];
  const visit = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'TextBlock' && typeof node.text === 'string') texts.push(node.text);
    if (node.type === 'RichTextBlock') texts.push((node.inlines ?? []).map((inline: any) => inline.text ?? '').join(''));
    if (node.type === 'FactSet') for (const fact of node.facts ?? []) texts.push(`${fact.title} ${fact.value}`);
    Object.values(node).forEach(visit);
  };
  visit(card.body ?? card);
  return texts;
}

/** Returns the Adaptive Card of an activity the bot sent, or undefined for a text message. */
export function cardOf(activity: any): any {
  return activity?.attachments?.[0]?.content;
}

/** Finds an element by id anywhere in a card. */
export function findById(card: any, id: string): any {
  let found: any;
  const visit = (node: any): void => {
    if (found || !node || typeof node !== 'object') return;
    if (node.id === id) found = node;
    Object.values(node).forEach(visit);
  };
  visit(card);
  return found;
}

/** Returns the verbs of a card's top-level actions. */
export function actionVerbs(card: any): string[] {
  return (card.actions ?? []).map((action: any) => action.verb);
}
