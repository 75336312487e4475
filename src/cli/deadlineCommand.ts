import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { loadBusiness, type Business } from '../businessSetup.js';
import { loadBusinessConfig } from '../config.js';
import { findPlan, type Plan } from '../domain/catalog.js';
import { callbackDeadline } from '../domain/sla.js';
import { UsageError } from './usageError.js';

/** ISO 8601 date and time ending in Z or an offset of at most ±14:00, as real zones have. */
const isoInstantPattern = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-](0\d|1[0-4]):?[0-5]\d)$/;

/** Usage text of `desk deadline`. */
export const deadlineUsage = `desk deadline --plan <id> --opened <ISO 8601 instant> [--emergency] [--region <CC-ST>]

Prints the callback deadline of a request as one JSON object.
  --plan       plan id from the catalog (bronze, silver, gold, starter, professional, enterprise)
               or "emergency" for the 24/7 line alone
  --opened     opening instant with offset, e.g. 2026-12-04T20:30:00+01:00
  --emergency  the request is an emergency: the earlier of the plan and the 24/7 deadline applies
  --region     holiday region, e.g. DE-NW (default: DESK_HOLIDAY_REGION, else DE-NW)`;

/**
 * Runs `desk deadline` and returns the JSON line to print.
 *
 * @throws UsageError for a missing or invalid option, Error for an unknown plan or region.
 */
export function runDeadline(args: string[], env: NodeJS.ProcessEnv): string {
  const { values } = parseArgs({
    args,
    options: {
      plan: { type: 'string' },
      opened: { type: 'string' },
      emergency: { type: 'boolean', default: false },
      region: { type: 'string' },
    },
    strict: true,
  });

  if (!values.plan) throw new UsageError('Missing --plan', deadlineUsage);
  if (!values.opened) throw new UsageError('Missing --opened', deadlineUsage);

  const opened = DateTime.fromISO(values.opened, { setZone: true });
  if (!opened.isValid || !isoInstantPattern.test(values.opened) || opened.year < 1970 || opened.year > 9999) {
    throw new UsageError(
      `Invalid --opened "${values.opened}": expected an ISO 8601 instant with offset, e.g. 2026-12-04T20:30:00+01:00`,
      deadlineUsage,
    );
  }

  if (values.region !== undefined && values.region.trim() === '') {
    throw new UsageError('Invalid --region "": expected a holiday region such as DE-NW', deadlineUsage);
  }

  let business: Business;
  let plan: Plan | undefined;
  try {
    business = loadBusiness(loadBusinessConfig(env), values.region);
    plan = values.plan === business.catalog.emergencyLine.id ? undefined : findPlan(business.catalog, values.plan);
  } catch (error) {
    // An unknown plan or region is a wrong argument, like an unparsable time.
    throw new UsageError((error as Error).message, deadlineUsage);
  }
  const emergencyOnly = plan === undefined;

  const result = callbackDeadline({
    plan,
    emergencyLine: business.catalog.emergencyLine,
    openedAt: opened.toJSDate(),
    emergency: emergencyOnly || values.emergency === true,
    calendar: business.calendar,
  });

  return JSON.stringify({
    plan: values.plan,
    region: business.calendar.holidays.region,
    emergency: emergencyOnly || values.emergency === true,
    opened: opened.setZone(business.calendar.zone).toISO({ suppressMilliseconds: true }),
    clockStartedAt: result.clockStartedAt,
    deadline: result.deadline,
    guaranteeMinutes: result.guaranteeMinutes,
    basis: result.basis,
  });
}
