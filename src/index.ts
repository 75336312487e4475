import { hostname } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createBotApplication } from './bot/app.js';
import { createAdapter } from './bot/adapter.js';
import type { SubstituteConversationLookup } from './bot/deps.js';
import { Notifier } from './bot/notifier.js';
import { loadBusiness } from './businessSetup.js';
import type { CalendarProvider } from './calendar/calendarProvider.js';
import { createCalendarProvider } from './calendar/createCalendarProvider.js';
import { loadConfig, type AppConfig } from './config.js';
import { systemClock, type Clock } from './domain/clock.js';
import { SlaWatcher } from './jobs/slaWatcher.js';
import { BotHoursChannel } from './bot/handlers/overageNotifications.js';
import { ApproverDirectory } from './services/approvers.js';
import { HoursWarningService } from './services/hoursWarningService.js';
import { OverageApprovalService } from './services/overageApprovalService.js';
import { PendingDeliveries } from './services/pendingDeliveries.js';
import { KnowledgeBase } from './services/knowledgeBase.js';
import { SlaReportService } from './services/slaReport.js';
import { StatementService } from './services/statementService.js';
import { TimeService } from './services/timeService.js';
import { DeliveryRepository } from './storage/deliveries.js';
import { OverageApprovalRepository } from './storage/overageApprovals.js';
import { TimeEntryRepository } from './storage/timeEntries.js';
import { createLogger, type Logger } from './logger.js';
import { messagesFor } from './i18n/messages.js';
import { createServer } from './server.js';
import { createTabAuthentication } from './api/auth/createTabAuthentication.js';
import type { TabApiOptions } from './api/router.js';
import { tabApiRoutes } from './api/routes/index.js';
import { RequestCardUpdates } from './bot/requestCardUpdates.js';
import { CallLogService } from './services/callLog.js';
import { CustomerService } from './services/customerService.js';
import { RequestActions } from './services/requestActions.js';
import { RequestDetailsService } from './services/requestDetails.js';
import { RequestQueue } from './services/requestQueue.js';
import { AbsenceService } from './services/absenceService.js';
import { BookingService } from './services/bookingService.js';
import { CallerDirectory } from './services/callers.js';
import { loadDemoCustomers } from './services/demoData.js';
import { SubstituteDirectory } from './services/substitutes.js';
import { RequestService } from './services/requestService.js';
import { AbsenceRepository } from './storage/absences.js';
import { ArticleRepository } from './storage/articles.js';
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
  /**
   * Sender of hours warnings and approval cards that are still due, such as those the `desk` command line
   * recorded. It runs on the SLA watcher's interval, and with an interval of 0 callers run `tick()` themselves.
   */
  pendingDeliveries: PendingDeliveries;
  stop(): Promise<void>;
}

/** Replaceable parts for tests: a controlled clock, a quiet logger and the absence substitute's chat. */
export interface DeskOverrides {
  clock?: Clock;
  logger?: Logger;
  /** Chat that receives emergencies in addition to the consultant's; defaults to none. */
  substituteConversation?: SubstituteConversationLookup;
  /** Calendar of the bookings instead of the configured one, e.g. the Graph provider against a mock. */
  bookingCalendar?: CalendarProvider;
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
  // The knowledge base serves the tab's article search and the bot's suggestions before the request form.
  const knowledgeBase = new KnowledgeBase({ articles: new ArticleRepository(storage.tables), requests: requestService, clock });

  // Bookings use Microsoft Graph when GRAPH_MAILBOX is set, else the local calendar in the tables.
  const bookingCalendar = overrides.bookingCalendar ?? createCalendarProvider(config.calendar, calendar.zone, storage.tables, {
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

  // Hours: time entries, statements, hours warnings and overage approvals. The warnings and approval cards
  // go out through the bot's notifier, and their delivery rows keep several instances from sending twice.
  const instanceId = `${hostname()}:${process.pid}`;
  const hoursChannel = new BotHoursChannel(notifier, calendar.zone);
  const deliveries = new DeliveryRepository(storage.tables);
  const timeEntries = new TimeEntryRepository(storage.tables);
  const approvalRepository = new OverageApprovalRepository(storage.tables);
  // Statements carry the month's SLA compliance and the bonus calls held besides the billing.
  const slaReports = new SlaReportService({ customers, requests, zone: calendar.zone, clock });
  const statements = new StatementService({
    customers,
    timeEntries,
    approvals: approvalRepository,
    catalog,
    zone: calendar.zone,
    serviceRecord: { slaReports, bookings: new BookingRepository(storage.tables), clock },
  });
  const hoursWarnings = new HoursWarningService({
    customers,
    statements,
    deliveries,
    catalog,
    clock,
    channel: hoursChannel,
    logger,
    instanceId,
  });
  const timeService = new TimeService({
    customers,
    timeEntries,
    approvals: approvalRepository,
    statements,
    catalog,
    zone: calendar.zone,
    clock,
    observer: hoursWarnings,
  });
  const approvers = new ApproverDirectory(customers, conversations, requests);
  const overage = new OverageApprovalService({
    time: timeService,
    approvals: approvalRepository,
    customers,
    requests: requestService,
    approvers,
    deliveries,
    catalog,
    zone: calendar.zone,
    clock,
    channel: hoursChannel,
    logger,
    instanceId,
  });
  const pendingDeliveries = new PendingDeliveries({ deliveries, hoursWarnings, overage, logger });
  const bot = createBotApplication(adapter, config.bot.appId ?? '', {
    catalog,
    zone: calendar.zone,
    hotlinePhone: config.business.hotlinePhone,
    emergencyPhone: config.business.emergencyPhone,
    clock,
    callers,
    requests: requestService,
    absences,
    knowledgeBase,
    bookings: bookingService,
    submissions,
    notifier,
    substitutes,
    substituteConversation,
    leads: new LeadRepository(storage.tables),
    time: timeService,
    statements,
    overage,
    approvers,
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
  // The tab's REST API calls the same services as the bot. Its changes to a request reach every card copy in
  // Teams through the bot's card updates, the same code the consultant's card actions use.
  const requestCards = new RequestCardUpdates({ catalog, zone: calendar.zone, clock, callers, notifier, logger });
  const tabAuthentication = createTabAuthentication(config.tab, config.consultant, clock);
  if (tabAuthentication.devSignIn) logger.warn('development sign-in of the tab is on (TAB_DEV_SIGN_IN=true); never use it in production');
  const tabApi: TabApiOptions = {
    routes: tabApiRoutes,
    ...tabAuthentication,
    logger,
    services: {
      clock,
      timeZone: calendar.zone,
      catalog,
      requests: requestService,
      queue: new RequestQueue(requests, customers, clock),
      requestDetails: new RequestDetailsService({
        requests: requestService,
        customers,
        timeEntries,
        approvals: approvalRepository,
        bookings: new BookingRepository(storage.tables),
        zone: calendar.zone,
        clock,
      }),
      requestActions: new RequestActions({ requests: requestService, time: timeService, clock, zone: calendar.zone, listener: requestCards }),
      calls: new CallLogService(customers, requestService, clock),
      customers: new CustomerService(customers, catalog, config.consultant.tenantId),
      time: timeService,
      absences,
      statements,
      slaReports,
      knowledgeBase,
    },
  };

  const server = createServer({ adapter, runTurn: (context) => bot.run(context).then(() => undefined), tabApi }, logger);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  logger.info({ url, messagesEndpoint: `${url}/api/messages` }, 'Hotline Desk listening');

  // The watcher starts once the server listens, so the consultant can act on its cards. Its first tick runs
  // right away and catches up warnings that fell due while the app was down.
  if (config.slaWatchIntervalSeconds > 0) {
    slaWatcher.start(config.slaWatchIntervalSeconds * 1000);
    pendingDeliveries.start(config.slaWatchIntervalSeconds * 1000);
  }

  return {
    url,
    slaWatcher,
    pendingDeliveries,
    stop: async () => {
      // Stop the watcher first and wait for its running tick, so no warning is sent during shutdown.
      await slaWatcher.stop();
      await pendingDeliveries.stop();
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
