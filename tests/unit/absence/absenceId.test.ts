import assert from 'node:assert/strict';

import { newAbsenceId } from '../../../src/storage/absences.js';

const zeroBytes = (size: number) => new Uint8Array(size);
const maxBytes = (size: number) => new Uint8Array(size).fill(0xff);

describe('newAbsenceId', () => {
  it('encodes the time as a ULID prefix', () => {
    // 1469918176385 ms is the example of the ULID specification, encoded "01ARYZ6S41".
    assert.equal(newAbsenceId(new Date(1_469_918_176_385), zeroBytes), '01ARYZ6S410000000000000000');
  });

  it('encodes 80 random bits in 16 characters', () => {
    assert.equal(newAbsenceId(new Date(0), maxBytes), '0000000000ZZZZZZZZZZZZZZZZ');
  });

  it('later creation sorts after earlier', () => {
    const earlier = newAbsenceId(new Date('2026-12-01T10:00:00.000+01:00'), maxBytes);
    const later = newAbsenceId(new Date('2026-12-01T10:00:00.001+01:00'), zeroBytes);

    assert.ok(earlier < later, `${earlier} should sort before ${later}`);
  });

  it('random part differs between calls', () => {
    const instant = new Date('2026-12-01T10:00:00+01:00');

    assert.notEqual(newAbsenceId(instant), newAbsenceId(instant));
    assert.match(newAbsenceId(instant), /^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('instant before 1970 is rejected', () => {
    assert.throws(() => newAbsenceId(new Date('1969-12-31T23:59:59Z')), /outside the ULID time range/);
  });
});
