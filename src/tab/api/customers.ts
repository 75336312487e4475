import type { z } from 'zod';
import type { ContactSchema, CustomerCreateSchema, CustomerSchema, CustomerUpdateSchema } from '../../api/routes/customers.js';
import { listAllPages } from './allPages.js';
import type { ApiClient } from './client.js';
import type { CustomerSummary } from './types.js';

/** Lists every customer, ordered by name, reading all pages. */
export function listCustomers(api: ApiClient): Promise<CustomerSummary[]> {
  return listAllPages<CustomerSummary>(api, '/customers');
}

/** A customer with plan, tenant, contract facts and contacts (GET /api/tab/customers/{customerId}). */
export type CustomerRecord = z.infer<typeof CustomerSchema>;

/** A contact of a customer as the API takes and returns it. */
export type ContactRecord = z.input<typeof ContactSchema>;

/** Body of PUT /api/tab/customers/{customerId}: every editable field, the contacts included. */
export type CustomerUpdate = z.input<typeof CustomerUpdateSchema>;

/** Body of POST /api/tab/customers: the editable fields and the new id. */
export type CustomerCreate = z.input<typeof CustomerCreateSchema>;

/** Lists every customer with contacts and contract facts, ordered by name, reading all pages. */
export function listCustomerRecords(api: ApiClient): Promise<CustomerRecord[]> {
  return listAllPages<CustomerRecord>(api, '/customers');
}

/** Creates a customer. A 400 or 422 response names the invalid fields in its issues. */
export function createCustomer(api: ApiClient, customer: CustomerCreate): Promise<CustomerRecord> {
  return api.post<CustomerRecord>('/customers', customer);
}

/** Replaces a customer's fields and contacts. Contacts left out are removed. */
export function updateCustomer(api: ApiClient, customerId: string, customer: CustomerUpdate): Promise<CustomerRecord> {
  return api.put<CustomerRecord>(`/customers/${encodeURIComponent(customerId)}`, customer);
}
