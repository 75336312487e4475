import assert from 'node:assert/strict';

import { parseBookableHours } from '../../../src/calendar/bookableHoursSetting.js';
import { loadCalendarConfig } from '../../../src/config.js';

describe('parseBookableHours', () => {
  it('reads the default setting', () => {
    assert.deepEqual(parseBookableHours('1-5 09:00-17:00'), { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' });
  });

  it('reads lists and ranges of weekdays', () => {
    assert.deepEqual(parseBookableHours('1-3,5 08:30-12:00').days, [1, 2, 3, 5]);
  });

  it('rejects a backwards range', () => {
    assert.throws(() => parseBookableHours('5-1 09:00-17:00'), /Invalid bookable hours "5-1 09:00-17:00": the weekday range "5-1" runs backwards/);
  });

  it('rejects a window ending before its start', () => {
    assert.throws(() => parseBookableHours('1-5 17:00-09:00'), /Invalid bookable hours "1-5 17:00-09:00".*end must be later/);
  });

  it('rejects a repeated weekday', () => {
    assert.throws(() => parseBookableHours('1-5,3 09:00-17:00'), /listed twice/);
  });

  it('rejects another format', () => {
    assert.throws(() => parseBookableHours('Mo-Fr 9-17'), /expected weekdays and a local time window such as "1-5 09:00-17:00"/);
  });
});

describe('loadCalendarConfig', () => {
  it('selects the local calendar without Graph settings', () => {
    const config = loadCalendarConfig({});

    assert.equal(config.graph, undefined);
    assert.deepEqual(config.bookableHours, { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' });
    assert.equal(config.minimumNoticeMinutes, 120);
    assert.equal(config.bufferMinutes, 15);
  });

  it('reads the client secret settings', () => {
    const config = loadCalendarConfig({
      GRAPH_TENANT_ID: '2f1c9d3e-7a4b-4c6d-9e8f-1a2b3c4d5e6f',
      GRAPH_CLIENT_ID: '8e7d6c5b-4a39-4281-9f0e-d1c2b3a49586',
      SECRET_GRAPH_CLIENT_SECRET: 'secret',
      GRAPH_MAILBOX: 'berater@contoso-beratung.de',
    });

    assert.deepEqual(config.graph, {
      mailbox: 'berater@contoso-beratung.de',
      tenantId: '2f1c9d3e-7a4b-4c6d-9e8f-1a2b3c4d5e6f',
      clientId: '8e7d6c5b-4a39-4281-9f0e-d1c2b3a49586',
      clientSecret: 'secret',
    });
  });

  it('mailbox alone means a managed identity', () => {
    assert.deepEqual(loadCalendarConfig({ GRAPH_MAILBOX: 'berater@contoso-beratung.de' }).graph, {
      mailbox: 'berater@contoso-beratung.de',
      tenantId: undefined,
      clientId: undefined,
      clientSecret: undefined,
    });
  });

  it('partial Graph settings name every missing variable', () => {
    assert.throws(
      () => loadCalendarConfig({ SECRET_GRAPH_CLIENT_SECRET: 'secret' }),
      (error: Error) =>
        /GRAPH_MAILBOX: is required/.test(error.message) &&
        /GRAPH_TENANT_ID: is required/.test(error.message) &&
        /GRAPH_CLIENT_ID: is required/.test(error.message),
    );
  });

  it('invalid booking settings are listed together', () => {
    assert.throws(
      () => loadCalendarConfig({ DESK_BOOKABLE_HOURS: '1-5 18:00-09:00', DESK_BOOKING_BUFFER_MINUTES: '-5' }),
      (error: Error) => /DESK_BOOKABLE_HOURS/.test(error.message) && /DESK_BOOKING_BUFFER_MINUTES/.test(error.message),
    );
  });
});
