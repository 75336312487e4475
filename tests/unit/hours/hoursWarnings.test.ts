import assert from 'node:assert/strict';

import { crossedHoursThresholds } from '../../../src/domain/hours/index.js';

describe('crossedHoursThresholds', () => {
  it('reports 80 % when usage passes it', () => {
    assert.deepEqual(crossedHoursThresholds({ availableMinutes: 480, previousUsedMinutes: 330, currentUsedMinutes: 390 }), [80]);
  });

  it('reports 80 % at exactly 80 %', () => {
    assert.deepEqual(crossedHoursThresholds({ availableMinutes: 480, previousUsedMinutes: 375, currentUsedMinutes: 384 }), [80]);
  });

  it('reports both when one entry passes both', () => {
    assert.deepEqual(
      crossedHoursThresholds({ availableMinutes: 480, previousUsedMinutes: 300, currentUsedMinutes: 540 }),
      [80, 100],
    );
  });

  it('reports 100 % at exactly 100 %', () => {
    assert.deepEqual(crossedHoursThresholds({ availableMinutes: 480, previousUsedMinutes: 420, currentUsedMinutes: 480 }), [100]);
  });

  it('reports nothing between thresholds', () => {
    assert.deepEqual(crossedHoursThresholds({ availableMinutes: 480, previousUsedMinutes: 390, currentUsedMinutes: 420 }), []);
  });

  it('reports nothing past 100 % again', () => {
    assert.deepEqual(crossedHoursThresholds({ availableMinutes: 480, previousUsedMinutes: 480, currentUsedMinutes: 540 }), []);
  });

  it('reports nothing when usage falls', () => {
    assert.deepEqual(crossedHoursThresholds({ availableMinutes: 480, previousUsedMinutes: 540, currentUsedMinutes: 300 }), []);
  });

  it('counts the rolled lot as available', () => {
    assert.deepEqual(crossedHoursThresholds({ availableMinutes: 2100, previousUsedMinutes: 1620, currentUsedMinutes: 1800 }), [80]);
  });

  it('reports both at the first minute of an empty pool', () => {
    assert.deepEqual(crossedHoursThresholds({ availableMinutes: 0, previousUsedMinutes: 0, currentUsedMinutes: 15 }), [80, 100]);
  });

  it('uses custom thresholds in ascending order', () => {
    assert.deepEqual(
      crossedHoursThresholds({ availableMinutes: 100, previousUsedMinutes: 0, currentUsedMinutes: 60 }, [50, 25]),
      [25, 50],
    );
  });

  it('rejects negative usage', () => {
    assert.throws(
      () => crossedHoursThresholds({ availableMinutes: 480, previousUsedMinutes: -15, currentUsedMinutes: 0 }),
      /previousUsedMinutes -15/,
    );
  });

  it('rejects a zero threshold', () => {
    assert.throws(
      () => crossedHoursThresholds({ availableMinutes: 480, previousUsedMinutes: 0, currentUsedMinutes: 15 }, [0]),
      /threshold 0 %/,
    );
  });
});
