import type { Language } from '../../domain/customer.js';
import { CALLBACK_CHANNELS, URGENCIES, type CallbackChannel, type Urgency } from '../../domain/request.js';
import { CALLBACK_PHONE_MAX_LENGTH, CALLBACK_PHONE_PATTERN } from '../../domain/requestInput.js';
import { messagesFor } from '../../i18n/messages.js';
import template from './requestForm.json' with { type: 'json' };
import { expandCard, type AdaptiveCard } from './template.js';
import { Verbs } from './verbs.js';

/** Input of {@link renderRequestFormCard}; the optional values prefill the form. */
export interface RequestFormCardInput {
  lang: Language;
  description?: string;
  /** Preselected urgency; "normal" when not given. */
  urgency?: Urgency;
  callbackPhone?: string;
  /** Preselected callback channel; "phone" when not given. */
  callbackChannel?: CallbackChannel;
  /** Maximum description length in characters, enforced by the client and stated in the error message. */
  maxDescriptionLength: number;
  /** Message shown above the inputs in the attention color, e.g. after a failed submit. */
  error?: string;
  /** Information shown below the introduction, e.g. that the consultant is away and who covers emergencies. */
  notice?: string;
}

/**
 * Renders the request form: description, urgency, optional callback number and
 * callback channel, and an "Anfrage senden" button (verb `request.submit`) that
 * sends all inputs.
 *
 * @throws RangeError if `maxDescriptionLength` is not a positive integer.
 */
export function renderRequestFormCard(input: RequestFormCardInput): AdaptiveCard {
  if (!Number.isInteger(input.maxDescriptionLength) || input.maxDescriptionLength <= 0) {
    throw new RangeError(
      `renderRequestFormCard: maxDescriptionLength must be a positive integer, got ${input.maxDescriptionLength}`,
    );
  }

  const messages = messagesFor(input.lang);
  const form = messages.form;

  return expandCard(template, {
    title: form.title,
    intro: form.intro,
    hasNotice: input.notice !== undefined && input.notice !== '',
    notice: input.notice ?? '',
    hasError: input.error !== undefined && input.error !== '',
    error: input.error ?? '',
    description: {
      label: form.descriptionLabel,
      placeholder: form.descriptionPlaceholder,
      value: input.description ?? '',
      maxLength: input.maxDescriptionLength,
      errorMessage: form.descriptionError(input.maxDescriptionLength),
    },
    urgency: {
      label: form.urgencyLabel,
      value: input.urgency ?? 'normal',
      choices: URGENCIES.map((urgency) => ({ title: messages.urgencies[urgency], value: urgency })),
    },
    callbackPhone: {
      label: form.callbackPhoneLabel,
      placeholder: form.callbackPhonePlaceholder,
      value: input.callbackPhone ?? '',
      maxLength: CALLBACK_PHONE_MAX_LENGTH,
      regex: CALLBACK_PHONE_PATTERN,
      errorMessage: form.callbackPhoneError,
    },
    callbackChannel: {
      label: form.callbackChannelLabel,
      value: input.callbackChannel ?? 'phone',
      choices: CALLBACK_CHANNELS.map((channel) => ({ title: messages.callbackChannels[channel], value: channel })),
    },
    submit: { title: form.submit, verb: Verbs.requestSubmit },
  });
}
