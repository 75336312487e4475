import { createHash } from 'node:crypto';

import type { BusyItem } from '../domain/slots/busyTime.js';
import { CalendarEventNotFoundError, CalendarRequestError } from './calendarErrors.js';
import type {
  CalendarProvider,
  CreatedCalendarEvent,
  EventTimeChange,
  NewCalendarEvent,
} from './calendarProvider.js';
import type { CalendarEventRepository, StoredCalendarEvent } from '../storage/calendarEvents.js';
import { EntityNotFoundError } from '../storage/errors.js';

/** Maximum length of a local event in days, so that a mistyped end cannot block months. */
export const MAX_LOCAL_EVENT_DAYS = 31;

const MILLIS_PER_DAY = 24 * 60 * 60 * 1000;

/**
 * Returns the id of the local event that a transaction creates: "local-" and 32 hex digits of the
 * SHA-256 of the transaction id. The id follows from the transaction id, so a repeated create hits the
 * same row and stays one event.
 */
export function localEventId(transactionId: string): string {
  return `local-${createHash('sha256').update(transactionId, 'utf8').digest('hex').slice(0, 32)}`;
}

/**
 * Calendar backend in Azure Tables for development and tests, used when no Graph settings are configured.
 * Events are stored, not sent: there is no invitation e-mail and no Teams meeting link.
 */
export class LocalCalendarProvider implements CalendarProvider {
  readonly kind = 'local';

  constructor(private readonly events: CalendarEventRepository) {}

  async getBusy(from: Date, to: Date): Promise<BusyItem[]> {
    const events = await this.events.listOverlapping(from, to);
    return events.map((event) => ({ status: event.showAs, start: event.start, end: event.end }));
  }

  /** @throws CalendarRequestError naming the times when the end is not later than the start or the event is too long. */
  async createEvent(event: NewCalendarEvent): Promise<CreatedCalendarEvent> {
    assertValidTimes(event.start, event.end, `event of transaction "${event.transactionId}"`);

    const stored: StoredCalendarEvent = {
      eventId: localEventId(event.transactionId),
      transactionId: event.transactionId,
      subject: event.subject,
      body: event.body,
      start: event.start.toISOString(),
      end: event.end.toISOString(),
      attendeeName: event.attendee.name,
      attendeeEmail: event.attendee.email,
      showAs: 'busy',
      cancelled: false,
    };
    const { event: result } = await this.events.insert(stored);
    return { eventId: result.eventId };
  }

  async updateEvent(eventId: string, change: EventTimeChange): Promise<void> {
    assertValidTimes(change.start, change.end, `new times of event "${eventId}"`);
    try {
      await this.events.updateTimes(eventId, change.start, change.end);
    } catch (error) {
      if (error instanceof EntityNotFoundError) {
        throw new CalendarEventNotFoundError(`Could not move event "${eventId}" in the local calendar: the event was not found`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  async cancelEvent(eventId: string): Promise<void> {
    await this.events.markCancelled(eventId);
  }
}

function assertValidTimes(start: Date, end: Date, label: string): void {
  const startMs = start.getTime();
  const endMs = end.getTime();
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || endMs <= startMs) {
    throw new CalendarRequestError(`Invalid ${label}: end ${String(end)} must be later than start ${String(start)}`);
  }
  if (endMs - startMs > MAX_LOCAL_EVENT_DAYS * MILLIS_PER_DAY) {
    throw new CalendarRequestError(
      `Invalid ${label}: ${start.toISOString()} to ${end.toISOString()} is longer than ${MAX_LOCAL_EVENT_DAYS} days`,
    );
  }
}
