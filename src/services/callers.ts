import type { Catalog, Plan } from '../domain/catalog.js';
import { findPlan } from '../domain/catalog.js';
import type { Contact, Customer, Language } from '../domain/customer.js';
import type { CustomerRepository } from '../storage/customers.js';

/** Sender of an activity, classified by what the app lets them do. */
export type Caller =
  | { kind: 'consultant'; language?: Language }
  | { kind: 'contact'; customer: Customer; contact: Contact; plan: Plan }
  | { kind: 'channelNotIncluded'; customer: Customer; contact: Contact; plan: Plan }
  | { kind: 'unknownTenant'; tenantId: string };

/** Identity of the person behind an activity. */
export interface CallerIdentity {
  tenantId?: string;
  aadObjectId?: string;
  name?: string;
  conversationId: string;
}

/** The consultant as configured, plus the local stand-in conversation for Playground runs. */
export interface ConsultantIdentity {
  tenantId: string;
  aadObjectId: string;
  devConversationId?: string;
  /** Configured language of the consultant's cards and replies. */
  language?: Language;
}

/** Resolves an activity's sender to the consultant, a contact of a known customer, or an unknown tenant. */
export class CallerDirectory {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly catalog: Catalog,
    private readonly consultant: ConsultantIdentity,
  ) {}

  /** Returns the configured language of the consultant, or undefined to follow the Teams locale. */
  consultantLanguage(): Language | undefined {
    return this.consultant.language;
  }

  /** Returns whether a conversation is the local stand-in for the consultant's chat (Playground runs only). */
  isDevConsultantConversation(conversationId: string): boolean {
    return this.consultant.devConversationId !== undefined && conversationId === this.consultant.devConversationId;
  }

  /** Returns whether the identity is the configured consultant, or writes in the local stand-in chat. */
  isConsultant(identity: CallerIdentity): boolean {
    if (this.consultant.devConversationId && identity.conversationId === this.consultant.devConversationId) return true;
    return identity.tenantId === this.consultant.tenantId && identity.aadObjectId === this.consultant.aadObjectId;
  }

  /** Returns a customer's display name, or undefined for an unknown id. */
  async customerName(customerId: string): Promise<string | undefined> {
    return (await this.customers.get(customerId))?.name;
  }

  /**
   * Resolves the caller. A person from the tenant of a customer with the Teams channel who is not yet a
   * contact is added as one (without approval rights), because the tenant proves they work for the customer.
   */
  async resolve(identity: CallerIdentity): Promise<Caller> {
    if (this.isConsultant(identity)) return { kind: 'consultant', language: this.consultant.language };

    const tenantId = identity.tenantId ?? '';
    const customer = tenantId ? await this.customers.findByTenant(tenantId) : undefined;
    if (!customer || !identity.aadObjectId) return { kind: 'unknownTenant', tenantId };

    const plan = findPlan(this.catalog, customer.planId);
    const stored = await this.customers.getContact(customer.id, identity.aadObjectId);
    const newcomer: Contact = {
      customerId: customer.id,
      aadObjectId: identity.aadObjectId,
      name: identity.name?.slice(0, 200) || identity.aadObjectId,
      approver: false,
    };

    // Only plans with the Teams channel keep new contacts; for the others nothing but a log line is stored.
    if (!plan.channels.includes('teams')) return { kind: 'channelNotIncluded', customer, contact: stored ?? newcomer, plan };
    return { kind: 'contact', customer, contact: stored ?? (await this.customers.addContact(newcomer)), plan };
  }
}
