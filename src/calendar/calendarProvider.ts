import type { BusyItem } from '../domain/slots/busyTime.js';

export type { BusyItem, BusyStatus } from '../domain/slots/busyTime.js';

/** The contact who is invited to a booked event. */
export interface EventAttendee {
  readonly name: string;
  readonly email: string;
}

/** Input of {@link CalendarProvider.createEvent}. */
export interface NewCalendarEvent {
  /**
   * Client-chosen id of this create. Repeating a create with the same id returns the event of the
   * first create instead of a second event, so a create that is retried after a lost response or a
   * 429 stays one event. It cannot be changed after the create.
   */
  readonly transactionId: string;
  readonly subject: string;
  /** Plain-text body of the invitation. */
  readonly body: string;
  readonly start: Date;
  /** Exclusive end; later than `start`. */
  readonly end: Date;
  readonly attendee: EventAttendee;
}

/** An event as {@link CalendarProvider.createEvent} returns it. */
export interface CreatedCalendarEvent {
  /** Provider's id of the event, used for later updates and the cancellation. */
  readonly eventId: string;
  /** Teams meeting link, when the provider created an online meeting. */
  readonly joinUrl?: string;
}

/** New times of an event, for {@link CalendarProvider.updateEvent}. */
export interface EventTimeChange {
  readonly start: Date;
  /** Exclusive end; later than `start`. */
  readonly end: Date;
}

/**
 * The consultant's calendar: free/busy for the slot search and the events that bookings create.
 * Implementations: the Microsoft Graph provider for one mailbox and the local provider in Azure Tables.
 */
export interface CalendarProvider {
  /** Short name for logs and the command line, e.g. "graph" or "local". */
  readonly kind: string;

  /**
   * Returns the consultant's calendar items that overlap [from, to), with instants in UTC.
   * All-day items span local midnight to local midnight of the consultant's zone.
   *
   * @throws CalendarUnavailableError when the calendar cannot be reached.
   */
  getBusy(from: Date, to: Date): Promise<BusyItem[]>;

  /**
   * Creates an event with the attendee invited and, where the provider supports it, a Teams meeting.
   * A second call with the same `transactionId` returns the first event.
   *
   * @throws CalendarUnavailableError when the calendar cannot be reached.
   */
  createEvent(event: NewCalendarEvent): Promise<CreatedCalendarEvent>;

  /**
   * Moves an event to new times; the attendee receives the update.
   *
   * @throws CalendarEventNotFoundError when the event does not exist (any more).
   */
  updateEvent(eventId: string, change: EventTimeChange): Promise<void>;

  /**
   * Cancels an event and notifies the attendee. Cancelling an event that no longer exists succeeds,
   * so a repeated cancellation is harmless.
   */
  cancelEvent(eventId: string): Promise<void>;
}
