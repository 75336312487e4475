import type { CalendarProvider } from '../../../src/calendar/calendarProvider.js';
import { LocalCalendarProvider } from '../../../src/calendar/localCalendarProvider.js';
import { createHolidayCalendar } from '../../../src/domain/businessCalendar.js';
import type { Clock } from '../../../src/domain/clock.js';
import { DEFAULT_BOOKABLE_HOURS } from '../../../src/domain/slots/bookableHours.js';
import { BookingService, type BookingRequest } from '../../../src/services/bookingService.js';
import { BookingSlotRepository } from '../../../src/storage/bookingSlots.js';
import { BookingRepository } from '../../../src/storage/bookings.js';
import { CalendarEventRepository } from '../../../src/storage/calendarEvents.js';
import { createStorage, type StorageTables } from '../../../src/storage/tables.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { catalog } from '../../support/calendar.js';
import { azuriteConnectionString } from '../../support/root-hooks.js';

/** A clock that tests set. */
export class TestClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return this.current;
  }

  set(instant: string): void {
    this.current = new Date(instant);
  }
}

/** Storage, calendar and two independent service instances, as two app instances would have them. */
export interface BookingFixture {
  tables: StorageTables;
  events: CalendarEventRepository;
  bookings: BookingRepository;
  slotLocks: BookingSlotRepository;
  calendar: CalendarProvider;
  clock: TestClock;
  service: BookingService;
  secondInstance: BookingService;
}

/**
 * Creates fresh tables and a booking service over the local calendar: Europe/Berlin, DE-NW holidays,
 * Mon-Fri 09:00-17:00, 120 minutes of notice, `now` 2026-06-01 08:00 Berlin.
 *
 * @param bufferMinutes - Buffer around busy items; the slot vectors use 0.
 * @param calendar - Calendar to use instead of the local one, e.g. the Graph provider against msw.
 */
export async function createBookingFixture(bufferMinutes: number, calendar?: CalendarProvider): Promise<BookingFixture> {
  const storage = createStorage(azuriteConnectionString(), { tablePrefix: uniqueTablePrefix('booking') });
  await storage.ensureTables();

  const events = new CalendarEventRepository(storage.tables);
  const bookings = new BookingRepository(storage.tables);
  const slotLocks = new BookingSlotRepository(storage.tables);
  const usedCalendar = calendar ?? new LocalCalendarProvider(events);
  const clock = new TestClock(new Date('2026-06-01T08:00:00+02:00'));
  const holidays = createHolidayCalendar('DE-NW');

  const build = () =>
    new BookingService({
      bookings,
      slotLocks,
      calendar: usedCalendar,
      catalog,
      clock,
      rules: {
        zone: 'Europe/Berlin',
        isClosedDate: (localDate) => holidays.isPublicHoliday(localDate),
        bookableHours: DEFAULT_BOOKABLE_HOURS,
        minimumNoticeMinutes: 120,
        bufferMinutes,
      },
    });

  return { tables: storage.tables, events, bookings, slotLocks, calendar: usedCalendar, clock, service: build(), secondInstance: build() };
}

/** Builds a Gold check-in request of a demo customer at a Berlin instant. */
export function checkInRequest(customerId: string, transactionId: string, start: string): BookingRequest {
  return {
    transactionId,
    customerId,
    customerName: `${customerId} GmbH`,
    planId: 'gold',
    kind: 'check-in',
    start,
    contact: { name: 'Jana Becker', email: `jana.becker@${customerId}.example` },
  };
}
