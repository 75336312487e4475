import type { ContactRecord, CustomerRecord, CustomerUpdate } from '../../api/customers.js';

/** Language preference of a contact in the form. "" leaves the choice to the Teams locale. */
export type ContactLanguage = '' | 'de' | 'en';

/** A contact as the dialog edits it: every field a string, so inputs stay controlled. */
export interface ContactForm {
  /** React key of the contact's fields, stable while the contact is edited. */
  key: string;
  name: string;
  email: string;
  phone: string;
  aadObjectId: string;
  approver: boolean;
  language: ContactLanguage;
}

/** A customer as the dialog edits it. */
export interface CustomerForm {
  id: string;
  name: string;
  planId: string;
  tenantId: string;
  contractStart: string;
  contacts: ContactForm[];
}

let nextContactKey = 0;

/** Returns an empty contact with a fresh React key. */
export function emptyContact(): ContactForm {
  nextContactKey += 1;
  return { key: `contact-${nextContactKey}`, name: '', email: '', phone: '', aadObjectId: '', approver: false, language: '' };
}

/** Returns the form of a new customer: no contacts, contract start empty. */
export function emptyCustomerForm(): CustomerForm {
  return { id: '', name: '', planId: '', tenantId: '', contractStart: '', contacts: [] };
}

/** Returns the form of a stored customer. */
export function customerFormOf(customer: CustomerRecord): CustomerForm {
  return {
    id: customer.id,
    name: customer.name,
    planId: customer.planId,
    tenantId: customer.tenantId,
    contractStart: customer.contractStart,
    contacts: customer.contacts.map((contact) => ({
      ...emptyContact(),
      name: contact.name,
      email: contact.email ?? '',
      phone: contact.phone ?? '',
      aadObjectId: contact.aadObjectId,
      approver: contact.approver ?? false,
      language: contact.language ?? '',
    })),
  };
}

/**
 * Builds the API body of a form. Text is trimmed and empty optional fields are left out. Everything else,
 * including empty required fields, goes to the API, because the API validates it and names the invalid fields.
 */
export function customerBodyOf(form: CustomerForm): CustomerUpdate {
  return {
    name: form.name.trim(),
    planId: form.planId,
    tenantId: form.tenantId.trim(),
    contractStart: form.contractStart,
    contacts: form.contacts.map((contact) => {
      const body: ContactRecord = { name: contact.name.trim(), aadObjectId: contact.aadObjectId.trim(), approver: contact.approver };
      if (contact.email.trim() !== '') body.email = contact.email.trim();
      if (contact.phone.trim() !== '') body.phone = contact.phone.trim();
      if (contact.language !== '') body.language = contact.language;
      return body;
    }),
  };
}
