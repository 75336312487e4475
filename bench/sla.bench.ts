/**
 * Benchmark of the callback deadline (`callbackDeadline`): the worked examples of the SLA test
 * vectors, then every opening instant of 2026 in steps of 7 minutes for each plan of the catalog.
 * Run with `npx tsx bench/sla.bench.ts`, or through `npm run bench`.
 */
import { readFileSync } from 'node:fs';

import { findPlan } from '../src/domain/catalog.js';
import type { BusinessCalendar } from '../src/domain/serviceWindows.js';
import { callbackDeadline, type DeadlineRequest } from '../src/domain/sla.js';
import { berlinCalendar, catalog } from '../tests/support/calendar.js';
import { MemoryPeak } from './support/memory.js';
import { printTable, TIMING_HEADER, timingRow } from './support/report.js';
import { summarize } from './support/stats.js';
import { collectGarbage, timeEachSync } from './support/timing.js';

interface DeadlineVector {
  plan: string;
  opened: string;
  region: string;
  emergency?: boolean;
  deadline: string;
}

/** Times each worked example this often, so the percentiles rest on more than one run per case. */
const VECTOR_ROUNDS = 200;
const SWEEP_STEP_MINUTES = 7;
const SWEEP_START = '2026-01-01T00:00:00+01:00';
const SWEEP_END = '2027-01-01T00:00:00+01:00';
/** Every this many-th sweep instant runs once before the sweep is timed, so the JIT compiles the hot paths first. */
const WARMUP_STRIDE = 25;

const vectors = (
  JSON.parse(readFileSync(new URL('../tests/unit/sla/sla-deadlines.vectors.json', import.meta.url), 'utf8')) as {
    cases: DeadlineVector[];
  }
).cases;

// One calendar per region, as the app builds one at start; date-holidays caches each year inside it.
const calendars = new Map<string, BusinessCalendar>();
function calendarOf(region: string): BusinessCalendar {
  let calendar = calendars.get(region);
  if (!calendar) {
    calendar = berlinCalendar(region);
    calendars.set(region, calendar);
  }
  return calendar;
}

function vectorRequest(vector: DeadlineVector): DeadlineRequest {
  const emergencyOnly = vector.plan === catalog.emergencyLine.id;
  return {
    plan: emergencyOnly ? undefined : findPlan(catalog, vector.plan),
    emergencyLine: catalog.emergencyLine,
    openedAt: new Date(vector.opened),
    emergency: emergencyOnly || vector.emergency === true,
    calendar: calendarOf(vector.region),
  };
}

/** Checks the examples before timing them, so the benchmark never times wrong answers. */
function assertVectorsHold(): void {
  for (const vector of vectors) {
    const { deadline } = callbackDeadline(vectorRequest(vector));
    if (deadline !== vector.deadline) {
      throw new Error(`Deadline of ${vector.plan} opened ${vector.opened} in ${vector.region} is ${deadline}, expected ${vector.deadline}`);
    }
  }
}

function sweepInstants(): Date[] {
  const instants: Date[] = [];
  const endMs = Date.parse(SWEEP_END);
  for (let ms = Date.parse(SWEEP_START); ms < endMs; ms += SWEEP_STEP_MINUTES * 60_000) {
    instants.push(new Date(ms));
  }
  return instants;
}

function main(): void {
  const memory = new MemoryPeak();
  const rows: string[][] = [];

  assertVectorsHold();
  const vectorRequests = vectors.map(vectorRequest);
  const rounds = Array.from({ length: VECTOR_ROUNDS }, () => vectorRequests).flat();

  // Warm-up: the examples and a thinned-out sweep of every plan.
  const instants = sweepInstants();
  const calendar = calendarOf('DE-NW');
  const warmup = catalog.plans.flatMap((plan) =>
    instants
      .filter((_, index) => index % WARMUP_STRIDE === 0)
      .map((openedAt): DeadlineRequest => ({ plan, emergencyLine: catalog.emergencyLine, openedAt, emergency: false, calendar })),
  );
  timeEachSync([...rounds, ...warmup], callbackDeadline, memory);

  collectGarbage();
  memory.reset();
  const vectorSamples = timeEachSync(rounds, callbackDeadline, memory);
  rows.push(timingRow(`worked examples (${vectors.length} cases x ${VECTOR_ROUNDS})`, summarize(vectorSamples), memory.reading()));

  const allSweepSamples: number[] = [];
  const sweepPeak = { rssBytes: 0, heapUsedBytes: 0 };
  for (const plan of catalog.plans) {
    const requests = instants.map(
      (openedAt): DeadlineRequest => ({ plan, emergencyLine: catalog.emergencyLine, openedAt, emergency: false, calendar }),
    );
    collectGarbage();
    memory.reset();
    const samples = timeEachSync(requests, (request) => {
      const result = callbackDeadline(request);
      if (Date.parse(result.deadline) <= request.openedAt.getTime()) {
        throw new Error(`Deadline ${result.deadline} of ${plan.id} opened ${request.openedAt.toISOString()} is not after the opening`);
      }
    }, memory);
    allSweepSamples.push(...samples);
    const reading = memory.reading();
    sweepPeak.rssBytes = Math.max(sweepPeak.rssBytes, reading.rssBytes);
    sweepPeak.heapUsedBytes = Math.max(sweepPeak.heapUsedBytes, reading.heapUsedBytes);
    rows.push(timingRow(`2026 every ${SWEEP_STEP_MINUTES} min, ${plan.id}`, summarize(samples), reading));
  }
  rows.push(timingRow(`2026 every ${SWEEP_STEP_MINUTES} min, all plans`, summarize(allSweepSamples), sweepPeak));

  printTable('Callback deadline (callbackDeadline, DE-NW unless the example names a region)', TIMING_HEADER, rows);
}

main();
