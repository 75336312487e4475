import { odata, type TableClient } from '@azure/data-tables';

import type { BusyStatus } from '../domain/slots/busyTime.js';
import { assertRowSize, RowReader, type StoredRow } from './columns.js';
import { callTable, EntityNotFoundError, findRow, isConflict } from './errors.js';
import { encodeKey } from './keys.js';
import { retryOnConcurrentChange, type ConcurrencyRetryOptions } from './retry.js';
import type { StorageTables } from './tables.js';

/** RowKey of the single row in each event's partition. */
const EVENT_ROW_KEY = 'event';

const SHOW_AS_VALUES: readonly BusyStatus[] = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];

/** An event of the local calendar. Instants are UTC ISO strings as `Date.toISOString()` writes them. */
export interface StoredCalendarEvent {
  eventId: string;
  /** Id of the create that made the event; a second create with it returns this event. */
  transactionId: string;
  subject: string;
  body: string;
  start: string;
  end: string;
  attendeeName: string;
  attendeeEmail: string;
  /** Free/busy status the event shows, "busy" for bookings. */
  showAs: BusyStatus;
  cancelled: boolean;
}

/** Result of {@link CalendarEventRepository.insert}. */
export interface InsertedCalendarEvent {
  /** False when an event with this id already existed; `event` is then the stored one. */
  created: boolean;
  event: StoredCalendarEvent;
}

/**
 * Events of the local calendar backend in table "calendarEvents": PartitionKey = encoded event id,
 * RowKey "event", columns as in {@link StoredCalendarEvent} with `start` and `end` as UTC ISO strings.
 *
 * NOTE: `listOverlapping` filters on `start` and `end`, which scans the table. That suits the local
 * backend for development and tests, which contains the bookings of one consultant. Production uses Graph.
 */
export class CalendarEventRepository {
  private readonly table: TableClient;
  private readonly retryOptions: ConcurrencyRetryOptions;

  /**
   * @param tables - Table clients from `createStorage`; this repository uses "calendarEvents".
   * @param options - Attempts per update and a logger for retries.
   */
  constructor(tables: StorageTables, options: ConcurrencyRetryOptions = {}) {
    this.table = tables.calendarEvents;
    this.retryOptions = options;
  }

  /**
   * Inserts an event, or returns the stored one when its id exists already. Concurrent inserts of the same
   * id store one row, because the second insert fails with 409 and then reads the first.
   *
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async insert(event: StoredCalendarEvent): Promise<InsertedCalendarEvent> {
    const entity = { partitionKey: encodeKey(event.eventId), rowKey: EVENT_ROW_KEY, ...columnsOf(event) };
    assertRowSize(entity, this.table.tableName);

    try {
      await callTable(this.table, 'createEntity', () => this.table.createEntity(entity));
      return { created: true, event };
    } catch (error) {
      if (!isConflict(error)) {
        throw error;
      }
    }

    const stored = await this.get(event.eventId);
    if (stored === undefined) {
      throw new EntityNotFoundError(
        `Calendar event "${event.eventId}" in table "${this.table.tableName}" existed a moment ago and is gone now; try again`,
      );
    }
    return { created: false, event: stored };
  }

  /** Returns the event, or undefined when there is none with this id. */
  async get(eventId: string): Promise<StoredCalendarEvent | undefined> {
    const row = await this.read(eventId);
    return row === undefined ? undefined : this.toEvent(row);
  }

  /** Returns the events that are not cancelled and overlap [from, to), in no particular order. */
  async listOverlapping(from: Date, to: Date): Promise<StoredCalendarEvent[]> {
    const filter = odata`start lt ${to.toISOString()} and end gt ${from.toISOString()} and cancelled eq false`;
    return callTable(this.table, 'listEntities', async () => {
      const events: StoredCalendarEvent[] = [];
      for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        events.push(this.toEvent(row as StoredRow));
      }
      return events;
    });
  }

  /**
   * Moves an event to new times with an ETag-checked update.
   *
   * @throws EntityNotFoundError when the event does not exist.
   * @throws OptimisticConcurrencyError when every attempt lost the race against another writer.
   */
  async updateTimes(eventId: string, start: Date, end: Date): Promise<void> {
    await this.change(eventId, (event) => ({ ...event, start: start.toISOString(), end: end.toISOString() }));
  }

  /**
   * Marks an event as cancelled; it then no longer counts as busy. The row stays, so a repeated create
   * with the same transaction id still finds it.
   *
   * @returns False when no event with this id exists.
   */
  async markCancelled(eventId: string): Promise<boolean> {
    try {
      await this.change(eventId, (event) => ({ ...event, cancelled: true }));
      return true;
    } catch (error) {
      if (error instanceof EntityNotFoundError) {
        return false;
      }
      throw error;
    }
  }

  private async change(eventId: string, update: (event: StoredCalendarEvent) => StoredCalendarEvent): Promise<void> {
    const target = `calendar event "${eventId}" in table "${this.table.tableName}"`;
    await retryOnConcurrentChange(
      target,
      async () => {
        const row = await this.read(eventId);
        if (row === undefined) {
          throw new EntityNotFoundError(`Calendar event "${eventId}" was not found in table "${this.table.tableName}"`);
        }
        const entity = { partitionKey: row.partitionKey as string, rowKey: EVENT_ROW_KEY, ...columnsOf(update(this.toEvent(row))) };
        await callTable(this.table, 'updateEntity', () => this.table.updateEntity(entity, 'Replace', { etag: row.etag }));
      },
      this.retryOptions,
    );
  }

  private toEvent(row: StoredRow): StoredCalendarEvent {
    const columns = new RowReader(row, this.table.tableName);
    return {
      eventId: columns.partitionKey(),
      transactionId: columns.string('transactionId'),
      subject: columns.string('subject'),
      body: columns.string('body'),
      start: columns.string('start'),
      end: columns.string('end'),
      attendeeName: columns.string('attendeeName'),
      attendeeEmail: columns.string('attendeeEmail'),
      showAs: columns.oneOf('showAs', SHOW_AS_VALUES),
      cancelled: columns.boolean('cancelled'),
    };
  }

  private async read(eventId: string): Promise<StoredRow | undefined> {
    return findRow(this.table, encodeKey(eventId), EVENT_ROW_KEY);
  }
}

function columnsOf(event: StoredCalendarEvent) {
  return {
    transactionId: event.transactionId,
    subject: event.subject,
    body: event.body,
    start: event.start,
    end: event.end,
    attendeeName: event.attendeeName,
    attendeeEmail: event.attendeeEmail,
    showAs: event.showAs,
    cancelled: event.cancelled,
  };
}
