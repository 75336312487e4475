import type { Logger } from 'pino';

import type { CalendarConfig } from '../config.js';
import { CalendarEventRepository } from '../storage/calendarEvents.js';
import type { StorageTables } from '../storage/tables.js';
import type { CalendarProvider } from './calendarProvider.js';
import { GraphCalendarProvider } from './graphCalendarProvider.js';
import { createGraphCredential } from './graphClient.js';
import { LocalCalendarProvider } from './localCalendarProvider.js';

/**
 * Creates the calendar of the configuration: Microsoft Graph for the configured mailbox, or the local
 * calendar in the tables when no Graph settings are configured.
 *
 * @param zone - IANA zone of the consultant, e.g. "Europe/Berlin".
 * @param cancellationComment - Note sent with a cancelled Outlook event.
 */
export function createCalendarProvider(
  config: CalendarConfig,
  zone: string,
  tables: StorageTables,
  options: { logger?: Logger; cancellationComment?: string } = {},
): CalendarProvider {
  if (config.graph === undefined) {
    return new LocalCalendarProvider(new CalendarEventRepository(tables));
  }

  return new GraphCalendarProvider({
    mailbox: config.graph.mailbox,
    zone,
    credential: createGraphCredential(config.graph),
    cancellationComment: options.cancellationComment,
    logger: options.logger,
  });
}
