import assert from 'node:assert/strict';
import { ApiError } from '../../../src/tab/api/apiError.js';
import type { ApiErrorBody } from '../../../src/tab/api/types.js';
import { describeError } from '../../../src/tab/components/describeError.js';
import { FIELD_ISSUE_CODES } from '../../../src/domain/fieldIssue.js';
import { messagesFor } from '../../../src/tab/i18n/index.js';

const de = messagesFor('de');
const en = messagesFor('en');

function invalid(status: number, body: unknown): ApiError {
  return new ApiError('POST', '/requests', status, body as ApiErrorBody);
}

describe('tab error texts of field issues', () => {
  it('call in the future is German', () => {
    const error = invalid(422, {
      code: 'unprocessable',
      message: 'The input is invalid',
      issues: [{ field: 'body.calledAt', code: 'callInFuture', message: 'lies in the future (now is 2026-12-04T16:00:00.000Z)' }],
    });

    assert.equal(
      describeError(error, de),
      'Die Eingabe ist ungültig: Der Zeitpunkt des Anrufs liegt in der Zukunft. Geben Sie eine Zeit bis jetzt an.',
    );
    assert.equal(describeError(error, en), 'The input is invalid: The time of the call lies in the future. Enter a time up to now.');
  });

  it('parameters fill the texts', () => {
    const error = invalid(400, {
      code: 'invalidInput',
      message: 'The request has invalid fields',
      issues: [
        { field: 'body.description', code: 'tooLong', params: { maximum: 4000 }, message: 'String must contain at most 4000 character(s)' },
        { field: 'query.limit', code: 'outOfRange', params: { minimum: 1 }, message: 'Number must be greater than or equal to 1' },
      ],
    });

    assert.equal(
      describeError(error, de),
      'Die Eingabe ist ungültig: Beschreibung ist zu lang (höchstens 4000). Seitengröße liegt außerhalb des erlaubten Bereichs (mindestens 1).',
    );
  });

  it('overlapping absence shows local dates', () => {
    const error = invalid(422, {
      code: 'invalidAbsence',
      message: 'The absence is invalid',
      issues: [{ field: 'body.from', code: 'absenceOverlap', params: { from: '2026-12-21', to: '2027-01-03' }, message: 'Invalid absence: …' }],
    });

    assert.match(describeError(error, de), /mit der Abwesenheit vom 21\.12\.2026 bis 03\.01\.2027\./);
    assert.match(describeError(error, en), /overlaps the absence from 21\/12\/2026 to 03\/01\/2027\./);
  });

  it('unknown code gets a general German text', () => {
    const error = invalid(422, {
      code: 'unprocessable',
      message: 'The input is invalid',
      issues: [{ field: 'body.minutes', code: 'someFutureCode', message: 'is odd in an English way' }],
    });

    assert.equal(describeError(error, de), 'Die Eingabe ist ungültig: Minuten ist ungültig.');
  });

  it('issue without a code is not shown in English', () => {
    const error = invalid(400, {
      code: 'invalidInput',
      message: 'The request has invalid fields',
      issues: [{ field: 'body.extra', message: 'Unrecognized key' }],
    });

    assert.equal(describeError(error, de), 'Die Eingabe ist ungültig: extra ist ungültig.');
  });

  it('response without issues hides the English message', () => {
    const error = invalid(422, { code: 'unprocessable', message: 'The input is invalid' });

    assert.equal(describeError(error, de), 'Die Eingabe ist ungültig: Prüfen Sie die Angaben.');
  });

  it('every known code has its own text', () => {
    // `invalid` is the one code whose text is the general one.
    for (const code of FIELD_ISSUE_CODES.filter((candidate) => candidate !== 'invalid')) {
      const error = invalid(422, { code: 'unprocessable', message: 'x', issues: [{ field: 'body.note', code, params: {}, message: 'x' }] });
      assert.doesNotMatch(describeError(error, de), /Notiz ist ungültig\.$/, `de ${code}`);
      assert.doesNotMatch(describeError(error, en), /Note is invalid\.$/, `en ${code}`);
    }
  });
});
