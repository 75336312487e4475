import type { CatalogPlan } from '../../api/plans.js';
import { formatMinutes } from '../../i18n/format.js';
import type { Language, TabMessages } from '../../i18n/index.js';
import { formatEuro } from '../statements/formatEuro.js';

/** A plan the customer dialog offers. */
export interface PlanOption {
  id: string;
  /** Name of the plan in the tab's language. */
  name: string;
  /** Monthly fee, included time and minimum term, e.g. "999,00 € pro Monat · 8 Std. inklusive · keine Mindestlaufzeit". */
  details: string;
}

/** Returns the catalog's plans in catalog order, named in the tab's language, with their contract facts. */
export function planOptions(plans: readonly CatalogPlan[], language: Language, messages: TabMessages): PlanOption[] {
  const texts = messages.customers.planDetails;
  return plans.map((plan) => ({
    id: plan.id,
    name: plan.name[language],
    details: [
      texts.fee(formatEuro(plan.monthlyFeeCents, language)),
      texts.included(formatMinutes(plan.includedMinutes, language)),
      plan.minimumTermMonths === null ? texts.noMinimumTerm : texts.minimumTerm(plan.minimumTermMonths),
    ].join(' · '),
  }));
}
