import type { BusyItem, BusyStatus } from '../domain/slots/busyTime.js';
import {
  isWholeDaySpan,
  parseGraphDateTime,
  wholeDaysInZone,
  type GraphDateTimeTimeZone,
} from './graphDateTime.js';

/**
 * Longest window of one getSchedule request, in days. Graph rejects windows of 62 days or more, so longer
 * searches are split into windows of at most 61 days.
 */
export const MAX_SCHEDULE_WINDOW_DAYS = 61;

/** Minutes per character of getSchedule's availabilityView that this layer requests. */
export const AVAILABILITY_VIEW_INTERVAL_MINUTES = 15;

const MILLIS_PER_DAY = 24 * 60 * 60 * 1000;
const MILLIS_PER_MINUTE = 60 * 1000;

/** One scheduleItem of a getSchedule response, as far as this layer reads it. */
interface GraphScheduleItem {
  status?: string;
  start: GraphDateTimeTimeZone;
  end: GraphDateTimeTimeZone;
}

/** One scheduleInformation of a getSchedule response. */
interface GraphScheduleInformation {
  scheduleId?: string;
  availabilityView?: string;
  scheduleItems?: GraphScheduleItem[];
  error?: { message?: string; responseCode?: string };
}

/** A getSchedule window [startMs, endMs). */
export interface ScheduleWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/** Thrown when a getSchedule response has a shape or value this layer cannot read. */
export class ScheduleResponseError extends Error {
  override readonly name = 'ScheduleResponseError';
}

/** Thrown when Graph reports an error for the mailbox inside an otherwise successful getSchedule response. */
export class ScheduleMailboxError extends Error {
  override readonly name = 'ScheduleMailboxError';

  constructor(
    message: string,
    readonly responseCode: string | undefined,
  ) {
    super(message);
  }
}

const statusByLowerCase: ReadonlyMap<string, BusyStatus> = new Map([
  ['free', 'free'],
  ['tentative', 'tentative'],
  ['busy', 'busy'],
  ['oof', 'oof'],
  ['workingelsewhere', 'workingElsewhere'],
  ['unknown', 'unknown'],
]);

/** availabilityView digits: 0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere. */
const statusByViewDigit: ReadonlyMap<string, BusyStatus> = new Map([
  ['0', 'free'],
  ['1', 'tentative'],
  ['2', 'busy'],
  ['3', 'oof'],
  ['4', 'workingElsewhere'],
]);

/**
 * Splits [from, to) into consecutive getSchedule windows of at most {@link MAX_SCHEDULE_WINDOW_DAYS} days.
 *
 * @throws RangeError naming both instants when `to` is not later than `from`.
 */
export function scheduleWindows(from: Date, to: Date): ScheduleWindow[] {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs <= fromMs) {
    throw new RangeError(`Invalid free/busy window [${String(from)}, ${String(to)}): the end must be later than the start`);
  }

  const windows: ScheduleWindow[] = [];
  const maxLengthMs = MAX_SCHEDULE_WINDOW_DAYS * MILLIS_PER_DAY;
  for (let startMs = fromMs; startMs < toMs; startMs += maxLengthMs) {
    windows.push({ startMs, endMs: Math.min(toMs, startMs + maxLengthMs) });
  }
  return windows;
}

/**
 * Reads the busy items of one mailbox from a getSchedule response.
 *
 * scheduleItems are used when present. Their offset-less wall times are read in each item's own zone, and
 * items spanning whole days are placed on those dates in `consultantZone`. A response without
 * scheduleItems falls back to availabilityView, one item per character starting at `window.startMs`.
 * A status this layer does not know becomes "unknown", which blocks booking.
 *
 * @throws ScheduleMailboxError when Graph reports an error for the mailbox.
 * @throws ScheduleResponseError naming the field when the response cannot be read.
 */
export function parseScheduleResponse(
  response: unknown,
  mailbox: string,
  window: ScheduleWindow,
  consultantZone: string,
): BusyItem[] {
  const schedule = findSchedule(response, mailbox);

  if (schedule.error !== undefined && schedule.error !== null) {
    throw new ScheduleMailboxError(
      `getSchedule returned an error for mailbox "${mailbox}": ${schedule.error.responseCode ?? 'no code'}: ` +
        `${schedule.error.message ?? 'no message'}`,
      schedule.error.responseCode,
    );
  }

  if (Array.isArray(schedule.scheduleItems)) {
    return schedule.scheduleItems.map((item, index) => toBusyItem(item, index, consultantZone));
  }
  if (typeof schedule.availabilityView === 'string') {
    return availabilityViewItems(schedule.availabilityView, window);
  }
  throw new ScheduleResponseError(
    `getSchedule response for mailbox "${mailbox}" contains neither scheduleItems nor availabilityView`,
  );
}

function findSchedule(response: unknown, mailbox: string): GraphScheduleInformation {
  const value = (response as { value?: unknown } | null)?.value;
  if (!Array.isArray(value) || value.length === 0) {
    throw new ScheduleResponseError(`getSchedule response for mailbox "${mailbox}" has no "value" array`);
  }

  const schedules = value as GraphScheduleInformation[];
  const lowerMailbox = mailbox.toLowerCase();
  // Graph returns one entry per requested schedule. Match it by id, and take the first entry otherwise.
  return schedules.find((schedule) => schedule.scheduleId?.toLowerCase() === lowerMailbox) ?? (schedules[0] as GraphScheduleInformation);
}

function toBusyItem(item: GraphScheduleItem, index: number, consultantZone: string): BusyItem {
  const label = `scheduleItems[${index}]`;
  const status = statusByLowerCase.get(String(item?.status ?? 'unknown').toLowerCase()) ?? 'unknown';

  const { startMs, endMs } = isWholeDaySpan(item.start, item.end)
    ? wholeDaysInZone(item.start, item.end, consultantZone)
    : { startMs: parseOrThrow(item.start, `${label}.start`), endMs: parseOrThrow(item.end, `${label}.end`) };

  if (endMs < startMs) {
    throw new ScheduleResponseError(`Invalid ${label}: its end lies before its start`);
  }
  return { status, start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString() };
}

function parseOrThrow(value: GraphDateTimeTimeZone, label: string): number {
  try {
    return parseGraphDateTime(value, label);
  } catch (error) {
    throw new ScheduleResponseError((error as Error).message, { cause: error });
  }
}

function availabilityViewItems(view: string, window: ScheduleWindow): BusyItem[] {
  const items: BusyItem[] = [];
  const stepMs = AVAILABILITY_VIEW_INTERVAL_MINUTES * MILLIS_PER_MINUTE;

  [...view].forEach((digit, index) => {
    const startMs = window.startMs + index * stepMs;
    if (startMs >= window.endMs) {
      return;
    }
    const status = statusByViewDigit.get(digit) ?? 'unknown';
    const endMs = Math.min(window.endMs, startMs + stepMs);
    items.push({ status, start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString() });
  });
  return items;
}
