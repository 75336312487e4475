import { parseArgs } from 'node:util';

import { loadBusiness } from '../businessSetup.js';
import { createCalendarProvider } from '../calendar/createCalendarProvider.js';
import { loadBusinessConfig, loadCalendarConfig, loadStorageConfig } from '../config.js';
import { MAX_SEARCH_DAYS } from '../domain/slots/findSlots.js';
import { systemClock } from '../domain/clock.js';
import { BookingService, entitlementOf } from '../services/bookingService.js';
import { AbsenceRepository } from '../storage/absences.js';
import { BookingSlotRepository } from '../storage/bookingSlots.js';
import { BookingRepository } from '../storage/bookings.js';
import { createStorage } from '../storage/tables.js';
import { UsageError } from './usageError.js';

/** Days searched when `--days` is not given: one week, the period of the Gold check-in. */
export const DEFAULT_SLOT_DAYS = 7;

/** Usage text of `desk slots`. */
export const slotsUsage = `desk slots --plan <id> --kind <entitlement> --from <yyyy-MM-dd> [--days <n>]

Prints the free slots that the configured calendar offers as a JSON array of {"start","end"} with offsets.
  --plan   plan id from the catalog, e.g. gold
  --kind   entitlement of the plan: check-in, proactive-call, strategy-meeting or roadmap-review;
           the slot length is the entitlement's duration
  --from   first local date in DESK_TIME_ZONE, e.g. 2027-02-03
  --days   number of dates to search, 1 to ${MAX_SEARCH_DAYS} (default ${DEFAULT_SLOT_DAYS})

The calendar is Microsoft Graph when GRAPH_MAILBOX is set, otherwise the local calendar in the tables
(AZURE_STORAGE_CONNECTION_STRING, DESK_TABLE_PREFIX). Public holidays of DESK_HOLIDAY_REGION, the bookable
hours, the minimum notice and the buffers apply as configured. The consultant's absences (desk absence list)
and the slots of bookings in progress are left out, as in the bot.`;

/**
 * Runs `desk slots` and returns the JSON line to print.
 *
 * @throws UsageError for a missing or invalid option; Error for an unknown plan, a kind the plan lacks
 *   or invalid configuration; CalendarUnavailableError when the calendar cannot be reached.
 */
export async function runSlots(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      plan: { type: 'string' },
      kind: { type: 'string' },
      from: { type: 'string' },
      days: { type: 'string' },
    },
    strict: true,
  });

  if (!values.plan) throw new UsageError('Missing --plan', slotsUsage);
  if (!values.kind) throw new UsageError('Missing --kind', slotsUsage);
  if (!values.from) throw new UsageError('Missing --from', slotsUsage);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.from)) {
    throw new UsageError(`Invalid --from "${values.from}": expected a local date yyyy-MM-dd, e.g. 2027-02-03`, slotsUsage);
  }
  const days = values.days === undefined ? DEFAULT_SLOT_DAYS : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > MAX_SEARCH_DAYS) {
    throw new UsageError(`Invalid --days "${values.days}": expected a whole number from 1 to ${MAX_SEARCH_DAYS}`, slotsUsage);
  }

  const business = loadBusiness(loadBusinessConfig(env));
  // Fails before any storage access when the plan lacks the kind.
  entitlementOf(business.catalog, values.plan, values.kind);
  const calendarConfig = loadCalendarConfig(env);

  const storageConfig = loadStorageConfig(env);
  const storage = createStorage(storageConfig.connectionString, { tablePrefix: storageConfig.tablePrefix });
  // Absences, slot locks and the local calendar are read from tables that a fresh Azurite does not have yet.
  await storage.ensureTables();
  const absences = new AbsenceRepository(storage.tables);

  // The same search as the bot's, so absences and the slots of bookings in progress are left out as well.
  const bookings = new BookingService({
    bookings: new BookingRepository(storage.tables),
    slotLocks: new BookingSlotRepository(storage.tables),
    calendar: createCalendarProvider(calendarConfig, business.calendar.zone, storage.tables),
    catalog: business.catalog,
    clock: systemClock,
    rules: {
      zone: business.calendar.zone,
      isClosedDate: (localDate) => business.calendar.holidays.isPublicHoliday(localDate),
      bookableHours: calendarConfig.bookableHours,
      minimumNoticeMinutes: calendarConfig.minimumNoticeMinutes,
      bufferMinutes: calendarConfig.bufferMinutes,
    },
    absences: async () => (await absences.list()).map((absence) => ({ start: absence.from, end: absence.to })),
  });

  const slots = await bookings.findSlots(values.plan, values.kind, values.from, days);
  return JSON.stringify(slots.map((slot) => ({ start: slot.start, end: slot.end })));
}
