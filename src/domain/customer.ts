import type { PlanId } from './catalog.js';

/** Customer ids: lowercase letters, digits and dashes, 2 to 63 characters, starting with a letter or digit. */
export const CUSTOMER_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Maximum length of a customer's or contact's name, in characters. */
export const MAX_CUSTOMER_NAME_LENGTH = 200;

/** Language a person reads the bot in. */
export type Language = 'de' | 'en';

/** A customer organisation with its own Microsoft 365 tenant. */
export interface Customer {
  /** Short stable id, lowercase letters, digits and dashes, e.g. "contoso". */
  id: string;
  name: string;
  planId: PlanId;
  /** Entra tenant id of the customer's Microsoft 365 tenant. */
  tenantId: string;
  /** First day of the contract, local date "yyyy-MM-dd". */
  contractStart: string;
}

/** A person at a customer who may talk to the bot. */
export interface Contact {
  customerId: string;
  /** Entra object id of the person in the customer's tenant. */
  aadObjectId: string;
  name: string;
  email?: string;
  phone?: string;
  /** Stored language preference; overrides the Teams locale when set. */
  language?: Language;
  /** Whether this contact may approve overage hours for the customer. */
  approver: boolean;
}
