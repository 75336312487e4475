/**
 * End-to-end benchmark of the bot on loopback. It starts its own in-memory Azurite, a local Bot
 * Connector stand-in and the app in this process. Then it opens 200 support requests through
 * POST /api/messages with `request.submit` invokes of the demo contacts, at concurrency 1, 8 and 32,
 * each level on fresh tables.
 *
 * Afterwards the stored request numbers must be exactly HD-2026-0001 up to the number of opened
 * requests, each stored once and each returned to one submission. The benchmark exits with code 1
 * when a request is lost or doubled. A submission whose response is the bot's error message in
 * place of a request card counts as an error: it is reported, and it does not fail the run.
 * Run with `npx tsx bench/bot.bench.ts`, or through `npm run bench`.
 */
import { randomUUID } from 'node:crypto';

import { formatRequestNumber } from '../src/domain/requestNumber.js';
import { RequestRepository } from '../src/storage/requests.js';
import { startAzurite } from '../tests/support/azurite.js';
import { cardTexts, consultant, goldContact, startDeskHarness, type DeskHarness } from '../tests/support/deskHarness.js';
import { actionExecuteActivity, installActivity, personalChat, type PersonalChat, type TeamsUser } from '../tests/support/teamsActivity.js';
import { HttpCallCounter, tableEndpointOf } from './support/httpCalls.js';
import { MemoryPeak } from './support/memory.js';
import { formatMiB, formatMs, printTable } from './support/report.js';
import { summarize } from './support/stats.js';
import { collectGarbage, timeEachAsync } from './support/timing.js';

/** Tuesday 2026-12-08 10:00 in Berlin, inside every plan's service window. The harness clock stays there. */
const OPENED_AT = '2026-12-08T10:00:00+01:00';
const YEAR = 2026;
const REQUESTS = 200;
const CONCURRENCY_LEVELS = [1, 8, 32] as const;
const WARMUP_REQUESTS = 30;

/** Demo contacts whose plans include the Teams channel (config/demo-customers.json). */
const CONTACTS: ReadonlyArray<TeamsUser & { customerId: string }> = [
  { ...goldContact, customerId: 'fabrikam' },
  {
    id: '29:tobias-wagner',
    name: 'Tobias Wagner',
    aadObjectId: '2c4e6a80-3d5f-4b71-8c9d-0e1f2a3b4c22',
    tenantId: goldContact.tenantId,
    customerId: 'fabrikam',
  },
  {
    id: '29:miriam-schulz',
    name: 'Miriam Schulz',
    aadObjectId: '3d5f7b91-4e6a-4c82-9dae-1f2a3b4c5d31',
    tenantId: '7a2b3c4d-5e6f-4a7b-9c8d-1e2f3a4b5c02',
    customerId: 'northwind',
  },
];
const CUSTOMER_IDS = [...new Set(CONTACTS.map((contact) => contact.customerId))];

/** Outcome of one level: its measurements, lost or doubled requests, and failed submissions. */
interface LevelResult {
  row: string[];
  /** Lost or doubled requests. Any of them fails the benchmark. */
  problems: string[];
  /** Count of failed submissions, with the first failure's text. */
  errors: string[];
}

/** Posts one `request.submit` invoke, as Teams sends it when a contact submits the request form, and returns the request number. */
async function submitRequest(harness: DeskHarness, chat: PersonalChat, index: number): Promise<string> {
  // Each submission comes from a form card of its own, with an id of the form the connector assigns to the cards the bot posts.
  const formActivityId = `activity-${randomUUID()}`;
  const activity = actionExecuteActivity(chat, harness.connector.url, formActivityId, 'request.submit', {
    description: `Benchmark-Anfrage ${index + 1}: Outlook synchronisiert das freigegebene Postfach nicht.`,
    urgency: 'normal',
    callbackPhone: '+49 211 5550101',
    callbackChannel: 'phone',
  });
  const { status, body } = await harness.post(activity);
  if (status !== 200 || body?.statusCode !== 200) {
    throw new Error(`request.submit ${index + 1} returned HTTP ${status}, invoke status ${String(body?.statusCode)}`);
  }
  // A failed turn responds with a text message in place of the request card.
  if (typeof body.value === 'string') {
    throw new Error(`request.submit ${index + 1} received the message "${body.value}" in place of a request card`);
  }
  const number = /HD-\d{4}-\d{4,}/.exec(cardTexts(body.value).join('\n'))?.[0];
  if (number === undefined) {
    throw new Error(`request.submit ${index + 1} returned a card without a request number: ${JSON.stringify(cardTexts(body.value))}`);
  }
  return number;
}

/** Starts the app on fresh tables with the consultant's chat installed, so every request also sends the consultant a card. */
async function startDesk(): Promise<{ harness: DeskHarness; consultantChat: PersonalChat; chats: PersonalChat[] }> {
  const harness = await startDeskHarness(OPENED_AT);
  const consultantChat = personalChat(consultant);
  const installed = await harness.post(installActivity(consultantChat, harness.connector.url));
  if (installed.status !== 200) {
    throw new Error(`Installing the consultant chat returned HTTP ${installed.status}`);
  }
  harness.connector.clear();
  return { harness, consultantChat, chats: CONTACTS.map((contact) => personalChat(contact)) };
}

/**
 * Compares the stored request numbers with the ones returned to the submissions: both must be
 * HD-2026-0001 up to the number of opened requests, without gaps and without doubles.
 */
async function checkStoredNumbers(harness: DeskHarness, returned: readonly string[]): Promise<{ stored: number; problems: string[] }> {
  const repository = new RequestRepository(harness.storage.tables);
  const stored: string[] = [];
  for (const customerId of CUSTOMER_IDS) {
    stored.push(...(await repository.listByCustomer(customerId)).map((entry) => entry.request.number));
  }

  const expected = Array.from({ length: returned.length }, (_, index) => formatRequestNumber(YEAR, index + 1));
  const problems: string[] = [];
  const missing = expected.filter((number) => !stored.includes(number));
  const unexpected = stored.filter((number) => !expected.includes(number));
  const notReturned = stored.filter((number) => !returned.includes(number));
  const doubled = stored.filter((number, index) => stored.indexOf(number) !== index);
  const returnedTwice = returned.filter((number, index) => returned.indexOf(number) !== index);
  if (missing.length > 0) problems.push(`missing in storage: ${missing.join(', ')}`);
  if (unexpected.length > 0) problems.push(`unexpected in storage: ${unexpected.join(', ')}`);
  if (notReturned.length > 0) problems.push(`stored but returned to no submission: ${notReturned.join(', ')}`);
  if (doubled.length > 0) problems.push(`stored twice: ${doubled.join(', ')}`);
  if (returnedTwice.length > 0) problems.push(`returned to two submissions: ${returnedTwice.join(', ')}`);
  return { stored: stored.length, problems };
}

async function runLevel(concurrency: number, memory: MemoryPeak, httpCalls: HttpCallCounter): Promise<LevelResult> {
  const { harness, consultantChat, chats } = await startDesk();
  try {
    collectGarbage();
    memory.reset();
    httpCalls.reset();
    memory.start();
    const run = await timeEachAsync(
      REQUESTS,
      concurrency,
      (index) => submitRequest(harness, chats[index % chats.length] as PersonalChat, index),
      memory,
    );
    memory.stop();
    const storageCalls = httpCalls.countFor(tableEndpointOf(harness.config.storage.connectionString));

    const returned = run.outcomes.flatMap((outcome) => (outcome.ok ? [outcome.value] : []));
    const failures = run.outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error]));
    const check = await checkStoredNumbers(harness, returned);
    const consultantCards = harness.connector.sentTo(consultantChat.conversationId).length;
    const problems = [...check.problems];
    if (consultantCards !== returned.length) {
      problems.push(`the consultant received ${consultantCards} cards for ${returned.length} opened requests`);
    }
    const errors =
      failures.length === 0
        ? []
        : [`${failures.length} of ${REQUESTS} submissions failed, the first: ${failures[0] instanceof Error ? failures[0].message : String(failures[0])}`];

    const summary = summarize(run.samples);
    const reading = memory.reading();
    const row = [
      String(concurrency),
      String(REQUESTS),
      String(failures.length),
      (REQUESTS / (run.wallMs / 1000)).toFixed(1),
      formatMs(summary.medianMs),
      formatMs(summary.p95Ms),
      formatMs(summary.maxMs),
      (storageCalls / REQUESTS).toFixed(1),
      problems.length === 0 ? `0001-${String(check.stored).padStart(4, '0')}, once each` : `${check.stored}, NOT consecutive`,
      formatMiB(reading.rssBytes),
      formatMiB(reading.heapUsedBytes),
    ];
    const atLevel = (text: string) => `concurrency ${concurrency}: ${text}`;
    return { row, problems: problems.map(atLevel), errors: errors.map(atLevel) };
  } finally {
    await harness.stop();
  }
}

async function main(): Promise<void> {
  const azurite = await startAzurite();
  process.env.AZURE_STORAGE_CONNECTION_STRING = azurite.connectionString;
  const memory = new MemoryPeak();
  const httpCalls = new HttpCallCounter();
  httpCalls.start();

  try {
    // Warm-up on tables of its own, so the measured levels start from HD-2026-0001.
    const warmup = await startDesk();
    try {
      for (let index = 0; index < WARMUP_REQUESTS; index += 1) {
        await submitRequest(warmup.harness, warmup.chats[index % warmup.chats.length] as PersonalChat, index);
      }
    } finally {
      await warmup.harness.stop();
    }

    const results: LevelResult[] = [];
    for (const concurrency of CONCURRENCY_LEVELS) {
      results.push(await runLevel(concurrency, memory, httpCalls));
    }

    printTable(
      `Bot end to end (${REQUESTS} request.submit invokes per level through POST /api/messages, Azurite in memory, loopback)`,
      ['concurrency', 'requests', 'errors', 'throughput req/s', 'p50 ms', 'p95 ms', 'max ms', 'storage calls per request', 'stored numbers HD-2026-', 'peak RSS MiB', 'peak heap MiB'],
      results.map((result) => result.row),
    );

    const problems = results.flatMap((result) => result.problems);
    if (problems.length > 0) {
      throw new Error(`Bot benchmark failed, requests were lost or doubled:\n${problems.join('\n')}`);
    }

    const errors = results.flatMap((result) => result.errors);
    if (errors.length > 0) {
      throw new Error(`Bot benchmark failed, submissions got the error reply:\n${errors.join('\n')}`);
    }
  } finally {
    httpCalls.stop();
    await azurite.stop();
  }
}

await main();
