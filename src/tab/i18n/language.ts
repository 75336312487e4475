/** Languages of the tab: German first, English for English locales. */
export type Language = 'de' | 'en';

/** Picks the tab's language from a locale such as "en-US" or "de-DE": English when it starts with "en", else German. */
export function languageOfLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'de';
}
