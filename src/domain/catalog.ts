import { z } from 'zod';
import { TIME_TYPES, type TimeType } from './timeTypes.js';

/** Local wall-clock time of day, "HH:mm", 00:00 to 24:00. */
const localTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a local time "HH:mm"');

/** A daily service window in local time; `end` is exclusive and later than `start`. */
const windowSchema = z
  .object({ start: localTimeSchema, end: localTimeSchema })
  .refine((window) => window.start < window.end, { message: 'window end must be after its start' });

const localizedSchema = z.object({ de: z.string().min(1), en: z.string().min(1) });

/** Channels on which a plan's customers reach the consultant. */
export const PLAN_CHANNELS = ['phone', 'priority-phone', 'whatsapp', 'teams'] as const;

const channelSchema = z.enum(PLAN_CHANNELS);

const timeTypeSchema = z.enum(TIME_TYPES);

const entitlementSchema = z.object({
  kind: z.enum(['check-in', 'proactive-call', 'strategy-meeting', 'roadmap-review']),
  durationMinutes: z.number().int().positive(),
  period: z.enum(['isoWeek', 'month', 'quarter']),
});

/**
 * Appointment a contact may pick for the callback of a request: its length and the minimum time between
 * now and its start. An appointment after the plan's callback deadline replaces that deadline.
 */
const callbackSlotSchema = z.object({
  durationMinutes: z.number().int().positive(),
  minimumNoticeMinutes: z.number().int().nonnegative(),
});

/**
 * Policy of a plan for 24 December and 31 December, which are not statutory holidays:
 * a normal working day, a half day whose windows end at `halfDayEnd`, or closed.
 */
const yearEndPolicySchema = z.enum(['workingDay', 'halfDay', 'closed']);

const planSchema = z
  .object({
    id: z.enum(['bronze', 'silver', 'gold', 'starter', 'professional', 'enterprise']),
    kind: z.enum(['hotline', 'partner']),
    name: localizedSchema,
    monthlyFeeCents: z.number().int().nonnegative(),
    includedMinutes: z.number().int().nonnegative(),
    extraHourCents: z.number().int().nonnegative(),
    guarantee: z.object({
      workingDayMinutes: z.number().int().positive(),
      weekendMinutes: z.number().int().positive().nullable(),
    }),
    serviceWindows: z.object({ workingDay: windowSchema, weekend: windowSchema.nullable() }),
    yearEndDays: yearEndPolicySchema,
    channels: z.array(channelSchema).min(1),
    entitlements: z.array(entitlementSchema),
    callbackSlot: callbackSlotSchema,
    rolloverCapMinutes: z.number().int().nonnegative(),
    minimumTermMonths: z.number().int().positive().nullable(),
    includedCovers: z.array(timeTypeSchema).min(1),
    /** Fields whose values the business owner did not state; shown as defaults in docs and the tab. */
    assumedDefaults: z.array(z.string()),
  })
  .refine((plan) => (plan.guarantee.weekendMinutes === null) === (plan.serviceWindows.weekend === null), {
    message: 'a weekend guarantee needs a weekend window and the other way round',
  });

const emergencyLineSchema = z.object({
  id: z.literal('emergency'),
  name: localizedSchema,
  baseFeeCents: z.number().int().nonnegative(),
  hourlyRateCents: z.number().int().nonnegative(),
  guaranteeMinutes: z.number().int().positive(),
});

/** Zod schema of `config/plans.json`. */
export const catalogSchema = z
  .object({
    currency: z.literal('EUR'),
    vatPercent: z.number().nonnegative(),
    billingIncrementMinutes: z.number().int().positive(),
    halfDayEnd: localTimeSchema,
    emergencyLine: emergencyLineSchema,
    projectRates: z.object({
      remoteHourCents: z.number().int().nonnegative(),
      remoteDayCents: z.number().int().nonnegative(),
      projectMinimumCents: z.number().int().nonnegative(),
      onSiteDayCents: z.number().int().nonnegative(),
    }),
    plans: z.array(planSchema).min(1),
  })
  .refine((catalog) => new Set(catalog.plans.map((plan) => plan.id)).size === catalog.plans.length, {
    message: 'plan ids must be unique',
  });

export type Catalog = z.infer<typeof catalogSchema>;
export type Plan = Catalog['plans'][number];
export type PlanId = Plan['id'];
export type EmergencyLine = Catalog['emergencyLine'];
export type ServiceWindow = Plan['serviceWindows']['workingDay'];
export type Channel = z.infer<typeof channelSchema>;
export type { TimeType };
export type Entitlement = z.infer<typeof entitlementSchema>;
export type CallbackSlot = z.infer<typeof callbackSlotSchema>;
export type YearEndPolicy = z.infer<typeof yearEndPolicySchema>;
export type Localized = z.infer<typeof localizedSchema>;

/**
 * Validates a parsed `plans.json` document.
 *
 * @throws Error listing every invalid field with its JSON path.
 */
export function parseCatalog(document: unknown, source = 'catalog'): Catalog {
  const result = catalogSchema.safeParse(document);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid service catalog in ${source}:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

/**
 * Finds a plan by id.
 *
 * @throws Error naming the unknown id and the known ones.
 */
export function findPlan(catalog: Catalog, planId: string): Plan {
  const plan = catalog.plans.find((candidate) => candidate.id === planId);
  if (!plan) {
    const known = [...catalog.plans.map((candidate) => candidate.id), catalog.emergencyLine.id].join(', ');
    throw new Error(`Unknown plan "${planId}"; known plans: ${known}`);
  }
  return plan;
}
