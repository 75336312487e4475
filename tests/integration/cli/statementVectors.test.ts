import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { DateTime } from 'luxon';

import { uniqueTablePrefix } from '../../support/azurite.js';
import { deskEnvironment, runDesk } from '../hours/deskCli.js';
import { HOURS_CSV_ROWS } from '../../../src/cli/csvStatement.js';
import { repoRoot } from '../hours/hoursHarness.js';

/** A month of a statement vector: entries grouped by type, emergencies, approvals and the expected fields. */
interface VectorMonth {
  entries?: { type: string; minutes: number[] }[];
  emergencies?: { minutes: number[] }[];
  approvals?: { minutes: number; decision: string }[];
  expect: Record<string, number>;
}

interface VectorCase extends Partial<VectorMonth> {
  id: string;
  plan: string;
  month?: string;
  months?: Record<string, VectorMonth>;
}

const sharedVectorsPath = path.resolve(repoRoot, '..', 'shared', 'vectors', 'statements.json');
const vectorsPath = existsSync(sharedVectorsPath)
  ? sharedVectorsPath
  : path.join(repoRoot, 'tests', 'unit', 'hours', 'statements.vectors.json');
const vectorCases = (JSON.parse(readFileSync(vectorsPath, 'utf8')) as { cases: VectorCase[] }).cases;

/** Returns the case's months in order, a single-month case as one month. */
function monthsOf(vectorCase: VectorCase): [string, VectorMonth][] {
  if (vectorCase.months) {
    return Object.entries(vectorCase.months).sort(([left], [right]) => left.localeCompare(right));
  }
  assert.ok(vectorCase.month, `vector ${vectorCase.id} has neither "months" nor "month"`);
  assert.ok(vectorCase.expect, `vector ${vectorCase.id} has no "expect"`);
  return [[vectorCase.month, vectorCase as VectorMonth]];
}

/**
 * Builds the import document of a vector case. The customer has the case's plan and a contract from the
 * first month on. Each recorded minute value becomes one entry, on consecutive days at 10:00 Berlin time.
 * Each emergency gets a request number of its own, and each approval is decided on the 20th.
 */
function importDocumentFor(vectorCase: VectorCase): object {
  const months = monthsOf(vectorCase);
  const customerId = vectorCase.id;
  const timeEntries: object[] = [];
  const overageApprovals: object[] = [];
  let requestNumber = 0;

  for (const [month, vectorMonth] of months) {
    let day = 2;
    const nextStart = () => {
      const start = DateTime.fromISO(`${month}-${String(day).padStart(2, '0')}T10:00:00`, { zone: 'Europe/Berlin' });
      day += 1;
      return start.toISO();
    };

    for (const group of vectorMonth.entries ?? []) {
      for (const minutes of group.minutes) {
        timeEntries.push({ customerId, type: group.type, start: nextStart(), minutes, note: `Vektor ${vectorCase.id}` });
      }
    }
    for (const emergency of vectorMonth.emergencies ?? []) {
      requestNumber += 1;
      const request = `HD-${month.slice(0, 4)}-${String(requestNumber).padStart(4, '0')}`;
      for (const minutes of emergency.minutes) {
        timeEntries.push({ customerId, type: 'emergency', start: nextStart(), minutes, request });
      }
    }
    for (const approval of vectorMonth.approvals ?? []) {
      const decided = approval.decision === 'pending' ? {} : { decidedBy: 'Jana Becker', decidedAt: `${month}-20T10:00:00+01:00` };
      overageApprovals.push({ customerId, month, minutes: approval.minutes, decision: approval.decision, ...decided });
    }
  }

  const customers = [
    { id: customerId, name: `Vektor ${vectorCase.id}`, plan: vectorCase.plan, tenantId: randomUUID(), contractStart: `${months[0]?.[0]}-01` },
  ];
  return { customers, timeEntries, overageApprovals };
}

/** Parses an amount with decimal comma, e.g. "1128,00", to euro cents. */
function parseEuroCents(text: string): number {
  assert.match(text, /^\d+,\d{2}$/, `amount "${text}" has a decimal comma and two decimals`);
  return Number(text.replace(',', ''));
}

describe('desk statement with imported vectors', function () {
  this.timeout(180_000);

  let env: NodeJS.ProcessEnv;
  let csvEnv: NodeJS.ProcessEnv;
  let folder: string;

  before(() => {
    env = deskEnvironment(uniqueTablePrefix('stmtvec'));
    // The CSV tests import the same customers with other tenant ids, so they use tables of their own.
    csvEnv = deskEnvironment(uniqueTablePrefix('stmtcsv'));
    folder = mkdtempSync(path.join(tmpdir(), 'desk-statement-vectors-'));
  });

  after(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  for (const vectorCase of vectorCases) {
    it(`${vectorCase.id} matches after import, twice`, async () => {
      const file = path.join(folder, `${vectorCase.id}.json`);
      writeFileSync(file, JSON.stringify(importDocumentFor(vectorCase), null, 2));
      const months = monthsOf(vectorCase);

      const statementsOf = () =>
        Promise.all(months.map(([month]) => runDesk(['statement', '--customer', vectorCase.id, '--month', month], env)));

      const firstImport = await runDesk(['import', '--file', file], env);
      assert.equal(firstImport.status, 0, firstImport.stderr);
      const firstRuns = await statementsOf();

      for (const [index, [month, vectorMonth]] of months.entries()) {
        const run = firstRuns[index];
        assert.equal(run?.status, 0, run?.stderr);
        const statement = JSON.parse(run?.stdout ?? '') as Record<string, unknown> & { lines: { amountCents: number }[] };

        assert.equal(statement.customerId, vectorCase.id);
        assert.equal(statement.month, month);
        for (const [field, expected] of Object.entries(vectorMonth.expect)) {
          assert.equal(statement[field], expected, `${vectorCase.id} ${month} ${field}`);
        }
        const linesTotal = statement.lines.reduce((sum, line) => sum + line.amountCents, 0);
        assert.equal(linesTotal, statement.netCents, `${vectorCase.id} ${month} lines add up to netCents`);
      }

      const secondImport = await runDesk(['import', '--file', file], env);
      assert.equal(secondImport.status, 0, secondImport.stderr);
      const summary = JSON.parse(secondImport.stdout) as Record<string, Record<string, number>>;
      assert.equal(summary.customers?.created, 0);
      assert.equal(summary.timeEntries?.created, 0);
      assert.equal(summary.overageApprovals?.created, 0);

      const secondRuns = await statementsOf();
      for (const [index, [month]] of months.entries()) {
        assert.deepEqual(
          JSON.parse(secondRuns[index]?.stdout ?? ''),
          JSON.parse(firstRuns[index]?.stdout ?? ''),
          `${vectorCase.id} ${month} after the second import`,
        );
      }
    });
  }

  for (const caseId of ['gold-overage-approved', 'gold-overage-unapproved', 'gold-emergencies', 'bronze-project-work']) {
    it(`${caseId} CSV parses back to the same cents`, async () => {
      const vectorCase = vectorCases.find((candidate) => candidate.id === caseId);
      assert.ok(vectorCase, `vector ${caseId} exists`);
      const file = path.join(folder, `${caseId}-csv.json`);
      writeFileSync(file, JSON.stringify(importDocumentFor(vectorCase)));
      assert.equal((await runDesk(['import', '--file', file], csvEnv)).status, 0);
      const month = monthsOf(vectorCase)[0]?.[0] ?? '';

      const [jsonRun, csvRun] = await Promise.all([
        runDesk(['statement', '--customer', caseId, '--month', month], csvEnv),
        runDesk(['statement', '--customer', caseId, '--month', month, '--format', 'csv'], csvEnv),
      ]);
      assert.equal(csvRun.status, 0, csvRun.stderr);
      const statement = JSON.parse(jsonRun.stdout) as Record<string, number> & {
        netCents: number;
        vatCents: number;
        grossCents: number;
        usedByType: Record<string, number>;
        lines: { quantity: number; unitPriceCents: number; amountCents: number; reference?: string }[];
      };

      assert.ok(csvRun.stdout.startsWith('\uFEFF'), 'CSV starts with the UTF-8 byte order mark');
      const rows = csvRun.stdout.slice(1).trimEnd().split('\n').map((line) => line.split(';'));
      const [header, ...body] = rows;
      assert.deepEqual(header, ['Kunde', 'Monat', 'Position', 'Referenz', 'Menge', 'Einheit', 'Einzelpreis EUR', 'Preis je', 'Betrag EUR']);
      const hoursRowCount = HOURS_CSV_ROWS.length + 4;
      assert.equal(
        body.length,
        statement.lines.length + 3 + hoursRowCount + 8,
        'one row per line, net, VAT and gross, the hours rows, then 7 SLA rows and the bonus calls row',
      );

      statement.lines.forEach((line, index) => {
        const row = body[index] ?? [];
        assert.equal(row[0], caseId);
        assert.equal(row[1], month);
        assert.equal(row[3], line.reference ?? '');
        assert.equal(Number(row[4]), line.quantity, `line ${index} quantity`);
        assert.equal(parseEuroCents(row[6] ?? ''), line.unitPriceCents, `line ${index} unit price`);
        assert.equal(parseEuroCents(row[8] ?? ''), line.amountCents, `line ${index} amount`);
      });

      const totals = body.slice(statement.lines.length, statement.lines.length + 3);
      assert.deepEqual(
        totals.map((row) => row[2]),
        ['Summe netto', 'Umsatzsteuer 19 %', 'Summe brutto'],
      );
      assert.equal(parseEuroCents(totals[0]?.[8] ?? ''), statement.netCents);
      assert.equal(parseEuroCents(totals[1]?.[8] ?? ''), statement.vatCents);
      assert.equal(parseEuroCents(totals[2]?.[8] ?? ''), statement.grossCents);

      // The hours rows carry the statement's minutes, so the CSV shows included, used and unapproved hours too.
      const hours = new Map(body.slice(statement.lines.length + 3, statement.lines.length + 3 + hoursRowCount).map((row) => [row[2], row]));
      for (const [field, label] of HOURS_CSV_ROWS) {
        assert.equal(Number(hours.get(label)?.[4]), statement[field], `${label} minutes`);
        assert.equal(hours.get(label)?.[5], 'Minuten (15-Minuten-Takt)');
        assert.equal(hours.get(label)?.[8], '');
      }
      assert.equal(Number(hours.get('Verbraucht: Support')?.[4]), statement.usedByType.support);
      assert.equal(Number(hours.get('Verbraucht: Projektarbeit')?.[4]), statement.usedByType.project);
      assert.equal(Number(hours.get('Verbraucht: Notfall')?.[4]), statement.usedByType.emergency);
      assert.equal(Number(hours.get('Verbraucht: Vor Ort')?.[4]), statement.usedByType['on-site']);
      assert.equal(Number(hours.get('Verbraucht gesamt')?.[4]), statement.billableMinutes);
      assert.equal(Number(hours.get('davon aus dem Kontingent')?.[4]), statement.includedUsedMinutes);
      assert.equal(Number(hours.get('Mehrstunden')?.[4]), statement.overageMinutes);
    });
  }
});
