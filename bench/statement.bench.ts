/**
 * Benchmark of the monthly statement (`computeMonthStatement`) of one customer with 500 time entries
 * of all types, on a hotline plan (Gold) and a partner plan with a rolled-over lot (Professional).
 * Run with `npx tsx bench/statement.bench.ts`, or through `npm run bench`.
 */
import type { PlanId, TimeType } from '../src/domain/catalog.js';
import { computeMonthStatement, type MonthStatementInput, type TimeEntry } from '../src/domain/hours/index.js';
import { catalog } from '../tests/support/calendar.js';
import { MemoryPeak } from './support/memory.js';
import { pick, randomInt, seededRandom } from './support/random.js';
import { printTable, TIMING_HEADER, timingRow } from './support/report.js';
import { summarize } from './support/stats.js';
import { collectGarbage, timeEachSync } from './support/timing.js';

const MONTH = '2026-11';
const ENTRIES = 500;
const WARMUP_RUNS = 2_000;
const TIMED_RUNS = 20_000;

/** Type mix of the generated entries: mostly support, some project, on-site and emergency work. */
const TYPES: readonly TimeType[] = [...Array<TimeType>(14).fill('support'), 'project', 'project', 'project', 'on-site', 'on-site', 'emergency'];

function timeEntries(count: number, seed: number): TimeEntry[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (): TimeEntry => {
    const type = pick(random, TYPES);
    const minutes = randomInt(random, 1, 240);
    const date = `${MONTH}-${String(randomInt(random, 1, 30)).padStart(2, '0')}`;
    if (type === 'emergency') return { type, minutes, emergencyId: `E${randomInt(random, 1, 8)}`, date };
    return { type, minutes, date };
  });
}

function statementInput(planId: PlanId, rolloverInMinutes: number): MonthStatementInput {
  return {
    catalog,
    planId,
    month: MONTH,
    entries: timeEntries(ENTRIES, 2026),
    approvals: [
      { minutes: 600, decision: 'approved' },
      { minutes: 240, decision: 'approved' },
      { minutes: 120, decision: 'declined' },
      { minutes: 60, decision: 'pending' },
    ],
    rolloverInMinutes,
  };
}

function main(): void {
  const memory = new MemoryPeak();
  const rows: string[][] = [];

  for (const [planId, rolloverInMinutes] of [['gold', 0], ['professional', 600]] as const) {
    const input = statementInput(planId, rolloverInMinutes);
    const statement = computeMonthStatement(input);
    if (statement.netCents <= statement.feeCents) {
      throw new Error(`Statement of ${planId} has net ${statement.netCents} cents, expected more than the fee with ${ENTRIES} entries`);
    }

    timeEachSync(Array.from({ length: WARMUP_RUNS }, () => input), computeMonthStatement, memory);
    collectGarbage();
    memory.reset();
    const samples = timeEachSync(Array.from({ length: TIMED_RUNS }, () => input), computeMonthStatement, memory);
    rows.push(timingRow(`${planId}, ${ENTRIES} entries, ${statement.lines.length} lines`, summarize(samples), memory.reading()));
  }

  printTable(`Month statement (computeMonthStatement, ${MONTH})`, TIMING_HEADER, rows);
}

main();
