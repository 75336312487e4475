import { DateTime } from 'luxon';
import type { Language } from '../../i18n/index.js';

/** Formats a local date "yyyy-MM-dd" as "01.10.2026" / "01/10/2026" and returns an invalid date unchanged. */
export function formatLocalDate(date: string, language: Language): string {
  const parsed = DateTime.fromISO(date);
  if (!parsed.isValid) return date;
  return parsed.toFormat(language === 'de' ? 'dd.MM.yyyy' : 'dd/MM/yyyy');
}

/** Returns the day before a local date "yyyy-MM-dd", e.g. the last day of a term from its first day after. */
export function dayBefore(date: string): string {
  const parsed = DateTime.fromISO(date);
  return parsed.isValid ? parsed.minus({ days: 1 }).toISODate() ?? date : date;
}
