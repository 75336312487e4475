import { CALLBACK_CHANNELS, URGENCIES, type CallbackChannel, type Urgency } from './request.js';

/** Maximum length of a request's short description, in characters. */
export const MAX_DESCRIPTION_LENGTH = 2000;

/** Validated input of the request form. */
export interface RequestInput {
  description: string;
  urgency: Urgency;
  callbackPhone?: string;
  callbackChannel: CallbackChannel;
}

/** Reason a submitted form was rejected; the bot turns it into a message in the contact's language. */
export type RequestInputError =
  | { code: 'descriptionMissing' }
  | { code: 'descriptionTooLong'; length: number; max: number }
  | { code: 'invalidPhone'; value: string }
  | { code: 'phoneMissing' }
  | { code: 'invalidChoice'; field: 'urgency' | 'callbackChannel'; value: string };

/**
 * Pattern of a callback phone number: starts with "+" or "0" (German national numbers and
 * international numbers with "+" or "00"), then digits, spaces and the separators ( ) / -, with
 * 6 to 17 digits in total. E.164 allows 15 digits, and the two extra digits leave room for a
 * "00" prefix or a trunk "(0)". The request form's input uses the same pattern in the client.
 */
export const CALLBACK_PHONE_PATTERN = '^(?=(?:\\D*\\d){6,17}\\D*$)(?:\\+|0)[0-9][0-9 ()/-]*[0-9]$';

/** Maximum length of the callback phone number, in characters. */
export const CALLBACK_PHONE_MAX_LENGTH = 30;

const callbackPhoneRegExp = new RegExp(CALLBACK_PHONE_PATTERN);

/** Whether a value is a valid callback phone number; surrounding spaces are ignored. */
export function isValidCallbackPhone(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.length <= CALLBACK_PHONE_MAX_LENGTH && callbackPhoneRegExp.test(trimmed);
}

/**
 * Control characters other than tab and line breaks, and the Unicode bidirectional overrides and
 * isolates, which can make a description display differently from what was stored.
 */
const invisibleControlPattern = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

/** Removes invisible control and bidirectional-override characters from typed text. */
export function stripInvisibleControls(text: string): string {
  return text.replace(invisibleControlPattern, '');
}

/**
 * Validates raw form data from an Adaptive Card. Unknown fields are ignored; missing choices take
 * their defaults (urgency "normal", callback by phone). A phone callback needs a number: the typed
 * one, else `knownPhone` (the contact's stored number).
 */
export function validateRequestInput(
  raw: Record<string, unknown>,
  knownPhone?: string,
): { ok: true; value: RequestInput } | { ok: false; error: RequestInputError } {
  const description = typeof raw.description === 'string' ? stripInvisibleControls(raw.description).trim() : '';
  if (description === '') return { ok: false, error: { code: 'descriptionMissing' } };
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    return { ok: false, error: { code: 'descriptionTooLong', length: description.length, max: MAX_DESCRIPTION_LENGTH } };
  }

  const urgency = textOr(raw.urgency, 'normal');
  if (!(URGENCIES as readonly string[]).includes(urgency)) {
    return { ok: false, error: { code: 'invalidChoice', field: 'urgency', value: urgency.slice(0, 40) } };
  }

  const callbackChannel = textOr(raw.callbackChannel, 'phone');
  if (!(CALLBACK_CHANNELS as readonly string[]).includes(callbackChannel)) {
    return { ok: false, error: { code: 'invalidChoice', field: 'callbackChannel', value: callbackChannel.slice(0, 40) } };
  }

  const typedPhone = textOr(raw.callbackPhone, '');
  if (typedPhone !== '' && !isValidCallbackPhone(typedPhone)) {
    return { ok: false, error: { code: 'invalidPhone', value: stripInvisibleControls(typedPhone).slice(0, 40) } };
  }
  const phone = typedPhone || knownPhone?.trim() || '';
  if (callbackChannel === 'phone' && phone === '') return { ok: false, error: { code: 'phoneMissing' } };

  return {
    ok: true,
    value: {
      description,
      urgency: urgency as Urgency,
      callbackPhone: phone === '' ? undefined : phone,
      callbackChannel: callbackChannel as CallbackChannel,
    },
  };
}

function textOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}
