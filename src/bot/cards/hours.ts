import { DateTime } from 'luxon';

import type { Plan } from '../../domain/catalog.js';
import type { Language } from '../../domain/customer.js';
import { hoursOverviewOf, type HoursOverview } from '../../domain/hours/hoursOverview.js';
import { poolTimeTypes } from '../../domain/hours/index.js';
import { formatDuration, localeOf } from '../../i18n/format.js';
import { messagesFor } from '../../i18n/messages.js';
import type { CustomerMonthStatement } from '../../services/statementService.js';
import template from './hours.json' with { type: 'json' };
import { expandCard, type AdaptiveCard } from './template.js';
import { TIME_TYPES } from '../../domain/timeTypes.js';

/** Input of {@link renderHoursCard}. */
export interface HoursCardInput {
  lang: Language;
  customerName: string;
  plan: Plan;
  /** The month's statement, from which every number on the card comes. */
  statement: CustomerMonthStatement;
  /** IANA zone of the business calendar, in which the month's first and last day are shown. */
  zone: string;
}

/** One segment of the usage bar: a weighted column in a container style. */
interface BarSegment {
  weight: number;
  style: 'good' | 'warning' | 'attention' | 'emphasis';
}


/**
 * Renders the contact's hours card for one month. It shows the rolled-over lot of partner plans with the
 * last day it is valid. It also shows period, plan, included minutes, used in total, the part of it from the
 * included minutes, overage, remaining, approved overage left and unapproved overage, a usage bar, and the billed minutes per time type. Adaptive Cards 1.5 has no progress bar, so the bar is a ColumnSet whose
 * column widths are the used, remaining and overage minutes.
 */
export function renderHoursCard(input: HoursCardInput): AdaptiveCard {
  const { lang, statement, plan } = input;
  const messages = messagesFor(lang);
  const texts = messages.hours;
  const figures = hoursOverviewOf(statement);
  const duration = (minutes: number) => formatDuration(minutes, lang);

  const facts = [
    { title: texts.period, value: describePeriod(statement.month, lang, input.zone) },
    { title: texts.plan, value: plan.name[lang] },
    { title: texts.included, value: duration(statement.includedMinutes) },
  ];
  if (plan.kind === 'partner') {
    // A rolled-over lot is usable in the statement month only, so it is valid until the month's last day.
    const rolledOver = duration(statement.rolloverInMinutes);
    const validUntil = formatLocalDate(lastDayOf(statement.month, input.zone), lang);
    const value = statement.rolloverInMinutes > 0 ? texts.rolledOverValue(rolledOver, validUntil) : rolledOver;
    facts.push({ title: texts.rolledOver, value });
  }
  facts.push(
    { title: texts.used, value: duration(figures.usedMinutes) },
    { title: texts.includedUsed, value: `${duration(figures.includedUsedMinutes)} / ${duration(figures.availableMinutes)}` },
    { title: texts.overage, value: duration(figures.overageMinutes) },
    { title: texts.remaining, value: duration(figures.remainingMinutes) },
    { title: texts.approvedOverageLeft, value: duration(figures.overageApprovedLeftMinutes) },
    { title: texts.unapprovedOverage, value: duration(figures.unapprovedOverageMinutes) },
  );

  const poolTypes = poolTimeTypes(plan);
  const usedByType = TIME_TYPES.map((type) => {
    const name = messages.timeLog.types[type];
    return { title: poolTypes.has(type) ? name : texts.notFromPool(name), value: duration(statement.usedByType[type]) };
  });

  return expandCard(template, {
    title: texts.title,
    customerName: input.customerName,
    bar: { segments: barSegments(figures), caption: texts.usedPercent(figures.percentUsed ?? (figures.usedMinutes > 0 ? 100 : 0)) },
    facts,
    usedByTypeHeading: texts.usedByTypeHeading,
    usedByType,
    unapproved: { visible: figures.unapprovedOverageMinutes > 0, text: texts.unapprovedHint },
    incrementNote: texts.increment(statement.billingIncrementMinutes),
  });
}

/** Builds the bar: used included minutes, remaining minutes and overage, leaving out empty segments. */
function barSegments(figures: HoursOverview): BarSegment[] {
  let usedStyle: BarSegment['style'] = 'good';
  if (figures.warningThresholdPercent !== null) {
    usedStyle = figures.warningThresholdPercent >= 100 ? 'attention' : 'warning';
  }

  const segments: BarSegment[] = [
    { weight: figures.includedUsedMinutes, style: usedStyle },
    { weight: figures.remainingMinutes, style: 'emphasis' },
    { weight: figures.overageMinutes, style: 'attention' },
  ].filter((segment): segment is BarSegment => segment.weight > 0);
  return segments.length > 0 ? segments : [{ weight: 1, style: 'emphasis' }];
}

/** Formats a month "yyyy-MM" as its first and last local day, e.g. "01.11.2026 bis 30.11.2026". */
function describePeriod(month: string, lang: Language, zone: string): string {
  const first = DateTime.fromISO(`${month}-01`, { zone });
  return messagesFor(lang).hours.periodValue(formatLocalDate(first, lang), formatLocalDate(lastDayOf(month, zone), lang));
}

/** Returns the last local day of a month "yyyy-MM". */
function lastDayOf(month: string, zone: string): DateTime {
  return DateTime.fromISO(`${month}-01`, { zone }).endOf('month');
}

/** Formats a local date with two-digit day and month, e.g. "31.12.2026" in German. */
function formatLocalDate(date: DateTime, lang: Language): string {
  return date.setLocale(localeOf(lang)).toLocaleString({ day: '2-digit', month: '2-digit', year: 'numeric' });
}
