import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { PlanId } from '../../../src/domain/catalog.js';
import {
  computeMonthStatement,
  computeStatementSequence,
  type MonthStatement,
  type OverageApproval,
  type TimeEntry,
} from '../../../src/domain/hours/index.js';
import { loadCatalog, repoRoot } from './catalogFixture.js';

/** Entries of one time type as the vectors write them: a list of recorded minutes. */
interface VectorEntryGroup {
  type: TimeEntry['type'];
  minutes: number[];
}

interface VectorMonth {
  entries?: VectorEntryGroup[];
  emergencies?: { minutes: number[] }[];
  approvals?: OverageApproval[];
  expect: Record<string, number>;
}

interface VectorCase extends Partial<VectorMonth> {
  id: string;
  plan: PlanId;
  month?: string;
  months?: Record<string, VectorMonth>;
}

const vectorsPath = path.join(repoRoot, 'tests', 'unit', 'hours', 'statements.vectors.json');
const sharedVectorsPath = path.resolve(repoRoot, '..', 'shared', 'vectors', 'statements.json');
const vectorCases = (JSON.parse(readFileSync(vectorsPath, 'utf8')) as { cases: VectorCase[] }).cases;
const catalog = loadCatalog();

/** Turns a vector month into time entries, giving the emergencies the ids "E1", "E2" and so on. */
function toEntries(vectorMonth: Partial<VectorMonth>): TimeEntry[] {
  const entries: TimeEntry[] = [];
  for (const group of vectorMonth.entries ?? []) {
    for (const minutes of group.minutes) {
      entries.push({ type: group.type, minutes });
    }
  }

  (vectorMonth.emergencies ?? []).forEach((emergency, index) => {
    for (const minutes of emergency.minutes) {
      entries.push({ type: 'emergency', minutes, emergencyId: `E${index + 1}` });
    }
  });

  return entries;
}

function assertExpected(statement: MonthStatement, expected: Record<string, number>): void {
  for (const [field, value] of Object.entries(expected)) {
    assert.ok(field in statement, `statement has no field ${field}`);
    assert.equal(statement[field as keyof MonthStatement], value, `${statement.month} ${field}`);
  }

  const linesTotal = statement.lines.reduce((sum, line) => sum + line.amountCents, 0);
  assert.equal(linesTotal, statement.netCents, `${statement.month} lines add up to netCents`);
}

describe('statement vectors', () => {
  it('copy matches the shared vectors', function () {
    if (!existsSync(sharedVectorsPath)) {
      this.skip();
    }

    assert.deepEqual(
      JSON.parse(readFileSync(vectorsPath, 'utf8')),
      JSON.parse(readFileSync(sharedVectorsPath, 'utf8')),
      `${vectorsPath} is out of date; copy ${sharedVectorsPath} over it`,
    );
  });

  for (const vectorCase of vectorCases) {
    it(vectorCase.id, () => {
      if (vectorCase.months) {
        const monthKeys = Object.keys(vectorCase.months).sort();
        const statements = computeStatementSequence({
          catalog,
          planId: vectorCase.plan,
          months: monthKeys.map((month) => ({
            month,
            entries: toEntries(vectorCase.months?.[month] ?? {}),
            approvals: vectorCase.months?.[month]?.approvals ?? [],
          })),
        });

        monthKeys.forEach((month, index) => {
          const statement = statements[index];
          assert.ok(statement, `no statement for ${month}`);
          assertExpected(statement, vectorCase.months?.[month]?.expect ?? {});
        });
        return;
      }

      assert.ok(vectorCase.month, `vector ${vectorCase.id} has neither "months" nor "month"`);
      assert.ok(vectorCase.expect, `vector ${vectorCase.id} has no "expect"`);

      const statement = computeMonthStatement({
        catalog,
        planId: vectorCase.plan,
        month: vectorCase.month,
        entries: toEntries(vectorCase),
        approvals: vectorCase.approvals ?? [],
        rolloverInMinutes: 0,
      });
      assertExpected(statement, vectorCase.expect);
    });
  }
});
