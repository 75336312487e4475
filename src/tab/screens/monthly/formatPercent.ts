import type { Language } from '../../i18n/index.js';

/** Formats a percentage with at most one decimal: "87,5 %" / "87.5%". */
export function formatPercent(percent: number, language: Language): string {
  return new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(
    percent / 100,
  );
}
