import type { TimeType } from '../domain/catalog.js';
import type { Clock } from '../domain/clock.js';
import type { RequestState } from '../domain/request.js';
import type { StoredRequest } from '../storage/requests.js';
import type { RequestChangeListener } from './requestChangeListener.js';
import type { RequestChange, RequestService } from './requestService.js';
import type { LoggedTimeEntry, TimeService } from './timeService.js';

/** Time the consultant spent on a request. */
export interface RequestTimeInput {
  minutes: number;
  type: TimeType;
  note?: string;
  /** Start of the work, ISO 8601 with offset; by default `minutes` before now, i.e. the work just ended. */
  start?: string;
}

/** Dependencies of {@link RequestActions}. */
export interface RequestActionDeps {
  requests: RequestService;
  time: Pick<TimeService, 'addEntry'>;
  clock: Clock;
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
    await this.deps.requests.get(customerId, number);
    const start = input.start ?? new Date(this.deps.clock.now().getTime() - input.minutes * 60_000).toISOString();
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
