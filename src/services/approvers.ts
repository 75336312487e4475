import type { ConversationReference } from 'botbuilder';

import type { Contact, Customer } from '../domain/customer.js';
import { contactConversationKey, type ConversationRepository } from '../storage/conversations.js';
import type { CustomerRepository } from '../storage/customers.js';
import type { RequestRepository } from '../storage/requests.js';

/** A person who may decide an overage request, and the chat that reaches them if one is known. */
export interface ApproverRecipient {
  contact: Contact;
  /** The approver's personal chat with the bot, or undefined when they never wrote to it. */
  conversation?: Partial<ConversationReference>;
}

/**
 * The approvers of a customer and the chats that reach them. Approvers are the contacts marked as
 * approver; a customer without any has the contact who opened the request as its approver.
 */
export class ApproverDirectory {
  constructor(
    private readonly customers: Pick<CustomerRepository, 'listContacts' | 'getContact'>,
    private readonly conversations: Pick<ConversationRepository, 'save' | 'get'>,
    private readonly requests: Pick<RequestRepository, 'get'>,
  ) {}

  /**
   * Stores the personal chat of a contact, so approval cards can reach them later. The stored locale is
   * the contact's language preference when set, because cards sent later are written in that locale.
   * Writes only when the reference changed.
   */
  async rememberChat(customer: Customer, contact: Contact, reference: Partial<ConversationReference>): Promise<void> {
    const locale = contact.language ?? reference.locale;
    await this.conversations.save('contact', contactConversationKey(customer.tenantId, contact.aadObjectId), { ...reference, locale });
  }

  /**
   * Returns the approvers of an overage request with their chats: the customer's contacts marked as
   * approver, or the contact who opened `requestNumber` when none is marked.
   */
  async approversOf(customer: Customer, requestNumber: string | undefined): Promise<ApproverRecipient[]> {
    const contacts = (await this.customers.listContacts(customer.id)).filter((contact) => contact.approver);
    if (contacts.length > 0) {
      return Promise.all(contacts.map(async (contact) => ({ contact, conversation: await this.storedChat(customer, contact) })));
    }
    return this.requesterOf(customer, requestNumber);
  }

  /** Returns whether the person with `aadObjectId` in `tenantId` may decide overage requests of the customer. */
  async isApprover(customer: Customer, requestNumber: string | undefined, tenantId: string | undefined, aadObjectId: string | undefined): Promise<boolean> {
    if (tenantId !== customer.tenantId || aadObjectId === undefined) {
      return false;
    }
    const approvers = await this.approversOf(customer, requestNumber);
    return approvers.some((approver) => approver.contact.aadObjectId === aadObjectId);
  }

  private async requesterOf(customer: Customer, requestNumber: string | undefined): Promise<ApproverRecipient[]> {
    if (requestNumber === undefined) {
      return [];
    }
    const stored = await this.requests.get(customer.id, requestNumber);
    if (stored === undefined) {
      return [];
    }

    const { request } = stored;
    const contact: Contact = (await this.customers.getContact(customer.id, request.contactAadObjectId)) ?? {
      customerId: customer.id,
      aadObjectId: request.contactAadObjectId,
      name: request.contactName,
      approver: false,
    };
    // A request opened in Teams keeps the requester's chat with its card copies.
    const requesterCopy = stored.cards.find((copy) => copy.role === 'requester');
    const conversation = (await this.storedChat(customer, contact)) ?? requesterCopy?.conversation;
    return [{ contact, ...(conversation === undefined ? {} : { conversation }) }];
  }

  private async storedChat(customer: Customer, contact: Contact): Promise<Partial<ConversationReference> | undefined> {
    return this.conversations.get('contact', contactConversationKey(customer.tenantId, contact.aadObjectId));
  }
}
