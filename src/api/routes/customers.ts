import { CUSTOMER_ID_PATTERN, MAX_CUSTOMER_NAME_LENGTH } from '../../domain/customer.js';
import { CALLBACK_PHONE_MAX_LENGTH, isValidCallbackPhone } from '../../domain/requestInput.js';
import { compareCustomerOrder, type CustomerProfile } from '../../services/customerService.js';
import { z } from '../openApiZod.js';
import { LimitSchema, cursorSchema, pageAfter, pageSchema } from '../paging.js';
import { defineRoute, type AnyApiRoute } from '../route.js';
import { CustomerIdParamSchema } from './requestSchemas.js';

const name = z.string().trim().min(1, 'Required').max(MAX_CUSTOMER_NAME_LENGTH);

/** A contact of a customer. */
export const ContactSchema = z
  .object({
    aadObjectId: z.string().uuid('Expected the Entra object id (a GUID) of the contact'),
    name,
    email: z.string().trim().email('Expected an e-mail address').max(254).optional(),
    phone: z
      .string()
      .trim()
      .max(CALLBACK_PHONE_MAX_LENGTH)
      .refine(isValidCallbackPhone, 'Expected a phone number such as +49 211 5550100')
      .optional(),
    approver: z.boolean().default(false).openapi({ description: 'Whether the contact may approve overage hours' }),
    language: z.enum(['de', 'en']).optional(),
  })
  .openapi('Contact');

/** The editable fields of a customer, as PUT takes them. */
export const CustomerUpdateSchema = z
  .object({
    name,
    planId: z.string().min(1).openapi({ example: 'gold', description: 'Id of a plan in the service catalog' }),
    tenantId: z.string().uuid('Expected the Entra tenant id (a GUID) of the customer'),
    contractStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date "yyyy-MM-dd"').openapi({ example: '2026-10-01' }),
    contacts: z.array(ContactSchema).max(90).default([]),
  })
  .openapi('CustomerUpdate');

/** A new customer: the editable fields and the id. */
export const CustomerCreateSchema = CustomerUpdateSchema.extend({
  id: z
    .string()
    .regex(CUSTOMER_ID_PATTERN, 'Expected 2 to 63 lowercase letters, digits and dashes, e.g. "contoso"')
    .openapi({ example: 'contoso' }),
}).openapi('CustomerCreate');

/** A customer with contacts and the contract facts from the catalog. */
export const CustomerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    planId: z.string(),
    planName: z.object({ de: z.string(), en: z.string() }),
    tenantId: z.string(),
    contractStart: z.string(),
    minimumTermMonths: z.number().int().nullable().openapi({ description: "The plan's minimum term from the catalog; null without one" }),
    minimumTermEnd: z.string().optional().openapi({ description: 'First date after the minimum term' }),
    contacts: z.array(ContactSchema),
  })
  .openapi('Customer');

const CustomerPathSchema = z.object({ customerId: CustomerIdParamSchema });

/** One page of customers in the order of the list. */
const CustomerPageSchema = pageSchema(CustomerSchema).openapi('CustomerPage');

/** Position in the customer order that a cursor carries: the last customer's name and id. */
const CustomerPositionSchema = z.object({ name: z.string(), id: z.string() });

const CustomerListQuerySchema = z.object({ cursor: cursorSchema(CustomerPositionSchema).optional(), limit: LimitSchema });

function toCustomer(profile: CustomerProfile): z.input<typeof CustomerSchema> {
  return {
    id: profile.customer.id,
    name: profile.customer.name,
    planId: profile.customer.planId,
    planName: profile.plan.name,
    tenantId: profile.customer.tenantId,
    contractStart: profile.customer.contractStart,
    minimumTermMonths: profile.minimumTermMonths,
    minimumTermEnd: profile.minimumTermEnd,
    contacts: profile.contacts.map(({ customerId: _customerId, ...contact }) => contact),
  };
}

/** Routes of the customer records. */
export const customerRoutes: AnyApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/customers',
    summary: 'Lists customers with contacts, ordered by name, one page at a time',
    tag: 'Customers',
    request: { query: CustomerListQuerySchema },
    response: CustomerPageSchema,
    handler: async ({ query, services }) => {
      const page = pageAfter(
        await services.customers.list(),
        query.limit,
        query.cursor,
        (profile, position) => compareCustomerOrder(profile.customer, position),
        (profile) => ({ name: profile.customer.name, id: profile.customer.id }),
      );
      return { items: page.items.map(toCustomer), nextCursor: page.nextCursor };
    },
  }),

  defineRoute({
    method: 'get',
    path: '/customers/{customerId}',
    summary: 'Returns one customer with contacts',
    tag: 'Customers',
    request: { params: CustomerPathSchema },
    response: CustomerSchema,
    errors: ['customerNotFound'],
    handler: async ({ params, services }) => toCustomer(await services.customers.get(params.customerId)),
  }),

  defineRoute({
    method: 'post',
    path: '/customers',
    summary: 'Creates a customer with its contacts',
    tag: 'Customers',
    successStatus: 201,
    request: { body: CustomerCreateSchema },
    response: CustomerSchema,
    errors: ['duplicateCustomerId', 'duplicateTenant', 'conflict', 'unprocessable'],
    handler: async ({ body, services }) => {
      const { id, ...draft } = body;
      return toCustomer(await services.customers.create(id, draft));
    },
  }),

  defineRoute({
    method: 'put',
    path: '/customers/{customerId}',
    summary: "Replaces a customer's fields and contacts; contacts left out are removed",
    tag: 'Customers',
    request: { params: CustomerPathSchema, body: CustomerUpdateSchema },
    response: CustomerSchema,
    errors: ['customerNotFound', 'duplicateTenant', 'conflict', 'concurrentChange', 'unprocessable'],
    handler: async ({ params, body, services }) => toCustomer(await services.customers.update(params.customerId, body)),
  }),
];
