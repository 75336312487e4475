import assert from 'node:assert/strict';

import { computeStatementSequence, nextMonth } from '../../../src/domain/hours/index.js';
import { loadCatalog } from './catalogFixture.js';

const catalog = loadCatalog();

describe('computeStatementSequence', () => {
  it('carries rollover across the year end', () => {
    const statements = computeStatementSequence({
      catalog,
      planId: 'professional',
      months: [
        { month: '2026-12', entries: [{ type: 'support', minutes: 1500 }], approvals: [] },
        { month: '2027-01', entries: [], approvals: [] },
      ],
    });

    assert.equal(statements[0]?.rolloverOutMinutes, 300);
    assert.equal(statements[1]?.rolloverInMinutes, 300);
    assert.equal(statements[1]?.rolledLotExpiredMinutes, 300);
    assert.equal(statements[1]?.availableMinutes, 2100);
  });

  it('starts from an initial rolled lot', () => {
    const statements = computeStatementSequence({
      catalog,
      planId: 'starter',
      initialRolloverInMinutes: 120,
      months: [{ month: '2026-11', entries: [{ type: 'support', minutes: 60 }], approvals: [] }],
    });

    assert.equal(statements[0]?.rolledLotUsedMinutes, 60);
    assert.equal(statements[0]?.rolledLotExpiredMinutes, 60);
  });

  it('rejects a skipped month', () => {
    assert.throws(
      () =>
        computeStatementSequence({
          catalog,
          planId: 'starter',
          months: [
            { month: '2026-10', entries: [], approvals: [] },
            { month: '2026-12', entries: [], approvals: [] },
          ],
        }),
      /Month 2026-12 does not follow the previous month in the sequence; expected 2026-11/,
    );
  });

  it('returns no statements for no months', () => {
    assert.deepEqual(computeStatementSequence({ catalog, planId: 'gold', months: [] }), []);
  });
});

describe('nextMonth', () => {
  it('moves December to January', () => {
    assert.equal(nextMonth('2026-12'), '2027-01');
  });

  it('moves September to October', () => {
    assert.equal(nextMonth('2026-09'), '2026-10');
  });
});
