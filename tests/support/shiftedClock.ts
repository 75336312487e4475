/**
 * Preload for `desk` subprocesses in tests (`node --import tsx --import ./tests/support/shiftedClock.ts`):
 * when DESK_TEST_NOW is set, `Date.now()` and `new Date()` start at that instant and then run on in real
 * time, so commands that check entries against now see the test's dates as past ones.
 */
const testNow = process.env.DESK_TEST_NOW;

if (testNow !== undefined && testNow !== '') {
  const target = Date.parse(testNow);
  if (Number.isNaN(target)) {
    throw new Error(`Invalid DESK_TEST_NOW "${testNow}": expected an ISO 8601 instant, e.g. 2026-12-10T12:00:00Z`);
  }

  const RealDate = Date;
  const offsetMs = target - RealDate.now();

  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) {
        super(RealDate.now() + offsetMs);
      } else {
        super(...(args as [string | number | Date]));
      }
    }

    static override now(): number {
      return RealDate.now() + offsetMs;
    }
  }

  globalThis.Date = ShiftedDate as DateConstructor;
}
