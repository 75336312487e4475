import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { loadBusiness } from '../businessSetup.js';
import { loadBusinessConfig } from '../config.js';
import { findPlan } from '../domain/catalog.js';
import { callbackDeadline } from '../domain/sla.js';
import { UsageError } from './usageError.js';

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
  if (!opened.isValid || !/(Z|[+-]\d{2}:?\d{2})$/.test(values.opened)) {
    throw new UsageError(
      `Invalid --opened "${values.opened}": expected an ISO 8601 instant with offset, e.g. 2026-12-04T20:30:00+01:00`,
      deadlineUsage,
    );
  }

  const business = loadBusiness(loadBusinessConfig(env), values.region);
  const emergencyOnly = values.plan === business.catalog.emergencyLine.id;
  const plan = emergencyOnly ? undefined : findPlan(business.catalog, values.plan);

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
