import assert from 'node:assert/strict';

import {
  absenceIntervals,
  activeAbsence,
  createAbsenceDraft,
  InvalidAbsenceError,
  MAX_ABSENCE_NOTE_LENGTH,
  resolveAbsenceBound,
  validateAbsence,
  type Absence,
} from '../../../src/domain/absence.js';

const BERLIN = 'Europe/Berlin';
const HOUR_MS = 3_600_000;

/** Christmas vacation 2026-12-21 to 2027-01-03 as whole days, with a substitute. */
const christmas: Absence = {
  id: '01KCHRISTMAS0000000000000A',
  from: '2026-12-21T00:00:00+01:00',
  to: '2027-01-04T00:00:00+01:00',
  note: 'Weihnachtsurlaub',
  substitute: { name: 'Petra Lang', phone: '+49 171 5550123' },
};

describe('resolveAbsenceBound', () => {
  it('date as from starts at local midnight', () => {
    assert.equal(resolveAbsenceBound('2026-12-21', 'from', BERLIN), '2026-12-21T00:00:00+01:00');
  });

  it('date as to ends at the next local midnight', () => {
    assert.equal(resolveAbsenceBound('2027-01-03', 'to', BERLIN), '2027-01-04T00:00:00+01:00');
  });

  it('whole days across the spring switch keep local midnights', () => {
    const from = resolveAbsenceBound('2026-03-28', 'from', BERLIN);
    const to = resolveAbsenceBound('2026-03-29', 'to', BERLIN);

    assert.equal(from, '2026-03-28T00:00:00+01:00');
    assert.equal(to, '2026-03-30T00:00:00+02:00');
    assert.equal(Date.parse(to) - Date.parse(from), 47 * HOUR_MS);
  });

  it('whole day of the autumn switch lasts 25 hours', () => {
    const from = resolveAbsenceBound('2026-10-25', 'from', BERLIN);
    const to = resolveAbsenceBound('2026-10-25', 'to', BERLIN);

    assert.equal(from, '2026-10-25T00:00:00+02:00');
    assert.equal(to, '2026-10-26T00:00:00+01:00');
    assert.equal(Date.parse(to) - Date.parse(from), 25 * HOUR_MS);
  });

  it('instant in UTC gets the zone offset', () => {
    assert.equal(resolveAbsenceBound('2026-12-21T07:00:00Z', 'from', BERLIN), '2026-12-21T08:00:00+01:00');
    assert.equal(resolveAbsenceBound('2026-07-01T12:30:00+02:00', 'to', BERLIN), '2026-07-01T12:30:00+02:00');
  });

  it('instant is kept as given for either bound', () => {
    assert.equal(resolveAbsenceBound('2027-01-04T12:00:00+01:00', 'to', BERLIN), '2027-01-04T12:00:00+01:00');
  });

  it('impossible date is rejected by value', () => {
    assert.throws(() => resolveAbsenceBound('2026-02-30', 'from', BERLIN), {
      name: 'InvalidAbsenceError',
      message: /Invalid from date "2026-02-30"/,
    });
  });

  it('German date format is rejected by value', () => {
    assert.throws(() => resolveAbsenceBound('21.12.2026', 'to', BERLIN), /Invalid to "21.12.2026": expected a local date/);
  });

  it('instant without offset is rejected', () => {
    assert.throws(() => resolveAbsenceBound('2026-12-21T08:00:00', 'from', BERLIN), /Invalid from "2026-12-21T08:00:00"/);
  });
});

describe('createAbsenceDraft', () => {
  it('whole-day input becomes the half-open span', () => {
    const draft = createAbsenceDraft(
      {
        from: '2026-12-21',
        to: '2027-01-03',
        note: ' Weihnachtsurlaub ',
        substitute: { name: ' Petra Lang ', phone: '+49 171 5550123', aadObjectId: ' ', tenantId: '' },
      },
      BERLIN,
    );

    assert.deepEqual(draft, {
      from: '2026-12-21T00:00:00+01:00',
      to: '2027-01-04T00:00:00+01:00',
      note: 'Weihnachtsurlaub',
      substitute: { name: 'Petra Lang', phone: '+49 171 5550123' },
    });
  });

  it('single day is one whole day', () => {
    const draft = createAbsenceDraft({ from: '2026-11-13', to: '2026-11-13', note: 'krank' }, BERLIN);

    assert.equal(draft.from, '2026-11-13T00:00:00+01:00');
    assert.equal(draft.to, '2026-11-14T00:00:00+01:00');
    assert.equal(draft.substitute, undefined);
  });

  it('to before from is rejected naming both', () => {
    assert.throws(() => createAbsenceDraft({ from: '2027-01-03', to: '2026-12-21', note: 'Urlaub' }, BERLIN), {
      name: 'InvalidAbsenceError',
      message: 'Invalid absence: to "2026-12-22T00:00:00+01:00" must lie after from "2027-01-03T00:00:00+01:00"',
    });
  });

  it('empty span is rejected', () => {
    const instant = '2026-12-21T08:00:00+01:00';
    assert.throws(() => createAbsenceDraft({ from: instant, to: instant, note: 'Urlaub' }, BERLIN), /must lie after from/);
  });

  it('absence of 366 days is accepted', () => {
    const draft = createAbsenceDraft({ from: '2027-01-01', to: '2027-12-31', note: 'Elternzeit' }, BERLIN);

    assert.equal(draft.to, '2028-01-01T00:00:00+01:00');
  });

  it('absence ending in a mistyped year is rejected naming both bounds', () => {
    assert.throws(() => createAbsenceDraft({ from: '2026-12-21', to: '9999-01-03', note: 'Urlaub' }, BERLIN), {
      name: 'InvalidAbsenceError',
      message:
        'Invalid absence: from "2026-12-21T00:00:00+01:00" to "9999-01-04T00:00:00+01:00" is longer than 366 days. Check the year.',
    });
  });

  it('note of 500 characters is accepted', () => {
    const note = 'x'.repeat(MAX_ABSENCE_NOTE_LENGTH);
    assert.equal(createAbsenceDraft({ from: '2026-12-21', to: '2026-12-22', note }, BERLIN).note, note);
  });

  it('note of 501 characters is rejected', () => {
    assert.throws(
      () => createAbsenceDraft({ from: '2026-12-21', to: '2026-12-22', note: 'x'.repeat(501) }, BERLIN),
      /the note has 501 characters, the maximum is 500/,
    );
  });

  it('blank note is rejected', () => {
    assert.throws(() => createAbsenceDraft({ from: '2026-12-21', to: '2026-12-22', note: '   ' }, BERLIN), /the note is empty/);
  });

  it('substitute without name is rejected', () => {
    const input = { from: '2026-12-21', to: '2026-12-22', note: 'Urlaub', substitute: { name: ' ', phone: '+49 171 5550123' } };
    assert.throws(() => createAbsenceDraft(input, BERLIN), { name: 'InvalidAbsenceError', message: /the name is missing/ });
  });

  it('substitute phone without area code is rejected by value', () => {
    const input = { from: '2026-12-21', to: '2026-12-22', note: 'Urlaub', substitute: { name: 'Petra Lang', phone: 'Petra anrufen' } };
    assert.throws(() => createAbsenceDraft(input, BERLIN), /Invalid substitute phone "Petra anrufen"/);
  });

  it('substitute object id needs the tenant id', () => {
    const substitute = { name: 'Petra Lang', aadObjectId: '3c1e5a7b-9d2f-4b6a-8c0e-1f2a3b4c5d6e' };
    const input = { from: '2026-12-21', to: '2026-12-22', note: 'Urlaub', substitute };
    assert.throws(() => createAbsenceDraft(input, BERLIN), /give both or neither/);
  });

  it('substitute tenant id must be a GUID', () => {
    const substitute = { name: 'Petra Lang', aadObjectId: '3c1e5a7b-9d2f-4b6a-8c0e-1f2a3b4c5d6e', tenantId: 'lang-it' };
    const input = { from: '2026-12-21', to: '2026-12-22', note: 'Urlaub', substitute };
    assert.throws(() => createAbsenceDraft(input, BERLIN), /Invalid substitute tenantId "lang-it"/);
  });

  it('substitute with Teams identity is kept', () => {
    const substitute = {
      name: 'Petra Lang',
      aadObjectId: '3c1e5a7b-9d2f-4b6a-8c0e-1f2a3b4c5d6e',
      tenantId: '4d2f6b8c-0e1a-4c7b-9d1f-2a3b4c5d6e7f',
    };
    const draft = createAbsenceDraft({ from: '2026-12-21', to: '2026-12-22', note: 'Urlaub', substitute }, BERLIN);
    assert.deepEqual(draft.substitute, substitute);
  });
});

describe('validateAbsence', () => {
  it('stored absence without offset is rejected', () => {
    assert.throws(
      () => validateAbsence({ from: '2026-12-21T00:00:00', to: '2027-01-04T00:00:00+01:00', note: 'Urlaub' }),
      (error: unknown) => error instanceof InvalidAbsenceError && /from "2026-12-21T00:00:00"/.test(error.message),
    );
  });

  it('valid absence passes', () => {
    assert.doesNotThrow(() => validateAbsence(christmas));
  });
});

describe('activeAbsence', () => {
  it('is active from its first instant', () => {
    const active = activeAbsence([christmas], new Date('2026-12-21T00:00:00+01:00'));

    assert.equal(active?.id, christmas.id);
    assert.equal(active?.backAt, '2027-01-04T00:00:00+01:00');
    assert.deepEqual(active?.substitute, { name: 'Petra Lang', phone: '+49 171 5550123' });
  });

  it('is active in its last millisecond', () => {
    assert.equal(activeAbsence([christmas], new Date('2027-01-03T23:59:59.999+01:00'))?.id, christmas.id);
  });

  it('is over at its end instant', () => {
    assert.equal(activeAbsence([christmas], new Date('2027-01-04T00:00:00+01:00')), undefined);
  });

  it('is not active before its start', () => {
    assert.equal(activeAbsence([christmas], new Date('2026-12-20T23:59:59.999+01:00')), undefined);
  });

  it('touching absence moves the return', () => {
    const training: Absence = { id: '01KTRAINING000000000000000', from: '2027-01-04T00:00:00+01:00', to: '2027-01-06T00:00:00+01:00', note: 'Schulung' };

    const active = activeAbsence([training, christmas], new Date('2026-12-22T09:00:00+01:00'));

    assert.equal(active?.id, christmas.id);
    assert.equal(active?.backAt, '2027-01-06T00:00:00+01:00');
  });

  it('absence inside another one wins', () => {
    const sick: Absence = {
      id: '01KSICK0000000000000000000',
      from: '2026-12-28T00:00:00+01:00',
      to: '2026-12-30T00:00:00+01:00',
      note: 'krank',
      substitute: { name: 'Jonas Weber' },
    };

    const active = activeAbsence([christmas, sick], new Date('2026-12-29T10:00:00+01:00'));

    assert.equal(active?.id, sick.id);
    assert.equal(active?.substitute?.name, 'Jonas Weber');
    assert.equal(active?.backAt, '2027-01-04T00:00:00+01:00');
  });

  it('no absences means none is active', () => {
    assert.equal(activeAbsence([], new Date('2026-12-22T09:00:00+01:00')), undefined);
  });
});

describe('absenceIntervals', () => {
  it('returns sorted merged millisecond spans', () => {
    const overlapping: Absence = { id: 'b', from: '2027-01-02T00:00:00+01:00', to: '2027-01-05T12:00:00+01:00', note: 'Urlaub' };
    const later: Absence = { id: 'c', from: '2027-02-01T00:00:00+01:00', to: '2027-02-02T00:00:00+01:00', note: 'Arzt' };

    assert.deepEqual(absenceIntervals([later, overlapping, christmas]), [
      { startMs: Date.parse('2026-12-21T00:00:00+01:00'), endMs: Date.parse('2027-01-05T12:00:00+01:00') },
      { startMs: Date.parse('2027-02-01T00:00:00+01:00'), endMs: Date.parse('2027-02-02T00:00:00+01:00') },
    ]);
  });

  it('returns nothing without absences', () => {
    assert.deepEqual(absenceIntervals([]), []);
  });
});
