import { DateTime } from 'luxon';
import type { Catalog, Plan } from '../domain/catalog.js';
import { minimumTermEnd } from '../domain/contractTerm.js';
import type { Contact, Customer, Language } from '../domain/customer.js';
import type { CustomerRepository } from '../storage/customers.js';
import { ConflictError, EntityNotFoundError } from '../storage/errors.js';
import { InvalidInputError, type FieldProblem } from './timeService.js';

/** A contact as the consultant enters it; the customer id comes from the customer. */
export type ContactDraft = Omit<Contact, 'customerId'>;

/** A customer as the consultant enters it, with all of its contacts. */
export interface CustomerDraft {
  name: string;
  planId: string;
  /** Entra tenant id of the customer's Microsoft 365 tenant. */
  tenantId: string;
  /** First day of the contract, local date "yyyy-MM-dd". */
  contractStart: string;
  contacts: ContactDraft[];
}

/** A stored customer with its contacts and the contract facts from the catalog. */
export interface CustomerProfile {
  customer: Customer;
  contacts: Contact[];
  plan: Plan;
  /** Minimum term of the plan in months; null for a plan without one. */
  minimumTermMonths: number | null;
  /** First local date after the minimum term, "yyyy-MM-dd"; undefined without a minimum term. */
  minimumTermEnd?: string;
}

/** Raised when a customer id names no customer. */
export class CustomerNotFoundError extends Error {
  override readonly name = 'CustomerNotFoundError';

  constructor(readonly customerId: string) {
    super(`Customer "${customerId}" not found`);
  }
}

/** Raised when a new or edited customer names a tenant that another customer has. */
export class DuplicateTenantError extends Error {
  override readonly name = 'DuplicateTenantError';

  constructor(
    readonly tenantId: string,
    readonly holderId: string,
  ) {
    super(`Tenant "${tenantId}" is already assigned to customer "${holderId}"`);
  }
}

/** Raised when a new customer's id is taken. */
export class DuplicateCustomerIdError extends Error {
  override readonly name = 'DuplicateCustomerIdError';

  constructor(readonly customerId: string) {
    super(`Customer id "${customerId}" is already taken; choose another id`);
  }
}

/** Orders customers by name as German readers sort it, then by id, so the order is total. */
export function compareCustomerOrder(first: Pick<Customer, 'name' | 'id'>, second: Pick<Customer, 'name' | 'id'>): number {
  return first.name.localeCompare(second.name, 'de') || first.id.localeCompare(second.id);
}

/** The consultant's customer records: listing, creating and editing customers with their contacts. */
export class CustomerService {
  /**
   * @param consultantTenantId - Entra tenant id of the consultant. No customer may have it, because the bot
   *   treats everyone of a customer's tenant as that customer's people.
   */
  constructor(
    private readonly customers: CustomerRepository,
    private readonly catalog: Catalog,
    private readonly consultantTenantId: string,
  ) {}

  /** Returns every customer with contacts and contract facts, ordered by name. */
  async list(): Promise<CustomerProfile[]> {
    const customers = await this.customers.list();
    const profiles = await Promise.all(customers.map(async (customer) => this.profileOf(customer, await this.customers.listContacts(customer.id))));
    return profiles.sort((a, b) => compareCustomerOrder(a.customer, b.customer));
  }

  /**
   * Returns one customer with contacts and contract facts.
   *
   * @throws CustomerNotFoundError when no customer has the id.
   */
  async get(customerId: string): Promise<CustomerProfile> {
    const customer = await this.customers.get(customerId);
    if (!customer) throw new CustomerNotFoundError(customerId);
    return this.profileOf(customer, await this.customers.listContacts(customerId));
  }

  /**
   * Creates a customer with its contacts.
   *
   * @throws InvalidInputError naming a plan missing from the catalog, an impossible contract start, the
   *   consultant's own tenant id or a contact that appears twice.
   * @throws DuplicateCustomerIdError when the id is taken.
   * @throws DuplicateTenantError when another customer has the tenant.
   */
  async create(customerId: string, draft: CustomerDraft): Promise<CustomerProfile> {
    const { customer, contacts } = this.checkDraft(customerId, draft);
    if (await this.customers.get(customerId)) throw new DuplicateCustomerIdError(customerId);
    await this.rejectTakenTenant(customer);

    await this.customers.create(customer, contacts);
    return this.profileOf(customer, contacts);
  }

  /**
   * Replaces a customer's profile and contacts; contacts left out are removed.
   *
   * @throws CustomerNotFoundError when no customer has the id.
   * @throws InvalidInputError as for {@link create}.
   * @throws DuplicateTenantError when another customer has the new tenant.
   * @throws OptimisticConcurrencyError when someone else changed the customer at the same time.
   */
  async update(customerId: string, draft: CustomerDraft): Promise<CustomerProfile> {
    const { customer, contacts } = this.checkDraft(customerId, draft);
    await this.rejectTakenTenant(customer);

    try {
      await this.customers.update(customer, contacts);
    } catch (error) {
      if (error instanceof EntityNotFoundError) throw new CustomerNotFoundError(customerId);
      throw error;
    }
    return this.get(customerId);
  }

  private async rejectTakenTenant(customer: Customer): Promise<void> {
    const holder = await this.customers.findByTenant(customer.tenantId);
    if (holder && holder.id !== customer.id) throw new DuplicateTenantError(customer.tenantId, holder.id);
  }

  private checkDraft(customerId: string, draft: CustomerDraft): { customer: Customer; contacts: Contact[] } {
    const problems: FieldProblem[] = [];
    const plan = this.catalog.plans.find((candidate) => candidate.id === draft.planId);
    if (!plan) {
      const known = this.catalog.plans.map((candidate) => candidate.id).join(', ');
      problems.push({
        field: 'planId',
        value: draft.planId,
        reason: `expected a plan of the catalog: ${known}`,
        code: 'invalidValue',
        params: { allowed: known },
      });
    }
    if (!DateTime.fromFormat(draft.contractStart, 'yyyy-MM-dd').isValid) {
      problems.push({
        field: 'contractStart',
        value: draft.contractStart,
        reason: 'expected a date "yyyy-MM-dd", e.g. 2026-10-01',
        code: 'invalidFormat',
      });
    }
    if (draft.tenantId.toLowerCase() === this.consultantTenantId.toLowerCase()) {
      problems.push({
        field: 'tenantId',
        value: draft.tenantId,
        reason: "is the consultant's own tenant; enter the tenant id of the customer's Microsoft 365 tenant",
        code: 'consultantTenant',
      });
    }
    const seen = new Set<string>();
    draft.contacts.forEach((contact, index) => {
      const key = contact.aadObjectId.toLowerCase();
      if (seen.has(key)) {
        problems.push({ field: `contacts.${index}.aadObjectId`, value: contact.aadObjectId, reason: 'appears twice in the contacts', code: 'duplicate' });
      }
      seen.add(key);
    });
    if (problems.length > 0 || !plan) throw new InvalidInputError('customer', problems);

    const customer: Customer = {
      id: customerId,
      name: draft.name,
      planId: plan.id,
      tenantId: draft.tenantId.toLowerCase(),
      contractStart: draft.contractStart,
    };
    const contacts = draft.contacts.map((contact): Contact => ({ ...withoutEmpty(contact), customerId }));
    return { customer, contacts };
  }

  private profileOf(customer: Customer, contacts: Contact[]): CustomerProfile {
    const plan = this.catalog.plans.find((candidate) => candidate.id === customer.planId);
    if (!plan) throw new Error(`Customer "${customer.id}" has plan "${customer.planId}", which the catalog does not contain`);
    return {
      customer,
      contacts,
      plan,
      minimumTermMonths: plan.minimumTermMonths,
      minimumTermEnd: minimumTermEnd(customer.contractStart, plan.minimumTermMonths),
    };
  }
}

/** Drops optional contact fields that are empty, so no empty column is stored. */
function withoutEmpty(contact: ContactDraft): ContactDraft {
  const result: ContactDraft = { aadObjectId: contact.aadObjectId, name: contact.name, approver: contact.approver };
  if (contact.email) result.email = contact.email;
  if (contact.phone) result.phone = contact.phone;
  if (contact.language) result.language = contact.language as Language;
  return result;
}
