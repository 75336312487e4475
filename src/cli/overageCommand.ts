import { parseArgs } from 'node:util';

import { systemClock } from '../domain/clock.js';
import { parseHoursInput } from '../domain/hours/hoursInput.js';
import { ApproverDirectory } from '../services/approvers.js';
import { OverageApprovalService } from '../services/overageApprovalService.js';
import { RequestNotFoundError } from '../services/requestService.js';
import { InvalidInputError, MAX_OVERAGE_MINUTES } from '../services/timeService.js';
import { ConversationRepository } from '../storage/conversations.js';
import { DeliveryRepository } from '../storage/deliveries.js';
import { EntityNotFoundError } from '../storage/errors.js';
import { RequestRepository } from '../storage/requests.js';
import { openTimeServices } from './timeServices.js';
import { UsageError } from './usageError.js';

/** Usage text of `desk overage`. */
export const overageUsage = `desk overage request --customer <id> --request HD-yyyy-nnnn --hours <n> [--note <text>] [--by <name>]

Stores a pending request for extra hours on a support request and prints it as one JSON object.
  --customer  customer id, e.g. fabrikam
  --request   request number, e.g. HD-2026-0042
  --hours     extra hours, more than 0 and at most ${MAX_OVERAGE_MINUTES / 60}, in whole minutes, e.g. 2 or 1.5
  --note      note shown to the approvers
  --by        who requests the hours (default: "desk overage request")
The command line cannot post Teams cards: the running app sends the approval cards to the customer's
approvers on its next delivery tick (the SLA watcher's interval, DESK_SLA_WATCH_INTERVAL_SECONDS).
Reads AZURE_STORAGE_CONNECTION_STRING (default: local Azurite) and DESK_TABLE_PREFIX.`;

/**
 * Runs `desk overage request` and returns the JSON line to print.
 *
 * @throws UsageError for a missing or invalid option or field, or an unknown request.
 * @throws EntityNotFoundError for an unknown customer.
 */
export async function runOverage(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const [subcommand, ...options] = args;
  if (subcommand !== 'request') {
    throw new UsageError(subcommand === undefined ? 'Missing subcommand "request"' : `Unknown subcommand "${subcommand}"`, overageUsage);
  }

  const { values } = parseArgs({
    args: options,
    options: {
      customer: { type: 'string' },
      request: { type: 'string' },
      hours: { type: 'string' },
      note: { type: 'string' },
      by: { type: 'string', default: 'desk overage request' },
    },
    strict: true,
  });
  for (const name of ['customer', 'request', 'hours'] as const) {
    if (!values[name]) throw new UsageError(`Missing --${name}`, overageUsage);
  }
  const minutes = parseHoursInput(values.hours);
  if (minutes === undefined) {
    throw new UsageError(`Invalid --hours "${values.hours}": expected a number of hours in whole minutes, e.g. 2 or 1.5`, overageUsage);
  }

  const { time, customers, approvals, catalog, tables, zone, logger, instanceId } = await openTimeServices(env);
  const requestRepository = new RequestRepository(tables);
  const requests = {
    async get(customerId: string, number: string) {
      const stored = await requestRepository.get(customerId, number);
      if (stored === undefined) throw new RequestNotFoundError(customerId, number);
      return stored;
    },
  };
  // Without a channel the service records the approval cards as due, and a running app sends them.
  const overage = new OverageApprovalService({
    time,
    approvals,
    customers,
    requests,
    approvers: new ApproverDirectory(customers, new ConversationRepository(tables), requestRepository),
    deliveries: new DeliveryRepository(tables),
    catalog,
    zone,
    clock: systemClock,
    logger,
    instanceId,
  });

  try {
    const { approval, delivery } = await overage.request({
      customerId: values.customer as string,
      requestNumber: values.request as string,
      minutes,
      ...(values.note === undefined ? {} : { note: values.note }),
      requestedBy: values.by ?? 'desk overage request',
    });
    return JSON.stringify({ approval, delivery: delivery.status });
  } catch (error) {
    if (error instanceof InvalidInputError) {
      throw new UsageError(error.message, overageUsage);
    }
    // An unknown customer or request is missing data, like an unknown customer elsewhere: exit code 1, no usage text.
    if (error instanceof RequestNotFoundError) {
      throw new EntityNotFoundError(`${error.message}; check --customer and --request`, { cause: error });
    }
    throw error;
  }
}
