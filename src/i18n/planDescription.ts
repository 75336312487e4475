import type { EmergencyLine, Plan } from '../domain/catalog.js';
import type { Language } from '../domain/customer.js';
import { messagesFor } from './messages.js';

/** A plan's terms as sentences in one language, for the welcome card and the tab. */
export interface PlanDescription {
  planName: string;
  /** Callback guarantee, with the weekend guarantee when the plan has one. */
  callbackGuarantee: string;
  /** Working-day window, plus the weekend and holiday window when the plan has one. */
  serviceHours: string;
  /** Included hours per month and the work they cover. */
  includedHours: string;
  /** Rollover of unused hours; undefined for plans without rollover. */
  rollover?: string;
  /** One line per bonus entitlement (check-in, proactive call, ...); empty when there is none. */
  bonuses: string[];
  /** Emergency instructions: phone number, guarantee and cost. */
  emergency: string;
}

/**
 * Describes a plan and the emergency line in `lang`, with every value taken
 * from the catalog entries passed in.
 *
 * @param emergencyPhone Phone number of the emergency line, as the customer should dial it.
 */
export function describePlan(plan: Plan, emergencyLine: EmergencyLine, emergencyPhone: string, lang: Language): PlanDescription {
  const messages = messagesFor(lang).plan;
  const { guarantee, serviceWindows } = plan;

  const callbackGuarantee =
    guarantee.weekendMinutes === null
      ? messages.guarantee(guarantee.workingDayMinutes)
      : messages.guaranteeWithWeekend(guarantee.workingDayMinutes, guarantee.weekendMinutes);

  const serviceHours =
    serviceWindows.weekend === null
      ? messages.serviceHours(serviceWindows.workingDay.start, serviceWindows.workingDay.end)
      : messages.serviceHoursWithWeekend(
          serviceWindows.workingDay.start,
          serviceWindows.workingDay.end,
          serviceWindows.weekend.start,
          serviceWindows.weekend.end,
        );

  const emergency = messages.emergency({
    lineName: emergencyLine.name[lang],
    phone: emergencyPhone,
    guaranteeMinutes: emergencyLine.guaranteeMinutes,
    baseFeeCents: emergencyLine.baseFeeCents,
    hourlyRateCents: emergencyLine.hourlyRateCents,
  });

  return {
    planName: plan.name[lang],
    callbackGuarantee,
    serviceHours,
    includedHours: messages.includedHours(plan.includedMinutes, plan.includedCovers),
    rollover: plan.rolloverCapMinutes > 0 ? messages.rollover(plan.rolloverCapMinutes) : undefined,
    bonuses: plan.entitlements.map((entitlement) => messages.bonus(entitlement)),
    emergency,
  };
}
