import type { Language } from '../../domain/customer.js';
import { hoursOverviewOf } from '../../domain/hours/hoursOverview.js';
import { formatDuration, formatMonth } from '../../i18n/format.js';
import { messagesFor } from '../../i18n/messages.js';
import type { HoursWarningView } from '../../services/hoursWarningService.js';
import template from './hoursWarning.json' with { type: 'json' };
import { expandCard, type AdaptiveCard } from './template.js';

/**
 * Renders the consultant's warning that a customer reached a share of the month's hours: the month,
 * used and available minutes, remaining minutes and unapproved overage. From 100 % on it adds that
 * further work needs approved overage.
 */
export function renderHoursWarningCard(view: HoursWarningView, lang: Language): AdaptiveCard {
  const messages = messagesFor(lang);
  const hours = messages.hours;
  const figures = hoursOverviewOf(view.statement);
  const duration = (minutes: number) => formatDuration(minutes, lang);
  const exhausted = view.thresholdPercent >= 100;

  return expandCard(template, {
    style: exhausted ? 'attention' : 'warning',
    title: messages.hoursWarning.title(view.customer.name, view.thresholdPercent),
    facts: [
      { title: messages.hoursWarning.month, value: formatMonth(view.statement.month, lang) },
      { title: hours.plan, value: view.plan.name[lang] },
      { title: hours.used, value: duration(figures.usedMinutes) },
      { title: hours.includedUsed, value: `${duration(figures.includedUsedMinutes)} / ${duration(figures.availableMinutes)}` },
      { title: hours.overage, value: duration(figures.overageMinutes) },
      { title: hours.remaining, value: duration(figures.remainingMinutes) },
      { title: hours.approvedOverageLeft, value: duration(figures.overageApprovedLeftMinutes) },
      { title: hours.unapprovedOverage, value: duration(figures.unapprovedOverageMinutes) },
    ],
    hint: { visible: exhausted, text: messages.hoursWarning.exhaustedHint },
  });
}
