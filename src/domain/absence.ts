import { DateTime } from 'luxon';
import type { FieldIssueCode, FieldIssueParams } from './fieldIssue.js';
import { createInterval, mergeIntervals, type Interval } from './interval.js';
import { CALLBACK_PHONE_MAX_LENGTH, isValidCallbackPhone } from './requestInput.js';

/** Maximum length of an absence note, in characters. */
export const MAX_ABSENCE_NOTE_LENGTH = 500;

/** Maximum length of an absence, in days. A longer span is usually a mistyped year. */
export const MAX_ABSENCE_DAYS = 366;

/** Maximum length of a substitute's name, in characters. */
export const MAX_SUBSTITUTE_NAME_LENGTH = 200;

/** The partner who covers emergencies while the consultant is away. */
export interface AbsenceSubstitute {
  name: string;
  /** Phone number that customers call in an emergency, e.g. "+49 171 5550123". */
  phone?: string;
  /** Entra object id of the substitute, so the bot can reach them in Teams. Set together with `tenantId`. */
  aadObjectId?: string;
  /** Entra tenant id of the substitute's Microsoft 365 tenant. Set together with `aadObjectId`. */
  tenantId?: string;
}

/**
 * A span in which the consultant is away (vacation, sickness), half-open: `from` belongs to it, `to` does not.
 * Both bounds are ISO 8601 instants with the business zone's offset, e.g. "2027-01-04T00:00:00+01:00".
 */
export interface Absence {
  /** Time-sortable unique id assigned on storing. */
  id: string;
  from: string;
  to: string;
  /** The consultant's own note, e.g. "Weihnachtsurlaub". Customers never see it. */
  note: string;
  substitute?: AbsenceSubstitute;
}

/** An absence before it has an id. */
export type AbsenceDraft = Omit<Absence, 'id'>;

/**
 * Orders absences by start, then by id, so the order is total. Ids compare by UTF-16 code units,
 * independent of the locale.
 */
export function compareAbsenceOrder(first: Pick<Absence, 'from' | 'id'>, second: Pick<Absence, 'from' | 'id'>): number {
  const byStart = Date.parse(first.from) - Date.parse(second.from);
  if (byStart !== 0) return byStart;
  if (first.id < second.id) return -1;
  if (first.id > second.id) return 1;
  return 0;
}

/**
 * Input of {@link createAbsenceDraft}. `from` and `to` are each either a local date "yyyy-MM-dd" in the
 * business zone or an ISO 8601 instant with offset. A date as `from` means the start of that day, and a
 * date as `to` means the end of that day, so "2026-12-21" to "2027-01-03" covers both days completely.
 */
export interface AbsenceInput {
  from: string;
  to: string;
  note: string;
  substitute?: AbsenceSubstitute;
}

/** An absence in force at some instant, with the instant at which the consultant is back. */
export interface ActiveAbsence extends Absence {
  /**
   * End of the run of overlapping or touching absences that contains the instant, so a second absence
   * that starts when the first ends moves the return. ISO 8601 instant as stored in `to`.
   */
  backAt: string;
}

/** Raised when an absence or one of its values is invalid; the message names the value. */
export class InvalidAbsenceError extends Error {
  override readonly name = 'InvalidAbsenceError';

  /**
   * @param field - Path of the invalid input field, such as "to", "note" or "substitute.phone".
   * @param code - Machine code of the problem, which clients translate.
   * @param params - Values of the code's text, such as the maximum of `tooLong`.
   */
  constructor(
    message: string,
    readonly field: string,
    readonly code: FieldIssueCode = 'invalid',
    readonly params?: FieldIssueParams,
  ) {
    super(message);
  }
}

const LOCAL_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const OFFSET_PATTERN = /(Z|[+-]\d{2}:?\d{2})$/i;
const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** End of an absence that a value sets, which decides whether a local date means its start or its end. */
export type AbsenceBound = 'from' | 'to';

/**
 * Resolves one bound of an absence to an ISO 8601 instant with the zone's offset. A local date "yyyy-MM-dd"
 * becomes local midnight at the start of that day for `from`, and local midnight at the start of the next
 * day for `to`. Midnight is taken from the zone's rules for that date, so a daylight-saving switch inside
 * the absence keeps whole days.
 *
 * @param zone - IANA zone of the business, e.g. "Europe/Berlin".
 * @throws InvalidAbsenceError naming the value when it is neither a valid date nor an instant with offset.
 */
export function resolveAbsenceBound(value: string, bound: AbsenceBound, zone: string): string {
  const text = value.trim();

  if (LOCAL_DATE_PATTERN.test(text)) {
    const day = DateTime.fromISO(text, { zone });
    if (!day.isValid) {
      throw new InvalidAbsenceError(`Invalid ${bound} date "${value}": ${day.invalidExplanation ?? day.invalidReason}`, bound, 'invalidFormat');
    }
    const midnight = bound === 'from' ? day.startOf('day') : day.plus({ days: 1 }).startOf('day');
    return toZonedIso(midnight);
  }

  const instant = DateTime.fromISO(text, { setZone: true });
  if (!instant.isValid || !OFFSET_PATTERN.test(text)) {
    throw new InvalidAbsenceError(
      `Invalid ${bound} "${value}": expected a local date such as 2026-12-21 ` +
        'or an ISO 8601 instant with offset such as 2026-12-21T08:00:00+01:00',
      bound,
      'invalidFormat',
    );
  }
  return toZonedIso(instant.setZone(zone));
}

/**
 * Builds a validated absence from input: resolves both bounds in the zone, trims the texts and checks
 * every rule of {@link validateAbsence}.
 *
 * @throws InvalidAbsenceError naming the first invalid value.
 */
export function createAbsenceDraft(input: AbsenceInput, zone: string): AbsenceDraft {
  const draft: AbsenceDraft = {
    from: resolveAbsenceBound(input.from, 'from', zone),
    to: resolveAbsenceBound(input.to, 'to', zone),
    note: input.note.trim(),
  };
  if (input.substitute) {
    draft.substitute = trimSubstitute(input.substitute);
  }

  validateAbsence(draft);
  return draft;
}

/**
 * Checks an absence: both bounds are ISO instants with offset, `to` lies after `from` and at most
 * {@link MAX_ABSENCE_DAYS} days later, the note is not
 * empty and has at most {@link MAX_ABSENCE_NOTE_LENGTH} characters, and a substitute has a name, a valid
 * phone number if any, and either both Entra ids (as GUIDs) or neither.
 *
 * @throws InvalidAbsenceError naming the first invalid value.
 */
export function validateAbsence(absence: AbsenceDraft): void {
  const fromMs = instantMs(absence.from, 'from');
  const toMs = instantMs(absence.to, 'to');
  if (toMs <= fromMs) {
    throw new InvalidAbsenceError(`Invalid absence: to "${absence.to}" must lie after from "${absence.from}"`, 'to');
  }
  if (toMs - fromMs > MAX_ABSENCE_DAYS * 24 * 60 * 60 * 1000) {
    throw new InvalidAbsenceError(
      `Invalid absence: from "${absence.from}" to "${absence.to}" is longer than ${MAX_ABSENCE_DAYS} days. Check the year.`,
      'to',
      'tooLong',
      { maximum: MAX_ABSENCE_DAYS },
    );
  }

  if (absence.note.trim() === '') {
    throw new InvalidAbsenceError('Invalid absence: the note is empty; give a short reason such as "Urlaub"', 'note', 'required');
  }
  if (absence.note.length > MAX_ABSENCE_NOTE_LENGTH) {
    throw new InvalidAbsenceError(
      `Invalid absence: the note has ${absence.note.length} characters, the maximum is ${MAX_ABSENCE_NOTE_LENGTH}`,
      'note',
      'tooLong',
      { maximum: MAX_ABSENCE_NOTE_LENGTH },
    );
  }

  if (absence.substitute) {
    validateSubstitute(absence.substitute);
  }
}

/**
 * Returns the absence in force at `now`, or undefined when there is none. When several absences contain
 * `now`, the one that started last wins, because an absence entered inside another one (sickness during
 * a vacation) is the more specific one and names its own substitute.
 */
export function activeAbsence(absences: readonly Absence[], now: Date): ActiveAbsence | undefined {
  const nowMs = now.getTime();
  const containing = absences.filter((absence) => Date.parse(absence.from) <= nowMs && nowMs < Date.parse(absence.to));
  if (containing.length === 0) {
    return undefined;
  }

  const current = containing.reduce((latest, absence) =>
    Date.parse(absence.from) > Date.parse(latest.from) ? absence : latest,
  );
  return { ...current, backAt: backAtOf(absences, nowMs) };
}

/** Returns the absences as intervals for the SLA clock to skip: sorted, merged where they overlap or touch. */
export function absenceIntervals(absences: readonly Absence[]): Interval[] {
  return mergeIntervals(absences.map(toInterval));
}

/** Returns the `to` of the absence that ends the merged run containing `nowMs`. */
function backAtOf(absences: readonly Absence[], nowMs: number): string {
  const run = absenceIntervals(absences).find((interval) => interval.startMs <= nowMs && nowMs < interval.endMs);
  // The run exists because the caller found an absence containing nowMs; the fallback only satisfies the compiler.
  const endMs = run?.endMs ?? nowMs;
  const last = absences.find((absence) => Date.parse(absence.to) === endMs);
  return last?.to ?? new Date(endMs).toISOString();
}

function toInterval(absence: Absence): Interval {
  return createInterval(Date.parse(absence.from), Date.parse(absence.to));
}

function validateSubstitute(substitute: AbsenceSubstitute): void {
  if (substitute.name.trim() === '') {
    throw new InvalidAbsenceError('Invalid substitute: the name is missing; a substitute needs at least a name', 'substitute.name', 'required');
  }
  if (substitute.name.length > MAX_SUBSTITUTE_NAME_LENGTH) {
    throw new InvalidAbsenceError(
      `Invalid substitute name "${substitute.name.slice(0, 40)}...": ` +
        `${substitute.name.length} characters, the maximum is ${MAX_SUBSTITUTE_NAME_LENGTH}`,
      'substitute.name',
      'tooLong',
      { maximum: MAX_SUBSTITUTE_NAME_LENGTH },
    );
  }

  const phone = substitute.phone;
  if (phone !== undefined && (phone.length > CALLBACK_PHONE_MAX_LENGTH || !isValidCallbackPhone(phone))) {
    throw new InvalidAbsenceError(
      `Invalid substitute phone "${phone}": expected a number with area code, e.g. +49 171 5550123 or 0171 5550123`,
      'substitute.phone',
      'invalidFormat',
    );
  }

  for (const [field, value] of [
    ['aadObjectId', substitute.aadObjectId],
    ['tenantId', substitute.tenantId],
  ] as const) {
    if (value !== undefined && !GUID_PATTERN.test(value)) {
      throw new InvalidAbsenceError(`Invalid substitute ${field} "${value}": expected an Entra id (a GUID)`, `substitute.${field}`, 'invalidFormat');
    }
  }
  if ((substitute.aadObjectId === undefined) !== (substitute.tenantId === undefined)) {
    throw new InvalidAbsenceError(
      'Invalid substitute: aadObjectId and tenantId identify the substitute in Teams only together; give both or neither',
      'substitute',
    );
  }
}

/** Trims every text of a substitute and drops optional values that are empty after trimming. */
function trimSubstitute(substitute: AbsenceSubstitute): AbsenceSubstitute {
  const trimmed: AbsenceSubstitute = { name: substitute.name.trim() };
  for (const field of ['phone', 'aadObjectId', 'tenantId'] as const) {
    const value = substitute[field]?.trim();
    if (value) {
      trimmed[field] = value;
    }
  }
  return trimmed;
}

function instantMs(value: string, bound: AbsenceBound): number {
  const instant = DateTime.fromISO(value, { setZone: true });
  if (!instant.isValid || !OFFSET_PATTERN.test(value)) {
    throw new InvalidAbsenceError(`Invalid absence ${bound} "${value}": expected an ISO 8601 instant with offset`, bound, 'invalidFormat');
  }
  return instant.toMillis();
}

function toZonedIso(instant: DateTime): string {
  return instant.toISO({ suppressMilliseconds: true }) as string;
}
