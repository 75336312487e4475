import assert from 'node:assert/strict';
import { formatRequestNumber, isRequestNumber } from '../../../src/domain/requestNumber.js';

describe('request number', () => {
  it('pads the sequence to four digits', () => {
    assert.equal(formatRequestNumber(2026, 1), 'HD-2026-0001');
    assert.equal(formatRequestNumber(2026, 417), 'HD-2026-0417');
  });

  it('grows past 9999 instead of wrapping', () => {
    assert.equal(formatRequestNumber(2027, 10000), 'HD-2027-10000');
  });

  it('rejects a zero or fractional sequence', () => {
    assert.throws(() => formatRequestNumber(2026, 0), /positive integer, got 0/);
    assert.throws(() => formatRequestNumber(2026, 1.5), /positive integer, got 1.5/);
  });

  it('recognises only well-formed numbers', () => {
    assert.equal(isRequestNumber('HD-2026-0001'), true);
    assert.equal(isRequestNumber('HD-2026-1'), false);
    assert.equal(isRequestNumber("HD-2026-0001' or 1 eq 1"), false);
    assert.equal(isRequestNumber(42), false);
  });
});
