import { createContext, useContext } from 'react';
import { de, type TabMessages } from './de.js';
import { en } from './en.js';
import type { Language } from './language.js';

export type { TabMessages } from './de.js';
export { languageOfLocale, type Language } from './language.js';

const catalogs: Record<Language, TabMessages> = { de, en };

/** Returns the text catalog of a language. */
export function messagesFor(language: Language): TabMessages {
  return catalogs[language];
}

/** The language of the tab and its texts, provided by the shell. */
export interface LanguageValue {
  language: Language;
  messages: TabMessages;
}

/** Provides the tab's language to every screen. */
export const LanguageContext = createContext<LanguageValue>({ language: 'de', messages: de });

/** Returns the tab's language and texts. */
export function useLanguage(): LanguageValue {
  return useContext(LanguageContext);
}
