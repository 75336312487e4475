import type { Language } from '../domain/customer.js';
import { de, type Messages } from './de.js';
import { en } from './en.js';

const CATALOGS: Record<Language, Messages> = { de, en };

/** Returns the message catalog for `lang`. */
export function messagesFor(lang: Language): Messages {
  return CATALOGS[lang];
}

/**
 * Chooses the language a person reads: a stored preference wins, then a Teams
 * locale starting with "en" (e.g. "en-US") selects English, and everything
 * else, including a missing locale, selects German.
 */
export function resolveLanguage(stored?: Language, teamsLocale?: string): Language {
  if (stored) {
    return stored;
  }
  return teamsLocale?.trim().toLowerCase().startsWith('en') ? 'en' : 'de';
}
