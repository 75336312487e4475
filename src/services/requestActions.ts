import type { TimeType } from '../domain/catalog.js';
import type { Clock } from '../domain/clock.js';
import { defaultEntryStart } from '../domain/hours/index.js';
import type { RequestState } from '../domain/request.js';
import { EntityNotFoundError } from '../storage/errors.js';
import type { StoredRequest } from '../storage/requests.js';
import { isTimeEntryId, type StoredTimeEntry, type TimeEntryHistoryRecord } from '../storage/timeEntries.js';
import type { RequestChangeListener } from './requestChangeListener.js';
import type { RequestChange, RequestService } from './requestService.js';
import { isMonth, type LoggedTimeEntry, type TimeService } from './timeService.js';

/** Time the consultant spent on a request. */
export interface RequestTimeInput {
  minutes: number;
  type: TimeType;
  note?: string;
  /**
   * Start of the work, ISO 8601 with offset. By default it is `minutes` before now (the work just ended),
   * but never before the request was opened or before the current local month.
   */
  start?: string;
}

/** A time entry of a request: the local month "yyyy-MM" of its start and its id within that month. */
export interface RequestTimeEntryRef {
  month: string;
  id: string;
}

/** Changes to a request's time entry; a field left out stays as it is, and an empty note removes the note. */
export interface RequestTimeEdit {
  minutes?: number;
  type?: TimeType;
  note?: string;
}

/** Dependencies of {@link RequestActions}. */
export interface RequestActionDeps {
  requests: RequestService;
  time: Pick<TimeService, 'addEntry' | 'getEntry' | 'editEntry' | 'deleteEntry'>;
  clock: Clock;
  /** IANA zone of the desk, whose local months the statements use. */
  zone: string;
  /** Receives every stored change, so the bot updates the request's cards; none in tests without a bot. */
  listener?: RequestChangeListener;
}

/**
 * The consultant's actions on a request from outside the bot's cards (the tab): each one changes the
 * request through {@link RequestService} and reports a stored change to the listener, which updates every
 * card copy in Teams the same way a card action does.
 */
export class RequestActions {
  constructor(private readonly deps: RequestActionDeps) {}

  /** Takes the request over; see {@link RequestService.acknowledge}. */
  async acknowledge(customerId: string, number: string, actorName: string): Promise<StoredRequest> {
    return this.report(await this.deps.requests.acknowledge(customerId, number, actorName));
  }

  /** Records the first callback; see {@link RequestService.recordCallback}. */
  async recordCallback(customerId: string, number: string, actorName: string): Promise<StoredRequest> {
    return this.report(await this.deps.requests.recordCallback(customerId, number, actorName));
  }

  /** Moves the request to another state, with the solution when resolving; see {@link RequestService.changeState}. */
  async changeState(customerId: string, number: string, to: RequestState, actorName: string, note?: string): Promise<StoredRequest> {
    return this.report(await this.deps.requests.changeState(customerId, number, to, actorName, note));
  }

  /**
   * Adds a note to the request's history. Cards show no notes, so the listener is not called.
   *
   * @throws RequestNotFoundError when the request does not exist.
   * @throws InvalidNoteError when the text is empty or too long.
   */
  async addNote(customerId: string, number: string, text: string, actorName: string): Promise<StoredRequest> {
    return (await this.deps.requests.addNote(customerId, number, text, actorName)).stored;
  }

  /**
   * Logs time for the request in the customer's hours.
   *
   * @throws RequestNotFoundError when the request does not exist, so time is never booked on a wrong number.
   * @throws InvalidInputError naming an invalid minute count, type, start or note.
   */
  async logTime(customerId: string, number: string, input: RequestTimeInput, actorName: string): Promise<LoggedTimeEntry> {
    const stored = await this.deps.requests.get(customerId, number);
    const start =
      input.start ??
      defaultEntryStart({
        now: this.deps.clock.now(),
        minutes: input.minutes,
        requestOpenedAt: stored.request.openedAt,
        zone: this.deps.zone,
      });
    return this.deps.time.addEntry({
      customerId,
      type: input.type,
      minutes: input.minutes,
      start,
      request: number,
      note: input.note,
      createdBy: actorName,
    });
  }

  /**
   * Changes minutes, type or note of one of the request's time entries and keeps the replaced version
   * as a history row that names `actorName`.
   *
   * @throws RequestNotFoundError when the request does not exist.
   * @throws EntityNotFoundError when the request has no time entry with this month and id, including an
   *   entry of another customer or another request.
   * @throws InvalidInputError naming an invalid minute count, type or note.
   */
  async editTime(
    customerId: string,
    number: string,
    ref: RequestTimeEntryRef,
    edit: RequestTimeEdit,
    actorName: string,
  ): Promise<StoredTimeEntry> {
    const entry = await this.requireTimeEntry(customerId, number, ref);
    return this.deps.time.editEntry(entry, edit, actorName);
  }

  /**
   * Deletes one of the request's time entries and keeps its last version as a history row that names
   * `actorName`.
   *
   * @throws RequestNotFoundError when the request does not exist.
   * @throws EntityNotFoundError when the request has no time entry with this month and id.
   */
  async deleteTime(customerId: string, number: string, ref: RequestTimeEntryRef, actorName: string): Promise<TimeEntryHistoryRecord> {
    const entry = await this.requireTimeEntry(customerId, number, ref);
    return this.deps.time.deleteEntry(entry, actorName);
  }

  /**
   * Reads a time entry of the request. A month or id that cannot address an entry, and an entry logged
   * for another request, count as not found, so a changed path never reaches another request's time.
   */
  private async requireTimeEntry(customerId: string, number: string, ref: RequestTimeEntryRef): Promise<StoredTimeEntry> {
    await this.deps.requests.get(customerId, number);
    const notFound = () => new EntityNotFoundError(`Request ${number} of customer "${customerId}" has no time entry "${ref.id}" in ${ref.month}`);
    if (!isMonth(ref.month) || !isTimeEntryId(ref.id)) {
      throw notFound();
    }

    const entry = await this.deps.time.getEntry({ customerId, month: ref.month, id: ref.id });
    if (entry === undefined || entry.request !== number) {
      throw notFound();
    }
    return entry;
  }

  private async report(change: RequestChange): Promise<StoredRequest> {
    if (change.changed && change.entry && this.deps.listener) {
      const { customerId, number } = change.stored.request;
      await this.deps.listener.requestChanged({
        stored: change.stored,
        entry: change.entry,
        logIds: { customerId, requestNumber: number, source: 'tab' },
      });
    }
    return change.stored;
  }
}
