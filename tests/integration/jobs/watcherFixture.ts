import { Writable } from 'node:stream';

import pino, { type Logger } from 'pino';

import { createAdapter } from '../../../src/bot/adapter.js';
import { Notifier } from '../../../src/bot/notifier.js';
import { findPlan } from '../../../src/domain/catalog.js';
import type { SupportRequest } from '../../../src/domain/request.js';
import { callbackDeadline } from '../../../src/domain/sla.js';
import { SlaWatcher, type SlaWatcherDeps } from '../../../src/jobs/slaWatcher.js';
import { ConversationRepository } from '../../../src/storage/conversations.js';
import { CustomerRepository } from '../../../src/storage/customers.js';
import { RequestRepository } from '../../../src/storage/requests.js';
import { WarningRepository } from '../../../src/storage/warnings.js';
import { berlinCalendar, catalog } from '../../support/calendar.js';
import { consultant, type DeskHarness } from '../../support/deskHarness.js';

/** The harness app's calendar: Europe/Berlin with the holidays of DE-NW, the configured default. */
export const calendar = berlinCalendar('DE-NW');

/** What a test needs to open a request row directly, as the consultant logs a phone request. */
export interface RequestRow {
  number: string;
  customerId: 'contoso-praxis' | 'fabrikam';
  openedAt: string;
  emergency?: boolean;
}

const CONTACTS = {
  'contoso-praxis': { planId: 'bronze', name: 'Lars Hoffmann', aadObjectId: '4e6a8c02-5f7b-4d93-8ebf-2a3b4c5d6e41' },
  fabrikam: { planId: 'gold', name: 'Jana Becker', aadObjectId: '0b9d7a52-1c3e-4f60-9a8b-7c6d5e4f3a21' },
} as const;

/**
 * Stores a new request of a demo customer with the deadline and at-risk instant of its plan,
 * computed as RequestService computes them for a time without absences.
 */
export async function storeRequest(harness: DeskHarness, row: RequestRow): Promise<SupportRequest> {
  const contact = CONTACTS[row.customerId];
  const emergency = row.emergency ?? false;
  const deadline = callbackDeadline({
    plan: findPlan(catalog, contact.planId),
    emergencyLine: catalog.emergencyLine,
    openedAt: new Date(row.openedAt),
    emergency,
    calendar,
  });

  const request: SupportRequest = {
    number: row.number,
    customerId: row.customerId,
    planId: contact.planId,
    emergency,
    description: emergency ? 'Der Exchange-Server ist komplett ausgefallen.' : 'Der Drucker am Empfang druckt nicht mehr.',
    urgency: 'high',
    callbackPhone: '+49 211 5550101',
    callbackChannel: 'phone',
    channel: 'phone',
    contactAadObjectId: contact.aadObjectId,
    contactName: contact.name,
    state: 'new',
    openedAt: row.openedAt,
    deadline: deadline.deadline,
    atRiskAt: deadline.atRiskAt,
    guaranteeMinutes: deadline.guaranteeMinutes,
  };
  await new RequestRepository(harness.storage.tables).create(request);
  return request;
}

/**
 * Creates a second SLA watcher on the harness's tables, clock and connector, as another app instance
 * or a restarted one would run it.
 */
export function watcherOn(harness: DeskHarness, instanceId: string, overrides: Partial<SlaWatcherDeps> = {}): SlaWatcher {
  const tables = harness.storage.tables;
  const logger = overrides.logger ?? pino({ level: 'silent' });
  const notifier = new Notifier(createAdapter(harness.config.bot, logger), '', new ConversationRepository(tables), logger);
  const customers = new CustomerRepository(tables);

  return new SlaWatcher({
    requests: new RequestRepository(tables),
    warnings: new WarningRepository(tables),
    catalog,
    calendar,
    clock: harness.clock,
    notifier,
    customerName: async (customerId) => (await customers.get(customerId))?.name,
    consultantName: consultant.name,
    logger,
    instanceId,
    ...overrides,
  });
}

/** Creates a pino logger that keeps every line as a parsed object. */
export function memoryLogger(): { logger: Logger; lines: Array<Record<string, any>> } {
  const lines: Array<Record<string, any>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, any>);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines };
}
