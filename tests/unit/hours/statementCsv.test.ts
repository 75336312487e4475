import assert from 'node:assert/strict';

import { statementToCsv } from '../../../src/cli/csvStatement.js';
import { computeMonthStatement } from '../../../src/domain/hours/index.js';
import type { CustomerMonthStatement } from '../../../src/services/statementService.js';
import { loadCatalog } from './catalogFixture.js';

/** Fabrikam on Gold (8 hours included) in December 2026: 540 support minutes and 90 approved overage minutes. */
function fabrikamDecember(): CustomerMonthStatement {
  const statement = computeMonthStatement({
    catalog: loadCatalog(),
    planId: 'gold',
    month: '2026-12',
    entries: [{ type: 'support', minutes: 540 }],
    rolloverInMinutes: 0,
    approvals: [{ minutes: 90, decision: 'approved' }],
  });
  return { customerId: 'fabrikam', ...statement };
}

/** Parses the CSV into rows of fields, keyed by the "Position" column. */
function rowsByLabel(csv: string): Map<string, string[]> {
  const lines = csv.slice(1).trimEnd().split('\n');
  return new Map(lines.map((line) => line.split(';')).map((fields) => [fields[2] ?? '', fields]));
}

describe('statement CSV labels', () => {
  it('used hours split into total, included and overage', () => {
    const rows = rowsByLabel(statementToCsv(fabrikamDecember(), 19));

    assert.equal(rows.get('Verbraucht gesamt')?.[4], '540');
    assert.equal(rows.get('davon aus dem Kontingent')?.[4], '480');
    assert.equal(rows.get('Mehrstunden')?.[4], '60');
    assert.equal(rows.get('Mehrstunden freigegeben')?.[4], '90');
    assert.equal(rows.get('Mehrstunden berechnet')?.[4], '60');
    assert.equal(rows.get('Inklusive im Monat verbraucht')?.[4], '480');
    assert.equal(rows.has('Monatskontingent verbraucht'), false);
  });

  it('SLA rows start with the total', () => {
    const statement: CustomerMonthStatement = {
      ...fabrikamDecember(),
      slaCompliance: {
        month: '2026-12',
        requestCount: 2,
        decidedCount: 1,
        metCount: 1,
        missedCount: 0,
        pendingCount: 1,
        metPercent: 100,
        callbackCount: 1,
        medianCallbackMinutes: 25,
      },
    };

    const lines = statementToCsv(statement, 19).slice(1).trimEnd().split('\n');
    const slaLines = lines.slice(lines.findIndex((line) => line.includes(';Anfragen mit Rückruffrist im Monat;')));

    assert.deepEqual(slaLines, [
      'fabrikam;2026-12;Anfragen mit Rückruffrist im Monat;;2;Anfragen;;;',
      'fabrikam;2026-12;davon entschieden (rechtzeitig oder verspätet);;1;Anfragen;;;',
      'fabrikam;2026-12;davon rechtzeitig;;1;Anfragen;;;',
      'fabrikam;2026-12;davon verspätet;;0;Anfragen;;;',
      'fabrikam;2026-12;davon offen, Frist läuft noch;;1;Anfragen;;;',
      'fabrikam;2026-12;Anteil rechtzeitig an den entschiedenen;;100;%;;;',
      'fabrikam;2026-12;Rückrufzeit (Median);;25;Minuten;;;',
    ]);
  });

  it('CSV ends with a line break', () => {
    assert.ok(statementToCsv(fabrikamDecember(), 19).endsWith(';\n'));
  });
});
