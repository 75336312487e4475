import { ApiError } from '../../api/apiError.js';
import type { TabMessages } from '../../i18n/index.js';

/** Field errors of the customer dialog, keyed by the API's field path below `body`, e.g. "tenantId" or "contacts.0.email". */
export type FieldErrors = Record<string, string>;

const CONTACT_FIELD = /^contacts\.(\d+)\.(\w+)$/;

/**
 * Turns the issues of a 400, 409 or 422 response to a customer's create or update into texts per field.
 * The texts come from the catalogs, because the API's issue messages are English. Returns undefined when
 * the response names no field, so the caller shows the general error instead.
 */
export function customerFieldErrors(error: unknown, messages: TabMessages): FieldErrors | undefined {
  if (!(error instanceof ApiError) || error.body?.issues === undefined) return undefined;
  const texts = messages.customers.fieldErrors;
  const code = error.body.code;
  const errors: FieldErrors = {};

  for (const issue of error.body.issues) {
    const field = issue.field.replace(/^body\./, '');
    const contact = CONTACT_FIELD.exec(field);
    if (contact !== null) {
      const name = contact[2] ?? '';
      errors[field] = issue.code === 'duplicate' ? texts.duplicateContact : (texts.contact as Record<string, string>)[name] ?? texts.invalid;
    } else if (issue.code === 'consultantTenant') {
      errors[field] = messages.fieldIssues.byCode.consultantTenant();
    } else if (code === 'duplicateTenant' && field === 'tenantId') {
      errors[field] = texts.duplicateTenant;
    } else if (code === 'duplicateCustomerId' && field === 'id') {
      errors[field] = texts.duplicateId;
    } else {
      errors[field] = (texts.customer as Record<string, string>)[field] ?? texts.invalid;
    }
  }
  return Object.keys(errors).length === 0 ? undefined : errors;
}
