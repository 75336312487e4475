import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Catalog } from '../domain/catalog.js';
import { findPlan } from '../domain/catalog.js';
import type { CustomerRepository } from '../storage/customers.js';

const demoSchema = z.object({
  customers: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
      name: z.string().min(1),
      planId: z.string(),
      tenantId: z.string().uuid(),
      contractStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      contacts: z.array(
        z.object({
          aadObjectId: z.string().uuid(),
          name: z.string().min(1),
          email: z.string().email().optional(),
          phone: z.string().optional(),
          language: z.enum(['de', 'en']).optional(),
          approver: z.boolean(),
        }),
      ),
    }),
  ),
});

/**
 * Loads the demo customers from a JSON file when no customer exists yet.
 *
 * @returns the number of customers created; 0 when the tables already had customers.
 * @throws Error naming the file and the invalid field, or an unknown plan id.
 */
export async function loadDemoCustomers(path: string, customers: CustomerRepository, catalog: Catalog): Promise<number> {
  if (!(await customers.isEmpty())) return 0;

  const parsed = demoSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid demo data in ${path}:\n  ${problems.join('\n  ')}`);
  }

  for (const entry of parsed.data.customers) {
    const plan = findPlan(catalog, entry.planId);
    const { contacts, ...customer } = entry;
    await customers.create(
      { ...customer, planId: plan.id },
      contacts.map((contact) => ({ ...contact, customerId: customer.id })),
    );
  }
  return parsed.data.customers.length;
}
