import { assertTransition } from './lifecycle.js';
import type { RequestState, SupportRequest } from './request.js';

/** Maximum length of the solution text stored on a resolved request, in characters. */
export const MAX_SOLUTION_LENGTH = 2000;

/** Maximum length of the note of a history entry, in characters. */
export const MAX_HISTORY_NOTE_LENGTH = 2000;

/**
 * Kind of change a history entry records: the take-over, the first callback, any other state change,
 * or a note of the consultant. A take-over of a request that already moved past "new" keeps its state,
 * and so does a note, so those entries have the same `from` and `to`.
 */
export type HistoryAction = 'acknowledge' | 'callback' | 'stateChange' | 'note';

/** One change of a request, as it is written next to the request. */
export interface HistoryDraft {
  action: HistoryAction;
  /** ISO 8601 instant with offset at which the change was made. */
  at: string;
  /** Display name of the person who made the change. */
  actor: string;
  from: RequestState;
  to: RequestState;
  /** Free text of the actor; for a resolved request the solution. */
  note?: string;
}

/** A stored history entry: the change plus the request it belongs to and its position in the history. */
export interface RequestHistoryEntry extends HistoryDraft {
  customerId: string;
  /** Request number, e.g. "HD-2026-0004". */
  number: string;
  /** Position in the request's history, starting at 1; the storage layer assigns it. */
  sequence: number;
}

/** The next version of a request and the history entry that explains it. */
export interface RecordedChange {
  request: SupportRequest;
  entry: HistoryDraft;
}

/** Actor and instant of a change. */
export interface ChangeContext {
  /** ISO 8601 instant with offset. */
  at: string;
  /** Display name of the actor. */
  actor: string;
}

/** Raised when a request is resolved without a usable solution text. */
export class InvalidSolutionError extends Error {
  /**
   * @param requestNumber - Request that was to be resolved.
   * @param reason - "missing" for an empty text, "tooLong" above {@link MAX_SOLUTION_LENGTH}.
   * @param length - Length of the rejected text in characters.
   */
  constructor(
    readonly requestNumber: string,
    readonly reason: 'missing' | 'tooLong',
    readonly length: number,
  ) {
    super(
      reason === 'missing'
        ? `Request ${requestNumber} cannot be resolved without a solution text`
        : `Solution of request ${requestNumber} has ${length} characters, the maximum is ${MAX_SOLUTION_LENGTH}`,
    );
    this.name = 'InvalidSolutionError';
  }
}

/**
 * Applies the consultant's take-over. Returns undefined when the request was already taken over,
 * because Teams may deliver the same card action twice. A request that moved past "new" without a
 * take-over keeps its state and only gets the take-over recorded.
 *
 * @throws ForbiddenTransitionError when the request is closed.
 */
export function acknowledgeRequest(request: SupportRequest, change: ChangeContext): RecordedChange | undefined {
  if (request.acknowledgedAt !== undefined) return undefined;

  const to: RequestState = request.state === 'new' ? 'acknowledged' : request.state;
  if (request.state === 'closed') assertTransition(request.number, request.state, 'acknowledged');

  return {
    request: { ...request, state: to, acknowledgedAt: change.at, acknowledgedBy: change.actor },
    entry: { action: 'acknowledge', at: change.at, actor: change.actor, from: request.state, to },
  };
}

/**
 * Records the first callback: the first-contact instant and whether it was at or before the deadline.
 * Returns undefined when a first contact is already recorded, so a repeated action keeps the first instant.
 *
 * @throws ForbiddenTransitionError when the state does not lead to "callbackDone".
 */
export function recordFirstCallback(request: SupportRequest, change: ChangeContext): RecordedChange | undefined {
  if (request.firstContactAt !== undefined) return undefined;

  // Work may already have started without a recorded callback; the first contact is then recorded
  // without moving the request back to "callbackDone".
  const to = request.state === 'inProgress' || request.state === 'waitingForCustomer' ? request.state : 'callbackDone';
  if (to === 'callbackDone') assertTransition(request.number, request.state, 'callbackDone');

  return {
    request: {
      ...request,
      state: to,
      acknowledgedAt: request.acknowledgedAt ?? change.at,
      acknowledgedBy: request.acknowledgedBy ?? change.actor,
      firstContactAt: change.at,
      slaMet: Date.parse(change.at) <= Date.parse(request.deadline),
    },
    entry: { action: 'callback', at: change.at, actor: change.actor, from: request.state, to },
  };
}

/**
 * Moves a request to another state and describes the move as a history entry.
 *
 * - The same state again returns undefined, so a redelivered card action changes nothing.
 * - "acknowledged" and "callbackDone" follow {@link acknowledgeRequest} and {@link recordFirstCallback}.
 * - "resolved" needs `note`, the solution, which is stored on the request with the resolution instant.
 * - Reopening (resolved to inProgress) removes the solution from the request; the history keeps it.
 *   Closing a resolved request keeps the solution.
 *
 * Moving past "callbackDone" without a recorded callback (e.g. new to inProgress) leaves `firstContactAt`
 * unset; {@link recordFirstCallback} still records it later.
 *
 * @param note - Optional comment; the solution when `to` is "resolved".
 * @throws ForbiddenTransitionError when the lifecycle does not connect the two states.
 * @throws InvalidSolutionError when `to` is "resolved" and the solution is empty or too long.
 * @throws RangeError when the note is longer than {@link MAX_HISTORY_NOTE_LENGTH}.
 */
export function changeRequestState(
  request: SupportRequest,
  to: RequestState,
  change: ChangeContext,
  note?: string,
): RecordedChange | undefined {
  if (request.state === to) return undefined;
  assertTransition(request.number, request.state, to);

  if (to === 'acknowledged') return acknowledgeRequest(request, change);
  if (to === 'callbackDone') return recordFirstCallback(request, change);

  const text = note?.trim() ?? '';
  if (to === 'resolved') {
    if (text === '') throw new InvalidSolutionError(request.number, 'missing', 0);
    if (text.length > MAX_SOLUTION_LENGTH) throw new InvalidSolutionError(request.number, 'tooLong', text.length);
  } else if (text.length > MAX_HISTORY_NOTE_LENGTH) {
    throw new RangeError(
      `Note on request ${request.number} has ${text.length} characters, the maximum is ${MAX_HISTORY_NOTE_LENGTH}`,
    );
  }

  let next: SupportRequest = { ...request, state: to };
  if (to === 'resolved') {
    next = { ...next, solution: text, resolvedAt: change.at };
  } else if (request.state === 'resolved' && to !== 'closed') {
    next = withoutResolution(next);
  }

  const entry: HistoryDraft = { action: 'stateChange', at: change.at, actor: change.actor, from: request.state, to };
  if (text !== '') entry.note = text;
  return { request: next, entry };
}

/** Raised when a note is empty or longer than {@link MAX_HISTORY_NOTE_LENGTH}. */
export class InvalidNoteError extends Error {
  override readonly name = 'InvalidNoteError';

  constructor(
    readonly requestNumber: string,
    readonly length: number,
  ) {
    super(
      length === 0
        ? `Note on request ${requestNumber} is empty`
        : `Note on request ${requestNumber} has ${length} characters, the maximum is ${MAX_HISTORY_NOTE_LENGTH}`,
    );
  }
}

/**
 * Adds a note of the consultant to a request's history; the request itself stays as it is. A note is
 * allowed in every state, because the consultant may document a closed request too.
 *
 * @throws InvalidNoteError when the text is empty or longer than {@link MAX_HISTORY_NOTE_LENGTH}.
 */
export function addRequestNote(request: SupportRequest, text: string, change: ChangeContext): RecordedChange {
  const note = text.trim();
  if (note === '' || note.length > MAX_HISTORY_NOTE_LENGTH) throw new InvalidNoteError(request.number, note.length);
  return {
    request,
    entry: { action: 'note', at: change.at, actor: change.actor, from: request.state, to: request.state, note },
  };
}

/** Returns the request without solution and resolution instant, for a request that left "resolved". */
function withoutResolution(request: SupportRequest): SupportRequest {
  const { solution: _solution, resolvedAt: _resolvedAt, ...rest } = request;
  return rest;
}
