import { odata, type TableClient } from '@azure/data-tables';
import type { ConversationReference } from 'botbuilder';

import type { HistoryAction, HistoryDraft, RequestHistoryEntry } from '../domain/history.js';
import type { CallbackAppointment, CallbackChannel, RequestChannel, RequestState, SupportRequest, Urgency } from '../domain/request.js';
import { assertRowSize, definedColumns, omitUndefined, RowReader, type StoredRow } from './columns.js';
import { callTable, ConflictError, EntityNotFoundError, findRow, isConflict } from './errors.js';
import { decodeKey, encodeKey } from './keys.js';
import { retryOnConcurrentChange, type ConcurrencyRetryOptions } from './retry.js';
import type { StorageTables } from './tables.js';

/** One posted copy of a request's card, kept so that every later change can update all copies. */
export interface CardCopy {
  /**
   * Whose chat shows the copy: the contact who opened the request, the consultant, or the consultant's
   * absence substitute, whose copy has no actions.
   */
  role: 'requester' | 'consultant' | 'substitute';
  /** Conversation the card was posted to, as returned by `TurnContext.getConversationReference`. */
  conversation: Partial<ConversationReference>;
  /** Teams activity id of the posted card. */
  activityId: string;
}

/** A support request with its card copies and the ETag of the row it was read from. */
export interface StoredRequest {
  request: SupportRequest;
  cards: CardCopy[];
  /** ETag of the row as read; ignored when a change returns this object. */
  etag: string;
  /**
   * Number of history entries written for the request; missing means 0. The repository maintains it and
   * ignores the value a change returns.
   */
  historyCount?: number;
}

/**
 * Computes the new version of a request from the latest stored one, or returns undefined to write nothing.
 * It may run several times when other writers interfere, so it must not mutate its argument or have side effects.
 */
export type RequestChange = (current: StoredRequest) => StoredRequest | undefined;

/**
 * Like {@link RequestChange}, but the new version comes with the history entries that explain it.
 * Returning undefined writes nothing.
 */
export type RecordedRequestChange = (
  current: StoredRequest,
) => { next: StoredRequest; history: readonly HistoryDraft[] } | undefined;

/** Marks the RowKey of a history row: "<number>|history|<UTC instant>-<sequence>". */
const HISTORY_KEY_MARKER = '|history|';

/** Digits of the sequence number in a history RowKey, so keys sort by sequence within one instant. */
const HISTORY_SEQUENCE_DIGITS = 6;

// Records keyed by each union member, so the compiler reports a state or channel that is missing here.
const STATES: Record<RequestState, true> = {
  new: true,
  acknowledged: true,
  callbackDone: true,
  inProgress: true,
  waitingForCustomer: true,
  resolved: true,
  closed: true,
};
const URGENCIES: Record<Urgency, true> = { low: true, normal: true, high: true };
const CALLBACK_CHANNELS: Record<CallbackChannel, true> = { phone: true, 'teams-call': true, 'teams-chat': true };
const REQUEST_CHANNELS: Record<RequestChannel, true> = { teams: true, phone: true, whatsapp: true, 'emergency-line': true };
const CARD_ROLES: Record<CardCopy['role'], true> = { requester: true, consultant: true, substitute: true };
const STATE_NAMES = keysOf(STATES);
const HISTORY_ACTIONS: Record<HistoryAction, true> = { acknowledge: true, callback: true, stateChange: true, note: true };

/**
 * Support requests in table "requests": PartitionKey = encoded customer id, RowKey = encoded request
 * number such as "HD-2026-0001". Each field of {@link SupportRequest} is its own column, and the card
 * copies are a JSON string in column `cards`.
 *
 * The history of a request lives in the same partition, in rows with RowKey
 * "<number>|history|<UTC instant>-<sequence>" and columns action, at, actor, fromState, toState and note.
 * A change and its history rows are written in one entity group transaction, conditional on the
 * request's ETag, so either both are stored or neither is. The listing methods skip history rows.
 */
export class RequestRepository {
  private readonly retryOptions: ConcurrencyRetryOptions;

  private readonly table: TableClient;

  /**
   * @param tables - Table clients from `createStorage`; this repository uses "requests".
   * @param options - Attempts per update and a logger for retries.
   */
  constructor(tables: StorageTables, options: ConcurrencyRetryOptions = {}) {
    this.table = tables.requests;
    this.retryOptions = options;
  }

  /**
   * Inserts a new request without card copies.
   *
   * @throws ConflictError when the customer already has a request with this number.
   * @throws RowTooLargeError when a field exceeds Azure's size limits.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async create(request: SupportRequest): Promise<StoredRequest> {
    const entity = this.toEntity(request, []);

    try {
      const response = await callTable(this.table, 'createEntity', () => this.table.createEntity(entity));
      return { request, cards: [], etag: requireEtag(response.etag, request) };
    } catch (error) {
      if (isConflict(error)) {
        throw new ConflictError(`Request "${request.number}" already exists for customer "${request.customerId}"`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  /** Returns the request with its card copies and ETag, or undefined when there is none. */
  async get(customerId: string, number: string): Promise<StoredRequest | undefined> {
    const row = await findRow(this.table, encodeKey(customerId), encodeKey(number));
    return row === undefined ? undefined : this.toStoredRequest(row);
  }

  /**
   * Applies `change` to the latest stored version and writes the result with that version's ETag.
   * When another writer changed the row first (412), it reads again and reapplies `change`.
   *
   * @returns The stored version: the written one, or the current one when `change` returned undefined.
   * @throws EntityNotFoundError when the request does not exist.
   * @throws RangeError when `change` alters the customer id or the number.
   * @throws OptimisticConcurrencyError when every attempt lost the race.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async update(customerId: string, number: string, change: RequestChange): Promise<StoredRequest> {
    const target = `request "${number}" of customer "${customerId}" in table "${this.table.tableName}"`;

    const withoutHistory: RecordedRequestChange = (current) => {
      const next = change(current);
      return next === undefined ? undefined : { next, history: [] };
    };
    return retryOnConcurrentChange(target, () => this.applyOnce(customerId, number, withoutHistory), this.retryOptions);
  }

  /**
   * Adds a posted card copy to the request. Adding a copy with the same role and activity id again
   * writes nothing, so a handler that runs twice stays correct.
   */
  async addCard(customerId: string, number: string, card: CardCopy): Promise<StoredRequest> {
    return this.update(customerId, number, (current) => {
      const known = current.cards.some((copy) => copy.role === card.role && copy.activityId === card.activityId);
      return known ? undefined : { ...current, cards: [...current.cards, card] };
    });
  }

  /**
   * Applies `change` like {@link update} and writes the new version together with its history entries in
   * one transaction with the ETag that was read. When another writer changed the request first (412), it
   * reads again and reapplies `change`, so the entries always describe the version they were written with.
   *
   * @returns The stored version: the written one, or the current one when `change` returned undefined.
   * @throws EntityNotFoundError when the request does not exist.
   * @throws RangeError when `change` alters the customer id or the number.
   * @throws OptimisticConcurrencyError when every attempt lost the race.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async updateWithHistory(customerId: string, number: string, change: RecordedRequestChange): Promise<StoredRequest> {
    const target = `request "${number}" of customer "${customerId}" in table "${this.table.tableName}"`;

    return retryOnConcurrentChange(target, () => this.applyOnce(customerId, number, change), this.retryOptions);
  }

  /** Returns the history of one request, oldest entry first; an empty list for an unknown request. */
  async listHistory(customerId: string, number: string): Promise<RequestHistoryEntry[]> {
    // "}" is the code unit after "|", so the RowKeys that start with the prefix are exactly those in this range.
    const prefix = encodeKey(`${number}${HISTORY_KEY_MARKER}`);
    const end = `${prefix.slice(0, -1)}}`;
    const filter = odata`PartitionKey eq ${encodeKey(customerId)} and RowKey gt ${prefix} and RowKey lt ${end}`;

    return callTable(this.table, 'listEntities', async () => {
      const entries: RequestHistoryEntry[] = [];
      for await (const row of this.table.listEntities({ queryOptions: { filter } })) {
        entries.push(this.toHistoryEntry(row));
      }
      return entries.sort((a, b) => a.sequence - b.sequence);
    });
  }

  /** Returns every request that is neither resolved nor closed, across all customers, ordered by customer and number. */
  async listOpen(): Promise<StoredRequest[]> {
    return this.query(odata`state ne ${'resolved'} and state ne ${'closed'}`);
  }

  /** Returns all requests of one customer ordered by number, without their history rows. */
  async listByCustomer(customerId: string): Promise<StoredRequest[]> {
    return this.query(odata`PartitionKey eq ${encodeKey(customerId)}`);
  }

  private async applyOnce(customerId: string, number: string, change: RecordedRequestChange): Promise<StoredRequest> {
    const current = await this.get(customerId, number);
    if (current === undefined) {
      throw new EntityNotFoundError(`Request "${number}" of customer "${customerId}" not found`);
    }

    const result = change(current);
    if (result === undefined) {
      return current;
    }
    const { next, history } = result;
    if (next.request.customerId !== customerId || next.request.number !== number) {
      throw new RangeError(
        `Invalid change to request "${number}" of customer "${customerId}": it set customer "${next.request.customerId}" ` +
          `and number "${next.request.number}", but keys cannot change`,
      );
    }

    // The count comes from the row that was read, never from the change, so sequence numbers stay unique.
    const historyCount = (current.historyCount ?? 0) + history.length;
    const entity = this.toEntity(next.request, next.cards, historyCount);
    if (history.length === 0) {
      const response = await callTable(this.table, 'updateEntity', () =>
        this.table.updateEntity(entity, 'Replace', { etag: current.etag }),
      );
      return { request: next.request, cards: next.cards, etag: requireEtag(response.etag, next.request), historyCount };
    }

    const historyRows = history.map((draft, index) => this.toHistoryEntity(next.request, draft, (current.historyCount ?? 0) + index + 1));
    const response = await callTable(this.table, 'submitTransaction', () =>
      this.table.submitTransaction([
        ['update', entity, 'Replace', { etag: current.etag }],
        ...historyRows.map((row) => ['create', row] as ['create', typeof row]),
      ]),
    );
    const etag = response.subResponses[0]?.etag;
    return { request: next.request, cards: next.cards, etag: requireEtag(etag, next.request), historyCount };
  }

  private async query(filter: string): Promise<StoredRequest[]> {
    return callTable(this.table, 'listEntities', async () => {
      const requests: StoredRequest[] = [];
      for await (const row of this.table.listEntities({ queryOptions: { filter } })) {
        if (row.rowKey?.includes(HISTORY_KEY_MARKER)) continue;
        requests.push(this.toStoredRequest(row));
      }
      return requests;
    });
  }

  private toEntity(request: SupportRequest, cards: readonly CardCopy[], historyCount = 0) {
    const entity = {
      partitionKey: encodeKey(request.customerId),
      rowKey: encodeKey(request.number),
      ...definedColumns({
        planId: request.planId,
        emergency: request.emergency,
        description: request.description,
        urgency: request.urgency,
        callbackPhone: request.callbackPhone,
        callbackChannel: request.callbackChannel,
        channel: request.channel,
        contactAadObjectId: request.contactAadObjectId,
        contactName: request.contactName,
        state: request.state,
        openedAt: request.openedAt,
        deadline: request.deadline,
        planDeadline: request.planDeadline,
        callbackAppointmentStart: request.callbackAppointment?.start,
        callbackAppointmentEnd: request.callbackAppointment?.end,
        callbackBookingId: request.callbackAppointment?.bookingId,
        atRiskAt: request.atRiskAt,
        guaranteeMinutes: request.guaranteeMinutes,
        acknowledgedAt: request.acknowledgedAt,
        acknowledgedBy: request.acknowledgedBy,
        firstContactAt: request.firstContactAt,
        slaMet: request.slaMet,
        solution: request.solution,
        resolvedAt: request.resolvedAt,
        cards: JSON.stringify(cards),
        historyCount,
      }),
    };

    assertRowSize(entity, this.table.tableName);
    return entity;
  }

  private toHistoryEntity(request: SupportRequest, draft: HistoryDraft, sequence: number) {
    const instant = new Date(draft.at);
    if (Number.isNaN(instant.getTime())) {
      throw new RangeError(`Invalid history entry for request "${request.number}": "at" is not an ISO 8601 instant: "${draft.at}"`);
    }

    const sequenceText = String(sequence).padStart(HISTORY_SEQUENCE_DIGITS, '0');
    const entity = {
      partitionKey: encodeKey(request.customerId),
      rowKey: encodeKey(`${request.number}${HISTORY_KEY_MARKER}${instant.toISOString()}-${sequenceText}`),
      ...definedColumns({
        number: request.number,
        sequence,
        action: draft.action,
        at: draft.at,
        actor: draft.actor,
        fromState: draft.from,
        toState: draft.to,
        note: draft.note,
      }),
    };

    assertRowSize(entity, this.table.tableName);
    return entity;
  }

  private toStoredRequest(row: StoredRow): StoredRequest {
    const columns = new RowReader(row, this.table.tableName);
    return {
      request: this.toRequest(columns),
      cards: this.toCards(columns),
      etag: columns.etag,
      historyCount: row.historyCount === undefined ? 0 : columns.number('historyCount'),
    };
  }

  private toHistoryEntry(row: StoredRow): RequestHistoryEntry {
    const columns = new RowReader(row, this.table.tableName);
    const entry: RequestHistoryEntry = {
      customerId: columns.partitionKey(),
      number: columns.string('number'),
      sequence: columns.number('sequence'),
      action: columns.oneOf('action', keysOf(HISTORY_ACTIONS)),
      at: columns.string('at'),
      actor: columns.string('actor'),
      from: columns.oneOf('fromState', STATE_NAMES),
      to: columns.oneOf('toState', STATE_NAMES),
    };

    const note = columns.optionalString('note');
    return note === undefined ? entry : { ...entry, note };
  }

  private toRequest(columns: RowReader): SupportRequest {
    const required = {
      number: decodeKey(columns.rowKey()),
      customerId: columns.partitionKey(),
      planId: columns.string('planId'),
      emergency: columns.boolean('emergency'),
      description: columns.string('description'),
      urgency: columns.oneOf('urgency', keysOf(URGENCIES)),
      callbackChannel: columns.oneOf('callbackChannel', keysOf(CALLBACK_CHANNELS)),
      channel: columns.oneOf('channel', keysOf(REQUEST_CHANNELS)),
      contactAadObjectId: columns.string('contactAadObjectId'),
      contactName: columns.string('contactName'),
      state: columns.oneOf('state', keysOf(STATES)),
      openedAt: columns.string('openedAt'),
      deadline: columns.string('deadline'),
      guaranteeMinutes: columns.number('guaranteeMinutes'),
    };

    const optional = omitUndefined({
      atRiskAt: columns.optionalString('atRiskAt'),
      callbackPhone: columns.optionalString('callbackPhone'),
      acknowledgedAt: columns.optionalString('acknowledgedAt'),
      acknowledgedBy: columns.optionalString('acknowledgedBy'),
      firstContactAt: columns.optionalString('firstContactAt'),
      slaMet: columns.optionalBoolean('slaMet'),
      solution: columns.optionalString('solution'),
      resolvedAt: columns.optionalString('resolvedAt'),
      planDeadline: columns.optionalString('planDeadline'),
      callbackAppointment: this.toCallbackAppointment(columns),
    });

    return { ...required, ...optional };
  }

  /** Reads the three columns of an agreed callback appointment, which are written together. */
  private toCallbackAppointment(columns: RowReader): CallbackAppointment | undefined {
    const start = columns.optionalString('callbackAppointmentStart');
    if (start === undefined) return undefined;
    return { start, end: columns.string('callbackAppointmentEnd'), bookingId: columns.string('callbackBookingId') };
  }

  private toCards(columns: RowReader): CardCopy[] {
    const parsed = columns.json('cards');
    if (!Array.isArray(parsed)) {
      throw columns.invalid('cards', 'a JSON array of card copies', parsed);
    }

    const roles = keysOf(CARD_ROLES);
    for (const card of parsed as unknown[]) {
      const candidate = card as Partial<Record<keyof CardCopy, unknown>> | null;
      const valid =
        typeof candidate === 'object' &&
        candidate !== null &&
        roles.includes(candidate.role as CardCopy['role']) &&
        typeof candidate.activityId === 'string' &&
        typeof candidate.conversation === 'object' &&
        candidate.conversation !== null;
      if (!valid) {
        throw columns.invalid('cards', 'card copies with role, activityId and conversation', card);
      }
    }
    return parsed as CardCopy[];
  }
}

function keysOf<T extends string>(record: Record<T, true>): T[] {
  return Object.keys(record) as T[];
}

function requireEtag(etag: string | undefined, request: SupportRequest): string {
  if (etag === undefined) {
    throw new Error(`Azure Table Storage returned no ETag for request "${request.number}" of customer "${request.customerId}"`);
  }
  return etag;
}
