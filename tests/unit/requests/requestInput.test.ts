import assert from 'node:assert/strict';
import { CALLBACK_PHONE_PATTERN, isValidCallbackPhone, MAX_DESCRIPTION_LENGTH, validateRequestInput } from '../../../src/domain/requestInput.js';

describe('validateRequestInput', () => {
  it('accepts a description with defaults for the choices', () => {
    const result = validateRequestInput({ description: '  Outlook synchronisiert nicht  ' }, '+49 211 5550101');

    assert.deepEqual(result, {
      ok: true,
      value: {
        description: 'Outlook synchronisiert nicht',
        urgency: 'normal',
        callbackPhone: '+49 211 5550101',
        callbackChannel: 'phone',
      },
    });
  });

  it('phone callback without any number is rejected', () => {
    assert.deepEqual(validateRequestInput({ description: 'x', callbackChannel: 'phone' }), {
      ok: false,
      error: { code: 'phoneMissing' },
    });
  });

  it('Teams chat callback needs no number', () => {
    const result = validateRequestInput({ description: 'x', callbackChannel: 'teams-chat' });

    assert.equal(result.ok && result.value.callbackPhone, undefined);
  });

  it('invisible control characters are removed from the description', () => {
    const result = validateRequestInput({ description: 'Drucker\u0000 \u202Egestört\u0007', callbackChannel: 'teams-chat' });

    assert.equal(result.ok && result.value.description, 'Drucker gestört');
  });

  it('rejects a blank description', () => {
    assert.deepEqual(validateRequestInput({ description: ' \n ' }), { ok: false, error: { code: 'descriptionMissing' } });
  });

  it('rejects a description that is not text', () => {
    assert.deepEqual(validateRequestInput({ description: { text: 'x' } }), { ok: false, error: { code: 'descriptionMissing' } });
  });

  it('rejects a description over the limit with both lengths', () => {
    const result = validateRequestInput({ description: 'a'.repeat(MAX_DESCRIPTION_LENGTH + 1) });

    assert.deepEqual(result, { ok: false, error: { code: 'descriptionTooLong', length: 2001, max: 2000 } });
  });

  it('accepts a description of exactly the limit', () => {
    assert.equal(validateRequestInput({ description: 'a'.repeat(MAX_DESCRIPTION_LENGTH), callbackChannel: 'teams-chat' }).ok, true);
  });

  it('rejects an unknown urgency', () => {
    const result = validateRequestInput({ description: 'x', urgency: 'critical' });

    assert.deepEqual(result, { ok: false, error: { code: 'invalidChoice', field: 'urgency', value: 'critical' } });
  });

  it('rejects an unknown callback channel', () => {
    const result = validateRequestInput({ description: 'x', callbackChannel: 'fax' });

    assert.deepEqual(result, { ok: false, error: { code: 'invalidChoice', field: 'callbackChannel', value: 'fax' } });
  });

  it('rejects an invalid phone number and shows it', () => {
    const result = validateRequestInput({ description: 'x', callbackPhone: 'abc' });

    assert.deepEqual(result, { ok: false, error: { code: 'invalidPhone', value: 'abc' } });
  });

  it('keeps a valid phone number trimmed', () => {
    const result = validateRequestInput({ description: 'x', callbackPhone: ' +49 211 5550101 ', callbackChannel: 'teams-call' });

    assert.equal(result.ok && result.value.callbackPhone, '+49 211 5550101');
    assert.equal(result.ok && result.value.callbackChannel, 'teams-call');
  });
});

describe('isValidCallbackPhone', () => {
  const valid = [
    '+49 221 1234567',
    '0221 1234567',
    '0171/1234567',
    '+49 (0)221 123-4567',
    '0049 221 1234567',
    '+4922112345',
    ' +49 221 1234567 ',
    '+1 212 555 0100',
  ];
  const invalid = ['', '12345', 'abc', '+49', '221 1234567', '0221 1234567 ext 5', '+49 221 1234567 8901 2345 6789', '0221--'];

  for (const value of valid) {
    it(`accepts "${value}"`, () => {
      assert.equal(isValidCallbackPhone(value), true);
    });
  }

  for (const value of invalid) {
    it(`rejects "${value}"`, () => {
      assert.equal(isValidCallbackPhone(value), false);
    });
  }

  it('the card pattern agrees with the server check', () => {
    const clientRegExp = new RegExp(CALLBACK_PHONE_PATTERN);
    for (const value of [...valid.map((v) => v.trim()), ...invalid]) {
      assert.equal(clientRegExp.test(value), isValidCallbackPhone(value), value);
    }
  });
});
