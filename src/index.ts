import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createBotApplication } from './bot/app.js';
import { createAdapter } from './bot/adapter.js';
import type { SubstituteConversationLookup } from './bot/deps.js';
import { Notifier } from './bot/notifier.js';
import { loadBusiness } from './businessSetup.js';
import { createCalendarProvider } from './calendar/createCalendarProvider.js';
import { loadConfig, type AppConfig } from './config.js';
import { systemClock, type Clock } from './domain/clock.js';
import { SlaWatcher } from './jobs/slaWatcher.js';
import { createLogger, type Logger } from './logger.js';
import { messagesFor } from './i18n/messages.js';
import { createServer } from './server.js';
import { AbsenceService } from './services/absenceService.js';
import { BookingService } from './services/bookingService.js';
import { CallerDirectory } from './services/callers.js';
import { loadDemoCustomers } from './services/demoData.js';
import { SubstituteDirectory } from './services/substitutes.js';
import { RequestService } from './services/requestService.js';
import { AbsenceRepository } from './storage/absences.js';
import { BookingSlotRepository } from './storage/bookingSlots.js';
import { BookingRepository } from './storage/bookings.js';
import { ConversationRepository } from './storage/conversations.js';
import { CounterRepository } from './storage/counters.js';
import { CustomerRepository } from './storage/customers.js';
import { LeadRepository } from './storage/leads.js';
import { RequestRepository } from './storage/requests.js';
import { SubmissionRepository } from './storage/submissions.js';
import { createStorage } from './storage/tables.js';
import { WarningRepository } from './storage/warnings.js';

/** A running Hotline Desk: its HTTP address and how to stop it. */
export interface RunningDesk {
  /** Base URL of the HTTP server, e.g. "http://127.0.0.1:3978". */
  url: string;
  /** The SLA watcher; with DESK_SLA_WATCH_INTERVAL_SECONDS=0 its timer is off and callers run `tick()` themselves. */
  slaWatcher: SlaWatcher;
  stop(): Promise<void>;
}

/** Replaceable parts for tests: a controlled clock, a quiet logger and the absence substitute's chat. */
export interface DeskOverrides {
  clock?: Clock;
  logger?: Logger;
  /** Chat that receives emergencies in addition to the consultant's; defaults to none. */
  substituteConversation?: SubstituteConversationLookup;
}

/**
 * Starts Hotline Desk: catalog and calendar, storage, services, the bot, then the HTTP server.
 *
 * @throws Error when the catalog, the holiday region or the demo data is invalid, or storage cannot be reached.
 */
export async function startHotlineDesk(config: AppConfig, overrides: DeskOverrides = {}): Promise<RunningDesk> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? systemClock;

  // Load the service catalog and the holiday calendar first: an invalid catalog must stop the start.
  const { catalog, calendar } = loadBusiness(config.business);
  logger.info({ plans: catalog.plans.map((plan) => plan.id), region: calendar.holidays.region }, 'service catalog loaded');

  // Create the tables before any repository touches them.
  const storage = createStorage(config.storage.connectionString, { tablePrefix: config.storage.tablePrefix });
  await storage.ensureTables();
  const customers = new CustomerRepository(storage.tables);
  const requests = new RequestRepository(storage.tables);
  const counters = new CounterRepository(storage.tables);
  const conversations = new ConversationRepository(storage.tables);
  const submissions = new SubmissionRepository(storage.tables);
  const absenceRepository = new AbsenceRepository(storage.tables);

  // Demo customers only fill empty tables, so a restart keeps what was changed since.
  if (config.business.demoDataPath) {
    const created = await loadDemoCustomers(config.business.demoDataPath, customers, catalog);
    logger.info({ created, path: config.business.demoDataPath }, 'demo customers checked');
  }

  // Services hold the business rules that the bot (and later the tab) call.
  const callers = new CallerDirectory(customers, catalog, config.consultant);
  // Absences come before requests: every new deadline skips them.
  const absences = new AbsenceService(absenceRepository, calendar.zone, clock);
  const requestService = new RequestService(requests, counters, catalog, calendar, clock, absences);

  // Bookings use Microsoft Graph when GRAPH_MAILBOX is set, else the local calendar in the tables.
  // TODO: pass bookingService to the bot once its booking cards exist.
  const bookingCalendar = createCalendarProvider(config.calendar, calendar.zone, storage.tables, {
    logger,
    cancellationComment: messagesFor('de').calendar.cancellationComment,
  });
  const bookingService = new BookingService({
    bookings: new BookingRepository(storage.tables),
    slotLocks: new BookingSlotRepository(storage.tables),
    calendar: bookingCalendar,
    catalog,
    clock,
    rules: {
      zone: calendar.zone,
      isClosedDate: (localDate) => calendar.holidays.isPublicHoliday(localDate),
      bookableHours: config.calendar.bookableHours,
      minimumNoticeMinutes: config.calendar.minimumNoticeMinutes,
      bufferMinutes: config.calendar.bufferMinutes,
    },
    absences: async () => (await absenceRepository.list()).map((absence) => ({ start: absence.from, end: absence.to })),
    logger,
  });
  logger.info({ calendar: bookingCalendar.kind, mailbox: config.calendar.graph?.mailbox }, 'booking calendar ready');

  // Absence substitutes receive emergencies in their own chat, stored when they write to the bot.
  const substitutes = new SubstituteDirectory(absences, conversations);
  const substituteConversation = overrides.substituteConversation ?? ((now: Date) => substitutes.conversationAt(now));

  // The bot: adapter, proactive notifier and the Teams AI application with its handlers.
  const adapter = createAdapter(config.bot, logger);
  const notifier = new Notifier(adapter, config.bot.appId ?? '', conversations, logger, config.consultant.language);
  const bot = createBotApplication(adapter, config.bot.appId ?? '', {
    catalog,
    zone: calendar.zone,
    hotlinePhone: config.business.hotlinePhone,
    emergencyPhone: config.business.emergencyPhone,
    clock,
    callers,
    requests: requestService,
    absences,
    submissions,
    notifier,
    substitutes,
    substituteConversation,
    leads: new LeadRepository(storage.tables),
    logger,
  });

  // The SLA watcher sends at-risk, breach and unacknowledged-emergency warnings through the notifier.
  // Its claim rows in the warnings table keep several instances from sending a warning twice.
  const slaWatcher = new SlaWatcher({
    requests,
    warnings: new WarningRepository(storage.tables),
    catalog,
    calendar,
    clock,
    notifier,
    customerName: (customerId) => callers.customerName(customerId),
    consultantName: config.consultant.name,
    substituteConversation,
    logger,
  });

  // The HTTP server comes last, so no request arrives before everything above is ready.
  const server = createServer({ adapter, runTurn: (context) => bot.run(context).then(() => undefined) }, logger);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  logger.info({ url, messagesEndpoint: `${url}/api/messages` }, 'Hotline Desk listening');

  // The watcher starts once the server listens, so the consultant can act on its cards. Its first tick runs
  // right away and catches up warnings that fell due while the app was down.
  if (config.slaWatchIntervalSeconds > 0) {
    slaWatcher.start(config.slaWatchIntervalSeconds * 1000);
  }

  return {
    url,
    slaWatcher,
    stop: async () => {
      // Stop the watcher first and wait for its running tick, so no warning is sent during shutdown.
      await slaWatcher.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      logger.info('Hotline Desk stopped');
    },
  };
}

/** Runs Hotline Desk as a process until SIGINT or SIGTERM. */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }

  const logger = createLogger(config.logLevel);
  let desk: RunningDesk;
  try {
    desk = await startHotlineDesk(config, { logger });
  } catch (error) {
    logger.fatal({ err: error }, 'Hotline Desk failed to start');
    process.exit(1);
  }

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'stopping');
    desk.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stopping failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGHUP', () => shutdown('SIGHUP'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
