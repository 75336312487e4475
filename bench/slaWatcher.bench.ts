/**
 * Benchmark of one SLA watcher tick (`SlaWatcher.tick`) with 1,000 open requests in storage. The
 * benchmark starts its own in-memory Azurite and the app in this process, with the consultant's chat
 * on a local Bot Connector stand-in. Three cases: a tick with no warning due, the catch-up tick that
 * sends every warning after the deadlines have passed, and the ticks after it, whose warnings are
 * all sent already. Run with `npx tsx bench/slaWatcher.bench.ts`, or through `npm run bench`.
 */
import { DateTime } from 'luxon';

import { findPlan } from '../src/domain/catalog.js';
import type { SupportRequest } from '../src/domain/request.js';
import { formatRequestNumber } from '../src/domain/requestNumber.js';
import { callbackDeadline } from '../src/domain/sla.js';
import type { SlaTickSummary } from '../src/jobs/slaWatcher.js';
import { RequestRepository } from '../src/storage/requests.js';
import { startAzurite } from '../tests/support/azurite.js';
import { berlinCalendar, catalog } from '../tests/support/calendar.js';
import { consultant, startDeskHarness, type DeskHarness } from '../tests/support/deskHarness.js';
import { installActivity, personalChat } from '../tests/support/teamsActivity.js';
import { HttpCallCounter, tableEndpointOf } from './support/httpCalls.js';
import { MemoryPeak, type MemoryPeakReading } from './support/memory.js';
import { formatMiB, formatMs, printTable } from './support/report.js';
import { summarize } from './support/stats.js';
import { collectGarbage, timeEachAsync } from './support/timing.js';

const OPEN_REQUESTS = 1_000;
/** Every tenth request is an emergency, which adds the unacknowledged-emergency warning. */
const EMERGENCY_EVERY = 10;
/** Requests open from Tuesday 2026-12-08 09:30 on, one every 0.6 seconds, so all of them open within 10 minutes. */
const FIRST_OPENED_AT = '2026-12-08T09:30:00+01:00';
const OPENING_STEP_MS = 600;
/** No warning is due yet: the earliest one, an emergency's 15-minute reminder, falls due at 09:45. */
const QUIET_AT = '2026-12-08T09:41:00+01:00';
/** Every deadline has passed and every plan's window is open, so each request gets its breach warning. */
const CATCH_UP_AT = '2026-12-08T16:00:00+01:00';
const RUNS = 3;
const WARMUP_TICKS = 3;
const TIMED_TICKS = 10;
const STORE_CONCURRENCY = 16;

/** Demo customers with one plan each (config/demo-customers.json) and the contact that opens their requests. */
const CUSTOMERS = [
  { customerId: 'contoso-praxis', planId: 'bronze', contactName: 'Lars Hoffmann', aadObjectId: '4e6a8c02-5f7b-4d93-8ebf-2a3b4c5d6e41' },
  { customerId: 'fabrikam', planId: 'gold', contactName: 'Jana Becker', aadObjectId: '0b9d7a52-1c3e-4f60-9a8b-7c6d5e4f3a21' },
  { customerId: 'northwind', planId: 'enterprise', contactName: 'Miriam Schulz', aadObjectId: '3d5f7b91-4e6a-4c82-9dae-1f2a3b4c5d31' },
] as const;

const calendar = berlinCalendar('DE-NW');

/** Builds the n-th open request (0-based) with the deadline its plan gives, as the consultant logs a phone request. */
function openRequest(index: number): SupportRequest {
  const customer = CUSTOMERS[index % CUSTOMERS.length] as (typeof CUSTOMERS)[number];
  const emergency = index % EMERGENCY_EVERY === 0;
  const openedAt = new Date(Date.parse(FIRST_OPENED_AT) + index * OPENING_STEP_MS);
  const deadline = callbackDeadline({
    plan: findPlan(catalog, customer.planId),
    emergencyLine: catalog.emergencyLine,
    openedAt,
    emergency,
    calendar,
  });
  return {
    number: formatRequestNumber(2026, index + 1),
    customerId: customer.customerId,
    planId: customer.planId,
    emergency,
    description: emergency ? 'Der Exchange-Server ist komplett ausgefallen.' : 'Der Drucker am Empfang druckt nicht mehr.',
    urgency: 'normal',
    callbackPhone: '+49 211 5550101',
    callbackChannel: 'phone',
    channel: 'phone',
    contactAadObjectId: customer.aadObjectId,
    contactName: customer.contactName,
    state: 'new',
    openedAt: DateTime.fromJSDate(openedAt, { zone: calendar.zone }).toISO({ suppressMilliseconds: true }) as string,
    deadline: deadline.deadline,
    atRiskAt: deadline.atRiskAt,
    guaranteeMinutes: deadline.guaranteeMinutes,
  };
}

/** Starts the app on fresh tables, installs the consultant's chat and stores the open requests. */
async function prepareDesk(memory: MemoryPeak): Promise<DeskHarness> {
  const harness = await startDeskHarness(QUIET_AT);
  const installed = await harness.post(installActivity(personalChat(consultant), harness.connector.url));
  if (installed.status !== 200) {
    throw new Error(`Installing the consultant chat returned HTTP ${installed.status}`);
  }
  const repository = new RequestRepository(harness.storage.tables);
  const stored = await timeEachAsync(OPEN_REQUESTS, STORE_CONCURRENCY, (index) => repository.create(openRequest(index)), memory);
  const failed = stored.outcomes.find((outcome) => !outcome.ok);
  if (failed && !failed.ok) {
    throw new Error('Storing the open requests failed', { cause: failed.error });
  }
  harness.connector.clear();
  return harness;
}

/** Samples of one case over all runs. */
interface CaseSamples {
  durationsMs: number[];
  sent: number[];
  storageCalls: number[];
  memory: MemoryPeakReading;
}

function emptyCase(): CaseSamples {
  return { durationsMs: [], sent: [], storageCalls: [], memory: { rssBytes: 0, heapUsedBytes: 0 } };
}

/** Runs `count` ticks at the clock's current instant and records each one in `into`. */
async function timeTicks(
  harness: DeskHarness,
  count: number,
  into: CaseSamples,
  memory: MemoryPeak,
  httpCalls: HttpCallCounter,
  storageUrl: string,
): Promise<SlaTickSummary[]> {
  const summaries: SlaTickSummary[] = [];
  collectGarbage();
  memory.reset();
  memory.start();
  for (let tick = 0; tick < count; tick += 1) {
    httpCalls.reset();
    const run = await timeEachAsync(1, 1, () => harness.desk.slaWatcher.tick(), memory);
    const outcome = run.outcomes[0];
    if (!outcome?.ok) {
      throw new Error('SLA watcher tick failed', { cause: outcome?.error });
    }
    summaries.push(outcome.value);
    into.durationsMs.push(run.samples[0] as number);
    into.sent.push(outcome.value.sent);
    into.storageCalls.push(httpCalls.countFor(storageUrl));
  }
  memory.stop();
  const reading = memory.reading();
  into.memory = {
    rssBytes: Math.max(into.memory.rssBytes, reading.rssBytes),
    heapUsedBytes: Math.max(into.memory.heapUsedBytes, reading.heapUsedBytes),
  };
  return summaries;
}

function caseRow(label: string, samples: CaseSamples): string[] {
  const summary = summarize(samples.durationsMs);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const sentPerTick = mean(samples.sent);
  return [
    label,
    String(summary.count),
    sentPerTick.toFixed(0),
    formatMs(summary.medianMs),
    formatMs(summary.p95Ms),
    formatMs(summary.maxMs),
    sentPerTick > 0 ? formatMs(summary.medianMs / sentPerTick) : '-',
    mean(samples.storageCalls).toFixed(0),
    formatMiB(samples.memory.rssBytes),
    formatMiB(samples.memory.heapUsedBytes),
  ];
}

async function main(): Promise<void> {
  const azurite = await startAzurite();
  process.env.AZURE_STORAGE_CONNECTION_STRING = azurite.connectionString;
  const storageUrl = tableEndpointOf(azurite.connectionString);
  const memory = new MemoryPeak();
  const httpCalls = new HttpCallCounter();
  httpCalls.start();

  const expectedWarnings = OPEN_REQUESTS + Math.ceil(OPEN_REQUESTS / EMERGENCY_EVERY);
  const quiet = emptyCase();
  const catchUp = emptyCase();
  const afterCatchUp = emptyCase();
  const problems: string[] = [];

  try {
    for (let run = 1; run <= RUNS; run += 1) {
      const harness = await prepareDesk(memory);
      try {
        await timeTicks(harness, WARMUP_TICKS, emptyCase(), memory, httpCalls, storageUrl);
        for (const summary of await timeTicks(harness, TIMED_TICKS, quiet, memory, httpCalls, storageUrl)) {
          if (summary.sent !== 0) problems.push(`run ${run}: a tick at ${QUIET_AT} sent ${summary.sent} warnings, expected none`);
        }

        harness.clock.set(CATCH_UP_AT);
        const [caughtUp] = await timeTicks(harness, 1, catchUp, memory, httpCalls, storageUrl);
        if (caughtUp?.sent !== expectedWarnings || caughtUp.failed !== 0) {
          problems.push(`run ${run}: the catch-up tick sent ${caughtUp?.sent} warnings with ${caughtUp?.failed} failures, expected ${expectedWarnings} and 0`);
        }

        for (const summary of await timeTicks(harness, TIMED_TICKS, afterCatchUp, memory, httpCalls, storageUrl)) {
          if (summary.sent !== 0) problems.push(`run ${run}: a tick after the catch-up sent ${summary.sent} warnings again`);
        }
      } finally {
        await harness.stop();
      }
    }

    printTable(
      `SLA watcher tick (${OPEN_REQUESTS} open requests of Bronze, Gold and Enterprise customers, ${OPEN_REQUESTS / EMERGENCY_EVERY} of them emergencies, ${RUNS} runs on fresh tables)`,
      ['case', 'ticks', 'warnings sent per tick', 'median ms', 'p95 ms', 'max ms', 'ms per warning', 'storage calls per tick', 'peak RSS MiB', 'peak heap MiB'],
      [
        caseRow('no warning due (Tue 09:41)', quiet),
        caseRow('catch-up, every deadline passed (Tue 16:00)', catchUp),
        caseRow('after the catch-up, all warnings sent', afterCatchUp),
      ],
    );

    if (problems.length > 0) {
      throw new Error(`SLA watcher benchmark failed:\n${problems.join('\n')}`);
    }
  } finally {
    httpCalls.stop();
    await azurite.stop();
  }
}

await main();
