import { randomBytes } from 'node:crypto';

import { DateTime } from 'luxon';

import { findPlan, type Catalog, type TimeType } from '../domain/catalog.js';
import type { Clock } from '../domain/clock.js';
import type { Customer } from '../domain/customer.js';
import type { FieldIssueCode, FieldIssueParams } from '../domain/fieldIssue.js';
import {
  crossedHoursThresholds,
  isStartTooFarAhead,
  MAX_START_HOURS_AHEAD,
  poolTimeTypes,
  roundUpToIncrement,
} from '../domain/hours/index.js';
import { assertMonth } from '../domain/hours/month.js';
import { isRequestNumber } from '../domain/requestNumber.js';
import type { CustomerRepository } from '../storage/customers.js';
import { EntityNotFoundError } from '../storage/errors.js';
import type { DecisionOutcome, OverageApprovalKey, OverageApprovalRepository, StoredOverageApproval } from '../storage/overageApprovals.js';
import {
  hasSameFields,
  type StoredTimeEntry,
  type TimeEntryFields,
  type TimeEntryHistoryRecord,
  type TimeEntryKey,
  type TimeEntryRepository,
} from '../storage/timeEntries.js';
import type { CustomerMonthStatement, StatementService } from './statementService.js';
import { TIME_TYPES } from '../domain/timeTypes.js';

/** Longest accepted time entry: 24 hours. A longer one is almost surely a typing error, e.g. 4500 for 45. */
export const MAX_ENTRY_MINUTES = 24 * 60;

/** Longest accepted note, in characters. */
export const MAX_NOTE_LENGTH = 4000;

/** Largest accepted overage request: the minutes of a 31-day month. */
export const MAX_OVERAGE_MINUTES = 31 * 24 * 60;


/** Input whose named fields are not checked yet, e.g. a row of an import file. */
export type UncheckedFields<Name extends string> = { [Field in Name]?: unknown };

/** One invalid input value and why it is invalid. */
export interface FieldProblem {
  field: string;
  value: unknown;
  /** English reason for logs and developers. */
  reason: string;
  /** Machine code of the problem, which clients translate; `invalid` when left out. */
  code?: FieldIssueCode;
  /** Values of the code's text, such as the limit of `tooLong`. */
  params?: FieldIssueParams;
}

/** Thrown when a time entry or overage request has invalid fields; `problems` lists each of them. */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';

  constructor(
    subject: string,
    readonly problems: readonly FieldProblem[],
  ) {
    const details = problems.map((problem) => `${problem.field} ${JSON.stringify(problem.value) ?? 'undefined'}: ${problem.reason}`);
    super(`Invalid ${subject}: ${details.join('; ')}`);
  }
}

/** A time entry to log. */
export interface NewTimeEntry {
  customerId: string;
  type: TimeType;
  /** Recorded minutes, 1 to {@link MAX_ENTRY_MINUTES}. */
  minutes: number;
  /** Start instant, ISO 8601 with offset, e.g. "2026-11-03T09:00:00+01:00". */
  start: string;
  /** Request number such as "HD-2026-0042"; emergency entries with the same request form one emergency. */
  request?: string;
  note?: string;
  createdBy: string;
}

/** Changes to a time entry; a field left out stays as it is, and null removes the request or note. */
export interface TimeEntryEdit {
  type?: TimeType;
  minutes?: number;
  start?: string;
  request?: string | null;
  note?: string | null;
}

/** A logged entry and the customer's hours after it. */
export interface LoggedTimeEntry {
  entry: StoredTimeEntry;
  /** The statement of the entry's month, including the entry. */
  statement: CustomerMonthStatement;
  /**
   * Hours warning thresholds in percent (80, 100) that this entry made the month's usage reach.
   *
   * NOTE: two entries logged at the same moment may both report the same threshold, so the sender of
   * the warning must send each threshold only once per customer and month.
   */
  crossedThresholdsPercent: number[];
}

/** A request for overage minutes, which starts as "pending" until the customer decides. */
export interface NewOverageRequest {
  customerId: string;
  /** Statement month "yyyy-MM" whose overage the approval covers. */
  month: string;
  minutes: number;
  request?: string;
  /** The consultant's note to the approvers, at most {@link MAX_NOTE_LENGTH} characters. */
  note?: string;
  requestedBy: string;
}

/** Receiver of the statement after each logged or edited time entry, e.g. the hours warnings. */
export interface TimeEntryObserver {
  /** Called after the entry is stored; must not throw, because the entry is stored already. */
  afterTimeEntry(customer: Customer, statement: CustomerMonthStatement): Promise<void>;
}

/** Dependencies of {@link TimeService}. */
export interface TimeServiceDependencies {
  customers: Pick<CustomerRepository, 'get'>;
  timeEntries: TimeEntryRepository;
  approvals: OverageApprovalRepository;
  statements: StatementService;
  catalog: Catalog;
  /** IANA zone of the business calendar; an entry belongs to the local month of its start. */
  zone: string;
  clock: Clock;
  /** Receives the month's statement after every logged or edited entry, so hours warnings go out. */
  observer?: TimeEntryObserver;
}

/**
 * Logging, editing and deleting time entries, and requesting and deciding overage minutes: the inputs
 * of the monthly statement. The bot, the tab and the `desk` command line call this service.
 */
export class TimeService {
  constructor(private readonly deps: TimeServiceDependencies) {}

  /**
   * Validates and stores a time entry, then computes the month's statement and the hours warning
   * thresholds that the entry reached.
   *
   * @throws InvalidInputError listing every invalid field, including a start before the contract start or
   *   more than {@link MAX_START_HOURS_AHEAD} hours after now.
   * @throws EntityNotFoundError when the customer does not exist.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async addEntry(input: NewTimeEntry): Promise<LoggedTimeEntry> {
    const { fields, problems } = checkTimeEntryFields(input);
    if (input.createdBy.trim() === '') {
      problems.push({ field: 'createdBy', value: input.createdBy, reason: 'must name who logged the time', code: 'required' });
    }
    if (fields === undefined || problems.length > 0) {
      throw new InvalidInputError('time entry', problems);
    }

    const aheadProblem = checkStartNotAhead(fields.start, this.deps.clock.now());
    if (aheadProblem !== undefined) {
      throw new InvalidInputError('time entry', [aheadProblem]);
    }

    const customer = await this.requireCustomer(input.customerId);
    const contractProblem = checkAfterContractStart(customer, fields.start, this.deps.zone);
    if (contractProblem !== undefined) {
      throw new InvalidInputError('time entry', [contractProblem]);
    }

    const entry = await this.deps.timeEntries.create({
      customerId: customer.id,
      month: localMonthOf(fields.start, this.deps.zone),
      id: buildTimeEntryId(fields.start, randomBytes(8).toString('hex')),
      ...fields,
      createdBy: input.createdBy.trim(),
      createdAt: this.deps.clock.now().toISOString(),
      version: 1,
    });

    const statement = await this.deps.statements.statementFor(customer, entry.month);
    await this.deps.observer?.afterTimeEntry(customer, statement);
    return { entry, statement, crossedThresholdsPercent: this.crossedThresholds(customer, entry, statement) };
  }

  /**
   * Changes an entry and keeps its previous version as a history row. An edit that changes nothing
   * writes nothing.
   *
   * @throws InvalidInputError listing every invalid field, or a start in another month: the entry and its
   *   history share one partition per month, so move an entry by deleting it and logging it again.
   * @throws EntityNotFoundError when the customer or the entry does not exist.
   * @throws OptimisticConcurrencyError when other writers changed the entry on every attempt.
   */
  async editEntry(key: TimeEntryKey, edit: TimeEntryEdit, changedBy: string): Promise<StoredTimeEntry> {
    const customer = await this.requireCustomer(key.customerId);
    const now = this.deps.clock.now();

    const edited = await this.deps.timeEntries.update(
      key,
      (current) => {
        const { fields, problems } = checkTimeEntryFields(applyEdit(current, edit));
        if (fields === undefined || problems.length > 0) {
          throw new InvalidInputError('time entry edit', problems);
        }

        const month = localMonthOf(fields.start, this.deps.zone);
        if (month !== key.month) {
          throw new InvalidInputError('time entry edit', [
            {
              field: 'start',
              value: edit.start,
              reason: `lies in ${month}, but the entry belongs to ${key.month}; delete the entry and log it again in ${month}`,
            },
          ]);
        }

        const startProblem = checkStartNotAhead(fields.start, now) ?? checkAfterContractStart(customer, fields.start, this.deps.zone);
        if (startProblem !== undefined) {
          throw new InvalidInputError('time entry edit', [startProblem]);
        }

        return hasSameFields(current, fields) ? undefined : fields;
      },
      changedBy,
      now,
    );

    if (this.deps.observer !== undefined) {
      await this.deps.observer.afterTimeEntry(customer, await this.deps.statements.statementFor(customer, key.month));
    }
    return edited;
  }

  /**
   * Deletes an entry and keeps its last version as a history row.
   *
   * @returns The history row of the delete.
   * @throws EntityNotFoundError when the entry does not exist.
   */
  async deleteEntry(key: TimeEntryKey, deletedBy: string): Promise<TimeEntryHistoryRecord> {
    return this.deps.timeEntries.delete(key, deletedBy, this.deps.clock.now());
  }

  /** Returns the entry, or undefined when there is none. */
  async getEntry(key: TimeEntryKey): Promise<StoredTimeEntry | undefined> {
    return this.deps.timeEntries.get(key);
  }

  /** Returns the customer's entries of one month ordered by start instant. */
  async listEntries(customerId: string, month: string): Promise<StoredTimeEntry[]> {
    assertMonth(month);
    const entries = await this.deps.timeEntries.listMonths(customerId, month, month);
    return entries.sort((left, right) => left.start.localeCompare(right.start) || left.id.localeCompare(right.id));
  }

  /** Returns the earlier versions of an entry, oldest first, including the version removed by a delete. */
  async entryHistory(key: TimeEntryKey): Promise<TimeEntryHistoryRecord[]> {
    return this.deps.timeEntries.entryHistory(key);
  }

  /**
   * Stores a pending request for overage minutes, which the customer's approvers then decide.
   *
   * @throws InvalidInputError listing every invalid field, including a month before the contract start.
   * @throws EntityNotFoundError when the customer does not exist.
   */
  async requestOverage(input: NewOverageRequest): Promise<StoredOverageApproval> {
    const problems = checkOverageFields(input);
    if (input.requestedBy.trim() === '') {
      problems.push({ field: 'requestedBy', value: input.requestedBy, reason: 'must name who requested the overage', code: 'required' });
    }
    const note = optionalText(input.note);
    if (note === null || (note !== undefined && note.length > MAX_NOTE_LENGTH)) {
      problems.push({
        field: 'note',
        value: input.note,
        reason: `expected text of at most ${MAX_NOTE_LENGTH} characters`,
        code: 'tooLong',
        params: { maximum: MAX_NOTE_LENGTH },
      });
    }
    if (problems.length > 0) {
      throw new InvalidInputError('overage request', problems);
    }

    const customer = await this.requireCustomer(input.customerId);
    if (input.month < customer.contractStart.slice(0, 7)) {
      throw new InvalidInputError('overage request', [
        { field: 'month', value: input.month, reason: `lies before the contract start ${customer.contractStart}` },
      ]);
    }

    return this.deps.approvals.create({
      customerId: customer.id,
      month: input.month,
      id: randomBytes(8).toString('hex'),
      minutes: input.minutes,
      decision: 'pending',
      ...(input.request === undefined ? {} : { request: input.request }),
      ...(note ? { note } : {}),
      requestedBy: input.requestedBy.trim(),
      requestedAt: this.deps.clock.now().toISOString(),
    });
  }

  /**
   * Records an approver's decision. The first decision wins: a later one stores nothing and returns the
   * approval as the first approver decided it, so every card copy can show who decided and when.
   *
   * @throws EntityNotFoundError when the approval does not exist.
   * @throws InvalidInputError when `decidedBy` is empty.
   */
  async decideOverage(
    key: OverageApprovalKey,
    decision: 'approved' | 'declined',
    decidedBy: string,
  ): Promise<DecisionOutcome> {
    if (decidedBy.trim() === '') {
      throw new InvalidInputError('overage decision', [
        { field: 'decidedBy', value: decidedBy, reason: 'must name the approver', code: 'required' },
      ]);
    }
    return this.deps.approvals.decide(key, decision, decidedBy.trim(), this.deps.clock.now());
  }

  private async requireCustomer(customerId: string): Promise<Customer> {
    const customer = await this.deps.customers.get(customerId);
    if (customer === undefined) {
      throw new EntityNotFoundError(`Customer "${customerId}" not found; import or create the customer first`);
    }
    return customer;
  }

  /** Thresholds reached by this entry: the month's pool usage without it compared with the usage with it. */
  private crossedThresholds(customer: Customer, entry: StoredTimeEntry, statement: CustomerMonthStatement): number[] {
    const plan = findPlan(this.deps.catalog, customer.planId);
    const entryPoolMinutes = poolTimeTypes(plan).has(entry.type)
      ? roundUpToIncrement(entry.minutes, this.deps.catalog.billingIncrementMinutes)
      : 0;

    return crossedHoursThresholds({
      availableMinutes: statement.availableMinutes,
      previousUsedMinutes: Math.max(0, statement.billableMinutes - entryPoolMinutes),
      currentUsedMinutes: statement.billableMinutes,
    });
  }
}

/**
 * Checks the fields of a time entry as they come from a form, the command line or an import file, and
 * normalizes them: the start becomes a UTC instant, and an empty request or note is left out.
 *
 * @returns The normalized fields when every field is valid, and the list of problems otherwise.
 */
export function checkTimeEntryFields(input: UncheckedFields<'type' | 'minutes' | 'start' | 'request' | 'note'>): {
  fields?: TimeEntryFields;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];

  const { type, minutes, start, request, note } = input;
  if (typeof type !== 'string' || !(TIME_TYPES as readonly string[]).includes(type)) {
    problems.push({
      field: 'type',
      value: type,
      reason: `expected one of ${TIME_TYPES.join(', ')}`,
      code: 'invalidValue',
      params: { allowed: TIME_TYPES.join(', ') },
    });
  }
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_ENTRY_MINUTES) {
    problems.push({
      field: 'minutes',
      value: minutes,
      reason: `expected a whole number of minutes from 1 to ${MAX_ENTRY_MINUTES}`,
      code: 'outOfRange',
      params: { minimum: 1, maximum: MAX_ENTRY_MINUTES },
    });
  }

  const startUtc = parseInstant(start);
  if (startUtc === undefined) {
    problems.push({
      field: 'start',
      value: start,
      reason: 'expected an ISO 8601 instant with offset, e.g. 2026-11-03T09:00:00+01:00',
      code: 'invalidFormat',
    });
  }

  const requestNumber = optionalText(request);
  if (requestNumber === null || (requestNumber !== undefined && !isRequestNumber(requestNumber))) {
    problems.push({ field: 'request', value: request, reason: 'expected a request number such as HD-2026-0042', code: 'invalidFormat' });
  }

  const noteText = optionalText(note);
  if (noteText === null || (noteText !== undefined && noteText.length > MAX_NOTE_LENGTH)) {
    problems.push({
      field: 'note',
      value: note,
      reason: `expected text of at most ${MAX_NOTE_LENGTH} characters`,
      code: 'tooLong',
      params: { maximum: MAX_NOTE_LENGTH },
    });
  }

  if (problems.length > 0 || startUtc === undefined) {
    return { problems };
  }

  const fields: TimeEntryFields = { type: type as TimeType, minutes: minutes as number, start: startUtc };
  if (requestNumber) fields.request = requestNumber;
  if (noteText) fields.note = noteText;
  return { fields, problems };
}

/** Checks the month, minutes and request number of an overage request or approval. */
export function checkOverageFields(input: UncheckedFields<'month' | 'minutes' | 'request'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { month, minutes, request } = input;

  if (typeof month !== 'string' || !isMonth(month)) {
    problems.push({ field: 'month', value: month, reason: 'expected a month "yyyy-MM", e.g. 2026-11', code: 'invalidFormat' });
  }
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_OVERAGE_MINUTES) {
    problems.push({
      field: 'minutes',
      value: minutes,
      reason: `expected a whole number of minutes from 1 to ${MAX_OVERAGE_MINUTES}`,
      code: 'outOfRange',
      params: { minimum: 1, maximum: MAX_OVERAGE_MINUTES },
    });
  }
  if (request !== undefined && (typeof request !== 'string' || !isRequestNumber(request))) {
    problems.push({ field: 'request', value: request, reason: 'expected a request number such as HD-2026-0042', code: 'invalidFormat' });
  }
  return problems;
}

/**
 * Returns a problem when the start falls on a local date before the customer's contract start, because
 * statements begin at the contract start and would never show the entry.
 */
export function checkAfterContractStart(customer: Customer, startUtc: string, zone: string): FieldProblem | undefined {
  const localDate = DateTime.fromISO(startUtc, { zone }).toFormat('yyyy-MM-dd');
  if (localDate >= customer.contractStart) {
    return undefined;
  }
  return {
    field: 'start',
    value: startUtc,
    reason: `lies on ${localDate}, before the contract start ${customer.contractStart} of customer "${customer.id}"`,
  };
}

/** Returns a problem when the start lies more than {@link MAX_START_HOURS_AHEAD} hours after `now`. */
export function checkStartNotAhead(startUtc: string, now: Date): FieldProblem | undefined {
  if (!isStartTooFarAhead(startUtc, now)) {
    return undefined;
  }
  return {
    field: 'start',
    value: startUtc,
    reason: `lies more than ${MAX_START_HOURS_AHEAD} hours after now (${now.toISOString()}); time is logged for work already done`,
  };
}

/** Returns the local calendar month "yyyy-MM" of an instant in the business time zone. */
export function localMonthOf(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone }).toFormat('yyyy-MM');
}

/**
 * Builds a time entry id that sorts by start instant: the UTC start "yyyyMMddTHHmmssZ", a dash and a
 * unique part (random for logged entries, a content hash for imported ones).
 */
export function buildTimeEntryId(startUtc: string, uniquePart: string): string {
  return `${DateTime.fromISO(startUtc, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'")}-${uniquePart}`;
}

/**
 * Parses an ISO 8601 instant that carries an offset or "Z" and returns it in UTC as `Date.toISOString()`
 * writes it, or undefined when the value is not such an instant.
 */
export function parseInstant(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    return undefined;
  }
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? new Date(parsed.toMillis()).toISOString() : undefined;
}

/** Returns whether the value is a month "yyyy-MM". */
export function isMonth(value: string): boolean {
  try {
    assertMonth(value);
    return true;
  } catch {
    return false;
  }
}

/** Returns trimmed text, undefined for a missing or blank value, and null for a value that is not text. */
function optionalText(value: unknown): string | undefined | null {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    return null;
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function applyEdit(current: StoredTimeEntry, edit: TimeEntryEdit): UncheckedFields<'type' | 'minutes' | 'start' | 'request' | 'note'> {
  return {
    type: edit.type ?? current.type,
    minutes: edit.minutes ?? current.minutes,
    start: edit.start ?? current.start,
    request: edit.request === undefined ? current.request : edit.request,
    note: edit.note === undefined ? current.note : edit.note,
  };
}

