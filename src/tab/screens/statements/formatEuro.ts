import type { Language } from '../../i18n/index.js';

const formats = new Map<Language, Intl.NumberFormat>();

/** Formats euro cents as euro with two decimals: "1.188,81 €" in German, "€1,188.81" in English. */
export function formatEuro(cents: number, language: Language): string {
  let format = formats.get(language);
  if (format === undefined) {
    format = new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency: 'EUR' });
    formats.set(language, format);
  }
  return format.format(cents / 100);
}
