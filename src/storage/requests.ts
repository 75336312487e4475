import { odata, type TableClient } from '@azure/data-tables';
import type { ConversationReference } from 'botbuilder';

import type { CallbackChannel, RequestChannel, RequestState, SupportRequest, Urgency } from '../domain/request.js';
import { assertRowSize, definedColumns, omitUndefined, RowReader, type StoredRow } from './columns.js';
import { callTable, ConflictError, EntityNotFoundError, isConflict, isNotFound } from './errors.js';
import { decodeKey, encodeKey } from './keys.js';
import { retryOnConcurrentChange, type ConcurrencyRetryOptions } from './retry.js';
import type { StorageTables } from './tables.js';

/** One posted copy of a request's card, kept so that every later change can update all copies. */
export interface CardCopy {
  /** Whose chat shows the copy: the contact who opened the request or the consultant. */
  role: 'requester' | 'consultant';
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
}

/**
 * Computes the new version of a request from the latest stored one, or returns undefined to write nothing.
 * It may run several times when other writers interfere, so it must not mutate its argument or have side effects.
 */
export type RequestChange = (current: StoredRequest) => StoredRequest | undefined;

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
const CARD_ROLES: Record<CardCopy['role'], true> = { requester: true, consultant: true };

/**
 * Support requests in table "requests": PartitionKey = encoded customer id, RowKey = encoded request
 * number such as "HD-2026-0001". Each field of {@link SupportRequest} is its own column, and the card
 * copies are a JSON string in column `cards`.
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
    try {
      const row = await callTable(this.table, 'getEntity', () =>
        this.table.getEntity(encodeKey(customerId), encodeKey(number)),
      );
      return this.toStoredRequest(row);
    } catch (error) {
      if (isNotFound(error)) {
        return undefined;
      }
      throw error;
    }
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

    return retryOnConcurrentChange(target, () => this.applyOnce(customerId, number, change), this.retryOptions);
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

  /** Returns every request that is neither resolved nor closed, across all customers, ordered by customer and number. */
  async listOpen(): Promise<StoredRequest[]> {
    return this.query(odata`state ne ${'resolved'} and state ne ${'closed'}`);
  }

  /** Returns all requests of one customer ordered by number. */
  async listByCustomer(customerId: string): Promise<StoredRequest[]> {
    return this.query(odata`PartitionKey eq ${encodeKey(customerId)}`);
  }

  private async applyOnce(customerId: string, number: string, change: RequestChange): Promise<StoredRequest> {
    const current = await this.get(customerId, number);
    if (current === undefined) {
      throw new EntityNotFoundError(`Request "${number}" of customer "${customerId}" not found`);
    }

    const next = change(current);
    if (next === undefined) {
      return current;
    }
    if (next.request.customerId !== customerId || next.request.number !== number) {
      throw new RangeError(
        `Invalid change to request "${number}" of customer "${customerId}": it set customer "${next.request.customerId}" ` +
          `and number "${next.request.number}", but keys cannot change`,
      );
    }

    const entity = this.toEntity(next.request, next.cards);
    const response = await callTable(this.table, 'updateEntity', () =>
      this.table.updateEntity(entity, 'Replace', { etag: current.etag }),
    );
    return { request: next.request, cards: next.cards, etag: requireEtag(response.etag, next.request) };
  }

  private async query(filter: string): Promise<StoredRequest[]> {
    return callTable(this.table, 'listEntities', async () => {
      const requests: StoredRequest[] = [];
      for await (const row of this.table.listEntities({ queryOptions: { filter } })) {
        requests.push(this.toStoredRequest(row));
      }
      return requests;
    });
  }

  private toEntity(request: SupportRequest, cards: readonly CardCopy[]) {
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
        atRiskAt: request.atRiskAt,
        guaranteeMinutes: request.guaranteeMinutes,
        acknowledgedAt: request.acknowledgedAt,
        acknowledgedBy: request.acknowledgedBy,
        firstContactAt: request.firstContactAt,
        slaMet: request.slaMet,
        cards: JSON.stringify(cards),
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
    };
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
      atRiskAt: columns.optionalString('atRiskAt'),
      guaranteeMinutes: columns.number('guaranteeMinutes'),
    };

    const optional = omitUndefined({
      callbackPhone: columns.optionalString('callbackPhone'),
      acknowledgedAt: columns.optionalString('acknowledgedAt'),
      acknowledgedBy: columns.optionalString('acknowledgedBy'),
      firstContactAt: columns.optionalString('firstContactAt'),
      slaMet: columns.optionalBoolean('slaMet'),
    });

    return { ...required, ...optional };
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
