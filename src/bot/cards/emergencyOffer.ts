import type { EmergencyLine } from '../../domain/catalog.js';
import type { Language } from '../../domain/customer.js';
import { CALLBACK_PHONE_MAX_LENGTH, CALLBACK_PHONE_PATTERN } from '../../domain/requestInput.js';
import { messagesFor } from '../../i18n/messages.js';
import template from './emergencyOffer.json' with { type: 'json' };
import { expandCard, type AdaptiveCard } from './template.js';
import { Verbs } from './verbs.js';

/** Input of {@link renderEmergencyOfferCard}; the optional values prefill the inputs. */
export interface EmergencyOfferCardInput {
  lang: Language;
  /** The catalog's 24/7 line: its name, guarantee and prices are shown. */
  emergencyLine: EmergencyLine;
  description?: string;
  callbackPhone?: string;
  /** Maximum description length in characters, enforced by the client and stated in the error message. */
  maxDescriptionLength: number;
  /** Message shown above the inputs in the attention color, e.g. after a rejected confirmation. */
  error?: string;
}

/**
 * Renders the card shown before an emergency is opened. It lists what counts as an emergency (server
 * down, complete outage, security incident), the callback guarantee and the cost of the 24/7 line.
 * The cost is a base fee plus an hourly rate and is not taken from the included hours. Description
 * and callback number are required inputs.
 *
 * Actions: "Notfall kostenpflichtig melden" (`emergency.confirm`, sends the inputs) and
 * "Kein Notfall, normale Anfrage" (`emergency.decline`, sends no inputs, so it works with empty
 * required fields).
 *
 * @throws RangeError if `maxDescriptionLength` is not a positive integer.
 */
export function renderEmergencyOfferCard(input: EmergencyOfferCardInput): AdaptiveCard {
  if (!Number.isInteger(input.maxDescriptionLength) || input.maxDescriptionLength <= 0) {
    throw new RangeError(
      `renderEmergencyOfferCard: maxDescriptionLength must be a positive integer, got ${input.maxDescriptionLength}`,
    );
  }

  const texts = messagesFor(input.lang).emergency;
  const line = input.emergencyLine;

  return expandCard(template, {
    title: texts.title,
    intro: texts.intro,
    examples: [texts.examples.serverDown, texts.examples.outage, texts.examples.securityIncident].map((text) => ({ text })),
    guarantee: texts.guarantee(line.name[input.lang], line.guaranteeMinutes),
    costHeading: texts.costHeading,
    cost: texts.cost(line.baseFeeCents, line.hourlyRateCents),
    hasError: input.error !== undefined && input.error !== '',
    error: input.error ?? '',
    description: {
      label: texts.descriptionLabel,
      placeholder: texts.descriptionPlaceholder,
      value: input.description ?? '',
      maxLength: input.maxDescriptionLength,
      errorMessage: texts.descriptionError(input.maxDescriptionLength),
    },
    callbackPhone: {
      label: texts.callbackPhoneLabel,
      placeholder: texts.callbackPhonePlaceholder,
      value: input.callbackPhone ?? '',
      maxLength: CALLBACK_PHONE_MAX_LENGTH,
      regex: CALLBACK_PHONE_PATTERN,
      errorMessage: texts.callbackPhoneError,
    },
    confirm: { title: texts.confirm, verb: Verbs.emergencyConfirm },
    decline: { title: texts.decline, verb: Verbs.emergencyDecline },
  });
}
