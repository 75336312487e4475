import assert from 'node:assert/strict';

import { divideRoundHalfUp, priceForMinutes, roundUpToIncrement, vatCentsOf } from '../../../src/domain/hours/index.js';

describe('roundUpToIncrement', () => {
  it('rounds 7 minutes up to 15', () => {
    assert.equal(roundUpToIncrement(7, 15), 15);
  });

  it('keeps 15 minutes at 15', () => {
    assert.equal(roundUpToIncrement(15, 15), 15);
  });

  it('rounds 16 minutes up to 30', () => {
    assert.equal(roundUpToIncrement(16, 15), 30);
  });

  it('keeps 0 minutes at 0', () => {
    assert.equal(roundUpToIncrement(0, 15), 0);
  });

  it('uses a configured 10-minute increment', () => {
    assert.equal(roundUpToIncrement(11, 10), 20);
  });

  it('rejects negative minutes', () => {
    assert.throws(() => roundUpToIncrement(-5, 15), /-5 minutes/);
  });

  it('rejects fractional minutes', () => {
    assert.throws(() => roundUpToIncrement(7.5, 15), /7\.5 minutes/);
  });

  it('rejects a zero increment', () => {
    assert.throws(() => roundUpToIncrement(7, 0), /billing increment 0/);
  });
});

describe('money rounding', () => {
  it('rounds a half cent up', () => {
    assert.equal(divideRoundHalfUp(5, 2), 3);
  });

  it('rounds below a half cent down', () => {
    assert.equal(divideRoundHalfUp(149, 100), 1);
  });

  it('prices 1 minute at 90 cents per hour as 2 cents', () => {
    assert.equal(priceForMinutes(1, 90), 2);
  });

  it('prices 1 minute at 149 euros per hour as 248 cents', () => {
    assert.equal(priceForMinutes(1, 14900), 248);
  });

  it('prices 2 minutes at 149 euros per hour as 497 cents', () => {
    assert.equal(priceForMinutes(2, 14900), 497);
  });

  it('rounds VAT of 9.5 cents up to 10', () => {
    assert.equal(vatCentsOf(50, 19), 10);
  });

  it('rounds VAT of 9.31 cents down to 9', () => {
    assert.equal(vatCentsOf(49, 19), 9);
  });

  it('computes VAT at a rate with decimals', () => {
    assert.equal(vatCentsOf(1000, 7.5), 75);
  });

  it('rejects a VAT rate with three decimals', () => {
    assert.throws(() => vatCentsOf(1000, 19.125), /19\.125/);
  });

  it('rejects a negative numerator', () => {
    assert.throws(() => divideRoundHalfUp(-1, 2), /numerator -1/);
  });
});
