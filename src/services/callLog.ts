import type { Clock } from '../domain/clock.js';
import type { Contact } from '../domain/customer.js';
import type { SupportRequest, Urgency } from '../domain/request.js';
import { validateRequestInput, type RequestInputError } from '../domain/requestInput.js';
import type { CustomerRepository } from '../storage/customers.js';
import { CustomerNotFoundError } from './customerService.js';
import type { RequestService } from './requestService.js';
import { InvalidInputError, type FieldProblem } from './timeService.js';

/** Channels of a request that the consultant logs by hand; Teams requests open themselves through the bot. */
export const LOGGED_CALL_CHANNELS = ['phone', 'whatsapp', 'emergency-line'] as const;

/** One of {@link LOGGED_CALL_CHANNELS}. */
export type LoggedCallChannel = (typeof LOGGED_CALL_CHANNELS)[number];

/**
 * How far back a logged call may lie, in days. A week covers a call logged after a weekend or a short
 * absence; older calls are more likely a typing error in the date.
 */
export const MAX_CALL_AGE_DAYS = 7;

/** A request that came by phone, WhatsApp or the emergency line, as the consultant logs it. */
export interface LoggedCall {
  customerId: string;
  channel: LoggedCallChannel;
  /** When the customer called, ISO 8601 with offset; not in the future. The deadline counts from it. */
  calledAt: string;
  contactName: string;
  /** Entra object id of the caller when they are a stored contact of the customer. */
  contactAadObjectId?: string;
  description: string;
  urgency: Urgency;
  callbackPhone: string;
}

/**
 * Logs calls as requests ("Anruf erfassen"). A logged call gets its deadline like a Teams request, counted
 * from the time of the call. A call on the emergency line is an emergency.
 */
export class CallLogService {
  constructor(
    private readonly customers: Pick<CustomerRepository, 'get' | 'getContact'>,
    private readonly requests: Pick<RequestService, 'open'>,
    private readonly clock: Clock,
  ) {}

  /**
   * Opens the request of a logged call.
   *
   * @throws CustomerNotFoundError when the customer does not exist.
   * @throws InvalidInputError naming a call time in the future or more than {@link MAX_CALL_AGE_DAYS} days
   *   back, an unknown contact, or an invalid description, urgency or phone number.
   */
  async log(call: LoggedCall): Promise<SupportRequest> {
    const customer = await this.customers.get(call.customerId);
    if (!customer) throw new CustomerNotFoundError(call.customerId);

    const problems: FieldProblem[] = [];
    const calledAt = new Date(call.calledAt);
    const now = this.clock.now();
    if (Number.isNaN(calledAt.getTime())) {
      problems.push({ field: 'calledAt', value: call.calledAt, reason: 'expected an ISO 8601 instant with offset', code: 'invalidFormat' });
    } else if (calledAt.getTime() > now.getTime()) {
      problems.push({ field: 'calledAt', value: call.calledAt, reason: `lies in the future (now is ${now.toISOString()})`, code: 'callInFuture' });
    } else if (now.getTime() - calledAt.getTime() > MAX_CALL_AGE_DAYS * 24 * 60 * 60_000) {
      problems.push({
        field: 'calledAt',
        value: call.calledAt,
        reason: `lies more than ${MAX_CALL_AGE_DAYS} days back`,
        code: 'callTooOld',
        params: { maxDays: MAX_CALL_AGE_DAYS },
      });
    }

    const input = validateRequestInput({
      description: call.description,
      urgency: call.urgency,
      callbackChannel: 'phone',
      callbackPhone: call.callbackPhone,
    });
    if (!input.ok) problems.push(problemOf(input.error, call));

    let contact: Contact = { customerId: customer.id, aadObjectId: '', name: call.contactName.trim(), approver: false };
    if (call.contactAadObjectId !== undefined) {
      const stored = await this.customers.getContact(customer.id, call.contactAadObjectId);
      if (stored) contact = stored;
      else {
        problems.push({
          field: 'contactAadObjectId',
          value: call.contactAadObjectId,
          reason: `is no contact of customer "${customer.id}"`,
          code: 'unknownContact',
        });
      }
    }

    if (problems.length > 0 || !input.ok) throw new InvalidInputError('call', problems);
    return this.requests.open({
      customer,
      contact: { ...contact, name: call.contactName.trim() || contact.name },
      input: input.value,
      channel: call.channel,
      emergency: call.channel === 'emergency-line',
      openedAt: calledAt,
    });
  }
}

function problemOf(error: RequestInputError, call: LoggedCall): FieldProblem {
  switch (error.code) {
    case 'descriptionMissing':
      return { field: 'description', value: call.description, reason: 'is empty', code: 'required' };
    case 'descriptionTooLong':
      return {
        field: 'description',
        value: `${error.length} characters`,
        reason: `expected at most ${error.max} characters`,
        code: 'tooLong',
        params: { maximum: error.max },
      };
    case 'phoneMissing':
      return { field: 'callbackPhone', value: call.callbackPhone, reason: 'is empty', code: 'required' };
    case 'invalidPhone':
      return { field: 'callbackPhone', value: call.callbackPhone, reason: 'expected a phone number such as +49 211 5550100', code: 'invalidFormat' };
    case 'invalidChoice':
      return { field: error.field, value: error.value, reason: 'is not one of the offered choices', code: 'invalidValue' };
  }
}
