import assert from 'node:assert/strict';

import {
  formatDuration,
  formatEuro,
  formatInstant,
  formatInteger,
  formatList,
  formatMonth,
  formatTimeLeft,
} from '../../../src/i18n/format.js';

const ZONE = 'Europe/Berlin';
const NBSP = '\u00a0';

describe('formatInstant', () => {
  it('formats a winter instant in German', () => {
    assert.equal(formatInstant('2026-12-07T11:00:00+01:00', 'de', ZONE), 'Montag, 07.12.2026, 11:00 Uhr');
  });

  it('formats a winter instant in English', () => {
    assert.equal(formatInstant('2026-12-07T11:00:00+01:00', 'en', ZONE), 'Monday, 7 December 2026, 11:00');
  });

  it('converts a UTC instant to Berlin time', () => {
    assert.equal(formatInstant('2026-12-07T10:00:00Z', 'de', ZONE), 'Montag, 07.12.2026, 11:00 Uhr');
  });

  it('uses summer time before the October switch', () => {
    assert.equal(formatInstant('2026-10-24T10:00:00Z', 'de', ZONE), 'Samstag, 24.10.2026, 12:00 Uhr');
  });

  it('uses winter time after the October switch', () => {
    assert.equal(formatInstant('2026-10-26T10:00:00Z', 'de', ZONE), 'Montag, 26.10.2026, 11:00 Uhr');
  });

  it('shows the repeated hour twice on 2026-10-25', () => {
    // 00:30Z is 02:30 CEST and 01:30Z is 02:30 CET: the clock goes back from 03:00 to 02:00.
    assert.equal(formatInstant('2026-10-25T00:30:00Z', 'de', ZONE), 'Sonntag, 25.10.2026, 02:30 Uhr');
    assert.equal(formatInstant('2026-10-25T01:30:00Z', 'de', ZONE), 'Sonntag, 25.10.2026, 02:30 Uhr');
  });

  it('shows the hour after the October switch in English', () => {
    assert.equal(formatInstant('2026-10-25T02:00:00Z', 'en', ZONE), 'Sunday, 25 October 2026, 03:00');
  });

  it('skips the missing hour on 2026-03-29', () => {
    assert.equal(formatInstant('2026-03-29T00:59:00Z', 'de', ZONE), 'Sonntag, 29.03.2026, 01:59 Uhr');
    assert.equal(formatInstant('2026-03-29T01:00:00Z', 'de', ZONE), 'Sonntag, 29.03.2026, 03:00 Uhr');
  });

  it('formats in another configured zone', () => {
    assert.equal(formatInstant('2026-12-07T10:00:00Z', 'en', 'Europe/London'), 'Monday, 7 December 2026, 10:00');
  });

  it('rejects an unknown zone', () => {
    assert.throws(() => formatInstant('2026-12-07T10:00:00Z', 'de', 'Europe/Atlantis'), RangeError);
  });

  it('rejects an invalid instant', () => {
    assert.throws(() => formatInstant('07.12.2026 11:00', 'de', ZONE), /07\.12\.2026 11:00/);
  });
});

describe('formatDuration', () => {
  const cases: [number, string, string][] = [
    [90, '1 Std. 30 Min.', '1 h 30 min'],
    [45, '45 Min.', '45 min'],
    [120, '2 Std.', '2 h'],
    [60, '1 Std.', '1 h'],
    [1, '1 Min.', '1 min'],
    [0, '0 Min.', '0 min'],
    [3000, '50 Std.', '50 h'],
    [61, '1 Std. 1 Min.', '1 h 1 min'],
  ];

  for (const [minutes, german, english] of cases) {
    it(`formats ${minutes} minutes`, () => {
      assert.equal(formatDuration(minutes, 'de'), german);
      assert.equal(formatDuration(minutes, 'en'), english);
    });
  }

  it('rejects negative minutes', () => {
    assert.throws(() => formatDuration(-5, 'de'), /-5/);
  });

  it('rejects fractional minutes', () => {
    assert.throws(() => formatDuration(7.5, 'de'), /7\.5/);
  });
});

describe('formatTimeLeft', () => {
  it('states the time left in German', () => {
    assert.equal(formatTimeLeft(45, 'de'), 'noch 45 Min.');
  });

  it('states the time left in English', () => {
    assert.equal(formatTimeLeft(45, 'en'), '45 min left');
  });

  it('states an overdue deadline in German', () => {
    assert.equal(formatTimeLeft(-20, 'de'), 'seit 20 Min. überfällig');
  });

  it('states an overdue deadline in English', () => {
    assert.equal(formatTimeLeft(-20, 'en'), 'overdue by 20 min');
  });

  it('states hours overdue', () => {
    assert.equal(formatTimeLeft(-90, 'de'), 'seit 1 Std. 30 Min. überfällig');
  });

  it('states a deadline due now', () => {
    assert.equal(formatTimeLeft(0, 'de'), 'jetzt fällig');
    assert.equal(formatTimeLeft(0, 'en'), 'due now');
  });

  it('rejects fractional minutes', () => {
    assert.throws(() => formatTimeLeft(0.5, 'en'), RangeError);
  });
});

describe('formatEuro', () => {
  it('formats 29900 cents in German', () => {
    assert.equal(formatEuro(29900, 'de'), `299,00${NBSP}€`);
  });

  it('formats 29900 cents in English', () => {
    assert.equal(formatEuro(29900, 'en'), '€299.00');
  });

  it('formats 112800 cents with digit grouping', () => {
    assert.equal(formatEuro(112800, 'de'), `1.128,00${NBSP}€`);
    assert.equal(formatEuro(112800, 'en'), '€1,128.00');
  });

  it('keeps single cents', () => {
    assert.equal(formatEuro(19, 'de'), `0,19${NBSP}€`);
  });

  it('rejects fractional cents', () => {
    assert.throws(() => formatEuro(299.5, 'de'), /299\.5/);
  });
});

describe('formatInteger and formatList', () => {
  it('groups thousands per language', () => {
    assert.equal(formatInteger(2000, 'de'), '2.000');
    assert.equal(formatInteger(2000, 'en'), '2,000');
  });

  it('joins a list with the language conjunction', () => {
    assert.equal(formatList(['Telefon', 'WhatsApp', 'Microsoft Teams'], 'de'), 'Telefon, WhatsApp und Microsoft Teams');
    assert.equal(formatList(['phone', 'WhatsApp'], 'en'), 'phone and WhatsApp');
  });
});

describe('formatMonth', () => {
  it('month shows name and year', () => {
    assert.equal(formatMonth('2026-12', 'de'), 'Dezember 2026');
    assert.equal(formatMonth('2026-12', 'en'), 'December 2026');
    assert.equal(formatMonth('2027-03', 'de'), 'März 2027');
  });

  it('invalid month is rejected', () => {
    assert.throws(() => formatMonth('2026-13', 'de'), /formatMonth: "2026-13" is not a month "yyyy-MM"/);
    assert.throws(() => formatMonth('12/2026', 'en'), /"12\/2026" is not a month/);
  });
});
