import assert from 'node:assert/strict';

import { loadConfig } from '../../../src/config.js';

/** The variables loadConfig requires, with valid values. */
const REQUIRED = {
  CONSULTANT_TENANT_ID: '1d0c9b8a-7f6e-4d5c-9b4a-3f2e1d0c9b00',
  CONSULTANT_AAD_OBJECT_ID: '5f7b9d13-6a8c-4ea4-9fc0-3b4c5d6e7f51',
};

describe('DESK_SLA_WATCH_INTERVAL_SECONDS', () => {
  it('defaults to 30 seconds', () => {
    assert.equal(loadConfig(REQUIRED).slaWatchIntervalSeconds, 30);
  });

  it('0 turns the timer off', () => {
    assert.equal(loadConfig({ ...REQUIRED, DESK_SLA_WATCH_INTERVAL_SECONDS: '0' }).slaWatchIntervalSeconds, 0);
  });

  it('accepts the late threshold of 300 seconds', () => {
    assert.equal(loadConfig({ ...REQUIRED, DESK_SLA_WATCH_INTERVAL_SECONDS: '300' }).slaWatchIntervalSeconds, 300);
  });

  for (const value of ['301', '-1', '2.5', 'often']) {
    it(`rejects "${value}"`, () => {
      assert.throws(
        () => loadConfig({ ...REQUIRED, DESK_SLA_WATCH_INTERVAL_SECONDS: value }),
        /DESK_SLA_WATCH_INTERVAL_SECONDS: /,
      );
    });
  }
});
